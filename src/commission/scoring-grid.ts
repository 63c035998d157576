import type { Draft, Entity } from '../entity';
import { FUNDING_LAWS, type FundingLaw } from '../rounds/funding-round';
import { formatDecimal } from '../money';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
import grid34 from './data/grid-legea-34-1998.json';
import { quoted } from './wording';

/**
 * An evaluation grid is data: the council approves the criteria and the maximum points of each
 * (HG 1153/2001 norms, art. 5, 6, 7^2 introduced by HG 942/2005). A value the source does not
 * give is null, "de completat", and scoring is refused until a user fills it in.
 */
export interface GridSubcriterion {
  code: string;
  title: string;
  maxPoints: number | null;
}

export interface GridCriterion {
  code: string;
  title: string;
  /** What the scorer looks at, in plain Romanian. */
  guidance: string;
  maxPoints: number | null;
  /** Minimum mean points on this criterion to be funded. Absent: no minimum; null: de completat. */
  minPoints?: number | null;
  /** When present, members score the sub-criteria and the criterion is their sum. */
  subcriteria?: GridSubcriterion[];
}

export interface GridReference {
  act: string;
  article?: string;
  url?: string;
  note?: string;
}

export interface GridContent {
  name: string;
  law: FundingLaw;
  criteria: GridCriterion[];
  /** Minimum mean total to be funded; null: de completat (enter 0 for a grid without a minimum). */
  minTotal: number | null;
  /** Where the grid comes from, e.g. "HCL … anexa 2". */
  source: string;
  references: GridReference[];
  notes: string;
}

/** A grid defined or edited by users, stored like any record. */
export interface ScoringGrid extends Entity, GridContent {}
export type ScoringGridDraft = Draft<ScoringGrid>;
/** A shipped grid, or a stored one: what scoring needs. */
export type GridLike = GridContent & { id: string };

export type ScoringGridField = keyof ScoringGridDraft | `criteria.${number}`;

export const SCORING_GRID_FIELD_LABELS: Record<keyof ScoringGridDraft, string> = {
  name: 'Denumirea grilei',
  law: 'Legea',
  criteria: 'Criterii',
  minTotal: 'Punctajul total minim pentru finanțare',
  source: 'Temeiul grilei (actul de aprobare)',
  references: 'Referințe',
  notes: 'Observații',
};

export const DE_COMPLETAT = 'de completat';

export function emptyScoringGrid(law: FundingLaw = 'legea_34_1998'): ScoringGridDraft {
  return { name: '', law, criteria: [], minTotal: null, source: '', references: [], notes: '' };
}

/** Points are kept as numbers with at most two decimals; sums and comparisons use whole hundredths. */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function hasAtMostTwoDecimals(points: number): boolean {
  return Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}

const CODE_RE = /^[\p{L}\d][\p{L}\d._-]{0,19}$/u;

function maxPointsProblem(value: unknown, label: string): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return `${label}: punctajul maxim trebuie să fie un număr pozitiv.`;
  if (!hasAtMostTwoDecimals(value)) return `${label}: punctajul maxim are cel mult două zecimale.`;
  return undefined;
}

/**
 * Checks a grid's structure: codes present and unique (criteria and sub-criteria together, since
 * a score sheet keys points by code), positive maximum points, sub-criteria adding up to their
 * criterion, minimums within the maximums. "De completat" (null) values are not errors here;
 * gridReadiness lists them.
 */
export function validateScoringGrid(input: ScoringGridDraft): { value: ScoringGridDraft; errors: FieldErrors<ScoringGridField> } {
  const errors: FieldErrors<ScoringGridField> = {};
  const value: ScoringGridDraft = {
    name: cleanText(input.name),
    law: input.law,
    criteria: [],
    minTotal: input.minTotal ?? null,
    source: cleanMultiline(input.source),
    references: (input.references ?? []).map((r) => ({ ...r, act: cleanText(r.act) })),
    notes: cleanMultiline(input.notes),
  };
  if (value.name.length < 3) errors.name = 'Denumirea grilei este obligatorie.';
  if (!Object.hasOwn(FUNDING_LAWS, value.law)) errors.law = 'Alegeți legea.';
  if (value.source.length < 3) errors.source = 'Precizați actul care aprobă grila (de exemplu hotărârea consiliului local și anexa).';

  const codes = new Set<string>();
  let maxSum = 0;
  let isMaxSumKnown = true;
  (input.criteria ?? []).forEach((raw, index) => {
    const problems: string[] = [];
    const criterion: GridCriterion = {
      code: cleanText(raw.code),
      title: cleanText(raw.title),
      guidance: cleanMultiline(raw.guidance),
      maxPoints: raw.maxPoints ?? null,
      ...(raw.minPoints !== undefined ? { minPoints: raw.minPoints } : {}),
      ...(raw.subcriteria && raw.subcriteria.length > 0
        ? { subcriteria: raw.subcriteria.map((s) => ({ code: cleanText(s.code), title: cleanText(s.title), maxPoints: s.maxPoints ?? null })) }
        : {}),
    };
    const label = criterion.code ? `Criteriul ${quoted(criterion.code)}` : `Criteriul nr. ${index + 1}`;
    const checkCode = (code: string, what: string) => {
      if (!CODE_RE.test(code)) problems.push(`${what}: codul este obligatoriu (litere, cifre, punct, cratimă; cel mult 20 de caractere).`);
      else if (codes.has(code)) problems.push(`${what}: codul ${quoted(code)} se repetă în grilă.`);
      codes.add(code);
    };
    checkCode(criterion.code, label);
    if (criterion.title === '') problems.push(`${label}: denumirea este obligatorie.`);
    const maxProblem = maxPointsProblem(criterion.maxPoints, label);
    if (maxProblem) problems.push(maxProblem);
    if (criterion.maxPoints === null) isMaxSumKnown = false;
    else if (!maxProblem) maxSum += toHundredths(criterion.maxPoints);

    const min = criterion.minPoints;
    if (min !== undefined && min !== null) {
      if (typeof min !== 'number' || !Number.isFinite(min) || min < 0 || !hasAtMostTwoDecimals(min))
        problems.push(`${label}: punctajul minim trebuie să fie un număr pozitiv, cu cel mult două zecimale.`);
      else if (criterion.maxPoints !== null && !maxProblem && min > criterion.maxPoints)
        problems.push(`${label}: punctajul minim (${formatDecimal(min)}) depășește punctajul maxim (${formatDecimal(criterion.maxPoints)}).`);
    }

    if (criterion.subcriteria) {
      let subSum = 0;
      let isSubSumKnown = true;
      criterion.subcriteria.forEach((sub, subIndex) => {
        const subLabel = sub.code ? `Subcriteriul ${quoted(sub.code)}` : `Subcriteriul nr. ${subIndex + 1} al criteriului ${quoted(criterion.code)}`;
        checkCode(sub.code, subLabel);
        if (sub.title === '') problems.push(`${subLabel}: denumirea este obligatorie.`);
        const subProblem = maxPointsProblem(sub.maxPoints, subLabel);
        if (subProblem) problems.push(subProblem);
        if (sub.maxPoints === null || subProblem) isSubSumKnown = false;
        else subSum += toHundredths(sub.maxPoints);
      });
      if (isSubSumKnown && criterion.maxPoints !== null && !maxProblem && subSum !== toHundredths(criterion.maxPoints)) {
        problems.push(
          `${label}: subcriteriile însumează ${formatDecimal(subSum / 100)} puncte, dar criteriul are maximum ${formatDecimal(criterion.maxPoints)}.`,
        );
      }
    }
    if (problems.length > 0) errors[`criteria.${index}`] = problems.join(' ');
    value.criteria.push(criterion);
  });
  if (Object.keys(errors).some((k) => k.startsWith('criteria.'))) errors.criteria = 'Unele criterii au erori.';

  const minTotal = value.minTotal;
  if (minTotal !== null) {
    if (typeof minTotal !== 'number' || !Number.isFinite(minTotal) || minTotal < 0 || !hasAtMostTwoDecimals(minTotal)) {
      errors.minTotal = 'Punctajul total minim trebuie să fie un număr pozitiv, cu cel mult două zecimale (0 dacă grila nu are prag).';
    } else if (isMaxSumKnown && value.criteria.length > 0 && toHundredths(minTotal) > maxSum) {
      errors.minTotal = `Punctajul total minim (${formatDecimal(minTotal)}) depășește punctajul maxim al grilei (${formatDecimal(maxSum / 100)}).`;
    }
  }
  return { value, errors };
}

export interface ReadinessItem {
  /** "criteria.0.maxPoints", "minTotal"… */
  path: string;
  text: string;
}

/**
 * The values still "de completat". Scoring with the grid is refused while this list is not empty
 * (domain.md: never compute with a value that is not sourced or filled in).
 */
export function gridReadiness(grid: Pick<GridContent, 'criteria' | 'minTotal'>): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  if (grid.criteria.length === 0) items.push({ path: 'criteria', text: `Criteriile grilei și punctajul maxim al fiecăruia — ${DE_COMPLETAT}.` });
  grid.criteria.forEach((c, i) => {
    const name = `Criteriul ${quoted(c.code)}${c.title ? ` (${c.title})` : ''}`;
    if (c.maxPoints === null) items.push({ path: `criteria.${i}.maxPoints`, text: `${name}: punctajul maxim — ${DE_COMPLETAT}.` });
    if (c.minPoints === null) items.push({ path: `criteria.${i}.minPoints`, text: `${name}: punctajul minim — ${DE_COMPLETAT}.` });
    c.subcriteria?.forEach((s, j) => {
      if (s.maxPoints === null)
        items.push({
          path: `criteria.${i}.subcriteria.${j}.maxPoints`,
          text: `Subcriteriul ${quoted(s.code)} al criteriului ${quoted(c.code)}: punctajul maxim — ${DE_COMPLETAT}.`,
        });
    });
  });
  if (grid.minTotal === null) items.push({ path: 'minTotal', text: `Punctajul total minim pentru finanțare — ${DE_COMPLETAT} (0 dacă grila nu are prag).` });
  return items;
}

/** Everything that stops scoring on the grid: values "de completat", then structural errors. */
export function gridProblems(grid: GridContent): string[] {
  const { errors } = validateScoringGrid(grid);
  const structural = Object.entries(errors)
    .filter(([key]) => key !== 'criteria')
    .map(([, message]) => message as string);
  return [...gridReadiness(grid).map((i) => i.text), ...structural];
}

/** Ready to score: nothing "de completat" and no structural error. */
export function isGridReady(grid: GridContent): boolean {
  return gridProblems(grid).length === 0;
}

/** What a member gives points for: each sub-criterion where a criterion has them, else the criterion. */
export interface ScoringItem {
  code: string;
  title: string;
  maxPoints: number | null;
  criterionCode: string;
}

export function scoringItems(grid: Pick<GridContent, 'criteria'>): ScoringItem[] {
  return grid.criteria.flatMap((c) =>
    c.subcriteria && c.subcriteria.length > 0
      ? c.subcriteria.map((s) => ({ code: s.code, title: `${c.title} — ${s.title}`, maxPoints: s.maxPoints, criterionCode: c.code }))
      : [{ code: c.code, title: c.title, maxPoints: c.maxPoints, criterionCode: c.code }],
  );
}

/** FNV-1a, 32 bits, over the UTF-8 bytes of a string: a stable, dependency-free hash. */
function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A fingerprint of what a score means: the grid's codes and maximum points (sorted by code, so
 * reordering criteria or rewording titles does not change it). A score sheet keeps the fingerprint
 * of the grid it was filled in on; an import or a later check can tell that the grid changed.
 */
export function gridFingerprint(grid: Pick<GridContent, 'criteria'>): string {
  const parts = grid.criteria
    .map((c) => {
      const subs = (c.subcriteria ?? [])
        .map((s) => `${s.code}=${s.maxPoints === null ? 'null' : toHundredths(s.maxPoints)}`)
        .sort()
        .join(',');
      return `${c.code}=${c.maxPoints === null ? 'null' : toHundredths(c.maxPoints)}[${subs}]`;
    })
    .sort();
  return `fnv1a32:${fnv1a32(parts.join(';'))}`;
}

/** A shipped grid file does not match the expected shape or breaks a grid rule. */
export class ShippedGridError extends Error {
  override name = 'ShippedGridError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumberOrNull = (v: unknown) => v === null || typeof v === 'number';

/** Reads a grid from JSON data, checking its shape and rules; throws with the list of problems. */
export function parseGridData(data: unknown, fileName: string): GridLike {
  const problems: string[] = [];
  if (!isObject(data)) throw new ShippedGridError(`${fileName}: nu conține o grilă.`);
  for (const key of ['id', 'name', 'law', 'source', 'notes'] as const) if (typeof data[key] !== 'string') problems.push(`câmpul „${key}” lipsește`);
  if (!isNumberOrNull(data.minTotal)) problems.push('„minTotal” trebuie să fie număr sau null');
  if (!Array.isArray(data.references) || !data.references.every((r) => isObject(r) && typeof r.act === 'string'))
    problems.push('„references” trebuie să fie o listă de acte');
  if (!Array.isArray(data.criteria)) problems.push('„criteria” trebuie să fie o listă');
  else {
    data.criteria.forEach((c: unknown, i) => {
      if (!isObject(c) || typeof c.code !== 'string' || typeof c.title !== 'string' || typeof c.guidance !== 'string' || !isNumberOrNull(c.maxPoints)) {
        problems.push(`criteriul nr. ${i + 1} nu are forma așteptată`);
      } else if (
        c.subcriteria !== undefined &&
        (!Array.isArray(c.subcriteria) ||
          !c.subcriteria.every((s) => isObject(s) && typeof s.code === 'string' && typeof s.title === 'string' && isNumberOrNull(s.maxPoints)))
      ) {
        problems.push(`subcriteriile criteriului nr. ${i + 1} nu au forma așteptată`);
      }
    });
  }
  if (problems.length > 0) throw new ShippedGridError(`${fileName}: ${problems.join('; ')}.`);
  const grid = data as unknown as GridLike;
  const { errors } = validateScoringGrid(grid);
  const messages = Object.entries(errors)
    .filter(([key]) => key !== 'criteria')
    .map(([, m]) => m);
  if (messages.length > 0) throw new ShippedGridError(`${fileName}: ${messages.join(' ')}`);
  return grid;
}

// Checked when the module loads: a broken data file stops the app instead of scoring on a wrong grid.
export const SHIPPED_SCORING_GRIDS: readonly GridLike[] = [parseGridData(grid34, 'grid-legea-34-1998.json')];
