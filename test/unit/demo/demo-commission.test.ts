import { describe, expect, it } from 'vitest';
import { loadDemoBase, loadDemoData } from '../../../renderer/db/demo';
import { DEMO_REQUEST_COUNT } from '../../../src/demo/demo-commission';
import { isGridReady } from '../../../src/commission/scoring-grid';
import { loadRoundEvaluation } from '../../../renderer/services/round-evaluation';
import { freshStore } from '../db/helpers';
import { DEMO_PARAMETER_SOURCE } from '../../../src/demo/demo-parameters';
import { SHIPPED_PARAMETER_VALUES } from '../../../src/parameters/shipped';
import { MONTHLY_LEVEL_PREFIX } from '../../../src/requests/parameter-rules';

describe('demo commission', () => {
  it('fills the round under evaluation with eligible requests, a commission with a recusal to show and a ready grid', async () => {
    const store = await freshStore();
    const { counts: result } = await loadDemoBase(store.db, '2026-11-23');
    expect(result.requests).toBe(DEMO_REQUEST_COUNT);
    const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
    const data = (await loadRoundEvaluation(store, round.id))!;
    expect(data.requests).toHaveLength(DEMO_REQUEST_COUNT);
    expect(new Set(data.requests.map((r) => r.organizationId)).size).toBe(DEMO_REQUEST_COUNT);
    // Every demo request is eligible and gets a real amount from the demonstrative levels (600 lei, 650 lei from 1 July),
    // at most the 7.500 lei per beneficiary a year it asks for (less where the licence covers fewer months).
    expect(data.requests.every((r) => r.isEligible)).toBe(true);
    expect(data.requests.every((r) => !r.subsidyProblem)).toBe(true);
    expect(data.requests.every((r) => r.computedSubsidy !== null && r.computedSubsidy > 0 && r.computedSubsidy % 100 === 0)).toBe(true);
    expect(data.requests.reduce((sum, r) => sum + (r.computedSubsidy ?? 0), 0)).toBeLessThanOrEqual([15, 20, 25, 30, 35, 40].reduce((sum, b) => sum + b * 750_000, 0));
    expect(result.parameterValues).toBe(7);
    expect(data.members.map((m) => m.role).sort()).toEqual(['membru', 'membru', 'membru', 'presedinte', 'secretar']);
    expect(data.members.filter((m) => m.ngoLinks.length > 0)).toHaveLength(1);
    expect(isGridReady(data.grid!)).toBe(true);
    expect(data.grid!.name).toMatch(/fictivă/);
    expect(data.results?.ranking.rows).toHaveLength(DEMO_REQUEST_COUNT);
  });

  it('stores its local levels as user values marked fictitious; the shipped legal data stays "de completat"', async () => {
    const store = await freshStore();
    await loadDemoBase(store.db, '2026-11-23');
    const values = await store.parameters.userValues();
    expect(values.length).toBe(7);
    expect(values.every((v) => v.source.act === DEMO_PARAMETER_SOURCE && v.origin === 'utilizator' && !v.isVerified)).toBe(true);
    expect(SHIPPED_PARAMETER_VALUES.filter((v) => v.key.startsWith(MONTHLY_LEVEL_PREFIX)).every((v) => v.value === null)).toBe(true);
    const params = await store.parameters.store();
    expect(params.amountAt(`${MONTHLY_LEVEL_PREFIX}centre_de_zi`, '2026-06-30')).toEqual({ ok: true, value: 60_000 });
    expect(params.amountAt(`${MONTHLY_LEVEL_PREFIX}centre_de_zi`, '2026-07-01')).toEqual({ ok: true, value: 65_000 });
  });

  it('never puts a demonstrative value over one a user entered', async () => {
    const store = await freshStore();
    await store.parameters.save({ key: `${MONTHLY_LEVEL_PREFIX}centre_de_zi`, validFrom: '01.01.2026', value: '700', source: { act: 'HCL 1/2025' } });
    const result = await loadDemoData(store.db, '2026-11-23');
    expect(result.parameterValues).toBe(5);
    // Last year's round cannot be computed without a level for 2025: its finished year is not made, the rest is loaded.
    expect(result.finalYear.conventions).toBe(0);
    expect(result.finalYear.skipped).toMatch(/nu se poate calcula/);
    const params = await store.parameters.store();
    expect(params.amountAt(`${MONTHLY_LEVEL_PREFIX}centre_de_zi`, '2026-08-01')).toEqual({ ok: true, value: 70_000 });
  });
});
