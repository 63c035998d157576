import { describe, expect, it } from 'vitest';
import { resultsTable, resultsTableRows, scoringMembers } from '../../../src/commission/results-table';
import { roundResultsFixture } from '../documents/round-results-fixture';

// The results screen's ranking table is derived once per load with maps (issue 10). It must show
// what the screen showed when it searched the recusals, scores and requests once per cell.
describe('results table rows', () => {
  it('gives each request its place, NGO, each member’s total or recusal, the flags, status and amounts', () => {
    const ctx = roundResultsFixture({ hasAdmittedAppeal: true });
    const scorers = scoringMembers(ctx.members, ctx.results.aggregation ? [...ctx.results.aggregation.byRequest.values()].flatMap((s) => s.members) : []);
    expect(scorers.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    const rows = resultsTableRows(ctx.results, ctx.requests, scorers);
    expect(rows.map((r) => r.requestId)).toEqual(ctx.results.ranking.rows.map((r) => r.requestId));

    const r1 = rows.find((r) => r.requestId === 'r1')!;
    expect(r1.organizationName).toBe('Asociația Șansa Țării');
    // Bogdan Rus founded the NGO of request 1: recused, no total.
    expect(r1.cells.map((c) => [c.memberId, c.isRecused, c.total])).toEqual([['m1', false, 85], ['m2', true, null], ['m3', false, 85]]);
    // Request 3: criterion A 20 / 30 / 15 is over the margin; the lowest and highest are flagged.
    const r3 = rows.find((r) => r.requestId === 'r3')!;
    expect(r3.cells.map((c) => c.isFlagged)).toEqual([false, true, true]);
    // Request 2's admitted appeal revised its score: the act is named beside the mean.
    const r2 = rows.find((r) => r.requestId === 'r2')!;
    expect(r2.revisedByAct).toBe('PV nr. 2/08.12.2026');
    expect(r2.meanTotal).toBe(76);
    expect(r1.revisedByAct).toBeNull();
    // Request 5 is ineligible: not scored, its reasons are the status' explanation.
    const r5 = rows.find((r) => r.requestId === 'r5')!;
    expect(r5.status).toBe('neeligibila');
    expect(r5.cells.every((c) => c.total === null && !c.isRecused)).toBe(true);
    expect(r5.reasons).toContain('Certificatul de atestare fiscală');
  });

  it('matches the per-cell derivation the screen used for every cell of the round', () => {
    for (const options of [{}, { hasManualRecusal: true }, { hasSubstitute: true }, { hasAdmittedAppeal: true, allowPartialLast: true }]) {
      const ctx = roundResultsFixture(options);
      const { results } = ctx;
      const sheets = [...(results.aggregation?.byRequest.values() ?? [])].flatMap((s) => s.members);
      const scorers = ctx.members.filter((m) => m.role !== 'secretar' && (!m.isSubstitute || sheets.some((s) => s.memberId === m.id)));
      expect(scoringMembers(ctx.members, sheets)).toEqual(scorers);
      const rows = resultsTableRows(results, ctx.requests, scorers);
      results.ranking.rows.forEach((row, i) => {
        const scores = results.aggregation?.byRequest.get(row.requestId);
        const change = results.appealChanges.get(row.requestId);
        expect(rows[i]).toEqual({
          requestId: row.requestId,
          rank: row.rank,
          tieFlag: row.tieFlag,
          label: row.label,
          organizationName: ctx.requests.find((r) => r.id === row.requestId)?.organizationName,
          cells: scorers.map((m) => ({
            memberId: m.id,
            isRecused: results.recusals.some((r) => r.memberId === m.id && r.requestId === row.requestId),
            isFlagged: !!scores?.discrepancies.some((d) => d.memberIds.includes(m.id)),
            total: scores?.members.find((s) => s.memberId === m.id)?.total ?? null,
          })),
          meanTotal: row.meanTotal,
          revisedByAct: change?.revisedScore != null ? change.decisionAct : null,
          status: row.status,
          reasons: row.reasons.join(' '),
          computedSubsidy: row.computedSubsidy,
          allocated: row.allocated,
        });
      });
    }
  });

  it('leaves out the secretary and a substitute who did not score', () => {
    const ctx = roundResultsFixture({ hasSubstitute: true });
    expect(scoringMembers(ctx.members, []).map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(scoringMembers(ctx.members, [{ memberId: 's3' }]).map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 's3']);
  });

  it('the whole table: the scorers, the rows, each request’s label and each difference beyond the margin with its request’s label', () => {
    const ctx = roundResultsFixture({ hasSubstitute: true });
    const sheets = [...(ctx.results.aggregation?.byRequest.values() ?? [])].flatMap((s) => s.members);
    const table = resultsTable(ctx.results, ctx.requests, ctx.members, sheets);
    expect(table.scorers).toEqual(scoringMembers(ctx.members, sheets));
    expect(table.rows).toEqual(resultsTableRows(ctx.results, ctx.requests, table.scorers));
    expect([...table.labels]).toEqual(ctx.requests.map((r) => [r.id, r.label]));
    const expected = [...(ctx.results.aggregation?.byRequest.values() ?? [])].flatMap((s) => s.discrepancies.map((d) => ({ label: ctx.requests.find((r) => r.id === s.requestId)?.label, d })));
    expect(expected.length).toBeGreaterThan(0);
    expect(table.discrepancies).toEqual(expected);
    expect(table.discrepancies.every((x) => typeof x.label === 'string')).toBe(true);
  });
});
