import { describe, expect, it } from 'vitest';
import { generateDemoRounds } from '../../../src/demo/demo-rounds';
import { validateFundingRound } from '../../../src/rounds/funding-round';

describe('demo funding rounds', () => {
  const rounds = generateDemoRounds('2026-11-23');

  it('cover last, this and next year, requests filed by the end of September of the year before', () => {
    expect(rounds.map((r) => [r.year, r.status, r.submissionEnd])).toEqual([
      [2025, 'finalizata', '2024-09-30'],
      [2026, 'in_evaluare', '2025-09-30'],
      [2027, 'deschisa', '2026-09-30'],
    ]);
  });

  it('pass validation unchanged and say they are fictitious', () => {
    for (const round of rounds) {
      const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...draft } = round;
      const { value, errors } = validateFundingRound(draft);
      expect(errors).toEqual({});
      expect(value).toEqual(draft);
      expect(round.notes).toMatch(/fictive/);
    }
  });
});
