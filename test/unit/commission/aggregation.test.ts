import { describe, expect, it } from 'vitest';
import { aggregateScores, meanHalfUp } from '../../../src/commission/aggregation';
import { gridFingerprint } from '../../../src/commission/scoring-grid';
import type { ScoreSheet } from '../../../src/commission/scores';
import { sheet, testGrid } from './fixtures';

const grid = testGrid();

// Worked example, request r1, three members (grid: A /30, B = B1 /10 + B2 /10, C /50, pass mark 60):
//   m1: A 25,   B1 8, B2 7   (B 15),   C 40 → total 80
//   m2: A 20,   B1 9, B2 9,5 (B 18,5), C 36 → total 74,5
//   m3: A 27,5, B1 6, B2 5   (B 11),   C 41 → total 79,5
// Means (two decimals, half up):
//   A = (25 + 20 + 27,5) / 3 = 72,5 / 3 = 24,1666… → 24,17
//   B = (15 + 18,5 + 11) / 3 = 44,5 / 3 = 14,8333… → 14,83
//   C = (40 + 36 + 41) / 3   = 117 / 3  = 39
//   total = (80 + 74,5 + 79,5) / 3 = 234 / 3 = 78
// Spreads: A 27,5 − 20 = 7,5; B 18,5 − 11 = 7,5; C 41 − 36 = 5. With a margin of 5 points,
// A and B are flagged, C is not (a difference equal to the margin is accepted).
const r1: ScoreSheet[] = [
  sheet('s1', 'm1', 'r1', { A: 25, B1: 8, B2: 7, C: 40 }),
  sheet('s2', 'm2', 'r1', { A: 20, B1: 9, B2: 9.5, C: 36 }),
  sheet('s3', 'm3', 'r1', { A: 27.5, B1: 6, B2: 5, C: 41 }),
];

function aggregate(sheets: readonly ScoreSheet[], options: Parameters<typeof aggregateScores>[2] = { discrepancyMargin: 5 }) {
  const result = aggregateScores(grid, sheets, options);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('aggregation of the members’ scores', () => {
  it('reproduces the worked example: member totals, criterion means and the mean total', () => {
    const scores = aggregate(r1).byRequest.get('r1')!;
    expect(scores.memberCount).toBe(3);
    expect(scores.members.map((m) => [m.memberId, m.total])).toEqual([
      ['m1', 80],
      ['m2', 74.5],
      ['m3', 79.5],
    ]);
    expect(scores.members[1]!.criteria).toEqual({ A: 20, B: 18.5, C: 36 });
    expect(scores.criterionMeans).toEqual({ A: 24.17, B: 14.83, C: 39 });
    expect(scores.meanTotal).toBe(78);
    expect(scores.meetsCriterionMinimums).toBe(true);
    expect(scores.meetsMinTotal).toBe(true);
  });

  it('flags criteria where two members differ by more than the margin, naming them', () => {
    const scores = aggregate(r1).byRequest.get('r1')!;
    expect(scores.discrepancies).toEqual([
      { criterionCode: 'A', min: 20, max: 27.5, memberIds: ['m2', 'm3'] },
      { criterionCode: 'B', min: 11, max: 18.5, memberIds: ['m2', 'm3'] },
    ]);
    expect(aggregate(r1, { discrepancyMargin: null }).byRequest.get('r1')!.discrepancies).toEqual([]);
  });

  it('rounds the mean half up in whole hundredths: (70,21 + 70,00) / 2 = 70,105 → 70,11', () => {
    // In floating point (70.21 + 70) / 2 = 70.10499…, which Math.round(x * 100) / 100 takes down to 70,10.
    expect(Math.round(((70.21 + 70) / 2) * 100) / 100).toBe(70.1);
    const scores = aggregate([sheet('a', 'm1', 'r2', { A: 20.21, B1: 5, B2: 5, C: 40 }), sheet('b', 'm2', 'r2', { A: 20, B1: 5, B2: 5, C: 40 })]).byRequest.get(
      'r2',
    )!;
    expect(scores.meanTotal).toBe(70.11);
    expect(scores.criterionMeans.A).toBe(20.11);
    expect(meanHalfUp(1, 3)).toBe(0);
    expect(meanHalfUp(5, 2)).toBe(3);
  });

  it('reports a request below a criterion minimum and below the pass mark', () => {
    // A 20 + B 20 + C 15 = 55 < 60, and C 15 < its minimum 20.
    const scores = aggregate([sheet('x', 'm1', 'r3', { A: 20, B1: 10, B2: 10, C: 15 })]).byRequest.get('r3')!;
    expect(scores.meetsCriterionMinimums).toBe(false);
    expect(scores.meetsMinTotal).toBe(false);
    expect(scores.thresholdFailures).toEqual([
      'Criteriul „C” are media 15,00, sub minimul de 20,00 puncte.',
      'Punctajul mediu 55,00 este sub pragul minim de 60,00 puncte.',
    ]);
  });

  it('counts only submitted sheets on this grid, from members not recused, the latest per member', () => {
    const sheets = [
      ...r1,
      sheet('draft', 'm4', 'r1', { A: 0, B1: 0, B2: 0, C: 0 }, { state: 'ciorna' }),
      sheet('recused', 'm5', 'r1', { A: 0, B1: 0, B2: 0, C: 0 }),
      sheet('old-grid', 'm6', 'r1', { A: 0, B1: 0, B2: 0, C: 0 }, { gridFingerprint: 'fnv1a32:00000000' }),
      sheet('older', 'm1', 'r1', { A: 0, B1: 0, B2: 0, C: 0 }, { updatedAt: '2026-09-30T08:00:00.000Z' }),
    ];
    const result = aggregate(sheets, { discrepancyMargin: 5, recusals: [{ memberId: 'm5', requestId: 'r1' }] });
    expect(result.byRequest.get('r1')!.meanTotal).toBe(78);
    expect(result.excluded.map((e) => [e.sheetId, e.reason])).toEqual([
      ['draft', 'Fișa nu este trimisă (ciornă).'],
      ['recused', 'Membrul este recuzat pentru această cerere.'],
      ['old-grid', 'Fișa a fost completată pe altă grilă sau pe o versiune anterioară a grilei.'],
      ['older', 'Membrul are o fișă trimisă mai recentă pentru aceeași cerere.'],
    ]);
  });

  it('refuses to aggregate on a grid with values "de completat"', () => {
    const result = aggregateScores(testGrid({ minTotal: null }), r1, { discrepancyMargin: 5 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Punctajul total minim pentru finanțare — de completat/);
  });

  it('handles 300 requests × 7 members × 10 criteria well under 100 ms', () => {
    const criteria = Array.from({ length: 10 }, (_, i) => ({ code: `K${i + 1}`, title: `Criteriul ${i + 1}`, guidance: '', maxPoints: 10 }));
    const big = testGrid({ criteria, minTotal: 50 });
    const fingerprint = gridFingerprint(big);
    const sheets: ScoreSheet[] = [];
    for (let r = 0; r < 300; r++) {
      for (let m = 0; m < 7; m++) {
        const points = Object.fromEntries(criteria.map((c, i) => [c.code, (r + m + i) % 11]));
        sheets.push(sheet(`s-${r}-${m}`, `m${m}`, `r${r}`, points, { gridId: big.id, gridFingerprint: fingerprint }));
      }
    }
    const started = performance.now();
    const result = aggregateScores(big, sheets, { discrepancyMargin: 3 });
    const elapsed = performance.now() - started;
    expect(result.ok && result.value.byRequest.size).toBe(300);
    expect(result.ok && result.value.byRequest.get('r0')!.memberCount).toBe(7);
    expect(elapsed).toBeLessThan(100);
  });
});
