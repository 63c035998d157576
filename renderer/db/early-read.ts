// The first reads of a start, begun by the start chunk with the bare IndexedDB API while the
// database layer's code (Dexie, the repositories) is still loading (issue 10: cold start). Nothing
// here depends on Dexie, so it weighs a few hundred bytes in the start chunk. It reads:
//   - the installed schema version (what openDatabase checks before Dexie opens anything), and
//   - the copies of the tables the screen of the address reads whole (renderer/db/table-snapshots.ts):
//     each copy's meta row and its 64 chunks of JSON, as text.
// It never decides anything: readWholeTable takes a copy read here only when, in its own
// transaction, the meta row still has the token read here (every write changes it) and the copy
// is valid for the schema it opened; otherwise it reads as it always does.

export const DATABASE_NAME = 'subventii-ong';
/** The store of the copies (schema v13) and the number of chunks per table (renderer/db/table-snapshots.ts). */
export const SNAPSHOT_STORE = 'tableSnapshots';
export const CHUNKS = 64;

export function chunkKey(table: string, chunk: number): string {
  return `${table}#${String(chunk).padStart(2, '0')}`;
}

export interface EarlyCopy {
  token: string;
  valid: boolean;
  schema: number;
  count: number;
  /** The chunks' JSON, in key order. */
  json: string[];
}

export interface EarlyRead {
  /** The installed schema version (0: no database yet). */
  version: number;
  copies: ReadonlyMap<string, EarlyCopy>;
}

/**
 * Opens the database without a version (never creating or upgrading it: a database that does not
 * exist is left uncreated), reads its version and the copies of `tables`, and closes it.
 */
export function readEarly(name: string, tables: readonly string[]): Promise<EarlyRead> {
  return new Promise((resolve, reject) => {
    const copies = new Map<string, EarlyCopy>();
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch (error) {
      reject(error);
      return;
    }
    let created = false;
    request.onupgradeneeded = () => {
      created = true; // it did not exist: abort so that no empty version-1 database is left behind
      request.transaction?.abort();
    };
    request.onerror = () => {
      if (created) resolve({ version: 0, copies });
      else reject(request.error ?? new Error('IndexedDB open failed'));
    };
    request.onblocked = () => resolve({ version: 0, copies });
    request.onsuccess = () => {
      const db = request.result;
      const version = db.version / 10; // Dexie stores version × 10 natively
      const done = () => {
        db.close();
        resolve({ version, copies });
      };
      if (tables.length === 0 || !db.objectStoreNames.contains(SNAPSHOT_STORE)) return done();
      let tx: IDBTransaction;
      try {
        tx = db.transaction(SNAPSHOT_STORE, 'readonly');
      } catch {
        return done();
      }
      const store = tx.objectStore(SNAPSHOT_STORE);
      for (const table of tables) {
        const meta = store.get(table);
        const chunks = store.getAll(IDBKeyRange.bound(chunkKey(table, 0), chunkKey(table, CHUNKS - 1)));
        chunks.onsuccess = () => {
          const m = meta.result as Omit<EarlyCopy, 'json'> | undefined;
          const rows = chunks.result as { json?: unknown }[];
          if (m && m.valid && rows.length === CHUNKS && rows.every((r) => typeof r.json === 'string')) {
            copies.set(table, { token: m.token, valid: m.valid, schema: m.schema, count: m.count, json: rows.map((r) => r.json as string) });
          }
        };
      }
      tx.oncomplete = done;
      tx.onabort = done;
      tx.onerror = (event) => event.preventDefault();
    };
  });
}

/** The tables each screen reads whole at its first draw. */
const FIRST_WHOLE_TABLES: Record<string, readonly string[]> = { catalog: ['organizations'], registru: ['units', 'organizations'] };

let started: { name: string; read: Promise<EarlyRead>; result?: EarlyRead } | undefined;

/**
 * Starts the early read for the screen of the address (once per page). The caller opens the
 * database once it has settled (main.tsx), so that what it read is there, synchronously, for
 * the first read: nothing waits on it inside a live query (a promise that is not Dexie's would
 * lose the live query's context) or a transaction.
 */
export function startEarlyRead(route: string, name: string = DATABASE_NAME): Promise<EarlyRead> {
  const read = readEarly(name, FIRST_WHOLE_TABLES[route] ?? []);
  const entry: NonNullable<typeof started> = { name, read };
  started = entry;
  read.then((result) => (entry.result = result)).catch(() => undefined); // a failure is met again, and reported, by the database's own opening
  return read;
}

/** The installed version the early read found for `name`, once it has settled. */
export function earlyVersion(name: string): number | undefined {
  return started?.name === name ? started.result?.version : undefined;
}

/**
 * The early copy of `table` in `name`, given once (the first whole read of the table takes it; a
 * later read reads for itself). Undefined when none was read, or the read has not settled.
 */
export function takeEarlyCopy(name: string, table: string): EarlyCopy | undefined {
  if (started?.name !== name || !started.result) return undefined;
  const copy = started.result.copies.get(table);
  if (copy) (started.result.copies as Map<string, EarlyCopy>).delete(table);
  return copy;
}
