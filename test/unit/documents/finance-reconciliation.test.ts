import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LEI_FORMAT } from '../../../templates/xlsx/common';
import { RECONCILIATION_COLUMNS, renderReconciliationXlsx } from '../../../templates/xlsx/reconciliation';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { reconciliationFixture, settings } from './finance-fixtures';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}
const isFormula = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue => !!v && typeof v === 'object' && 'formula' in v;

/** The header row (the row whose first cell is the first column's header) and the rows under it up to "Total". */
function table(sheet: ExcelJS.Worksheet, firstHeader: string, labelColumn = 1): { header: number; rows: ExcelJS.Row[]; total: ExcelJS.Row } {
  let header = 0;
  sheet.eachRow((row, n) => {
    if (!header && row.getCell(1).value === firstHeader) header = n;
  });
  const rows: ExcelJS.Row[] = [];
  let n = header + 1;
  while (sheet.getRow(n).getCell(labelColumn).value !== 'Total') rows.push(sheet.getRow(n++));
  return { header, rows, total: sheet.getRow(n) };
}

describe('the reconciliation workbook', async () => {
  const { r } = reconciliationFixture();
  const bytes = await renderReconciliationXlsx(r, { year: 2025, roundName: 'Runda 2025', settings, generatedOn: '2025-08-20' });
  const workbook = await load(bytes);

  it('has the rows, totals and exceptions sheets', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Reconciliere', 'Pe furnizori', 'Pe categorii de servicii', 'Pe linii bugetare', 'Excepții']);
  });

  it('writes one row per convention and month, amounts in lei with the lei format', () => {
    const sheet = workbook.getWorksheet('Reconciliere')!;
    const { header, rows } = table(sheet, 'Nr.', 3);
    expect(sheet.getRow(header).values).toEqual([undefined, ...RECONCILIATION_COLUMNS.map((c) => c.header)]);
    expect(rows).toHaveLength(18);
    const feb = rows.find((row) => row.getCell(2).value === '12' && row.getCell(4).value === 'februarie 2025')!;
    // contracted, claimed, admitted, refused, approved, paid, difference, cumulative paid, remaining (240.000 − 29.000).
    expect([6, 7, 8, 9, 10, 11, 12, 13, 14].map((c) => feb.getCell(c).value)).toEqual([15_000, 18_000, 15_000, 3_000, 15_000, 30_000, -15_000, 44_000, 211_000]);
    expect(feb.getCell(6).numFmt).toBe(LEI_FORMAT);
    expect(feb.getCell(5).value).toBe('Plătit');
    expect(rows.find((row) => row.getCell(4).value === 'aprilie 2025')!.getCell(5).value).toBe('Fără decont');
  });

  it('totals every summed column with a SUM over the row range, whose cached result is the sum of the rows', () => {
    const sheet = workbook.getWorksheet('Reconciliere')!;
    const { header, rows, total } = table(sheet, 'Nr.', 3);
    const first = header + 1;
    const last = header + rows.length;
    for (const column of [6, 7, 8, 9, 10, 11, 12]) {
      const value = total.getCell(column).value;
      if (!isFormula(value)) throw new Error(`column ${column} has no formula`);
      const letter = sheet.getColumn(column).letter;
      expect(value.formula).toBe(`SUM(${letter}${first}:${letter}${last})`);
      const sum = rows.reduce((s, row) => s + Number(row.getCell(column).value), 0);
      expect(value.result).toBeCloseTo(sum, 2);
    }
    // The cumulative and remaining columns are not additive: no total under them.
    expect(total.getCell(13).value).toBeNull();
    // Against the domain's totals: 66.000 lei paid (14.000 + 2 × 15.000 + 10.000 + 12.000).
    expect((total.getCell(6).value as ExcelJS.CellFormulaValue).result).toBe(r.total.contracted / 100);
    expect((total.getCell(11).value as ExcelJS.CellFormulaValue).result).toBe(66_000);
  });

  it('totals per NGO, service category and budget line add up to the rows sheet', () => {
    const grand = (table(workbook.getWorksheet('Reconciliere')!, 'Nr.', 3).total.getCell(11).value as ExcelJS.CellFormulaValue).result;
    const orgs = table(workbook.getWorksheet('Pe furnizori')!, 'Furnizorul');
    expect(orgs.rows.map((row) => [row.getCell(1).value, row.getCell(7).value])).toEqual(r.byOrganization.map((o) => [o.organizationName, o.paid / 100]));
    expect((orgs.total.getCell(7).value as ExcelJS.CellFormulaValue).result).toBe(grand);
    expect((orgs.total.getCell(7).value as ExcelJS.CellFormulaValue).formula).toBe(`SUM(G${orgs.header + 1}:G${orgs.header + orgs.rows.length})`);
    const categories = table(workbook.getWorksheet('Pe categorii de servicii')!, 'Categoria de servicii sociale');
    expect(categories.rows.map((row) => row.getCell(1).value)).toEqual(['centre de zi']);
    expect((categories.total.getCell(2).value as ExcelJS.CellFormulaValue).result).toBe(r.total.contracted / 100);
    const lines = table(workbook.getWorksheet('Pe linii bugetare')!, 'Clasificația bugetară');
    expect(lines.rows.map((row) => row.getCell(1).value)).toEqual(['68.02.59.11']);
    expect((lines.total.getCell(7).value as ExcelJS.CellFormulaValue).result).toBe(grand);
  });

  it('lists the exceptions with kind, convention, month, amount and description', () => {
    const sheet = workbook.getWorksheet('Excepții')!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') values.push([row.getCell(2).value, row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]);
    });
    expect(values).toHaveLength(r.exceptions.length);
    expect(values).toContainEqual(['Plătit de două ori / peste suma aprobată', '12', 'februarie', 15_000]);
    expect(values).toContainEqual(['Lună fără decont', '12', 'aprilie', 0]);
  });

  it('protects every sheet except the comment columns, and prints on A4 landscape with the header row repeated', () => {
    for (const sheet of workbook.worksheets) {
      expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToHeight: 0 });
      expect(sheet.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
    const sheet = workbook.getWorksheet('Reconciliere')!;
    const { header, rows } = table(sheet, 'Nr.', 3);
    expect(sheet.getRow(header + 1).getCell(15).protection).toMatchObject({ locked: false });
    expect(rows[0]!.getCell(11).protection?.locked).not.toBe(false);
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 2, printTitlesColumn: 'A:C' });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
  });

  it('prints through LibreOffice in lei, Romanian style, with the totals', () => {
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'reconciliere.xlsx');
    // The rows sheet over two pages side by side, then one page for each totals sheet and the exceptions.
    expect(pdf.pageCount).toBe(6);
    expect(pdf.text).toContain('Reconcilierea subvențiilor acordate în anul 2025');
    expect(pdf.text).toContain('330.000,00 lei');
    expect(pdf.text).toContain('66.000,00 lei');
    expect(pdf.text).toContain('Plătit de două ori / peste suma aprobată');
  }, 120_000);
});
