import type { Table } from 'dexie';
import { describeRecords, referencesTo, TABLE_BY_NAME, valuesAt } from '../../src/backup/schema';
import { DomainError } from '../../src/errors';
import type { SubventiiDb } from './database';

/**
 * Referential integrity, the repository layer's rule for every table: a record another record
 * points at is never hard-deleted. The references are data (src/backup/schema.ts), so a new table
 * with a reference is protected without code here.
 */

/** The tables whose records may point at a record of `table` (a delete's transaction must hold them). */
export function dependantTables(db: SubventiiDb, table: string): Table[] {
  return [...new Set(referencesTo(table).map((r) => r.from.name))].map((name) => db.table(name));
}

/** The records of each table that point at `id` of `table`. Runs inside the caller's transaction. */
export async function findDependants(db: SubventiiDb, table: string, id: string): Promise<{ table: string; rows: Record<string, unknown>[] }[]> {
  const found: { table: string; rows: Record<string, unknown>[] }[] = [];
  for (const { from, reference } of referencesTo(table)) {
    const source = db.table(from.name);
    const isIndexed = !reference.path.includes('.') && !reference.path.includes('[') && source.schema.indexes.some((i) => i.name === reference.path);
    const rows = (isIndexed
      ? await source.where(reference.path).equals(id).toArray()
      : await source.filter((row) => valuesAt(row, reference.path).includes(id)).toArray()) as Record<string, unknown>[];
    // A record may point at itself (a member substituting for nobody else): that is no dependant.
    const others = rows.filter((r) => !(from.name === table && r[from.key] === id));
    if (others.length === 0) continue;
    const entry = found.find((f) => f.table === from.name);
    if (entry) entry.rows.push(...others.filter((r) => !entry.rows.some((e) => e[from.key] === r[from.key])));
    else found.push({ table: from.name, rows: others });
  }
  return found;
}

/** Throws a Romanian DomainError naming the dependants when any record points at `id`. */
export async function assertNotReferenced(db: SubventiiDb, table: string, id: string, label?: string): Promise<void> {
  const dependants = await findDependants(db, table, id);
  if (dependants.length === 0) return;
  const descriptor = TABLE_BY_NAME.get(table);
  if (!descriptor) throw new DomainError(`Înregistrarea nu poate fi ștearsă: o folosesc alte înregistrări.`);
  const row = (await db.table(table).get(id)) as Record<string, unknown> | undefined;
  const name = label ? `„${label}”` : row ? descriptor.describe(row) : id;
  const list = dependants.map((d) => describeRecords(TABLE_BY_NAME.get(d.table)!, d.rows)).join('; ');
  const deleted = descriptor.gender === 'f' ? 'ștearsă' : 'șters';
  const pronoun = descriptor.gender === 'f' ? 'o' : 'îl';
  throw new DomainError(`${descriptor.subject} ${name} nu poate fi ${deleted}: ${pronoun} folosesc ${list}.${descriptor.archiveHint ? ` ${descriptor.archiveHint}` : ''}`);
}

/**
 * The one hard delete of the repositories: refused when another record points at the record.
 * Must run inside a read-write transaction over `table` and `dependantTables(table)`.
 */
export async function deleteRecord(db: SubventiiDb, table: string, id: string, label?: string): Promise<void> {
  if (TABLE_BY_NAME.get(table)?.isAppendOnly) throw new DomainError('Jurnalul modificărilor nu poate fi modificat sau șters: intrările lui doar se adaugă.');
  await assertNotReferenced(db, table, id, label);
  await db.table(table).delete(id);
}
