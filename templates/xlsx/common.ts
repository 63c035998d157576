// exceljs helpers shared by every workbook the app produces: typed cells (dates as dates,
// numbers as numbers), a bold frozen header row with an autofilter, fitted widths, A4 printing.
import ExcelJS from 'exceljs';
import type { ColumnDef } from '../../src/tabular/columns';
import { isoToUtcDate, isValidIsoDate } from '../../src/validation/dates';

export type CellInput = string | number | Date | null | undefined;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const MAX_WIDTH = 60;

export function createWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Subvenții ONG';
  workbook.created = new Date();
  return workbook;
}

/** A record's value as the cell of its column: dates as UTC-midnight dates, enums as labels. */
export function cellValue(value: unknown, column: ColumnDef): CellInput {
  if (value === undefined || value === null || value === '') return null;
  if (column.type === 'date') return typeof value === 'string' && isValidIsoDate(value) ? isoToUtcDate(value) : String(value);
  if (column.type === 'integer') return typeof value === 'number' ? value : Number(value);
  if (column.type === 'enum') return column.options?.[String(value)] ?? String(value);
  return String(value);
}

function displayLength(value: CellInput): number {
  if (value instanceof Date) return 10;
  if (value === null || value === undefined) return 0;
  return Math.max(...String(value).split('\n').map((l) => l.length));
}

/**
 * Writes a table starting at `startRow`: a header row (bold, shaded, frozen, with an autofilter)
 * and the rows under it, each cell typed by its column.
 */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  columns: readonly { header: string; type: ColumnDef['type']; width?: number }[],
  rows: readonly CellInput[][],
  startRow = 1,
): void {
  const header = sheet.getRow(startRow);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((values, r) => {
    const row = sheet.getRow(startRow + 1 + r);
    values.forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.value = value ?? null;
      const type = columns[i]?.type;
      if (type === 'date') cell.numFmt = 'dd.mm.yyyy';
      else if (type === 'integer') cell.numFmt = '#,##0';
      if (typeof value === 'string' && value.includes('\n')) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  columns.forEach((c, i) => {
    const longest = Math.max(c.header.length, ...rows.map((r) => displayLength(r[i])));
    sheet.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(c.width ?? 8, longest + 2));
  });
  sheet.views = [{ state: 'frozen', ySplit: startRow, xSplit: 0 }];
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

export async function workbookToBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
