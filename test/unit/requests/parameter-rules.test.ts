import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import { createShippedParameterStore } from '../../../src/parameters/shipped';
import { blocksComputationWhenUnset, createSubsidyRules, serviceCategories } from '../../../src/requests/parameter-rules';
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

  it('HG 426/2020 art. 1–2: the shipped cost standard (66.852 lei/year for 8790 CR-D-I from 2020) does not cap a Law 34/1998 subsidy', () => {
    const residential = { ...line, serviceCode: '8790 CR-D-I', serviceCategory: 'centre_rezidentiale', beneficiariesPerMonth: 10, budgetByCategory: { personal: bani(200_000_000) } };
    const level: ParameterValue = { ...userLevel, key: 'hcl788.nivel_mediu_lunar.centre_rezidentiale', validFrom: '2022-01-01', value: 1_000_000 };
    // 10.000 lei × 10 × 12 = 1.200.000 lei; the cost standard would have capped it at 668.520 lei (and "de completat" from 2022 blocked it).
    const result = computeUnitSubsidy(residential, ALL_YEAR, 2022, createSubsidyRules(createShippedParameterStore([level])));
    expect(result).toMatchObject({ ok: true, value: { amount: 120_000_000 } });
    const later = computeUnitSubsidy(residential, ALL_YEAR, 2027, createSubsidyRules(createShippedParameterStore([level])));
    expect(later.ok).toBe(true);
  });

  it('says which unset values stop a computation: the local levels do; the HG 426/2020 standards and the optional limits do not', () => {
    const store = createShippedParameterStore();
    expect(blocksComputationWhenUnset(store.definition('hcl788.nivel_mediu_lunar.centre_de_zi')!)).toBe(true);
    expect(blocksComputationWhenUnset(store.definition('hg426.standard_cost.cia_adulti_cu_dizabilitati')!)).toBe(false);
    expect(blocksComputationWhenUnset(store.definition('l34.cost_mediu_intretinere.centre_de_zi')!)).toBe(false);
  });

  it('Law 34/1998 art. 2 alin. (1): the upkeep cost of similar public units ships "nesetat", never blocks, and caps once a user sets it', () => {
    const rules = createSubsidyRules(createShippedParameterStore([userLevel]));
    expect(rules.upkeepCostCeiling('centre_de_zi', '2027-01-01')).toEqual({ ok: true, value: null });
    const ceiling: ParameterValue = { ...userLevel, key: 'l34.cost_mediu_intretinere.centre_de_zi', value: 50_000, source: { act: 'Adresa DASM nr. 10/2027' } };
    const capped = computeUnitSubsidy(line, ALL_YEAR, 2027, createSubsidyRules(createShippedParameterStore([userLevel, ceiling])));
    // 500 lei × 25 × 12 = 150.000 lei, below the level's 195.000 lei.
    expect(capped.ok && capped.value.amount).toBe(15_000_000);
    expect(capped.ok && capped.value.steps.find((s) => s.label.startsWith('Costul mediu lunar'))?.source).toBe('Adresa DASM nr. 10/2027');
  });

  it('month by month from the store: a user level from 1 July 2027 applies to July–December only', () => {
    const july: ParameterValue = { ...userLevel, validFrom: '2027-07-01', value: 70_000, source: { act: 'HCL 200/2027' } };
    const result = computeUnitSubsidy(line, ALL_YEAR, 2027, createSubsidyRules(createShippedParameterStore([userLevel, july])));
    // 650 × 25 × 6 + 700 × 25 × 6 = 97.500 + 105.000 = 202.500 lei, below the 200.000 lei requested? No: requested 200.000 lei binds.
    expect(result.ok && result.value.steps[0]?.result).toBe(20_250_000);
    expect(result.ok && result.value.steps[0]?.detail).toContain('iulie–decembrie: 700,00 lei');
    expect(result.ok && result.value.amount).toBe(20_000_000);
  });
});
