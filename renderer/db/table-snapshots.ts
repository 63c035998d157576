// A copy of a whole table as JSON text, for the reads that take the whole table at start (issue 10:
// cold start). IndexedDB's cost of reading 20,000 NGOs with getAll is per record (about 0.7 s on the
// 2-core machine, half of the cold start); the same records as 64 strings of JSON read and parse in
// about a third of that. The copy lives in the store `tableSnapshots` (schema v13):
//   - one meta row per table, key = the table's name: { token, valid, schema, count };
//   - 64 chunk rows, key = `${table}#00` … `${table}#63`: { json } (a JSON array of the records whose
//     id hashes to that chunk, in no particular order).
//
// Exactness. Every write to a snapshot table goes through the DBCore middleware below, in the
// write's own transaction (the middleware adds the store to the transaction's scope): the meta row
// gets a new token; a write of up to PATCH_LIMIT records per transaction patches the chunks they
// hash to; anything else (a bulk write, clear(), a range delete, a failure) marks the copy invalid.
// A transaction that aborts (shared mode's rollback included) takes its patch with it. A read takes
// the copy only when it is valid, made for this schema version and holds as many records as the
// table counts; otherwise it reads the table and, a little later, rebuilds the copy from what it read,
// unless the token changed in between (a write came after the read: the next read rebuilds).
//
// JSON and IndexedDB's structured clone agree on these records (strings, numbers, booleans, arrays,
// plain objects) except that a property holding undefined is left out of the JSON, which reads the
// same everywhere the app reads it (`?? ''`, truthiness).
import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware, type Table } from 'dexie';

import { CHUNKS, chunkKey, SNAPSHOT_STORE, takeEarlyCopy } from './early-read';

export { CHUNKS, chunkKey, SNAPSHOT_STORE };
/** The tables read whole at start, with string ids. */
export const SNAPSHOT_TABLES: ReadonlySet<string> = new Set(['organizations', 'units']);
/** Records written in one transaction up to which the copy is patched; past it, invalidated. */
export const PATCH_LIMIT = 50;
/** How long after a read that found no valid copy the copy is rebuilt (the start's work done first). */
export const REBUILD_DELAY_MS = 1500;

export interface SnapshotMeta {
  key: string;
  token: string;
  valid: boolean;
  /** The schema version the copy was made for: a later migration's changes are never read from it. */
  schema: number;
  count: number;
}
export interface SnapshotChunk {
  key: string;
  json: string;
}
type SnapshotRow = SnapshotMeta | SnapshotChunk;
export type Identified = { id: string };

/** The chunk an id belongs to (FNV-1a). */
export function chunkOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % CHUNKS;
}

let tokens = 0;
export function newToken(): string {
  return `${Date.now().toString(36)}-${(tokens++).toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** What one transaction did to the copies so far: the patches run one after the other. */
interface TransactionState {
  chain: Promise<void>;
  written: Map<string, number>;
  invalidated: Set<string>;
}
const states = new WeakMap<DBCoreTransaction, TransactionState>();

export function hasSnapshotStore(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !!names && names.contains(SNAPSHOT_STORE);
}

/** The keys a write touched (its results: the keys stored, or the keys deleted). */
function writtenKeys(req: DBCoreMutateRequest, res: DBCoreMutateResponse): string[] {
  if (req.type === 'delete') return req.keys.map(String);
  if (req.type === 'deleteRange') return [];
  const keys = res.results ?? req.keys ?? req.values.map((v: Identified) => v.id);
  return keys.map(String);
}

async function follow(snapshots: DBCoreTable, version: number, table: string, req: DBCoreMutateRequest, res: DBCoreMutateResponse, state: TransactionState): Promise<void> {
  const trans = req.trans;
  if (state.invalidated.has(table)) return; // its token is already new in this transaction
  const keys = writtenKeys(req, res);
  const written = (state.written.get(table) ?? 0) + keys.length;
  state.written.set(table, written);
  const token = newToken();
  const invalidate = async () => {
    state.invalidated.add(table);
    const meta: SnapshotMeta = { key: table, token, valid: false, schema: version, count: 0 };
    await snapshots.mutate({ trans, type: 'put', values: [meta] });
  };
  const meta = (await snapshots.get({ trans, key: table })) as SnapshotMeta | undefined;
  const mode = (trans as unknown as IDBTransaction).mode;
  if (!meta || !meta.valid || meta.schema !== version || mode === 'versionchange' || req.type === 'deleteRange' || res.numFailures > 0 || written > PATCH_LIMIT) {
    await invalidate();
    return;
  }
  const byChunk = new Map<number, number[]>();
  keys.forEach((key, i) => {
    const chunk = chunkOf(key);
    const list = byChunk.get(chunk);
    if (list) list.push(i);
    else byChunk.set(chunk, [i]);
  });
  const chunks = [...byChunk.keys()];
  const rows = (await snapshots.getMany({ trans, keys: chunks.map((c) => chunkKey(table, c)) })) as (SnapshotChunk | undefined)[];
  let count = meta.count;
  const puts: SnapshotRow[] = [];
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const row = rows[c];
    let records: (Identified | undefined)[];
    try {
      records = row ? (JSON.parse(row.json) as Identified[]) : [];
      if (!Array.isArray(records)) throw new TypeError('not an array');
    } catch {
      await invalidate();
      return;
    }
    const at = new Map(records.map((r, i) => [r!.id, i]));
    for (const i of byChunk.get(chunk)!) {
      const id = keys[i]!;
      const index = at.get(id);
      if (req.type === 'delete') {
        if (index === undefined) continue;
        records[index] = undefined;
        at.delete(id);
        count--;
      } else if (index === undefined) {
        at.set(id, records.length);
        records.push(req.values[i] as Identified);
        count++;
      } else {
        records[index] = req.values[i] as Identified;
      }
    }
    puts.push({ key: chunkKey(table, chunk), json: JSON.stringify(records.filter((r) => r !== undefined)) });
  }
  puts.push({ key: table, token, valid: true, schema: version, count } satisfies SnapshotMeta);
  await snapshots.mutate({ trans, type: 'put', values: puts });
}

/**
 * The transaction of a middleware that keeps copies in the write's own transaction: a write
 * transaction over any of `copied` also holds the copies' store.
 */
export function withCopiesStore(down: DBCore, copied: { has(table: string): boolean }): DBCore['transaction'] {
  return (stores, mode, options) => {
    const scope = mode === 'readwrite' && stores.some((s) => copied.has(s)) && !stores.includes(SNAPSHOT_STORE) ? [...stores, SNAPSHOT_STORE] : stores;
    return down.transaction(scope, mode, options);
  };
}

/**
 * The middleware that keeps the copies exact (installed by createDatabase; inert on a database
 * without the store, as in the migration tests' older versions). It sits below Dexie's hooks and
 * the shared-mode write path (its writes are never collected for the server) and above Dexie's
 * observability: a live query that read a copy (a list() inside liveQuery) is told of the copy's
 * change and reads again, as it would have been told of the table's.
 */
export function tableSnapshotsMiddleware(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'tableSnapshots',
    level: 1.5,
    create(down) {
      if (!down.schema.tables.some((t) => t.name === SNAPSHOT_STORE)) return down;
      return {
        ...down,
        transaction: withCopiesStore(down, SNAPSHOT_TABLES),
        table(name): DBCoreTable {
          const table = down.table(name);
          if (!SNAPSHOT_TABLES.has(name)) return table;
          const snapshots = down.table(SNAPSHOT_STORE);
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const res = await table.mutate(req);
              if (!hasSnapshotStore(req.trans)) return res;
              let state = states.get(req.trans);
              if (!state) states.set(req.trans, (state = { chain: Promise.resolve(), written: new Map(), invalidated: new Set() }));
              const run = state.chain.then(() => follow(snapshots, db.verno, name, req, res, state));
              state.chain = run.catch(() => undefined);
              await run;
              return res;
            },
          };
        },
      };
    },
  };
}

/** In primary-key order (string ids). */
export function byId(a: Identified, b: Identified): number {
  // JavaScript compares strings by UTF-16 code units, as IndexedDB orders string keys.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The table read whole (the repository's own Dexie table). */
export type WholeTable<R> = Pick<Table<R, string>, 'name' | 'toArray'>;

export interface WholeTableRead<R> {
  /** Every record, in primary-key order (as toArray gives them). */
  records: R[];
  /** True when read from the copy. */
  fromSnapshot: boolean;
  /** When the copy was not usable: rebuilds it from `records` (false: refused, a write came since the read). */
  rebuild?: (pause?: () => Promise<void>) => Promise<boolean>;
}

function snapshotsOf(db: Dexie): boolean {
  return db.tables.some((t) => t.name === SNAPSHOT_STORE);
}

/** Reads a whole snapshot table: from its copy when the copy is valid, else from the table itself. */
export async function readWholeTable<R extends Identified>(db: Dexie, source: WholeTable<R>): Promise<WholeTableRead<R>> {
  const table = source.name;
  if (!snapshotsOf(db)) return { records: await source.toArray(), fromSnapshot: false };
  // The copy the start chunk read while this code loaded (early-read.ts): there synchronously, as
  // nothing that is not Dexie's may be awaited here (a live query would lose its context).
  const early = takeEarlyCopy(db.name, table);
  return db.transaction('r', [table, SNAPSHOT_STORE], async () => {
    const store = db.table<SnapshotRow, string>(SNAPSHOT_STORE);
    const meta = (await store.get(table)) as SnapshotMeta | undefined;
    if (meta?.valid && meta.schema === db.verno) {
      // Not checked against the table's count(): IndexedDB counts by walking the records (a
      // third of a second at 20,000, measured), and every write to the table goes through the middleware.
      // The early copy stands only if no write came since it was read: the token says so.
      const json =
        early && early.token === meta.token && early.schema === meta.schema
          ? early.json
          : ((await store.where(':id').between(chunkKey(table, 0), chunkKey(table, CHUNKS - 1), true, true).toArray()) as SnapshotChunk[]).map((row) => row.json);
      const count = meta.count;
      if (json.length === CHUNKS) {
        try {
          const records: R[] = [];
          for (const text of json) {
            const part = JSON.parse(text) as R[];
            for (let i = 0; i < part.length; i++) records.push(part[i]!);
          }
          if (records.length === count) return { records: records.sort(byId), fromSnapshot: true };
        } catch {
          // a damaged copy: read the table, rebuild below
        }
      }
    }
    const records = await source.toArray();
    return { records, fromSnapshot: false, rebuild: (pause?: () => Promise<void>) => rebuildSnapshot(db, table, records, meta?.token, pause) };
  });
}

/**
 * Writes the copy of `table` from `records`, read when its meta row had `tokenRead`: refused (false)
 * when a write changed the token since. `pause` runs between the chunks' JSON (a long job split).
 */
export async function rebuildSnapshot<R extends Identified>(db: Dexie, table: string, records: readonly R[], tokenRead: string | undefined, pause?: () => Promise<void>): Promise<boolean> {
  const groups: R[][] = Array.from({ length: CHUNKS }, () => []);
  for (const record of records) groups[chunkOf(record.id)]!.push(record);
  const rows: SnapshotRow[] = [];
  for (let c = 0; c < CHUNKS; c++) {
    rows.push({ key: chunkKey(table, c), json: JSON.stringify(groups[c]) });
    if (pause && c % 8 === 7) await pause();
  }
  const version = db.verno;
  return db.transaction('rw', [SNAPSHOT_STORE], async () => {
    const store = db.table<SnapshotRow, string>(SNAPSHOT_STORE);
    const meta = (await store.get(table)) as SnapshotMeta | undefined;
    if (meta?.token !== tokenRead) return false;
    rows.push({ key: table, token: tokenRead ?? newToken(), valid: true, schema: version, count: records.length } satisfies SnapshotMeta);
    await store.bulkPut(rows);
    return true;
  });
}

/** By database and copy, the rebuild that will run (the latest given), until it has run. */
const scheduled = new WeakMap<Dexie, Map<string, () => Promise<boolean>>>();

/**
 * Runs `rebuild` (a copy written from what a read found) REBUILD_DELAY_MS from now, outside any
 * transaction. While one waits for the copy `key` of `db`, a later one takes its place (it was read
 * later, so it is the likelier to be still exact) on the same timer; while one runs, others are
 * dropped. A rebuild that fails (the database closed) is left: the next read tries again.
 */
export function rebuildLater(db: Dexie, key: string, rebuild: () => Promise<boolean>): void {
  let pending = scheduled.get(db);
  if (!pending) scheduled.set(db, (pending = new Map()));
  const isWaiting = pending.has(key);
  pending.set(key, rebuild);
  if (isWaiting) return;
  setTimeout(() => {
    void Dexie.ignoreTransaction(pending.get(key)!)
      .catch(() => false)
      .finally(() => pending.delete(key));
  }, REBUILD_DELAY_MS);
}

/**
 * The whole-table read the catalog's and the register's mirrors take (renderer/db/table-mirror.ts):
 * from the copy, or from the table with the copy rebuilt REBUILD_DELAY_MS later, split in slices,
 * once per table at a time (rebuildLater); inside a caller's transaction, the table.
 */
export function wholeTableReader<R extends Identified>(db: Dexie, source: WholeTable<R>): () => Promise<R[]> {
  const table = source.name;
  return async () => {
    // Inside a caller's transaction, which does not hold the copies' store: the table itself.
    if (Dexie.currentTransaction) return source.toArray();
    const read = await readWholeTable<R>(db, source);
    const { rebuild } = read;
    if (rebuild) rebuildLater(db, table, () => rebuild(() => new Promise((resolve) => setTimeout(resolve, 0))));
    return read.records;
  };
}
