import { describe, expect, it } from 'vitest';
import { loadDemoData } from '../../../renderer/db/demo';
import { DEMO_REQUEST_COUNT } from '../../../src/demo/demo-commission';
import { isGridReady } from '../../../src/commission/scoring-grid';
import { loadRoundEvaluation } from '../../../renderer/services/round-evaluation';
import { freshStore } from '../db/helpers';

describe('demo commission', () => {
  it('fills the round under evaluation with eligible requests, a commission with a recusal to show and a ready grid', async () => {
    const store = await freshStore();
    const result = await loadDemoData(store.db, '2026-11-23');
    expect(result.requests).toBe(DEMO_REQUEST_COUNT);
    const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
    const data = (await loadRoundEvaluation(store, round.id))!;
    expect(data.requests).toHaveLength(DEMO_REQUEST_COUNT);
    expect(new Set(data.requests.map((r) => r.organizationId)).size).toBe(DEMO_REQUEST_COUNT);
    // Every demo request is eligible; its subsidy waits for the Cluj-Napoca level, still "de completat".
    expect(data.requests.every((r) => r.isEligible)).toBe(true);
    expect(data.requests[0]!.subsidyProblem).toMatch(/de completat/);
    expect(data.members.map((m) => m.role).sort()).toEqual(['membru', 'membru', 'membru', 'presedinte', 'secretar']);
    expect(data.members.filter((m) => m.ngoLinks.length > 0)).toHaveLength(1);
    expect(isGridReady(data.grid!)).toBe(true);
    expect(data.grid!.name).toMatch(/fictivă/);
    expect(data.results?.ranking.rows).toHaveLength(DEMO_REQUEST_COUNT);
  });
});
