/** One field's change, as the audit log keeps it. */
export interface FieldChange {
  field: string;
  /** Absent in a creation's entries. */
  before?: unknown;
  /** Absent in a deletion's entries. */
  after?: unknown;
}

export type AuditAction = 'creare' | 'modificare' | 'stergere' | 'import' | 'restaurare';
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  creare: 'Creare',
  modificare: 'Modificare',
  stergere: 'Ștergere',
  import: 'Import',
  restaurare: 'Restaurare din copie de siguranță',
};

/** One append-only entry of the audit log. */
export interface AuditEntry {
  id: string;
  /** ISO timestamp. */
  at: string;
  /** Orders entries written within the same millisecond (grows monotonically on one workstation). */
  seq: number;
  user: string;
  /** Table name, e.g. "organizations". */
  entity: string;
  entityId: string;
  /** What the user would call the record ("Asociația X"). */
  label: string;
  action: AuditAction;
  changes: FieldChange[];
}

const BOOKKEEPING = new Set(['updatedAt', 'version', 'createdAt']);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const emptyA = a === undefined || a === null || a === '';
  const emptyB = b === undefined || b === null || b === '';
  if (emptyA || emptyB) return emptyA && emptyB;
  // Two primitives that are not === differ; only objects and arrays are compared by content.
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-level differences between two versions of a record (`before` undefined for a creation,
 * `after` undefined for a deletion). Bookkeeping fields are left out.
 */
export function diffRecords(before: object | undefined, after: object | undefined): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = new Set([...Object.keys(b), ...Object.keys(a)]);
  const changes: FieldChange[] = [];
  for (const field of [...fields].sort()) {
    if (BOOKKEEPING.has(field)) continue;
    // A creation keeps only the new values, a deletion only the old ones: fewer properties to store per field.
    if (!same(b[field], a[field])) changes.push(before === undefined ? { field, after: a[field] } : after === undefined ? { field, before: b[field] } : { field, before: b[field], after: a[field] });
  }
  return changes;
}
