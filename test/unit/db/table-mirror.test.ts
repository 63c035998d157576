import Dexie, { RangeSet } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import type { StoredOrganization } from '../../../renderer/db/database';
import { MAX_KEYS, tableMirror } from '../../../renderer/db/table-mirror';
import type { DbStore } from '../../../renderer/db/store';
import { catalogOrganizations } from '../../../renderer/screens/catalog/catalog-reads';
import { freshStore, orgDraft, unitDraft } from './helpers';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const settle = () => new Promise((r) => setTimeout(r, 50));

/** A stored NGO as the importer or the replica would write it (bypassing the repository's checks). */
function rawOrg(i: number, name = `Asociația ${i}`): StoredOrganization {
  return { id: `org-${String(i).padStart(6, '0')}`, name, cui: String(10_000_000 + i), searchText: name.toLowerCase(), version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } as unknown as StoredOrganization;
}

/** The catalog's mirror of a store, with what it emitted and how it read. */
function watch(store: DbStore) {
  const list = vi.spyOn(store.organizations, 'list');
  const bulkGet = vi.spyOn(store.db.organizations, 'bulkGet');
  const seen: StoredOrganization[][] = [];
  const errors: unknown[] = [];
  const subscription = store.organizations.live.observe().subscribe({ next: (v) => seen.push(v), error: (e) => errors.push(e) });
  const latest = () => seen.at(-1);
  /** Waits until the mirror shows what list() reads now (same records, same order). */
  const caughtUp = async () => {
    const truth = await store.db.organizations.toArray();
    await until(() => JSON.stringify(latest()) === JSON.stringify(truth));
  };
  return { list, bulkGet, seen, errors, subscription, latest, caughtUp };
}

// Issue 10: the catalog and the register hold every record through a mirror of the table that,
// after one full read, reads again only the records a change touched.
describe('a table mirror', () => {
  it('reads the table once, then reads again only the NGO a save changed', async () => {
    const store = await freshStore();
    await store.db.organizations.bulkPut([rawOrg(1), rawOrg(2), rawOrg(3)]);
    const m = watch(store);
    await m.caughtUp();
    expect(m.list).toHaveBeenCalledTimes(1);
    const [first, second, third] = m.latest()!;

    const saved = await store.organizations.create(orgDraft({ name: 'Asociația Șansa', cui: '18547290' }));
    await until(() => m.latest()!.length === 4);
    const changed = await store.organizations.update(saved.id, orgDraft({ name: 'Asociația Șansa Nouă', cui: '18547290' }), saved.version);
    await until(() => m.latest()!.some((o) => o.name === 'Asociația Șansa Nouă'));
    await m.caughtUp();
    // Not the whole table again: only the saved NGO's key, once per save.
    expect(m.list).toHaveBeenCalledTimes(1);
    expect(m.bulkGet.mock.calls.map(([keys]) => keys)).toEqual([[saved.id], [saved.id]]);
    expect(m.latest()!.find((o) => o.id === saved.id)).toEqual(changed);
    // A new array each time, the records not changed being the same objects.
    expect(m.seen.at(-1)).not.toBe(m.seen.at(-2));
    expect(m.latest()!.filter((o) => o.id !== saved.id)).toEqual([first, second, third]);
    const same = (o: StoredOrganization | undefined) => m.latest()!.find((x) => x.id === o!.id);
    expect([same(first), same(second), same(third)]).toEqual([first, second, third]);
    expect(same(first)).toBe(first);
    expect(same(third)).toBe(third);
    m.subscription.unsubscribe();
  });

  it('follows a bulk write of many, a delete, an archive and a clear()', async () => {
    const store = await freshStore();
    const m = watch(store);
    await m.caughtUp();
    expect(m.latest()).toEqual([]);
    // A few: key by key. Many (Dexie reports 50 and more as the whole table): one full read.
    await store.db.organizations.bulkPut([rawOrg(5), rawOrg(1), rawOrg(3)]);
    await m.caughtUp();
    expect(m.list).toHaveBeenCalledTimes(1);
    await store.db.organizations.bulkPut(Array.from({ length: 200 }, (_, i) => rawOrg(i + 10)));
    await m.caughtUp();
    expect(m.latest()).toHaveLength(203);
    expect(m.list).toHaveBeenCalledTimes(2);

    await store.db.organizations.bulkDelete(['org-000003', 'org-000050']);
    await m.caughtUp();
    expect(m.latest()!.map((o) => o.id)).not.toContain('org-000003');

    const created = await store.organizations.create(orgDraft({ name: 'Asociația de radiat', cui: '18547290' }));
    await m.caughtUp();
    await store.organizations.archive(created.id, 'Dizolvată prin hotărâre judecătorească', created.version);
    await m.caughtUp();
    expect(m.latest()!.find((o) => o.id === created.id)?.status).toBe('radiat');
    await store.organizations.remove(created.id);
    await m.caughtUp();
    expect(m.latest()!.some((o) => o.id === created.id)).toBe(false);

    await store.db.organizations.clear();
    await m.caughtUp();
    expect(m.latest()).toEqual([]);
    expect(m.errors).toEqual([]);
    m.subscription.unsubscribe();
  });

  it('shows a write committed while its first read runs, and two quick writes', async () => {
    const store = await freshStore();
    await store.db.organizations.bulkPut([rawOrg(1), rawOrg(2)]);
    // The first read is held until a write has committed behind it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const list = store.organizations.list.bind(store.organizations);
    vi.spyOn(store.organizations, 'list').mockImplementationOnce(async () => {
      const read = await list();
      await held;
      return read;
    });
    const m = watch(store);
    await store.db.organizations.put(rawOrg(2, 'Asociația 2 schimbată'));
    release();
    await until(() => m.seen.length > 0);
    // The read that missed the write is not shown: the first value already has it.
    expect(m.seen[0]!.map((o) => o.name)).toEqual(['Asociația 1', 'Asociația 2 schimbată']);

    await Promise.all([store.db.organizations.put(rawOrg(1, 'Prima')), store.db.organizations.put(rawOrg(1, 'A doua'))]);
    await store.db.organizations.put(rawOrg(7));
    await m.caughtUp();
    expect(m.latest()!.map((o) => o.name)).toEqual(['A doua', 'Asociația 2 schimbată', 'Asociația 7']);
    m.subscription.unsubscribe();
  });

  it('stays equal to the table through many quick writes of a few NGOs each', async () => {
    const store = await freshStore();
    const m = watch(store);
    await m.caughtUp();
    // Many transactions of a few each, while a read is held: the keys pile up past MAX_KEYS.
    const writes = [];
    for (let i = 0; i < MAX_KEYS / 40 + 2; i++) writes.push(store.db.organizations.bulkPut(Array.from({ length: 45 }, (_, j) => rawOrg(i * 45 + j))));
    await Promise.all(writes);
    await m.caughtUp();
    expect(m.latest()!.length).toBe(45 * (MAX_KEYS / 40 + 2));
    m.subscription.unsubscribe();
  });

  it("follows another tab's write, told through the BroadcastChannel as a plain object", async () => {
    const store = await freshStore();
    await store.db.organizations.bulkPut([rawOrg(1), rawOrg(2)]);
    const m = watch(store);
    await m.caughtUp();
    // The other tab's write: straight into IndexedDB (no event here), then its parts as the
    // channel delivers them (structured clones: plain objects, not RangeSets).
    const idb = store.db.backendDB();
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('organizations', 'readwrite');
      tx.objectStore('organizations').put(rawOrg(2, 'Scris în altă filă'));
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const parts = structuredClone({ [`idb://${store.db.name}/organizations/`]: { ...new RangeSet().addKey('org-000002') } });
    Dexie.on('storagemutated').fire(parts);
    await until(() => m.latest()![1]!.name === 'Scris în altă filă');
    expect(m.bulkGet.mock.calls.map(([keys]) => keys)).toEqual([['org-000002']]);
    expect(m.list).toHaveBeenCalledTimes(1);
    m.subscription.unsubscribe();
  });

  it("is per database: the replica's changes reach its own mirror, not another's", async () => {
    const a = await freshStore();
    const b = await freshStore();
    await a.db.organizations.put(rawOrg(1));
    await b.db.organizations.put(rawOrg(1));
    const ma = watch(a);
    const mb = watch(b);
    await ma.caughtUp();
    await mb.caughtUp();
    await b.db.organizations.put(rawOrg(1, 'Doar în B'));
    await mb.caughtUp();
    await settle();
    expect(ma.bulkGet).not.toHaveBeenCalled();
    expect(ma.latest()![0]!.name).toBe('Asociația 1');
    ma.subscription.unsubscribe();
    mb.subscription.unsubscribe();
  });

  it('gives a failed read to the subscriber as error, and reads again on the next change', async () => {
    const store = await freshStore();
    await store.db.organizations.put(rawOrg(1));
    const seen: string[][] = [];
    const errors: unknown[] = [];
    let fail = true;
    const mirror = tableMirror<StoredOrganization>({
      db: store.db,
      table: 'organizations',
      list: () => (fail ? Promise.reject(new Error('citire eșuată')) : store.organizations.list()),
      getMany: (keys) => store.db.organizations.bulkGet(keys as string[]),
      keyOf: (o) => o.id,
    });
    const subscription = mirror.subscribe((v) => seen.push(v.map((o) => o.name)), (e) => errors.push(e));
    await until(() => errors.length === 1);
    expect((errors[0] as Error).message).toBe('citire eșuată');
    expect(seen).toEqual([]);
    fail = false;
    await store.db.organizations.put(rawOrg(2));
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual(['Asociația 1', 'Asociația 2']);

    // After unsubscribing, no more reads.
    subscription.unsubscribe();
    const bulkGet = vi.spyOn(store.db.organizations, 'bulkGet');
    await store.db.organizations.put(rawOrg(3));
    await settle();
    expect(bulkGet).not.toHaveBeenCalled();
  });

  it("follows the units a rename of their NGO touches (the register's mirror)", async () => {
    const store = await freshStore();
    const org = await store.organizations.create(orgDraft());
    await store.units.create(unitDraft(org.id));
    const seen: string[][] = [];
    const list = vi.spyOn(store.units, 'list');
    const subscription = store.units.live.observe().subscribe((units) => seen.push(units.map((u) => u.searchText)));
    await until(() => seen.length === 1);
    await store.organizations.update(org.id, orgDraft({ name: 'Fundația Nouă' }), org.version);
    await until(() => seen.length > 1);
    expect(list).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toEqual((await store.db.units.toArray()).map((u) => u.searchText));
    expect(seen.at(-1)).not.toEqual(seen[0]);
    subscription.unsubscribe();
  });

  it("keeps only the NGOs' ids, names and CUIs for the register, and follows a rename and a delete by reading only that NGO", async () => {
    const store = await freshStore();
    await store.db.organizations.bulkPut([rawOrg(1), rawOrg(2), rawOrg(3)]);
    const list = vi.spyOn(store.organizations, 'list');
    const bulkGet = vi.spyOn(store.db.organizations, 'bulkGet');
    const seen: unknown[][] = [];
    const subscription = store.organizations.labels.observe().subscribe((v) => seen.push(v));
    const labels = async () => (await store.db.organizations.toArray()).map(({ id, name, cui }) => ({ id, name, cui }));
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual(await labels());
    expect(Object.keys(seen[0]![0] as object).sort()).toEqual(['cui', 'id', 'name']);

    await store.db.organizations.put({ ...rawOrg(2), name: 'Fundația Nouă' });
    await until(() => seen.length > 1);
    expect(seen.at(-1)).toEqual(await labels());
    await store.db.organizations.delete(rawOrg(3).id);
    await until(() => seen.at(-1)!.length === 2);
    expect(seen.at(-1)).toEqual(await labels());
    expect(list).toHaveBeenCalledTimes(1);
    expect(bulkGet.mock.calls.map(([keys]) => keys)).toEqual([[rawOrg(2).id], [rawOrg(3).id]]);
    subscription.unsubscribe();
  });
});

describe("the catalog's NGOs after one save", () => {
  it('are not read in full from the database again (only the saved NGO is)', async () => {
    const store = await freshStore();
    await store.db.organizations.bulkPut(Array.from({ length: 300 }, (_, i) => rawOrg(i)));
    const fullReads = vi.spyOn(store.db.organizations, 'toArray');
    const seen: StoredOrganization[][] = [];
    const subscription = catalogOrganizations(store).subscribe((v) => seen.push(v));
    await until(() => seen.length === 1);
    expect(fullReads).toHaveBeenCalledTimes(1);
    const saved = await store.organizations.create(orgDraft({ name: 'Asociația Șansa', cui: '18547290' }));
    await until(() => seen.at(-1)!.some((o) => o.id === saved.id));
    await settle();
    expect(fullReads).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toHaveLength(301);
    subscription.unsubscribe();
  });
});
