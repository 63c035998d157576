import { describe, expect, it } from 'vitest';
import { createHolidayTable, SHIPPED_HOLIDAY_TABLE } from '../../../src/calendar/public-holidays';
import { addCalendarDays, addDeadlineDays, addWorkingDays, formatDayCount, nextWorkingDay, workingDaysBetween } from '../../../src/calendar/working-days';

const table = SHIPPED_HOLIDAY_TABLE;

describe('addWorkingDays: the start day is not counted, the n-th working day is the last day', () => {
  it('counts over a weekend: 3 working days from Thursday 11.03.2027 end on Tuesday 16.03.2027', () => {
    expect(addWorkingDays('2027-03-11', 1, table)).toBe('2027-03-12');
    expect(addWorkingDays('2027-03-11', 2, table)).toBe('2027-03-15');
    expect(addWorkingDays('2027-03-11', 3, table)).toBe('2027-03-16');
  });

  it('counts over Christmas: 3 working days from Wednesday 23.12.2026 end on Tuesday 29.12.2026', () => {
    expect(addWorkingDays('2026-12-23', 3, table)).toBe('2026-12-29');
  });

  it('counts over Orthodox Easter 2027 (Vinerea Mare 30.04, Easter Monday 3.05): 3 working days from 29.04.2027 end on 6.05.2027', () => {
    expect(addWorkingDays('2027-04-29', 3, table)).toBe('2027-05-06');
  });

  it('counts over 1 May and a weekend: 2 working days from Thursday 30.04.2026 end on Tuesday 5.05.2026', () => {
    expect(addWorkingDays('2026-04-30', 2, table)).toBe('2026-05-05');
  });

  it('counts over New Year, Boboteaza and Sfântul Ioan: 2 working days from 31.12.2026 end on 5.01.2027, 3 on 8.01.2027', () => {
    expect(addWorkingDays('2026-12-31', 2, table)).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-31', 3, table)).toBe('2027-01-08');
  });

  it('starts from a non-working day as from any other: 1 working day from Saturday 7.03.2026 is Monday 9.03.2026', () => {
    expect(addWorkingDays('2026-03-07', 1, table)).toBe('2026-03-09');
  });

  it('counts an extra non-working day of the table (2.05.2024, HG 1307/2023, before Vinerea Mare 3.05 and Easter 5–6.05.2024)', () => {
    const withBridgeDay = createHolidayTable([{ date: '2024-05-02', name: 'Zi liberă', source: 'HG 1307/2023' }]);
    expect(addWorkingDays('2024-04-30', 1, table)).toBe('2024-05-02');
    expect(addWorkingDays('2024-04-30', 1, withBridgeDay)).toBe('2024-05-07');
  });

  it('returns the start day for 0 days and refuses negative or fractional counts and bad dates', () => {
    expect(addWorkingDays('2026-03-07', 0, table)).toBe('2026-03-07');
    expect(() => addWorkingDays('2026-03-07', -1, table)).toThrow(/întreg pozitiv/);
    expect(() => addWorkingDays('2026-03-07', 1.5, table)).toThrow(RangeError);
    expect(() => addWorkingDays('07.03.2026', 1, table)).toThrow(/AAAA-LL-ZZ/);
  });
});

describe('addCalendarDays counts "zile libere" (Cod procedură civilă art. 181 alin. (1) pct. 2; Codul civil art. 2553–2554)', () => {
  it('counts neither the start day nor the day the term is fulfilled: 10 days from Monday 02.03.2026 may be used until Friday 13.03.2026', () => {
    // 02.03 not counted; 03.03–12.03 are the ten days; 12.03, the day the term is fulfilled, is not counted either.
    expect(addCalendarDays('2026-03-02', 10, table)).toBe('2026-03-13');
  });

  it('leaves the last day free: 8 days from Thursday 05.03.2026 may be used until 14.03, a Saturday, so until Monday 16.03.2026', () => {
    expect(addCalendarDays('2026-03-05', 8, table)).toBe('2026-03-16');
  });

  it('ends on a working day without moving: 7 days from Thursday 05.03.2026 end on Friday 13.03.2026', () => {
    expect(addCalendarDays('2026-03-05', 7, table)).toBe('2026-03-13');
  });

  it('moves a term ending on Christmas past the weekend: 20.12.2026 + 5 free days ends on Monday 28.12.2026', () => {
    expect(addCalendarDays('2026-12-20', 5, table)).toBe('2026-12-28');
  });

  it('is chosen by the day kind of a round parameter; working-day terms are unchanged', () => {
    expect(addDeadlineDays('2026-03-05', 7, 'calendaristice', table)).toBe('2026-03-13');
    expect(addDeadlineDays('2026-03-05', 10, 'lucratoare', table)).toBe('2026-03-19');
  });
});

describe('nextWorkingDay', () => {
  it('keeps a working day and skips weekends and holidays', () => {
    expect(nextWorkingDay('2026-03-06', table)).toBe('2026-03-06');
    expect(nextWorkingDay('2026-05-30', table)).toBe('2026-06-02'); // Saturday, Sunday (Rusalii), Monday 1 June
  });
});

describe('workingDaysBetween', () => {
  it('counts the days addWorkingDays adds, negative backwards, zero for the same day', () => {
    expect(workingDaysBetween('2026-12-23', '2026-12-29', table)).toBe(3);
    expect(workingDaysBetween('2026-12-29', '2026-12-23', table)).toBe(-3);
    expect(workingDaysBetween('2026-12-23', '2026-12-23', table)).toBe(0);
    expect(workingDaysBetween('2027-04-29', addWorkingDays('2027-04-29', 7, table), table)).toBe(7);
  });

  it('finds 250 working days in 2026: 261 weekdays less 11 holidays on weekdays (1 June counted once)', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31', table)).toBe(250);
  });
});

describe('formatDayCount', () => {
  it('writes Romanian counts with "de" from 20', () => {
    expect(formatDayCount(1, 'lucratoare')).toBe('1 zi lucrătoare');
    expect(formatDayCount(1, 'calendaristice')).toBe('1 zi calendaristică');
    expect(formatDayCount(3, 'lucratoare')).toBe('3 zile lucrătoare');
    expect(formatDayCount(19, 'calendaristice')).toBe('19 zile calendaristice');
    expect(formatDayCount(30, 'calendaristice')).toBe('30 de zile calendaristice');
    expect(formatDayCount(101, 'lucratoare')).toBe('101 zile lucrătoare');
  });
});
