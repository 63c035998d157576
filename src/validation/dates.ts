import { invalid, valid, type Validation } from './result';

/** A calendar date without time or zone, stored as "YYYY-MM-DD". */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const m = ISO_RE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in the local time zone, as an IsoDate. */
export function todayIso(now: Date = new Date()): IsoDate {
  return isoFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function toUtcMs(date: IsoDate): number {
  const m = ISO_RE.exec(date);
  if (!m) throw new Error(`Dată invalidă: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(toUtcMs(date) + days * 86_400_000);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  return isoFromParts(year, m, Math.min(d, daysInMonth(year, m)));
}

// Excel stores dates as days since 1899-12-30 (the 1900 leap-year bug is absorbed by that epoch).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function excelSerialToIso(serial: number): IsoDate {
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function isoToExcelSerial(date: IsoDate): number {
  return Math.round((toUtcMs(date) - EXCEL_EPOCH_MS) / 86_400_000);
}

/** A JavaScript Date at UTC midnight of the given day (what exceljs writes as a date cell). */
export function isoToUtcDate(date: IsoDate): Date {
  return new Date(toUtcMs(date));
}

export function utcDateToIso(date: Date): IsoDate {
  return isoFromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/**
 * Reads a date as people type it or as spreadsheets hold it: "15.03.2024", "15/03/2024",
 * "15-03-2024", "2024-03-15", an Excel serial number, or a Date object.
 */
export function parseDate(input: unknown, fieldLabel = 'Data'): Validation<IsoDate> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return invalid(`${fieldLabel} nu este o dată validă.`);
    return valid(utcDateToIso(input));
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 1 || input > 2_958_465) return invalid(`${fieldLabel}: „${input}” nu este o dată.`);
    return valid(excelSerialToIso(input));
  }
  const text = String(input ?? '').trim();
  if (text === '') return invalid(`${fieldLabel} lipsește.`);
  let iso: string | undefined;
  const ro = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (ro) iso = isoFromParts(Number(ro[3]), Number(ro[2]), Number(ro[1]));
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:T.*)?$/.exec(text);
  if (isoMatch) iso = isoFromParts(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  if (!iso && /^\d{5}(\.\d+)?$/.test(text)) iso = excelSerialToIso(Number(text));
  if (!iso) return invalid(`${fieldLabel}: „${text}” nu este o dată (se așteaptă zz.ll.aaaa).`);
  if (!isValidIsoDate(iso)) return invalid(`${fieldLabel}: „${text}” nu este o dată din calendar.`);
  return valid(iso);
}

/** Parses an optional date: empty input is fine and gives undefined. */
export function parseOptionalDate(input: unknown, fieldLabel = 'Data'): Validation<IsoDate | undefined> {
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) return valid(undefined);
  return parseDate(input, fieldLabel);
}

/** "15.03.2024" — the format of Romanian documents. */
export function formatRoDate(date: IsoDate | undefined | null): string {
  if (!date) return '';
  const m = ISO_RE.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/** "15.03.2024, 14:05" for a timestamp in local time. */
export function formatRoDateTime(timestamp: string | undefined | null): string {
  if (!timestamp) return '';
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
