// The differences between the catalog / local register and the Ministry's national register of
// social services, grouped by kind: what the office checks or takes over from the register.
import type { DocumentHeader } from '../../src/documents/document-header';
import { countOf } from '../../src/import/wording';
import { DIFFERENCE_LABELS, groupDifferences, type RegisterDifference } from '../../src/register/national-register';
import { formatRoDate, type IsoDate } from '../../src/validation/dates';
import { createWorkbook, workbookToBytes, writeDocumentHeading, writeTable, type TableColumnSpec } from './common';

export interface RegisterCheckModel {
  header: DocumentHeader;
  fileName: string;
  /** The date of the national register's edition (the source of every update). */
  registerDate: IsoDate;
  /** The day of the check. */
  date: IsoDate;
  differences: readonly RegisterDifference[];
}

export const REGISTER_CHECK_TITLE = 'Verificarea catalogului și a registrului local în Registrul electronic unic al serviciilor sociale';

const COLUMNS: TableColumnSpec[] = [
  { header: 'Nr. crt.', type: 'integer', width: 5, align: 'right' },
  { header: 'Tipul diferenței', type: 'text', width: 14 },
  { header: 'ONG', type: 'text', width: 16 },
  { header: 'CUI', type: 'text', width: 10 },
  { header: 'Înregistrarea', type: 'text', width: 16 },
  { header: 'Valoarea locală', type: 'text', width: 16 },
  { header: 'Valoarea din registrul național', type: 'text', width: 16 },
  { header: 'Rândul din registru', type: 'integer', width: 8, align: 'right' },
  { header: 'Actualizarea propusă', type: 'text', width: 18 },
];

export async function renderRegisterCheckXlsx(model: RegisterCheckModel): Promise<Uint8Array> {
  const workbook = createWorkbook(REGISTER_CHECK_TITLE);
  const sheet = workbook.addWorksheet('Diferențe');
  const groups = groupDifferences(model.differences);
  const summary = groups.map((g) => `${DIFFERENCE_LABELS[g.kind]}: ${g.items.length}`).join('; ');
  const subtitle = `Fișierul „${model.fileName}”, registrul național din ${formatRoDate(model.registerDate)}, verificat la ${formatRoDate(model.date)}: ${countOf(model.differences.length, 'diferență', 'diferențe')}${summary ? ` (${summary})` : ''}.`;
  const start = writeDocumentHeading(sheet, model.header, REGISTER_CHECK_TITLE, subtitle);
  const rows = groups.flatMap((g) => g.items).map((d, i) => [i + 1, DIFFERENCE_LABELS[d.kind], d.organizationName, d.cui, d.record, d.localValue, d.registerValue, d.registerRow, d.proposal]);
  writeTable(sheet, COLUMNS, rows, start, { repeatColumns: 3 });
  return workbookToBytes(workbook);
}
