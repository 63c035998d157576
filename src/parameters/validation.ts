import { parseLei } from '../money';
import { formatRoDate, isValidIsoDate, parseDate, parseOptionalDate } from '../validation/dates';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { invalid, valid, type FieldErrors, type Validation } from '../validation/result';
import { isAmountKind, type ParameterDefinition, type ParameterKind, type ParameterRawValue, type ParameterValue } from './types';

/** Parameter keys are dotted lower-case words: "hg1153.nivel_mediu_lunar.cu_cazare". */
export const PARAMETER_KEY_RE = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
/** Codes of list items (e.g. expense categories): "personal", "hrana", "utilitati". */
export const LIST_CODE_RE = /^[a-z0-9_]+$/;

/** 10000 basis points = 100 %. */
export const MAX_BASIS_POINTS = 10_000;

/**
 * Checks a value already in its stored form (integer bani, basis points, list of codes, null)
 * against the kind of its parameter. Returns a Romanian message, or undefined when it is fine.
 */
export function checkStoredValue(kind: ParameterKind, value: unknown, listLabels?: unknown): string | undefined {
  if (value === null) return undefined;
  if (kind === 'list') {
    if (!Array.isArray(value)) return 'Valoarea unei liste trebuie să fie o listă de coduri.';
    if (value.length === 0) return 'Lista trebuie să aibă cel puțin un element.';
    const seen = new Set<string>();
    for (const code of value) {
      if (typeof code !== 'string' || !LIST_CODE_RE.test(code)) return `Codul „${String(code)}” nu este valid (litere mici fără diacritice, cifre și „_”).`;
      if (seen.has(code)) return `Codul „${code}” apare de două ori în listă.`;
      seen.add(code);
    }
    if (listLabels !== undefined) {
      if (typeof listLabels !== 'object' || listLabels === null || Array.isArray(listLabels)) return 'Denumirile elementelor listei trebuie date ca „cod → denumire”.';
      const labels = listLabels as Record<string, unknown>;
      for (const code of value as string[]) {
        const label = labels[code];
        if (typeof label !== 'string' || cleanText(label) === '') return `Elementul „${code}” nu are denumire.`;
      }
      for (const code of Object.keys(labels)) {
        if (!seen.has(code)) return `Denumirea pentru „${code}” nu corespunde niciunui element al listei.`;
      }
    }
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Valoarea trebuie să fie un număr sau „de completat”.';
  if (isAmountKind(kind)) {
    if (!Number.isSafeInteger(value)) return `Suma trebuie să fie un număr întreg de bani (1 leu = 100 bani): „${value}” nu este.`;
    if (value < 0) return 'Suma nu poate fi negativă.';
    return undefined;
  }
  if (kind === 'percentage') {
    if (!Number.isInteger(value)) return 'Procentul se păstrează în puncte de bază întregi (1 % = 100 puncte de bază).';
    if (value < 0 || value > MAX_BASIS_POINTS) return 'Procentul trebuie să fie între 0 și 100 % (0–10.000 puncte de bază).';
    return undefined;
  }
  // integer
  if (!Number.isSafeInteger(value)) return 'Valoarea trebuie să fie un număr întreg.';
  if (value < 0) return 'Valoarea nu poate fi negativă.';
  return undefined;
}

/**
 * Reads a value as a form gives it: amounts as integer bani or as text in lei ("1.000,00"),
 * percentages as basis points, lists as arrays of codes; null or empty text = "de completat".
 */
function readValue(kind: ParameterKind, input: unknown, listLabels: Record<string, string> | undefined): Validation<ParameterRawValue> {
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) return valid(null);
  let value: unknown = input;
  if (kind === 'list' && Array.isArray(input)) value = input.map((code) => (typeof code === 'string' ? code.trim() : code));
  if (typeof input === 'string' && kind !== 'list') {
    if (isAmountKind(kind)) {
      const amount = parseLei(input);
      if (amount === undefined) return invalid(`„${input.trim()}” nu este o sumă în lei (de exemplu 1.000,00).`);
      value = amount;
    } else {
      const text = input.trim();
      if (!/^-?\d+([.,]\d+)?$/.test(text)) return invalid(`„${text}” nu este un număr.`);
      value = Number(text.replace(',', '.'));
    }
  }
  const problem = checkStoredValue(kind, value, listLabels);
  return problem ? invalid(problem) : valid(value as ParameterRawValue);
}

/** The last day the entry is in force by its own dates (explicit validTo), or undefined when open. */
const explicitEnd = (entry: Pick<ParameterValue, 'validTo'>): string | undefined => entry.validTo;

/**
 * Two entries of one key overlap when the earlier one says explicitly that it lasts beyond the day
 * the later one starts. An open-ended earlier entry is simply closed by the later one.
 */
export function overlapsExplicitly(a: Pick<ParameterValue, 'validFrom' | 'validTo'>, b: Pick<ParameterValue, 'validFrom' | 'validTo'>): boolean {
  if (a.validFrom === b.validFrom) return true;
  const [earlier, later] = a.validFrom < b.validFrom ? [a, b] : [b, a];
  const end = explicitEnd(earlier);
  return end !== undefined && end >= later.validFrom;
}

export const formatPeriod = (entry: Pick<ParameterValue, 'validFrom' | 'validTo'>): string =>
  entry.validTo ? `${formatRoDate(entry.validFrom)}–${formatRoDate(entry.validTo)}` : `de la ${formatRoDate(entry.validFrom)}`;

/** What a form sends: dates may be typed as "01.01.2026", amounts as lei text or integer bani. */
export interface ParameterValueInput {
  key: string;
  validFrom: unknown;
  validTo?: unknown;
  value: unknown;
  listLabels?: Record<string, string>;
  source: { act?: string | null; article?: string | null; url?: string | null };
  note?: string | null;
  isVerified?: boolean;
  createdAt?: string;
}

export type ParameterValueField = 'key' | 'validFrom' | 'validTo' | 'value' | 'source' | 'note';

/**
 * Validates a value a user enters in "Parametri legali". User values replace a shipped value with
 * the same key and start date, and a later start date closes the previous period; two user values
 * of one key may not claim the same days explicitly (`otherUserValues` are the ones already saved;
 * a saved value with the same key and start date is the one being edited, so it is not compared).
 */
export function validateParameterValue(
  input: ParameterValueInput,
  definitions: readonly ParameterDefinition[],
  otherUserValues: readonly ParameterValue[] = [],
): { value: ParameterValue; errors: FieldErrors<ParameterValueField> } {
  const errors: FieldErrors<ParameterValueField> = {};
  const key = cleanText(input.key);
  const definition = definitions.find((d) => d.key === key);
  if (!definition) errors.key = `Parametrul „${key}” nu există în lista parametrilor legali.`;

  const from = parseDate(input.validFrom, 'Data de început');
  if (!from.ok) errors.validFrom = from.message;
  const to = parseOptionalDate(input.validTo, 'Data de sfârșit');
  if (!to.ok) errors.validTo = to.message;
  const validFrom = from.ok ? from.value : '';
  const validTo = to.ok ? to.value : undefined;
  if (from.ok && validTo !== undefined && validTo < validFrom) {
    errors.validTo = `Data de sfârșit (${formatRoDate(validTo)}) este înaintea datei de început (${formatRoDate(validFrom)}).`;
  }

  const listLabels = input.listLabels
    ? Object.fromEntries(Object.entries(input.listLabels).map(([code, label]) => [code.trim(), cleanText(label)]))
    : undefined;
  let value: ParameterRawValue = null;
  if (definition) {
    const read = readValue(definition.kind, input.value, listLabels);
    if (read.ok) value = read.value;
    else errors.value = read.message;
  }

  const act = cleanText(input.source?.act);
  if (!act) errors.source = 'Indicați actul normativ sursă (de exemplu „HCL 788/2022”).';
  const article = cleanText(input.source?.article);
  const url = cleanText(input.source?.url);

  const result: ParameterValue = {
    key,
    validFrom,
    ...(validTo ? { validTo } : {}),
    value,
    ...(definition?.kind === 'list' && listLabels ? { listLabels } : {}),
    source: { act, ...(article ? { article } : {}), ...(url ? { url } : {}) },
    note: cleanMultiline(input.note),
    isVerified: !!input.isVerified,
    origin: 'utilizator',
    ...(input.createdAt ? { createdAt: input.createdAt } : {}),
  };

  if (from.ok && !errors.validTo && definition) {
    const clash = otherUserValues.find(
      (other) => other.key === key && other.validFrom !== validFrom && isValidIsoDate(other.validFrom) && overlapsExplicitly(result, other),
    );
    if (clash) {
      errors.validTo = `Perioada se suprapune cu valoarea introdusă pentru ${formatPeriod(clash)}: o valoare încetează cel târziu în ziua dinaintea celei următoare (sau lăsați data de sfârșit necompletată).`;
    }
  }
  return { value: result, errors };
}
