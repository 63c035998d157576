import type { Table } from 'dexie';
import { diffRecords, type AuditAction, type AuditEntry, type FieldChange } from '../../src/audit/diff';
import { rowProblem, TABLE_BY_NAME } from '../../src/backup/schema';
import { SHIPPED_SCORING_GRIDS } from '../../src/commission/scoring-grid';
import { newId } from '../../src/entity';
import { formatRegistrationNumber } from '../../src/requests/registration-number';
import { formatRoDate } from '../../src/validation/dates';
import { DomainError } from '../../src/errors';
import type { SubventiiDb } from './database';

export const UNKNOWN_USER = 'utilizator nespecificat';

/** The user name from Settings, written in every audit entry. */
export async function currentUserName(db: SubventiiDb): Promise<string> {
  const row = await db.settings.get('institution');
  const name = (row?.value as { userName?: string } | undefined)?.userName?.trim();
  return name || UNKNOWN_USER;
}

let lastSeq = 0;
/** Microsecond-scale, strictly increasing within this workstation's session. */
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

/** Oldest first; entries from the same millisecond in the order they were written. */
export function byTime(a: AuditEntry, b: AuditEntry): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : (a.seq ?? 0) - (b.seq ?? 0);
}

export interface AuditInput {
  entity: string;
  entityId: string;
  label: string;
  action: AuditAction;
  before?: object;
  after?: object;
  changes?: FieldChange[];
}

/**
 * Appends entries to the audit log. Must be called inside the same read-write transaction as the
 * change it records (the transaction must include `audit` and `settings`). The log is append-only:
 * nothing in the app updates or deletes an entry.
 */
export async function appendAudit(db: SubventiiDb, inputs: AuditInput[], at: string = new Date().toISOString(), userName?: string): Promise<void> {
  if (inputs.length === 0) return;
  // A caller writing in chunks reads the user once (currentUserName) and passes it.
  const user = userName ?? (await currentUserName(db));
  const entries: AuditEntry[] = inputs.map((input) => ({
    id: newId(),
    at,
    seq: nextSeq(),
    user,
    entity: input.entity,
    entityId: input.entityId,
    label: input.label,
    action: input.action,
    changes: input.changes ?? diffRecords(input.before, input.after),
  }));
  await (db.audit as Table<AuditEntry, string>).bulkAdd(entries);
}

export function auditFor(db: SubventiiDb, entity: string, entityId: string): Promise<AuditEntry[]> {
  return db.audit.where('[entity+entityId]').equals([entity, entityId]).toArray().then((rows) => rows.sort(byTime));
}

export async function recentAudit(db: SubventiiDb, limit = 500): Promise<AuditEntry[]> {
  const rows = await db.audit.orderBy('at').reverse().limit(limit).toArray();
  return rows.sort(byTime).reverse();
}

/**
 * Merges audit entries from a restored backup: each is checked (user, time, entity, action) and
 * only entries whose id is not in the log yet are added; existing entries are never replaced.
 * Must be called inside a read-write transaction over `audit`.
 */
export async function mergeAuditEntries(db: SubventiiDb, rows: readonly Record<string, unknown>[]): Promise<number> {
  const descriptor = TABLE_BY_NAME.get('audit')!;
  for (const [i, row] of rows.entries()) {
    const problem = rowProblem(descriptor, row);
    if (problem) throw new DomainError(`Jurnalul din copia de siguranță are o intrare greșită (${i + 1}): ${problem}. Nu s-a modificat nimic.`);
    if (String(row['user']).trim() === '') throw new DomainError(`Jurnalul din copia de siguranță are o intrare fără utilizator (${i + 1}). Nu s-a modificat nimic.`);
  }
  const existing = new Set((await db.audit.toCollection().primaryKeys()) as string[]);
  const added = rows.filter((r) => !existing.has(String(r['id']))) as unknown as AuditEntry[];
  await (db.audit as Table<AuditEntry, string>).bulkAdd(added);
  return added.length;
}

/** What the history shows instead of ids: the names of NGOs, units, rounds, members, grids, requests. */
export async function recordNames(db: SubventiiDb): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const named = [db.organizations, db.units, db.rounds, db.commissions, db.commissionMembers, db.scoringGrids] as unknown as Table<{ id: string; name: string }, string>[];
  for (const table of named) for (const row of await table.toArray()) names.set(row.id, row.name);
  for (const grid of SHIPPED_SCORING_GRIDS) names.set(grid.id, grid.name);
  for (const r of await db.requests.toArray()) names.set(r.id, `cererea nr. ${formatRegistrationNumber(r.registration)}`);
  for (const s of await db.commissionSessions.toArray()) names.set(s.id, `ședința din ${formatRoDate(s.date)}`);
  return names;
}

/** Reading the log: the only access screens have to it (they never get the database handle). */
export function createAuditRepository(db: SubventiiDb) {
  return {
    forRecord: (entity: string, entityId: string) => auditFor(db, entity, entityId),
    recent: (limit?: number) => recentAudit(db, limit),
    names: () => recordNames(db),
  };
}
