import type { RoundRequestsList } from '../../src/documents/round-requests';
import { isoToUtcDate } from '../../src/validation/dates';
import { createWorkbook, INTEGER_FORMAT, LEI_FORMAT, workbookToBytes, writeDocumentHeading, writeSignatures, writeTable, type TableColumnSpec } from './common';

// Widths chosen so that the list prints on one A4 landscape page at 80 % or more (text at least 8 pt): longer text wraps.
const COLUMNS: TableColumnSpec[] = [
  { header: 'Nr. cerere', type: 'text', width: 6 },
  { header: 'Data', type: 'date', width: 9 },
  { header: 'ONG', type: 'text', width: 12 },
  { header: 'CUI', type: 'text', width: 9 },
  { header: 'Unități', type: 'text', width: 12 },
  { header: 'Beneficiari/lună', type: 'integer', width: 9 },
  { header: 'Luni', type: 'text', width: 9 },
  { header: 'Suma cerută', type: 'integer', width: 12, align: 'right' },
  { header: 'Dosar', type: 'text', width: 9 },
  { header: 'Eligibilă', type: 'text', width: 7 },
  { header: 'Condiții neîndeplinite', type: 'text', width: 12 },
  { header: 'Subvenție calculată', type: 'integer', width: 12, align: 'right' },
  { header: 'Observații', type: 'text', width: 10 },
  { header: 'Stare', type: 'text', width: 8 },
];
const MONEY_COLUMNS = [8, 12];

/** The round's list of requests with eligibility and computed amounts, and the budget's use. */
export async function renderRoundRequestsXlsx(list: RoundRequestsList): Promise<Uint8Array> {
  const workbook = createWorkbook(list.title);
  const sheet = workbook.addWorksheet('Cereri');
  const start = writeDocumentHeading(sheet, list.header, list.title, list.subtitle);
  writeTable(
    sheet,
    COLUMNS,
    list.rows.map((r) => [
      r.number, isoToUtcDate(r.registeredOn), r.organization, r.cui, r.units, r.beneficiaries, r.months, r.requested / 100,
      r.isDossierComplete ? 'complet' : 'incomplet', r.isEligible ? 'da' : 'nu', r.reasons, r.subsidy === null ? null : r.subsidy / 100, r.note, r.status,
    ]),
    start,
    { maxWidth: 40, repeatColumns: 1 },
  );
  for (let i = 0; i < list.rows.length; i++) for (const c of MONEY_COLUMNS) sheet.getRow(start + 1 + i).getCell(c).numFmt = LEI_FORMAT;

  let row = start + list.rows.length + 2;
  const totals: [string, number, string][] = [
    ['Cereri (fără cele retrase)', list.totals.requests, INTEGER_FORMAT],
    ['Cereri eligibile', list.totals.eligible, INTEGER_FORMAT],
    ['Total sumă cerută', list.totals.requested / 100, LEI_FORMAT],
    ['Total subvenție calculată', list.totals.subsidy / 100, LEI_FORMAT],
    ['Bugetul rundei', list.totals.budget / 100, LEI_FORMAT],
    ['Rămas din buget', list.totals.remaining / 100, LEI_FORMAT],
  ];
  for (const [label, value, numFmt] of totals) {
    sheet.getCell(row, 3).value = label;
    sheet.getCell(row, 3).font = { name: 'Arial', size: 10, bold: true };
    const cell = sheet.getCell(row, 5);
    cell.value = value;
    cell.numFmt = numFmt;
    cell.alignment = { horizontal: 'right' };
    cell.font = { name: 'Arial', size: 10 };
    row++;
  }
  writeSignatures(sheet, list.signatures, row + 1, 3, 4);
  return workbookToBytes(workbook);
}
