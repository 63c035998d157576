// Copies of parts of a table as JSON text, for the reads that take a whole part by an index value
// (issue 10): a round's score sheets (scoreSheets by roundId: 2,100 records for 300 requests × 7
// members) and a year's requests (requests by year, each with its units and dossier). IndexedDB's
// cost of reading records is per record: 2,100 score sheets take about 35 ms to read on the 2-core
// machine, their copy as one string of JSON about 10 (measured); 2,000 requests about 100 ms, their
// copy about 25. The copies live beside the whole-table ones in `tableSnapshots` (schema v13):
//   - one row per table, key = `p:<table>`: { token } (the table's epoch, new after a range delete);
//   - one meta row per part, key = `p:<table>:<value>`: { token, valid, schema, count, epoch };
//   - one row of JSON per part, key = `p:<table>:<value>#`: { json } (its records, by id).
//
// Exactness. Every write to a partitioned table goes through the DBCore middleware below, in the
// write's own transaction (the middleware adds the store to the transaction's scope): each part a
// written record was in or goes to gets a new token and is marked invalid; a range delete (clear(),
// a restore) gives the table a new epoch, which no part's copy made before it carries. A transaction
// that aborts takes its marks with it, and its writes. A read takes a copy only when it is valid,
// made for this schema version and this epoch, and holds as many records as the index counts for
// its value (a count of keys, not a read of records); otherwise it reads the records and, a little
// later, writes the copy from what it read, unless the part's token or the epoch changed in between.
// Parts are not patched: a write marks its parts invalid, and the next read writes them again.
//
// JSON and IndexedDB's structured clone agree on these records (strings, numbers, booleans, arrays,
// plain objects) except that a property holding undefined is left out of the JSON, which reads the
// same everywhere the app reads it.
import { Dexie, type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type IndexableType, type Middleware } from 'dexie';
import { SNAPSHOT_STORE } from './early-read';
import { byId, hasSnapshotStore, newToken, rebuildLater, withCopiesStore, type Identified } from './table-snapshots';

/** The tables copied by part, with the index (a plain property of the record) that parts them. */
export const PARTITIONED_TABLES: ReadonlyMap<string, string> = new Map([
  ['scoreSheets', 'roundId'],
  ['requests', 'year'],
]);

export interface PartEpoch {
  key: string;
  token: string;
}
export interface PartMeta {
  key: string;
  token: string;
  valid: boolean;
  schema: number;
  count: number;
  /** The table's epoch when the copy was made (undefined: before any range delete). */
  epoch: string | undefined;
}
export interface PartJson {
  key: string;
  json: string;
}

export const epochKey = (table: string) => `p:${table}`;
export const partKey = (table: string, value: IndexableType) => `p:${table}:${String(value)}`;
const jsonKey = (table: string, value: IndexableType) => `${partKey(table, value)}#`;

const partOf = (record: unknown, index: string): IndexableType | undefined => {
  const value = (record as Record<string, unknown> | undefined)?.[index];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
};

/**
 * The middleware that keeps the copies exact (installed by createDatabase; inert on a database
 * without the store, as in the migration tests' older versions). Beside tableSnapshotsMiddleware:
 * below Dexie's hooks and the shared-mode write path, above Dexie's observability, so that a live
 * read that took a copy is told of its change.
 */
export function partitionSnapshotsMiddleware(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'partitionSnapshots',
    level: 1.5,
    create(down) {
      if (!down.schema.tables.some((t) => t.name === SNAPSHOT_STORE)) return down;
      return {
        ...down,
        transaction: withCopiesStore(down, PARTITIONED_TABLES),
        table(name): DBCoreTable {
          const table = down.table(name);
          const index = PARTITIONED_TABLES.get(name);
          if (!index) return table;
          const snapshots = down.table(SNAPSHOT_STORE);
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              if (!hasSnapshotStore(req.trans)) return table.mutate(req);
              const { trans } = req;
              const schema = db.verno;
              if (req.type === 'deleteRange') {
                const res = await table.mutate(req);
                await snapshots.mutate({ trans, type: 'put', values: [{ key: epochKey(name), token: newToken() } satisfies PartEpoch] });
                return res;
              }
              // The parts the written records were in (read before the write) and go to.
              const keys: IndexableType[] = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: Identified) => v.id));
              const parts = new Set<IndexableType>();
              // An add writes no record that was there (a key taken fails the add): nothing to read.
              if (req.type !== 'add' && keys.length > 0) {
                for (const old of await table.getMany({ trans, keys })) {
                  const p = partOf(old, index);
                  if (p !== undefined) parts.add(p);
                }
              }
              if (req.type !== 'delete') for (const value of req.values) { const p = partOf(value, index); if (p !== undefined) parts.add(p); }
              const res = await table.mutate(req);
              if (parts.size > 0) {
                const epoch = (await snapshots.get({ trans, key: epochKey(name) })) as PartEpoch | undefined;
                const metas = [...parts].map((p): PartMeta => ({ key: partKey(name, p), token: newToken(), valid: false, schema, count: 0, epoch: epoch?.token }));
                await snapshots.mutate({ trans, type: 'put', values: metas });
                await snapshots.mutate({ trans, type: 'delete', keys: [...parts].map((p) => jsonKey(name, p)) });
              }
              return res;
            },
          };
        },
      };
    },
  };
}

/** A part's read: its records (in id order, as an index read of one value gives them), and whether they came from the copy. */
export interface PartRead<R> {
  records: R[];
  fromSnapshot: boolean;
  /** When the copy was not usable: writes it from `records` (false: refused, a write came since the read). */
  rebuild?: () => Promise<boolean>;
}

/**
 * Reads the records of `table` whose `index` is `value`: from the part's copy when it is valid, else
 * from the table. Runs in a transaction of its own over the table and the copies' store, or inside
 * the caller's when it holds both (a caller's transaction without the store reads the table).
 */
export async function readPart<R extends Identified>(db: Dexie, table: string, value: IndexableType): Promise<PartRead<R>> {
  const index = PARTITIONED_TABLES.get(table);
  if (!index) throw new Error(`${table} is not copied by part`);
  const records = () => db.table<R, string>(table).where(index).equals(value).toArray();
  const current = Dexie.currentTransaction;
  const inScope = (t: typeof current) => !!t && t.storeNames.includes(SNAPSHOT_STORE) && t.storeNames.includes(table);
  if (!db.tables.some((t) => t.name === SNAPSHOT_STORE) || (current && !inScope(current))) return { records: await records(), fromSnapshot: false };
  const read = async (): Promise<PartRead<R>> => {
    const store = db.table(SNAPSHOT_STORE);
    const [epoch, meta] = (await Promise.all([store.get(epochKey(table)), store.get(partKey(table, value))])) as [PartEpoch | undefined, PartMeta | undefined];
    if (meta?.valid && meta.schema === db.verno && meta.epoch === epoch?.token) {
      const [row, count] = await Promise.all([store.get(jsonKey(table, value)) as Promise<PartJson | undefined>, db.table(table).where(index).equals(value).count()]);
      if (row && count === meta.count) {
        try {
          const parsed = JSON.parse(row.json) as R[];
          if (Array.isArray(parsed) && parsed.length === count) return { records: parsed.sort(byId), fromSnapshot: true };
        } catch {
          // a damaged copy: read the table, write the copy again below
        }
      }
    }
    const list = await records();
    return { records: list, fromSnapshot: false, rebuild: () => rebuildPart(db, table, value, list, meta?.token, epoch?.token) };
  };
  return current ? read() : db.transaction('r', [table, SNAPSHOT_STORE], read);
}

/**
 * Writes the copy of a part from `records`, read when its meta row had `tokenRead` and the table
 * the epoch `epochRead`: refused (false) when either changed since (a write came after the read).
 */
export async function rebuildPart<R extends Identified>(db: Dexie, table: string, value: IndexableType, records: readonly R[], tokenRead: string | undefined, epochRead: string | undefined): Promise<boolean> {
  const json = JSON.stringify(records);
  const schema = db.verno;
  return db.transaction('rw', [SNAPSHOT_STORE], async () => {
    const store = db.table(SNAPSHOT_STORE);
    const [epoch, meta] = (await Promise.all([store.get(epochKey(table)), store.get(partKey(table, value))])) as [PartEpoch | undefined, PartMeta | undefined];
    if (meta?.token !== tokenRead || epoch?.token !== epochRead) return false;
    await store.bulkPut([
      { key: jsonKey(table, value), json } satisfies PartJson,
      { key: partKey(table, value), token: tokenRead ?? newToken(), valid: true, schema, count: records.length, epoch: epochRead } satisfies PartMeta,
    ]);
    return true;
  });
}

/**
 * The read of a part that repositories take: from its copy, or from the table with the copy written
 * REBUILD_DELAY_MS later (rebuildLater: once per part at a time).
 */
export async function readPartCopied<R extends Identified>(db: Dexie, table: string, value: IndexableType): Promise<R[]> {
  const read = await readPart<R>(db, table, value);
  if (read.rebuild) rebuildLater(db, partKey(table, value), read.rebuild);
  return read.records;
}
