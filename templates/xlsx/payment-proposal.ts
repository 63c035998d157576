import { PAYMENT_PROPOSAL_COLUMNS, type PaymentProposal } from '../../src/documents/payment-proposal';
import { MONTH_NAMES } from '../../src/requests/subsidy-request';
import { createWorkbook, FONT_NAME, LEI_FORMAT, workbookToBytes, writeDocumentHeading, writeSignatures, writeTable, type CellInput, type TableColumnSpec } from './common';

const PLAIN = { name: FONT_NAME, size: 10 };
const BOLD = { ...PLAIN, bold: true };

/**
 * The monthly payment proposal as a workbook: one row per convention (amounts as numbers in lei,
 * the lei format), the total as a SUM formula, then the totals per budget line (SUMIF over the
 * rows) and the signatures. A4 landscape, header row repeated.
 */
export async function renderPaymentProposalXlsx(model: PaymentProposal): Promise<Uint8Array> {
  const workbook = createWorkbook(`${model.title} ${model.subtitle}`);
  const sheet = workbook.addWorksheet('Propunere de plată');
  const start = writeDocumentHeading(sheet, model.header, model.title, `${model.subtitle}${model.number ? ` — nr. ${model.number} / ${model.registryDate ?? model.date}` : ''}`);
  const widths = [4, 22, 10, 26, 12, 10, 16, 12, 14];
  const columns: TableColumnSpec[] = PAYMENT_PROPOSAL_COLUMNS.map((header, i) => ({ header, type: i === 0 ? 'integer' : 'text', width: widths[i], align: i === 8 ? 'right' : undefined }));
  const rows: CellInput[][] = model.rows.map((r) => [
    r.number, r.item.organizationName, r.item.cui, r.cells[3], r.cells[4], MONTH_NAMES[r.item.month - 1], r.item.verificationNote, r.item.budgetLine, r.item.amount / 100,
  ]);
  writeTable(sheet, columns, rows, start, { maxWidth: 30 });
  const first = start + 1;
  const last = start + model.rows.length;
  for (let r = first; r <= last; r++) sheet.getRow(r).getCell(9).numFmt = LEI_FORMAT;
  const totalRow = sheet.getRow(last + 1);
  totalRow.getCell(8).value = 'Total';
  totalRow.getCell(8).font = BOLD;
  const total = totalRow.getCell(9);
  total.value = model.rows.length > 0 ? { formula: `SUM(I${first}:I${last})`, result: model.total / 100 } : 0;
  total.numFmt = LEI_FORMAT;
  total.font = BOLD;

  let row = last + 3;
  sheet.getCell(row, 2).value = 'Totaluri pe clasificația bugetară';
  sheet.getCell(row, 2).font = BOLD;
  for (const line of model.byBudgetLine) {
    row++;
    sheet.getCell(row, 8).value = line.budgetLine;
    sheet.getCell(row, 8).font = PLAIN;
    const cell = sheet.getCell(row, 9);
    cell.font = PLAIN;
    cell.value = { formula: `SUMIF(H${first}:H${last},H${row},I${first}:I${last})`, result: line.total / 100 };
    cell.numFmt = LEI_FORMAT;
  }
  if (model.blocked.length > 0) {
    row += 2;
    sheet.getCell(row, 2).value = 'Luni verificate care nu se propun la plată';
    sheet.getCell(row, 2).font = BOLD;
    for (const b of model.blocked) {
      row++;
      sheet.getCell(row, 2).value = `${b.organizationName}, convenția nr. ${b.conventionNumber}, ${MONTH_NAMES[b.month - 1]}: ${b.blockedReason}`;
      sheet.getCell(row, 2).font = PLAIN;
    }
  }
  writeSignatures(sheet, model.signatures, row + 3, 2, 3);
  return workbookToBytes(workbook);
}
