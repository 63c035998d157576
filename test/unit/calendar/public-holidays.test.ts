import { describe, expect, it } from 'vitest';
import publicHolidaysFile from '../../../src/calendar/data/public-holidays.json';
import {
  checkHolidayFile,
  createHolidayTable,
  holidayName,
  holidaysInYear,
  isPublicHoliday,
  isWorkingDay,
  parseHolidayFile,
  SHIPPED_HOLIDAY_DEFINITIONS,
  SHIPPED_HOLIDAY_TABLE,
  ShippedHolidaysError,
  validateExtraNonWorkingDay,
  type ExtraNonWorkingDay,
} from '../../../src/calendar/public-holidays';

const table = SHIPPED_HOLIDAY_TABLE;

// HG 1307/2023 art. 1 alin. (1): days off for public-sector staff in 2024.
const HG_1307_2023: ExtraNonWorkingDay[] = [
  { date: '2024-05-02', name: 'Zi liberă pentru personalul bugetar', source: 'HG 1307/2023, art. 1 alin. (1)' },
  { date: '2024-08-16', name: 'Zi liberă pentru personalul bugetar', source: 'HG 1307/2023, art. 1 alin. (1)' },
];

describe('the shipped holiday table', () => {
  it('passes the schema check and lists the 17 holidays of art. 139 alin. (1)', () => {
    expect(checkHolidayFile(publicHolidaysFile).problems).toEqual([]);
    expect(SHIPPED_HOLIDAY_DEFINITIONS).toHaveLength(17);
  });

  it('gives every holiday a source act and a note, and flags the Rusalii start date as unverified', () => {
    for (const holiday of SHIPPED_HOLIDAY_DEFINITIONS) {
      expect(holiday.source.act, holiday.id).not.toBe('');
      expect(holiday.note, holiday.id).not.toBe('');
    }
    expect(SHIPPED_HOLIDAY_DEFINITIONS.filter((h) => !h.isVerified).map((h) => h.id)).toEqual(['rusalii', 'rusalii_a_doua_zi']);
  });

  it('dates each later holiday from the act that introduced it', () => {
    const start = Object.fromEntries(SHIPPED_HOLIDAY_DEFINITIONS.map((h) => [h.id, `${h.validFrom} ${h.source.act.split(' ')[0]} ${h.source.act.split(' ')[1]}`]));
    expect(start.boboteaza).toBe('2023-03-09 Legea 52/2023');
    expect(start.sfantul_ioan).toBe('2023-03-09 Legea 52/2023');
    expect(start.unirea_principatelor).toBe('2016-10-16 Legea 176/2016');
    expect(start.ziua_copilului).toBe('2016-11-21 Legea 220/2016');
    expect(start.vinerea_mare).toBe('2018-03-16 Legea 64/2018');
    expect(start.adormirea_maicii_domnului).toBe('2008-10-31 Legea 202/2008');
    expect(start.sfantul_andrei).toBe('2012-07-27 Legea 147/2012');
  });
});

describe('checking a holiday file', () => {
  const good = { id: 'test', name: 'Test', rule: { month: 1, day: 1 }, validFrom: '2020-01-01', source: { act: 'Legea X' }, note: 'n', isVerified: true };
  const file = (holidays: unknown[]) => ({ title: 't', description: 'd', holidays });

  it('names each wrong entry and field', () => {
    const { problems } = checkHolidayFile(
      file([
        { ...good, extra: 1 },
        { ...good, id: 'feb', rule: { month: 2, day: 29 } },
        { ...good, id: 'mov', rule: { relativeTo: 'paste_catolic', offsetDays: 1.5 } },
        { ...good, id: 'late', validTo: '2019-12-31' },
        { ...good, id: 'nonote', note: '' },
        good,
      ]),
    );
    expect(problems).toEqual([
      'public-holidays.json › holidays[0] (test): câmp necunoscut „extra”.',
      'public-holidays.json › holidays[1] (feb): „rule.day” 29 nu este o zi a lunii 2 în fiecare an.',
      'public-holidays.json › holidays[2] (mov): „rule.relativeTo” poate fi doar „paste_ortodox”.',
      'public-holidays.json › holidays[2] (mov): „rule.offsetDays” trebuie să fie un număr întreg de zile între -90 și 90.',
      'public-holidays.json › holidays[3] (late): „validTo” (2019-12-31) este înaintea lui „validFrom” (2020-01-01).',
      'public-holidays.json › holidays[4] (nonote): „note” lipsește (spuneți de unde vine data și ce rămâne de verificat).',
    ]);
  });

  it('refuses a duplicate id and throws with the whole list when parsing', () => {
    expect(checkHolidayFile(file([good, good])).problems).toEqual(['public-holidays.json › holidays[1] (test): „id” apare de două ori.']);
    expect(() => parseHolidayFile(file([good, good]))).toThrow(ShippedHolidaysError);
    expect(() => parseHolidayFile({ holidays: 'x' })).toThrow(/„title” lipsește/);
  });
});

describe('holidays of a year', () => {
  it('lists 2026 exactly: 16 days, 1 June once as Ziua Copilului and the second day of Rusalii', () => {
    expect(holidaysInYear(2026)).toEqual([
      { date: '2026-01-01', name: 'Anul Nou' },
      { date: '2026-01-02', name: 'Anul Nou — a doua zi' },
      { date: '2026-01-06', name: 'Boboteaza' },
      { date: '2026-01-07', name: 'Sfântul Ioan Botezătorul' },
      { date: '2026-01-24', name: 'Ziua Unirii Principatelor Române' },
      { date: '2026-04-10', name: 'Vinerea Mare' },
      { date: '2026-04-12', name: 'Paștele — prima zi' },
      { date: '2026-04-13', name: 'Paștele — a doua zi' },
      { date: '2026-05-01', name: 'Ziua Muncii' },
      { date: '2026-05-31', name: 'Rusaliile — prima zi' },
      { date: '2026-06-01', name: 'Ziua Copilului; Rusaliile — a doua zi' },
      { date: '2026-08-15', name: 'Adormirea Maicii Domnului' },
      { date: '2026-11-30', name: 'Sfântul Andrei' },
      { date: '2026-12-01', name: 'Ziua Națională a României' },
      { date: '2026-12-25', name: 'Crăciunul — prima zi' },
      { date: '2026-12-26', name: 'Crăciunul — a doua zi' },
    ]);
  });

  it('lists 2027 exactly: 17 days, Vinerea Mare on 30 April and 1 May the day before Easter', () => {
    expect(holidaysInYear(2027).map((h) => `${h.date} ${h.name}`)).toEqual([
      '2027-01-01 Anul Nou',
      '2027-01-02 Anul Nou — a doua zi',
      '2027-01-06 Boboteaza',
      '2027-01-07 Sfântul Ioan Botezătorul',
      '2027-01-24 Ziua Unirii Principatelor Române',
      '2027-04-30 Vinerea Mare',
      '2027-05-01 Ziua Muncii',
      '2027-05-02 Paștele — prima zi',
      '2027-05-03 Paștele — a doua zi',
      '2027-06-01 Ziua Copilului',
      '2027-06-20 Rusaliile — prima zi',
      '2027-06-21 Rusaliile — a doua zi',
      '2027-08-15 Adormirea Maicii Domnului',
      '2027-11-30 Sfântul Andrei',
      '2027-12-01 Ziua Națională a României',
      '2027-12-25 Crăciunul — prima zi',
      '2027-12-26 Crăciunul — a doua zi',
    ]);
  });

  it('keeps 1 June and the second day of Rusalii apart when they differ (2020: 1 and 8 June; 2025: 1 and 9 June)', () => {
    expect(holidayName('2020-06-01', table)).toBe('Ziua Copilului');
    expect(holidayName('2020-06-08', table)).toBe('Rusaliile — a doua zi');
    expect(holidayName('2025-06-01', table)).toBe('Ziua Copilului');
    expect(holidayName('2025-06-09', table)).toBe('Rusaliile — a doua zi');
  });

  it('merges extra non-working days, sorted by date', () => {
    const dates = holidaysInYear(2024, HG_1307_2023).map((h) => h.date);
    expect(dates).toContain('2024-05-02');
    expect(dates.indexOf('2024-05-02')).toBe(dates.indexOf('2024-05-01') + 1);
    expect(holidaysInYear(2024, HG_1307_2023)).toHaveLength(holidaysInYear(2024).length + 2);
    expect(holidaysInYear(2025, HG_1307_2023)).toEqual(holidaysInYear(2025));
  });

  it('joins the names when an extra day falls on a holiday', () => {
    const extra = [{ date: '2027-12-01', name: 'Zi declarată prin HG', source: 'HG x/2027' }];
    expect(holidaysInYear(2027, extra).find((h) => h.date === '2027-12-01')?.name).toBe('Ziua Națională a României; Zi declarată prin HG');
    expect(holidaysInYear(2027, extra)).toHaveLength(17);
  });
});

describe('holidays are non-working only from the day their act is in force', () => {
  it('6 January: a working day in 2023 (before Legea 52/2023), a holiday on Saturday 6.01.2024 and Monday 6.01.2025', () => {
    expect(isWorkingDay('2023-01-06', table)).toBe(true);
    expect(isPublicHoliday('2023-01-06', table)).toBe(false);
    expect(isPublicHoliday('2024-01-06', table)).toBe(true);
    expect(isPublicHoliday('2025-01-06', table)).toBe(true);
    expect(isWorkingDay('2025-01-06', table)).toBe(false);
  });

  it('24 January from 2017, 1 June from 2017, Vinerea Mare from 2018, 30 November from 2012, 15 August from 2009', () => {
    expect([isPublicHoliday('2016-01-25', table), isPublicHoliday('2016-01-24', table), isPublicHoliday('2017-01-24', table)]).toEqual([false, false, true]);
    expect([isPublicHoliday('2016-06-01', table), isPublicHoliday('2017-06-01', table)]).toEqual([false, true]);
    expect([isWorkingDay('2017-04-14', table), isWorkingDay('2018-04-06', table)]).toEqual([true, false]);
    expect([isWorkingDay('2011-11-30', table), isWorkingDay('2012-11-30', table)]).toEqual([true, false]);
    expect([isWorkingDay('2008-08-15', table), isPublicHoliday('2009-08-15', table), isWorkingDay('2013-08-15', table)]).toEqual([true, true, false]);
  });
});

describe('working days', () => {
  it('are Monday to Friday without holidays; a holiday on a weekend moves nothing', () => {
    expect(isWorkingDay('2026-03-06', table)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', table)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', table)).toBe(false); // Sunday
    expect(isWorkingDay('2026-12-25', table)).toBe(false); // Friday, Crăciunul
    // 24 January 2026 is a Saturday: Monday 26 January stays a working day.
    expect(isWorkingDay('2026-01-26', table)).toBe(true);
  });

  it('counts an extra non-working day only in the table that has it', () => {
    expect(isWorkingDay('2024-05-02', table)).toBe(true);
    expect(isWorkingDay('2024-05-02', createHolidayTable(HG_1307_2023))).toBe(false);
    expect(holidayName('2024-08-16', createHolidayTable(HG_1307_2023))).toBe('Zi liberă pentru personalul bugetar');
  });
});

describe('extra non-working days typed by users', () => {
  it('accepts a day with its name and act, the date typed dd.mm.yyyy', () => {
    const { value, errors } = validateExtraNonWorkingDay({ date: '27.12.2024', name: 'Zi liberă  pentru personalul bugetar', source: 'HG 1307/2023' });
    expect(errors).toEqual({});
    expect(value).toEqual({ date: '2024-12-27', name: 'Zi liberă pentru personalul bugetar', source: 'HG 1307/2023' });
  });

  it('asks for a real date, a name and the act', () => {
    const { errors } = validateExtraNonWorkingDay({ date: '31.02.2024', name: ' ', source: '' });
    expect(errors.date).toBe('Data zilei nelucrătoare: „31.02.2024” nu este o dată din calendar.');
    expect(errors.name).toMatch(/^Denumirea zilei nelucrătoare este obligatorie/);
    expect(errors.source).toMatch(/^Actul care declară ziua nelucrătoare este obligatoriu/);
  });
});
