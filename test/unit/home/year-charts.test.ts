import { describe, expect, it } from 'vitest';
import { serviceCategoryLabel } from '../../../src/documents/finance-labels';
import { apportion, yearCharts } from '../../../src/home/year-charts';
import { bani } from '../../../src/money';
import { emptySettlement } from '../../../src/settlements/monthly-settlement';
import { reconcile } from '../../../src/settlements/reconciliation';
import { reconciliationFixture, unit1, unit2 } from '../documents/finance-fixtures';

describe('apportioning a payment over units', () => {
  it('splits in proportion and sums exactly to the total', () => {
    expect(apportion(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(apportion(1_000, [3, 1])).toEqual([750, 250]);
    expect(apportion(7, [0, 0])).toEqual([7, 0]);
    expect(apportion(0, [5, 5])).toEqual([0, 0]);
  });
});

describe('the year at a glance', () => {
  const { r, a, b, reconciled, settlements } = reconciliationFixture();
  const charts = yearCharts({ reconciliation: r, conventions: [reconciled(a), reconciled(b)], settlements, categoryLabel: (c) => serviceCategoryLabel(c) });

  it('allocated and paid by month are the reconciliation rows summed, so their totals are the reconciliation totals', () => {
    expect(charts.byMonth).toHaveLength(12);
    expect(charts.byMonth.reduce((s, m) => s + m.allocated, 0)).toBe(r.total.contracted);
    expect(charts.byMonth.reduce((s, m) => s + m.paid, 0)).toBe(r.total.paid);
    expect(charts.byMonth[1]).toMatchObject({ label: 'februarie', allocated: 1_500_000, paid: 3_000_000 });
    expect(charts.byMonth[6]!.allocated).toBe(r.rows.filter((x) => x.month === 7).reduce((s, x) => s + x.contracted, 0));
  });

  it('by service category: contracted and admitted as the reconciliation has them, paid spread over the units', () => {
    expect(charts.byCategory).toEqual([{ category: 'centre_de_zi', label: serviceCategoryLabel('centre_de_zi'), allocated: r.total.contracted, admitted: r.total.admitted, paid: r.total.paid }]);
    expect(r.total.contracted).toBe(18_000_000 + 6_000_000 + 9_000_000);
  });

  it('beneficiaries contracted per month, and served as the submitted settlements declare them', () => {
    // Convention 12: 25 a month all year, the canteen 40 a month from July; convention 40: 25 from July.
    expect(charts.beneficiaries[0]).toMatchObject({ label: 'ianuarie', contracted: 25, served: 0, settlements: 1 });
    expect(charts.beneficiaries[3]).toMatchObject({ label: 'aprilie', served: 0, settlements: 0 });
    expect(charts.beneficiaries[6]!.contracted).toBe(25 + 40 + 25);
    const withServed = { ...settlements[0]!, beneficiaries: [{ unitId: 'unit-1', count: 22 }] };
    const again = yearCharts({ reconciliation: r, conventions: [reconciled(a), reconciled(b)], settlements: [withServed, ...settlements.slice(1)], categoryLabel: (c) => c });
    expect(again.beneficiaries[0]!.served).toBe(22);
  });

  it('NGOs and units by service type count each once', () => {
    expect(charts.providersByService).toEqual([{ category: 'centre_de_zi', label: serviceCategoryLabel('centre_de_zi'), organizations: 2, units: 2 }]);
  });

  it('a month paid for two units of two categories is split by what the verification admitted for each', () => {
    const two = { ...a, units: a.units.map((u) => (u.unitId === unit2.id ? { ...u, serviceCategory: 'cantine_sociale' } : u)) };
    const july = {
      ...emptySettlement(two.id, 2025, 7), id: 'j', createdAt: '', updatedAt: '', version: 1, state: 'platit' as const,
      verification: { by: 'i', at: '', claimed: bani(2_000_000), admitted: bani(2_000_000), admittedByUnit: { [unit1.id]: bani(1_500_000), [unit2.id]: bani(500_000) }, refused: bani(0), explanation: [] },
    };
    const rec = reconcile({ year: 2025, asOf: '2025-08-20', conventions: [reconciled(two)], settlements: [july], payments: [{ key: 'k', settlementId: 'j', conventionId: two.id, date: '2025-08-10', paymentOrderNumber: 'OP 1', amount: bani(2_000_000), row: 2 }] });
    const c = yearCharts({ reconciliation: rec, conventions: [reconciled(two)], settlements: [july], categoryLabel: (x) => x });
    expect(c.byCategory.map((x) => [x.category, x.allocated, x.admitted, x.paid])).toEqual([['cantine_sociale', 6_000_000, 500_000, 500_000], ['centre_de_zi', 18_000_000, 1_500_000, 1_500_000]]);
    expect(c.byCategory.reduce((s, x) => s + x.paid, 0)).toBe(rec.total.paid);
    expect(c.providersByService.map((x) => [x.category, x.organizations, x.units])).toEqual([['cantine_sociale', 1, 1], ['centre_de_zi', 1, 1]]);
  });
});
