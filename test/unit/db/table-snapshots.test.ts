import { Dexie, liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { BACKUP_TABLES, createDatabase, openDatabase, SCHEMA_VERSION, type StoredOrganization, type SubventiiDb } from '../../../renderer/db/database';
import { readEarly, startEarlyRead } from '../../../renderer/db/early-read';
import { putServerRows } from '../../../renderer/db/shared/write-path';
import { CHUNKS, chunkKey, PATCH_LIMIT, readWholeTable, rebuildSnapshot, SNAPSHOT_STORE, type SnapshotMeta } from '../../../renderer/db/table-snapshots';
import { freshStore, orgDraft, unitDraft } from './helpers';

/** A stored NGO as the importer or the replica writes it (bypassing the repository's checks), with optional fields left undefined. */
function rawOrg(i: number, name = `Asociația ${i}`): StoredOrganization {
  return {
    id: `org-${String(i).padStart(6, '0')}`,
    name,
    cui: String(10_000_000 + i),
    locality: i % 2 ? 'Cluj-Napoca' : 'Florești',
    registryDate: undefined,
    searchText: name.toLowerCase(),
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } as unknown as StoredOrganization;
}

/** The store's rows, untyped (to damage them on purpose). */
const rows = (db: SubventiiDb) => db.table<Record<string, unknown>, string>(SNAPSHOT_STORE);
const meta = async (db: SubventiiDb, table = 'organizations') => (await db.tableSnapshots.get(table)) as SnapshotMeta | undefined;

/** Reads the NGOs whole; when no copy was valid, rebuilds it at once (the app does it REBUILD_DELAY_MS later). */
async function readAndRebuild(db: SubventiiDb) {
  const read = await readWholeTable(db, db.organizations);
  if (read.rebuild) expect(await read.rebuild()).toBe(true);
  return read;
}

/** A fresh store holding `count` NGOs written in bulk, and their copy built. */
async function storeWithCopy(count: number) {
  const store = await freshStore();
  await store.db.organizations.bulkPut(Array.from({ length: count }, (_, i) => rawOrg(i)));
  await readAndRebuild(store.db);
  return store;
}

/** What the catalog would read at start now: must be the table exactly, and say where it came from. */
async function startRead(db: SubventiiDb) {
  const read = await readWholeTable(db, db.organizations);
  expect(read.records).toEqual(await db.organizations.toArray());
  return read.fromSnapshot;
}

// Issue 10, cold start: the catalog and the register read their 20,000 records at start from a copy
// kept as JSON chunks, which every write patches or invalidates in its own transaction.
describe('the copy of a table read at start', () => {
  it('is read instead of the table once built, and equals it record for record, in id order', async () => {
    const store = await freshStore();
    const { db } = store;
    await db.organizations.bulkPut(Array.from({ length: 400 }, (_, i) => rawOrg(399 - i)));
    const first = await readAndRebuild(db);
    expect(first.fromSnapshot).toBe(false);
    expect(await meta(db)).toMatchObject({ valid: true, count: 400, schema: SCHEMA_VERSION });
    expect(await db.tableSnapshots.where('key').startsWith('organizations#').count()).toBe(CHUNKS);

    const toArray = vi.spyOn(db.organizations, 'toArray');
    const records = await store.organizations.list();
    expect(toArray).not.toHaveBeenCalled(); // the start's read is the copy, not 400 records one by one
    toArray.mockRestore();
    expect(records).toEqual(await db.organizations.toArray());
    expect(records.map((o) => o.id)).toEqual([...records.map((o) => o.id)].sort());
  });

  it('is patched by every small write (repository or raw: create, update, archive, put, delete, modify, the replica) and stays exact', async () => {
    const store = await storeWithCopy(200);
    const { db } = store;

    const created = await store.organizations.create(orgDraft({ name: 'Asociația Șansa', cui: '18547290' }));
    expect(await startRead(db)).toBe(true);
    const updated = await store.organizations.update(created.id, orgDraft({ name: 'Asociația Șansa Nouă', cui: '18547290' }), created.version);
    expect(await startRead(db)).toBe(true);
    await store.organizations.archive(updated.id, 'dizolvată prin hotărâre judecătorească', updated.version);
    expect(await startRead(db)).toBe(true);
    await db.organizations.put({ ...rawOrg(5), name: 'Redenumită' });
    await db.organizations.delete(rawOrg(6).id);
    await db.organizations.delete('org-inexistent');
    await db.organizations.bulkDelete([rawOrg(7).id, rawOrg(8).id]);
    await db.organizations.where('id').anyOf([rawOrg(9).id, rawOrg(10).id]).modify({ locality: 'Turda' });
    await db.organizations.update(rawOrg(11).id, { phone: '0264 000 000' });
    expect(await startRead(db)).toBe(true);
    // The shared-mode replica writes the server's rows in bulk (a put and a delete).
    await db.transaction('rw', db.organizations, () =>
      putServerRows(db, [
        { table: 'organizations', id: rawOrg(12).id, deleted: false, record: { ...rawOrg(12), name: 'De pe server' } },
        { table: 'organizations', id: rawOrg(13).id, deleted: true, record: {} },
      ] as never),
    );
    expect(await startRead(db)).toBe(true);
    expect((await readWholeTable(db, db.organizations)).records.find((o) => o.id === rawOrg(12).id)?.name).toBe('De pe server');
    expect(await meta(db)).toMatchObject({ valid: true, count: await db.organizations.count() });
  });

  it('is patched for the units too, including when renaming an NGO rewrites its units', async () => {
    const store = await freshStore();
    const { db } = store;
    const org = await store.organizations.create(orgDraft());
    await store.units.create(unitDraft(org.id));
    await store.units.create(unitDraft(org.id, { name: 'Centrul rezidențial „Casa Soarelui”', licenceNumber: '0010074' }));
    const built = await readWholeTable(db, db.units);
    expect(await built.rebuild!()).toBe(true);
    await store.organizations.update(org.id, orgDraft({ name: 'Fundația Speranța' }), org.version);
    const read = await readWholeTable(db, db.units);
    expect(read.fromSnapshot).toBe(true);
    expect(read.records).toEqual(await db.units.toArray());
    expect(read.records.every((u) => u.searchText.includes('fundatia speranta'))).toBe(true);
  });

  it('is invalidated, not patched, by a bulk write past the limit, a clear() and a range delete', async () => {
    const store = await storeWithCopy(100);
    const { db } = store;
    await db.organizations.bulkPut(Array.from({ length: PATCH_LIMIT + 1 }, (_, i) => rawOrg(1000 + i)));
    expect(await meta(db)).toMatchObject({ valid: false });
    expect(await startRead(db)).toBe(false);

    await readAndRebuild(db);
    // Many small writes in one transaction count together.
    await db.transaction('rw', db.organizations, async () => {
      for (let i = 0; i <= PATCH_LIMIT; i++) await db.organizations.put(rawOrg(2000 + i));
    });
    expect(await startRead(db)).toBe(false);

    await readAndRebuild(db);
    await db.organizations.where('id').between(rawOrg(10).id, rawOrg(20).id).delete();
    expect(await startRead(db)).toBe(false);

    await readAndRebuild(db);
    await db.organizations.clear();
    expect(await startRead(db)).toBe(false);
    expect((await readWholeTable(db, db.organizations)).records).toEqual([]);
  });

  it('takes back its patch with a transaction that aborts', async () => {
    const store = await storeWithCopy(50);
    const { db } = store;
    const before = await db.tableSnapshots.toArray();
    await expect(
      db.transaction('rw', db.organizations, async () => {
        await db.organizations.put({ ...rawOrg(1), name: 'Nu rămâne' });
        throw new Error('anulat');
      }),
    ).rejects.toThrow('anulat');
    expect(await db.tableSnapshots.toArray()).toEqual(before);
    expect(await startRead(db)).toBe(true);
  });

  it('is not rebuilt from a read that a write came after (the next read rebuilds it)', async () => {
    const store = await freshStore();
    const { db } = store;
    await db.organizations.bulkPut(Array.from({ length: 60 }, (_, i) => rawOrg(i)));
    const read = await readWholeTable(db, db.organizations);
    expect(read.fromSnapshot).toBe(false);
    await db.organizations.put({ ...rawOrg(3), name: 'Scrisă după citire' });
    expect(await read.rebuild!()).toBe(false);
    expect(await startRead(db)).toBe(false);
    // A first read ever (no meta row yet) is refused the same way when a write came between.
    const other = await freshStore();
    const empty = await readWholeTable(other.db, other.db.organizations);
    await other.db.organizations.put(rawOrg(1));
    expect(await empty.rebuild!()).toBe(false);
    expect(await startRead(other.db)).toBe(false);
    await readAndRebuild(other.db);
    expect(await startRead(other.db)).toBe(true);
  });

  it('is ignored when made for another schema version, damaged, or holding other than the count its meta row says', async () => {
    const store = await storeWithCopy(30);
    const { db } = store;
    const good = (await meta(db))!;

    await rows(db).put({ ...good, schema: SCHEMA_VERSION - 1 });
    expect(await startRead(db)).toBe(false);

    await rows(db).put({ ...good });
    expect(await startRead(db)).toBe(true);
    await rows(db).put({ key: chunkKey('organizations', 3), json: '[{"id":' });
    expect(await startRead(db)).toBe(false);
    await readAndRebuild(db);

    await rows(db).put({ ...(await meta(db))!, count: 29 });
    expect(await startRead(db)).toBe(false);
    await db.tableSnapshots.delete(chunkKey('organizations', 0));
    expect(await startRead(db)).toBe(false);
    // A damaged chunk met by a write's patch invalidates the copy instead of failing the save.
    await readAndRebuild(db);
    const id = rawOrg(4).id;
    const chunk = (await db.tableSnapshots.toArray()).find((row) => 'json' in row && row.json.includes(id))!;
    await rows(db).put({ key: chunk.key, json: 'nu este JSON' });
    await db.organizations.put({ ...rawOrg(4), name: 'Salvată oricum' });
    expect((await db.organizations.get(id))?.name).toBe('Salvată oricum');
    expect(await meta(db)).toMatchObject({ valid: false });
    expect(await startRead(db)).toBe(false);
  });

  it('is refused by rebuildSnapshot when the token moved, and accepted with the token read', async () => {
    const store = await freshStore();
    const { db } = store;
    await db.organizations.bulkPut(Array.from({ length: 10 }, (_, i) => rawOrg(i)));
    const records = await db.organizations.toArray();
    const token = (await meta(db))!.token;
    expect(await rebuildSnapshot(db, 'organizations', records, 'alt-jeton')).toBe(false);
    expect(await rebuildSnapshot(db, 'organizations', records, token, () => Promise.resolve())).toBe(true);
    expect(await startRead(db)).toBe(true);
  });

  it('is followed by a live query of list(): a save tells it (through the copy it read) and it reads again', async () => {
    const store = await storeWithCopy(30);
    const { db } = store;
    const seen: number[] = [];
    const subscription = liveQuery(() => store.organizations.list()).subscribe((orgs) => seen.push(orgs.length));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(check()).toBe(true);
    };
    await until(() => seen.at(-1) === 30);
    await store.organizations.create(orgDraft({ name: 'Asociația Șansa', cui: '18547290' }));
    await until(() => seen.at(-1) === 31);
    expect(await meta(db)).toMatchObject({ valid: true, count: 31 });
    subscription.unsubscribe();
  });

  it('is no part of a backup, and the list() inside a caller’s transaction reads the table itself', async () => {
    expect(BACKUP_TABLES as readonly string[]).not.toContain(SNAPSHOT_STORE);
    const store = await storeWithCopy(10);
    const { db } = store;
    // A transaction without the copy's store in its scope must still be able to list.
    const inside = await db.transaction('r', db.organizations, () => store.organizations.list());
    expect(inside).toHaveLength(10);
    expect(Dexie.currentTransaction).toBeFalsy();
  });
});

describe('migration v12 → v13 (the copies of the tables read at start)', () => {
  it('keeps every record, adds the empty store, and the first read builds the copy', async () => {
    const name = `migration-v13-${Math.random().toString(36).slice(2)}`;
    const v12 = createDatabase(name, 12);
    await v12.open();
    expect(v12.tables.map((t) => t.name)).not.toContain(SNAPSHOT_STORE);
    await v12.table('organizations').bulkAdd(Array.from({ length: 20 }, (_, i) => rawOrg(i)));
    // The middleware is inert without the store: v12 writes go through untouched.
    await v12.table('organizations').put(rawOrg(3, 'Scrisă în v12'));
    expect((await readWholeTable(v12, v12.table('organizations'))).fromSnapshot).toBe(false);
    v12.close();

    const db = await openDatabase(name);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.organizations.count()).toBe(20);
    expect(await db.tableSnapshots.count()).toBe(0);
    expect(await startRead(db)).toBe(false);
    await readAndRebuild(db);
    expect(await startRead(db)).toBe(true);
    expect((await readWholeTable(db, db.organizations)).records.find((o) => o.id === rawOrg(3).id)?.name).toBe('Scrisă în v12');
    db.close();
  });
});

describe('the early read of the start chunk (renderer/db/early-read.ts)', () => {
  it('hands its copy to the first whole read only while the token is unchanged, and once', async () => {
    const store = await storeWithCopy(80);
    const { db } = store;
    const expected = await db.organizations.toArray();

    const early = await startEarlyRead('catalog', db.name);
    expect(early.version).toBe(SCHEMA_VERSION);
    expect(early.copies.get('organizations')).toMatchObject({ valid: true, count: 80 });
    expect(early.copies.get('organizations')!.json).toHaveLength(CHUNKS);
    // The stored chunks changed behind the token's back: a read that takes the early copy does not see it.
    await rows(db).put({ key: chunkKey('organizations', 0), json: 'deteriorat' });
    const first = await readWholeTable(db, db.organizations);
    expect(first.fromSnapshot).toBe(true);
    expect(first.records).toEqual(expected);
    // Given once: the next read reads the store (here the damaged chunk, so the table itself).
    expect((await readWholeTable(db, db.organizations)).fromSnapshot).toBe(false);
  });

  it('is not taken when a write came after it (the token moved)', async () => {
    const store = await storeWithCopy(20);
    const { db } = store;
    await startEarlyRead('catalog', db.name);
    await db.organizations.put({ ...rawOrg(2), name: 'Scrisă după citirea timpurie' });
    const read = await readWholeTable(db, db.organizations);
    expect(read.records).toEqual(await db.organizations.toArray());
    expect(read.records.find((o) => o.id === rawOrg(2).id)?.name).toBe('Scrisă după citirea timpurie');
  });

  it('reads the version without creating a database, and openDatabase refuses a newer one it found', async () => {
    const name = `early-${Math.random().toString(36).slice(2)}`;
    expect(await readEarly(name, ['organizations'])).toMatchObject({ version: 0 });
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const newer = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(name, (SCHEMA_VERSION + 1) * 10);
      open.onsuccess = () => resolve(open.result);
    });
    newer.close();
    await startEarlyRead('acasa', name);
    await expect(openDatabase(name)).rejects.toMatchObject({ name: 'VersionError' });
  });
});
