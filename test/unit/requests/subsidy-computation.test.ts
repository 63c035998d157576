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
    upkeepCostCeiling: () => valid(null),
    ...overrides,
  };
}

const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
function line(overrides: Partial<RequestUnitLine & { serviceCode: string }> = {}): RequestUnitLine & { serviceCode: string } {
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
    expect(result.ok && result.value.steps[0]?.detail).toBe('600,00 lei × 25 de beneficiari × 12 luni (ianuarie–decembrie)');
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

  it('HG 426/2020 art. 1–2: a cost standard is no ceiling on a Law 34/1998 subsidy — the store\'s 42.410 lei/year for the service does not cap 600.000 lei', () => {
    // Before the fix the cost standard capped this line at 42.410 × 10 × 12/12 = 424.100 lei.
    const result = computeUnitSubsidy(
      line({ serviceCode: '8790 CR-D-I', beneficiariesPerMonth: 10, budgetByCategory: { personal: bani(70_000_000) }, ownContribution: bani(5_000_000) }),
      ALL_YEAR, 2027,
      rules({ monthlyLevel: () => valid({ amount: bani(500_000), source: 'test' }), maxShareOfCosts: () => valid({ basisPoints: 10_000, source: 'test' }) }),
    );
    expect(amountOf(result)).toBe(60_000_000);
    expect(result.ok && result.value.steps.map((s) => s.label)).not.toContain('Standardul de cost');
  });

  it('Law 34/1998 art. 2 alin. (1): the average monthly upkeep cost in similar public units caps when a value is set', () => {
    // level 1.000 lei × 10 × 12 = 120.000 lei; upkeep cost 800 lei × 10 × 12 = 96.000 lei.
    const result = computeUnitSubsidy(
      line({ beneficiariesPerMonth: 10, budgetByCategory: { personal: bani(20_000_000) } }),
      ALL_YEAR, 2027,
      rules({
        monthlyLevel: () => valid({ amount: bani(100_000), source: 'test' }),
        maxShareOfCosts: () => valid(null),
        upkeepCostCeiling: () => valid({ amount: bani(80_000), source: 'Adresa DASM nr. 1/2027' }),
      }),
    );
    expect(amountOf(result)).toBe(9_600_000);
    const step = result.ok ? result.value.steps.find((s) => s.label === 'Costul mediu lunar de întreținere în unitățile publice similare') : undefined;
    expect(step?.result).toBe(9_600_000);
    expect(step?.source).toBe('Adresa DASM nr. 1/2027');
  });

  it('month by month: a level raised from 1 July (council decision in force) applies from July; each period is explained', () => {
    // 650 lei × 25 × 6 = 97.500 lei + 700 lei × 25 × 6 = 105.000 lei = 202.500 lei (before: 650 × 25 × 12 = 195.000 lei).
    const level = (_category: string, date: string) =>
      date >= '2027-07-01' ? valid({ amount: bani(70_000), source: 'HCL 100/2027' }) : valid({ amount: bani(65_000), source: 'HCL 788/2022' });
    const result = computeUnitSubsidy(line({ budgetByCategory: { personal: bani(30_000_000) } }), ALL_YEAR, 2027, rules({ monthlyLevel: level, maxShareOfCosts: () => valid(null) }));
    const step = result.ok ? result.value.steps[0] : undefined;
    expect(step?.result).toBe(20_250_000);
    expect(step?.detail).toBe('ianuarie–iunie: 650,00 lei × 25 de beneficiari × 6 luni = 97.500,00 lei; iulie–decembrie: 700,00 lei × 25 de beneficiari × 6 luni = 105.000,00 lei');
    expect(step?.source).toBe('HCL 788/2022; HCL 100/2027');
    expect(amountOf(result)).toBe(20_250_000);
    // The expense list did not change: its step is not split into periods.
    expect(result.ok && result.value.steps[1]?.detail).toBe('300.000,00 lei pentru 12 luni cerute');
  });

  it('month by month: the eligible expense list in force each month applies to that month\'s share of the request', () => {
    // food becomes eligible from 1 July: personal 150.000 lei for 12 months + food 40.000 lei × 6/12 = 170.000 lei.
    const eligible = (date: string) => valid({ codes: date >= '2027-07-01' ? ['personal', 'hrana'] : ['personal'], source: date >= '2027-07-01' ? 'HCL 100/2027' : 'HCL 788/2022' });
    const result = computeUnitSubsidy(line(), ALL_YEAR, 2027, rules({ eligibleExpenseCategories: eligible, monthlyLevel: () => valid({ amount: bani(100_000), source: 'test' }), maxShareOfCosts: () => valid(null) }));
    expect(result.ok && result.value.steps.find((s) => s.label === 'Suma cerută pentru cheltuieli eligibile')?.result).toBe(17_000_000);
  });

  it('caps the beneficiaries of a residential unit at its licensed capacity, saying so', () => {
    // 25 asked, 20 places licensed: 1.000 lei × 20 × 12 = 240.000 lei (not 300.000 lei).
    const result = computeUnitSubsidy(
      { ...line({ budgetByCategory: { personal: bani(40_000_000) } }), serviceCode: '8790 CR-D-I', licensedCapacity: 20 },
      ALL_YEAR, 2027,
      rules({ monthlyLevel: () => valid({ amount: bani(100_000), source: 'test' }), maxShareOfCosts: () => valid(null) }),
    );
    expect(amountOf(result)).toBe(24_000_000);
    const step = result.ok ? result.value.steps[0] : undefined;
    expect(step?.detail).toContain('25 de beneficiari pe lună ceruți, plafonați la capacitatea licențiată a unității rezidențiale, 20 de locuri');
    expect(step?.source).toContain('Legea 197/2012, art. 8');
  });

  it('the rounding step cites the app\'s own rule, not Law 34/1998 art. 2', () => {
    const result = computeUnitSubsidy(line(), ALL_YEAR, 2027, rules());
    const last = result.ok ? result.value.steps.at(-1) : undefined;
    expect(last?.source).toBe('Regula aplicației: rotunjire în jos la leu întreg');
    expect(last?.source).not.toContain('Legea 34/1998');
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
