import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildResultsCentraliser } from '../../../src/documents/results-centraliser';
import { renderResultsCentraliserXlsx } from '../../../templates/xlsx/results-centraliser';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { smallestTextPoints } from '../../helpers/print-size';
import { roundResultsFixture } from './round-results-fixture';

describe('results centraliser (centralizatorul rezultatelor)', () => {
  const model = buildResultsCentraliser(roundResultsFixture());

  it('lists every request in ranking order with each member’s total, "recuzat" where recused', () => {
    expect(model.memberColumns.map((m) => m.name)).toEqual(['Ana Pop', 'Bogdan Rus', 'Cristina Mureșan']);
    expect(model.rows.map((r) => [r.number, r.requestLabel, r.memberTotals, r.mean, r.rank, r.allocated])).toEqual([
      [1, '1/2026', [85, 'recuzat', 85], 85, 1, 4_000_000],
      [2, '3/2026', [75, 75, 75], 75, 2, 4_000_000],
      [3, '2/2026', [75, 75, 75], 75, 2, 0],
      [4, '4/2026', [50, 50, 51], 50.33, null, 0],
      [5, '5/2026', [null, null, null], null, null, 0],
    ]);
    expect(model.rows[4]).toMatchObject({ isEligible: false, status: 'Neeligibilă', computedSubsidy: null });
    expect(model.rows[4]!.eligibilityReasons).toContain('Certificatul de atestare fiscală de la bugetul local lipsește din dosar.');
    expect(model.rows[2]!.notes).toContain('depășește bugetul rămas (20.000,00 lei)');
  });

  it('sums the budget: 100.000 lei, 80.000 allocated, 20.000 left; 2 funded, 1 short of money', () => {
    expect(model.budget).toEqual({
      budget: 10_000_000, allocated: 8_000_000, remaining: 2_000_000,
      fullyFunded: 2, partiallyFunded: 0, notFunded: 1, belowThreshold: 1, ineligible: 1, notComputed: 0,
    });
  });

  it('writes typed cells, lei formats, a frozen header and an autofilter, read back with exceljs; LibreOffice opens it', async () => {
    const bytes = await renderResultsCentraliserXlsx(model);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Rezultate')!;
    let headerRow = 0;
    sheet.eachRow((row, n) => { if (row.getCell(1).value === 'Nr.') headerRow = n; });
    expect(headerRow).toBeGreaterThan(0);
    const header = (sheet.getRow(headerRow).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Nr.', 'Nr. cerere', 'ONG', 'CUI', 'Eligibilă', 'Motive de neeligibilitate', 'Ana Pop', 'Bogdan Rus', 'Cristina Mureșan',
      'Media', 'Loc', 'Situația', 'Subvenția calculată', 'Suma alocată', 'Observații',
    ]);
    const first = sheet.getRow(headerRow + 1);
    expect(first.getCell(2).value).toBe('1/2026');
    expect(first.getCell(7).value).toBe(85);
    expect(first.getCell(8).value).toBe('recuzat');
    expect(first.getCell(10).value).toBe(85);
    expect(first.getCell(13).value).toBe(40_000);
    expect(first.getCell(13).numFmt).toBe('[$-418]#,##0.00 "lei"');
    expect(first.getCell(7).numFmt).toBe('[$-418]0.00');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${headerRow}:${headerRow}` });
    expect(workbook.getWorksheet('Buget')!.pageSetup.orientation).toBe('portrait');
    expect(first.getCell(14).value).toBe(40_000);
    const fifth = sheet.getRow(headerRow + 5);
    expect(fifth.getCell(5).value).toBe('nu');
    expect(fifth.getCell(13).value).toBeNull();
    expect(fifth.getCell(14).value).toBe(0);
    const total = sheet.getRow(headerRow + 6).getCell(14).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe(`SUM(N${headerRow + 1}:N${headerRow + 5})`);
    expect(total.result).toBe(80_000);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
    expect(sheet.autoFilter).toBeTruthy();

    const budget = workbook.getWorksheet('Buget')!;
    const values = new Map<string, unknown>();
    budget.eachRow((row) => { if (typeof row.getCell(1).value === 'string') values.set(row.getCell(1).value as string, row.getCell(2).value); });
    expect(values.get('Bugetul rundei')).toBe(100_000);
    expect(values.get('Alocat (propus spre finanțare)')).toBe(80_000);
    expect(values.get('Rămas nealocat')).toBe(20_000);
    expect(values.get('Cereri finanțate integral')).toBe(2);
    expect(values.get('Cereri nefinanțate din lipsă de buget')).toBe(1);

    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'centralizator-rezultate.xlsx');
    // Rezultate on two pages (one wide), Buget on the third; text at least 8 pt; amounts and points the Romanian way.
    expect(pdf.pageCount).toBe(3);
    expect(smallestTextPoints(pdf.pdfPath)).toBeGreaterThanOrEqual(7.95);
    expect(pdf.text).toContain('40.000,00 lei');
    expect(pdf.text).toContain('50,33');
    expect(pdf.text.split('Subvenția calculată').length - 1).toBe(2);
    expect(pdf.text).toContain('Centralizatorul rezultatelor evaluării');
    expect(pdf.text).toContain('recuzat');
    expect(pdf.text).toContain('Fundația Îngerii Străzii');
    expect(pdf.text).toContain('Bugetul rundei și utilizarea lui');
  }, 120_000);
});
