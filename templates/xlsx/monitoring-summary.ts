import type { MonitoringSummary, SummaryCell } from '../../src/documents/monitoring-summary';
import { isoToUtcDate } from '../../src/validation/dates';
import { createWorkbook, FONT_NAME, workbookToBytes, writeDocumentHeading, writeSignatures, writeTable, type CellInput } from './common';

const cell = (value: SummaryCell): CellInput => (value !== null && typeof value === 'object' ? isoToUtcDate(value.date) : value);

/**
 * The monitoring summary as a workbook: one sheet per table (overview, visits, findings, follow-ups,
 * overdue units, suspensions), each with the institution's header, printed on A4 with page
 * numbers; the overview carries the signatures.
 */
export async function renderMonitoringSummaryXlsx(model: MonitoringSummary): Promise<Uint8Array> {
  const workbook = createWorkbook(model.title);
  model.sheets.forEach((s, i) => {
    const sheet = workbook.addWorksheet(s.name);
    const start = writeDocumentHeading(sheet, model.header, `${model.title} — ${s.title}`, model.subtitle);
    writeTable(sheet, s.columns, s.rows.map((r) => r.map(cell)), start, { maxWidth: 40, orientation: s.columns.length > 4 ? 'landscape' : 'portrait' });
    let row = start + s.rows.length + 1;
    if (s.rows.length === 0) {
      const empty = sheet.getCell(start + 1, 1);
      empty.value = s.emptyText;
      empty.font = { name: FONT_NAME, size: 10, italic: true };
      row++;
    }
    // The overview's two columns are too narrow for signers side by side: one under the other.
    if (i === 0) for (const signer of model.signatures) row = writeSignatures(sheet, [signer], row + 2, 1);
  });
  return workbookToBytes(workbook);
}
