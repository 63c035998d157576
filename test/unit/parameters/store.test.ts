import { describe, expect, it } from 'vitest';
import { createParameterStore } from '../../../src/parameters/store';
import { COUNT, DEFINITIONS, entry, EXPENSES, LEVEL, SHARE } from './fixtures';

const shipped = [
  entry({ key: LEVEL.key, validFrom: '2024-01-01', value: 50_000, source: { act: 'HCL de test 1/2024' } }),
  entry({ key: LEVEL.key, validFrom: '2025-01-01', validTo: '2025-12-31', value: 55_000, source: { act: 'HCL de test 2/2025' } }),
  entry({ key: SHARE.key, validFrom: '2024-01-01', value: null, source: { act: 'HCL de test 1/2024' } }),
  entry({ key: COUNT.key, validFrom: '2024-01-01', value: 2 }),
  entry({ key: EXPENSES.key, validFrom: '2024-01-01', value: ['personal', 'hrana'], listLabels: { personal: 'Personal', hrana: 'Hrană' } }),
];

const store = (userValues = [] as ReturnType<typeof entry>[]) => createParameterStore(DEFINITIONS, shipped, userValues);

describe('the value in force on a date', () => {
  it('is refused the day before the first period starts', () => {
    expect(store().amountAt(LEVEL.key, '2023-12-31')).toEqual({
      ok: false,
      message: 'Nu există o valoare „Nivel mediu lunar — centre de zi” în vigoare la 31.12.2023.',
    });
  });

  it('is the first period on its first day', () => {
    expect(store().amountAt(LEVEL.key, '2024-01-01')).toEqual({ ok: true, value: 50_000 });
  });

  it('is the first period on its last day: the day before the next entry starts', () => {
    expect(store().amountAt(LEVEL.key, '2024-12-31')).toEqual({ ok: true, value: 50_000 });
    expect(store().amountAt(LEVEL.key, '2025-01-01')).toEqual({ ok: true, value: 55_000 });
  });

  it('ends on an explicit validTo, leaving no value afterwards', () => {
    expect(store().amountAt(LEVEL.key, '2025-12-31')).toEqual({ ok: true, value: 55_000 });
    const after = store().amountAt(LEVEL.key, '2026-01-01');
    expect(after.ok).toBe(false);
    expect(!after.ok && after.message).toBe('Nu există o valoare „Nivel mediu lunar — centre de zi” în vigoare la 01.01.2026.');
  });

  it('refuses a value "de completat" with a message saying where to fill it in', () => {
    expect(store().percentageAt(SHARE.key, '2024-06-15')).toEqual({
      ok: false,
      message:
        'Valoarea „Pondere maximă din costuri” în vigoare la 15.06.2024 este „de completat”: completați-o în Parametri legali (sursa: HCL de test 1/2024) înainte de calcul.',
    });
  });

  it('refuses an unknown key and an impossible date', () => {
    expect(store().valueAt('test.necunoscut', '2024-01-01')).toEqual({ ok: false, message: 'Parametrul „test.necunoscut” nu există în lista parametrilor legali.' });
    expect(store().valueAt(LEVEL.key, '2024-02-30').ok).toBe(false);
  });

  it('refuses to read a parameter as another kind', () => {
    expect(store().amountAt(COUNT.key, '2024-01-01')).toEqual({
      ok: false,
      message: 'Parametrul „Număr minim de vizite de monitorizare” este un număr întreg, nu o sumă.',
    });
    expect(store().listAt(LEVEL.key, '2024-01-01').ok).toBe(false);
  });

  it('reads integers, lists and list labels', () => {
    expect(store().integerAt(COUNT.key, '2030-01-01')).toEqual({ ok: true, value: 2 });
    expect(store().listAt(EXPENSES.key, '2024-03-01')).toEqual({ ok: true, value: ['personal', 'hrana'] });
    expect(store().listItemsAt(EXPENSES.key, '2024-03-01')).toEqual({
      ok: true,
      value: [{ code: 'personal', label: 'Personal' }, { code: 'hrana', label: 'Hrană' }],
    });
  });
});

describe('user values over shipped ones', () => {
  it('a user value with the same key and start date replaces the shipped one', () => {
    const s = store([entry({ key: SHARE.key, validFrom: '2024-01-01', value: 9_000, origin: 'utilizator', source: { act: 'HCL Cluj-Napoca 788/2022' } })]);
    expect(s.percentageAt(SHARE.key, '2024-06-15')).toEqual({ ok: true, value: 9_000 });
    expect(s.history(SHARE.key)).toHaveLength(1);
    expect(s.history(SHARE.key)[0]?.origin).toBe('utilizator');
  });

  it("a new year's value added by a user closes the previous open period the day before", () => {
    const s = store([entry({ key: COUNT.key, validFrom: '2027-01-01', value: 3, origin: 'utilizator' })]);
    expect(s.integerAt(COUNT.key, '2026-12-31')).toEqual({ ok: true, value: 2 });
    expect(s.integerAt(COUNT.key, '2027-01-01')).toEqual({ ok: true, value: 3 });
    expect(s.periods(COUNT.key).map((p) => [p.from, p.to])).toEqual([
      ['2024-01-01', '2026-12-31'],
      ['2027-01-01', undefined],
    ]);
  });

  it('a later user value also shortens a shipped period whose validTo reaches past it', () => {
    const s = store([entry({ key: LEVEL.key, validFrom: '2025-07-01', value: 60_000, origin: 'utilizator' })]);
    expect(s.amountAt(LEVEL.key, '2025-06-30')).toEqual({ ok: true, value: 55_000 });
    expect(s.amountAt(LEVEL.key, '2025-07-01')).toEqual({ ok: true, value: 60_000 });
  });

  it('a user value filling in a "de completat" period makes the value usable from its own date', () => {
    const s = store([entry({ key: SHARE.key, validFrom: '2025-01-01', value: 8_500, origin: 'utilizator' })]);
    expect(s.percentageAt(SHARE.key, '2024-12-31').ok).toBe(false);
    expect(s.percentageAt(SHARE.key, '2025-01-01')).toEqual({ ok: true, value: 8_500 });
  });
});

describe('browsing', () => {
  it('history lists the entries oldest first, whatever the order they were given in', () => {
    const s = createParameterStore(DEFINITIONS, [...shipped].reverse(), [entry({ key: LEVEL.key, validFrom: '2020-01-01', value: 1, origin: 'utilizator' })]);
    expect(s.history(LEVEL.key).map((e) => e.validFrom)).toEqual(['2020-01-01', '2024-01-01', '2025-01-01']);
  });

  it('byAct groups the values by the act they come from', () => {
    const groups = store().byAct();
    expect(groups.map((g) => g.act)).toEqual(['HCL de test 1/2024', 'HCL de test 2/2025']);
    expect(groups[0]?.items.map((i) => i.definition.key)).toEqual([LEVEL.key, SHARE.key, COUNT.key, EXPENSES.key]);
    expect(store().byAct('2025-03-01').find((g) => g.act === 'HCL de test 2/2025')?.items.map((i) => i.entry.value)).toEqual([55_000]);
  });

  it('valuesInForce gives one entry per parameter in force, including "de completat" ones', () => {
    const inForce = store().valuesInForce('2024-06-01');
    expect(inForce.map((e) => [e.key, e.value])).toEqual([
      [LEVEL.key, 50_000],
      [SHARE.key, null],
      [COUNT.key, 2],
      [EXPENSES.key, ['personal', 'hrana']],
    ]);
    expect(store().valuesInForce('2023-01-01')).toEqual([]);
  });
});
