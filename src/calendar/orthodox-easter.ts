import { addDays, isoFromParts, type IsoDate } from '../validation/dates';

/** The years for which the Julian → Gregorian offset below is 13 days. */
export const EASTER_MIN_YEAR = 1900;
export const EASTER_MAX_YEAR = 2099;

/**
 * Orthodox Easter Sunday of `year`, as a Gregorian date.
 *
 * The Romanian Orthodox Church keeps the Julian paschalion (with the Gregorian civil calendar), so
 * Easter is computed with Meeus's Julian algorithm (J. Meeus, "Astronomical Algorithms", ch. 8) and
 * then moved by the Julian → Gregorian offset, which is 13 days from 1 March 1900 to 28 February 2100.
 */
export function orthodoxEasterSunday(year: number): IsoDate {
  if (!Number.isInteger(year) || year < EASTER_MIN_YEAR || year > EASTER_MAX_YEAR) {
    throw new RangeError(`Paștele ortodox se calculează doar pentru anii ${EASTER_MIN_YEAR}–${EASTER_MAX_YEAR} (an cerut: ${year}).`);
  }
  // Meeus, Julian calendar: a, b, c are the year's place in the 4-, 7- and 19-year cycles.
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  // Julian date → Gregorian date: +13 days in 1900–2099 (the Julian calendar lags 13 days).
  return addDays(isoFromParts(year, month, day), 13);
}
