import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import { computeUnitSubsidy } from '../../../src/requests/subsidy-computation';
import type { Month } from '../../../src/requests/subsidy-request';
import { valid } from '../../../src/validation/result';

describe('a round without a share-of-costs limit', () => {
  it('skips that step and takes the smallest of the others', () => {
    const result = computeUnitSubsidy(
      { unitId: 'u1', serviceCode: '8891 CZ-C-IV', serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 10, months: [1, 2] as Month[], budgetByCategory: { personal: bani(2_000_000) }, ownContribution: bani(0), otherFunding: bani(0) },
      [1, 2] as Month[],
      2027,
      {
        monthlyLevel: () => valid({ amount: bani(60_000), source: 'test' }),
        eligibleExpenseCategories: () => valid({ codes: ['personal'], source: 'test' }),
        maxShareOfCosts: () => valid(null),
        upkeepCostCeiling: () => valid(null),
      },
    );
    // 600 lei × 10 × 2 = 12.000 lei, below the 20.000 lei requested.
    expect(result.ok && result.value.steps.map((s) => s.label)).toEqual(['Subvenția după nivelul mediu lunar', 'Suma cerută pentru cheltuieli eligibile', 'Subvenția calculată']);
    expect(result.ok && result.value.amount).toBe(1_200_000);
  });
});
