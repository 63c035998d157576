import { describe, expect, it } from 'vitest';
import { leiToBani, type Bani } from '../../../src/money';
import { rankAndAllocate, TIE_FLAG, TIE_RESOLVED_FLAG, type RankingEntry, type RankingInput } from '../../../src/commission/ranking';

let sequence = 0;
function entry(requestId: string, meanTotal: number | null, subsidyLei: number | null, overrides: Partial<RankingEntry> = {}): RankingEntry {
  sequence++;
  return {
    requestId,
    label: `${requestId}/2026`,
    registeredOn: `2026-09-${String(10 + sequence).padStart(2, '0')}`,
    sequence,
    isEligible: true,
    eligibilityReasons: [],
    meanTotal,
    meetsThresholds: true,
    computedSubsidy: subsidyLei === null ? null : leiToBani(subsidyLei),
    ...overrides,
  };
}

function run(entries: RankingEntry[], budgetLei: number, options: Partial<RankingInput> = {}) {
  return rankAndAllocate({ entries, budget: leiToBani(budgetLei), allowPartialLast: false, tieRule: 'semnalare_comisie', ...options });
}

const summary = (result: ReturnType<typeof run>) => result.rows.map((r) => [r.requestId, r.status, r.allocated / 100]);

describe('allocation of the budget in rank order', () => {
  it('funds exactly up to the budget, leaving 0 and counting both as fully funded', () => {
    // 60.000 + 40.000 = 100.000 lei = the budget.
    const result = run([entry('B', 80, 40_000), entry('A', 90, 60_000), entry('C', 70, 10_000)], 100_000);
    expect(summary(result)).toEqual([
      ['A', 'finantata', 60_000],
      ['B', 'finantata', 40_000],
      ['C', 'nefinantata_buget', 0],
    ]);
    expect(result.totals).toEqual({
      budget: leiToBani(100_000),
      allocated: leiToBani(100_000),
      remaining: 0 as Bani,
      fundedCount: 2,
      fullyFundedCount: 2,
      partiallyFundedCount: 0,
    });
    expect(result.rows[2]!.reasons).toContain('Nefinanțată: bugetul rundei s-a epuizat.');
    expect(result.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  // 100.000 lei: A 50.000 + B 30.000 = 80.000; C asks 30.000 with 20.000 left; D asks 10.000.
  const midList = () => [entry('A', 90, 50_000), entry('B', 85, 30_000), entry('C', 80, 30_000), entry('D', 75, 10_000)];

  it('stops at the first request that does not fit (default), even if a later one would', () => {
    const result = run(midList(), 100_000);
    expect(summary(result)).toEqual([
      ['A', 'finantata', 50_000],
      ['B', 'finantata', 30_000],
      ['C', 'nefinantata_buget', 0],
      ['D', 'nefinantata_buget', 0],
    ]);
    expect(result.rows[2]!.reasons).toContain('Nefinanțată: subvenția calculată (30.000,00 lei) depășește bugetul rămas (20.000,00 lei).');
    expect(result.rows[3]!.reasons).toContain('Nefinanțată: lista s-a oprit la cererea C/2026, care nu a mai încăput în buget.');
    expect(result.totals.remaining).toBe(leiToBani(20_000));
  });

  it('with skipToNextThatFits, funds the later request that fits', () => {
    const result = run(midList(), 100_000, { skipToNextThatFits: true });
    expect(summary(result)).toEqual([
      ['A', 'finantata', 50_000],
      ['B', 'finantata', 30_000],
      ['C', 'nefinantata_buget', 0],
      ['D', 'finantata', 10_000],
    ]);
    expect(result.totals.remaining).toBe(leiToBani(10_000));
  });

  it('with allowPartialLast, gives the rest of the budget to the first that does not fit, then nothing', () => {
    const result = run(midList(), 100_000, { allowPartialLast: true });
    expect(summary(result)).toEqual([
      ['A', 'finantata', 50_000],
      ['B', 'finantata', 30_000],
      ['C', 'finantata_partial', 20_000],
      ['D', 'nefinantata_buget', 0],
    ]);
    expect(result.rows[2]!.reasons).toContain('Finanțată parțial: 20.000,00 lei din 30.000,00 lei calculați (restul bugetului).');
    expect(result.totals).toMatchObject({ remaining: 0, fundedCount: 3, fullyFundedCount: 2, partiallyFundedCount: 1 });
  });

  it('lists ineligible, unscored and below-threshold requests after the candidates, unranked and unfunded, with their reasons', () => {
    const result = run(
      [
        entry('X', null, 20_000, { isEligible: false, eligibilityReasons: ['Dosarul este incomplet: lipsește certificatul fiscal.'] }),
        entry('Y', 55, 20_000, { meetsThresholds: false, thresholdReasons: ['Punctajul mediu 55,00 este sub pragul minim de 60,00 puncte.'] }),
        entry('Z', null, 20_000),
        entry('A', 90, 20_000),
      ],
      1_000_000,
    );
    expect(summary(result)).toEqual([
      ['A', 'finantata', 20_000],
      ['Y', 'sub_prag', 0],
      ['Z', 'necalculata', 0],
      ['X', 'neeligibila', 0],
    ]);
    expect(result.rows.map((r) => r.rank)).toEqual([1, null, null, null]);
    expect(result.rows[1]!.reasons).toContain('Punctajul mediu 55,00 este sub pragul minim de 60,00 puncte.');
    expect(result.rows[3]!.reasons).toEqual(['Dosarul este incomplet: lipsește certificatul fiscal.']);
    expect(result.pendingIssues).toEqual(['cererea Z/2026 nu are punctaj']);
  });

  it('stops allocating at a request whose subsidy is not computed', () => {
    const result = run(
      [entry('A', 90, null, { subsidyProblem: 'nivelul mediu lunar pentru centre de zi este „de completat”.' }), entry('B', 80, 10_000)],
      100_000,
    );
    expect(summary(result)).toEqual([
      ['A', 'necalculata', 0],
      ['B', 'necalculata', 0],
    ]);
    expect(result.rows[1]!.reasons).toContain('Alocarea s-a oprit la cererea A/2026, a cărei subvenție nu este calculată.');
    expect(result.pendingIssues).toEqual(['subvenția cererii A/2026 nu este calculată']);
  });
});

describe('ties', () => {
  // Budget 80.000 lei: A (90) takes 50.000; B and C tie at 85 and each asks 30.000: only one fits.
  const tied = () => [entry('A', 90, 50_000), entry('C', 85, 30_000), entry('B', 85, 30_000)];

  it('flags equal scores for the commission, shares the rank and keeps the results from becoming final', () => {
    const result = run(tied(), 80_000);
    expect(summary(result)).toEqual([
      ['A', 'finantata', 50_000],
      ['C', 'finantata', 30_000],
      ['B', 'nefinantata_buget', 0],
    ]);
    expect(result.rows.map((r) => [r.rank, r.tieGroup, r.tieFlag])).toEqual([
      [1, null, null],
      [2, 1, TIE_FLAG],
      [2, 1, TIE_FLAG],
    ]);
    expect(result.rows[1]!.reasons[1]).toMatch(/Egalitate de punctaj cu B\/2026 — decide comisia; ordinea afișată este provizorie/);
    expect(result.unresolvedTies).toEqual([['C', 'B']]);
    expect(result.pendingIssues).toEqual(['egalitate nedecisă între cererile C/2026, B/2026 (punctaj 85,00)']);
  });

  it('follows the order the commission recorded', () => {
    const result = run(tied(), 80_000, { tieOrder: ['B', 'C'] });
    expect(summary(result)).toEqual([
      ['A', 'finantata', 50_000],
      ['B', 'finantata', 30_000],
      ['C', 'nefinantata_buget', 0],
    ]);
    expect(result.rows[1]!.tieFlag).toBe(TIE_RESOLVED_FLAG);
    expect(result.unresolvedTies).toEqual([]);
    expect(result.pendingIssues).toEqual([]);
  });

  it('ignores a recorded order that leaves out one of the tied requests', () => {
    expect(run(tied(), 80_000, { tieOrder: ['B'] }).unresolvedTies).toEqual([['C', 'B']]);
  });

  it('still flags a tie that does not change the money, without blocking the results', () => {
    const result = run(tied(), 200_000);
    expect(result.rows.filter((r) => r.tieFlag === TIE_FLAG)).toHaveLength(2);
    expect(result.pendingIssues).toEqual([]);
  });
});
