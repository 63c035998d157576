import { formatLei, type Bani } from '../money';
import { formatDecimal, formatInteger } from '../money';
import type { IsoDate } from '../validation/dates';
import type { Validation } from '../validation/result';
import { describeMonths, type Month, type RequestUnitLine } from './subsidy-request';

/**
 * The legal values the computation reads, each looked up for a date from the dated parameter
 * store (never literals). A lookup that fails — no value in force, or a value still "de
 * completat" — stops the computation with its message.
 */
export interface SubsidyRules {
  /** Average monthly subsidy per beneficiary for a service category (HCL 788/2022). */
  monthlyLevel(category: string, date: IsoDate): Validation<{ amount: Bani; source: string }>;
  /** Codes of the current expense categories eligible for subsidy (HCL 788/2022). */
  eligibleExpenseCategories(date: IsoDate): Validation<{ codes: string[]; source: string }>;
  /** Highest share of the unit's costs the subsidy may cover, in basis points (10000 = 100 %); null when the round sets none. */
  maxShareOfCosts(date: IsoDate): Validation<{ basisPoints: number; source: string } | null>;
  /** Cost standard per beneficiary per year for the unit's service (HG 426/2020), when one applies. */
  costStandard(serviceCode: string, date: IsoDate): Validation<{ amountPerYear: Bani; source: string } | null>;
}

/** One step of the computation: what went in, the rule, where it comes from, what came out. */
export interface ComputationStep {
  label: string;
  /** Romanian, e.g. "600,00 lei × 25 beneficiari × 12 luni". */
  detail: string;
  source: string;
  result: Bani;
}

export interface UnitSubsidy {
  unitId: string;
  months: Month[];
  amount: Bani;
  steps: ComputationStep[];
}

export type SubsidyComputation = { ok: true; total: Bani; units: UnitSubsidy[] } | { ok: false; message: string };

/** Rounding rule stated in the app: whole lei, always down, so the subsidy never exceeds a limit. */
export const ROUNDING_RULE = 'rotunjire în jos la leu întreg';

export function roundDownToLei(amount: number): Bani {
  return (Math.floor(amount / 100) * 100) as Bani;
}

/**
 * a × b / c in integer bani, rounded down (no floating-point money). While a × b is a safe integer
 * the double division is exact enough for the floor to be right (the quotient's rounding error is
 * below 1/c); beyond that, BigInt.
 */
export function mulDiv(a: number, b: number, c: number): number {
  const x = Math.round(a);
  const y = Math.round(b);
  const product = x * y;
  if (Number.isSafeInteger(product) && product >= 0 && c > 0) return Math.floor(product / c);
  return Number((BigInt(x) * BigInt(y)) / BigInt(c));
}

/**
 * The subsidy a unit line may receive for its eligible months, as the smallest of the limits the
 * rules set, each step explained:
 *   1. level × beneficiaries × months (Law 34/1998 art. 2; HCL 788/2022),
 *   2. no more than requested for eligible expense categories, for the eligible months,
 *   3. no more than the allowed share of the unit's costs for those months,
 *   4. no more than the cost standard (HG 426/2020), where one applies,
 * then rounded down to whole lei.
 */
export function computeUnitSubsidy(
  line: RequestUnitLine & { serviceCode: string },
  eligibleMonths: readonly Month[],
  year: number,
  rules: SubsidyRules,
  options: { isExplained?: boolean } = {},
): Validation<UnitSubsidy> {
  const isExplained = options.isExplained ?? true;
  const steps: ComputationStep[] = [];
  const isSorted = eligibleMonths.every((m, i) => i === 0 || eligibleMonths[i - 1]! < m);
  const months = isSorted ? eligibleMonths.slice() : [...eligibleMonths].sort((a, b) => a - b);
  const date = `${year}-${String(months[0] ?? 1).padStart(2, '0')}-01`;
  if (months.length === 0) {
    return {
      ok: true,
      value: {
        unitId: line.unitId,
        months,
        amount: 0 as Bani,
        steps: isExplained
          ? [
              {
                label: 'Luni eligibile',
                detail: 'Nicio lună eligibilă.',
                source: 'Verificarea eligibilității',
                result: 0 as Bani,
              },
            ]
          : [],
      },
    };
  }

  const level = rules.monthlyLevel(line.serviceCategory, date);
  if (!level.ok) return level;
  const byLevel = level.value.amount * line.beneficiariesPerMonth * months.length;
  if (isExplained) {
    steps.push({
      label: 'Subvenția după nivelul mediu lunar',
      detail: `${formatLei(level.value.amount)} × ${formatInteger(line.beneficiariesPerMonth)} beneficiari × ${months.length} luni (${describeMonths(months)})`,
      source: level.value.source,
      result: byLevel as Bani,
    });
  }

  const eligible = rules.eligibleExpenseCategories(date);
  if (!eligible.ok) return eligible;
  const requestedMonths = Math.max(line.months.length, 1);
  const requestedEligible = Object.entries(line.budgetByCategory)
    .filter(([code]) => eligible.value.codes.includes(code))
    .reduce((sum, [, amount]) => sum + amount, 0);
  const byRequest = mulDiv(requestedEligible, months.length, requestedMonths);
  if (isExplained) {
    const left = Object.keys(line.budgetByCategory).filter((code) => !eligible.value.codes.includes(code));
    steps.push({
      label: 'Suma cerută pentru cheltuieli eligibile',
      detail: `${formatLei(requestedEligible)} pentru ${requestedMonths} luni cerute${months.length !== requestedMonths ? `, proporțional pentru ${months.length} luni eligibile` : ''}${left.length ? `; nu se iau în calcul: ${left.join(', ')}` : ''}`,
      source: eligible.value.source,
      result: byRequest as Bani,
    });
  }

  const share = rules.maxShareOfCosts(date);
  if (!share.ok) return share;
  let byShare = Number.POSITIVE_INFINITY;
  if (share.value) {
    const totalCosts = Object.values(line.budgetByCategory).reduce((s, v) => s + v, 0) + line.ownContribution + line.otherFunding;
    const periodCosts = mulDiv(totalCosts, months.length, requestedMonths);
    byShare = mulDiv(periodCosts, share.value.basisPoints, 10_000);
    if (isExplained) {
      steps.push({
        label: 'Partea din costuri care poate fi subvenționată',
        detail: `${formatDecimal(share.value.basisPoints / 100, 2)} % din costurile unității pentru ${months.length} luni (${formatLei(periodCosts)})`,
        source: share.value.source,
        result: byShare as Bani,
      });
    }
  }

  const standard = rules.costStandard(line.serviceCode, date);
  if (!standard.ok) return standard;
  let byStandard = Number.POSITIVE_INFINITY;
  if (standard.value) {
    byStandard = mulDiv(standard.value.amountPerYear * line.beneficiariesPerMonth, months.length, 12);
    if (isExplained) {
      steps.push({
        label: 'Standardul de cost',
        detail: `${formatLei(standard.value.amountPerYear)} pe beneficiar pe an × ${formatInteger(line.beneficiariesPerMonth)} beneficiari × ${months.length}/12`,
        source: standard.value.source,
        result: byStandard as Bani,
      });
    }
  }

  const amount = roundDownToLei(Math.min(byLevel, byRequest, byShare, byStandard));
  if (isExplained) {
    steps.push({
      label: 'Subvenția calculată',
      detail: `cea mai mică dintre limitele de mai sus, ${ROUNDING_RULE}`,
      source: 'Legea 34/1998, art. 2 alin. (1)',
      result: amount,
    });
  }
  return { ok: true, value: { unitId: line.unitId, months, amount, steps } };
}

/** The subsidy of a whole request: the sum of its units' subsidies. */
export function computeRequestSubsidy(
  lines: readonly (RequestUnitLine & { serviceCode: string })[],
  eligibleMonthsByUnit: Record<string, Month[]>,
  year: number,
  rules: SubsidyRules,
  options: { isExplained?: boolean } = {},
): SubsidyComputation {
  const units: UnitSubsidy[] = [];
  for (const line of lines) {
    const result = computeUnitSubsidy(line, eligibleMonthsByUnit[line.unitId] ?? [], year, rules, options);
    if (!result.ok) return { ok: false, message: result.message };
    units.push(result.value);
  }
  return {
    ok: true,
    total: units.reduce((s, u) => s + u.amount, 0) as Bani,
    units,
  };
}
