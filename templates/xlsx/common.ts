// exceljs helpers shared by every workbook the app produces: typed cells (dates as dates,
// numbers as numbers), a bold frozen header row with an autofilter, fitted widths, A4 printing.
import ExcelJS from 'exceljs';
import type { DocumentHeader, Signature } from '../../src/documents/document-header';
import type { ColumnDef } from '../../src/tabular/columns';
import { maskCnpsInText } from '../../src/validation/cnp';
import { isoToUtcDate, isValidIsoDate } from '../../src/validation/dates';

export type CellInput = string | number | Date | null | undefined;

/** A column of a written table: a ColumnDef, or a column of a report that is not imported back. */
export type TableColumnSpec = Pick<ColumnDef, 'header' | 'type' | 'width'> & { align?: 'left' | 'center' | 'right' };

/** Arial, as in the Word documents (LibreOffice shows it as the metric-compatible Liberation Sans). */
export const FONT_NAME = 'Arial';
const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const MAX_WIDTH = 60;
export const DATE_FORMAT = 'dd.mm.yyyy';
export const INTEGER_FORMAT = '#,##0';

export function createWorkbook(title?: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Subvenții ONG';
  workbook.lastModifiedBy = 'Subvenții ONG';
  workbook.created = new Date();
  workbook.modified = workbook.created;
  if (title) workbook.title = title;
  return workbook;
}

/** A record's value as the cell of its column: dates as UTC-midnight dates, enums as labels. */
export function cellValue(value: unknown, column: Pick<ColumnDef, 'type' | 'options'>): CellInput {
  if (value === undefined || value === null || value === '') return null;
  if (column.type === 'date') return typeof value === 'string' && isValidIsoDate(value) ? isoToUtcDate(value) : String(value);
  if (column.type === 'integer') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(n) ? n : String(value);
  }
  if (column.type === 'enum') return column.options?.[String(value)] ?? String(value);
  return maskCnpsInText(String(value));
}

/** Characters the cell shows on its longest line: what its column must be wide enough for. */
function displayLength(value: CellInput): number {
  if (value instanceof Date) return DATE_FORMAT.length;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value.toLocaleString('ro-RO').length;
  return Math.max(...value.split('\n').map((l) => l.length));
}

/** Points per line of 10-pt text. */
const LINE_HEIGHT = 12.75;

/**
 * About how many lines `text` takes in a column `width` units wide, wrapped at spaces.
 */
export function wrappedLines(text: string, width: number): number {
  // The width unit is a digit of the default Calibri 11, wider than the average letter of Arial 10.
  const room = Math.max(1, Math.floor(width * 1.15) - 1);
  let total = 0;
  for (const paragraph of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= room) used = needed;
      else if (used === 0) {
        lines += Math.ceil(word.length / room) - 1;
        used = word.length % room || room;
      } else {
        lines++;
        used = word.length > room ? word.length % room || room : word.length;
        if (word.length > room) lines += Math.ceil(word.length / room) - 1;
      }
    }
    total += lines;
  }
  return total;
}

/**
 * Writes a table starting at `startRow`: a header row (bold, shaded, frozen, with an autofilter
 * and repeated on every printed page) and the rows under it, each cell typed by its column.
 * Columns are as wide as their header and longest value (at most `maxWidth`, 60 characters by
 * default, and at least the column's own width); longer text wraps. The sheet prints on A4 landscape, fitted to the page width.
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  columns: readonly TableColumnSpec[],
  rows: readonly CellInput[][],
  startRow = 1,
  options: { maxWidth?: number } = {},
): void {
  const maxWidth = options.maxWidth ?? MAX_WIDTH;
  const widths = columns.map((c, i) => {
    const longest = Math.max(c.header.length, ...rows.map((r) => displayLength(r[i])));
    return Math.max(c.width ?? 8, Math.min(maxWidth, longest + 2));
  });
  const header = sheet.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(startRow + 1 + r);
    columns.forEach((column, i) => {
      // No export carries a full CNP (GDPR): only its last four digits.
      const value = typeof values[i] === 'string' ? maskCnpsInText(values[i] as string) : values[i];
      const cell = row.getCell(i + 1);
      cell.value = value ?? null;
      cell.font = FONT;
      if (column.type === 'date' && value instanceof Date) cell.numFmt = DATE_FORMAT;
      else if (column.type === 'integer' && typeof value === 'number') cell.numFmt = INTEGER_FORMAT;
      // Text longer than its column wraps instead of running under the next cell.
      const wrap = typeof value === 'string' && (value.includes('\n') || value.length > (widths[i] ?? MAX_WIDTH) - 2);
      cell.alignment = { vertical: 'top', horizontal: column.align, wrapText: wrap || undefined };
    });
    // Neither Excel nor LibreOffice grows a row for wrapped text when opening a file: set its height.
    const lines = Math.max(1, ...columns.map((_, i) => (typeof values[i] === 'string' ? wrappedLines(values[i], widths[i] ?? MAX_WIDTH) : 1)));
    if (lines > 1) row.height = lines * LINE_HEIGHT + 2;
  });
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: startRow, topLeftCell: `A${startRow + 1}`, activeCell: `A${startRow + 1}` }];
  sheet.autoFilter = { from: { row: startRow, column: 1 }, to: { row: startRow + rows.length, column: columns.length } };
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${startRow}:${startRow}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&CPagina &P din &N' };
}

/**
 * The institution's header lines (bold) and contact line at the top left, then the title and
 * subtitle; returns the next free row (one blank row left before it).
 */
export function writeDocumentHeading(sheet: ExcelJS.Worksheet, header: DocumentHeader, titleText: string, subtitle?: string): number {
  let row = 1;
  const line = (value: string, font: Partial<ExcelJS.Font>) => {
    const cell = sheet.getCell(row++, 1);
    cell.value = value;
    cell.font = font;
  };
  for (const text of header.lines) line(text, { ...FONT, bold: true });
  if (header.contactLine) line(header.contactLine, { ...FONT, size: 8 });
  row++;
  line(titleText, { ...FONT, bold: true, size: 14 });
  if (subtitle) line(subtitle, { ...FONT, italic: true });
  return row + 1;
}

/** Signers side by side from `row`: function in bold, the name under it, in every `spacing`-th column. */
export function writeSignatures(sheet: ExcelJS.Worksheet, signatures: readonly Signature[], row: number, firstColumn = 2, spacing = 4): void {
  signatures.forEach((s, i) => {
    const column = firstColumn + i * spacing;
    const titleCell = sheet.getCell(row, column);
    titleCell.value = s.title;
    titleCell.font = { ...FONT, bold: true };
    const nameCell = sheet.getCell(row + 1, column);
    nameCell.value = s.name || null;
    nameCell.font = FONT;
  });
}

export async function workbookToBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
