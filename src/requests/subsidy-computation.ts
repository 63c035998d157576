import { formatLei, type Bani } from '../money';
import { formatDecimal } from '../money';
import { countOf } from '../commission/wording';
import type { IsoDate } from '../validation/dates';
import { valid, type Validation } from '../validation/result';
import { describeMonths, type Month, type RequestUnitLine } from './subsidy-request';

/**
 * The legal values the computation reads, each looked up for a date from the dated parameter
 * store (never literals). A lookup that fails — no value in force, or a value still "de
 * completat" — stops the computation with its message. The computation asks for each month of
 * the request, so a decision that changes a value mid-year applies from its entry into force.
 */
export interface SubsidyRules {
  /** Average monthly subsidy per beneficiary for a service category (HCL 788/2022). */
  monthlyLevel(category: string, date: IsoDate): Validation<{ amount: Bani; source: string }>;
  /** Codes of the current expense categories eligible for subsidy (HCL 788/2022). */
  eligibleExpenseCategories(date: IsoDate): Validation<{ codes: string[]; source: string }>;
  /** Highest share of the unit's costs the subsidy may cover, in basis points (10000 = 100 %); null when the round sets none. */
  maxShareOfCosts(date: IsoDate): Validation<{ basisPoints: number; source: string } | null>;
  /**
   * Law 34/1998 art. 2 alin. (1): the average monthly upkeep cost per assisted person in similar
   * public units, for the service category; null when no value is set (then it does not cap).
   */
  upkeepCostCeiling(category: string, date: IsoDate): Validation<{ amount: Bani; source: string } | null>;
}

/** One step of the computation: what went in, the rule, where it comes from, what came out. */
export interface ComputationStep {
  label: string;
  /** Romanian, e.g. "600,00 lei × 25 de beneficiari × 12 luni". */
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
/** The rounding is the app's own rule, not a legal one: its step cites it as such. */
export const ROUNDING_SOURCE = `Regula aplicației: ${ROUNDING_RULE}`;

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

/** A unit line as the computation takes it: the request's line, the unit's service code and, for a residential unit, its licensed capacity. */
export type ComputationLine = RequestUnitLine & {
  serviceCode: string;
  /** Places the unit's operating licence allows (residential units); beneficiaries above it are not counted. */
  licensedCapacity?: number | null;
};

/** The values in force for one month, and the months that share them. */
interface Period {
  months: Month[];
  level: { amount: Bani; source: string };
  eligible: { codes: string[]; source: string };
  share: { basisPoints: number; source: string } | null;
  ceiling: { amount: Bani; source: string } | null;
}

const beneficiaries = (n: number) => countOf(n, 'beneficiar', 'beneficiari');
const monthCount = (n: number) => countOf(n, 'lună', 'luni');

/** The periods of `months` over which every value the rules read stays the same (the value in force on the first day of each month). */
function periodsOf(line: ComputationLine, months: readonly Month[], year: number, rules: SubsidyRules): Validation<Period[]> {
  const periods = new Map<string, Period>();
  for (const month of months) {
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    const level = rules.monthlyLevel(line.serviceCategory, date);
    if (!level.ok) return level;
    const eligible = rules.eligibleExpenseCategories(date);
    if (!eligible.ok) return eligible;
    const share = rules.maxShareOfCosts(date);
    if (!share.ok) return share;
    const ceiling = rules.upkeepCostCeiling(line.serviceCategory, date);
    if (!ceiling.ok) return ceiling;
    const key = JSON.stringify([level.value, eligible.value, share.value, ceiling.value]);
    const period = periods.get(key);
    if (period) period.months.push(month);
    else periods.set(key, { months: [month], level: level.value, eligible: eligible.value, share: share.value, ceiling: ceiling.value });
  }
  return valid([...periods.values()]);
}

/** The periods merged where the value one step reads is the same: each step is explained over its own periods. */
function mergeBy(periods: readonly Period[], pick: (p: Period) => unknown): Period[] {
  const merged = new Map<string, Period>();
  for (const period of periods) {
    const key = JSON.stringify(pick(period));
    const found = merged.get(key);
    if (found) found.months = [...found.months, ...period.months].sort((a, b) => a - b);
    else merged.set(key, { ...period, months: [...period.months] });
  }
  return [...merged.values()];
}

/** "ianuarie–iunie: …" before each period's text, when a step has more than one. */
const describeOver = (periods: readonly Period[]) => (period: Period, text: string) => (periods.length > 1 ? `${describeMonths(period.months)}: ${text}` : text);

const joinSources = (sources: readonly string[]) => [...new Set(sources)].join('; ');

/**
 * The subsidy a unit line may receive for its eligible months, as the smallest of the limits the
 * rules set, each looked up month by month and each step explained per period:
 *   1. level × beneficiaries (no more than a residential unit's licensed capacity) × months
 *      (Law 34/1998 art. 2; HCL 788/2022),
 *   2. no more than requested for eligible expense categories, for the eligible months,
 *   3. no more than the allowed share of the unit's costs for those months, where the round sets one,
 *   4. no more than the average monthly upkeep cost in similar public units (Law 34/1998 art. 2
 *      alin. (1)), where a value is set,
 * then rounded down to whole lei (the app's rule). HG 426/2020 cost standards are not a limit:
 * they are the minimum cost of public providers and the normative cost of contracted services
 * (HG 426/2020 art. 1–2), not a ceiling on a Law 34/1998 subsidy.
 */
export function computeUnitSubsidy(
  line: ComputationLine,
  eligibleMonths: readonly Month[],
  year: number,
  rules: SubsidyRules,
  options: { isExplained?: boolean } = {},
): Validation<UnitSubsidy> {
  const isExplained = options.isExplained ?? true;
  const steps: ComputationStep[] = [];
  const isSorted = eligibleMonths.every((m, i) => i === 0 || eligibleMonths[i - 1]! < m);
  const months = isSorted ? eligibleMonths.slice() : [...eligibleMonths].sort((a, b) => a - b);
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

  const found = periodsOf(line, months, year, rules);
  if (!found.ok) return found;
  const periods = found.value;

  // Law 197/2012 art. 8: a residential service operates within its licence; places beyond the licensed capacity are not subsidised.
  const capacity = line.licensedCapacity ?? null;
  const isCapped = capacity !== null && capacity > 0 && line.beneficiariesPerMonth > capacity;
  const counted = isCapped ? capacity : line.beneficiariesPerMonth;
  // Law 34/1998 art. 2; HCL 788/2022: level in force for each month × beneficiaries × months.
  const levelPeriods = mergeBy(periods, (p) => p.level);
  const byLevelParts = levelPeriods.map((p) => p.level.amount * counted * p.months.length);
  const byLevel = byLevelParts.reduce((sum, v) => sum + v, 0);
  if (isExplained) {
    steps.push({
      label: 'Subvenția după nivelul mediu lunar',
      detail:
        (isCapped
          ? `${beneficiaries(line.beneficiariesPerMonth)} pe lună ceruți, plafonați la capacitatea licențiată a unității rezidențiale, ${countOf(capacity, 'loc', 'locuri')}: `
          : '') +
        levelPeriods
          .map((p, i) => describeOver(levelPeriods)(p, `${formatLei(p.level.amount)} × ${beneficiaries(counted)} × ${monthCount(p.months.length)}${levelPeriods.length > 1 ? ` = ${formatLei(byLevelParts[i]!)}` : ` (${describeMonths(p.months)})`}`))
          .join('; '),
      source: joinSources([...levelPeriods.map((p) => p.level.source), ...(isCapped ? ['capacitatea licențiată: Legea 197/2012, art. 8 (licența de funcționare)'] : [])]),
      result: byLevel as Bani,
    });
  }

  // HCL 788/2022: only eligible expense categories, prorated to the eligible months.
  const requestedMonths = Math.max(line.months.length, 1);
  const eligibleOf = (codes: readonly string[]) =>
    Object.entries(line.budgetByCategory).filter(([code]) => codes.includes(code)).reduce((sum, [, amount]) => sum + amount, 0);
  const eligiblePeriods = mergeBy(periods, (p) => p.eligible);
  const isEligibleSplit = eligiblePeriods.length > 1;
  const byRequestParts = eligiblePeriods.map((p) => mulDiv(eligibleOf(p.eligible.codes), p.months.length, requestedMonths));
  const byRequest = byRequestParts.reduce((sum, v) => sum + v, 0);
  if (isExplained) {
    steps.push({
      label: 'Suma cerută pentru cheltuieli eligibile',
      detail: eligiblePeriods
        .map((p, i) => {
          const left = Object.keys(line.budgetByCategory).filter((code) => !p.eligible.codes.includes(code));
          const prorated = p.months.length !== requestedMonths;
          return describeOver(eligiblePeriods)(
            p,
            `${formatLei(eligibleOf(p.eligible.codes))} pentru ${monthCount(requestedMonths)} cerute${prorated ? `, proporțional pentru ${monthCount(p.months.length)}${isEligibleSplit ? '' : ' eligibile'}` : ''}${isEligibleSplit ? ` = ${formatLei(byRequestParts[i]!)}` : ''}${left.length ? `; nu se iau în calcul: ${left.join(', ')}` : ''}`,
          );
        })
        .join('; '),
      source: joinSources(eligiblePeriods.map((p) => p.eligible.source)),
      result: byRequest as Bani,
    });
  }

  // The round's share of costs, where it sets one (its own source).
  let byShare = Number.POSITIVE_INFINITY;
  const sharePeriods = mergeBy(periods, (p) => p.share);
  if (sharePeriods.some((p) => p.share)) {
    const totalCosts = Object.values(line.budgetByCategory).reduce((s, v) => s + v, 0) + line.ownContribution + line.otherFunding;
    const parts = sharePeriods.map((p) => {
      const periodCosts = mulDiv(totalCosts, p.months.length, requestedMonths);
      return { p, periodCosts, limit: p.share ? mulDiv(periodCosts, p.share.basisPoints, 10_000) : null };
    });
    // A period without a share is not limited: the limit is then the smallest of the others, which
    // cannot be summed; such a split is rare (a round sets its share for the year).
    byShare = parts.some((x) => x.limit === null) ? Number.POSITIVE_INFINITY : parts.reduce((sum, x) => sum + x.limit!, 0);
    if (isExplained && Number.isFinite(byShare)) {
      steps.push({
        label: 'Partea din costuri care poate fi subvenționată',
        detail: parts
          .map((x) => describeOver(sharePeriods)(x.p, `${formatDecimal(x.p.share!.basisPoints / 100, 2)} % din costurile unității pentru ${monthCount(x.p.months.length)} (${formatLei(x.periodCosts)})${sharePeriods.length > 1 ? ` = ${formatLei(x.limit!)}` : ''}`))
          .join('; '),
        source: joinSources(sharePeriods.map((p) => p.share!.source)),
        result: byShare as Bani,
      });
    }
  }

  // Law 34/1998 art. 2 alin. (1): no more than the average monthly upkeep cost in similar public units, where a value is set.
  let byCeiling = Number.POSITIVE_INFINITY;
  const ceilingPeriods = mergeBy(periods, (p) => p.ceiling);
  if (ceilingPeriods.every((p) => p.ceiling)) {
    const parts = ceilingPeriods.map((p) => p.ceiling!.amount * counted * p.months.length);
    byCeiling = parts.reduce((sum, v) => sum + v, 0);
    if (isExplained) {
      steps.push({
        label: 'Costul mediu lunar de întreținere în unitățile publice similare',
        detail: ceilingPeriods
          .map((p, i) => describeOver(ceilingPeriods)(p, `${formatLei(p.ceiling!.amount)} × ${beneficiaries(counted)} × ${monthCount(p.months.length)}${ceilingPeriods.length > 1 ? ` = ${formatLei(parts[i]!)}` : ''}`))
          .join('; '),
        source: joinSources(ceilingPeriods.map((p) => p.ceiling!.source)),
        result: byCeiling as Bani,
      });
    }
  }

  const amount = roundDownToLei(Math.min(byLevel, byRequest, byShare, byCeiling));
  if (isExplained) {
    steps.push({
      label: 'Subvenția calculată',
      detail: `cea mai mică dintre limitele de mai sus, ${ROUNDING_RULE}`,
      source: ROUNDING_SOURCE,
      result: amount,
    });
  }
  return { ok: true, value: { unitId: line.unitId, months, amount, steps } };
}

/** The subsidy of a whole request: the sum of its units' subsidies. */
export function computeRequestSubsidy(
  lines: readonly ComputationLine[],
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
