import Dexie, { type DBCore, type Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../renderer/db/database';
import { loadDemoBase } from '../../../renderer/db/demo';
import { createStore, type DbStore } from '../../../renderer/db/store';
import { lastOpenedRead, readNotingTables, tablesLiveQuery, type TablesLiveQuery } from '../../../renderer/db/tables-live-query';
import { loadRoundEvaluation, loadRoundRequests } from '../../../renderer/services/round-evaluation';
import { freshStore, orgDraft } from './helpers';

/** A store whose database also records, in a plain list, every table read through it (no async context needed: one read at a time). */
async function recordingStore() {
  const db = createDatabase(`test-db-tables-${Math.random().toString(36).slice(2)}`);
  const recorded = new Set<string>();
  const recorder: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'Recorder',
    create: (down) => ({
      ...down,
      table(name) {
        const t = down.table(name);
        const note = () => recorded.add(name);
        return { ...t, get: (r) => (note(), t.get(r)), getMany: (r) => (note(), t.getMany(r)), query: (r) => (note(), t.query(r)), openCursor: (r) => (note(), t.openCursor(r)), count: (r) => (note(), t.count(r)) };
      },
    }),
  };
  db.use(recorder);
  await db.open();
  return { store: createStore(db), recorded };
}

/** Values given by a subscription, with a way to wait for the next one. */
function collect<T>(subscribe: (next: (v: T) => void, error: (e: unknown) => void) => { unsubscribe(): void }) {
  const values: T[] = [];
  const errors: unknown[] = [];
  let waiting: (() => void) | undefined;
  const sub = subscribe(
    (v) => {
      values.push(v);
      waiting?.();
    },
    (e) => {
      errors.push(e);
      waiting?.();
    },
  );
  const count = async (n: number) => {
    while (values.length + errors.length < n) await new Promise<void>((r) => (waiting = r));
  };
  return { values, errors, count, sub };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('tables read, noted in Dexie’s zone', () => {
  it("notes every table a round's evaluation and request list read, through their awaits and parallel reads", async () => {
    const { store, recorded } = await recordingStore();
    await loadDemoBase(store.db, '2026-11-23');
    const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
    const loads: { load: () => Promise<unknown>; least: string[] }[] = [
      { load: () => loadRoundEvaluation(store, round.id), least: ['scoreSheets', 'commissionMembers', 'units', 'parameterValues'] },
      { load: () => loadRoundRequests(store, round.id), least: ['requests', 'organizations', 'units', 'parameterValues'] },
    ];
    for (const { load, least } of loads) {
      recorded.clear();
      const { tables } = await readNotingTables(load);
      expect([...recorded]).toEqual(expect.arrayContaining(least));
      // Exactly what the database was asked for (a copy's store counting as the table copied, whose
      // index the copy's read counts too): none lost on the way through the loader's awaits.
      expect([...tables].sort()).toEqual([...recorded].filter((t) => t !== 'tableSnapshots').sort());
    }
  });

  it('notes nothing for reads outside it, even while one runs', async () => {
    const store = await freshStore();
    const tables = new Set<string>();
    const inside = readNotingTables(() => store.rounds.list(), tables);
    await store.organizations.list();
    await inside;
    expect([...tables]).toEqual(['rounds']);
  });
});

describe('tablesLiveQuery', () => {
  it('gives the value, then runs again after a change to a table it read, not after one to another table', async () => {
    const store = await freshStore();
    let runs = 0;
    const live = collect<string[]>((next, error) =>
      tablesLiveQuery(store.db, async () => {
        runs += 1;
        return (await store.organizations.list()).map((o) => o.name);
      }).subscribe(next, error),
    );
    await live.count(1);
    expect(live.values[0]).toEqual([]);
    // A table it did not read.
    await store.db.table('settings').put({ key: 'test', value: 1 });
    await settle();
    expect(runs).toBe(1);
    await store.organizations.create(orgDraft({ name: 'Asociația Nouă' }));
    await live.count(2);
    expect(live.values[1]).toEqual(['Asociația Nouă']);
    live.sub.unsubscribe();
    await store.organizations.create(orgDraft({ name: 'Asociația După', cui: '13548146' }));
    await settle();
    expect(live.values).toHaveLength(2);
  });

  it('never gives a value read before a change it has been told of: reads again first', async () => {
    const store = await freshStore();
    let runs = 0;
    let release: (() => void) | undefined;
    const live = collect<number>((next, error) =>
      tablesLiveQuery(store.db, async () => {
        runs += 1;
        const count = (await store.organizations.list()).length;
        // The first run waits, after its read, until a change has been committed.
        if (runs === 1) await new Promise<void>((r) => (release = r));
        return count;
      }).subscribe(next, error),
    );
    while (!release) await new Promise((r) => setTimeout(r, 5));
    await store.organizations.create(orgDraft());
    await settle();
    release();
    await live.count(1);
    expect(runs).toBe(2);
    expect(live.values).toEqual([1]);
    live.sub.unsubscribe();
  });

  it('gives a failed read as error and runs again on the next change to what it read', async () => {
    const store = await freshStore();
    let fail = true;
    const live = collect<number>((next, error) =>
      tablesLiveQuery(store.db, async () => {
        const list = await store.organizations.list();
        if (fail) throw new Error('citire eșuată');
        return list.length;
      }).subscribe(next, error),
    );
    await live.count(1);
    expect((live.errors[0] as Error).message).toBe('citire eșuată');
    fail = false;
    await store.organizations.create(orgDraft());
    await live.count(2);
    expect(live.values).toEqual([1]);
    live.sub.unsubscribe();
  });

  it('runs again when everything changed (a database cleared and restored)', async () => {
    const store = await freshStore();
    const live = collect<number>((next, error) => tablesLiveQuery(store.db, async () => (await store.organizations.list()).length).subscribe(next, error));
    await live.count(1);
    Dexie.on('storagemutated').fire({ all: true } as never);
    await live.count(2);
    expect(live.values).toEqual([0, 0]);
    live.sub.unsubscribe();
  });
});

describe('tablesLiveQuery with keep', () => {
  const counting = (store: Awaited<ReturnType<typeof freshStore>>, options: { keep?: boolean }) => {
    const state = { runs: 0 };
    const query = tablesLiveQuery(
      store.db,
      async () => {
        state.runs += 1;
        return (await store.organizations.list()).length;
      },
      options,
    );
    return { state, query };
  };

  it('gives the value kept to the next subscriber at once, without reading again, while nothing it read changed', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft());
    const { state, query } = counting(store, { keep: true });
    const first = collect<number>((next, error) => query.subscribe(next, error));
    await first.count(1);
    first.sub.unsubscribe();
    // A change to a table it did not read keeps it.
    await store.db.table('settings').put({ key: 'test', value: 1 });
    await settle();
    const given: number[] = [];
    const again = query.subscribe((v) => given.push(v));
    // Synchronously, in the subscription: the screen's first render has it.
    expect(given).toEqual([1]);
    await settle();
    expect(state.runs).toBe(1);
    again.unsubscribe();
    query.forget();
  });

  it('drops the value kept at the first change to what it read, without reading then, and reads again for the next subscriber', async () => {
    const store = await freshStore();
    const { state, query } = counting(store, { keep: true });
    const first = collect<number>((next, error) => query.subscribe(next, error));
    await first.count(1);
    first.sub.unsubscribe();
    await store.organizations.create(orgDraft());
    await settle();
    expect(state.runs).toBe(1);
    const again = collect<number>((next, error) => query.subscribe(next, error));
    await settle();
    expect(again.values).toEqual([1]);
    expect(state.runs).toBe(2);
    again.sub.unsubscribe();
    query.forget();
  });

  it('keeps nothing without keep, nor after forget', async () => {
    for (const forget of [false, true]) {
      const store = await freshStore();
      const { state, query } = counting(store, { keep: forget });
      const first = collect<number>((next, error) => query.subscribe(next, error));
      await first.count(1);
      first.sub.unsubscribe();
      if (forget) query.forget();
      const again = collect<number>((next, error) => query.subscribe(next, error));
      expect(again.values).toEqual([]);
      await again.count(1);
      expect(state.runs).toBe(2);
      again.sub.unsubscribe();
    }
  });

  it('shares one read between its subscribers', async () => {
    const store = await freshStore();
    const { state, query } = counting(store, {});
    const a = collect<number>((next, error) => query.subscribe(next, error));
    const b = collect<number>((next, error) => query.subscribe(next, error));
    await a.count(1);
    await b.count(1);
    expect(state.runs).toBe(1);
    await store.organizations.create(orgDraft());
    await a.count(2);
    await b.count(2);
    expect(state.runs).toBe(2);
    expect(b.values).toEqual([0, 1]);
    a.sub.unsubscribe();
    b.sub.unsubscribe();
  });
});

describe('lastOpenedRead', () => {
  /** A read per record that counts its runs. */
  const countedReads = (store: DbStore) => {
    const runs = new Map<string, number>();
    const read = (key: string) => async () => {
      runs.set(key, (runs.get(key) ?? 0) + 1);
      return `${key}:${(await store.organizations.list()).length}`;
    };
    return { runs, read };
  };

  it('with a capacity of two, keeps the two records opened last: opening a third forgets the oldest', async () => {
    const store = await freshStore();
    const { runs, read } = countedReads(store);
    const last = lastOpenedRead<string>(2);
    const shown = async (live: { observe(): { subscribe: (next: (v: string) => void, error: (e: unknown) => void) => { unsubscribe(): void } } }) => {
      const seen = collect<string>((next, error) => live.observe().subscribe(next, error));
      await seen.count(1);
      seen.sub.unsubscribe();
    };
    const a = last(store, 'a', read('a'));
    await shown(a);
    const b = last(store, 'b', read('b'));
    await shown(b);
    // Back to the first: the same live read, its value kept, not read again.
    expect(last(store, 'a', read('a'))).toBe(a);
    expect(a.observe().hasValue()).toBe(true);
    expect(last.holdsValue(store)).toBe(true);
    expect(runs.get('a')).toBe(1);
    // A third: the oldest (b, since a was opened again) is let go.
    await shown(last(store, 'c', read('c')));
    expect(b.observe().hasValue()).toBe(false);
    expect(a.observe().hasValue()).toBe(true);
    expect(last(store, 'a', read('a'))).toBe(a);
    expect(last(store, 'b', read('b'))).not.toBe(b);
  });

  it('reads ahead (the pointer on a row) push out only other reads ahead, never the records opened; opening one makes it opened', async () => {
    const store = await freshStore();
    const { runs, read } = countedReads(store);
    const last = lastOpenedRead<string>(2);
    const shown = async (live: { observe(): TablesLiveQuery<string> }) => {
      const seen = collect<string>((next, error) => live.observe().subscribe(next, error));
      await seen.count(1);
      seen.sub.unsubscribe();
    };
    const a = last(store, 'a', read('a'));
    await shown(a);
    // The pointer rests on b, then on c, then the first is opened again.
    const b = last(store, 'b', read('b'), true);
    await shown(b);
    await shown(last(store, 'c', read('c'), true));
    expect(b.observe().hasValue()).toBe(false);
    expect(last.holdsValue(store)).toBe(true);
    expect(last(store, 'a', read('a'))).toBe(a);
    expect(runs.get('a')).toBe(1);
    // c opened: the read ahead taken over, now an opened one; the pointer on d pushes neither out.
    const c = last(store, 'c', read('c'));
    await shown(last(store, 'd', read('d'), true));
    expect(last(store, 'c', read('c'))).toBe(c);
    expect(last(store, 'a', read('a'))).toBe(a);
    expect(runs.get('c')).toBe(1);
  });

  it('gives the same live read for the same record, and forgets the one kept when another is opened', async () => {
    const store = await freshStore();
    const { runs, read } = countedReads(store);
    const last = lastOpenedRead<string>();
    expect(last.holdsValue(store)).toBe(false);
    const a = last(store, 'a', read('a'));
    expect(last(store, 'a', read('a'))).toBe(a);
    const first = collect<string>((next, error) => a.observe().subscribe(next, error));
    await first.count(1);
    first.sub.unsubscribe();
    expect(a.observe().hasValue()).toBe(true);
    expect(last.holdsValue(store)).toBe(true);
    expect(last.holdsValue(await freshStore())).toBe(false);
    // Another round opened: the first one's value is let go.
    const b = last(store, 'b', read('b'));
    expect(b).not.toBe(a);
    expect(a.observe().hasValue()).toBe(false);
    expect(last.holdsValue(store)).toBe(false);
    const second = collect<string>((next, error) => b.observe().subscribe(next, error));
    await second.count(1);
    expect(second.values).toEqual(['b:0']);
    second.sub.unsubscribe();
    // Back to the first: a read of its own again.
    const again = last(store, 'a', read('a'));
    expect(again).not.toBe(a);
    const third = collect<string>((next, error) => again.observe().subscribe(next, error));
    await third.count(1);
    expect(runs.get('a')).toBe(2);
    third.sub.unsubscribe();
  });
});
