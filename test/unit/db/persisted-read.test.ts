import { describe, expect, it } from 'vitest';
import { loadDemoBase } from '../../../renderer/db/demo';
import { KEPT_PER_SLOT, keepValue, keptKey, persistedRead, prefetchKept, recordKey, type KeptOrder, type KeptValue } from '../../../renderer/db/persisted-read';
import { putServerRows } from '../../../renderer/db/shared/write-path';
import { REBUILD_DELAY_MS } from '../../../renderer/db/table-snapshots';
import { tablesLiveQuery } from '../../../renderer/db/tables-live-query';
import { readWriteTokens } from '../../../renderer/db/write-tokens';
import type { DbStore } from '../../../renderer/db/store';
import { loadRoundEvaluation, type RoundEvaluationData } from '../../../renderer/services/round-evaluation';
import { freshStore, orgDraft } from './helpers';

const BUILD = 'build-1';
const SLOT = 'round-evaluation';
/** The delayed keep done (REBUILD_DELAY_MS after the read that found nothing kept). */
const afterKeep = () => new Promise((r) => setTimeout(r, REBUILD_DELAY_MS + 300));

async function demoRound() {
  const store = await freshStore();
  await loadDemoBase(store.db, '2026-11-23');
  const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
  return { store, round };
}

/** The round's evaluation through the value kept of it, counting the reads that were run. */
function countedRead(store: DbStore, roundId: string, build = BUILD) {
  const counter = { runs: 0 };
  const read = persistedRead(store.db, { slot: SLOT, id: roundId, build }, () => {
    counter.runs += 1;
    return loadRoundEvaluation(store, roundId);
  });
  return { read, counter };
}

/** The slot's list of the records kept, the latest first. */
const keptIds = async (store: DbStore) => ((await store.db.tableSnapshots.get(keptKey(SLOT))) as unknown as KeptOrder | undefined)?.ids ?? [];
/** The value kept last (of the first record the slot's list names). */
const kept = async (store: DbStore) => {
  const [latest] = await keptIds(store);
  return latest === undefined ? undefined : ((await store.db.tableSnapshots.get(recordKey(keptKey(SLOT), latest))) as unknown as KeptValue | undefined);
};

/** Two of the demo's rounds read and kept, `latest` last: the slot lists it first, then `before`. */
async function twoRoundsKept() {
  const { store, round } = await demoRound();
  const other = (await store.rounds.list()).find((r) => r.id !== round.id)!;
  const before = countedRead(store, round.id);
  const latest = countedRead(store, other.id);
  const value = await before.read();
  await latest.read();
  await afterKeep();
  expect(await keptIds(store)).toEqual([other.id, round.id]);
  return { store, round, other, before, latest, value };
}

describe('write tokens (issue 10)', () => {
  it('every committed write gives its table a new token, in its transaction; an aborted one none; the copies’ own writes none', async () => {
    const store = await freshStore();
    const before = await readWriteTokens(store.db);
    const created = await store.organizations.create(orgDraft());
    const afterCreate = await readWriteTokens(store.db);
    expect(afterCreate.get('organizations')).toBeDefined();
    expect(afterCreate.get('organizations')).not.toBe(before.get('organizations'));
    // The audit entry written with it: its table too.
    expect(afterCreate.get('audit')).toBeDefined();
    await expect(
      store.db.transaction('rw', store.db.organizations, async () => {
        await store.db.organizations.put({ ...created, name: 'Altă denumire' });
        throw new Error('renunțat');
      }),
    ).rejects.toThrow('renunțat');
    const afterAbort = await readWriteTokens(store.db);
    expect(afterAbort.get('organizations')).toBe(afterCreate.get('organizations'));
    await store.db.tableSnapshots.put({ key: 'p:test', token: 'x' } as never);
    expect(await readWriteTokens(store.db)).toEqual(afterAbort);
    // A clear (a restore) is a write.
    await store.db.table('settings').clear();
    expect((await readWriteTokens(store.db)).get('settings')).toBeDefined();
    // So is a row the shared mode's replica takes from the server.
    const beforeReplica = (await readWriteTokens(store.db)).get('organizations');
    await store.db.transaction('rw', store.db.organizations, () =>
      putServerRows(store.db, [{ table: 'organizations', id: created.id, deleted: false, record: { ...created, name: 'Denumirea de pe server' } }] as never),
    );
    expect((await readWriteTokens(store.db)).get('organizations')).not.toBe(beforeReplica);
  });
});

describe('a read kept across starts (issue 10)', () => {
  it("gives a round's evaluation kept after its first read, as the read gives it (Maps and all), without reading again", async () => {
    const { store, round } = await demoRound();
    const { read, counter } = countedRead(store, round.id);
    const first = await read();
    expect(counter.runs).toBe(1);
    await afterKeep();
    const row = await kept(store);
    expect(row?.id).toBe(round.id);
    expect(row?.tables).toEqual(expect.arrayContaining(['scoreSheets', 'requests', 'organizations', 'units', 'parameterValues']));
    const again = await read();
    expect(counter.runs).toBe(1);
    expect(again).toEqual(first);
    expect(again).toEqual(await loadRoundEvaluation(store, round.id));
    expect((again as RoundEvaluationData).results?.aggregation?.byRequest).toBeInstanceOf(Map);
  });

  it('reads again after a write to any table it read, and gives what the records say now', async () => {
    const { store, round } = await demoRound();
    const { read, counter } = countedRead(store, round.id);
    const first = await read();
    await afterKeep();
    // A table it did not read: the kept value stands.
    await store.db.table('settings').put({ key: 'test-setting', value: 1 });
    await read();
    expect(counter.runs).toBe(1);
    const request = first!.requests[0]!;
    const organization = await store.organizations.get(request.organizationId);
    await store.organizations.update(organization!.id, { ...organization!, name: 'Asociația Redenumită' }, organization!.version);
    const after = await read();
    expect(counter.runs).toBe(2);
    expect(after!.requests.find((r) => r.id === request.id)?.organizationName).toBe('Asociația Redenumită');
  });

  it('keeps nothing when a table it read was written between the read and the keep', async () => {
    const { store, round } = await demoRound();
    const { read, counter } = countedRead(store, round.id);
    await read();
    // Written as it was: a write all the same.
    const request = (await store.db.table('requests').toArray())[0];
    await store.db.table('requests').put(request);
    await afterKeep();
    expect(await kept(store)).toBeUndefined();
    await read();
    expect(counter.runs).toBe(2);
    // A row made with tokens seen before a write is refused by the check itself.
    const tokens = await readWriteTokens(store.db);
    const row: KeptValue = { key: keptKey(SLOT), id: round.id, schema: store.db.verno, build: BUILD, tables: ['requests'], tokens: [tokens.get('requests') ?? null], value: 1 };
    expect(await keepValue(store.db, { ...row, id: 'alta' })).toBe(true);
    await store.db.table('requests').put(request);
    expect(await keepValue(store.db, row)).toBe(false);
  });

  it("is not taken for another record, by another build of the code, for another schema, or without a build", async () => {
    const { store, round } = await demoRound();
    await countedRead(store, round.id).read();
    await afterKeep();
    const other = countedRead(store, 'alta-runda');
    expect(await other.read()).toBeUndefined();
    expect(other.counter.runs).toBe(1);
    const rebuilt = countedRead(store, round.id, 'build-2');
    await rebuilt.read();
    expect(rebuilt.counter.runs).toBe(1);
    const none = countedRead(store, round.id, null as unknown as string);
    await none.read();
    expect(none.counter.runs).toBe(1);
    // Kept by build-2 now (its read kept it): build-1 reads again after a migration's version.
    await afterKeep();
    const row = (await kept(store))!;
    await store.db.tableSnapshots.put({ ...row, build: BUILD, schema: store.db.verno - 1 } as never);
    const older = countedRead(store, round.id);
    await older.read();
    expect(older.counter.runs).toBe(1);
  });

  it('keeps the values of the rounds read last, each taken at its own opening while exact, and leaves out the oldest past KEPT_PER_SLOT', async () => {
    const { store, round, other, before: first, latest: second, value } = await twoRoundsKept();
    // The round read before the last one: its own value, not read again; then the latest (read ahead at the next start).
    expect(await first.read()).toEqual(value);
    expect(first.counter.runs).toBe(1);
    await afterKeep();
    expect(await keptIds(store)).toEqual([round.id, other.id]);
    await second.read();
    expect(second.counter.runs).toBe(1);
    await afterKeep();
    expect(await keptIds(store)).toEqual([other.id, round.id]);
    // The same with the list's read-ahead holding the other round's (known before the click).
    prefetchKept(store.db, SLOT, BUILD);
    await new Promise((r) => setTimeout(r, 50));
    expect(await first.read()).toEqual(value);
    expect(first.counter.runs).toBe(1);
    // A write to a table it read: read again, and kept again as the latest.
    const request = value!.requests[0]!;
    const organization = (await store.organizations.get(request.organizationId))!;
    await store.organizations.update(organization.id, { ...organization, name: 'Asociația Schimbată' }, organization.version);
    prefetchKept(store.db, SLOT, BUILD);
    await new Promise((r) => setTimeout(r, 50));
    expect((await first.read())!.requests.find((r) => r.id === request.id)?.organizationName).toBe('Asociația Schimbată');
    expect(first.counter.runs).toBe(2);
    await afterKeep();
    expect(await keptIds(store)).toEqual([round.id, other.id]);
    // As many records again read and kept: the two rounds' rows are deleted, the list names the last KEPT_PER_SLOT.
    const ids = Array.from({ length: KEPT_PER_SLOT }, (_, i) => `inregistrare-${i}`);
    for (const id of ids) await persistedRead(store.db, { slot: SLOT, id, build: BUILD }, () => store.rounds.get(id))();
    await afterKeep();
    expect(await keptIds(store)).toEqual([...ids].reverse());
    expect(await store.db.tableSnapshots.get(recordKey(keptKey(SLOT), round.id))).toBeUndefined();
    expect(await store.db.tableSnapshots.get(recordKey(keptKey(SLOT), other.id))).toBeUndefined();
    await first.read();
    expect(first.counter.runs).toBe(3);
  });

  it('leaves the value read ahead for its round when another round is read first (the pointer resting on another row)', async () => {
    const { store, round } = await demoRound();
    const other = (await store.rounds.list()).find((r) => r.id !== round.id)!;
    const { read, counter } = countedRead(store, round.id);
    await read();
    await afterKeep();
    prefetchKept(store.db, SLOT, BUILD);
    await new Promise((r) => setTimeout(r, 50));
    // Only what was read ahead holds it now.
    await store.db.tableSnapshots.delete(recordKey(keptKey(SLOT), round.id));
    const pointed = countedRead(store, other.id);
    await pointed.read();
    expect(pointed.counter.runs).toBe(1);
    expect((await read())?.round.id).toBe(round.id);
    expect(counter.runs).toBe(1);
  });

  it('reads ahead, after the latest, the value kept of the round read before it (going between two rounds), taken once and only while exact', async () => {
    const { store, round, other, before, latest, value } = await twoRoundsKept();
    const rowOf = recordKey(keptKey(SLOT), round.id);
    prefetchKept(store.db, SLOT, BUILD);
    await new Promise((r) => setTimeout(r, 100));
    // Only what was read ahead holds the round read before the latest now: it is taken from there, not read again.
    const row = (await store.db.tableSnapshots.get(rowOf))!;
    await store.db.tableSnapshots.delete(rowOf);
    expect(await before.read()).toEqual(value);
    expect(before.counter.runs).toBe(1);
    // Taken once: the next read finds no row, and reads.
    await before.read();
    expect(before.counter.runs).toBe(2);
    // Read ahead, then a write to a table it read: not taken.
    await afterKeep();
    await store.db.tableSnapshots.bulkPut([row, { key: keptKey(SLOT), ids: [other.id, round.id] } satisfies KeptOrder] as never);
    prefetchKept(store.db, SLOT, BUILD);
    await new Promise((r) => setTimeout(r, 100));
    const request = (await store.db.table('requests').toArray())[0];
    await store.db.table('requests').put({ ...request, notes: 'modificat după citirea dinainte' });
    await before.read();
    expect(before.counter.runs).toBe(3);
    expect(latest.counter.runs).toBe(1);
  });

  it('reads ahead, after the latest, the value of every other record the slot keeps, one after another, each taken once', async () => {
    const store = await freshStore();
    const ids = Array.from({ length: KEPT_PER_SLOT }, (_, i) => `inregistrare-${i}`);
    const records = ids.map((id) => {
      const counter = { runs: 0 };
      return { id, counter, read: persistedRead(store.db, { slot: SLOT, id, build: BUILD }, async () => ({ id, run: ++counter.runs })) };
    });
    for (const record of records) await record.read();
    await afterKeep();
    const [latest, ...others] = [...records].reverse();
    expect(await keptIds(store)).toEqual([latest!.id, ...others.map((r) => r.id)]);
    prefetchKept(store.db, SLOT, BUILD);
    await new Promise((r) => setTimeout(r, 200));
    // Only what was read ahead holds the others now: each is taken from there, not read again.
    await store.db.tableSnapshots.bulkDelete(others.map((r) => recordKey(keptKey(SLOT), r.id)));
    for (const other of [...others].reverse()) {
      expect(await other.read()).toEqual({ id: other.id, run: 1 });
      expect(other.counter.runs).toBe(1);
    }
    // Taken once: read again, the row gone.
    expect(await others[0]!.read()).toEqual({ id: others[0]!.id, run: 2 });
    expect(latest!.counter.runs).toBe(1);
  });

  it('takes the value read ahead only after checking the tokens again', async () => {
    const { store, round } = await demoRound();
    const { read, counter } = countedRead(store, round.id);
    await read();
    await afterKeep();
    prefetchKept(store.db, SLOT, BUILD);
    expect(await read()).toBeDefined();
    expect(counter.runs).toBe(1);
    // Read ahead, then a write to a table it read: not taken.
    prefetchKept(store.db, SLOT, BUILD);
    const request = (await store.db.table('requests').toArray())[0];
    await store.db.table('requests').put({ ...request, notes: 'modificat' });
    await read();
    expect(counter.runs).toBe(2);
    // Forgotten (the list left): the next read takes the row, not a value held in memory.
    const forget = prefetchKept(store.db, SLOT, BUILD);
    forget();
    await read();
    expect(counter.runs).toBe(3);
  });

  it('with the value read ahead another round’s, reads at once and keeps what it read, stamped with the tokens from before its read', async () => {
    const { store, round } = await demoRound();
    const other = (await store.rounds.list()).find((r) => r.id !== round.id)!;
    await countedRead(store, other.id).read();
    await afterKeep();
    expect((await kept(store))?.id).toBe(other.id);
    prefetchKept(store.db, SLOT, BUILD);
    const { read, counter } = countedRead(store, round.id);
    const value = await read();
    expect(counter.runs).toBe(1);
    expect(value).toEqual(await loadRoundEvaluation(store, round.id));
    await afterKeep();
    expect((await kept(store))?.id).toBe(round.id);
    await read();
    expect(counter.runs).toBe(1);
    // Read ahead, the other round's again (the only one kept: the rows left before it read); a
    // write that comes after the tokens and the records were read (made by the read itself, to be
    // sure of when): the value is given, but not kept.
    await store.db.tableSnapshots.bulkDelete([keptKey(SLOT), recordKey(keptKey(SLOT), round.id), recordKey(keptKey(SLOT), other.id)]);
    await countedRead(store, other.id).read();
    await afterKeep();
    prefetchKept(store.db, SLOT, BUILD);
    const request = (await store.db.table('requests').toArray())[0];
    const racing = persistedRead(store.db, { slot: SLOT, id: round.id, build: BUILD }, async () => {
      const evaluation = await loadRoundEvaluation(store, round.id);
      await store.db.table('requests').put(request);
      return evaluation;
    });
    expect(await racing()).toBeDefined();
    await afterKeep();
    expect((await kept(store))?.id).toBe(other.id);
    expect(await keptIds(store)).toEqual([other.id]);
  });

  it('with the row read ahead already known to be another round’s (or none), starts the records’ reads in the caller’s turn', async () => {
    const { store, round } = await demoRound();
    const other = (await store.rounds.list()).find((r) => r.id !== round.id)!;
    await countedRead(store, other.id).read();
    await afterKeep();
    for (const drop of [false, true]) {
      if (drop) await store.db.tableSnapshots.delete(keptKey(SLOT));
      prefetchKept(store.db, SLOT, BUILD);
      // The list shown a while: its read-ahead done.
      await new Promise((r) => setTimeout(r, 50));
      const { read, counter } = countedRead(store, round.id);
      const opening = read();
      // Before any await: a screen opened by a click reads while the click's render runs.
      expect(counter.runs).toBe(1);
      expect((await opening)?.round.id).toBe(round.id);
    }
    // Read ahead but not yet read (the click comes first): the read waits for the row, as before.
    prefetchKept(store.db, SLOT, BUILD);
    const { read, counter } = countedRead(store, other.id);
    const opening = read();
    expect(counter.runs).toBe(0);
    await opening;
  });

  it('reads ahead again, for the same round, a value no longer exact, and the opening takes that read', async () => {
    const { store, round } = await demoRound();
    const { read, counter } = countedRead(store, round.id);
    const first = await read();
    await afterKeep();
    const request = first!.requests[0]!;
    const organization = await store.organizations.get(request.organizationId);
    await store.organizations.update(organization!.id, { ...organization!, name: 'Asociația Citită Dinainte' }, organization!.version);
    let refreshed = 0;
    prefetchKept(store.db, SLOT, BUILD, (id) => () => {
      refreshed += 1;
      return loadRoundEvaluation(store, id);
    });
    const value = await read();
    expect(refreshed).toBe(1);
    expect(counter.runs).toBe(1);
    expect(value!.requests.find((r) => r.id === request.id)?.organizationName).toBe('Asociația Citită Dinainte');
    expect(value).toEqual(await loadRoundEvaluation(store, round.id));
    // Kept from the refresh: the next read takes it.
    await afterKeep();
    await read();
    expect(counter.runs).toBe(1);
    // Refreshed, then a write before the opening: the opening reads again.
    await store.organizations.update(organization!.id, { ...(await store.organizations.get(organization!.id))!, name: 'Asociația A Doua Oară' }, organization!.version + 1);
    prefetchKept(store.db, SLOT, BUILD, (id) => () => loadRoundEvaluation(store, id));
    await new Promise((r) => setTimeout(r, 300));
    await store.organizations.update(organization!.id, { ...(await store.organizations.get(organization!.id))!, name: 'Asociația A Treia Oară' }, organization!.version + 2);
    const last = await read();
    expect(counter.runs).toBe(2);
    expect(last!.requests.find((r) => r.id === request.id)?.organizationName).toBe('Asociația A Treia Oară');
  });

  it('inside a live read, a kept value follows the tables it was read from: a change to one runs the read again', async () => {
    const { store, round } = await demoRound();
    const { read, counter } = countedRead(store, round.id);
    await read();
    await afterKeep();
    const values: (RoundEvaluationData | undefined)[] = [];
    const sub = tablesLiveQuery(store.db, read).subscribe((v) => void values.push(v));
    while (values.length < 1) await new Promise((r) => setTimeout(r, 10));
    expect(counter.runs).toBe(1);
    const request = values[0]!.requests[0]!;
    const organization = await store.organizations.get(request.organizationId);
    await store.organizations.update(organization!.id, { ...organization!, name: 'Asociația Urmărită' }, organization!.version);
    while (values.length < 2) await new Promise((r) => setTimeout(r, 10));
    expect(counter.runs).toBe(2);
    expect(values[1]!.requests.find((r) => r.id === request.id)?.organizationName).toBe('Asociația Urmărită');
    sub.unsubscribe();
  });
});
