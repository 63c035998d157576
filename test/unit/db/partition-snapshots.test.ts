import { describe, expect, it } from 'vitest';
import type { SubventiiDb } from '../../../renderer/db/database';
import { epochKey, partKey, readPart, readPartCopied, type PartMeta } from '../../../renderer/db/partition-snapshots';
import { REBUILD_DELAY_MS } from '../../../renderer/db/table-snapshots';
import { putServerRows } from '../../../renderer/db/shared/write-path';
import { readNotingTables, tablesLiveQuery } from '../../../renderer/db/tables-live-query';
import { freshStore } from './helpers';

/** A score sheet as the replica or a restore writes it (bypassing the repository's checks). */
function sheet(round: string, i: number, points = 5) {
  return { id: `${round}-s${String(i).padStart(4, '0')}`, roundId: round, sessionId: `${round}-sesiune`, memberId: `m${i % 7}`, requestId: `${round}-c${Math.floor(i / 7)}`, gridId: 'g', gridFingerprint: 'f', points: { C1: points }, comment: '', source: 'ecran', state: 'trimisa', reopenings: [], version: 1, createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z' };
}
function request(id: string, year: number, roundId = 'r1') {
  return { id, roundId, organizationId: 'o1', registration: { year: 2026, sequence: Number(id.replace(/\D/g, '')) || 1 }, registeredOn: '2026-09-01', year, status: 'inregistrata', notes: '', units: [], dossier: [], version: 1, createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z' };
}

const meta = async (db: SubventiiDb, table: string, value: string | number) => (await db.tableSnapshots.get(partKey(table, value))) as unknown as PartMeta | undefined;
/** Reads a part; when no copy was valid, writes it at once (the app does it REBUILD_DELAY_MS later). */
async function readAndRebuild(db: SubventiiDb, table: string, value: string | number) {
  const read = await readPart<{ id: string }>(db, table, value);
  if (read.rebuild) expect(await read.rebuild()).toBe(true);
  return read;
}
const bare = (db: SubventiiDb, table: string, index: string, value: string | number) => db.table(table).where(index).equals(value).toArray();

describe('copies of parts of a table (issue 10)', () => {
  it("gives a round's sheets from its copy, exactly as the index gives them, once the copy is written", async () => {
    const { db } = await freshStore();
    // Written out of id order, and another round beside it.
    await db.table('scoreSheets').bulkPut([...Array.from({ length: 30 }, (_, i) => sheet('r1', 29 - i)), ...Array.from({ length: 10 }, (_, i) => sheet('r2', i))]);
    const first = await readAndRebuild(db, 'scoreSheets', 'r1');
    expect(first.fromSnapshot).toBe(false);
    const second = await readPart(db, 'scoreSheets', 'r1');
    expect(second.fromSnapshot).toBe(true);
    expect(second.records).toEqual(await bare(db, 'scoreSheets', 'roundId', 'r1'));
    expect(second.records.map((r) => r.id)).toEqual(first.records.map((r) => r.id));
    expect((await readPart(db, 'scoreSheets', 'r2')).fromSnapshot).toBe(false);
  });

  it('a write marks the parts it touched invalid, and only those; the next read gives the table as it is', async () => {
    const store = await freshStore();
    const { db } = store;
    await db.table('scoreSheets').bulkPut([...Array.from({ length: 14 }, (_, i) => sheet('r1', i)), ...Array.from({ length: 7 }, (_, i) => sheet('r2', i))]);
    await readAndRebuild(db, 'scoreSheets', 'r1');
    await readAndRebuild(db, 'scoreSheets', 'r2');
    await db.table('scoreSheets').put(sheet('r1', 3, 9));
    expect((await meta(db, 'scoreSheets', 'r1'))?.valid).toBe(false);
    expect((await meta(db, 'scoreSheets', 'r2'))?.valid).toBe(true);
    const after = await readPart<ReturnType<typeof sheet>>(db, 'scoreSheets', 'r1');
    expect(after.fromSnapshot).toBe(false);
    expect(after.records.find((s) => s.id === sheet('r1', 3).id)?.points.C1).toBe(9);
    expect((await readPart(db, 'scoreSheets', 'r2')).fromSnapshot).toBe(true);
    // Deleted: the part it was in.
    await readAndRebuild(db, 'scoreSheets', 'r1');
    await db.table('scoreSheets').delete(sheet('r1', 0).id);
    const deleted = await readPart(db, 'scoreSheets', 'r1');
    expect(deleted.fromSnapshot).toBe(false);
    expect(deleted.records).toHaveLength(13);
  });

  it('a request moved to another year marks both years invalid; through the repository, the year read is the table', async () => {
    const store = await freshStore();
    const { db } = store;
    await db.table('requests').bulkPut([request('q1', 2027), request('q2', 2027), request('q3', 2028)]);
    await readAndRebuild(db, 'requests', 2027);
    await readAndRebuild(db, 'requests', 2028);
    await db.table('requests').put(request('q2', 2028));
    expect((await meta(db, 'requests', 2027))?.valid).toBe(false);
    expect((await meta(db, 'requests', 2028))?.valid).toBe(false);
    expect((await store.requests.listByYear(2027)).map((r) => r.id)).toEqual(['q1']);
    expect((await store.requests.listByYear(2028)).map((r) => r.id)).toEqual(['q2', 'q3']);
    const both = await store.requests.listByRoundAndYear('r1', 2028);
    expect(both.ofYear.map((r) => r.id)).toEqual(['q2', 'q3']);
    expect(both.ofRound.map((r) => r.id)).toEqual(['q1', 'q2', 'q3']);
  });

  it('a clear (a restore) gives the table a new epoch: no copy made before it is read', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    await readAndRebuild(db, 'scoreSheets', 'r1');
    await db.transaction('rw', db.table('scoreSheets'), async () => {
      await db.table('scoreSheets').clear();
      // As many sheets again, with other points: a count alone would not tell.
      await db.table('scoreSheets').bulkAdd(Array.from({ length: 7 }, (_, i) => sheet('r1', i, 8)));
    });
    expect(await db.tableSnapshots.get(epochKey('scoreSheets'))).toBeDefined();
    const read = await readPart<ReturnType<typeof sheet>>(db, 'scoreSheets', 'r1');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records.every((s) => s.points.C1 === 8)).toBe(true);
  });

  it('refuses to write a copy from a read older than a write to the part or a clear', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    const stale = await readPart(db, 'scoreSheets', 'r1');
    await db.table('scoreSheets').put(sheet('r1', 2, 1));
    expect(await stale.rebuild!()).toBe(false);
    const again = await readPart(db, 'scoreSheets', 'r1');
    await db.table('scoreSheets').clear();
    expect(await again.rebuild!()).toBe(false);
    expect((await readPart(db, 'scoreSheets', 'r1')).records).toEqual([]);
  });

  it('a write that aborts leaves the copy as it was, and right', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    await readAndRebuild(db, 'scoreSheets', 'r1');
    await expect(
      db.transaction('rw', db.table('scoreSheets'), async () => {
        await db.table('scoreSheets').put(sheet('r1', 1, 10));
        throw new Error('anulat');
      }),
    ).rejects.toThrow('anulat');
    const read = await readPart<ReturnType<typeof sheet>>(db, 'scoreSheets', 'r1');
    expect(read.fromSnapshot).toBe(true);
    expect(read.records.every((s) => s.points.C1 === 5)).toBe(true);
  });

  it('the shared-mode replica’s writes mark the parts too', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    await readAndRebuild(db, 'scoreSheets', 'r1');
    await db.transaction('rw', db.table('scoreSheets'), () => putServerRows(db, [{ table: 'scoreSheets', id: sheet('r1', 4).id, deleted: false, record: sheet('r1', 4, 2) }] as never));
    const read = await readPart<ReturnType<typeof sheet>>(db, 'scoreSheets', 'r1');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records.find((s) => s.id === sheet('r1', 4).id)?.points.C1).toBe(2);
  });

  it('a damaged copy, or one that counts other than the index, is not read', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    await readAndRebuild(db, 'scoreSheets', 'r1');
    await db.tableSnapshots.put({ key: `${partKey('scoreSheets', 'r1')}#`, json: '[{"id":' } as never);
    expect((await readPart(db, 'scoreSheets', 'r1')).fromSnapshot).toBe(false);
    await readAndRebuild(db, 'scoreSheets', 'r1');
    const m = (await meta(db, 'scoreSheets', 'r1'))!;
    await db.tableSnapshots.put({ ...m, count: 6 } as never);
    const read = await readPart(db, 'scoreSheets', 'r1');
    expect(read.fromSnapshot).toBe(false);
    expect(read.records).toHaveLength(7);
  });

  it('writes the copy a moment after a read that found none', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    expect(await readPartCopied(db, 'scoreSheets', 'r1')).toHaveLength(7);
    expect((await meta(db, 'scoreSheets', 'r1'))?.valid).not.toBe(true);
    await new Promise((r) => setTimeout(r, REBUILD_DELAY_MS + 200));
    expect(await meta(db, 'scoreSheets', 'r1')).toMatchObject({ valid: true, count: 7 });
  });

  it('a live read of a part follows its table: a change to it runs it again, the copy written again does not', async () => {
    const { db } = await freshStore();
    await db.table('scoreSheets').bulkPut(Array.from({ length: 7 }, (_, i) => sheet('r1', i)));
    await readAndRebuild(db, 'scoreSheets', 'r1');
    const { tables } = await readNotingTables(() => readPart(db, 'scoreSheets', 'r1'));
    expect([...tables]).toEqual(['scoreSheets']);
    let runs = 0;
    const sub = tablesLiveQuery(db, async () => (runs++, (await readPart(db, 'scoreSheets', 'r1')).records.length)).subscribe(() => undefined);
    const settle = () => new Promise((r) => setTimeout(r, 40));
    await settle();
    expect(runs).toBe(1);
    const written = await readPart(db, 'scoreSheets', 'r1');
    await db.table('scoreSheets').put(sheet('r1', 1, 3));
    await settle();
    expect(runs).toBe(2);
    // The copy written again from the table's records: nothing the read gives has changed.
    const current = await readPart(db, 'scoreSheets', 'r1');
    expect(written.fromSnapshot).toBe(true);
    expect(await current.rebuild!()).toBe(true);
    await settle();
    expect(runs).toBe(2);
    sub.unsubscribe();
  });
});
