import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { organizationSearchText } from '../../../src/catalog/organization';
import { unitSearchText } from '../../../src/register/unit';
import { DomainError } from '../../../src/errors';
import { REPLICATED_TABLES } from '../../../src/shared/wire';
import type { SubventiiDb } from '../database';
import { ServerUnavailableError, type SharedCommand, type SharedRow, type SharedTransport } from './protocol';

/**
 * Personal drafts that may be saved while the server is unreachable (a monitoring visit with its
 * checklist answers, a member's score sheet): queued in the outbox, sent when it is back. Every
 * other write is refused offline (the replica is read-only).
 */
export const OFFLINE_DRAFT_TABLES: ReadonlySet<string> = new Set(['visits', 'scoreSheets']);

/**
 * The write path of shared mode, without changing any repository: each repository
 * `db.transaction('rw', …)` runs against the local replica as today (so its reads, checks and
 * validation see its own writes), a DBCore middleware records every put/add/delete of a
 * replicated table, then the local transaction is rolled back (a sentinel is thrown once the
 * scope has finished) and the collected writes go to the server as ONE batch command. What the
 * server stored comes back and is written into the replica. The audit entries the repository
 * wrote locally are dropped: the server writes its audit log by trigger, as the login.
 */

/** The tables the server keeps: every replicated table but the append-only audit log. */
export const SERVER_TABLES: ReadonlySet<string> = new Set(REPLICATED_TABLES);

type Collector = Map<string, SharedCommand>; // `${table}\u0000${key}` → the last write of that row, with the version first read

const collecting = new WeakMap<DBCoreTransaction, Collector>();
/** Thrown at the end of a collected scope so that IndexedDB undoes the local writes. */
class Rollback extends Error {}
const ORIGINAL = Symbol('original-transaction');

export interface WritePathOptions {
  /** True in shared mode (a server is set and signed in); false: local mode, nothing changes. */
  active(): boolean;
  transport(): SharedTransport;
}

function rowKey(table: string, key: unknown): string {
  return `${table}\u0000${String(key)}`;
}

function collectingMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'sharedWritePath',
    create(down) {
      return {
        ...down,
        table(name): DBCoreTable {
          const table = down.table(name);
          if (!SERVER_TABLES.has(name)) return table;
          const primaryKey = table.schema.primaryKey;
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest) {
              const collector = collecting.get(req.trans);
              if (!collector) return table.mutate(req);
              if (req.type === 'deleteRange') throw new DomainError('În modul partajat, ștergerea unui interval de înregistrări nu este posibilă.');
              const keys: unknown[] = req.type === 'delete' ? [...req.keys] : req.keys ? [...req.keys] : req.values.map((v) => primaryKey.extractKey!(v));
              const existing = await table.getMany({ trans: req.trans, keys });
              keys.forEach((key, i) => {
                const id = rowKey(name, key);
                const before = existing[i] as { version?: number } | undefined;
                // The version the row had when this transaction first touched it: what the server checks.
                const expectedVersion = collector.get(id)?.expectedVersion ?? (before ? (typeof before.version === 'number' ? before.version : 1) : 0);
                const record = req.type === 'delete' ? { [primaryKey.keyPath as string]: key } : (req.values[i] as Record<string, unknown>);
                collector.delete(id); // re-inserted: the batch keeps the order of last writes
                collector.set(id, { table: name, operation: req.type === 'delete' ? 'delete' : 'put', record, expectedVersion });
              });
              return table.mutate(req);
            },
          };
        },
      };
    },
  };
}

/** The record as this replica keeps it: the server's, plus the search text each replica computes itself. */
export function replicaRecord(table: string, record: Record<string, unknown>, organizationNames?: ReadonlyMap<string, string>): Record<string, unknown> {
  if (table === 'organizations') return { ...record, searchText: organizationSearchText(record as never) };
  if (table === 'units') return { ...record, searchText: unitSearchText(record as never, organizationNames?.get(String(record['organizationId'])) ?? '') };
  return record;
}

/** What a transaction writing these tables' server rows must hold: units read their organization's name. */
export function rowsScope(tables: readonly string[]): string[] {
  return tables.includes('units') && !tables.includes('organizations') ? [...tables, 'organizations'] : [...tables];
}

/**
 * Writes server rows into the replica, inside the caller's transaction (scope from rowsScope): one
 * bulkPut and one bulkDelete per table (deleted rows removed), the search text computed here in
 * bulk (the server does not keep it); units get their organization's name from the same rows or the replica.
 */
export async function putServerRows(db: SubventiiDb, rows: readonly SharedRow[]): Promise<void> {
  const byTable = new Map<string, SharedRow[]>();
  for (const r of rows) {
    const list = byTable.get(r.table);
    if (list) list.push(r);
    else byTable.set(r.table, [r]);
  }
  const names = new Map<string, string>();
  const units = byTable.get('units');
  if (units) {
    for (const o of byTable.get('organizations') ?? []) if (!o.deleted) names.set(o.id, String(o.record['name']));
    const missing = [...new Set(units.map((u) => String(u.record['organizationId'])))].filter((id) => !names.has(id));
    for (const o of await db.organizations.bulkGet(missing)) if (o) names.set(o.id, o.name);
  }
  for (const [table, mine] of byTable) {
    const puts: Record<string, unknown>[] = [];
    const deletes: string[] = [];
    for (const r of mine) {
      if (r.deleted) deletes.push(r.id);
      else puts.push(replicaRecord(table, r.record, names));
    }
    if (puts.length > 0) await db.table(table).bulkPut(puts);
    if (deletes.length > 0) await db.table(table).bulkDelete(deletes);
  }
}

/** Writes the server's rows into the replica in one transaction (deleted rows removed). */
export async function applyServerRows(db: SubventiiDb, rows: readonly SharedRow[]): Promise<void> {
  const mine = rows.filter((r) => SERVER_TABLES.has(r.table));
  if (mine.length === 0) return;
  await localTransaction(db)('rw', rowsScope([...new Set(mine.map((r) => r.table))]), () => putServerRows(db, mine));
}

type TransactionFn = (...args: unknown[]) => Promise<unknown>;

/** The database's own transaction, past the write path: for the server's rows, never collected again. */
export function localTransaction(db: SubventiiDb): TransactionFn {
  return (db as unknown as Record<symbol, TransactionFn>)[ORIGINAL] ?? (db.transaction.bind(db) as unknown as TransactionFn);
}

/**
 * Installs the write path on a database (once, before it opens). In local mode (`active()`
 * false) every transaction runs exactly as before.
 */
export function installWritePath(db: SubventiiDb, options: WritePathOptions): void {
  db.use(collectingMiddleware());
  const original = db.transaction.bind(db) as unknown as TransactionFn;
  const wrapped: TransactionFn = async (...args) => {
    const scope = args.at(-1);
    const mode = String(args[0]);
    // Nested transactions belong to the outer one; reads and local mode go straight through.
    if (!options.active() || Dexie.currentTransaction || typeof scope !== 'function' || !mode.startsWith('rw')) return original(...args);
    let result: unknown;
    let ops: SharedCommand[] = [];
    try {
      return await original(...args.slice(0, -1), async () => {
        const collector: Collector = new Map();
        collecting.set(Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction, collector);
        result = await (scope as () => unknown)();
        ops = [...collector.values()];
        if (ops.length > 0) throw new Rollback(); // the local writes are undone: the server decides
        return result;
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    let rows: SharedRow[];
    try {
      rows = await options.transport().send(ops);
    } catch (error) {
      if (error instanceof ServerUnavailableError && ops.every((op) => OFFLINE_DRAFT_TABLES.has(op.table))) {
        await queueDrafts(db, ops);
        return result;
      }
      throw error;
    }
    await applyServerRows(db, rows);
    return result;
  };
  (db as unknown as Record<symbol, TransactionFn>)[ORIGINAL] = original;
  (db as unknown as { transaction: TransactionFn }).transaction = wrapped;
}

/** Offline: the drafts go into the outbox and into the replica (so the screen shows them), in one transaction. */
async function queueDrafts(db: SubventiiDb, ops: readonly SharedCommand[]): Promise<void> {
  const tables = [...new Set(ops.map((op) => op.table))];
  await localTransaction(db)('rw', [...tables, 'outbox'], async () => {
    for (const op of ops) {
      const key = db.table(op.table).schema.primKey.keyPath as string;
      const recordId = String(op.record[key]);
      // A draft already queued keeps the version it was first read at: the server checks that one.
      const queued = await db.outbox.where('recordId').equals(recordId).filter((e) => e.table === op.table && !e.refusal).first();
      if (queued) await db.outbox.update(queued.seq!, { record: op.record, operation: op.operation, queuedAt: new Date().toISOString() });
      else await db.outbox.add({ table: op.table, recordId, operation: op.operation, record: op.record, expectedVersion: op.expectedVersion ?? 0, queuedAt: new Date().toISOString() });
      if (op.operation === 'delete') await db.table(op.table).delete(recordId);
      else await db.table(op.table).put(op.record);
    }
  });
}

/**
 * Sends the queued drafts, oldest first, once the server is back. Each accepted one is replaced by
 * the server's row; a refused one (someone changed the record meanwhile) stays in the outbox with
 * the server's reason, for the user to see. Answers how many were sent and refused.
 */
export async function flushOutbox(db: SubventiiDb, transport: SharedTransport): Promise<{ sent: number; refused: number }> {
  let sent = 0;
  let refused = 0;
  const entries = (await db.outbox.orderBy('seq').toArray()).filter((e) => !e.refusal);
  for (const entry of entries) {
    try {
      const rows = await transport.send([{ table: entry.table, operation: entry.operation, record: entry.record, expectedVersion: entry.expectedVersion }]);
      await localTransaction(db)('rw', [entry.table, 'outbox'], async () => {
        await db.outbox.delete(entry.seq!);
      });
      await applyServerRows(db, rows);
      sent++;
    } catch (error) {
      if (error instanceof ServerUnavailableError) break; // gone again: the rest waits
      await db.outbox.update(entry.seq!, { refusal: (error as Error).message });
      refused++;
    }
  }
  return { sent, refused };
}
