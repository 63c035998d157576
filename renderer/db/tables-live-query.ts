// A live read that follows whole tables (issue 10): run again after any committed change to a table
// it read, instead of Dexie's liveQuery, which follows the keys and ranges read. liveQuery's
// bookkeeping is per record: a round's evaluation reads 2,100 score sheets, the year's requests and
// 600 NGOs and units by id, and liveQuery added every one of their keys to an interval tree (and
// compared each change with it), about 35 ms of the commission results screen's 200 (300 requests
// × 7 members, measured). A screen that shows one round changes rarely while it is open, and the
// changes it sees are mostly to what it shows: following whole tables costs a read again now and
// then, never a missed change.
//
// Which tables a read touched is noted by the DBCore middleware below, in Dexie's zone of the read
// (Dexie.Promise.PSD: the async context Dexie carries through a read's awaits, as liveQuery's own
// tracking does): a read run by tablesLiveQuery carries a set in its zone, and every get, getMany,
// query, openCursor and count issued inside it adds its table. Reads outside such a read cost a
// look at the zone. A read of the copies' store (table-snapshots.ts, partition-snapshots.ts) adds the
// table copied: every change to the records is a write to that table too (the copies follow in the
// same transaction), while a copy written again from unchanged records changes nothing read.
import Dexie, { type DBCore, type DBCoreTable, type Middleware, type ObservabilitySet } from 'dexie';
import { SNAPSHOT_STORE } from './early-read';
import { listenerOf, type Listener, type Subscribable } from './table-mirror';

/** The property of Dexie's zone that holds the set of tables read (inherited by the zones inside it). */
const TABLES_READ = 'subventiiTablesRead';

interface Zone {
  [TABLES_READ]?: Set<string>;
}
const zone = () => (Dexie.Promise as unknown as { PSD: Zone }).PSD;
const newZone = <T,>(fn: () => T, props: Zone): T => (Dexie.Promise as unknown as { newPSD(fn: () => T, props: Zone): T }).newPSD(fn, props);

/** Notes the table of every read made inside a tablesLiveQuery's read (installed by createDatabase). */
export function tablesReadMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TablesRead',
    create: (down) => ({
      ...down,
      table(name) {
        const table = down.table(name);
        // A copy is what its table holds: a read of the copies' store follows the table copied
        // (named by the rows' keys), and a copy written again from unchanged records (a rebuild)
        // is no change to what was read. `keys` is called only inside a tablesLiveQuery's read.
        const note = (keys: () => readonly unknown[]) => {
          const read = zone()[TABLES_READ];
          if (!read) return;
          if (name !== SNAPSHOT_STORE) read.add(name);
          else for (const key of keys()) read.add(copiedTable(String(key)));
        };
        const lower = (req: { query: { range: { lower: unknown } } }) => () => [req.query.range.lower ?? ''];
        const tracked: DBCoreTable = {
          ...table,
          get: (req) => (note(() => [req.key]), table.get(req)),
          getMany: (req) => (note(() => req.keys), table.getMany(req)),
          query: (req) => (note(lower(req)), table.query(req)),
          openCursor: (req) => (note(lower(req)), table.openCursor(req)),
          count: (req) => (note(lower(req)), table.count(req)),
        };
        return tracked;
      },
    }),
  };
}

/**
 * The table whose copy a row of the copies' store holds: `organizations` for `organizations` and
 * `organizations#07` (table-snapshots.ts), `scoreSheets` for `p:scoreSheets` and
 * `p:scoreSheets:<round>` with its `#` row (partition-snapshots.ts).
 */
export function copiedTable(key: string): string {
  if (key.startsWith('p:')) {
    const end = key.indexOf(':', 2);
    return key.slice(2, end < 0 ? undefined : end).replace(/#$/, '');
  }
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

/**
 * The set of tables the enclosing tablesLiveQuery's read has read (undefined outside such a read):
 * for a read that takes a value kept of what some tables held (persisted-read.ts), which adds them
 * (a change to them runs the read again). Taken before the read's first await of a promise that
 * is not Dexie's, after which the zone is not carried.
 */
export function tablesBeingRead(): Set<string> | undefined {
  return zone()[TABLES_READ];
}

/** Runs `fn` with nothing it reads noted (the bookkeeping of a copy, not a read of records). */
export function untracked<T>(fn: () => T): T {
  return newZone(fn, { [TABLES_READ]: undefined });
}

/** Runs a read, giving the tables it read (through tablesReadMiddleware) with its value. */
export async function readNotingTables<T>(read: () => Promise<T>, tables: Set<string> = new Set()): Promise<{ value: T; tables: Set<string> }> {
  const value = await newZone(read, { [TABLES_READ]: tables });
  return { value, tables };
}

/** The table a part of a change names (`idb://<db>/<table>/<index>`), or undefined for another database's. */
function tableOfPart(part: string, prefix: string): string | undefined {
  if (!part.startsWith(prefix)) return undefined;
  const end = part.indexOf('/', prefix.length);
  return part.slice(prefix.length, end < 0 ? undefined : end);
}

/** A live read that follows whole tables; `forget` drops a value kept for later subscribers. */
export interface TablesLiveQuery<T> extends Subscribable<T> {
  /** Drops the value kept (`keep`) and stops listening if nobody subscribes. */
  forget(): void;
  /** A value read and still exact (what dexie-react-hooks' useObservable gives the first render). */
  hasValue(): boolean;
  getValue(): T | undefined;
}

/**
 * A live query of `read` that runs again after any committed change (this tab's, another tab's, the
 * shared mode's replica) to a table the last run read, or to one the run in progress has read so
 * far. Its subscribers share one read. A value is given only when no such change came while it was
 * read (the read is run again first): the value never lags a change already committed. A failed
 * read is given as error; the next change to a table it or an earlier run read runs it again.
 *
 * With `keep`, the last value outlives its last subscriber for as long as no change comes to a
 * table it read (the first such change drops it, without reading again): a screen opened again
 * gets it at once, exact, instead of reading everything again. Until `forget`.
 */
export function tablesLiveQuery<T>(db: Dexie, read: () => Promise<T>, { keep = false }: { keep?: boolean } = {}): TablesLiveQuery<T> {
  const prefix = `idb://${db.name}/`;
  const listeners = new Set<Listener<T>>();
  let listening = false;
  let reading = false;
  /** A change to what was read came since the value (or no value was read yet). */
  let changed = true;
  let held: { value: T } | undefined;
  /** The tables the last finished run read, and those the run in progress has read so far. */
  let watched = new Set<string>();
  let current = new Set<string>();

  const concerns = (parts: ObservabilitySet) => {
    if ('all' in parts) return true;
    for (const part of Object.keys(parts)) {
      const table = tableOfPart(part, prefix);
      if (table !== undefined && (watched.has(table) || current.has(table))) return true;
    }
    return false;
  };
  const stopListening = () => {
    if (!listening) return;
    listening = false;
    Dexie.on('storagemutated').unsubscribe(onChange);
  };
  const onChange = (parts: ObservabilitySet) => {
    if (!concerns(parts)) return;
    changed = true;
    held = undefined;
    if (listeners.size > 0) void run();
    // Nobody looks: the value kept is dropped, and read again only when someone subscribes.
    else if (!reading) stopListening();
  };
  const run = async () => {
    if (reading) return;
    reading = true;
    try {
      let value: T | undefined;
      let ran = false;
      // Read again while a change came during the read, as long as someone looks.
      while (changed && listeners.size > 0) {
        changed = false;
        current = new Set();
        let ok = false;
        try {
          ({ value } = await readNotingTables(read, current));
          ok = true;
          ran = true;
        } finally {
          // A failed run keeps what it and the runs before it read: a change to any of them runs it again.
          watched = ok ? current : new Set([...watched, ...current]);
          current = new Set();
        }
      }
      // Kept for the next subscriber when the last one left while it read (`keep`), else given.
      if (ran && !changed && (listeners.size > 0 || keep)) {
        held = { value: value as T };
        for (const l of [...listeners]) l.next(value as T);
      }
    } catch (e) {
      held = undefined;
      for (const l of [...listeners]) l.error(e);
    } finally {
      reading = false;
    }
    if (listeners.size > 0) {
      // A change that came while a run failed: read again.
      if (changed) void run();
    } else if (!held) stopListening();
  };

  return {
    subscribe(next, error) {
      const listener = listenerOf(next, error);
      listeners.add(listener);
      // Listening before the first run: a change committed while it reads is seen.
      if (!listening) {
        listening = true;
        Dexie.on('storagemutated', onChange);
      }
      if (held) listener.next(held.value);
      else if (!reading) {
        // Nothing held (never read, dropped, or the last read failed): read now. A read under way gives its value to this subscriber too.
        changed = true;
        void run();
      }
      return {
        unsubscribe() {
          if (!listeners.delete(listener) || listeners.size > 0) return;
          if (!keep) held = undefined;
          if (!held && !reading) stopListening();
        },
      };
    },
    hasValue: () => held !== undefined,
    getValue: () => held?.value,
    forget() {
      keep = false;
      held = undefined;
      if (listeners.size === 0 && !reading) stopListening();
    },
  };
}

/** What makes a live read that follows whole tables (the store's followTables). */
export interface FollowsTables {
  followTables<T>(read: () => Promise<T>, options?: { keep?: boolean }): TablesLiveQuery<T>;
}

/**
 * The live reads of the records a screen last opened (a round), kept (`keep`) for when the screen
 * opens one of them again: `capacity` of them (one unless told), the oldest forgotten when another
 * is opened. Beside them, the last one read `ahead` (the pointer resting on a record's row): a
 * read ahead forgets only the one before it, so that passing the pointer over rows on the way back
 * to a record never loses the ones opened. The same source and key give the same live read (what
 * preloaded-live-query takes); opening a record read ahead makes it an opened one.
 */
export function lastOpenedRead<T>(capacity = 1): ((source: FollowsTables, key: string, read: () => Promise<T>, ahead?: boolean) => { observe(): TablesLiveQuery<T> }) & {
  /** Whether a value of the record last opened is kept (still exact): opening it again reads nothing. */
  holdsValue(source: FollowsTables): boolean;
} {
  type Entry = { source: FollowsTables; key: string; ahead: boolean; read: { observe(): TablesLiveQuery<T> } };
  /** The latest first. */
  let kept: Entry[] = [];
  const opened = (source: FollowsTables, key: string, read: () => Promise<T>, ahead = false) => {
    const found = kept.find((e) => e.source === source && e.key === key);
    if (found) {
      if (!ahead) {
        found.ahead = false;
        kept = [found, ...kept.filter((e) => e !== found)];
        trim();
      }
      return found.read;
    }
    const query = source.followTables(read, { keep: true });
    const entry: Entry = { source, key, ahead, read: { observe: () => query } };
    kept = [entry, ...kept];
    trim();
    return entry.read;
  };
  // At most `capacity` records opened (the latest) and one read ahead (the latest).
  const trim = () => {
    const openedOnes = kept.filter((e) => !e.ahead).slice(Math.max(1, capacity));
    const aheadOnes = kept.filter((e) => e.ahead).slice(1);
    for (const dropped of [...openedOnes, ...aheadOnes]) dropped.read.observe().forget();
    kept = kept.filter((e) => !openedOnes.includes(e) && !aheadOnes.includes(e));
  };
  return Object.assign(opened, {
    holdsValue: (source: FollowsTables) => {
      const latest = kept.find((e) => !e.ahead);
      return latest?.source === source && latest.read.observe().hasValue();
    },
  });
}
