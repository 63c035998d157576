import { describe, expect, it } from 'vitest';
import { compareBeneficiaries } from '../../../src/monitoring/beneficiary-discrepancy';

const settlement = { state: 'depus' as const, beneficiaries: [{ unitId: 'u1', count: 25 }, { unitId: 'u2', count: 40 }] };
const base = { year: 2025, month: 4 as const, unitId: 'u1', unitName: 'Centrul de zi Speranța', settlement };

describe('beneficiaries observed vs the month’s settlement (margin a plan parameter, 10 %)', () => {
  it('25 claimed, 20 on the register: 20 % beyond the 10 % margin → a proposed finding', () => {
    const c = compareBeneficiaries({ ...base, observed: { present: 18, onRegister: 20 } });
    expect([c.claimed, c.observed, c.observedBasis, c.difference, c.differencePercent, c.isBeyondMargin]).toEqual([25, 20, 'registru', 5, 20, true]);
    expect(c.margin.source).toMatch(/parametru de plan/);
    expect(c.proposedFinding?.text).toContain('decontul declară 25 de beneficiari');
    expect(c.proposedFinding?.text).toContain('20 de beneficiari în registrul unității');
    expect(c.explanation).toContain('aprilie 2025');
  });

  it('within the margin (23 of 25 = 8 %) no finding; exactly at the margin is not beyond it', () => {
    expect(compareBeneficiaries({ ...base, observed: { present: 23 } })).toMatchObject({ observedBasis: 'prezenti', differencePercent: 8, isBeyondMargin: false });
    expect(compareBeneficiaries({ ...base, observed: { onRegister: 20 }, margin: { percent: 20, source: 'x' } }).isBeyondMargin).toBe(false);
    expect(compareBeneficiaries({ ...base, observed: { onRegister: 20 }, margin: { percent: 19.9, source: 'x' } }).isBeyondMargin).toBe(true);
  });

  it('reads the unit’s own count; no settlement stored, or nothing observed: no comparison, said so', () => {
    expect(compareBeneficiaries({ ...base, unitId: 'u2', observed: { onRegister: 40 } }).differencePercent).toBe(0);
    const none = compareBeneficiaries({ ...base, settlement: undefined, observed: { onRegister: 20 } });
    expect([none.isBeyondMargin, none.claimed]).toEqual([false, undefined]);
    expect(none.explanation).toMatch(/Nu există un decont înregistrat pentru aprilie 2025/);
    expect(compareBeneficiaries({ ...base, observed: {} }).explanation).toMatch(/Nu s-a înregistrat/);
  });
});
