import { describe, expect, it } from 'vitest';
import { formatLei } from '../../../src/money';
import { formatRoDate } from '../../../src/validation/dates';
import {
  addAmendment, amendmentFromForm, awardsOfYear, commitmentFormOf, conventionDetail, conventionRows, createConvention, emptyAmendmentForm, emptyConventionForm, prepareConvention,
  recordCommitment, type ConventionForm,
} from '../../../renderer/services/conventions';
import { AWARDED, frozenAwardFixture } from '../db/convention-fixture';

const typed = (overrides: Partial<ConventionForm> = {}): ConventionForm => ({
  ...emptyConventionForm(), councilNumber: '818/2026', councilDate: '17.12.2026', number: '12', date: '15.01.2027', financialOfficer: 'Maria Pop', ...overrides,
});

describe('conventions service', () => {
  it('lists no award while the round is not final, then the frozen award without a convention', async () => {
    const fixture = await frozenAwardFixture();
    const before = await awardsOfYear(fixture.store, 2027);
    expect(before.awards).toHaveLength(0);
    expect(before.roundsNotFinal.map((r) => r.id)).toEqual([fixture.round.id]);
    await fixture.lockRoundAndSetParameters();
    const after = await awardsOfYear(fixture.store, 2027);
    expect(after.awards).toHaveLength(1);
    expect(after.awards[0]).toMatchObject({ requestId: fixture.request.id, organizationName: fixture.org.name, allocated: AWARDED, isOpen: true, snapshot: { id: fixture.snapshot.id } });
  });

  it('requires the council decision, and computes the units from the frozen award with the level in force and the settings', async () => {
    const fixture = await frozenAwardFixture();
    await fixture.lockRoundAndSetParameters('650,00');
    await fixture.store.settings.saveFinance({ ...(await fixture.store.settings.getFinance()), submissionDay: '15' });
    const [award] = (await awardsOfYear(fixture.store, 2027)).awards;
    const missing = await prepareConvention(fixture.store, award!, typed({ councilNumber: '', councilDate: '' }));
    expect(missing.ok).toBe(false);
    expect(missing.errors['councilDecision.number']).toBe('Numărul hotărârii consiliului local lipsește.');
    expect(missing.errors['councilDecision.date']).toMatch(/Data hotărârii consiliului local lipsește/);

    const prepared = await prepareConvention(fixture.store, award!, typed());
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
    // The amount is the frozen award's (180.000 lei), not 25 × 650 lei × 12 recomputed.
    expect(prepared.value.amount).toBe(AWARDED);
    expect(prepared.value.submissionDay).toBe(15);
    const [unit] = prepared.value.units;
    expect(unit).toMatchObject({ unitId: fixture.unit.id, beneficiariesPerMonth: 25, monthlyLevel: 65_000, monthlyCeiling: 1_500_000, annualTotal: AWARDED, levelSource: expect.stringContaining('HCL 903/2026') });
    expect(Object.keys(unit!.expenseBudget).sort()).toEqual(['hrana', 'personal']);
  });

  it('creates the convention, after which the award is no longer open; the list shows the original and the current amount', async () => {
    const fixture = await frozenAwardFixture();
    await fixture.lockRoundAndSetParameters();
    const [award] = (await awardsOfYear(fixture.store, 2027)).awards;
    await expect(createConvention(fixture.store, award!, typed({ date: '32.01.2027' }))).rejects.toMatchObject({ fields: { date: expect.stringContaining('nu este o dată') } });
    const convention = await createConvention(fixture.store, award!, typed());
    expect((await awardsOfYear(fixture.store, 2027)).awards[0]!.isOpen).toBe(false);

    await addAmendment(fixture.store, convention.id, { ...emptyAmendmentForm(), number: '1', date: '20.05.2027', effectiveFrom: '01.06.2027', reason: 'Suplimentare', decidingAct: 'HCL 202/2027', amount: '192.000,00' });
    const [row] = await conventionRows(fixture.store, 2027);
    expect(row).toMatchObject({ originalAmount: AWARDED, currentAmount: 19_200_000, amendmentCount: 1 });
    expect(row!.commitment).toBeUndefined();

    const detail = (await conventionDetail(fixture.store, convention.id))!;
    expect(detail.amendmentTerms[0]).toMatchObject({ before: { amount: AWARDED }, after: { amount: 19_200_000 } });
    const form = commitmentFormOf(detail, formatLei, formatRoDate);
    expect(form).toMatchObject({ amount: '192.000,00 lei', chapter: '68.02', titleArticle: '59.11' });
    const commitment = await recordCommitment(fixture.store, convention.id, { ...form, number: 'AB 1', date: '21.05.2027' });
    expect(commitment).toMatchObject({ amount: 19_200_000, classification: { titleArticle: '59.11', isDefault: true } });
  });

  it('a confirmed title/article in the settings is no longer marked as the default', async () => {
    const fixture = await frozenAwardFixture();
    await fixture.lockRoundAndSetParameters();
    await fixture.store.settings.saveFinance({ ...(await fixture.store.settings.getFinance()), budgetTitleArticle: '59.12', budgetTitleArticleLabel: 'Sume aferente', confirmedBy: 'Ioana Pop', confirmedOn: '10.01.2027' });
    const [award] = (await awardsOfYear(fixture.store, 2027)).awards;
    const convention = await createConvention(fixture.store, award!, typed());
    const detail = (await conventionDetail(fixture.store, convention.id))!;
    const form = commitmentFormOf(detail, formatLei, formatRoDate);
    expect(form.titleArticle).toBe('59.12');
    const commitment = await recordCommitment(fixture.store, convention.id, { ...form, number: 'AB 2', date: '16.01.2027' });
    expect(commitment.classification).toMatchObject({ titleArticle: '59.12', isDefault: false });
  });

  it('reads the amendment form: amounts in lei as typed, a wrong amount named', () => {
    const ok = amendmentFromForm({ ...emptyAmendmentForm(), number: '2', date: '01.07.2027', effectiveFrom: '01.08.2027', reason: 'r', decidingAct: 'a', units: { u1: { beneficiaries: '30', total: '1.000,50' } } });
    expect(ok.draft?.changes.units).toEqual([{ unitId: 'u1', beneficiariesPerMonth: 30, annualTotal: 100_050 }]);
    expect(ok.draft?.effectiveFrom).toBe('2027-08-01');
    const bad = amendmentFromForm({ ...emptyAmendmentForm(), date: '01.07.2027', effectiveFrom: '01.08.2027', amount: 'o sută' });
    expect(bad.draft).toBeUndefined();
    expect(bad.errors.amount).toMatch(/„o sută” nu este o sumă în lei/);
  });
});
