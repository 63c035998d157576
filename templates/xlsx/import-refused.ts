// The rows an import refused, one line per problem (sheet, row, column, value, reason): the user
// fixes them in the original file and imports it again.
import type { DocumentHeader } from '../../src/documents/document-header';
import type { ImportIssue } from '../../src/import/preview';
import { countOf } from '../../src/import/wording';
import { formatRoDate, type IsoDate } from '../../src/validation/dates';
import { createWorkbook, workbookToBytes, writeDocumentHeading, writeTable, type TableColumnSpec } from './common';

export interface RefusedRowsModel {
  header: DocumentHeader;
  title: string;
  fileName: string;
  date: IsoDate;
  issues: readonly ImportIssue[];
}

const COLUMNS: TableColumnSpec[] = [
  { header: 'Foaia', type: 'text', width: 14 },
  { header: 'Rândul', type: 'integer', width: 8, align: 'right' },
  { header: 'Coloana', type: 'text', width: 22 },
  { header: 'Valoarea', type: 'text', width: 28 },
  { header: 'Motivul', type: 'text', width: 60 },
];

export async function renderRefusedRowsXlsx(model: RefusedRowsModel): Promise<Uint8Array> {
  const workbook = createWorkbook(model.title);
  const sheet = workbook.addWorksheet('Rânduri refuzate');
  const rows = new Set(model.issues.map((i) => `${i.sheet}\u0000${i.row}`)).size;
  const subtitle = `Fișierul „${model.fileName}”, verificat la ${formatRoDate(model.date)}: ${countOf(rows, 'rând refuzat', 'rânduri refuzate')}, ${countOf(model.issues.length, 'problemă', 'probleme')}. Corectați rândurile în fișier și importați-l din nou.`;
  const start = writeDocumentHeading(sheet, model.header, model.title, subtitle);
  writeTable(sheet, COLUMNS, model.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.reason]), start);
  return workbookToBytes(workbook);
}
