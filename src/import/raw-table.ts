import { DomainError } from '../errors';
import { formatRoDate, utcDateToIso } from '../validation/dates';
import { cleanText } from '../validation/diacritics';

/** One cell as a spreadsheet holds it, after reading (formulas resolved, rich text flattened). */
export type CellValue = string | number | boolean | Date | null;

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
 * trailing ones). A column with data but no header gets the name "Coloana C". Returns undefined
 * when the sheet holds nothing.
 */
export function buildRawTable(sheet: string, grid: Iterable<{ rowNumber: number; cells: CellValue[] }>): RawTable | undefined {
  let headerCells: CellValue[] | undefined;
  const rows: RawTable['rows'] = [];
  let pendingEmpty = 0;
  let emptyRowsSkipped = 0;
  let width = 0;
  for (const row of grid) {
    const blank = row.cells.every((c) => isBlankCell(c));
    if (!headerCells) {
      if (!blank) headerCells = row.cells;
      continue;
    }
    if (blank) {
      pendingEmpty++;
      continue;
    }
    emptyRowsSkipped += pendingEmpty;
    pendingEmpty = 0;
    rows.push({ rowNumber: row.rowNumber, cells: row.cells.map((c) => (isBlankCell(c) ? null : c)) });
    for (let i = row.cells.length - 1; i >= width; i--) {
      if (!isBlankCell(row.cells[i])) {
        width = i + 1;
        break;
      }
    }
  }
  if (!headerCells) return undefined;
  for (let i = headerCells.length - 1; i >= width; i--) {
    if (!isBlankCell(headerCells[i])) {
      width = i + 1;
      break;
    }
  }
  const headers: string[] = [];
  for (let i = 0; i < width; i++) headers.push(cleanText(cellText(headerCells[i] ?? null)) || `Coloana ${columnLetter(i)}`);
  for (const row of rows) {
    if (row.cells.length > width) row.cells.length = width;
    while (row.cells.length < width) row.cells.push(null);
  }
  return { sheet, headers, rows, emptyRowsSkipped };
}
