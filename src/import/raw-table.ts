import { DomainError } from '../errors';
import { cellTooLong, IMPORT_LIMITS, tooManyColumns, tooManyRows } from './limits';
import { formatRoDate, utcDateToIso } from '../validation/dates';
import { cleanText } from '../validation/diacritics';

/**
 * A formula cell the file gives no usable value for: an error result (#N/A, #REF!…) or no cached
 * result at all (a file written by a program that does not calculate). Reported, never stored empty.
 */
export interface CellError {
  /** "#N/A", "#REF!"…, or '' when the formula has no cached result. */
  error: string;
  formula?: string;
}

/** One cell as a spreadsheet holds it, after reading (formulas resolved, rich text flattened). */
export type CellValue = string | number | boolean | Date | CellError | null;

export const isCellError = (value: CellValue | undefined): value is CellError => typeof value === 'object' && value !== null && !(value instanceof Date);

// Control characters (except tab and line breaks), soft hyphen, zero-width and bidi marks, BOM:
// invisible in Excel, but they break CUIs, IBANs and searches.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\uFEFF]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/** Removes control and zero-width characters from the text of a cell. */
export function stripInvisible(text: string): string {
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

/** A sheet read from an imported file: its header row and its non-empty data rows. */
export interface RawTable {
  sheet: string;
  headers: string[];
  rows: { rowNumber: number /* 1-based row in the sheet */; cells: CellValue[] }[];
  /** Blank rows between the header and the last data row, dropped from `rows`. */
  emptyRowsSkipped: number;
}

/** The file cannot be read as a table; `message` is Romanian and meant for the user. */
export class ImportFileError extends DomainError {
  override name = 'ImportFileError';
}

export function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** A cell as text, for messages and text columns: dates as "15.03.2024", numbers without exponent. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatRoDate(utcDateToIso(value));
  if (typeof value === 'boolean') return value ? 'DA' : 'NU';
  if (typeof value === 'number') return numberText(value);
  if (isCellError(value)) return value.error || (value.formula ? `=${value.formula}` : '');
  return value;
}

/** 4305857 → "4305857" (never "4.305857e6"); 12.5 → "12.5". */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? value.toFixed(0) : BigInt(value).toString();
  // Binary noise such as 4305857.000000001 from a formula: Excel shows 15 significant digits.
  const rounded = Number(value.toPrecision(15));
  return Number.isInteger(rounded) ? numberText(rounded) : String(rounded);
}

/** "A", "B", …, "Z", "AA" — the spreadsheet letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Builds a RawTable from the rows of a sheet (each with its 1-based row number, in order): the
 * first non-blank row is the header row; blank rows after it are dropped and counted (except
 * trailing ones). A column with data but no header gets the name "Coloana C". Text is cleaned of
 * control and zero-width characters. Throws ImportFileError past the limits (IMPORT_LIMITS):
 * columns, data rows, characters of a cell. Returns undefined when the sheet holds nothing.
 */
export function buildRawTable(sheet: string, grid: Iterable<{ rowNumber: number; cells: CellValue[] }>): RawTable | undefined {
  const builder = new RawTableBuilder(sheet);
  for (const row of grid) builder.add(row.rowNumber, row.cells);
  return builder.finish();
}

/** buildRawTable one row at a time, for readers that stream their rows (the CSV parser). */
export class RawTableBuilder {
  private headerCells: CellValue[] | undefined;
  private readonly rows: RawTable['rows'] = [];
  private pendingEmpty = 0;
  private emptyRowsSkipped = 0;
  private width = 0;

  constructor(private readonly sheet: string) {}

  add(rowNumber: number, rawCells: CellValue[]): void {
    const cells = cleanCells(this.sheet, rowNumber, rawCells);
    const blank = cells.every((c) => isBlankCell(c));
    if (!this.headerCells) {
      if (!blank) {
        this.headerCells = cells;
        this.width = lastFilled(cells);
        if (this.width > IMPORT_LIMITS.maxColumns) throw tooManyColumns(this.sheet, this.width);
      }
      return;
    }
    if (blank) {
      this.pendingEmpty++;
      return;
    }
    this.emptyRowsSkipped += this.pendingEmpty;
    this.pendingEmpty = 0;
    if (this.rows.length >= IMPORT_LIMITS.maxRows) throw tooManyRows(this.sheet);
    this.rows.push({ rowNumber, cells: cells.map((c) => (isBlankCell(c) ? null : c)) });
    if (cells.length > this.width) {
      this.width = Math.max(this.width, lastFilled(cells));
      if (this.width > IMPORT_LIMITS.maxColumns) throw tooManyColumns(this.sheet, this.width);
    }
  }

  finish(): RawTable | undefined {
    const { headerCells, rows, width } = this;
    if (!headerCells) return undefined;
    const headers: string[] = [];
    for (let i = 0; i < width; i++) headers.push(cleanText(cellText(isCellError(headerCells[i]) ? null : (headerCells[i] ?? null))) || `Coloana ${columnLetter(i)}`);
    for (const row of rows) {
      if (row.cells.length > width) row.cells.length = width;
      while (row.cells.length < width) row.cells.push(null);
    }
    return { sheet: this.sheet, headers, rows, emptyRowsSkipped: this.emptyRowsSkipped };
  }
}

/** 1 + the index of the last non-blank cell. */
function lastFilled(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlankCell(cells[i])) return i + 1;
  return 0;
}

function cleanCells(sheet: string, rowNumber: number, cells: CellValue[]): CellValue[] {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell !== 'string') continue;
    if (cell.length > IMPORT_LIMITS.maxCellLength) throw cellTooLong(sheet, rowNumber, columnLetter(i), cell.length);
    cells[i] = stripInvisible(cell);
  }
  return cells;
}
