import type { ParameterDefinition, ParameterValue } from '../../../src/parameters/types';

// Small definitions and values made for the store tests. The figures are test values, not legal
// ones, except where a test names its source.
export const LEVEL: ParameterDefinition = {
  key: 'test.nivel_mediu_lunar.centre_de_zi',
  label: 'Nivel mediu lunar — centre de zi',
  kind: 'amount_per_beneficiary_month',
  unit: 'lei/beneficiar/lună',
  description: 'Nivel de test.',
  group: 'Test — niveluri',
  serviceForms: ['zi'],
};

export const SHARE: ParameterDefinition = {
  key: 'test.pondere_maxima',
  label: 'Pondere maximă din costuri',
  kind: 'percentage',
  unit: '%',
  description: 'Procent de test.',
  group: 'Test — procente',
};

export const COUNT: ParameterDefinition = {
  key: 'test.numar_vizite',
  label: 'Număr minim de vizite de monitorizare',
  kind: 'integer',
  unit: 'vizite/an',
  description: 'Număr de test.',
  group: 'Test — numere',
};

export const EXPENSES: ParameterDefinition = {
  key: 'test.cheltuieli_eligibile',
  label: 'Categorii de cheltuieli eligibile',
  kind: 'list',
  unit: 'categorii de cheltuieli',
  description: 'Listă de test.',
  group: 'Test — liste',
};

export const DEFINITIONS = [LEVEL, SHARE, COUNT, EXPENSES];

export function entry(overrides: Partial<ParameterValue> & Pick<ParameterValue, 'key' | 'validFrom'>): ParameterValue {
  return {
    value: null,
    source: { act: 'HCL de test 1/2024' },
    note: 'valoare de test',
    isVerified: false,
    origin: 'livrat',
    ...overrides,
  };
}
