// The demo's finished year is made by the application's own services: its frozen results are what
// the commission's rules compute from the loaded records, its conventions rest on them, its
// settlements are what the monthly-due rules compute, and the whole load is in the audit log.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDemoData } from '../../../renderer/db/demo';
import type { DbStore } from '../../../renderer/db/store';
import { frozenResultsOf, loadRoundEvaluation } from '../../../renderer/services/round-evaluation';
import { awardsOfYear } from '../../../renderer/services/conventions';
import { snapshotResults } from '../../../src/commission/results-snapshot';
import { UNLOCKED } from '../../../src/commission/round-lock';
import { termsForMonth } from '../../../src/conventions/amendments';
import { DEMO_YEAR_CONVENTIONS, DEMO_YEAR_SETTLEMENTS } from '../../../src/demo/demo-year';
import { DomainError } from '../../../src/errors';
import { createSubsidyRules } from '../../../src/requests/parameter-rules';
import { computeMonthlyDue } from '../../../src/settlements/monthly-subsidy-due';
import { freshStore } from '../db/helpers';

const TODAY = '2026-11-23';

// One load for all the tests below: they only read (the last one's second load is refused).
let shared: Promise<Awaited<ReturnType<typeof load>>>;
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T09:00:00Z`));
  shared = load();
});
afterAll(() => vi.useRealTimers());
const loaded = () => shared;

async function load(): Promise<{ store: DbStore; result: Awaited<ReturnType<typeof loadDemoData>> }> {
  const store = await freshStore();
  await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), userName: 'Andreea Câmpean' });
  const result = await loadDemoData(store.db, TODAY);
  return { store, result };
}

async function tableCounts(store: DbStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of store.db.tables) counts[table.name] = await table.count();
  return counts;
}

describe('the demo year', () => {
  it('loads into an empty database: last year\'s round with final results, conventions and settlements; this year\'s round still being evaluated', async () => {
    const { store, result } = await loaded();
    expect(result).toMatchObject({ organizations: 40, units: 60, rounds: 3, requests: 6, parameterValues: 7 });
    expect(result.finalYear).toMatchObject({ year: 2025, requests: 6, sessions: 1, decisions: 1, resultSnapshots: 1, conventions: DEMO_YEAR_CONVENTIONS, settlements: DEMO_YEAR_SETTLEMENTS });
    const rounds = await store.rounds.list();
    const finished = rounds.find((r) => r.year === 2025)!;
    const evaluating = rounds.find((r) => r.year === 2026)!;
    expect((await store.evaluations.getByRound(finished.id))!.lock.isLocked).toBe(true);
    // The round the commission specs evaluate is untouched: no session, no sheet, no snapshot.
    expect((await store.evaluations.getByRound(evaluating.id))!.lock.isLocked).toBe(false);
    expect(await store.sessions.listByRound(evaluating.id)).toEqual([]);
    expect(await store.scoreSheets.listByRound(evaluating.id)).toEqual([]);
    expect(await store.snapshots.listByRound(evaluating.id)).toEqual([]);
    // One notification per applicant of the finished round, and the conventions, each issued with its number.
    const issued = await store.issuedDocuments.listByRound(finished.id);
    expect(issued.filter((d) => d.kind === 'notificare_rezultat')).toHaveLength(6);
    expect(issued.filter((d) => d.kind === 'conventie')).toHaveLength(DEMO_YEAR_CONVENTIONS);
    // Settlements only for months already past, in every state of the flow; the paid ones with their payments.
    const settlements = await store.settlements.listByYear(2025);
    expect(settlements.every((s) => `${s.year}-${String(s.month).padStart(2, '0')}-31` < TODAY)).toBe(true);
    expect(new Set(settlements.map((s) => s.state))).toEqual(new Set(['platit', 'aprobat', 'verificat', 'depus']));
    expect(settlements.filter((s) => s.state === 'depus')).toHaveLength(1);
    const payments = await store.payments.listByYear(2025);
    for (const s of settlements.filter((x) => x.state === 'platit')) {
      expect(payments.filter((p) => p.settlementId === s.id).reduce((sum, p) => sum + p.amount, 0)).toBe(s.verification!.admitted);
    }
    expect(payments.every((p) => settlements.find((s) => s.id === p.settlementId)?.state === 'platit')).toBe(true);
  }, 60_000);

  it('freezes exactly what the commission\'s rules compute from the loaded sheets, votes and requests', async () => {
    const { store } = await loaded();
    const round = (await store.rounds.list()).find((r) => r.year === 2025)!;
    const snapshot = (await store.snapshots.current(round.id))!;
    expect(snapshot.cause).toBe('rezultate_finale');
    // The same records read as if the results were still open: computed now by src/commission, then built into a snapshot.
    const open = { ...store, evaluations: { ...store.evaluations, getByRound: async (id: string) => ({ ...(await store.evaluations.getByRound(id))!, lock: UNLOCKED }) } };
    const live = (await loadRoundEvaluation(open, round.id))!;
    expect(live.snapshot).toBeUndefined();
    expect(frozenResultsOf(live).content).toEqual(snapshot.content);
    // A real ranking: funded requests, and the one under the grid's minimum refused; the recused member did not score his NGO's request.
    const statuses = snapshotResults(snapshot).ranking.rows.map((r) => r.status);
    expect(statuses.filter((s) => s === 'finantata')).toHaveLength(5);
    expect(statuses.filter((s) => s !== 'finantata')).toHaveLength(1);
    expect(live.results!.recusals.length).toBeGreaterThan(0);
    for (const r of live.results!.recusals) expect(live.sheets.some((s) => s.memberId === r.memberId && s.requestId === r.requestId)).toBe(false);
  }, 60_000);

  it('makes its conventions from the frozen awards, and its settlements are what the monthly-due rules compute', async () => {
    const { store } = await loaded();
    const round = (await store.rounds.list()).find((r) => r.year === 2025)!;
    const snapshot = (await store.snapshots.current(round.id))!;
    const conventions = await store.conventions.listByYear(2025);
    expect(conventions).toHaveLength(DEMO_YEAR_CONVENTIONS);
    const rows = new Map(snapshotResults(snapshot).ranking.rows.map((r) => [r.requestId, r]));
    for (const c of conventions) {
      expect(c.snapshotId).toBe(snapshot.id);
      expect(c.roundId).toBe(round.id);
      expect(c.amount).toBe(rows.get(c.requestId)!.allocated);
      expect(c.state).toBe('definitiva');
      const commitment = (await store.conventions.getCommitment(c.id))!;
      expect(commitment.amount).toBe(c.amount);
      expect(commitment.cfpVisa?.by).toBe('Elena Rus');
    }
    // One funded award is left to contract, so the conventions screen has one to conclude.
    const { awards } = await awardsOfYear(store, 2025);
    expect(awards.filter((a) => a.isOpen)).toHaveLength(1);

    const rules = createSubsidyRules(await store.parameters.store());
    for (const c of conventions) {
      const own = (await store.settlements.listByConvention(c.id)).sort((a, b) => a.month - b.month);
      let previouslyAdmitted = 0;
      for (const s of own.filter((x) => x.verification)) {
        const due = computeMonthlyDue({ terms: termsForMonth(c, [], s.month), conventionNumber: c.number, settlement: s, rules, previouslyAdmitted: previouslyAdmitted as never });
        expect(due.ok).toBe(true);
        if (!due.ok) continue;
        expect(s.verification!.admitted).toBe(due.value.amount);
        expect(due.value.amount).toBeGreaterThan(0);
        expect(due.value.refused).toBe(0);
        expect(s.verification!.refused).toBe(0);
        previouslyAdmitted += s.verification!.admitted;
      }
    }
  }, 60_000);

  it('records the load in the audit log, and refuses a second load without changing anything', async () => {
    const { store } = await loaded();
    const audit = await store.db.audit.toArray();
    const demo = audit.filter((e) => e.entity === 'database' && e.entityId === 'demo');
    expect(demo).toHaveLength(2);
    expect(JSON.stringify(demo[1])).toMatch(/anul 2025 încheiat/);
    // The steps were audited by their own repositories.
    for (const entity of ['commissionSessions', 'scoreSheets', 'commissionDecisions', 'resultSnapshots', 'conventions', 'settlements', 'payments']) {
      expect(audit.some((e) => e.entity === entity)).toBe(true);
    }
    const before = await tableCounts(store);
    await expect(loadDemoData(store.db, TODAY)).rejects.toThrow(DomainError);
    await expect(loadDemoData(store.db, TODAY)).rejects.toThrow(/doar într-o bază de date goală/);
    expect(await tableCounts(store)).toEqual(before);
  }, 60_000);
});
