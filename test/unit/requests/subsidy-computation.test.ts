import { describe, expect, it } from 'vitest';
import { bani, type Bani } from '../../../src/money';
import { computeRequestSubsidy, computeUnitSubsidy, roundDownToLei, type SubsidyRules } from '../../../src/requests/subsidy-computation';
import type { Month, RequestUnitLine } from '../../../src/requests/subsidy-request';
import { invalid, valid } from '../../../src/validation/result';

// Test rules: the level is HG 578/2022's 600 lei (services without accommodation); the share of
// costs (90 %) is a value chosen for the examples, not a legal one.
function rules(overrides: Partial<SubsidyRules> = {}): SubsidyRules {
  return {
    monthlyLevel: () => valid({ amount: bani(60_000), source: 'HG 578/2022' }),
    eligibleExpenseCategories: () => valid({ codes: ['personal', 'hrana', 'utilitati'], source: 'HCL 788/2022, categorii de cheltuieli' }),
    maxShareOfCosts: () => valid({ basisPoints: 9_000, source: 'valoare de test' }),
    costStandard: () => valid(null),
    ...overrides,
  };
}

const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
function line(overrides: Partial<RequestUnitLine> = {}): RequestUnitLine & { serviceCode: string } {
  return {
    unitId: 'u1', serviceCode: '8891 CZ-C-IV', serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: ALL_YEAR,
    budgetByCategory: { personal: bani(15_000_000), hrana: bani(4_000_000), investitii: bani(1_000_000) },
    ownContribution: bani(2_000_000), otherFunding: bani(0),
    ...overrides,
  };
}

const amountOf = (result: ReturnType<typeof computeUnitSubsidy>): Bani => {
  if (!result.ok) throw new Error(result.message);
  return result.value.amount;
};

describe('subsidy of a unit (Law 34/1998 art. 2, HCL 788/2022)', () => {
  it('600 lei × 25 beneficiari × 12 luni = 180.000 lei, below the 190.000 lei requested and 90 % of 220.000 lei costs', () => {
    // level: 60.000 bani × 25 × 12 = 18.000.000 bani; requested eligible: 150.000 + 40.000 = 190.000 lei
    // (investments are not an eligible category); 90 % × (200.000 + 20.000) = 198.000 lei.
    const result = computeUnitSubsidy(line(), ALL_YEAR, 2027, rules());
    expect(result.ok && result.value.steps.map((s) => [s.label, s.result])).toEqual([
      ['Subvenția după nivelul mediu lunar', 18_000_000],
      ['Suma cerută pentru cheltuieli eligibile', 19_000_000],
      ['Partea din costuri care poate fi subvenționată', 19_800_000],
      ['Subvenția calculată', 18_000_000],
    ]);
    expect(result.ok && result.value.steps[0]?.detail).toBe('600,00 lei × 25 beneficiari × 12 luni (ianuarie–decembrie)');
    expect(result.ok && result.value.steps[1]?.detail).toContain('nu se iau în calcul: investitii');
  });

  it('licensed for 5 months only: 600 × 25 × 5 = 75.000 lei; the request and the share are prorated to 5/12', () => {
    // requested: 19.000.000 bani × 5 / 12 = 7.916.666 bani (down); share: 22.000.000 × 5 / 12 = 9.166.666,
    // × 90 % = 8.249.999 bani; the level, 7.500.000 bani, is the smallest.
    const result = computeUnitSubsidy(line(), [1, 2, 3, 4, 5], 2027, rules());
    expect(result.ok && result.value.steps.map((s) => s.result)).toEqual([7_500_000, 7_916_666, 8_249_999, 7_500_000]);
  });

  it('the amount requested binds and is rounded down to whole lei: 100.000,55 lei → 100.000 lei', () => {
    // level 1.000 lei (with accommodation) × 10 × 12 = 120.000 lei; requested 100.000,55 lei; share 100 %.
    const result = computeUnitSubsidy(
      line({ beneficiariesPerMonth: 10, budgetByCategory: { personal: bani(10_000_055) }, ownContribution: bani(100_000) }),
      ALL_YEAR, 2027,
      rules({ monthlyLevel: () => valid({ amount: bani(100_000), source: 'HG 578/2022' }), maxShareOfCosts: () => valid({ basisPoints: 10_000, source: 'test' }) }),
    );
    expect(amountOf(result)).toBe(10_000_000);
  });

  it('the HG 426/2020 cost standard binds: 42.410 lei × 10 beneficiari × 12/12 = 424.100 lei', () => {
    const result = computeUnitSubsidy(
      line({ beneficiariesPerMonth: 10, budgetByCategory: { personal: bani(50_000_000) }, ownContribution: bani(5_000_000) }),
      ALL_YEAR, 2027,
      rules({
        monthlyLevel: () => valid({ amount: bani(500_000), source: 'test' }),
        maxShareOfCosts: () => valid({ basisPoints: 10_000, source: 'test' }),
        costStandard: () => valid({ amountPerYear: bani(4_241_000), source: 'HG 426/2020' }),
      }),
    );
    expect(amountOf(result)).toBe(42_410_000);
    expect(result.ok && result.value.steps.find((s) => s.label === 'Standardul de cost')?.result).toBe(42_410_000);
  });

  it('refuses to compute while a legal value is still "de completat", passing its message on', () => {
    const message = 'Valoarea „nivel mediu lunar — centre de zi” în vigoare la 01.01.2027 este „de completat”.';
    expect(computeUnitSubsidy(line(), ALL_YEAR, 2027, rules({ monthlyLevel: () => invalid(message) }))).toEqual({ ok: false, message });
  });

  it('gives nothing for a unit without eligible months', () => {
    expect(amountOf(computeUnitSubsidy(line(), [], 2027, rules()))).toBe(0);
  });

  it('gives the same amounts without explanations (the fast path used for whole rounds)', () => {
    const explained = computeRequestSubsidy([line(), line({ unitId: 'u2' })], { u1: ALL_YEAR, u2: [1, 2, 3] }, 2027, rules());
    const bare = computeRequestSubsidy([line(), line({ unitId: 'u2' })], { u1: ALL_YEAR, u2: [1, 2, 3] }, 2027, rules(), { isExplained: false });
    expect(explained.ok && bare.ok && [explained.total, bare.total]).toEqual([22_500_000, 22_500_000]);
    expect(bare.ok && bare.units.every((u) => u.steps.length === 0)).toBe(true);
  });
});

describe('money rounding', () => {
  it('rounds down to whole lei and leaves whole lei alone', () => {
    expect(roundDownToLei(10_000_099)).toBe(10_000_000);
    expect(roundDownToLei(10_000_000)).toBe(10_000_000);
    expect(roundDownToLei(99)).toBe(0);
  });
});
