import { describe, expect, it } from 'vitest';
import { termsForMonth, termsInForce } from '../../../src/conventions/amendments';
import type { Convention } from '../../../src/conventions/convention';
import { bani } from '../../../src/money';
import type { Month } from '../../../src/requests/subsidy-request';
import { emptySettlement, type MonthlySettlement, type SettlementState } from '../../../src/settlements/monthly-settlement';
import type { RecordedPayment } from '../../../src/settlements/payment-matching';
import { reconcile, recordRepayment, recoveryRecord, yearEndStatement, type ReconciledConvention } from '../../../src/settlements/reconciliation';
import { ALL_YEAR, convention, unit1 } from '../conventions/fixtures';

const a = convention();
// A second NGO's convention, mid-year: July–December, 15.000 lei a month.
const b: Convention = { ...convention([{ unitId: unit1.id, months: [7, 8, 9, 10, 11, 12], amount: 9_000_000, beneficiaries: 25, budget: { personal: 9_000_000 } }]), id: 'conv2', number: '40', provider: { ...a.provider, organizationId: 'org2', name: 'Fundația Alfa' } };
const reconciled = (c: Convention): ReconciledConvention => ({
  conventionId: c.id, number: c.number, organizationId: c.provider.organizationId, organizationName: c.provider.name, budgetLine: '68.02.59.11', submissionDay: c.submissionDay,
  termsByMonth: (m: Month) => termsForMonth(c, [], m), finalTerms: termsInForce(c, [], '2025-12-31'),
});

function s(c: Convention, month: Month, state: SettlementState, claimed: number, admitted: number): MonthlySettlement {
  return {
    ...emptySettlement(c.id, 2025, month), id: `${c.id}-${month}`, createdAt: '', updatedAt: '', version: 1, state,
    expenses: [{ id: 'l', unitId: unit1.id, category: 'personal', documentType: 'stat_plata', documentNumber: `SP${month}`, documentDate: `2025-${String(month).padStart(2, '0')}-28`, supplier: 'x', amount: bani(claimed) }],
    ...(['verificat', 'aprobat', 'platit'].includes(state) ? { verification: { by: 'i', at: '', claimed: bani(claimed), admitted: bani(admitted), admittedByUnit: { [unit1.id]: bani(admitted) }, refused: bani(claimed - admitted), explanation: [] } } : {}),
  };
}
const pay = (settlementId: string, conventionId: string, amount: number, row: number): RecordedPayment => ({ key: `k${row}`, settlementId, conventionId, date: '2025-03-01', paymentOrderNumber: `OP ${row}`, amount: bani(amount), row });

describe('the yearly reconciliation', () => {
  const settlements = [
    s(a, 1, 'platit', 1_400_000, 1_400_000),
    s(a, 2, 'platit', 1_800_000, 1_500_000), // claimed over the 15.000 lei ceiling
    s(a, 3, 'depus', 1_000_000, 0), // paid before verification
    s(b, 7, 'aprobat', 1_200_000, 1_200_000),
  ];
  const payments = [
    // Convention 12 paid 14.000 + 15.000 + 15.000 + 10.000 = 54.000 lei; convention 40 paid 12.000 lei.
    pay('conv1-1', 'conv1', 1_400_000, 2),
    pay('conv1-2', 'conv1', 1_500_000, 3),
    pay('conv1-2', 'conv1', 1_500_000, 4), // paid twice
    pay('conv1-3', 'conv1', 1_000_000, 5),
    pay('conv2-7', 'conv2', 1_200_000, 6),
  ];
  const r = reconcile({ year: 2025, asOf: '2025-08-20', conventions: [reconciled(a), reconciled(b)], settlements, payments });

  it('one row per convention and month of its period, with cumulative paid and remaining amount', () => {
    expect(r.rows).toHaveLength(12 + 6);
    const feb = r.rows.find((x) => x.conventionId === 'conv1' && x.month === 2)!;
    expect(feb).toMatchObject({ contracted: 1_500_000, claimed: 1_800_000, admitted: 1_500_000, refused: 300_000, approved: 1_500_000, paid: 3_000_000, difference: -1_500_000, cumulativePaid: 4_400_000, remaining: 18_000_000 - 2_900_000 });
    expect(r.rows.find((x) => x.conventionId === 'conv1' && x.month === 4)!.state).toBe('lipsa');
  });

  it('totals per NGO, per service category and per budget line add up to the grand total', () => {
    expect(r.total).toEqual({ contracted: 27_000_000, claimed: 5_400_000, admitted: 4_100_000, refused: 300_000, approved: 4_100_000, paid: 6_600_000 });
    expect(r.byOrganization.map((o) => [o.organizationName, o.contracted, o.paid])).toEqual([[a.provider.name, 18_000_000, 5_400_000], ['Fundația Alfa', 9_000_000, 1_200_000]].sort((x, y) => String(x[0]).localeCompare(String(y[0]), 'ro')));
    expect(r.byServiceCategory).toEqual([{ serviceCategory: 'centre_de_zi', contracted: 27_000_000, admitted: 4_100_000 }]);
    expect(r.byBudgetLine.map((l) => [l.budgetLine, l.paid])).toEqual([["68.02.59.11", 6_600_000]]);
  });

  it('exceptions: claimed over the ceiling, paid without verification, paid twice, to recover, months missing', () => {
    const kinds = r.exceptions.map((e) => [e.kind, e.conventionNumber, e.month, e.amount]);
    expect(kinds).toContainEqual(['peste_plafon', '12', 2, 300_000]);
    expect(kinds).toContainEqual(['platit_neverificat', '12', 3, 1_000_000]);
    expect(kinds).toContainEqual(['platit_de_doua_ori', '12', 2, 1_500_000]);
    expect(kinds).toContainEqual(['de_recuperat', '12', 2, 1_500_000]);
    // April–July of convention 12 are past their deadline (10th of the next month) on 20.08 with no settlement; convention 40's July is approved.
    expect(r.exceptions.filter((e) => e.kind === 'decont_lipsa').map((e) => [e.conventionNumber, e.month])).toEqual([['12', 4], ['12', 5], ['12', 6], ['12', 7]]);
    expect(r.exceptions.find((e) => e.kind === 'platit_de_doua_ori')!.message).toBe('Convenția nr. 12, februarie: 2 plăți, în total 30.000,00 lei pentru 15.000,00 lei aprobați');
  });

  it('a month approved and paid in part is an exception saying what is still to pay', () => {
    // Convention 40's July: 12.000 lei approved, one order of 8.000 lei.
    const partial = reconcile({ year: 2025, asOf: '2025-08-20', conventions: [reconciled(b)], settlements: [s(b, 7, 'aprobat', 1_200_000, 1_200_000)], payments: [pay('conv2-7', 'conv2', 800_000, 6)] });
    expect(partial.exceptions.map((e) => [e.kind, e.month, e.amount, e.message])).toEqual([
      ['platit_partial', 7, 400_000, 'Convenția nr. 40, iulie: plătit 8.000,00 lei din 12.000,00 lei aprobați; rămân de plată 4.000,00 lei'],
    ]);
    // Paid in full: no exception; and the full year above has none.
    expect(r.exceptions.some((e) => e.kind === 'platit_partial')).toBe(false);
  });

  it('the year-end statement and the recovery record', () => {
    const statement = yearEndStatement(reconciled(a), r.rows);
    expect(statement).toMatchObject({ granted: 18_000_000, used: 2_900_000, paid: 5_400_000, toReturn: 2_500_000, toPay: 0, unused: 15_100_000 });
    const record = recoveryRecord(statement, { reason: 'Plată dublă în februarie și plată fără verificare în martie', dueDate: '2026-01-31' });
    if (!record.ok) throw new Error(record.message);
    expect(record.value.amount).toBe(2_500_000);
    const repaid = recordRepayment(record.value, { on: '2026-01-15', amount: bani(1_000_000) });
    expect(repaid.ok && repaid.value.outstanding).toBe(1_500_000);
    expect(recordRepayment(record.value, { on: '2026-01-15', amount: bani(2_500_100) }).ok).toBe(false);
    expect(recoveryRecord(yearEndStatement(reconciled(b), r.rows), { reason: 'x', dueDate: '2026-01-31' }).ok).toBe(false);
    expect(ALL_YEAR).toHaveLength(12);
  });
});
