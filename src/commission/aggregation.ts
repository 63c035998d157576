import { formatDecimal } from '../money';
import type { Validation } from '../validation/result';
import { gridFingerprint, gridProblems, toHundredths, type GridLike } from './scoring-grid';
import type { ScoreSheet } from './scores';
import { quoted } from './wording';

/** The rounding rule for means, stated once: two decimals, half up. */
export const MEAN_ROUNDING_RULE = 'media aritmetică, rotunjită la două zecimale (jumătatea în sus)';

/** sum / count in hundredths, rounded half up; sums of points are never negative. */
export function meanHalfUp(sumHundredths: number, count: number): number {
  return Math.floor((2 * sumHundredths + count) / (2 * count));
}

export interface MemberScore {
  memberId: string;
  sheetId: string;
  total: number;
  /** Criterion code → points (sub-criteria summed). */
  criteria: Record<string, number>;
  /** Scoring item code → points: the sheet's own object, not a copy. */
  points: Readonly<Record<string, number>>;
}

export interface Discrepancy {
  criterionCode: string;
  min: number;
  max: number;
  /** Members who gave the lowest and the highest points. */
  memberIds: string[];
}

export interface RequestScores {
  requestId: string;
  memberCount: number;
  members: MemberScore[];
  /** Criterion code → mean of the members' points on it (MEAN_ROUNDING_RULE). */
  criterionMeans: Record<string, number>;
  /** Mean of the members' totals (MEAN_ROUNDING_RULE); not the sum of the rounded criterion means. */
  meanTotal: number;
  discrepancies: Discrepancy[];
  meetsCriterionMinimums: boolean;
  meetsMinTotal: boolean;
  /** Romanian, one per threshold not met. */
  thresholdFailures: string[];
}

export interface ExcludedSheet {
  sheetId: string;
  requestId: string;
  memberId: string;
  reason: string;
}

export interface ScoreAggregation {
  byRequest: Map<string, RequestScores>;
  excluded: ExcludedSheet[];
}

export interface AggregationOptions {
  /** Points; null = no flags (CommissionRules.discrepancyMargin). */
  discrepancyMargin: number | null;
  /** Recused member × request pairs: their sheets never count. */
  recusals?: readonly { memberId: string; requestId: string }[];
}

type SheetRef = Pick<ScoreSheet, 'id' | 'memberId' | 'requestId' | 'gridId' | 'gridFingerprint' | 'points' | 'state' | 'updatedAt'>;

/**
 * The commission's scores per request: each member's totals, the mean per criterion and of the
 * totals, discrepancies between members and the grid's thresholds. Only submitted sheets on this
 * grid, from members not recused, count; the others are listed in `excluded` with the reason.
 * Sheets are indexed by request once, so the work is linear in the number of sheets.
 */
export function aggregateScores(grid: GridLike, sheets: readonly SheetRef[], options: AggregationOptions): Validation<ScoreAggregation> {
  // Domain.md: nu se calculează cu valori „de completat”.
  const problems = gridProblems(grid);
  if (problems.length > 0) return { ok: false, message: `Punctajele nu pot fi centralizate până la completarea grilei: ${problems.join(' ')}` };

  const fingerprint = gridFingerprint(grid);
  const recused = new Set((options.recusals ?? []).map((r) => `${r.memberId}|${r.requestId}`));
  const excluded: ExcludedSheet[] = [];
  const exclude = (s: SheetRef, reason: string) => excluded.push({ sheetId: s.id, requestId: s.requestId, memberId: s.memberId, reason });

  // One sheet per member and request: the latest submitted one.
  const latest = new Map<string, SheetRef>();
  for (const sheet of sheets) {
    if (sheet.state !== 'trimisa') exclude(sheet, 'Fișa nu este trimisă (ciornă).');
    else if (recused.has(`${sheet.memberId}|${sheet.requestId}`)) exclude(sheet, 'Membrul este recuzat pentru această cerere.');
    else if (sheet.gridId !== grid.id || sheet.gridFingerprint !== fingerprint)
      exclude(sheet, 'Fișa a fost completată pe altă grilă sau pe o versiune anterioară a grilei.');
    else {
      const key = `${sheet.memberId}|${sheet.requestId}`;
      const previous = latest.get(key);
      if (!previous) latest.set(key, sheet);
      else {
        const [keep, drop] = sheet.updatedAt > previous.updatedAt ? [sheet, previous] : [previous, sheet];
        latest.set(key, keep);
        exclude(drop, 'Membrul are o fișă trimisă mai recentă pentru aceeași cerere.');
      }
    }
  }

  const byRequestSheets = new Map<string, SheetRef[]>();
  for (const sheet of latest.values()) {
    const list = byRequestSheets.get(sheet.requestId);
    if (list) list.push(sheet);
    else byRequestSheets.set(sheet.requestId, [sheet]);
  }

  const marginHundredths = options.discrepancyMargin === null ? null : toHundredths(options.discrepancyMargin);
  const minTotalHundredths = toHundredths(grid.minTotal ?? 0);
  // The grid's shape, read once: which scoring items make each criterion, and its minimum.
  const plan = grid.criteria.map((c) => ({
    code: c.code,
    itemCodes: c.subcriteria && c.subcriteria.length > 0 ? c.subcriteria.map((s) => s.code) : [c.code],
    minPoints: typeof c.minPoints === 'number' ? c.minPoints : null,
  }));
  const k = plan.length;
  const byRequest = new Map<string, RequestScores>();
  for (const [requestId, requestSheets] of byRequestSheets) {
    const n = requestSheets.length;
    // values[j * k + i]: member j's points on criterion i, in hundredths.
    const values = new Array<number>(n * k);
    const members: MemberScore[] = [];
    let totalSum = 0;
    for (let j = 0; j < n; j++) {
      const sheet = requestSheets[j]!;
      const criteria: Record<string, number> = {};
      let total = 0;
      for (let i = 0; i < k; i++) {
        const { code, itemCodes } = plan[i]!;
        let value = 0;
        for (const itemCode of itemCodes) value += toHundredths(sheet.points[itemCode] ?? 0);
        values[j * k + i] = value;
        criteria[code] = value / 100;
        total += value;
      }
      totalSum += total;
      members.push({ memberId: sheet.memberId, sheetId: sheet.id, total: total / 100, criteria, points: sheet.points });
    }

    const criterionMeans: Record<string, number> = {};
    const discrepancies: Discrepancy[] = [];
    const thresholdFailures: string[] = [];
    let meetsCriterionMinimums = true;
    for (let i = 0; i < k; i++) {
      const { code, minPoints } = plan[i]!;
      let sum = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < n; j++) {
        const value = values[j * k + i]!;
        sum += value;
        if (value < min) min = value;
        if (value > max) max = value;
      }
      // Rotunjire: media aritmetică, la două zecimale, jumătatea în sus (MEAN_ROUNDING_RULE).
      const mean = meanHalfUp(sum, n);
      criterionMeans[code] = mean / 100;
      // Regulă locală, parametru al rundei — domain.md §7: diferențele mai mari decât marja se semnalează comisiei.
      if (marginHundredths !== null && max - min > marginHundredths) {
        const memberIds: string[] = [];
        for (let j = 0; j < n; j++) {
          const value = values[j * k + i]!;
          if (value === min || value === max) memberIds.push(requestSheets[j]!.memberId);
        }
        discrepancies.push({ criterionCode: code, min: min / 100, max: max / 100, memberIds });
      }
      // Grila aprobată (HG 1153/2001, art. 7^2): minimul pe criteriu se compară cu media comisiei.
      if (minPoints !== null && mean < toHundredths(minPoints)) {
        meetsCriterionMinimums = false;
        thresholdFailures.push(`Criteriul ${quoted(code)} are media ${formatDecimal(mean / 100)}, sub minimul de ${formatDecimal(minPoints)} puncte.`);
      }
    }
    // Rotunjire: media totalurilor membrilor (nu suma mediilor rotunjite), la două zecimale, jumătatea în sus (MEAN_ROUNDING_RULE).
    const meanTotal = meanHalfUp(totalSum, n);
    // Grila aprobată de consiliul local — domain.md §7: punctajul total minim pentru finanțare.
    const meetsMinTotal = meanTotal >= minTotalHundredths;
    if (!meetsMinTotal)
      thresholdFailures.push(`Punctajul mediu ${formatDecimal(meanTotal / 100)} este sub pragul minim de ${formatDecimal(minTotalHundredths / 100)} puncte.`);
    byRequest.set(requestId, {
      requestId,
      memberCount: n,
      members,
      criterionMeans,
      meanTotal: meanTotal / 100,
      discrepancies,
      meetsCriterionMinimums,
      meetsMinTotal,
      thresholdFailures,
    });
  }
  return { ok: true, value: { byRequest, excluded } };
}
