import { describe, expect, it } from 'vitest';
import { formatLei } from '../../../src/money';
import {
  checkParameterFiles,
  createShippedParameterStore,
  parseParameterFiles,
  SHIPPED_PARAMETER_DEFINITIONS,
  SHIPPED_PARAMETER_FILES,
  SHIPPED_PARAMETER_VALUES,
  ShippedParametersError,
} from '../../../src/parameters/shipped';
import { entry } from './fixtures';

const store = createShippedParameterStore();
const lei = (key: string, date: string) => {
  const amount = store.amountAt(key, date);
  return amount.ok ? formatLei(amount.value) : amount.message;
};

const RESIDENTIAL_2009 = 'hg1153.nivel_mediu_lunar.centru_rezidential';
const WITH_ACCOMMODATION = 'hg1153.nivel_mediu_lunar.cu_cazare';
const WITHOUT_ACCOMMODATION = 'hg1153.nivel_mediu_lunar.fara_cazare_si_adaposturi_de_noapte';

describe('the shipped data files', () => {
  it('pass the schema check', () => {
    expect(checkParameterFiles(SHIPPED_PARAMETER_FILES).problems).toEqual([]);
    expect(SHIPPED_PARAMETER_DEFINITIONS.length).toBeGreaterThan(0);
    expect(SHIPPED_PARAMETER_VALUES.every((v) => v.origin === 'livrat')).toBe(true);
  });

  it('mark every null value unverified and every verified value with a source act', () => {
    for (const value of SHIPPED_PARAMETER_VALUES) {
      expect(value.source.act, value.key).not.toBe('');
      if (value.value === null) expect(value.isVerified, value.key).toBe(false);
    }
  });

  it('ship every HCL 788/2022 level as "de completat", never as a figure', () => {
    const levels = SHIPPED_PARAMETER_VALUES.filter((v) => v.key.startsWith('hcl788.nivel_mediu_lunar.'));
    expect(levels.map((v) => v.key.split('.').at(-1)).sort()).toEqual([
      'adaposturi_de_noapte',
      'cantine_sociale',
      'centre_de_zi',
      'centre_rezidentiale',
      'ingrijire_la_domiciliu',
      'unitati_prevenire_consiliere_adictii',
    ]);
    expect(levels.every((v) => v.value === null && !v.isVerified)).toBe(true);
  });
});

describe('national levels (HG 1153/2001 art. 2)', () => {
  it('HG 1217/2008: 250 lei for a residential centre from 01.01.2009, none the day before', () => {
    expect(lei(RESIDENTIAL_2009, '2009-01-01')).toBe('250,00 lei');
    expect(lei(RESIDENTIAL_2009, '2008-12-31')).toBe('Nu există o valoare „Nivel mediu lunar național — centru rezidențial” în vigoare la 31.12.2008.');
  });

  it('HG 1217/2008: 175 lei day centre, 120 lei home care, 90 lei social canteen', () => {
    expect(lei('hg1153.nivel_mediu_lunar.centru_de_zi', '2015-06-01')).toBe('175,00 lei');
    expect(lei('hg1153.nivel_mediu_lunar.ingrijire_la_domiciliu', '2015-06-01')).toBe('120,00 lei');
    expect(lei('hg1153.nivel_mediu_lunar.cantina_sociala', '2015-06-01')).toBe('90,00 lei');
  });

  it('HG 1217/2008 levels end on 03.05.2022, the day before HG 578/2022 was published', () => {
    expect(lei(RESIDENTIAL_2009, '2022-05-03')).toBe('250,00 lei');
    expect(store.amountAt(RESIDENTIAL_2009, '2022-05-04').ok).toBe(false);
  });

  it('HG 578/2022: 1.000 lei pentru servicii cu cazare (cu excepția adăposturilor de noapte), from 04.05.2022', () => {
    expect(store.amountAt(WITH_ACCOMMODATION, '2022-05-03').ok).toBe(false);
    expect(lei(WITH_ACCOMMODATION, '2022-05-04')).toBe('1.000,00 lei');
    expect(lei(WITH_ACCOMMODATION, '2026-01-01')).toBe('1.000,00 lei');
  });

  it('HG 578/2022: 600 lei pentru servicii fără cazare și adăposturi de noapte', () => {
    expect(lei(WITHOUT_ACCOMMODATION, '2026-01-01')).toBe('600,00 lei');
  });

  it('the old and the new structure follow each other without a gap or an overlap', () => {
    const oldEnd = store.periods(RESIDENTIAL_2009).at(-1)?.to;
    const newStart = store.periods(WITH_ACCOMMODATION)[0]?.from;
    expect([oldEnd, newStart]).toEqual(['2022-05-03', '2022-05-04']);
  });
});

describe('HCL 788/2022 (Cluj-Napoca)', () => {
  it('refuses to compute with a level "de completat", naming the act', () => {
    expect(lei('hcl788.nivel_mediu_lunar.centre_de_zi', '2026-03-01')).toBe(
      'Valoarea „Nivel mediu lunar Cluj-Napoca — centre de zi” în vigoare la 01.03.2026 este „de completat”: completați-o în Parametri legali (sursa: HCL Cluj-Napoca nr. 788/2022) înainte de calcul.',
    );
  });

  it('uses the level once a user enters it from the decision', () => {
    const filled = createShippedParameterStore([
      entry({ key: 'hcl788.nivel_mediu_lunar.centre_de_zi', validFrom: '2023-01-01', value: 45_000, origin: 'utilizator', isVerified: true, source: { act: 'HCL Cluj-Napoca nr. 788/2022' } }),
    ]);
    expect(filled.amountAt('hcl788.nivel_mediu_lunar.centre_de_zi', '2026-03-01')).toEqual({ ok: true, value: 45_000 });
    expect(filled.amountAt('hcl788.nivel_mediu_lunar.centre_de_zi', '2022-12-31').ok).toBe(false);
  });

  it('ships the usual eligible expense list, editable and marked unverified', () => {
    const list = store.listItemsAt('hcl788.cheltuieli_eligibile', '2026-01-01');
    expect(list.ok && list.value.slice(0, 3)).toEqual([
      { code: 'personal', label: 'Cheltuieli de personal ale serviciului (salarii și contribuții)' },
      { code: 'hrana', label: 'Hrană' },
      { code: 'utilitati', label: 'Utilități: încălzire, iluminat, apă, canalizare, salubritate' },
    ]);
    const shipped = store.valueAt('hcl788.cheltuieli_eligibile', '2026-01-01');
    expect(shipped.ok && shipped.value.isVerified).toBe(false);
    expect(shipped.ok && shipped.value.note).toContain('NU textul HCL 788/2022');
  });
});

describe('cost standards (HG 426/2020, HG 1253/2022)', () => {
  it('HG 426/2020 (comunicat, presă): 66.852 lei/an for a CIA for adults with disabilities, unverified', () => {
    expect(lei('hg426.standard_cost.cia_adulti_cu_dizabilitati', '2021-01-01')).toBe('66.852,00 lei');
    const value = store.valueAt('hg426.standard_cost.cia_adulti_cu_dizabilitati', '2021-01-01');
    expect(value.ok && value.value.isVerified).toBe(false);
  });

  it('HG 426/2020 (presă): 50.554, 65.119 and 42.410 lei/an', () => {
    expect(lei('hg426.standard_cost.rezidential_varstnici_dependenti', '2021-01-01')).toBe('50.554,00 lei');
    expect(lei('hg426.standard_cost.casa_tip_familial_copii_cu_dizabilitati', '2021-01-01')).toBe('65.119,00 lei');
    expect(lei('hg426.standard_cost.casa_tip_familial_copii_fara_dizabilitati', '2021-01-01')).toBe('42.410,00 lei');
  });

  it('HG 1253/2022 replaced the annexes on 20.10.2022: the new values are "de completat"', () => {
    expect(lei('hg426.standard_cost.cia_adulti_cu_dizabilitati', '2022-10-19')).toBe('66.852,00 lei');
    expect(lei('hg426.standard_cost.cia_adulti_cu_dizabilitati', '2022-10-20')).toContain('este „de completat”');
    expect(lei('hg426.standard_cost.cia_adulti_cu_dizabilitati', '2022-10-20')).toContain('(sursa: HG 1253/2022)');
  });

  it('the other service types are present and "de completat"', () => {
    expect(lei('hg426.standard_cost.centru_de_zi_copii', '2021-01-01')).toContain('este „de completat”');
  });
});

describe('the schema check', () => {
  const goodFile = () => ({
    title: 'Test',
    description: 'Fișier de test.',
    definitions: [{ key: 'test.nivel', label: 'Nivel de test', kind: 'amount_per_beneficiary_month', unit: 'lei/beneficiar/lună', description: 'd', group: 'g' }],
    values: [{ key: 'test.nivel', validFrom: '2024-01-01', value: 10_000, source: { act: 'HCL 1/2024' }, note: 'n', isVerified: true }],
  });

  it('accepts a well-formed file', () => {
    expect(parseParameterFiles([{ name: 'test.json', data: goodFile() }]).values).toHaveLength(1);
  });

  it('throws a clear error listing each broken entry', () => {
    const data = goodFile();
    data.values.push(
      { key: 'test.nivel', validFrom: '2025-13-01', value: 10_000.5, source: { act: '' }, note: 'n', isVerified: true },
      { key: 'test.altul', validFrom: '2025-01-01', value: 1, source: { act: 'HCL 2/2025' }, note: 'n', isVerified: false },
    );
    let error: unknown;
    try {
      parseParameterFiles([{ name: 'test.json', data }]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ShippedParametersError);
    const problems = (error as ShippedParametersError).problems;
    expect(problems).toEqual([
      'test.json › values[1] (test.nivel): „validFrom” „2025-13-01” nu este o dată AAAA-LL-ZZ.',
      'test.json › values[1] (test.nivel): Suma trebuie să fie un număr întreg de bani (1 leu = 100 bani): „10000.5” nu este.',
      'test.json › values[1] (test.nivel): actul sursă („source.act”) lipsește.',
      'test.json › values[2] (test.altul): cheia nu are definiție în niciun fișier.',
    ]);
    expect((error as Error).message).toMatch(/^Parametrii legali livrați \(src\/parameters\/data\) conțin erori:\n- test\.json › values\[1\]/);
  });

  it('finds duplicate start dates, overlapping explicit periods, unknown fields and verified nulls', () => {
    const data: { values: Record<string, unknown>[] } = goodFile();
    data.values[0] = { ...data.values[0], validTo: '2024-12-31' };
    data.values.push(
      { key: 'test.nivel', validFrom: '2024-01-01', value: 1, source: { act: 'HCL 1/2024' }, note: 'n', isVerified: true },
      { key: 'test.nivel', validFrom: '2024-06-01', value: 1, source: { act: 'HCL 1/2024' }, note: 'n', isVerified: true },
      { key: 'test.nivel', validFrom: '2026-01-01', valdTo: '2026-12-31', value: null, source: { act: 'HCL 1/2024' }, note: 'n', isVerified: true },
    );
    const { problems } = checkParameterFiles([{ name: 'test.json', data }]);
    expect(problems).toEqual([
      'test.json › values[1] (test.nivel): altă valoare are aceeași dată de început (test.json › values[0]).',
      'test.json › values[2] (test.nivel): perioada de la 01.06.2024 se suprapune cu 01.01.2024–31.12.2024 (test.json › values[0]).',
      'test.json › values[3] (test.nivel): câmp necunoscut „valdTo”.',
      'test.json › values[3] (test.nivel): o valoare „de completat” (null) nu poate fi marcată verificată.',
    ]);
  });
});
