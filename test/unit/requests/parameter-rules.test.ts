import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import { createShippedParameterStore } from '../../../src/parameters/shipped';
import { createSubsidyRules, serviceCategories } from '../../../src/requests/parameter-rules';
import { computeUnitSubsidy } from '../../../src/requests/subsidy-computation';
import type { Month } from '../../../src/requests/subsidy-request';
import type { ParameterValue } from '../../../src/parameters/types';

const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const line = { unitId: 'u1', serviceCode: '8891 CZ-C-IV', serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: ALL_YEAR, budgetByCategory: { personal: bani(20_000_000) }, ownContribution: bani(1_000_000), otherFunding: bani(0) };

const userLevel: ParameterValue = {
  key: 'hcl788.nivel_mediu_lunar.centre_de_zi', validFrom: '2027-01-01', value: 65_000, source: { act: 'HCL 1/2027', article: 'anexa 1' },
  note: '', isVerified: true, origin: 'utilizator',
};

describe('subsidy rules read from the legal parameters', () => {
  it('lists the service categories that have a local level', () => {
    expect(serviceCategories(createShippedParameterStore()).map((c) => c.category)).toContain('centre_de_zi');
    expect(serviceCategories(createShippedParameterStore()).find((c) => c.category === 'centre_de_zi')?.label).toBe('centre de zi');
  });

  it('refuses to compute while the HCL 788/2022 level is "de completat"', () => {
    const result = computeUnitSubsidy(line, ALL_YEAR, 2027, createSubsidyRules(createShippedParameterStore()));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/de completat/);
  });

  it('computes with the level a user added for 2027, citing its act: 650 lei × 25 × 12 = 195.000 lei', () => {
    const result = computeUnitSubsidy(line, ALL_YEAR, 2027, createSubsidyRules(createShippedParameterStore([userLevel])));
    expect(result.ok && result.value.amount).toBe(19_500_000);
    expect(result.ok && result.value.steps[0]?.source).toBe('HCL 1/2027, anexa 1');
  });

  it('an unknown category is refused with a clear message', () => {
    const result = computeUnitSubsidy({ ...line, serviceCategory: 'nu_exista' }, ALL_YEAR, 2027, createSubsidyRules(createShippedParameterStore([userLevel])));
    expect(!result.ok && result.message).toBe('Categoria de serviciu „nu_exista” nu are un nivel mediu lunar definit în Parametri legali.');
  });
});
