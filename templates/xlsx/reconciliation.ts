// The finance department's reconciliation workbook for a year (and a round): one row per
// convention and month with the four phases' amounts side by side, totals per NGO, per service
// category and per budget line, and the exceptions. Totals are SUM formulas over the rows (with
// their cached results, so a reader that does not recalculate shows them too); every other value
// is frozen as computed by src/settlements/reconciliation.ts. Sheets are protected (no password:
// against accidental edits) except the comment columns. The cells of a column share one style object,
// so that a year of 2,400 rows writes about as fast as exceljs writing the bare cells (see columnStyles).
import type ExcelJS from 'exceljs';
import { documentHeader } from '../../src/documents/document-header';
import { serviceCategoryLabel } from '../../src/documents/finance-labels';
import { MONTH_NAMES } from '../../src/requests/subsidy-request';
import { EXCEPTION_KINDS, type Reconciliation, type ReconciliationRow, type Totals } from '../../src/settlements/reconciliation';
import type { InstitutionSettings } from '../../src/settings/institution';
import { formatRoDate, type IsoDate } from '../../src/validation/dates';
import { createWorkbook, FONT_NAME, INTEGER_FORMAT, LEI_FORMAT, workbookToBytes, writeDocumentHeading } from './common';

export { LEI_FORMAT };

export interface ReconciliationContext {
  year: number;
  roundName?: string;
  settings: InstitutionSettings;
  generatedOn: IsoDate;
  /** Service category code → label; the shipped labels otherwise. */
  serviceCategoryLabels?: Readonly<Record<string, string>>;
}

const FONT: Partial<ExcelJS.Font> = { name: FONT_NAME, size: 10 };
const BOLD: Partial<ExcelJS.Font> = { ...FONT, bold: true };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const COMMENT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9E5' } };

export type ColumnKind = 'text' | 'integer' | 'lei' | 'comment';
export interface SheetColumn {
  header: string;
  width: number;
  kind: ColumnKind;
}

/** The columns of the rows sheet, in order. */
export const RECONCILIATION_COLUMNS: readonly SheetColumn[] = [
  { header: 'Nr.', width: 5, kind: 'integer' },
  { header: 'Convenția', width: 9, kind: 'text' },
  { header: 'Furnizorul', width: 24, kind: 'text' },
  { header: 'Luna', width: 15, kind: 'text' },
  { header: 'Starea decontului', width: 12, kind: 'text' },
  { header: 'Contractat', width: 15, kind: 'lei' },
  { header: 'Solicitat', width: 15, kind: 'lei' },
  { header: 'Admis (lichidat)', width: 15, kind: 'lei' },
  { header: 'Refuzat', width: 15, kind: 'lei' },
  { header: 'Aprobat (ordonanțat)', width: 15, kind: 'lei' },
  { header: 'Plătit', width: 15, kind: 'lei' },
  { header: 'Diferența (aprobat − plătit)', width: 15, kind: 'lei' },
  { header: 'Plătit cumulat', width: 16, kind: 'lei' },
  { header: 'Rămas din convenție', width: 16, kind: 'lei' },
  { header: 'Observații', width: 24, kind: 'comment' },
];
/** The settlement's state in a word or two (the column is narrow). */
const STATE_LABELS: Record<ReconciliationRow['state'], string> = {
  ciorna: 'Ciornă', depus: 'Depus', verificat: 'Verificat', aprobat: 'Ordonanțat', platit: 'Plătit', respins: 'Respins', lipsa: 'Fără decont',
};
/** Columns whose total is a SUM over the rows (cumulative and remaining are not additive). */
const SUMMED = new Set(['Contractat', 'Solicitat', 'Admis (lichidat)', 'Refuzat', 'Aprobat (ordonanțat)', 'Plătit', 'Diferența (aprobat − plătit)']);
/** Identification columns repeated on each page when the sheet prints over two pages side by side. */
const REPEATED_COLUMNS = 3;

const TOTALS_COLUMNS = (first: string): SheetColumn[] => [
  { header: first, width: 34, kind: 'text' },
  { header: 'Contractat', width: 16, kind: 'lei' },
  { header: 'Solicitat', width: 16, kind: 'lei' },
  { header: 'Admis (lichidat)', width: 16, kind: 'lei' },
  { header: 'Refuzat', width: 16, kind: 'lei' },
  { header: 'Aprobat (ordonanțat)', width: 16, kind: 'lei' },
  { header: 'Plătit', width: 16, kind: 'lei' },
  { header: 'Observații', width: 24, kind: 'comment' },
];
const totalsValues = (t: Totals) => [t.contracted / 100, t.claimed / 100, t.admitted / 100, t.refused / 100, t.approved / 100, t.paid / 100];

/**
 * Sets the columns' widths and returns one style object per column (font, number format,
 * borders; the comment column unlocked and shaded). Every cell of a column is given the same
 * object: exceljs writes a style it has seen before (same object) without working it out again,
 * which is what keeps 36,000 styled cells close to the cost of bare ones.
 */
function columnStyles(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[]): Partial<ExcelJS.Style>[] {
  return columns.map((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    return {
      font: FONT,
      border: BORDER,
      alignment: c.kind === 'text' || c.kind === 'comment' ? { vertical: 'top', wrapText: true } : { vertical: 'top' },
      ...(c.kind === 'lei' ? { numFmt: LEI_FORMAT } : c.kind === 'integer' ? { numFmt: INTEGER_FORMAT } : {}),
      ...(c.kind === 'comment' ? { protection: { locked: false }, fill: COMMENT_FILL } : {}),
    };
  });
}

/** Adds a row of values, each cell with its column's (shared) style. */
function addStyledRow(sheet: ExcelJS.Worksheet, values: ExcelJS.CellValue[], styles: readonly Partial<ExcelJS.Style>[]): ExcelJS.Row {
  const row = sheet.addRow(values);
  for (let c = 0; c < styles.length; c++) row.getCell(c + 1).style = styles[c]!;
  return row;
}

/** The header row: bold, shaded, wrapped, frozen, filtered, repeated on every printed page. */
function headerRow(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[], rowNumber: number, lastRow: number): void {
  const row = sheet.getRow(rowNumber);
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    cell.value = c.header;
    cell.style = { font: BOLD, fill: HEADER_FILL, border: BORDER, alignment: { vertical: 'middle', wrapText: true } };
  });
  row.height = 28;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: rowNumber, topLeftCell: `A${rowNumber + 1}`, activeCell: `A${rowNumber + 1}` }];
  sheet.autoFilter = { from: { row: rowNumber, column: 1 }, to: { row: Math.max(rowNumber, lastRow), column: columns.length } };
}

/** A4 landscape, `pagesWide` pages side by side (identification columns repeated), header row repeated. */
function printSetup(sheet: ExcelJS.Worksheet, header: number, pagesWide: number, repeatColumns = 0): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: pagesWide,
    fitToHeight: 0,
    printTitlesRow: `${header}:${header}`,
    ...(pagesWide > 1 && repeatColumns > 0 ? { printTitlesColumn: `A:${sheet.getColumn(repeatColumns).letter}` } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: '&L&A&CPagina &P din &N' };
}

/** The total row: "Total" in the first column, a SUM formula (with its cached result) under each summed column. */
function totalRow(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[], rowNumber: number, first: number, last: number, results: Map<number, number>, labelColumn = 1): void {
  const row = sheet.getRow(rowNumber);
  const label = row.getCell(labelColumn);
  label.value = 'Total';
  columns.forEach((c, i) => {
    const cell = row.getCell(i + 1);
    const result = results.get(i + 1);
    if (result !== undefined) {
      const letter = sheet.getColumn(i + 1).letter;
      cell.value = last >= first ? { formula: `SUM(${letter}${first}:${letter}${last})`, result: Math.round(result * 100) / 100 } : 0;
    }
    cell.style = { ...cell.style, font: BOLD, fill: TOTAL_FILL, border: BORDER, ...(c.kind === 'lei' ? { numFmt: LEI_FORMAT } : {}) };
  });
}

async function protect(sheet: ExcelJS.Worksheet): Promise<void> {
  // No password: the protection guards against accidental edits; filters and widths stay usable.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
}

function rowsSheet(workbook: ExcelJS.Workbook, r: Reconciliation, context: ReconciliationContext, title: string, subtitle: string): void {
  const sheet = workbook.addWorksheet('Reconciliere');
  const columns = RECONCILIATION_COLUMNS;
  const styles = columnStyles(sheet, columns);
  const header = writeDocumentHeading(sheet, documentHeader(context.settings), title, subtitle);
  const first = header + 1;
  const last = header + r.rows.length;
  headerRow(sheet, columns, header, last);
  for (let i = 0; i < r.rows.length; i++) {
    const x = r.rows[i]!;
    addStyledRow(sheet, [
      i + 1, x.conventionNumber, x.organizationName, `${MONTH_NAMES[x.month - 1]} ${r.year}`, STATE_LABELS[x.state],
      x.contracted / 100, x.claimed / 100, x.admitted / 100, x.refused / 100, x.approved / 100, x.paid / 100, x.difference / 100, x.cumulativePaid / 100, x.remaining / 100, null,
    ], styles);
  }
  const difference = r.rows.reduce((s, x) => s + x.difference, 0);
  const results = new Map<number, number>();
  const sums = [r.total.contracted, r.total.claimed, r.total.admitted, r.total.refused, r.total.approved, r.total.paid, difference];
  columns.forEach((c, i) => {
    if (SUMMED.has(c.header)) results.set(i + 1, sums[results.size]! / 100);
  });
  totalRow(sheet, columns, last + 1, first, last, results, 3);
  // Too wide for one landscape page at a legible size: two pages side by side, the convention and the NGO repeated.
  printSetup(sheet, header, 2, REPEATED_COLUMNS);
}

function totalsSheet(workbook: ExcelJS.Workbook, name: string, firstHeader: string, lines: { label: string; values: number[] }[], context: ReconciliationContext, title: string, subtitle: string, columns = TOTALS_COLUMNS(firstHeader)): void {
  const sheet = workbook.addWorksheet(name);
  const styles = columnStyles(sheet, columns);
  const header = writeDocumentHeading(sheet, documentHeader(context.settings), title, subtitle);
  const first = header + 1;
  const last = header + lines.length;
  headerRow(sheet, columns, header, last);
  for (const line of lines) addStyledRow(sheet, [line.label, ...line.values, null], styles);
  const results = new Map<number, number>();
  columns.forEach((c, i) => {
    if (c.kind === 'lei') results.set(i + 1, lines.reduce((s, l) => s + Math.round(l.values[i - 1]! * 100), 0) / 100);
  });
  totalRow(sheet, columns, last + 1, first, last, results);
  printSetup(sheet, header, 1);
}

function exceptionsSheet(workbook: ExcelJS.Workbook, r: Reconciliation, context: ReconciliationContext, title: string, subtitle: string): void {
  const sheet = workbook.addWorksheet('Excepții');
  const columns: SheetColumn[] = [
    { header: 'Nr.', width: 5, kind: 'integer' },
    { header: 'Tipul excepției', width: 26, kind: 'text' },
    { header: 'Convenția', width: 10, kind: 'text' },
    { header: 'Luna', width: 11, kind: 'text' },
    { header: 'Suma', width: 16, kind: 'lei' },
    { header: 'Descrierea', width: 50, kind: 'text' },
    { header: 'Observații', width: 24, kind: 'comment' },
  ];
  const styles = columnStyles(sheet, columns);
  const header = writeDocumentHeading(sheet, documentHeader(context.settings), title, subtitle);
  headerRow(sheet, columns, header, header + r.exceptions.length);
  r.exceptions.forEach((e, i) => {
    const row = addStyledRow(sheet, [i + 1, EXCEPTION_KINDS[e.kind], e.conventionNumber, e.month ? MONTH_NAMES[e.month - 1] : '', e.amount / 100, e.message, null], styles);
    // The description wraps: a row tall enough for it (neither Excel nor LibreOffice grows it on opening).
    row.height = Math.max(1, Math.ceil(e.message.length / 55)) * 12.75 + 2;
  });
  if (r.exceptions.length === 0) addStyledRow(sheet, [null, 'Nicio excepție', null, null, null, 'Nu s-au găsit sume peste plafon, plăți fără verificare, luni fără decont, plăți duble sau sume de recuperat.', null], styles);
  printSetup(sheet, header, 1);
}

/**
 * The workbook: "Reconciliere" (a row per convention and month, totals as SUM formulas), "Pe
 * furnizori", "Pe categorii de servicii", "Pe linii bugetare" (totals frozen, their sum a SUM
 * formula) and "Excepții".
 */
export async function renderReconciliationXlsx(reconciliation: Reconciliation, context: ReconciliationContext): Promise<Uint8Array> {
  const title = `Reconcilierea subvențiilor acordate în anul ${context.year}`;
  const subtitle = `${context.roundName ? `${context.roundName} — ` : ''}Legea nr. 34/1998; situație generată la ${formatRoDate(context.generatedOn)}; sume în lei`;
  const workbook = createWorkbook(title);
  rowsSheet(workbook, reconciliation, context, title, subtitle);
  totalsSheet(workbook, 'Pe furnizori', 'Furnizorul', reconciliation.byOrganization.map((o) => ({ label: o.organizationName, values: totalsValues(o) })), context, 'Totaluri pe furnizori', subtitle);
  totalsSheet(
    workbook, 'Pe categorii de servicii', 'Categoria de servicii sociale',
    reconciliation.byServiceCategory.map((c) => ({ label: serviceCategoryLabel(c.serviceCategory, context.serviceCategoryLabels), values: [c.contracted / 100, c.admitted / 100] })),
    context, 'Totaluri pe categorii de servicii sociale', subtitle,
    [{ header: 'Categoria de servicii sociale', width: 40, kind: 'text' }, { header: 'Contractat', width: 18, kind: 'lei' }, { header: 'Admis (lichidat)', width: 18, kind: 'lei' }, { header: 'Observații', width: 30, kind: 'comment' }],
  );
  totalsSheet(workbook, 'Pe linii bugetare', 'Clasificația bugetară', reconciliation.byBudgetLine.map((l) => ({ label: l.budgetLine, values: totalsValues(l) })), context, 'Totaluri pe clasificația bugetară', subtitle);
  exceptionsSheet(workbook, reconciliation, context, 'Excepții', subtitle);
  for (const sheet of workbook.worksheets) await protect(sheet);
  return workbookToBytes(workbook);
}
