import { describe, expect, it } from 'vitest';
import { validateParameterValue, type ParameterValueInput } from '../../../src/parameters/store';
import { COUNT, DEFINITIONS, entry, EXPENSES, LEVEL, SHARE } from './fixtures';

const input = (overrides: Partial<ParameterValueInput> = {}): ParameterValueInput => ({
  key: LEVEL.key,
  validFrom: '01.01.2026',
  value: '650,00',
  source: { act: 'HCL Cluj-Napoca 999/2025', article: 'anexa 2' },
  note: 'Introdusă din hotărâre.',
  isVerified: true,
  ...overrides,
});

describe('validateParameterValue', () => {
  it('accepts a value typed as in documents and stores it in bani with a user origin', () => {
    const { value, errors } = validateParameterValue(input(), DEFINITIONS);
    expect(errors).toEqual({});
    expect(value).toMatchObject({ key: LEVEL.key, validFrom: '2026-01-01', value: 65_000, origin: 'utilizator', isVerified: true });
    expect(value.source).toEqual({ act: 'HCL Cluj-Napoca 999/2025', article: 'anexa 2' });
  });

  it('refuses an unknown key', () => {
    expect(validateParameterValue(input({ key: 'hcl788.inexistent' }), DEFINITIONS).errors.key).toBe(
      'Parametrul „hcl788.inexistent” nu există în lista parametrilor legali.',
    );
  });

  it('refuses a start date that is not a date, and an end date before the start', () => {
    expect(validateParameterValue(input({ validFrom: '31.02.2026' }), DEFINITIONS).errors.validFrom).toBe(
      'Data de început: „31.02.2026” nu este o dată din calendar.',
    );
    expect(validateParameterValue(input({ validFrom: '' }), DEFINITIONS).errors.validFrom).toBe('Data de început lipsește.');
    expect(validateParameterValue(input({ validTo: '31.12.2025' }), DEFINITIONS).errors.validTo).toBe(
      'Data de sfârșit (31.12.2025) este înaintea datei de început (01.01.2026).',
    );
  });

  it('refuses an amount that is not a whole number of bani, or negative', () => {
    expect(validateParameterValue(input({ value: 650.5 }), DEFINITIONS).errors.value).toBe(
      'Suma trebuie să fie un număr întreg de bani (1 leu = 100 bani): „650.5” nu este.',
    );
    expect(validateParameterValue(input({ value: -100 }), DEFINITIONS).errors.value).toBe('Suma nu poate fi negativă.');
    expect(validateParameterValue(input({ value: '-1,00' }), DEFINITIONS).errors.value).toBe('Suma nu poate fi negativă.');
    expect(validateParameterValue(input({ value: 'șase sute' }), DEFINITIONS).errors.value).toBe('„șase sute” nu este o sumă în lei (de exemplu 1.000,00).');
  });

  it('refuses a percentage outside 0..10000 basis points', () => {
    const bad = (value: unknown) => validateParameterValue(input({ key: SHARE.key, value }), DEFINITIONS).errors.value;
    expect(bad(10_001)).toBe('Procentul trebuie să fie între 0 și 100 % (0–10.000 puncte de bază).');
    expect(bad(-1)).toBe('Procentul trebuie să fie între 0 și 100 % (0–10.000 puncte de bază).');
    expect(bad(12.5)).toBe('Procentul se păstrează în puncte de bază întregi (1 % = 100 puncte de bază).');
    expect(bad(10_000)).toBeUndefined();
    expect(bad(0)).toBeUndefined();
  });

  it('refuses a negative or fractional integer, and checks list codes and labels', () => {
    expect(validateParameterValue(input({ key: COUNT.key, value: 1.5 }), DEFINITIONS).errors.value).toBe('Valoarea trebuie să fie un număr întreg.');
    const list = (value: unknown, listLabels?: Record<string, string>) =>
      validateParameterValue(input({ key: EXPENSES.key, value, ...(listLabels ? { listLabels } : {}) }), DEFINITIONS).errors.value;
    expect(list([])).toBe('Lista trebuie să aibă cel puțin un element.');
    expect(list(['hrana', 'hrana'])).toBe('Codul „hrana” apare de două ori în listă.');
    expect(list(['Hrană'])).toBe('Codul „Hrană” nu este valid (litere mici fără diacritice, cifre și „_”).');
    expect(list(['hrana', 'chirie'], { hrana: 'Hrană' })).toBe('Elementul „chirie” nu are denumire.');
    expect(list(['hrana'], { hrana: 'Hrană' })).toBeUndefined();
  });

  it('accepts an empty value as "de completat"', () => {
    const { value, errors } = validateParameterValue(input({ value: '' }), DEFINITIONS);
    expect(errors).toEqual({});
    expect(value.value).toBeNull();
  });

  it('refuses an empty source act', () => {
    expect(validateParameterValue(input({ source: { act: '  ' } }), DEFINITIONS).errors.source).toBe(
      'Indicați actul normativ sursă (de exemplu „HCL 788/2022”).',
    );
  });

  it('refuses a period that overlaps, explicitly, another user value of the same key', () => {
    const saved = [entry({ key: LEVEL.key, validFrom: '2026-01-01', validTo: '2026-12-31', value: 65_000, origin: 'utilizator' })];
    expect(validateParameterValue(input({ validFrom: '01.07.2026', value: 70_000 }), DEFINITIONS, saved).errors.validTo).toBe(
      'Perioada se suprapune cu valoarea introdusă pentru 01.01.2026–31.12.2026: o valoare încetează cel târziu în ziua dinaintea celei următoare (sau lăsați data de sfârșit necompletată).',
    );
    const earlier = input({ validFrom: '01.01.2025', validTo: '31.03.2026', value: 60_000 });
    expect(validateParameterValue(earlier, DEFINITIONS, saved).errors.validTo).toContain('se suprapune');
  });

  it('allows a period that follows another, an open one closed by a later value, and editing the same entry', () => {
    const saved = [entry({ key: LEVEL.key, validFrom: '2026-01-01', validTo: '2026-12-31', value: 65_000, origin: 'utilizator' })];
    expect(validateParameterValue(input({ validFrom: '01.01.2027', value: 70_000 }), DEFINITIONS, saved).errors).toEqual({});
    expect(validateParameterValue(input({ validFrom: '01.01.2025', value: 60_000 }), DEFINITIONS, saved).errors).toEqual({});
    expect(validateParameterValue(input({ validTo: '30.06.2026' }), DEFINITIONS, saved).errors).toEqual({});
    const otherKey = [entry({ key: COUNT.key, validFrom: '2026-01-01', validTo: '2026-12-31', value: 1 })];
    expect(validateParameterValue(input({ validFrom: '01.07.2026' }), DEFINITIONS, otherKey).errors).toEqual({});
  });
});
