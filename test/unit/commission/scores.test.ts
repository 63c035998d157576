import { describe, expect, it } from 'vitest';
import { gridFingerprint } from '../../../src/commission/scoring-grid';
import { emptyScoreSheet, reopenScoreSheet, scoreCellProblem, sheetTotal, submitScoreSheet, validateScoreSheet, type ScoreSheetInput } from '../../../src/commission/scores';
import { testGrid } from './fixtures';

const grid = testGrid();
const ids = { sessionId: 'sesiune-1', roundId: 'runda-2027', memberId: 'm1', requestId: 'r1' };
const input = (points: Record<string, unknown>, overrides: Partial<ScoreSheetInput> = {}): ScoreSheetInput => ({
  ...emptyScoreSheet(ids, grid),
  points,
  ...overrides,
});

describe('score sheet validation', () => {
  it('accepts points within each maximum, typed with a decimal comma', () => {
    const { value, errors } = validateScoreSheet(input({ A: '27,5', B1: 8, B2: '10', C: 41.25 }, { state: 'trimisa' }), grid);
    expect(errors).toEqual({});
    expect(value.points).toEqual({ A: 27.5, B1: 8, B2: 10, C: 41.25 });
    expect(sheetTotal(value, grid)).toBe(86.75);
  });

  it('refuses points above the maximum or below zero', () => {
    const { errors } = validateScoreSheet(input({ A: 30.01, B1: -1, B2: 10, C: 50 }), grid);
    expect(errors['points.A']).toBe('Criteriul „A”: punctajul trebuie să fie între 0 și 30,00.');
    expect(errors['points.B1']).toBe('Criteriul „B1”: punctajul trebuie să fie între 0 și 10,00.');
    expect(errors['points.C']).toBeUndefined();
  });

  it('refuses text that is not a number and more than two decimals', () => {
    const { errors } = validateScoreSheet(input({ A: 'zece', B1: '7,555', B2: 7.125, C: Number.NaN }), grid);
    expect(errors['points.A']).toBe('Criteriul „A”: valoarea „zece” nu este un număr.');
    expect(errors['points.B1']).toMatch(/mai mult de două zecimale/);
    expect(errors['points.B2']).toMatch(/mai mult de două zecimale/);
    expect(errors['points.C']).toMatch(/nu este un număr/);
  });

  it('refuses a code the grid does not have', () => {
    expect(validateScoreSheet(input({ B: 15 }), grid).errors['points.B']).toMatch(/nu există în grilă/);
  });

  it('lets a draft miss criteria but not a submitted sheet', () => {
    expect(validateScoreSheet(input({ A: 20 }), grid).errors).toEqual({});
    const { errors } = validateScoreSheet(input({ A: 20, B1: '' }, { state: 'trimisa' }), grid);
    expect(errors['points.B1']).toMatch(/lipsește/);
    expect(errors.points).toBe('Fișa nu poate fi trimisă: lipsesc punctajele pentru „B1”, „B2”, „C”.');
  });

  it('refuses scoring on a grid with values "de completat"', () => {
    const incomplete = testGrid({ minTotal: null });
    const sheet = { ...emptyScoreSheet(ids, incomplete), points: { A: 10 } };
    expect(validateScoreSheet(sheet, incomplete).errors.gridId).toMatch(
      /Punctarea nu este permisă până la completarea grilei: Punctajul total minim pentru finanțare — de completat/,
    );
  });

  it('detects a grid that changed after the sheet was started', () => {
    const changed = testGrid();
    changed.criteria[0]!.maxPoints = 25;
    changed.criteria[2]!.maxPoints = 55;
    expect(gridFingerprint(changed)).not.toBe(gridFingerprint(grid));
    expect(validateScoreSheet(input({ A: 20 }), changed).errors.gridFingerprint).toMatch(/Grila s-a schimbat/);
  });

  it('submits a complete sheet and reopens it only with a reason', () => {
    const submitted = submitScoreSheet(input({ A: 20, B1: 5, B2: 5, C: 30 }), grid, '2026-10-20T11:00:00.000Z');
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    expect(submitted.value).toMatchObject({ state: 'trimisa', submittedAt: '2026-10-20T11:00:00.000Z' });
    expect(submitScoreSheet(input({ A: 20 }), grid, '2026-10-20T11:00:00.000Z').ok).toBe(false);
    const noReason = reopenScoreSheet(submitted.value, { reason: ' ', by: 'Gabriela Pascu', at: '2026-10-21T09:00:00.000Z' });
    expect(noReason.ok).toBe(false);
    const reopened = reopenScoreSheet(submitted.value, {
      reason: 'Eroare de transcriere la criteriul C',
      by: 'Gabriela Pascu',
      at: '2026-10-21T09:00:00.000Z',
    });
    expect(reopened.ok && reopened.value.state).toBe('ciorna');
    expect(reopened.ok && reopened.value.reopenings).toHaveLength(1);
  });
});

describe('a score cell as it is typed', () => {
  const item = { maxPoints: 30 };

  it('refuses a value over the item maximum of the grid, a negative one, and what is not a number', () => {
    expect(scoreCellProblem(item, '31')).toBe('punctajul trebuie să fie între 0 și 30,00');
    expect(scoreCellProblem(item, '30,01')).toBe('punctajul trebuie să fie între 0 și 30,00');
    expect(scoreCellProblem(item, '-1')).toBe('punctajul trebuie să fie între 0 și 30,00');
    expect(scoreCellProblem(item, '3a')).toBe('valoarea „3a” nu este un număr');
    expect(scoreCellProblem(item, '7,125')).toBe('valoarea are mai mult de două zecimale');
  });

  it('accepts the maximum, zero, decimals with a comma, and an empty cell (a draft may be incomplete)', () => {
    for (const typed of ['30', '0', '7,5', '29.99', '', '  ']) expect(scoreCellProblem(item, typed)).toBeUndefined();
  });

  it('gives the sheet the same message, prefixed with the criterion', () => {
    const [first] = grid.criteria;
    const code = first!.subcriteria?.[0]?.code ?? first!.code;
    const max = first!.subcriteria?.[0]?.maxPoints ?? first!.maxPoints!;
    const typed = String(max + 1);
    const { errors } = validateScoreSheet(input({ [code]: typed }), grid);
    expect(errors[`points.${code}`]).toBe(`Criteriul „${code}”: ${scoreCellProblem({ maxPoints: max }, typed)}.`);
  });
});
