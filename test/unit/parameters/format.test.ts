import { describe, expect, it } from 'vitest';
import { formatParameterValue } from '../../../src/parameters/format';

describe('parameter values shown to people', () => {
  it('writes amounts in lei with their unit, percentages, lists by label and missing values', () => {
    expect(formatParameterValue({ kind: 'amount_per_beneficiary_month', unit: 'lei/beneficiar/lună' }, { value: 60_000 })).toBe('600,00 lei/beneficiar/lună');
    expect(formatParameterValue({ kind: 'percentage', unit: '%' }, { value: 9_000 })).toBe('90,00 %');
    expect(formatParameterValue({ kind: 'list', unit: '' }, { value: ['personal', 'hrana'], listLabels: { personal: 'Cheltuieli de personal', hrana: 'Hrană' } })).toBe('Cheltuieli de personal; Hrană');
    expect(formatParameterValue({ kind: 'amount_per_beneficiary_year', unit: 'lei/beneficiar/an' }, { value: null })).toBe('de completat');
  });
});
