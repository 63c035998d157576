import type { Draft, Entity } from '../entity';
import { formatDecimal } from '../money';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
import { validateReopening, type ReopeningRecord, type ReopeningField } from './round-lock';
import { gridFingerprint, gridProblems, hasAtMostTwoDecimals, scoringItems, toHundredths, type GridLike, type ScoringItem } from './scoring-grid';
import { quoted } from './wording';

/** Where the points came from: typed on screen, copied from a signed paper sheet, or imported from a workbook. */
export type ScoreSource = 'ecran' | 'fisa_hartie' | 'import_xlsx';
export const SCORE_SOURCES: Record<ScoreSource, string> = {
  ecran: 'Introdus pe ecran',
  fisa_hartie: 'Preluat din fișa semnată pe hârtie',
  import_xlsx: 'Importat din registru de calcul',
};

/** A draft can change; a submitted sheet is locked and reopened only with a recorded reason (conventions.md §5). */
export type ScoreSheetState = 'ciorna' | 'trimisa';
export const SCORE_SHEET_STATES: Record<ScoreSheetState, string> = { ciorna: 'Ciornă', trimisa: 'Trimisă' };

/** One member's evaluation sheet (fișă de evaluare) for one request. */
export interface ScoreSheet extends Entity {
  sessionId: string;
  roundId: string;
  memberId: string;
  requestId: string;
  gridId: string;
  /** gridFingerprint of the grid when the sheet was filled in. */
  gridFingerprint: string;
  /** Scoring item code (sub-criterion where the criterion has them) → points. */
  points: Record<string, number>;
  comment: string;
  source: ScoreSource;
  state: ScoreSheetState;
  /** ISO timestamp of the last submission. */
  submittedAt?: string;
  reopenings: ReopeningRecord[];
}

export type ScoreSheetDraft = Draft<ScoreSheet>;
export type ScoreSheetField = keyof ScoreSheetDraft | `points.${string}`;

/** What a form or an import hands in: points may still be text ("7,5") or empty. */
export type ScoreSheetInput = Omit<ScoreSheetDraft, 'points'> & { points: Record<string, unknown> };

export function emptyScoreSheet(
  ids: Pick<ScoreSheet, 'sessionId' | 'roundId' | 'memberId' | 'requestId'>,
  grid: GridLike,
  source: ScoreSource = 'ecran',
): ScoreSheetDraft {
  return {
    ...ids,
    gridId: grid.id,
    gridFingerprint: gridFingerprint(grid),
    points: {},
    comment: '',
    source,
    state: 'ciorna',
    submittedAt: undefined,
    reopenings: [],
  };
}

type ParsedPoints = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

function parsePoints(raw: unknown): ParsedPoints {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { kind: 'empty' };
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { kind: 'invalid', message: 'nu este un număr' };
    if (!hasAtMostTwoDecimals(raw)) return { kind: 'invalid', message: 'are mai mult de două zecimale' };
    return { kind: 'number', value: raw };
  }
  if (typeof raw !== 'string') return { kind: 'invalid', message: 'nu este un număr' };
  const text = raw.trim();
  const m = /^-?\d+(?:[.,](\d+))?$/.exec(text);
  if (!m) return { kind: 'invalid', message: `${quoted(text)} nu este un număr` };
  if ((m[1] ?? '').length > 2) return { kind: 'invalid', message: 'are mai mult de două zecimale' };
  return { kind: 'number', value: Number(text.replace(',', '.')) };
}

/**
 * What is wrong with one cell of the score sheet as typed, if anything: not a number, more than two
 * decimals, or outside 0 … the item's maximum in the round's grid. The sheet's validation and the
 * scoring screen (as the member types) use this same rule; an empty cell is not an error here.
 */
export function scoreCellProblem(item: Pick<ScoringItem, 'maxPoints'>, raw: unknown): string | undefined {
  const parsed = parsePoints(raw);
  if (parsed.kind === 'empty') return undefined;
  if (parsed.kind === 'invalid') return `valoarea ${parsed.message}`;
  // Grila aprobată de consiliul local (HG 1153/2001, art. 7^2): punctajul este între 0 și maximul criteriului.
  if (parsed.value < 0 || (item.maxPoints !== null && toHundredths(parsed.value) > toHundredths(item.maxPoints))) {
    return `punctajul trebuie să fie între 0 și ${formatDecimal(item.maxPoints ?? 0)}`;
  }
  return undefined;
}

/**
 * Checks a sheet against its grid: every value a number from 0 to the item's maximum with at
 * most two decimals; codes the grid does not have are refused; a submitted sheet has every item.
 * Scoring is refused altogether on a grid with values "de completat" or one that changed since
 * the sheet was started. Whether the member may score the request at all is canScore's question
 * (conflicts.ts).
 */
export function validateScoreSheet(input: ScoreSheetInput, grid: GridLike): { value: ScoreSheetDraft; errors: FieldErrors<ScoreSheetField> } {
  const errors: FieldErrors<ScoreSheetField> = {};
  const value: ScoreSheetDraft = {
    sessionId: cleanText(input.sessionId),
    roundId: cleanText(input.roundId),
    memberId: cleanText(input.memberId),
    requestId: cleanText(input.requestId),
    gridId: input.gridId,
    gridFingerprint: input.gridFingerprint,
    points: {},
    comment: cleanMultiline(input.comment),
    source: input.source,
    state: input.state,
    submittedAt: input.submittedAt,
    reopenings: input.reopenings ?? [],
  };
  if (value.sessionId === '') errors.sessionId = 'Alegeți ședința.';
  if (value.roundId === '') errors.roundId = 'Alegeți runda.';
  if (value.memberId === '') errors.memberId = 'Alegeți membrul comisiei.';
  if (value.requestId === '') errors.requestId = 'Alegeți cererea.';
  if (!Object.hasOwn(SCORE_SOURCES, value.source)) errors.source = 'Precizați de unde provine punctajul.';
  if (!Object.hasOwn(SCORE_SHEET_STATES, value.state)) errors.state = 'Starea fișei nu este cunoscută.';

  // Domain.md: nu se calculează cu valori „de completat”; grila trebuie să fie completă.
  const problems = gridProblems(grid);
  if (problems.length > 0) errors.gridId = `Punctarea nu este permisă până la completarea grilei: ${problems.join(' ')}`;
  else if (value.gridId !== grid.id) errors.gridId = 'Fișa a fost începută pe altă grilă decât cea a rundei.';
  else if (value.gridFingerprint !== gridFingerprint(grid)) {
    errors.gridFingerprint = 'Grila s-a schimbat (criterii sau punctaje maxime) după ce fișa a fost începută; verificați punctajele pe grila actuală.';
  }

  const items = scoringItems(grid);
  const known = new Set(items.map((i) => i.code));
  for (const code of Object.keys(input.points ?? {})) {
    if (!known.has(code)) errors[`points.${code}`] = `Criteriul ${quoted(code)} nu există în grilă.`;
  }
  const missing: string[] = [];
  for (const item of items) {
    const parsed = parsePoints(input.points?.[item.code]);
    const label = `Criteriul ${quoted(item.code)}`;
    if (parsed.kind === 'empty') {
      // Fișa trimisă are toate criteriile punctate; ciorna poate fi incompletă.
      if (value.state === 'trimisa') {
        errors[`points.${item.code}`] = `${label}: punctajul lipsește.`;
        missing.push(item.code);
      }
      continue;
    }
    const problem = scoreCellProblem(item, input.points?.[item.code]);
    if (problem || parsed.kind !== 'number') {
      errors[`points.${item.code}`] = `${label}: ${problem}.`;
      continue;
    }
    value.points[item.code] = parsed.value;
  }
  if (missing.length > 0) errors.points = `Fișa nu poate fi trimisă: lipsesc punctajele pentru ${missing.map(quoted).join(', ')}.`;
  return { value, errors };
}

/** Points of each criterion of the grid (a criterion with sub-criteria is their sum), in hundredths of a point. */
export function criterionHundredths(points: Readonly<Record<string, number>>, grid: Pick<GridLike, 'criteria'>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const c of grid.criteria) {
    const codes = c.subcriteria && c.subcriteria.length > 0 ? c.subcriteria.map((s) => s.code) : [c.code];
    let sum = 0;
    for (const code of codes) sum += toHundredths(points[code] ?? 0);
    totals.set(c.code, sum);
  }
  return totals;
}

/** The sheet's total points on the grid (what the form shows as the running total). */
export function sheetTotal(sheet: Pick<ScoreSheet, 'points'>, grid: Pick<GridLike, 'criteria'>): number {
  let sum = 0;
  for (const value of criterionHundredths(sheet.points, grid).values()) sum += value;
  return sum / 100;
}

/** Submits a sheet: validated as 'trimisa'; returns the errors instead when something is missing. */
export function submitScoreSheet(
  sheet: ScoreSheetInput,
  grid: GridLike,
  at: string,
): { ok: true; value: ScoreSheetDraft } | { ok: false; errors: FieldErrors<ScoreSheetField> } {
  const { value, errors } = validateScoreSheet({ ...sheet, state: 'trimisa' }, grid);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...value, submittedAt: at } };
}

/** Conventions.md §5: a submitted sheet goes back to draft only with the reason, who and when recorded. */
export function reopenScoreSheet<S extends Pick<ScoreSheet, 'state' | 'reopenings'>>(
  sheet: S,
  record: ReopeningRecord,
): { ok: true; value: S } | { ok: false; errors: FieldErrors<ReopeningField> } {
  if (sheet.state !== 'trimisa') return { ok: false, errors: { reason: 'Fișa nu este trimisă; se poate modifica direct.' } };
  const { value, errors } = validateReopening(record);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { ...sheet, state: 'ciorna', reopenings: [...sheet.reopenings, value] } };
}
