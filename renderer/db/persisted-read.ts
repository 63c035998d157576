// A read's value kept across starts (issue 10: the commission's results opened first after a
// start). The value a screen computed from its records (a round's evaluation: the records, the
// requests assessed, the results) is kept in the copies' store as IndexedDB keeps any value
// (structured clone: Maps, shared references and all), with the tables the read touched and each
// table's write token seen before the read (write-tokens.ts). The next start takes it instead of
// reading and computing again, only while every one of those tables still has that token: no write
// to any of them has been committed since the value was read. Anything else (a write, another
// schema, another build of the app's code, another record) reads and computes as usual.
//
// Exactness. The tokens are read before the records; the value is kept later, in a transaction over
// the copies' store that first reads the tokens again and keeps nothing if any changed. Every
// write transaction holds the copies' store (write-tokens.ts), so a write is either committed before
// that check (its token differs) or after the value is kept (its token makes the value stale). The
// value depends on the records and on the app's code only (the rules judge on the round's legal
// date, never today): `build` names the code.
//
// Several records per slot. Each record's value is kept in a row of its own (`c:<slot>@<id>`), for
// the KEPT_PER_SLOT records kept last, which the slot's row (`c:<slot>`) lists, the latest first:
// the list's screen reads the latest ahead, and going between a few rounds after a start takes each
// one's value, not only the last one's. A newer record's value deletes the rows past that number.
import Dexie from 'dexie';
import { SNAPSHOT_STORE } from './early-read';
import { rebuildLater } from './table-snapshots';
import { readNotingTables, tablesBeingRead, untracked } from './tables-live-query';
import { readWriteTokens } from './write-tokens';

/** The key prefix of the kept values' rows. */
export const KEPT_PREFIX = 'c:';
export const keptKey = (slot: string) => `${KEPT_PREFIX}${slot}`;
/** How many records' values a slot keeps (the round last read and the three before it). */
export const KEPT_PER_SLOT = 4;
/** The row of one record's value in a slot (`key`: the slot's row). */
export const recordKey = (key: string, id: string) => `${key}@${id}`;
/** The slot's row (key `c:<slot>`): the records it keeps a value of, the latest kept first. */
export interface KeptOrder {
  key: string;
  ids: string[];
}

export interface KeptValue {
  key: string;
  /** The record the value is of (a round's id). */
  id: string;
  schema: number;
  build: string;
  /** The tables the read touched, and each one's write token before the read (null: never written). */
  tables: string[];
  tokens: (string | null)[];
  value: unknown;
}

export interface PersistedReadOptions {
  /** A slot keeps the values of the KEPT_PER_SLOT records read last (a screen's records: the rounds). */
  slot: string;
  id: string;
  /** The app's code (the build's fingerprint); null keeps nothing (a development server, whose code changes as it runs). */
  build: string | null;
}

/**
 * The value kept last in the slot `key` (the first record its list names), the list, and every
 * table's token, read together (outside any live read's notes).
 */
const readKept = (db: Dexie, key: string) =>
  untracked(() =>
    db.transaction('r', SNAPSHOT_STORE, async () => {
      const store = db.table(SNAPSHOT_STORE);
      const [order, tokens] = await Promise.all([store.get(key) as Promise<KeptOrder | undefined>, readWriteTokens(db)]);
      const latest = keptIds(order)[0];
      const kept = latest === undefined ? undefined : ((await store.get(recordKey(key, latest))) as KeptValue | undefined);
      return [kept, order, tokens] as const;
    }),
  );

/** The value kept of record `id` in the slot `key` (its own row), and every table's token, read together. */
const readKeptRecord = (db: Dexie, key: string, id: string) =>
  untracked(() => db.transaction('r', SNAPSHOT_STORE, () => Promise.all([db.table<KeptValue, string>(SNAPSHOT_STORE).get(recordKey(key, id)), readWriteTokens(db)] as const)));

/** The records a slot's list names (none in a row of another shape: one kept by an earlier build). */
const keptIds = (order: KeptOrder | undefined): string[] => (order && Array.isArray(order.ids) ? order.ids : []);

/** Whether a slot's list names a value kept of `id`. */
const keepsRecord = (order: KeptOrder | undefined, id: string) => keptIds(order).includes(id);

/**
 * Keeps, REBUILD_DELAY_MS from now (the screen drawn first), the value a read of record `id` gave,
 * with the tables it touched stamped with `tokens`, read before its records were.
 */
function keepLater(db: Dexie, row: Omit<KeptValue, 'schema' | 'tables' | 'tokens'>, touched: Iterable<string>, tokens: ReadonlyMap<string, string>): KeptValue {
  const tables = [...touched].sort();
  const kept: KeptValue = { ...row, schema: db.verno, tables, tokens: tables.map((t) => tokens.get(t) ?? null) };
  // Once per record at a time: two rounds read within that delay are both kept.
  rebuildLater(db, recordKey(kept.key, kept.id), async () => {
    // A value read ahead before this keep holds the slot's list as it was: forgotten once the list has changed.
    const readAhead = prefetches.get(db)?.get(kept.key);
    const done = await keepValue(db, kept);
    if (done && readAhead && prefetches.get(db)?.get(kept.key) === readAhead) prefetches.get(db)?.delete(kept.key);
    return done;
  });
  return kept;
}

const isCurrent = (kept: KeptValue, id: string, schema: number, build: string, tokens: ReadonlyMap<string, string>) =>
  kept.id === id && kept.schema === schema && kept.build === build && kept.tables.length === kept.tokens.length && kept.tables.every((t, i) => (tokens.get(t) ?? null) === kept.tokens[i]);

/**
 * `read`, through the value kept of it: the kept value while no table it read has been written
 * since, else `read` run, its value kept REBUILD_DELAY_MS later (keepLater). Inside a tablesLiveQuery's read, the
 * tables are noted either way (a change to them runs the read again). Inside a caller's
 * transaction, or on a database without the copies' store, `read` alone.
 */
export function persistedRead<T>(db: Dexie, { slot, id, build }: PersistedReadOptions, read: () => Promise<T>): () => Promise<T> {
  return async () => {
    if (!build || Dexie.currentTransaction || !db.tables.some((t) => t.name === SNAPSHOT_STORE)) return read();
    // Taken before any await (the zone of a live read is carried through Dexie's promises only).
    const noted = tablesBeingRead();
    const key = keptKey(slot);
    const early = takePrefetched(db, key);
    const taken = (kept: KeptValue) => {
      for (const table of kept.tables) noted?.add(table);
      return kept.value as T;
    };
    const tokensNow = () => untracked(() => db.transaction('r', SNAPSHOT_STORE, () => readWriteTokens(db)));
    // Runs the read and keeps its value, stamped with the tokens read before the records were.
    const readAndKeep = async (tokensRead: Promise<Map<string, string>>) => {
      const stamped = tokensRead.catch(() => undefined);
      const touched = new Set<string>();
      let value: T;
      try {
        ({ value } = await readNotingTables(read, touched));
      } finally {
        for (const table of touched) noted?.add(table);
      }
      const tokens = await stamped;
      if (tokens) keepLater(db, { key, id, build, value }, touched, tokens);
      return value;
    };
    // The record's own row (a value kept of it, the last one or one before), taken while exact;
    // the record is then the slot's latest, read ahead at the next start (marked a little later).
    const fromRecordRow = async () => {
      const [kept, tokens] = await readKeptRecord(db, key, id);
      if (!kept || !isCurrent(kept, id, db.verno, build, tokens)) return readAndKeep(Promise.resolve(tokens));
      rebuildLater(db, key, () => markLatest(db, key, id));
      return taken(kept);
    };
    // The record's own row read ahead (one of the slot's others, prefetchKept): taken as its row would be, once the tokens say it is exact.
    const fromReadAhead = async (readAhead: Promise<KeptValue | undefined>) => {
      const kept = await readAhead;
      if (!kept) return fromRecordRow();
      const tokens = await tokensNow();
      if (!isCurrent(kept, id, db.verno, build, tokens)) return readAndKeep(Promise.resolve(tokens));
      rebuildLater(db, key, () => markLatest(db, key, id));
      return taken(kept);
    };
    if (early) {
      // What the list read ahead: the row kept, or what its refresh read (awaited: the same read
      // this one would start). This record's is taken once the tokens say it is exact; otherwise
      // the records are read at once, with the tokens (their transaction made before the records'
      // own, so they are no later than what is read: a write between the two only makes the value
      // refused when it is kept). A row already read that is another record's (or none) takes the
      // value kept of this record in its own row, when the slot's list names it; otherwise it
      // starts the records' reads now, in the caller's turn: a screen opened by a click then reads
      // while the click's render runs, not after it.
      const { row, order } = early.settled ?? (await early.row);
      if (row?.id !== id) {
        // A record kept before the latest, read ahead after it (going between rounds): taken once.
        const other = early.others.get(id);
        early.others.delete(id);
        const started = other?.started ? other.value : undefined;
        // Another record's: left for the read of that record (a round read ahead for the pointer, then the other one opened).
        giveBack(db, key, early);
        if (started) return fromReadAhead(started);
        return keepsRecord(order, id) ? fromRecordRow() : readAndKeep(tokensNow());
      }
      const prefetched = await early.value;
      if (!prefetched) return readAndKeep(tokensNow());
      const tokens = await tokensNow();
      return isCurrent(prefetched, id, db.verno, build, tokens) ? taken(prefetched) : readAndKeep(Promise.resolve(tokens));
    }
    return fromRecordRow();
  };
}

/**
 * A value read ahead (prefetchKept): the row as it was kept (for whose record), and the value to
 * take (that row, or what its refresh read).
 */
interface Prefetch {
  /** The slot's row and its list of the records kept. */
  row: Promise<{ row: KeptValue | undefined; order: KeptOrder | undefined }>;
  value: Promise<KeptValue | undefined>;
  /** The row and the list, once read (known without waiting for a promise). */
  settled?: { row: KeptValue | undefined; order: KeptOrder | undefined };
  /**
   * The rows of the records kept before the latest (the list's others, in its order), each read
   * once the one before it is, when the page is idle: the secretariat going between the rounds it
   * worked on last finds each of them read too. A record's is taken once (deleted then), and only
   * once its read has started (one still waiting for an idle moment is left: the row is read then).
   */
  others: Map<string, { started: boolean; value: Promise<KeptValue | undefined> }>;
}

/** Resolves when the page is idle (soon, where there is no idle callback: Node's tests). */
const whenIdle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: NEXT_READ_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
/** The longest wait for an idle moment before each of the list's other records is read ahead. */
const NEXT_READ_TIMEOUT_MS = 1000;

/** Values read ahead, by database and slot, until a read takes them or they are forgotten. */
const prefetches = new WeakMap<Dexie, Map<string, Prefetch>>();

function takePrefetched(db: Dexie, key: string): Prefetch | undefined {
  const waiting = prefetches.get(db)?.get(key);
  prefetches.get(db)?.delete(key);
  return waiting;
}

/** Puts back a value read ahead that was another record's, unless another was read ahead since. */
function giveBack(db: Dexie, key: string, prefetch: Prefetch): void {
  const waiting = prefetches.get(db);
  if (waiting && !waiting.has(key)) waiting.set(key, prefetch);
}

/**
 * Reads the value kept in `slot` ahead of the read that will want it (a screen's list shown, the
 * record last opened likely to be opened again; then the others the slot keeps, one per idle
 * moment: Prefetch.others), so that the read only checks the tokens (the structured clone of a
 * 300-request round's evaluation takes about 50 ms to read). With `refresh`, a value no
 * longer exact (a table it read was written since: an NGO renamed in the catalog) is read again
 * now, for the same record, stamped with the tokens read before, and kept as any read's value.
 * Nothing is taken as it is: the read checks the tokens first. Returns what forgets it (the list
 * leaves without opening it).
 */
export function prefetchKept(db: Dexie, slot: string, build: string | null, refresh?: (id: string) => () => Promise<unknown>): () => void {
  if (!build || !db.tables.some((t) => t.name === SNAPSHOT_STORE)) return () => undefined;
  const key = keptKey(slot);
  let waiting = prefetches.get(db);
  if (!waiting) prefetches.set(db, (waiting = new Map()));
  const map = waiting;
  // Dexie promises, as everything a live read awaits.
  const read = Dexie.ignoreTransaction(() => readKept(db, key));
  const row = read.then(([kept, order]) => ({ row: kept, order })).catch(() => ({ row: undefined, order: undefined }));
  const value = read
    .then(async ([kept, , tokens]): Promise<KeptValue | undefined> => {
      if (!kept || !refresh || kept.schema !== db.verno || kept.build !== build || isCurrent(kept, kept.id, db.verno, build, tokens)) return kept;
      const { value: fresh, tables: touched } = await Dexie.ignoreTransaction(() => untracked(() => readNotingTables(refresh(kept.id))));
      return keepLater(db, { key, id: kept.id, build, value: fresh }, touched, tokens);
    })
    .catch(() => undefined);
  const prefetch: Prefetch = { row, value, others: new Map() };
  void row.then((settled) => (prefetch.settled = settled));
  // Then the rows of the list's other records, one at a time, each when the page is idle, after the
  // latest's value, while nobody has taken this read ahead (the list shown) nor that record.
  void value
    .then(() => row)
    .then(({ order }) => {
      let before: Promise<unknown> = Promise.resolve();
      for (const id of keptIds(order).slice(1)) {
        const other = { started: false, value: Promise.resolve<KeptValue | undefined>(undefined) };
        other.value = Dexie.Promise.resolve(before)
          .then(() => whenIdle())
          .then(() => {
            if (prefetch.others.get(id) !== other || map.get(key) !== prefetch) return undefined;
            other.started = true;
            return Dexie.ignoreTransaction(() => untracked(() => db.table<KeptValue, string>(SNAPSHOT_STORE).get(recordKey(key, id))));
          })
          .catch(() => undefined);
        prefetch.others.set(id, other);
        before = other.value;
      }
    });
  map.set(key, prefetch);
  return () => {
    if (map.get(key) === prefetch) map.delete(key);
  };
}

/** Puts record `id` first in the slot's list, if the list names it (false: it does not, or it is first already). */
export function markLatest(db: Dexie, key: string, id: string): Promise<boolean> {
  return db.transaction('rw', SNAPSHOT_STORE, async () => {
    const store = db.table(SNAPSHOT_STORE);
    const ids = keptIds((await store.get(key)) as KeptOrder | undefined);
    if (!ids.includes(id) || ids[0] === id) return false;
    await store.put({ key, ids: [id, ...ids.filter((other) => other !== id)] } satisfies KeptOrder);
    return true;
  });
}

/**
 * Keeps `row` (its key: the slot's) unless a table it read has a new token since (false: refused):
 * in the record's own row, the record first in the slot's list; the rows of the records past
 * KEPT_PER_SLOT in that list are deleted.
 */
export function keepValue(db: Dexie, row: KeptValue): Promise<boolean> {
  return db.transaction('rw', SNAPSHOT_STORE, async () => {
    const store = db.table(SNAPSHOT_STORE);
    const [tokens, order] = await Promise.all([readWriteTokens(db), store.get(row.key) as Promise<KeptOrder | undefined>]);
    if (!isCurrent(row, row.id, db.verno, row.build, tokens)) return false;
    const ids = [row.id, ...keptIds(order).filter((id) => id !== row.id)];
    const dropped = ids.splice(KEPT_PER_SLOT);
    await Promise.all([
      store.bulkPut([{ ...row, key: recordKey(row.key, row.id) }, { key: row.key, ids } satisfies KeptOrder]),
      dropped.length > 0 ? store.bulkDelete(dropped.map((id) => recordKey(row.key, id))) : undefined,
    ]);
    return true;
  });
}
