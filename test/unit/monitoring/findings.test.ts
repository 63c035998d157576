import { describe, expect, it } from 'vitest';
import {
  decideSuspension, isFindingClosed, liftSuspension, overdueRecommendations, proposeSuspension, recommendationStatuses, rejectSuspension, standingSuspensions,
  suspensionInForce, suspensionState, validateFinding, validateFollowUp, type Finding, type FollowUp, type Suspension,
} from '../../../src/monitoring/findings';
import { suspensionReasons } from '../../../src/settlements/monthly-subsidy-due';

const entity = { createdAt: '2025-05-10T10:00:00Z', updatedAt: '', version: 1 };
const finding: Finding = {
  ...entity, id: 'f1', visitId: 'v1', conventionId: 'c1', unitId: 'u1', severity: 'grava', source: 'manual', text: 'Registrul beneficiarilor lipsește.', noteDocumentIds: [],
  recommendations: [{ id: 'r1', text: 'Întocmirea registrului.', responsible: 'Maria Ionescu', deadline: '2025-06-10' }, { id: 'r2', text: 'Afișarea finanțării.', responsible: 'Maria Ionescu', deadline: '2025-07-10' }],
};
const followUp = (over: Partial<FollowUp>): FollowUp => ({ ...entity, id: `fu${Math.random()}`, findingId: 'f1', recommendationId: 'r1', date: '2025-06-01', evidence: 'Registru prezentat.', by: 'Ana Pop', closes: false, ...over });

describe('findings and recommendations', () => {
  it('a finding needs its text; a recommendation its responsible person at the NGO and a deadline', () => {
    const { errors } = validateFinding({ ...finding, text: ' ', recommendations: [{ id: 'r', text: 'x', responsible: '', deadline: '2025-13-01' }] });
    expect(errors.text).toBe('Descrieți constatarea.');
    expect(errors['recommendations.0.responsible']).toMatch(/persoana responsabilă/);
    expect(errors['recommendations.0.deadline']).toMatch(/nu este o dată validă/);
  });

  it('a follow-up names a recommendation of the finding and the evidence', () => {
    const { errors } = validateFollowUp({ findingId: 'f1', recommendationId: 'rx', date: '2025-06-01', evidence: '', by: 'Ana', closes: false }, finding);
    expect(Object.keys(errors).sort()).toEqual(['evidence', 'recommendationId']);
  });

  it('open, closed by a follow-up that closes, overdue when the deadline passed and it is not closed', () => {
    const entries = [followUp({ closes: false }), followUp({ recommendationId: 'r2', date: '2025-07-01', closes: true })];
    const s = recommendationStatuses([finding], entries, '2025-06-20');
    expect(s.map((x) => [x.recommendation.id, x.state])).toEqual([['r1', 'depasita'], ['r2', 'inchisa']]);
    expect(s[0]!.daysOverdue).toBe(10);
    expect(s[1]!.closedOn).toBe('2025-07-01');
    expect(overdueRecommendations([finding], entries, '2025-06-10')).toEqual([]);
    expect(isFindingClosed(finding, entries)).toBe(false);
    expect(isFindingClosed(finding, [...entries, followUp({ closes: true, date: '2025-06-25' })])).toBe(true);
  });
});

describe('suspension: proposed by a serious finding, in force only by a recorded decision', () => {
  const proposed = (): Suspension => {
    const r = proposeSuspension(finding, { proposedOn: '2025-05-12', proposedBy: 'Ana Pop' });
    if (!r.ok) throw new Error(r.message);
    return { ...entity, id: 's1', ...r.value };
  };

  it('only a serious finding may propose it', () => {
    expect(proposeSuspension({ ...finding, severity: 'majora' }, { proposedOn: '2025-05-12', proposedBy: 'Ana' })).toEqual({ ok: false, message: 'Doar o constatare gravă poate propune suspendarea plăților.' });
  });

  it('a proposal has no effect on any month; the decision takes effect from its day; the lifting ends it the day before its own', () => {
    const p = proposed();
    expect(suspensionState(p)).toBe('propusa');
    expect(suspensionInForce([p], 'c1', 2025, 6)).toEqual([]);
    const decided = decideSuspension(p, { number: '123', date: '2025-05-20', effectiveFrom: '2025-06-01' });
    if (!decided.ok) throw new Error(decided.message);
    const s = decided.value;
    expect(suspensionInForce([s], 'c1', 2025, 5)).toEqual([]);
    expect(suspensionInForce([s], 'c1', 2025, 6)).toHaveLength(1);
    expect(suspensionInForce([s], 'c2', 2025, 6)).toEqual([]);
    expect(decideSuspension(s, { number: '124', date: '2025-05-21', effectiveFrom: '2025-06-01' }).ok).toBe(false);
    const lifted = liftSuspension(s, { number: '150', date: '2025-08-01', effectiveFrom: '2025-08-01' });
    if (!lifted.ok) throw new Error(lifted.message);
    expect(suspensionInForce([lifted.value], 'c1', 2025, 7)).toHaveLength(1);
    expect(suspensionInForce([lifted.value], 'c1', 2025, 8)).toEqual([]);
    expect(suspensionState(lifted.value)).toBe('ridicata');
  });

  it('a decision needs its number and cannot take effect before it is issued; a lifting must come after', () => {
    expect(decideSuspension(proposed(), { number: '', date: '2025-05-20', effectiveFrom: '2025-06-01' })).toEqual({ ok: false, message: 'Decizia de suspendare: numărul actului este obligatoriu.' });
    expect(decideSuspension(proposed(), { number: '1', date: '2025-05-20', effectiveFrom: '2025-05-01' }).ok).toBe(false);
    expect(liftSuspension(proposed(), { number: '1', date: '2025-05-20', effectiveFrom: '2025-06-01' }).ok).toBe(false);
    expect(rejectSuspension(proposed(), '').ok).toBe(false);
    const rejected = rejectSuspension(proposed(), 'Neregula a fost remediată.');
    expect(rejected.ok && suspensionState(rejected.value)).toBe('respinsa');
  });

  it('as the settlements read it: June refused with the decision number and date, May and (after lifting) August not', () => {
    const decided = decideSuspension(proposed(), { number: '123', date: '2025-05-20', effectiveFrom: '2025-06-01' });
    if (!decided.ok) throw new Error(decided.message);
    const lifted = liftSuspension(decided.value, { number: '150', date: '2025-07-25', effectiveFrom: '2025-08-01' });
    if (!lifted.ok) throw new Error(lifted.message);
    const terms = { year: 2025, units: [{ unitId: 'u1', unitName: 'Centrul de zi', months: [5, 6, 7, 8], licenceNumber: 'L1', licenceIssueDate: '2024-01-01', licenceExpiryDate: '2030-01-01' }] } as unknown as Parameters<typeof suspensionReasons>[0];
    const standing = { accreditedOn: '2020-01-01', suspensions: standingSuspensions([lifted.value, proposed()], 'c1') };
    expect(suspensionReasons(terms, 5, standing)).toEqual([]);
    const june = suspensionReasons(terms, 6, standing);
    expect(june).toHaveLength(1);
    expect(june[0]).toContain('Decizia nr. 123 din 20.05.2025');
    expect(june[0]).toContain('între 01.06.2025 și 31.07.2025');
    expect(june[0]).toContain('pentru unitatea „Centrul de zi”');
    expect(suspensionReasons(terms, 8, standing)).toEqual([]);
  });
});
