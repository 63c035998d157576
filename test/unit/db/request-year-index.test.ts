import { describe, expect, it, vi } from 'vitest';
import { createDatabase, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';
import { createStore } from '../../../renderer/db/store';
import { freshStore } from './helpers';

const request = (id: string, year: number, registrationYear: number) => ({ id, roundId: 'runda', organizationId: 'o1', registration: { year: registrationYear, sequence: 1 }, year, status: 'inregistrata', units: [], dossier: [] });

// Issue 10: the overlap check of every assessment reads the requests of the subsidised year; it
// is an indexed read (schema version 9), not a pass over every request ever stored.
describe('schema version 9: requests by subsidy year', () => {
  it('opens a version-8 database with its requests and finds them by the year they ask a subsidy for', async () => {
    const name = `migration-v8-${Math.random().toString(36).slice(2)}`;
    const v8 = createDatabase(name, 8);
    await v8.open();
    // Registered in 2026 for 2027, registered in 2027 for 2027, and one for 2026.
    await v8.table('requests').bulkAdd([request('a', 2027, 2026), request('b', 2027, 2027), request('c', 2026, 2026)]);
    v8.close();
    const current = await openDatabase(name);
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(9);
    const store = createStore(current);
    expect((await store.requests.listByYear(2027)).map((r) => r.id).sort()).toEqual(['a', 'b']);
    expect((await store.requests.listByYear(2026)).map((r) => r.id)).toEqual(['c']);
    expect(await store.requests.listByYear(2025)).toEqual([]);
    current.close();
  });

  it('reads the year by its index, never by filtering the whole table', async () => {
    const store = await freshStore();
    await store.db.requests.bulkAdd([request('a', 2027, 2026), request('c', 2026, 2026)] as never);
    const scan = vi.spyOn(store.db.requests, 'filter');
    expect((await store.requests.listByYear(2027)).map((r) => r.id)).toEqual(['a']);
    expect(scan).not.toHaveBeenCalled();
  });
});

// Issue 10: a round's screens need its requests and the year's (the overlap check's); the year's
// hold the round's, so they are read once and the round's taken from them by id.
describe("a round's requests with the year's", () => {
  it('gives what listByRound and listByYear give, a request of the round for another year included', async () => {
    const store = await freshStore();
    await store.db.requests.bulkAdd([
      { ...request('d', 2027, 2026), roundId: 'alta' },
      request('b', 2027, 2027),
      request('a', 2027, 2026),
      // Of the round, but for another year: not among the year's, still one of the round's.
      request('c', 2026, 2026),
      { ...request('e', 2028, 2027), roundId: 'alta' },
    ] as never);
    const both = await store.requests.listByRoundAndYear('runda', 2027);
    expect(both.ofRound).toEqual(await store.requests.listByRound('runda'));
    expect(both.ofRound.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(both.ofYear).toEqual(await store.requests.listByYear(2027));
    expect((await store.requests.listByRoundAndYear('nu-exista', 2027)).ofRound).toEqual([]);
    expect((await store.requests.listByRoundAndYear('runda', 2030)).ofYear).toEqual([]);
    expect((await store.requests.listByRoundAndYear('runda', 2030)).ofRound.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
});
