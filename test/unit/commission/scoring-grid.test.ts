import { describe, expect, it } from 'vitest';
import {
  SHIPPED_SCORING_GRIDS,
  gridFingerprint,
  gridReadiness,
  isGridReady,
  parseGridData,
  ShippedGridError,
  validateScoringGrid,
  type GridLike,
} from '../../../src/commission/scoring-grid';
import { testGrid } from './fixtures';

describe('evaluation grids defined by users', () => {
  it('accepts a complete grid whose sub-criteria add up to their criterion', () => {
    const { errors } = validateScoringGrid(testGrid());
    expect(errors).toEqual({});
    expect(isGridReady(testGrid())).toBe(true);
  });

  it('refuses a code used twice, even between a criterion and a sub-criterion', () => {
    const grid = testGrid();
    grid.criteria[1]!.subcriteria![1]!.code = 'A';
    const { errors } = validateScoringGrid(grid);
    expect(errors['criteria.1']).toMatch(/codul „A” se repetă/);
    expect(errors.criteria).toBeDefined();
  });

  it('refuses zero or negative maximum points and more than two decimals', () => {
    const grid = testGrid();
    grid.criteria[0]!.maxPoints = 0;
    grid.criteria[2]!.maxPoints = 12.345;
    const { errors } = validateScoringGrid(grid);
    expect(errors['criteria.0']).toMatch(/număr pozitiv/);
    expect(errors['criteria.2']).toMatch(/două zecimale/);
  });

  it('refuses sub-criteria that do not add up to the criterion maximum', () => {
    const grid = testGrid();
    grid.criteria[1]!.subcriteria![1]!.maxPoints = 9.5;
    expect(validateScoringGrid(grid).errors['criteria.1']).toBe('Criteriul „B”: subcriteriile însumează 19,50 puncte, dar criteriul are maximum 20,00.');
  });

  it('refuses a minimum total above the grid maximum and a criterion minimum above its maximum', () => {
    expect(validateScoringGrid(testGrid({ minTotal: 100.01 })).errors.minTotal).toMatch(/depășește punctajul maxim al grilei \(100,00\)/);
    expect(validateScoringGrid(testGrid({ minTotal: 100 })).errors.minTotal).toBeUndefined();
    const grid = testGrid();
    grid.criteria[2]!.minPoints = 51;
    expect(validateScoringGrid(grid).errors['criteria.2']).toMatch(/punctajul minim \(51,00\) depășește/);
  });
});

describe('grid readiness: values "de completat" refuse scoring', () => {
  it('lists every missing maximum, minimum and the pass mark', () => {
    const grid = testGrid({ minTotal: null });
    grid.criteria[0]!.maxPoints = null;
    grid.criteria[1]!.subcriteria![0]!.maxPoints = null;
    grid.criteria[2]!.minPoints = null;
    const items = gridReadiness(grid);
    expect(items.map((i) => i.path)).toEqual(['criteria.0.maxPoints', 'criteria.1.subcriteria.0.maxPoints', 'criteria.2.minPoints', 'minTotal']);
    expect(items.every((i) => i.text.includes('de completat'))).toBe(true);
    expect(validateScoringGrid(grid).errors).toEqual({});
    expect(isGridReady(grid)).toBe(false);
  });

  it('ships the Law 34/1998 grid for Cluj-Napoca with its sources and without invented criteria or points', () => {
    const [grid] = SHIPPED_SCORING_GRIDS;
    expect(grid!.law).toBe('legea_34_1998');
    expect(grid!.criteria).toEqual([]);
    expect(grid!.minTotal).toBeNull();
    expect(grid!.source).toMatch(/HG 1153\/2001.*7\^2.*HG 942\/2005/);
    expect(grid!.references.map((r) => r.act).join(' ')).toContain('HCL Cluj-Napoca 632/2016');
    expect(gridReadiness(grid!).map((i) => i.path)).toEqual(['criteria', 'minTotal']);
    expect(isGridReady(grid!)).toBe(false);
  });

  it('refuses grid data of the wrong shape', () => {
    expect(() =>
      parseGridData({ id: 'x', name: 'X', law: 'legea_34_1998', source: 's', notes: '', minTotal: 'zece', references: [], criteria: [] }, 'x.json'),
    ).toThrow(ShippedGridError);
    expect(() => parseGridData({ ...testGrid(), criteria: [{ code: 'A', title: 'A', guidance: '', maxPoints: -1 }] }, 'x.json')).toThrow(/număr pozitiv/);
  });
});

describe('grid fingerprint', () => {
  it('stays the same when criteria are reordered or reworded', () => {
    const grid = testGrid();
    const reordered: GridLike = { ...grid, criteria: [...grid.criteria].reverse().map((c) => ({ ...c, title: c.title.toUpperCase() })) };
    expect(gridFingerprint(reordered)).toBe(gridFingerprint(grid));
    expect(gridFingerprint(grid)).toMatch(/^fnv1a32:[0-9a-f]{8}$/);
  });

  it('changes when a code or a maximum changes', () => {
    const grid = testGrid();
    const otherMax = testGrid();
    otherMax.criteria[1]!.subcriteria![0]!.maxPoints = 12;
    const otherCode = testGrid();
    otherCode.criteria[0]!.code = 'A1';
    expect(gridFingerprint(otherMax)).not.toBe(gridFingerprint(grid));
    expect(gridFingerprint(otherCode)).not.toBe(gridFingerprint(grid));
  });
});
