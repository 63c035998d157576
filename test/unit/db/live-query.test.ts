import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshStore, orgDraft } from './helpers';

// Issue 10: live queries read without Dexie's result cache (which deep-copied every result, e.g.
// the catalog's 20,000 NGOs at start-up); the screens still see every committed change.
describe('live queries without the result cache', () => {
  it('are opened without the cache and still follow every committed change', async () => {
    const store = await freshStore();
    expect((store.db as unknown as { _options: { cache: string } })._options.cache).toBe('disabled');
    const seen: string[][] = [];
    const subscription = liveQuery(() => store.organizations.list()).subscribe((orgs) => seen.push(orgs.map((o) => o.name)));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(check()).toBe(true);
    };
    await until(() => seen.length === 1);
    expect(seen[0]).toEqual([]);
    const created = await store.organizations.create(orgDraft({ name: 'Asociația Șansa' }));
    await until(() => seen.at(-1)?.length === 1);
    await store.organizations.update(created.id, { ...orgDraft({ name: 'Asociația Șansa Nouă' }) }, created.version);
    await until(() => seen.at(-1)?.[0] === 'Asociația Șansa Nouă');
    subscription.unsubscribe();
  });
});
