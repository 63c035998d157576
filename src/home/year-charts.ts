// The year at a glance: the data of the home screen's charts and of the annual report, from the
// year's reconciliation (src/settlements/reconciliation.ts: the same rows and totals finance
// downloads) and the conventions' frozen terms. Nothing here recomputes a subsidy or a month due:
// allocated is what the conventions contract, paid is what the payments recorded.
import { unitCeilingForMonth } from '../conventions/convention';
import type { Bani } from '../money';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import type { MonthlySettlement } from '../settlements/monthly-settlement';
import type { ReconciledConvention, Reconciliation } from '../settlements/reconciliation';

export interface CategoryAmounts {
  category: string;
  label: string;
  /** Contracted for the year (the units' monthly ceilings over their months). */
  allocated: Bani;
  /** Admitted at verification (lichidat). */
  admitted: Bani;
  /** Paid: each month's payments spread over its units by what the verification admitted for each. */
  paid: Bani;
}

export interface MonthAmounts {
  month: Month;
  label: string;
  allocated: Bani;
  paid: Bani;
}

export interface MonthBeneficiaries {
  month: Month;
  label: string;
  /** Beneficiaries the conventions contract for the month (units subsidised that month). */
  contracted: number;
  /** Persons actually served, as the settlements submitted for the month declare them. */
  served: number;
  /** How many settlements submitted for the month declare them (0: nothing declared yet). */
  settlements: number;
}

export interface ServiceProviders {
  category: string;
  label: string;
  organizations: number;
  units: number;
}

export interface YearCharts {
  year: number;
  byCategory: CategoryAmounts[];
  byMonth: MonthAmounts[];
  beneficiaries: MonthBeneficiaries[];
  providersByService: ServiceProviders[];
}

/** Settlements that declare persons served: submitted and not refused. */
const DECLARED: readonly MonthlySettlement['state'][] = ['depus', 'verificat', 'aprobat', 'platit'];

/** `total` split over `weights` in proportion, the remainder to the largest shares (sums exactly to total). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + Math.max(0, w), 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_w, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * Math.max(0, w)) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]![1]]! += 1;
  return parts;
}

export function yearCharts(input: {
  reconciliation: Reconciliation;
  conventions: readonly ReconciledConvention[];
  settlements: readonly MonthlySettlement[];
  categoryLabel: (category: string) => string;
}): YearCharts {
  const { reconciliation: r } = input;
  const year = r.year;
  const byConvention = new Map(input.conventions.map((c) => [c.conventionId, c]));
  const settlementOf = new Map(input.settlements.filter((s) => s.year === year).map((s) => [`${s.conventionId}|${s.month}`, s]));

  const months = Array.from({ length: 12 }, (_x, i) => (i + 1) as Month);
  const byMonth = months.map((month): MonthAmounts => ({ month, label: MONTH_NAMES[month - 1]!, allocated: 0 as Bani, paid: 0 as Bani }));
  const categories = new Map<string, CategoryAmounts>();
  const category = (code: string) => {
    let c = categories.get(code);
    if (!c) categories.set(code, (c = { category: code, label: input.categoryLabel(code), allocated: 0 as Bani, admitted: 0 as Bani, paid: 0 as Bani }));
    return c;
  };
  for (const c of r.byServiceCategory) Object.assign(category(c.serviceCategory), { allocated: c.contracted, admitted: c.admitted });

  for (const row of r.rows) {
    const m = byMonth[row.month - 1]!;
    m.allocated = (m.allocated + row.contracted) as Bani;
    m.paid = (m.paid + row.paid) as Bani;
    if (row.paid === 0) continue;
    const convention = byConvention.get(row.conventionId);
    if (!convention) continue;
    const units = convention.termsByMonth(row.month).units;
    const admittedByUnit = settlementOf.get(`${row.conventionId}|${row.month}`)?.verification?.admittedByUnit ?? {};
    const admittedWeights = units.map((u) => admittedByUnit[u.unitId] ?? 0);
    const weights = admittedWeights.some((w) => w > 0) ? admittedWeights : units.map((u) => unitCeilingForMonth(u, row.month));
    apportion(row.paid, weights).forEach((part, i) => {
      const c = category(units[i]!.serviceCategory);
      c.paid = (c.paid + part) as Bani;
    });
  }

  const beneficiaries = months.map((month): MonthBeneficiaries => ({ month, label: MONTH_NAMES[month - 1]!, contracted: 0, served: 0, settlements: 0 }));
  const providers = new Map<string, { organizations: Set<string>; units: Set<string> }>();
  for (const c of input.conventions) {
    for (const month of months) {
      const terms = c.termsByMonth(month);
      if (month < terms.firstMonth || month > terms.lastMonth) continue;
      for (const u of terms.units) if (u.months.includes(month)) beneficiaries[month - 1]!.contracted += u.beneficiariesPerMonth;
      const s = settlementOf.get(`${c.conventionId}|${month}`);
      if (s && DECLARED.includes(s.state)) {
        beneficiaries[month - 1]!.served += s.beneficiaries.reduce((sum, b) => sum + b.count, 0);
        beneficiaries[month - 1]!.settlements += 1;
      }
    }
    for (const u of c.finalTerms.units) {
      let p = providers.get(u.serviceCategory);
      if (!p) providers.set(u.serviceCategory, (p = { organizations: new Set(), units: new Set() }));
      p.organizations.add(c.organizationId);
      p.units.add(u.unitId);
    }
  }
  const byLabel = <T extends { label: string }>(list: T[]) => list.sort((a, b) => a.label.localeCompare(b.label, 'ro'));
  return {
    year,
    byCategory: byLabel([...categories.values()]),
    byMonth,
    beneficiaries,
    providersByService: byLabel([...providers.entries()].map(([code, p]) => ({ category: code, label: input.categoryLabel(code), organizations: p.organizations.size, units: p.units.size }))),
  };
}
