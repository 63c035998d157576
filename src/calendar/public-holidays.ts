import type { Entity } from '../entity';
import publicHolidaysFile from './data/public-holidays.json';
import { addDays, isoFromParts, isoToUtcDate, isValidIsoDate, parseDate, daysInMonth, type IsoDate } from '../validation/dates';
import { cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
import { orthodoxEasterSunday } from './orthodox-easter';

/**
 * Romanian public holidays as dated, sourced data (src/calendar/data/public-holidays.json): each
 * holiday of the Labour Code (Legea 53/2003, art. 139 alin. (1), as amended) with the date it came
 * into force and the act that introduced it. Movable feasts are computed from Orthodox Easter.
 * Days declared non-working by other acts (e.g. a government decision) are entered by users as
 * extra non-working days and merged with the table.
 */

/** A holiday on the same day every year. */
export interface FixedHolidayRule {
  month: number;
  day: number;
}

/** A holiday a number of days before (negative) or after Orthodox Easter Sunday. */
export interface MovableHolidayRule {
  relativeTo: 'paste_ortodox';
  offsetDays: number;
}

export type HolidayRule = FixedHolidayRule | MovableHolidayRule;

export interface HolidaySource {
  act: string;
  article?: string;
  url?: string;
}

export interface HolidayDefinition {
  /** Lower case with underscores: "ziua_copilului". */
  id: string;
  /** Romanian name shown to users: "Ziua Copilului". */
  name: string;
  rule: HolidayRule;
  /** First day the holiday is in force (the act's entry into force). */
  validFrom: IsoDate;
  /** Last day in force, when an act removed it. */
  validTo?: IsoDate;
  source: HolidaySource;
  /** Where the entry comes from and what remains to be checked. */
  note: string;
  isVerified: boolean;
}

/** A day declared non-working by a specific act, entered by a user (e.g. a day set by government decision). */
export interface ExtraNonWorkingDay {
  date: IsoDate;
  name: string;
  /** The act that declares the day non-working, e.g. "HG 1307/2023, art. 1 alin. (1)". */
  source: string;
}

/** The holidays and extra non-working days every calendar function works with. */
export interface HolidayTable {
  readonly definitions: readonly HolidayDefinition[];
  readonly extraDays: readonly ExtraNonWorkingDay[];
}

/** One non-working day of a year; when several holidays fall on the same date, their names are joined. */
export interface HolidayOnDate {
  date: IsoDate;
  name: string;
}

export const isMovableRule = (rule: HolidayRule): rule is MovableHolidayRule => 'relativeTo' in rule;

export class ShippedHolidaysError extends Error {
  override name = 'ShippedHolidaysError';
  constructor(readonly problems: readonly string[]) {
    super(`Tabelul sărbătorilor legale livrat (src/calendar/data/public-holidays.json) conține erori:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

type Json = Record<string, unknown>;

const FILE_FIELDS = ['title', 'description', 'holidays'];
const HOLIDAY_FIELDS = ['id', 'name', 'rule', 'validFrom', 'validTo', 'source', 'note', 'isVerified'];
const SOURCE_FIELDS = ['act', 'article', 'url'];
const HOLIDAY_ID_RE = /^[a-z][a-z0-9_]*$/;
// Orthodox Easter falls between 4 April and 8 May (Gregorian) in 1900–2099: ±90 days keeps every movable feast in its year.
const MAX_OFFSET_DAYS = 90;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

function checkRule(rule: unknown, at: string, problems: string[]): void {
  if (!isObject(rule)) {
    problems.push(`${at}: „rule” trebuie să fie {month, day} sau {relativeTo: "paste_ortodox", offsetDays}.`);
    return;
  }
  if ('relativeTo' in rule) {
    for (const field of Object.keys(rule).filter((k) => k !== 'relativeTo' && k !== 'offsetDays')) problems.push(`${at}: câmp necunoscut „rule.${field}”.`);
    if (rule.relativeTo !== 'paste_ortodox') problems.push(`${at}: „rule.relativeTo” poate fi doar „paste_ortodox”.`);
    const offset = rule.offsetDays;
    if (typeof offset !== 'number' || !Number.isInteger(offset) || Math.abs(offset) > MAX_OFFSET_DAYS) {
      problems.push(`${at}: „rule.offsetDays” trebuie să fie un număr întreg de zile între -${MAX_OFFSET_DAYS} și ${MAX_OFFSET_DAYS}.`);
    }
    return;
  }
  for (const field of Object.keys(rule).filter((k) => k !== 'month' && k !== 'day')) problems.push(`${at}: câmp necunoscut „rule.${field}”.`);
  const { month, day } = rule;
  if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
    problems.push(`${at}: „rule.month” trebuie să fie o lună între 1 și 12.`);
    return;
  }
  // A fixed holiday must exist every year, so 29 February is refused (2001 is not a leap year).
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > daysInMonth(2001, month)) {
    problems.push(`${at}: „rule.day” ${String(day)} nu este o zi a lunii ${month} în fiecare an.`);
  }
}

function checkHoliday(raw: unknown, at: string, problems: string[]): HolidayDefinition | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: sărbătoarea trebuie să fie un obiect.`);
    return undefined;
  }
  const where = `${at} (${String(raw.id)})`;
  const before = problems.length;
  for (const field of Object.keys(raw).filter((k) => !HOLIDAY_FIELDS.includes(k))) problems.push(`${where}: câmp necunoscut „${field}”.`);
  if (typeof raw.id !== 'string' || !HOLIDAY_ID_RE.test(raw.id)) problems.push(`${where}: „id” trebuie să fie scris cu litere mici, cifre și „_”.`);
  if (!isText(raw.name)) problems.push(`${where}: „name” lipsește.`);
  checkRule(raw.rule, where, problems);
  const validFrom = raw.validFrom;
  if (typeof validFrom !== 'string' || !isValidIsoDate(validFrom)) problems.push(`${where}: „validFrom” „${String(validFrom)}” nu este o dată AAAA-LL-ZZ.`);
  if (raw.validTo !== undefined) {
    if (typeof raw.validTo !== 'string' || !isValidIsoDate(raw.validTo)) problems.push(`${where}: „validTo” „${String(raw.validTo)}” nu este o dată AAAA-LL-ZZ.`);
    else if (typeof validFrom === 'string' && raw.validTo < validFrom) problems.push(`${where}: „validTo” (${raw.validTo}) este înaintea lui „validFrom” (${validFrom}).`);
  }
  if (!isObject(raw.source)) problems.push(`${where}: „source” lipsește.`);
  else {
    for (const field of Object.keys(raw.source).filter((k) => !SOURCE_FIELDS.includes(k))) problems.push(`${where}: câmp necunoscut „source.${field}”.`);
    if (!isText(raw.source.act)) problems.push(`${where}: actul sursă („source.act”) lipsește.`);
    for (const field of ['article', 'url'] as const) {
      if (raw.source[field] !== undefined && !isText(raw.source[field])) problems.push(`${where}: „source.${field}” trebuie să fie un text.`);
    }
  }
  if (!isText(raw.note)) problems.push(`${where}: „note” lipsește (spuneți de unde vine data și ce rămâne de verificat).`);
  if (typeof raw.isVerified !== 'boolean') problems.push(`${where}: „isVerified” trebuie să fie true sau false.`);
  return problems.length === before ? (raw as unknown as HolidayDefinition) : undefined;
}

/** Checks a holiday file and returns its definitions, or every problem found (naming the entry). */
export function checkHolidayFile(data: unknown, fileName = 'public-holidays.json'): { definitions: HolidayDefinition[]; problems: string[] } {
  const problems: string[] = [];
  const definitions: HolidayDefinition[] = [];
  if (!isObject(data)) return { definitions, problems: [`${fileName}: fișierul trebuie să conțină un obiect JSON.`] };
  for (const field of Object.keys(data).filter((k) => !FILE_FIELDS.includes(k))) problems.push(`${fileName}: câmp necunoscut „${field}”.`);
  for (const field of ['title', 'description'] as const) {
    if (!isText(data[field])) problems.push(`${fileName}: „${field}” lipsește.`);
  }
  if (!Array.isArray(data.holidays)) {
    problems.push(`${fileName}: „holidays” trebuie să fie o listă.`);
    return { definitions, problems };
  }
  const ids = new Set<string>();
  data.holidays.forEach((raw, i) => {
    const definition = checkHoliday(raw, `${fileName} › holidays[${i}]`, problems);
    if (!definition) return;
    if (ids.has(definition.id)) problems.push(`${fileName} › holidays[${i}] (${definition.id}): „id” apare de două ori.`);
    else {
      ids.add(definition.id);
      definitions.push(definition);
    }
  });
  return { definitions, problems };
}

/** Like checkHolidayFile, but throws a ShippedHolidaysError listing every problem. */
export function parseHolidayFile(data: unknown, fileName?: string): HolidayDefinition[] {
  const { definitions, problems } = checkHolidayFile(data, fileName);
  if (problems.length > 0) throw new ShippedHolidaysError(problems);
  return definitions;
}

// Checked when the module loads: a broken data file stops the app with the list of bad entries
// instead of computing wrong deadlines later.
export const SHIPPED_HOLIDAY_DEFINITIONS: readonly HolidayDefinition[] = parseHolidayFile(publicHolidaysFile);

/** The shipped holidays merged with the user's extra non-working days. */
export function createHolidayTable(extraDays: readonly ExtraNonWorkingDay[] = [], definitions: readonly HolidayDefinition[] = SHIPPED_HOLIDAY_DEFINITIONS): HolidayTable {
  return { definitions, extraDays };
}

/** The shipped holidays alone, without extra non-working days. */
export const SHIPPED_HOLIDAY_TABLE: HolidayTable = createHolidayTable();

/** The date `definition` falls on in `year` (whether or not it is in force then). */
export function holidayDateInYear(definition: Pick<HolidayDefinition, 'rule'>, year: number): IsoDate {
  const { rule } = definition;
  return isMovableRule(rule) ? addDays(orthodoxEasterSunday(year), rule.offsetDays) : isoFromParts(year, rule.month, rule.day);
}

// Labour Code practice: a holiday is non-working on the day it falls, if the act is in force on that day.
const isInForce = (definition: Pick<HolidayDefinition, 'validFrom' | 'validTo'>, date: IsoDate): boolean =>
  definition.validFrom <= date && (definition.validTo === undefined || date <= definition.validTo);

const yearCache = new WeakMap<HolidayTable, Map<number, ReadonlyMap<IsoDate, string>>>();

/** Date → name(s) of the non-working days of `year`, in table order, names joined when days coincide. */
function namesByDate(table: HolidayTable, year: number): ReadonlyMap<IsoDate, string> {
  let byYear = yearCache.get(table);
  if (!byYear) {
    byYear = new Map();
    yearCache.set(table, byYear);
  }
  const cached = byYear.get(year);
  if (cached) return cached;
  const names = new Map<IsoDate, string[]>();
  const add = (date: IsoDate, name: string) => {
    const list = names.get(date) ?? [];
    if (!list.includes(name)) list.push(name);
    names.set(date, list);
  };
  for (const definition of table.definitions) {
    const date = holidayDateInYear(definition, year);
    // Romanian practice: a holiday on a Saturday or Sunday is not moved to another day.
    if (isInForce(definition, date)) add(date, definition.name);
  }
  for (const extra of table.extraDays) {
    if (extra.date.startsWith(`${String(year).padStart(4, '0')}-`)) add(extra.date, extra.name);
  }
  const result = new Map([...names.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => [date, list.join('; ')]));
  byYear.set(year, result);
  return result;
}

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));

/**
 * The non-working days of `year` other than weekends: the legal holidays in force plus the extra
 * days, sorted by date. A date appears once; when two holidays coincide (1 June 2026 is both
 * Ziua Copilului and the second day of Rusalii) their names are joined with "; ".
 */
export function holidaysInYear(year: number, extraDays: readonly ExtraNonWorkingDay[] = [], definitions: readonly HolidayDefinition[] = SHIPPED_HOLIDAY_DEFINITIONS): HolidayOnDate[] {
  return holidaysOfTable(createHolidayTable(extraDays, definitions), year);
}

/** Same as holidaysInYear, for a table already built. */
export function holidaysOfTable(table: HolidayTable, year: number): HolidayOnDate[] {
  return [...namesByDate(table, year)].map(([date, name]) => ({ date, name }));
}

/** The holiday name(s) of `date`, or undefined when it is not a holiday or extra non-working day. */
export function holidayName(date: IsoDate, table: HolidayTable): string | undefined {
  return namesByDate(table, yearOf(date)).get(date);
}

/** `date` is a legal holiday in force that day, or an extra non-working day of the table. */
export function isPublicHoliday(date: IsoDate, table: HolidayTable): boolean {
  return holidayName(date, table) !== undefined;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const weekday = isoToUtcDate(date).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Labour Code art. 137 alin. (1) (weekly rest, as a rule Saturday and Sunday) and art. 139: Monday to Friday, not a holiday or extra non-working day. */
export function isWorkingDay(date: IsoDate, table: HolidayTable): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, table);
}

export type ExtraNonWorkingDayField = keyof ExtraNonWorkingDay;

/** Checks an extra non-working day typed by a user (date as "zz.ll.aaaa" or ISO). */
export function validateExtraNonWorkingDay(input: { date: unknown; name: string; source: string }): { value: ExtraNonWorkingDay; errors: FieldErrors<ExtraNonWorkingDayField> } {
  const errors: FieldErrors<ExtraNonWorkingDayField> = {};
  const value: ExtraNonWorkingDay = { date: '', name: cleanText(input.name), source: cleanText(input.source) };
  const date = parseDate(input.date, 'Data zilei nelucrătoare');
  if (date.ok) value.date = date.value;
  else errors.date = date.message;
  if (value.name === '') errors.name = 'Denumirea zilei nelucrătoare este obligatorie (de ex. „Zi liberă pentru personalul bugetar”).';
  if (value.source === '') errors.source = 'Actul care declară ziua nelucrătoare este obligatoriu (de ex. „HG 1307/2023, art. 1”).';
  return { value, errors };
}

/** An extra non-working day as stored, with its id and history like any record. */
export interface StoredNonWorkingDay extends Entity, ExtraNonWorkingDay {}
