import { isValidIsoDate } from '../validation/dates';

/**
 * The shape of a table descriptor and the checks of a backup's records against it, without the
 * descriptors themselves (src/backup/schema.ts), so that reading a backup file needs no data module.
 */

export type FieldType =
  /** A non-empty key string. */
  | 'id'
  | 'text'
  /** yyyy-mm-dd */
  | 'date'
  /** An ISO timestamp. */
  | 'timestamp'
  | 'integer'
  | 'number'
  /** Integer bani. */
  | 'bani'
  /** Basis points (9000 = 90 %). */
  | 'basisPoints'
  | 'boolean'
  | 'enum'
  | 'object'
  | 'array'
  /** Anything JSON (a value whose shape another module owns). */
  | 'json';

export interface FieldSpec {
  type: FieldType;
  /** May be absent (or undefined). */
  optional?: boolean;
  nullable?: boolean;
  /** For enums: code → Romanian label. */
  values?: Readonly<Record<string, string>>;
  /** The field's name in the history, when it differs from the form's label. */
  label?: string;
}

export interface ReferenceSpec {
  /** "organizationId", "units[].unitId", "agenda[]", "resolution.sessionId". */
  path: string;
  table: string;
  /** Ids that resolve without a row (the grids shipped with the app). */
  external?: readonly string[];
}

export interface TableDescriptor {
  name: string;
  /** Romanian, plural, as the restore preview shows it. */
  label: string;
  /** The record in a sentence: [singular, plural] ("unitate licențiată", "unități licențiate"). */
  nouns: [string, string];
  /** "ONG-ul", "Unitatea": the subject of a refusal. */
  subject: string;
  /** Grammatical gender of the subject (m/n take "șters", f "ștearsă"). */
  gender: 'm' | 'f';
  key: 'id' | 'key' | 'code';
  fields: Readonly<Record<string, FieldSpec>>;
  /** Records of other fields are allowed (tables whose type another module is still filling in). */
  isOpen?: boolean;
  references: readonly ReferenceSpec[];
  /** How a record is named in messages ("„Centrul de zi Pași”", "nr. 3/2027"). */
  describe(row: Record<string, unknown>): string;
  /** What to do instead of deleting, when records must be kept. */
  archiveHint?: string;
  isAppendOnly?: boolean;
}

/** Every string value at a path: "units[].unitId" gives the unitId of each line. */
export function valuesAt(row: unknown, path: string): string[] {
  let current: unknown[] = [row];
  for (const part of path.split('.')) {
    const isArray = part.endsWith('[]');
    const key = isArray ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const value of current) {
      if (!value || typeof value !== 'object') continue;
      const child = key === '' ? value : (value as Record<string, unknown>)[key];
      if (isArray) {
        if (Array.isArray(child)) next.push(...child);
      } else next.push(child);
    }
    current = next;
  }
  return current.filter((v): v is string => typeof v === 'string' && v !== '');
}

// --- validation of a backup's rows ---------------------------------------------------------------

/** Keys that would change an object's prototype when a program copies the record. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The path of a forbidden key anywhere inside a value, or null. */
export function findForbiddenKey(value: unknown, path = ''): string | null {
  if (!value || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenKey(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const here = path ? `${path}.${key}` : key;
    if (FORBIDDEN_KEYS.has(key)) return here;
    const found = findForbiddenKey((value as Record<string, unknown>)[key], here);
    if (found) return found;
  }
  return null;
}

const TIMESTAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what a key may not hold
const KEY_RE = /^[^\u0000-\u001f\u007f]{1,300}$/;

/** What is wrong with one value for its field, or null. */
export function fieldProblem(spec: FieldSpec, value: unknown): string | null {
  if (value === undefined) return spec.optional ? null : 'lipsește';
  if (value === null) return spec.nullable || spec.type === 'json' ? null : 'este gol (null)';
  switch (spec.type) {
    case 'id':
      return typeof value === 'string' && KEY_RE.test(value) ? null : 'nu este un identificator valid';
    case 'text':
      return typeof value === 'string' ? null : 'nu este text';
    case 'date':
      return typeof value === 'string' && isValidIsoDate(value) ? null : 'nu este o dată validă (aaaa-ll-zz)';
    case 'timestamp':
      return typeof value === 'string' && TIMESTAMP_RE.test(value) && !Number.isNaN(Date.parse(value)) ? null : 'nu este un moment de timp valid';
    case 'integer':
    case 'basisPoints':
      return Number.isSafeInteger(value) ? null : 'nu este un număr întreg';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'nu este un număr';
    case 'bani':
      return Number.isSafeInteger(value) ? null : 'nu este o sumă în bani (număr întreg)';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'nu este da/nu';
    case 'enum':
      return typeof value === 'string' && spec.values && Object.hasOwn(spec.values, value) ? null : `are o valoare necunoscută („${String(value)}”)`;
    case 'object':
      return typeof value === 'object' && !Array.isArray(value) ? null : 'nu este o structură de date';
    case 'array':
      return Array.isArray(value) ? null : 'nu este o listă';
    case 'json':
      return null;
  }
}

/** What is wrong with a record of a table, in Romanian, or null. */
export function rowProblem(table: TableDescriptor, row: Record<string, unknown>): string | null {
  for (const [field, spec] of Object.entries(table.fields)) {
    const problem = fieldProblem(spec, row[field]);
    if (problem) return `câmpul „${field}” ${problem}`;
  }
  if (!table.isOpen) {
    const unknown = Object.keys(row).find((k) => !Object.hasOwn(table.fields, k));
    if (unknown) return `câmpul „${unknown}” nu face parte din schema tabelului`;
  }
  return null;
}

