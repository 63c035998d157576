import { countOf } from '../commission/wording';
import { addDays, daysBetween, isValidIsoDate, type IsoDate } from '../validation/dates';
import { isWorkingDay, type HolidayTable } from './public-holidays';

/** How a deadline of N days is counted; a round parameter chooses one. */
export type DayCountKind = 'lucratoare' | 'calendaristice';

export const DAY_COUNT_KINDS: Record<DayCountKind, string> = {
  lucratoare: 'zile lucrătoare',
  calendaristice: 'zile calendaristice',
};

// A long run of extra non-working days is possible, a year of them is a data error.
const MAX_NON_WORKING_RUN = 366;

function checkStart(date: IsoDate): void {
  if (!isValidIsoDate(date)) throw new RangeError(`„${date}” nu este o dată AAAA-LL-ZZ.`);
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Numărul de zile al termenului trebuie să fie un întreg pozitiv sau zero (primit: ${n}).`);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: IsoDate, table: HolidayTable): IsoDate {
  checkStart(date);
  let day = date;
  for (let i = 0; i <= MAX_NON_WORKING_RUN; i++) {
    if (isWorkingDay(day, table)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`Nu există nicio zi lucrătoare în anul de după ${date}: verificați zilele nelucrătoare adăugate.`);
}

/**
 * The last day of a term of `n` working days that starts on `date`.
 *
 * Rule chosen here: „termenul se calculează pe zile lucrătoare, fără a socoti ziua în care a început
 * să curgă” — counting starts the day after `date` and the n-th working day is the last day on
 * which the act may still be done. It follows Romanian procedural practice (art. 181 alin. (1)
 * pct. 2 Cod procedură civilă leaves out the start day of a term counted in days), but, unlike the
 * Code's "zile libere", the last day is counted. A round's regulation may say otherwise: this is
 * the rule the app applies, shown to the user, not a legal finding.
 */
export function addWorkingDays(date: IsoDate, n: number, table: HolidayTable): IsoDate {
  checkStart(date);
  checkCount(n);
  let day = date;
  let counted = 0;
  // Rule chosen (round parameter may differ): the start day is not counted, the n-th working day is.
  while (counted < n) {
    day = nextWorkingDay(addDays(day, 1), table);
    counted++;
  }
  return day;
}

/**
 * The last day of a term of `n` calendar days that starts on `date`, counted in "zile libere":
 * neither the day the term starts nor the day it is fulfilled is counted, so the act may still be
 * done on `date` + n + 1; when that day is not a working day the term ends at the end of the next
 * working day.
 */
export function addCalendarDays(date: IsoDate, n: number, table: HolidayTable): IsoDate {
  checkStart(date);
  checkCount(n);
  // Cod procedură civilă art. 181 alin. (1) pct. 2: „nu intră în calcul ziua de la care începe să curgă termenul, nici ziua când acesta se împlinește”; Codul civil art. 2553.
  const lastDay = addDays(date, n + 1);
  // Codul civil art. 2554; CPC art. 181 alin. (2): „când ultima zi a unui termen cade într-o zi nelucrătoare, termenul se prelungește până în prima zi lucrătoare care urmează”.
  return nextWorkingDay(lastDay, table);
}

/** The last day of a term of `n` days of `kind` starting on `date` (see addWorkingDays and addCalendarDays). */
export function addDeadlineDays(date: IsoDate, n: number, kind: DayCountKind, table: HolidayTable): IsoDate {
  return kind === 'lucratoare' ? addWorkingDays(date, n, table) : addCalendarDays(date, n, table);
}

/**
 * Working days after `from` up to and including `to` (the same counting as addWorkingDays, so
 * workingDaysBetween(d, addWorkingDays(d, n)) = n); negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, table: HolidayTable): number {
  checkStart(from);
  checkStart(to);
  const span = daysBetween(from, to);
  const [start, sign] = span >= 0 ? [from, 1] : [to, -1];
  let count = 0;
  for (let i = 1; i <= Math.abs(span); i++) {
    if (isWorkingDay(addDays(start, i), table)) count++;
  }
  return sign * count;
}

/** "1 zi lucrătoare", "3 zile lucrătoare", "20 de zile calendaristice" (countOf: Romanian numerals from 20 take "de"). */
export function formatDayCount(n: number, kind: DayCountKind): string {
  return countOf(n, kind === 'lucratoare' ? 'zi lucrătoare' : 'zi calendaristică', DAY_COUNT_KINDS[kind]);
}
