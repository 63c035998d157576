import { describe, expect, it } from 'vitest';
import { termsForMonth, termsInForce, validateAmendment, type Amendment } from '../../../src/conventions/amendments';
import { apportion, conventionFromAward, conventionPeriod, makeDefinitive, terminate, unitCeilingForMonth } from '../../../src/conventions/convention';
import { changeInstalment, DEFAULT_BUDGET_CLASSIFICATION, paymentPlan, validateCommitment } from '../../../src/conventions/payment-plan';
import { bani } from '../../../src/money';
import { ALL_YEAR, convention, FULL_YEAR_UNIT, org, request, rules, snapshot, unit1, unit2, type AwardUnit } from './fixtures';

describe('a convention from a frozen award', () => {
  it('a full award: 180.000 lei, 15.000 lei a month, the eligible budget split 142.105 + 37.895 lei (investments left out)', () => {
    const c = convention();
    expect(c.state).toBe('provizorie');
    expect(c.amount).toBe(18_000_000);
    expect(conventionPeriod(c)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    const u = c.units[0]!;
    expect(u).toMatchObject({ unitId: unit1.id, beneficiariesPerMonth: 25, monthlyLevel: 60_000, monthlyCeiling: 1_500_000, months: ALL_YEAR, licenceNumber: unit1.licenceNumber });
    // 180.000 × 150/190 = 142.105,26 → 142.105 lei; × 40/190 = 37.894,73 → 37.894 lei; the leu left goes to the larger fraction.
    expect(u.expenseBudget).toEqual({ personal: 14_210_500, hrana: 3_789_500 });
    expect(ALL_YEAR.map((m) => unitCeilingForMonth(u, m))).toEqual(Array(12).fill(1_500_000));
    expect(c.provider).toMatchObject({ cui: org.cui, iban: org.iban, financialOfficer: 'Maria Pop' });
    expect(c.councilDecision).toEqual({ number: '818/2024', date: '2024-12-19' });
  });

  it('a convention from a partial award: 100.000 of 252.000 lei, scaled in proportion, rounded down to the leu, the remainder explained', () => {
    const u2: AwardUnit = { unitId: unit2.id, months: ALL_YEAR, amount: 7_200_000, beneficiaries: 10, budget: { hrana: 8_000_000 } };
    const c = convention([FULL_YEAR_UNIT, u2], 10_000_000);
    // 100.000 × 180/252 = 71.428,57 → 71.428 lei (+1 leu, larger fraction); × 72/252 = 28.571,42 → 28.571 lei.
    expect(c.units.map((u) => u.annualTotal)).toEqual([7_142_900, 2_857_100]);
    expect(c.amount).toBe(10_000_000);
    // 71.429 / 12 = 5.952,41 → 5.952 lei a month, December 5.957 lei; 28.571 / 12 → 2.380 lei, December 2.391 lei.
    expect(c.units[0]!.monthlyCeiling).toBe(595_200);
    expect(unitCeilingForMonth(c.units[0]!, 12)).toBe(595_700);
    expect(unitCeilingForMonth(c.units[1]!, 12)).toBe(239_100);
    expect(ALL_YEAR.reduce((s, m) => s + unitCeilingForMonth(c.units[1]!, m), 0)).toBe(2_857_100);
    expect(c.allocationNotes[0]).toContain('Finanțare parțială: 100.000,00 lei din 252.000,00 lei');
    expect(c.allocationNotes.join(' ')).toContain('restul de 1,00 lei');
    expect(c.allocationNotes.join(' ')).toContain('în decembrie plafonul este 5.957,00 lei');
  });

  it('a mid-year convention (HG 1153/2001 art. 10): the award for July–December gives a period from 01.07 to 31.12', () => {
    const mid: AwardUnit = { ...FULL_YEAR_UNIT, months: [7, 8, 9, 10, 11, 12], amount: 9_000_000 };
    const c = convention([mid]);
    expect(c.firstMonth).toBe(7);
    expect(conventionPeriod(c)).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(c.units[0]!.monthlyCeiling).toBe(1_500_000);
    expect(paymentPlan({ conventionId: c.id, ...c }).map((i) => i.month)).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('a convention starting after the award\'s first month keeps the later months, the amount reduced in proportion', () => {
    const c = convention([FULL_YEAR_UNIT], undefined, { firstMonth: 4 });
    expect(c.units[0]!.months).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(c.amount).toBe(13_500_000);
    expect(c.allocationNotes[0]).toContain('din 12 luni atribuite rămân 9');
  });

  it('refuses with Romanian field errors: no number, a council decision after the convention, an unfunded request, a bad IBAN', () => {
    const base = { request: request([FULL_YEAR_UNIT]), units: [unit1], financialOfficer: '', rules };
    const bad = conventionFromAward({ ...base, snapshot: snapshot([FULL_YEAR_UNIT], 18_000_000), organization: { ...org, iban: 'RO00BTRL0000' }, councilDecision: { number: '818/2024', date: '2025-02-01' }, number: ' ', date: '2025-01-15' });
    expect(bad.ok).toBe(false);
    expect(bad.errors.number).toBe('Numărul convenției lipsește.');
    expect(bad.errors['councilDecision.date']).toContain('ulterioară datei convenției');
    expect(bad.errors['provider.iban']).toBeTruthy();
    const unfunded = conventionFromAward({ ...base, snapshot: snapshot([FULL_YEAR_UNIT], 0, 'nefinantata_buget'), organization: org, councilDecision: { number: '818/2024', date: '2024-12-19' }, number: '1', date: '2025-01-15' });
    expect(unfunded.ok).toBe(false);
    expect(unfunded.errors.award).toBe('Cererea nu a primit finanțare în rezultatele finale.');
    const superseded = conventionFromAward({ ...base, snapshot: { ...snapshot([FULL_YEAR_UNIT], 18_000_000), supersededAt: '2025-01-01' }, organization: org, councilDecision: { number: '818/2024', date: '2024-12-19' }, number: '1', date: '2025-01-15' });
    expect(superseded.errors.award).toContain('înlocuite');
  });

  it('becomes definitivă with the final HCL, and is terminated with a date and a reason, never deleted', () => {
    const c = convention();
    expect(makeDefinitive(c, { number: '', date: '2025-03-01' }).ok).toBe(false);
    const definitive = makeDefinitive(c, { number: '119/2025', date: '2025-03-01' });
    expect(definitive.ok && definitive.value.state).toBe('definitiva');
    const ended = terminate(c, '2025-09-30', 'Încetarea activității unității');
    expect(ended.ok && [ended.value.state, ended.value.terminatedOn]).toEqual(['incetata', '2025-09-30']);
    expect(terminate(c, '2025-09-30', '').ok).toBe(false);
  });

  it('apportions in whole lei and always sums to the total', () => {
    const split = apportion(100_050, [1, 1, 1]);
    expect(split.shares.reduce((s, v) => s + v, 0)).toBe(100_050);
    // 1.000,50 lei / 3: 333 lei each, the leu left to the first (equal fractions), the 50 bani to the largest share.
    expect(split.shares).toEqual([33_450, 33_300, 33_300]);
    expect(split.remainder).toBe(150);
  });
});

const amendment = (over: Partial<Amendment>): Amendment => ({
  id: 'a1', createdAt: '', updatedAt: '', version: 1, conventionId: 'conv1', number: '1', date: '2025-06-20', effectiveFrom: '2025-07-01',
  reason: 'Creșterea numărului de beneficiari', decidingAct: 'HCL nr. 202/2025', changes: {}, ...over,
});

describe('amendments and the terms in force', () => {
  it('an amendment mid-year: from July 30 beneficiaries and 210.000 lei; January–June keep 15.000 lei, July–December 20.000 lei', () => {
    const c = convention();
    const a = amendment({ changes: { units: [{ unitId: unit1.id, beneficiariesPerMonth: 30, annualTotal: bani(21_000_000) }] } });
    expect(validateAmendment(c, a)).toEqual({});
    const march = termsForMonth(c, [a], 3);
    expect(march.amount).toBe(18_000_000);
    expect(march.units[0]!.beneficiariesPerMonth).toBe(25);
    const july = termsForMonth(c, [a], 7);
    expect([july.amount, july.originalAmount]).toEqual([21_000_000, 18_000_000]);
    expect(july.units[0]!.beneficiariesPerMonth).toBe(30);
    expect(ALL_YEAR.map((m) => unitCeilingForMonth(july.units[0]!, m))).toEqual([...Array(6).fill(1_500_000), ...Array(6).fill(2_000_000)]);
    expect(july.applied[0]!.label).toBe('Act adițional nr. 1 din 20.06.2025 (de la 01.07.2025): Creșterea numărului de beneficiari; HCL nr. 202/2025; suma convenției 210.000,00 lei');
    expect(Object.values(july.units[0]!.expenseBudget).reduce((s, v) => s + v, 0)).toBe(21_000_000);
    // The convention itself is untouched.
    expect(c.amount).toBe(18_000_000);
  });

  it('an earlier end (period to September) drops the last months and their ceilings', () => {
    const c = convention();
    const terms = termsInForce(c, [amendment({ changes: { lastMonth: 9 } })], '2025-12-31');
    expect(terms.lastMonth).toBe(9);
    expect(terms.amount).toBe(13_500_000);
    expect(terms.units[0]!.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('refuses an amendment without reason, act or change, or outside the year', () => {
    const errors = validateAmendment(convention(), amendment({ reason: '', decidingAct: '', effectiveFrom: '2026-01-01', changes: {} }));
    expect(errors).toMatchObject({ reason: 'Motivul modificării lipsește.', decidingAct: 'Actul care a decis modificarea lipsește.', changes: 'Actul adițional nu modifică nimic.' });
    expect(errors.effectiveFrom).toContain('2025');
  });
});

describe('payment plan and budget commitment', () => {
  it('a monthly instalment per month, moved scheduled → approved → paid → returned, each change with who and when', () => {
    const c = convention();
    const plan = paymentPlan({ conventionId: c.id, ...c });
    expect(plan).toHaveLength(12);
    expect(plan[0]).toMatchObject({ month: 1, planned: 1_500_000, state: 'programata' });
    const approved = changeInstalment(plan[0]!, 'aprobata', { by: 'contabil', at: '2025-02-12T09:00:00Z', amount: bani(1_200_000) });
    if (!approved.ok) throw new Error(approved.message);
    expect(changeInstalment(approved.value, 'platita', { by: 'contabil', at: '2025-02-13T09:00:00Z' })).toEqual({ ok: false, message: 'Rata pentru ianuarie: numărul ordinului de plată lipsește.' });
    const paid = changeInstalment(approved.value, 'platita', { by: 'contabil', at: '2025-02-13T09:00:00Z', paymentOrderNumber: 'OP 145' });
    if (!paid.ok) throw new Error(paid.message);
    expect(paid.value.history.map((h) => [h.from, h.to, h.by])).toEqual([['programata', 'aprobata', 'contabil'], ['aprobata', 'platita', 'contabil']]);
    expect(changeInstalment(paid.value, 'anulata', { by: 'x', at: '', note: 'greșeală' })).toEqual({ ok: false, message: 'Rata pentru ianuarie este „Plătită” și nu poate deveni „Anulată”.' });
    expect(changeInstalment(paid.value, 'restituita', { by: 'x', at: '' }).ok).toBe(false);
    expect(changeInstalment(plan[1]!, 'aprobata', { by: 'x', at: '', amount: bani(1_600_000) }).ok).toBe(false);
  });

  it('the commitment: capitol 68.02, title/article a labelled default, at least the convention\'s amount', () => {
    expect(DEFAULT_BUDGET_CLASSIFICATION).toMatchObject({ chapter: '68.02', isDefault: true });
    const commitment = { conventionId: 'conv1', number: 'AB 77', date: '2025-01-20', amount: bani(17_000_000), classification: DEFAULT_BUDGET_CLASSIFICATION };
    expect(validateCommitment(commitment, { amount: bani(18_000_000) }).amount).toBe('Suma angajată (170.000,00 lei) este mai mică decât suma convenției (180.000,00 lei).');
    expect(validateCommitment({ ...commitment, amount: bani(18_000_000) }, { amount: bani(18_000_000) })).toEqual({});
  });
});
