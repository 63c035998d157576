import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  daysInMonth,
  excelSerialToIso,
  formatRoDate,
  formatRoDateTime,
  isoToExcelSerial,
  isoToUtcDate,
  isValidIsoDate,
  parseDate,
  parseOptionalDate,
  todayIso,
} from '../../../src/validation/dates';

describe('parseDate', () => {
  it.each([
    ['15.03.2024', '2024-03-15'],
    ['5.3.2024', '2024-03-05'],
    ['15/03/2024', '2024-03-15'],
    ['15-03-2024', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-15T10:30:00.000Z', '2024-03-15'],
    [' 15.03.2024 ', '2024-03-15'],
    ['45366', '2024-03-15'],
  ])('reads „%s” as %s', (input, iso) => {
    expect(parseDate(input)).toEqual({ ok: true, value: iso });
  });

  it('reads an Excel serial number: 45366 is 15.03.2024, 45292 is 01.01.2024', () => {
    expect(parseDate(45366)).toEqual({ ok: true, value: '2024-03-15' });
    expect(parseDate(45292)).toEqual({ ok: true, value: '2024-01-01' });
  });

  it('ignores the time part of an Excel serial (45366.75 is 15.03.2024 18:00)', () => {
    expect(parseDate(45366.75)).toEqual({ ok: true, value: '2024-03-15' });
  });

  // The epoch 1899-12-30 matches Excel for every serial from 61 (01.03.1900) on. Below that Excel
  // counts its fictitious 29.02.1900 (serial 60), so serials 1–60 come out one day earlier than
  // Excel shows them; no date in this application is that old, so only modern serials matter.
  it('matches Excel from serial 61 (01.03.1900) on', () => {
    expect(parseDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
  });

  it('refuses serial numbers out of Excel’s range', () => {
    expect(parseDate(0).ok).toBe(false);
    expect(parseDate(-5).ok).toBe(false);
    expect(parseDate(2_958_466).ok).toBe(false);
    expect(parseDate(Number.NaN).ok).toBe(false);
  });

  it('reads a Date object by its UTC day, as exceljs returns date cells', () => {
    expect(parseDate(new Date(Date.UTC(2024, 2, 15)))).toEqual({ ok: true, value: '2024-03-15' });
    expect(parseDate(new Date('2024-03-15T23:30:00Z'))).toEqual({ ok: true, value: '2024-03-15' });
  });

  it('refuses an invalid Date object', () => {
    expect(parseDate(new Date('nonsense'), 'Data licenței')).toEqual({ ok: false, message: 'Data licenței nu este o dată validă.' });
  });

  it('refuses 31.02.2023 as not in the calendar', () => {
    expect(parseDate('31.02.2023')).toEqual({ ok: false, message: 'Data: „31.02.2023” nu este o dată din calendar.' });
  });

  it('accepts 29.02 in a leap year only', () => {
    expect(parseDate('29.02.2024').ok).toBe(true);
    expect(parseDate('29.02.2023').ok).toBe(false);
    expect(parseDate('29.02.1900').ok).toBe(false);
    expect(parseDate('29.02.2000').ok).toBe(true);
  });

  it('refuses text that is not a date and uses the field label', () => {
    expect(parseDate('abc', 'Data înscrierii')).toEqual({ ok: false, message: 'Data înscrierii: „abc” nu este o dată (se așteaptă zz.ll.aaaa).' });
    expect(parseDate('15.03.24').ok).toBe(false);
    expect(parseDate('13/2024').ok).toBe(false);
  });

  it('refuses month 13 and day 0', () => {
    expect(parseDate('15.13.2024').ok).toBe(false);
    expect(parseDate('00.03.2024').ok).toBe(false);
  });

  it('says the date is missing when empty', () => {
    expect(parseDate('', 'Data')).toEqual({ ok: false, message: 'Data lipsește.' });
    expect(parseDate(null).ok).toBe(false);
  });
});

describe('parseOptionalDate', () => {
  it('gives undefined for empty input', () => {
    expect(parseOptionalDate('')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalDate('   ')).toEqual({ ok: true, value: undefined });
    expect(parseOptionalDate(null)).toEqual({ ok: true, value: undefined });
    expect(parseOptionalDate(undefined)).toEqual({ ok: true, value: undefined });
  });

  it('parses and validates otherwise', () => {
    expect(parseOptionalDate('01.07.2025')).toEqual({ ok: true, value: '2025-07-01' });
    expect(parseOptionalDate('31.04.2025').ok).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('addDays crosses the end of a month and of a year', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('addDays lands on the leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
  });

  it('addDays is not confused by daylight saving time changes', () => {
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
  });

  it('daysBetween counts whole days, negative backwards', () => {
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2023-01-01', '2023-12-31')).toBe(364);
    expect(daysBetween('2024-03-15', '2024-03-15')).toBe(0);
    expect(daysBetween('2024-03-15', '2024-03-01')).toBe(-14);
  });

  it('addYears keeps the day, and turns 29 February into 28 February in a common year', () => {
    expect(addYears('2024-03-15', 5)).toBe('2029-03-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });

  it('daysInMonth knows February in leap years', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('isValidIsoDate requires the padded form and a calendar day', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2024-2-29')).toBe(false);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-00-10')).toBe(false);
  });

  it('addDays throws on a malformed date', () => {
    expect(() => addDays('15.03.2024', 1)).toThrow(/Dată invalidă/);
  });
});

describe('formatting and conversions', () => {
  it('formatRoDate writes dd.mm.yyyy and nothing for a missing date', () => {
    expect(formatRoDate('2024-03-05')).toBe('05.03.2024');
    expect(formatRoDate(undefined)).toBe('');
    expect(formatRoDate(null)).toBe('');
    expect(formatRoDate('')).toBe('');
  });

  it('formatRoDateTime writes a timestamp as local „dd.mm.yyyy, hh:mm”', () => {
    expect(formatRoDateTime(new Date(2024, 2, 5, 14, 5).toISOString())).toBe('05.03.2024, 14:05');
    expect(formatRoDateTime('')).toBe('');
    expect(formatRoDateTime('nu e o dată')).toBe('nu e o dată');
  });

  it('isoToExcelSerial and excelSerialToIso round-trip', () => {
    expect(isoToExcelSerial('2024-03-15')).toBe(45366);
    for (const date of ['1900-03-01', '1999-12-31', '2000-02-29', '2024-03-15', '2030-12-31']) {
      expect(excelSerialToIso(isoToExcelSerial(date))).toBe(date);
    }
  });

  it('isoToUtcDate gives UTC midnight', () => {
    expect(isoToUtcDate('2024-03-15').toISOString()).toBe('2024-03-15T00:00:00.000Z');
  });

  it('todayIso reads the local calendar day', () => {
    expect(todayIso(new Date(2024, 2, 15, 23, 59))).toBe('2024-03-15');
  });
});
