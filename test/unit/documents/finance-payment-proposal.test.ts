import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blockText, DRAFT_NOTE } from '../../../src/documents/finance-blocks';
import { buildPaymentProposal, type PaymentProposalItem } from '../../../src/documents/payment-proposal';
import { bani } from '../../../src/money';
import { renderPaymentProposalDocx } from '../../../templates/docx/payment-proposal';
import { LEI_FORMAT } from '../../../templates/xlsx/common';
import { renderPaymentProposalXlsx } from '../../../templates/xlsx/payment-proposal';
import { settings } from './finance-fixtures';

const item = (over: Partial<PaymentProposalItem>): PaymentProposalItem => ({
  conventionId: 'c', organizationName: 'Asociația „Șansa Țării Românești”', cui: '300000015', iban: 'RO37BTRL0000000000000001', bankName: 'Banca Transilvania',
  conventionNumber: '12', conventionDate: '2025-01-15', month: 3, amount: bani(1_320_000), verificationNote: 'nr. 902 din 10.04.2025', budgetLine: '68.02.59.11', ...over,
});
const items = [
  item({}),
  item({ conventionId: 'b', organizationName: 'Fundația Alfa', conventionNumber: '40', amount: bani(1_234_567) }),
  item({ conventionId: 'd', organizationName: 'Asociația Beta', conventionNumber: '7', amount: bani(500_000), budgetLine: '68.02.05.02.59.11' }),
  item({ conventionId: 'e', organizationName: 'Asociația Gama', conventionNumber: '9', amount: bani(900_000), blockedReason: 'licența unității „Casa Gama” a expirat la 28.02.2025 (Legea 197/2012, art. 8)' }),
];

describe('the monthly payment proposal (propunere de plată)', () => {
  const model = buildPaymentProposal({ year: 2025, month: 3, items, settings, mark: { number: '950', registryDate: '14.04.2025' }, date: '2025-04-14' });

  it('lists the proposed conventions by NGO with what each ordonanțare needs, and totals 13.200 + 12.345,67 + 5.000 = 30.545,67 lei', () => {
    expect(model.rows.map((r) => r.cells[1])).toEqual(['Asociația Beta', 'Asociația „Șansa Țării Românești”', 'Fundația Alfa']);
    expect(model.rows[1]!.cells).toEqual(['2', 'Asociația „Șansa Țării Românești”', '300000015', 'RO37BTRL0000000000000001\nBanca Transilvania', 'nr. 12 din 15.01.2025', 'martie', 'nr. 902 din 10.04.2025', '68.02.59.11', '13.200,00 lei']);
    expect(model.total).toBe(3_054_567);
    const table = model.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.table.totals![0]).toEqual(['', 'Total (3 convenții)', '', '', '', '', '', '', '30.545,67 lei']);
    expect(model.byBudgetLine).toEqual([
      { budgetLine: '68.02.05.02.59.11', total: 500_000, count: 1 },
      { budgetLine: '68.02.59.11', total: 2_554_567, count: 2 },
    ]);
  });

  it('keeps a suspended month out of the total, with its reason', () => {
    const text = blockText(model.blocks);
    expect(model.blocked.map((b) => b.organizationName)).toEqual(['Asociația Gama']);
    expect(text).toContain('Asociația Gama, convenția nr. 9 din 15.01.2025, martie: 9.000,00 lei admiși — licența unității „Casa Gama” a expirat la 28.02.2025 (Legea 197/2012, art. 8).');
    expect(text).toContain('pentru luna martie 2025');
    expect(text).toContain('în total 30.545,67 lei');
    expect(model.signatures.map((s) => s.role)).toEqual(['Aprobat', 'Avizat', 'Întocmit']);
  });

  it('renders a landscape DOCX, with the draft note when unnumbered', async () => {
    const draft = buildPaymentProposal({ year: 2025, month: 3, items, settings, mark: {} });
    const body = await (await JSZip.loadAsync(await renderPaymentProposalDocx(draft))).file('word/document.xml')!.async('string');
    expect(body).toContain(DRAFT_NOTE);
    expect(body).toContain('PROPUNERE DE PLATĂ');
    expect(body).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    expect(body).toContain('30.545,67 lei');
  });

  it('writes the XLSX with amounts in lei, the total as SUM of the rows and the budget lines as SUMIF', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderPaymentProposalXlsx(model)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Propunere de plată')!;
    const amounts: number[] = [];
    let totalCell: ExcelJS.Cell | undefined;
    const sumifs: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => {
      const cell = row.getCell(9);
      if (typeof cell.value === 'number') {
        amounts.push(cell.value);
        expect(cell.numFmt).toBe(LEI_FORMAT);
      } else if (cell.value && typeof cell.value === 'object' && 'formula' in cell.value) {
        if (String(cell.value.formula).startsWith('SUM(')) totalCell = cell;
        else sumifs.push(cell);
      }
    });
    expect(amounts).toEqual([5_000, 13_200, 12_345.67]);
    const total = totalCell!.value as ExcelJS.CellFormulaValue;
    expect(total.formula).toMatch(/^SUM\(I\d+:I\d+\)$/);
    expect(total.result).toBeCloseTo(amounts.reduce((s, v) => s + v, 0), 2);
    expect(sumifs.map((c) => (c.value as ExcelJS.CellFormulaValue).result)).toEqual([5_000, 25_545.67]);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });
});
