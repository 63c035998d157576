import { describe, expect, it, vi } from 'vitest';
import { liveQueryAhead, preloadLiveQuery, startAhead } from '../../../renderer/components/preloaded-live-query';
import { catalogOrganizations, preloadCatalog } from '../../../renderer/screens/catalog/catalog-reads';
import { freshStore, orgDraft } from '../db/helpers';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};
const settle = () => new Promise((r) => setTimeout(r, 50));

// Issue 10, cold start: the catalog's read starts when the database opens, before the screen
// mounts; the screen takes it over instead of reading the 20,000 NGOs a second time.
describe('a live query started before its screen', () => {
  it('reads at once, gives the screen what it read, then every change, and stops when the screen leaves', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ name: 'Asociația A', cui: '18547290' }));
    const reads = vi.spyOn(store.organizations, 'list');
    const query = preloadLiveQuery(() => store.organizations.list());
    await until(() => query.hasValue());
    expect(reads).toHaveBeenCalledTimes(1);
    expect(query.getValue()?.map((o) => o.name)).toEqual(['Asociația A']);

    const seen: string[][] = [];
    const subscription = query.subscribe((list) => seen.push(list.map((o) => o.name)));
    // What was read, at once, without reading again.
    expect(seen).toEqual([['Asociația A']]);
    expect(reads).toHaveBeenCalledTimes(1);
    await store.organizations.create(orgDraft({ name: 'Asociația B', cui: '13548146' }));
    await until(() => seen.length === 2);
    expect(seen[1]!.sort()).toEqual(['Asociația A', 'Asociația B']);

    subscription.unsubscribe();
    await settle();
    expect(query.isStopped()).toBe(true);
    expect(query.hasValue()).toBe(false);
    const readsBefore = reads.mock.calls.length;
    await store.organizations.create(orgDraft({ name: 'Asociația C', cui: '14399840' }));
    await settle();
    expect(reads.mock.calls.length).toBe(readsBefore);

    // A screen that comes after: a live query of its own.
    const later: number[] = [];
    const again = query.subscribe((list) => later.push(list.length));
    await until(() => later.length > 0);
    expect(later.at(-1)).toBe(3);
    again.unsubscribe();
  });

  it('keeps running when the screen resubscribes in the same turn (StrictMode), and stops if never claimed', async () => {
    const store = await freshStore();
    const reads = vi.spyOn(store.organizations, 'list');
    const query = preloadLiveQuery(() => store.organizations.list());
    await until(() => query.hasValue());
    query.subscribe(() => undefined).unsubscribe();
    const kept = query.subscribe(() => undefined);
    await settle();
    expect(query.isStopped()).toBe(false);
    expect(reads).toHaveBeenCalledTimes(1);
    kept.unsubscribe();

    const unclaimed = preloadLiveQuery(() => store.organizations.list(), { unclaimedMs: 20 });
    await settle();
    expect(unclaimed.isStopped()).toBe(true);
  });

  it("hands the catalog's started read to the catalog screen, whenever the screen subscribes", async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ name: 'Asociația A', cui: '18547290' }));
    const reads = vi.spyOn(store.organizations, 'list');
    // The screen renders (its observable made) before the database layer has started the read.
    const screen = catalogOrganizations(store);
    expect(screen.hasValue()).toBe(false);
    preloadCatalog(store);
    await until(() => screen.hasValue());
    expect(screen.getValue()?.map((o) => o.name)).toEqual(['Asociația A']);
    const seen: number[] = [];
    const subscription = screen.subscribe((list) => seen.push(list.length));
    expect(seen).toEqual([1]);
    expect(reads).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
    await settle();
    // The next visit reads for itself.
    const next = catalogOrganizations(store);
    expect(next.hasValue()).toBe(false);
    const later: number[] = [];
    const own = next.subscribe((list) => later.push(list.length));
    await until(() => later.length > 0);
    expect(reads).toHaveBeenCalledTimes(2);
    own.unsubscribe();
  });

  it('keeps the queries started ahead apart by key, starts each once, and forgets one once it stopped', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ name: 'Asociația A', cui: '18547290' }));
    const reads = vi.spyOn(store.organizations, 'list');
    const counts = vi.spyOn(store.organizations, 'getMany');
    startAhead('test:list', store, () => store.organizations.list());
    startAhead('test:list', store, () => store.organizations.list());
    startAhead('test:none', store, () => store.organizations.getMany([]));
    const list = liveQueryAhead('test:list', store, () => store.organizations.list());
    const none = liveQueryAhead('test:none', store, () => store.organizations.getMany([]));
    await until(() => list.hasValue() && none.hasValue());
    expect(reads).toHaveBeenCalledTimes(1);
    expect(counts).toHaveBeenCalledTimes(1);
    expect(none.getValue()?.size).toBe(0);
    // Another store's screen does not take it.
    const other = await freshStore();
    expect(liveQueryAhead('test:list', other, () => other.organizations.list()).hasValue()).toBe(false);
    const subscription = list.subscribe(() => undefined);
    expect(reads).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
    await settle();
    expect(liveQueryAhead('test:list', store, () => store.organizations.list()).hasValue()).toBe(false);
  });

  it('tells once that its first value (or error) is there, and at once when it was running already', async () => {
    const store = await freshStore();
    await store.organizations.create(orgDraft({ name: 'Asociația A', cui: '18547290' }));
    const settled = vi.fn();
    startAhead('test:settled', store, () => store.organizations.list(), { onSettled: settled });
    expect(settled).not.toHaveBeenCalled();
    await until(() => settled.mock.calls.length > 0);
    const query = liveQueryAhead('test:settled', store, () => store.organizations.list());
    const subscription = query.subscribe(() => undefined);
    await store.organizations.create(orgDraft({ name: 'Asociația B', cui: '13548146' }));
    await settle();
    // A change is a second value, not a second "settled".
    expect(settled).toHaveBeenCalledTimes(1);
    const again = vi.fn();
    startAhead('test:settled', store, () => store.organizations.list(), { onSettled: again });
    expect(again).toHaveBeenCalledTimes(1);
    subscription.unsubscribe();
    const failed = vi.fn();
    startAhead('test:failed', store, () => Promise.reject(new Error('citire eșuată')), { onSettled: failed });
    await until(() => failed.mock.calls.length > 0);
    await settle();
    expect(failed).toHaveBeenCalledTimes(1);
  });
});
