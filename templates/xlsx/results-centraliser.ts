import type { ResultsCentraliser } from '../../src/documents/results-centraliser';
import {
  createWorkbook, INTEGER_FORMAT, LEI_FORMAT, POINTS_FORMAT, workbookToBytes, writeDocumentHeading, writeSignatures, writeTable, type CellInput, type TableColumnSpec,
} from './common';

export { LEI_FORMAT };

/**
 * The results centraliser: sheet "Rezultate" (every request in ranking order, a column per
 * member's total, "recuzat" where the member was recused) and sheet "Buget".
 */
export async function renderResultsCentraliserXlsx(model: ResultsCentraliser): Promise<Uint8Array> {
  const workbook = createWorkbook(model.title);
  const sheet = workbook.addWorksheet('Rezultate');
  const start = writeDocumentHeading(sheet, model.header, model.title, model.subtitle);
  const memberCount = model.memberColumns.length;
  // Widths chosen so that the sheet prints on one A4 landscape page at 80 % or more (text at least
  // 8 pt) for up to 3 members; with more, it prints over two pages side by side, the request and
  // the NGO repeated on each. Members' names and long headers wrap.
  const columns: TableColumnSpec[] = [
    { header: 'Nr.', type: 'integer', width: 4 },
    { header: 'Nr. cerere', type: 'text', width: 8 },
    { header: 'ONG', type: 'text', width: 13 },
    { header: 'CUI', type: 'text', width: 9 },
    { header: 'Eligibilă', type: 'text', width: 8 },
    { header: 'Motive de neeligibilitate', type: 'text', width: 11 },
    ...model.memberColumns.map((m): TableColumnSpec => ({ header: m.name, type: 'text', width: 8, align: 'right' })),
    { header: 'Media', type: 'text', width: 7, align: 'right' },
    { header: 'Loc', type: 'integer', width: 5 },
    { header: 'Situația', type: 'text', width: 10 },
    { header: 'Subvenția calculată', type: 'text', width: 12, align: 'right' },
    { header: 'Suma alocată', type: 'text', width: 12, align: 'right' },
    { header: 'Observații', type: 'text', width: 12 },
  ];

  const firstMember = 7;
  const meanColumn = firstMember + memberCount;
  const moneyColumns = [meanColumn + 3, meanColumn + 4];
  const rows: CellInput[][] = model.rows.map((r) => [
    r.number, r.requestLabel, r.organization, r.cui, r.isEligible ? 'da' : 'nu', r.eligibilityReasons,
    ...r.memberTotals.map((t) => t),
    r.mean, r.rank, r.status,
    r.computedSubsidy === null ? null : r.computedSubsidy / 100,
    r.allocated / 100,
    r.notes,
  ]);
  writeTable(sheet, columns, rows, start, { maxWidth: 24, repeatColumns: 3 });
  model.rows.forEach((r, i) => {
    const row = sheet.getRow(start + 1 + i);
    for (let c = firstMember; c <= meanColumn; c++) if (typeof row.getCell(c).value === 'number') row.getCell(c).numFmt = POINTS_FORMAT;
    for (const c of moneyColumns) row.getCell(c).numFmt = LEI_FORMAT;
  });
  // The total under the money columns, as a formula Excel and LibreOffice recompute.
  const totalRow = sheet.getRow(start + model.rows.length + 1);
  totalRow.getCell(meanColumn + 2).value = 'Total';
  totalRow.getCell(meanColumn + 2).font = { name: 'Arial', size: 10, bold: true };
  for (const c of moneyColumns) {
    const letter = sheet.getColumn(c).letter;
    const cell = totalRow.getCell(c);
    const sum = model.rows.reduce((s, r) => s + (c === moneyColumns[0] ? (r.computedSubsidy ?? 0) : r.allocated), 0) / 100;
    cell.value = { formula: `SUM(${letter}${start + 1}:${letter}${start + model.rows.length})`, result: sum };
    cell.numFmt = LEI_FORMAT;
    cell.font = { name: 'Arial', size: 10, bold: true };
  }
  writeSignatures(sheet, model.signatures, start + model.rows.length + 4, 3, 4);

  const budget = workbook.addWorksheet('Buget');
  const budgetStart = writeDocumentHeading(budget, model.header, 'Bugetul rundei și utilizarea lui', model.subtitle);
  const b = model.budget;
  const lines: [string, number, string][] = [
    ['Bugetul rundei', b.budget / 100, LEI_FORMAT],
    ['Alocat (propus spre finanțare)', b.allocated / 100, LEI_FORMAT],
    ['Rămas nealocat', b.remaining / 100, LEI_FORMAT],
    ['Cereri finanțate integral', b.fullyFunded, INTEGER_FORMAT],
    ['Cereri finanțate parțial', b.partiallyFunded, INTEGER_FORMAT],
    ['Cereri nefinanțate din lipsă de buget', b.notFunded, INTEGER_FORMAT],
    ['Cereri sub pragul de punctaj', b.belowThreshold, INTEGER_FORMAT],
    ['Cereri neeligibile', b.ineligible, INTEGER_FORMAT],
    ['Cereri cu subvenția sau punctajul necalculat', b.notComputed, INTEGER_FORMAT],
  ];
  writeTable(
    budget,
    [
      { header: 'Indicator', type: 'text', width: 44 },
      { header: 'Valoare', type: 'text', width: 20, align: 'right' },
    ],
    lines.map(([label, value]) => [label, value]),
    budgetStart,
    { orientation: 'portrait' },
  );
  lines.forEach(([, , numFmt], i) => (budget.getRow(budgetStart + 1 + i).getCell(2).numFmt = numFmt));
  return workbookToBytes(workbook);
}
