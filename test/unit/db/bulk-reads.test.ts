import { describe, expect, it, vi } from 'vitest';
import { loadDemoBase, loadDemoData } from '../../../renderer/db/demo';
import { assessRoundRequests, loadRoundEvaluation, loadRoundRequests } from '../../../renderer/services/round-evaluation';
import { freshStore, orgDraft, unitDraft } from './helpers';

// Issue 10: a round's screens read the round's NGOs and units by id in one bulk read, never the
// whole catalog (20,000 NGOs) searched once per request.
describe('bulk reads by id', () => {
  it('returns the NGOs and units asked for, by id, leaving out unknown and repeated ids', async () => {
    const store = await freshStore();
    const a = await store.organizations.create(orgDraft({ name: 'Asociația A', cui: '18547290' }));
    const b = await store.organizations.create(orgDraft({ name: 'Asociația B', cui: '13548146' }));
    const unit = await store.units.create(unitDraft(b.id));
    const orgs = await store.organizations.getMany([b.id, 'nu-exista', b.id, a.id]);
    expect([...orgs.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(orgs.get(b.id)?.name).toBe('Asociația B');
    const units = await store.units.getMany([unit.id, 'nu-exista']);
    expect([...units.values()].map((u) => u.name)).toEqual([unit.name]);
    expect((await store.organizations.getMany([])).size).toBe(0);
  });

  it("loads a round's evaluation without reading the whole catalog or register", async () => {
    const store = await freshStore();
    // The base set: the round being evaluated is what this test needs (not last year's finished one).
  await loadDemoBase(store.db, '2026-11-23');
    const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
    const wholeCatalog = vi.spyOn(store.organizations, 'list');
    const wholeRegister = vi.spyOn(store.units, 'list');
    const roundRead = vi.spyOn(store.requests, 'listByRound');
    const yearRead = vi.spyOn(store.requests, 'listByYear');
    const data = (await loadRoundEvaluation(store, round.id))!;
    expect(wholeCatalog).not.toHaveBeenCalled();
    expect(wholeRegister).not.toHaveBeenCalled();
    // The round's requests come with the year's (the overlap check's), not in a second read.
    expect(roundRead).not.toHaveBeenCalled();
    expect(yearRead).not.toHaveBeenCalled();
    expect(data.requests.map((r) => r.id).sort()).toEqual((await store.requests.listByRound(round.id)).filter((r) => r.status !== 'retrasa').map((r) => r.id).sort());
    const names = new Map((await store.db.organizations.toArray()).map((o) => [o.id, o.name]));
    expect(data.requests.length).toBeGreaterThan(0);
    for (const r of data.requests) expect(r.organizationName).toBe(names.get(r.organizationId));
  });
});

describe("a round's requests read ahead by the year the list holds", () => {
  const setup = async () => {
    const store = await freshStore();
    await loadDemoBase(store.db, '2026-11-23');
    const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
    const plain = (await loadRoundEvaluation(store, round.id))!;
    return { store, round, plain };
  };
  const shown = (data: Awaited<ReturnType<typeof loadRoundEvaluation>>) =>
    data!.requests.map((r) => [r.id, r.isEligible, r.computedSubsidy, r.eligibilityReasons.join('|')]);

  it("takes the year's read started with the hint when the round has that year", async () => {
    const { store, round, plain } = await setup();
    const both = vi.spyOn(store.requests, 'listByRoundAndYear');
    // The round's own read held back: the year's read starts without waiting for it.
    let release = () => {};
    const roundRead = store.rounds.get(round.id);
    vi.spyOn(store.rounds, 'get').mockImplementationOnce(() => new Promise((resolve) => (release = () => resolve(roundRead))));
    const loading = loadRoundEvaluation(store, round.id, { year: round.year });
    await new Promise((r) => setTimeout(r, 20));
    expect(both).toHaveBeenCalledWith(round.id, round.year);
    release();
    const data = await loading;
    expect(both.mock.calls.map(([, year]) => year)).toEqual([round.year]);
    expect(shown(data)).toEqual(shown(plain));
    expect(data!.results?.ranking).toEqual(plain.results?.ranking);
  });

  it('reads the round\'s own year again when the hint is another year (the list was behind), and shows the same', async () => {
    const { store, round, plain } = await setup();
    const both = vi.spyOn(store.requests, 'listByRoundAndYear');
    const data = await loadRoundEvaluation(store, round.id, { year: round.year + 1 });
    expect(both.mock.calls.map(([, year]) => year)).toEqual([round.year + 1, round.year]);
    expect(shown(data)).toEqual(shown(plain));
  });

  it("tells the screen once the NGOs' and units' reads are asked for, before the results are computed", async () => {
    const { store, round } = await setup();
    const ngos = vi.spyOn(store.organizations, 'getMany');
    const units = vi.spyOn(store.units, 'getMany');
    let done = false;
    const seenAtSignal: { ngos: number; units: number; done: boolean }[] = [];
    const loading = loadRoundEvaluation(store, round.id, { year: round.year, onUnderway: () => seenAtSignal.push({ ngos: ngos.mock.calls.length, units: units.mock.calls.length, done }) });
    await loading.then(() => (done = true));
    expect(seenAtSignal).toEqual([{ ngos: 1, units: 1, done: false }]);
  });

  it("reads a locked round's own requests only, whatever the hint", async () => {
    const { store, round, plain } = await setup();
    const evaluation = (await store.evaluations.getByRound(round.id))!;
    await store.db.roundEvaluations.put({ ...evaluation, lock: { ...evaluation.lock, isLocked: true } });
    const own = vi.spyOn(store.requests, 'listByRound');
    const data = await loadRoundEvaluation(store, round.id, { year: round.year });
    expect(own).toHaveBeenCalledWith(round.id);
    expect(data!.requests.map((r) => r.id).sort()).toEqual(plain.requests.map((r) => r.id).sort());
  });
});

describe('units of many NGOs', () => {
  it('returns every unit of the NGOs asked for, whatever their share of the register, and no other', async () => {
    const store = await freshStore();
    // 100 NGOs: two units for every third, one for the others, none for the last (133 units).
    const orgIds = Array.from({ length: 100 }, (_, i) => `o${i}`);
    const units = orgIds.slice(0, -1).flatMap((organizationId, i) => [
      { id: `u${i}a`, organizationId, name: `Centrul A ${i}` },
      ...(i % 3 === 0 ? [{ id: `u${i}b`, organizationId, name: `Centrul B ${i}` }] : []),
    ]);
    await store.db.units.bulkAdd(units as never);
    const expected = (ids: string[]) => units.filter((u) => ids.includes(u.organizationId)).map((u) => u.id).sort();
    const ids = (list: { id: string }[]) => list.map((u) => u.id).sort();
    const whole = vi.spyOn(store.db.units, 'toArray');
    const few = ['o0', 'o4', 'nu-exista', 'o0'];
    expect(ids(await store.units.listByOrganizations(few))).toEqual(expected(few));
    // 21 NGOs (a small share of the register): one indexed read each.
    const some = orgIds.slice(0, 21);
    expect(ids(await store.units.listByOrganizations(some))).toEqual(expected(some));
    expect(whole).not.toHaveBeenCalled();
    // A large share of the register: the whole table read once and filtered.
    expect(ids(await store.units.listByOrganizations(orgIds))).toEqual(expected(orgIds));
    expect(whole).toHaveBeenCalledTimes(1);
    expect(await store.units.listByOrganizations(['o99'])).toEqual([]);
    expect(await store.units.listByOrganizations([])).toEqual([]);
  });
});

// Issue 10: the round's list reads its requests, evaluation and snapshot together and the NGOs
// once; it must show what the separate reads showed, for a round with final results (frozen
// verdicts) and for one still being evaluated.
describe("a round's requests for its list", () => {
  it('gives the same requests, assessments and NGO names as reading them one after the other', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T09:00:00Z'));
    try {
      const store = await freshStore();
      await loadDemoData(store.db, '2026-11-23');
      const rounds = await store.rounds.list();
      const locked = (await Promise.all(rounds.map((r) => store.evaluations.getByRound(r.id)))).filter((e) => e?.lock.isLocked);
      expect(locked.length).toBeGreaterThan(0);
      const orgReads = vi.spyOn(store.organizations, 'getMany');
      for (const round of rounds) {
        const requests = await store.requests.listByRound(round.id);
        const [organizations, assessments] = await Promise.all([store.organizations.getMany(requests.map((r) => r.organizationId)), assessRoundRequests(store, round.id, requests)]);
        orgReads.mockClear();
        const loaded = await loadRoundRequests(store, round.id);
        expect(loaded.requests).toEqual(requests);
        expect(loaded.assessments).toEqual(assessments);
        expect(loaded.requests.map((r) => loaded.organizations.get(r.organizationId)?.name)).toEqual(requests.map((r) => organizations.get(r.organizationId)?.name));
        // Unlocked: one read of the NGOs (the assessment's); locked: one more for the frozen requests.
        expect(orgReads.mock.calls.length).toBeLessThanOrEqual(2);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the catalog's unit counts", () => {
  it('counts each NGO’s units from the organizationId index, without reading the units themselves', async () => {
    const store = await freshStore();
    const units = [
      { id: 'u1', organizationId: 'o1', name: 'Centrul 1' },
      { id: 'u2', organizationId: 'o2', name: 'Centrul 2' },
      { id: 'u3', organizationId: 'o1', name: 'Centrul 3' },
      { id: 'u4', organizationId: 'o1', name: 'Centrul 4' },
    ];
    await store.db.units.bulkAdd(units as never);
    const whole = vi.spyOn(store.db.units, 'toArray');
    const counts = await store.units.countsByOrganization();
    expect(Object.fromEntries(counts)).toEqual({ o1: 3, o2: 1 });
    expect(whole).not.toHaveBeenCalled();
    await store.db.units.delete('u1');
    expect((await store.units.countsByOrganization()).get('o1')).toBe(2);
  });
});
