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

/*
 * Number formats that print the Romanian way on any computer. A format code's "." and "," are not
 * characters but the decimal and thousands separators of whoever opens the file: "#,##0.00" shows
 * "1,537,120.00" on an English-locale LibreOffice. The locale tag [$-418] (LCID 0x0418, ro-RO; the
 * tag Excel itself writes when a user picks the Romanian locale in Format Cells) makes LibreOffice
 * format the cell as Romanian whatever its own locale: "1.537.120,00 lei" under LC_ALL=en_US.UTF-8
 * as under ro_RO (checked by converting to PDF; see test/unit/templates/xlsx.test.ts). The currency
 * form "#,##0.00 [$lei-418]" does not: LibreOffice then keeps the computer's separators. Excel takes
 * the separators from the Windows regional settings whatever the tag, so an Excel set to Romanian
 * (as at DASM) shows the same; no format code can do better without turning the amount into text,
 * and the cell stays a number in lei so that sums and filters work.
 */
/** Romanian locale tag for number formats (see above). */
export const RO_LOCALE_TAG = '[$-418]';
/** An amount in lei: "1.537.120,00 lei"; the cell's value is the number of lei. */
export const LEI_FORMAT = `${RO_LOCALE_TAG}#,##0.00 "lei"`;
/** A whole number with thousands: "1.250". */
export const INTEGER_FORMAT = `${RO_LOCALE_TAG}#,##0`;
/** Points with two decimals: "72,50". */
export const POINTS_FORMAT = `${RO_LOCALE_TAG}0.00`;

/**
 * Printing: A4, margins of 0.4" (1 cm) left and right; printed text no smaller than 8 pt (10-pt
 * cells at a scale of at least 80 %). Widths in points of the printable area, landscape and portrait.
 */
const SIDE_MARGIN_IN = 0.4;
const PRINTABLE_WIDTH_PT = { landscape: 841.89 - 2 * 72 * SIDE_MARGIN_IN, portrait: 595.28 - 2 * 72 * SIDE_MARGIN_IN };
export const MIN_PRINT_SCALE = 0.8;
/** Points a column `width` units wide takes on paper at 100 % (LibreOffice: 7 pt per unit of the default Calibri 11; measured on its PDF). */
export const columnPoints = (width: number) => width * 7;
/** The most column width (in points at 100 %) one page holds at the minimum scale. */
export function pagePoints(orientation: 'landscape' | 'portrait'): number {
  return PRINTABLE_WIDTH_PT[orientation] / MIN_PRINT_SCALE;
}
/** Characters of Arial 10 per width unit (a unit is a digit of Calibri 11, wider than the average letter). */
const CHARS_PER_UNIT = 1.2;

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

/** The longest word of a text: a column narrower than it would break the word. */
const longestWord = (text: string) => Math.max(0, ...text.split(/[\s/]+/).map((w) => w.length));

/**
 * Narrows the widest columns until the table fits `budget` points, none below its floor; their
 * text then wraps. Returns the widths.
 */
export function fitWidths(widths: readonly number[], floors: readonly number[], budget: number): number[] {
  const result = [...widths];
  const total = () => result.reduce((s, w) => s + columnPoints(w), 0);
  while (total() > budget) {
    let widest = -1;
    for (let i = 0; i < result.length; i++) if (result[i]! > floors[i]! && (widest < 0 || result[i]! > result[widest]!)) widest = i;
    if (widest < 0) break;
    result[widest] = result[widest]! - 1;
  }
  return result;
}

/**
 * Writes a table starting at `startRow`: a header row (bold, shaded, frozen, with an autofilter
 * and repeated on every printed page) and the rows under it, each cell typed by its column and
 * bordered. Columns are as wide as their header and longest value (at most `maxWidth`, 60
 * characters by default, and at least the column's own width); longer text wraps. The sheet
 * prints on A4 (landscape unless asked), fitted to the page width at no less than MIN_PRINT_SCALE:
 * text columns are narrowed (their text wraps) until the table fits; a table that still does not
 * fit prints over as many pages side by side as it needs, its first `repeatColumns` columns
 * repeated on each.
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  columns: readonly TableColumnSpec[],
  rows: readonly CellInput[][],
  startRow = 1,
  options: { maxWidth?: number; orientation?: 'landscape' | 'portrait'; repeatColumns?: number } = {},
): void {
  const maxWidth = options.maxWidth ?? MAX_WIDTH;
  const orientation = options.orientation ?? 'landscape';
  const natural = columns.map((c, i) => {
    const longest = Math.max(c.header.length, ...rows.map((r) => displayLength(r[i])));
    return Math.max(c.width ?? 8, Math.min(maxWidth, longest + 2));
  });
  // A column narrows down to its own width and its header's longest word (the header and text
  // then wrap); numbers and dates never below their longest value.
  const units = (chars: number) => Math.ceil(chars / CHARS_PER_UNIT + 0.5);
  const floors = columns.map((c, i) => {
    const values = Math.max(0, ...rows.map((r) => (typeof r[i] === 'number' || r[i] instanceof Date ? units(displayLength(r[i])) : 0)));
    return Math.min(natural[i]!, Math.max(c.width ?? 6, units(longestWord(c.header)), values));
  });
  const page = pagePoints(orientation);
  const points = (list: readonly number[]) => list.reduce((s, w) => s + columnPoints(w), 0);
  // A table too wide for one page even narrowed (a data export) keeps its widths and prints over several pages.
  const widths = points(floors) <= page ? fitWidths(natural, floors, page) : natural;
  const pagesWide = Math.max(1, Math.ceil(points(widths) / page));
  const header = sheet.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  // The header wraps in narrowed columns: a row tall enough for its longest header.
  const headerLines = Math.max(1, ...columns.map((c, i) => wrappedLines(c.header, widths[i] ?? MAX_WIDTH)));
  if (headerLines > 1) header.height = headerLines * LINE_HEIGHT + 4;
  rows.forEach((values, r) => {
    const row = sheet.getRow(startRow + 1 + r);
    columns.forEach((column, i) => {
      // No export carries a full CNP (GDPR): only its last four digits.
      const value = typeof values[i] === 'string' ? maskCnpsInText(values[i] as string) : values[i];
      const cell = row.getCell(i + 1);
      cell.value = value ?? null;
      cell.font = FONT;
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
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
  const repeat = Math.min(options.repeatColumns ?? 0, columns.length);
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation,
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    printTitlesRow: `${startRow}:${startRow}`,
    ...(pagesWide > 1 && repeat > 0 ? { printTitlesColumn: `A:${sheet.getColumn(repeat).letter}` } : {}),
    margins: { left: SIDE_MARGIN_IN, right: SIDE_MARGIN_IN, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
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
  // 10 pt like the table: printed at 80 % or more, it stays at least 8 pt.
  if (header.contactLine) line(header.contactLine, FONT);
  row++;
  line(titleText, { ...FONT, bold: true, size: 14 });
  if (subtitle) line(subtitle, { ...FONT, italic: true });
  return row + 1;
}

/**
 * Signers side by side from `row`, in every `spacing`-th column: the capacity in bold ("Aprobat,"),
 * the function, the name (or, without a capacity, the function in bold and the name). Returns
 * the first row under them.
 */
export function writeSignatures(sheet: ExcelJS.Worksheet, signatures: readonly Signature[], row: number, firstColumn = 2, spacing = 4): number {
  let next = row;
  signatures.forEach((s, i) => {
    const column = firstColumn + i * spacing;
    const lines: [string, boolean][] = s.role ? [[`${s.role},`, true], [s.title, false], [s.name, false]] : [[`${s.title},`, true], [s.name, false]];
    lines.forEach(([value, bold], l) => {
      const cell = sheet.getCell(row + l, column);
      cell.value = value || null;
      cell.font = { ...FONT, bold };
    });
    next = Math.max(next, row + lines.length);
  });
  return next;
}

export async function workbookToBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
