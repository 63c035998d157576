// A convention of an NGO whose name has every Romanian diacritic, its terms, a month's settlement
// with an ineligible line and a line without proof, and its computed due: the inputs of the
// finance document tests.
import { termsForMonth, termsInForce, type Amendment } from '../../../src/conventions/amendments';
import type { Convention } from '../../../src/conventions/convention';
import type { BudgetCommitment } from '../../../src/conventions/payment-plan';
import { DEFAULT_BUDGET_CLASSIFICATION } from '../../../src/conventions/payment-plan';
import { bani } from '../../../src/money';
import type { Month } from '../../../src/requests/subsidy-request';
import { emptySettlement, type ExpenseLine, type MonthlySettlement, type SettlementState } from '../../../src/settlements/monthly-settlement';
import type { RecordedPayment } from '../../../src/settlements/payment-matching';
import { reconcile, type ReconciledConvention, type Reconciliation } from '../../../src/settlements/reconciliation';
import { computeMonthlyDue, type MonthlyDue } from '../../../src/settlements/monthly-subsidy-due';
import { convention as baseConvention, FULL_YEAR_UNIT, rules, unit1, unit2 } from '../conventions/fixtures';
import { institution } from '../templates/fixtures';

export const settings = institution();
export const NGO = 'Asociația „Șansa Țării Românești”';

/** Two units: the day centre all year (180.000 lei) and the canteen July–December (60.000 lei). */
export function financeConvention(): Convention {
  const c = baseConvention([FULL_YEAR_UNIT, { unitId: unit2.id, months: [7, 8, 9, 10, 11, 12], amount: 6_000_000, beneficiaries: 40, budget: { hrana: 5_000_000, utilitati: 1_000_000 } }]);
  return { ...c, provider: { ...c.provider, name: NGO, representativeName: 'Ion Țăranu', representativeRole: 'Președinte', financialOfficer: 'Maria Pop' } };
}

export const commitment = (c: Convention): BudgetCommitment => ({
  conventionId: c.id, number: 'AB-118', date: '2025-01-14', amount: c.amount, classification: { ...DEFAULT_BUDGET_CLASSIFICATION, isDefault: false },
  cfpVisa: { by: 'Ana Câmpean', on: '2025-01-14' },
});

export const amendment = (c: Convention): Amendment => ({
  id: 'am1', createdAt: '', updatedAt: '', version: 1, conventionId: c.id, number: '1', date: '2025-06-20', effectiveFrom: '2025-07-01',
  reason: 'suplimentarea numărului de beneficiari ai centrului de zi', decidingAct: 'HCL nr. 202/2025',
  changes: { units: [{ unitId: unit1.id, beneficiariesPerMonth: 30, annualTotal: bani(19_800_000) }] },
});

let n = 0;
const line = (amount: number, over: Partial<ExpenseLine> = {}): ExpenseLine => {
  n++;
  return {
    id: `l${n}`, unitId: unit1.id, category: 'personal', documentType: 'stat_plata', documentNumber: `SP-${n}`, documentDate: '2025-03-31',
    supplier: 'Asociația „Șansa Țării Românești”', amount: bani(amount), proof: { kind: 'ordin_plata', number: `OP ${n}`, date: '2025-03-31' }, ...over,
  };
};

/** March: 22 of 25 served; 12.000 lei salaries, 1.500 lei food, 800 lei "investiții" (ineligible), 300 lei food without proof. */
export function marchSettlement(c: Convention): MonthlySettlement {
  return {
    ...emptySettlement(c.id, 2025, 3), id: 's3', createdAt: '', updatedAt: '', version: 1, state: 'depus', submittedOn: '2025-04-08', isLate: false,
    beneficiaries: [{ unitId: unit1.id, count: 22 }],
    expenses: [
      line(1_200_000),
      line(150_000, { category: 'hrana', documentType: 'factura', documentNumber: 'MTR 0045', supplier: 'Metro Cash & Carry SRL', documentDate: '2025-03-12', proof: { kind: 'extras_cont', number: 'EX 3', date: '2025-03-14' } }),
      line(80_000, { category: 'investitii', documentType: 'factura', documentNumber: 'DD 77', supplier: 'Dedeman SRL', documentDate: '2025-03-20' }),
      line(30_000, { category: 'hrana', documentType: 'bon_fiscal', documentNumber: 'BF 9', supplier: 'Piața Mihai Viteazu SRL', documentDate: '2025-03-25', proof: undefined }),
    ],
  };
}

export function marchDue(c: Convention, s: MonthlySettlement): MonthlyDue {
  const result = computeMonthlyDue({ terms: termsForMonth(c, [], 3), conventionNumber: c.number, settlement: s, rules, previouslyAdmitted: bani(2_400_000) });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

export const signedTerms = (c: Convention) => termsInForce(c, [], c.date);
export { unit1, unit2 };

/**
 * A year's reconciliation (as in test/unit/settlements/reconciliation.test.ts): convention 12 all
 * year (paid January, February twice, March before verification), convention 40 of "Fundația
 * Alfa" July–December (July approved and paid).
 */
export function reconciliationFixture(): { r: Reconciliation; a: Convention; b: Convention; reconciled: (c: Convention) => ReconciledConvention; settlements: MonthlySettlement[]; payments: RecordedPayment[] } {
  const a = financeConvention();
  const single = baseConvention([{ unitId: unit1.id, months: [7, 8, 9, 10, 11, 12], amount: 9_000_000, beneficiaries: 25, budget: { personal: 9_000_000 } }]);
  const b: Convention = { ...single, id: 'conv2', number: '40', provider: { ...a.provider, organizationId: 'org2', name: 'Fundația Alfa' } };
  const reconciled = (c: Convention): ReconciledConvention => ({
    conventionId: c.id, number: c.number, organizationId: c.provider.organizationId, organizationName: c.provider.name, budgetLine: '68.02.59.11', submissionDay: c.submissionDay,
    termsByMonth: (m: Month) => termsForMonth(c, [], m), finalTerms: termsInForce(c, [], '2025-12-31'),
  });
  const s = (c: Convention, month: Month, state: SettlementState, claimed: number, admitted: number): MonthlySettlement => ({
    ...emptySettlement(c.id, 2025, month), id: `${c.id}-${month}`, createdAt: '', updatedAt: '', version: 1, state,
    expenses: [{ id: 'l', unitId: unit1.id, category: 'personal', documentType: 'stat_plata', documentNumber: `SP${month}`, documentDate: `2025-${String(month).padStart(2, '0')}-28`, supplier: 'x', amount: bani(claimed) }],
    ...(['verificat', 'aprobat', 'platit'].includes(state) ? { verification: { by: 'i', at: '', claimed: bani(claimed), admitted: bani(admitted), admittedByUnit: { [unit1.id]: bani(admitted) }, refused: bani(claimed - admitted), explanation: [] } } : {}),
  });
  const pay = (settlementId: string, conventionId: string, amount: number, row: number): RecordedPayment => ({ key: `k${row}`, settlementId, conventionId, date: '2025-03-01', paymentOrderNumber: `OP ${row}`, amount: bani(amount), row });
  const settlements = [s(a, 1, 'platit', 1_400_000, 1_400_000), s(a, 2, 'platit', 1_800_000, 1_500_000), s(a, 3, 'depus', 1_000_000, 0), s(b, 7, 'aprobat', 1_200_000, 1_200_000)];
  const payments = [pay('conv1-1', 'conv1', 1_400_000, 2), pay('conv1-2', 'conv1', 1_500_000, 3), pay('conv1-2', 'conv1', 1_500_000, 4), pay('conv1-3', 'conv1', 1_000_000, 5), pay('conv2-7', 'conv2', 1_200_000, 6)];
  return { r: reconcile({ year: 2025, asOf: '2025-08-20', conventions: [reconciled(a), reconciled(b)], settlements, payments }), a, b, reconciled, settlements, payments };
}
