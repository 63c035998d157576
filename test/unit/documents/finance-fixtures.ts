// A convention of an NGO whose name has every Romanian diacritic, its terms, a month's settlement
// with an ineligible line and a line without proof, and its computed due: the inputs of the
// finance document tests.
import { termsForMonth, termsInForce, type Amendment } from '../../../src/conventions/amendments';
import type { Convention } from '../../../src/conventions/convention';
import type { BudgetCommitment } from '../../../src/conventions/payment-plan';
import { DEFAULT_BUDGET_CLASSIFICATION } from '../../../src/conventions/payment-plan';
import { bani } from '../../../src/money';
import { emptySettlement, type ExpenseLine, type MonthlySettlement } from '../../../src/settlements/monthly-settlement';
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
