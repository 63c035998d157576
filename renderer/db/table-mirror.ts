// A table's records held in memory and kept in step with the database by patching (issue 10): read
// once in full (through the repository's list(), so with the same shape as today), then, on every
// committed change to the table (a local write, another tab's, the shared-mode replica's), only the
// changed primary keys are read again with bulkGet; a key no longer there leaves the mirror. A
// change Dexie reports as a range or as "everything" (clear(), a restore, a bulk write of 50 or
// more records), or one of more than MAX_KEYS keys, costs one full read, as a live query would.
//
// Dexie's change notification (Dexie.on('storagemutated')) gives, per `idb://<db>/<table>/<index>`
// part, the set of keys changed as an interval tree (a RangeSet here, a plain object when it came
// from another tab through the BroadcastChannel); `all` means everything. The part of the primary
// keys is `idb://<db>/<table>/` (the empty index name).
import Dexie, { cmp, type IndexableType, type IntervalTree, type ObservabilitySet } from 'dexie';

/** A single change beyond which one full read is cheaper than reading key by key. */
export const MAX_KEYS = 1000;

export interface Listener<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/** A subscriber as an object with both callbacks (a function given alone is `next`; a missing error callback ignores errors). */
export function listenerOf<T>(next: ((value: T) => void) | Partial<Listener<T>>, error?: (error: unknown) => void): Listener<T> {
  return typeof next === 'function' ? { next, error: error ?? (() => undefined) } : { next: (v) => next.next?.(v), error: (e) => next.error?.(e) };
}

export interface MirrorSubscription {
  unsubscribe(): void;
}

/** What a live query gives (dexie-react-hooks' useObservable and preloaded-live-query take it). */
export interface Subscribable<T> {
  subscribe(next: ((value: T) => void) | Partial<Listener<T>>, error?: (error: unknown) => void): MirrorSubscription;
}

export interface TableMirrorSource<R> {
  /** The database the table is in (its name tells its changes apart from another database's). */
  db: Dexie;
  table: string;
  /** Every record, as the repository gives them (one full read). */
  list(): Promise<R[]>;
  /** The records with these primary keys, in the same order (undefined: not there any more). */
  getMany(keys: IndexableType[]): Promise<(R | undefined)[]>;
  keyOf(record: R): IndexableType;
}

/** The keys of a tree of changes, or 'all' when it holds a range (or too many keys). */
function changedKeys(tree: IntervalTree, into: IndexableType[]): IndexableType[] | 'all' {
  const stack: IntervalTree[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('from' in node)) continue; // the empty set
    if (cmp(node.from, node.to) !== 0) return 'all';
    into.push(node.from);
    if (into.length > MAX_KEYS) return 'all';
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return into;
}

/** Where `key` is or would go in the sorted `keys`. */
function position(keys: IndexableType[], key: IndexableType): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(keys[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A live query of every record of a table that, after its first full read, reads again only the
 * records changed. Each subscription is a mirror of its own (as each liveQuery subscription is a
 * query of its own); share one through preloaded-live-query. Every value emitted is a new array in
 * primary-key order (as list() gives it); a record not changed keeps its object. A value is emitted
 * only when no change is waiting to be read: the mirror never shows a record older than a change
 * already committed. A failed read is given to the subscriber as error; the next change reads again.
 */
export function tableMirror<R>(source: TableMirrorSource<R>): Subscribable<R[]> {
  const part = `idb://${source.db.name}/${source.table}/`;
  return {
    subscribe(next, error) {
      const listener = listenerOf(next, error);
      let closed = false;
      let reading = false;
      /** Changes committed and not yet read: 'all', or the keys. */
      let pending: Set<IndexableType> | 'all' = 'all';
      let keys: IndexableType[] = [];
      const records = new Map<IndexableType, R>();

      const onChange = (parts: ObservabilitySet) => {
        if (closed) return;
        const tree = parts[part];
        if (!tree && !('all' in parts)) return;
        if (pending !== 'all') {
          const changed = !tree || 'all' in parts ? 'all' : changedKeys(tree, []);
          if (changed === 'all' || pending.size + changed.length > MAX_KEYS) pending = 'all';
          else for (const key of changed) pending.add(key);
        }
        void run();
      };

      const apply = (changed: IndexableType[], found: (R | undefined)[]) => {
        changed.forEach((key, i) => {
          const record = found[i];
          const had = records.has(key);
          if (record === undefined) {
            if (!had) return;
            records.delete(key);
            keys.splice(position(keys, key), 1);
          } else {
            records.set(key, record);
            if (!had) keys.splice(position(keys, key), 0, key);
          }
        });
      };

      const run = async () => {
        if (reading || closed) return;
        reading = true;
        try {
          /** A full read not patched since: given as it is (a new array), in the order it came. */
          let read: R[] | undefined;
          while (!closed && (pending === 'all' || pending.size > 0)) {
            const work = pending;
            pending = new Set();
            if (work === 'all') {
              read = await Dexie.ignoreTransaction(() => source.list());
              records.clear();
              keys = read.map((record) => {
                const key = source.keyOf(record);
                records.set(key, record);
                return key;
              });
              // list() reads in primary-key order (toArray); sorted only if not.
              if (keys.some((key, i) => i > 0 && cmp(keys[i - 1], key) >= 0)) {
                keys = [...records.keys()].sort(cmp);
                read = undefined;
              }
            } else {
              const changed = [...work];
              apply(changed, await Dexie.ignoreTransaction(() => source.getMany(changed)));
              read = undefined;
            }
          }
          if (!closed) listener.next(read ?? keys.map((key) => records.get(key)!));
        } catch (e) {
          // What the mirror holds is not known to be right any more: the next change reads it all.
          pending = 'all';
          if (!closed) listener.error(e);
        } finally {
          reading = false;
        }
      };

      // Listening before the first read: a change committed while it runs is read again after it.
      Dexie.on('storagemutated', onChange);
      void run();
      return {
        unsubscribe() {
          if (closed) return;
          closed = true;
          Dexie.on('storagemutated').unsubscribe(onChange);
        },
      };
    },
  };
}

/** A repository's live read of a table of records keyed by `id` (NGOs, units): its mirror, read in full by `list`. */
export function idTableMirror<R extends { id: string }>(
  db: Dexie,
  table: { name: string; bulkGet(keys: string[]): PromiseLike<(R | undefined)[]> },
  list: () => Promise<R[]>,
): { observe(): Subscribable<R[]> } {
  return { observe: () => tableMirror<R>({ db, table: table.name, list, getMany: async (keys) => table.bulkGet(keys as string[]), keyOf: (r) => r.id }) };
}
