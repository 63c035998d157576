import type { LicensedNgoList } from '../../src/documents/licensed-ngo-list';
import { isoToUtcDate } from '../../src/validation/dates';
import { createWorkbook, FONT_NAME, workbookToBytes, writeDocumentHeading, writeSignatures, writeTable, type CellInput, type TableColumnSpec } from './common';

/** The list's table. Not an import format: one row per unit, the NGO repeated so filters work. */
// Widths chosen so that the list prints on one A4 landscape page at 80 % or more (text at least 8 pt): longer text wraps.
export const LICENSED_NGO_LIST_COLUMNS: readonly TableColumnSpec[] = [
  { header: 'Nr. crt.', type: 'integer', width: 5, align: 'center' },
  { header: 'ONG', type: 'text', width: 12 },
  { header: 'CUI', type: 'text', width: 9 },
  { header: 'Certificat de acreditare', type: 'text', width: 11 },
  { header: 'Unitatea de asistență socială', type: 'text', width: 12 },
  { header: 'Adresa', type: 'text', width: 11 },
  { header: 'Cod serviciu', type: 'text', width: 10 },
  { header: 'Serviciul social', type: 'text', width: 12 },
  { header: 'Capacitate', type: 'integer', width: 9 },
  { header: 'U.M. capacitate', type: 'text', width: 9 },
  { header: 'Tip licență', type: 'text', width: 9 },
  { header: 'Nr. licență', type: 'text', width: 8 },
  { header: 'Data eliberării', type: 'date', width: 9 },
  { header: 'Valabilă până la', type: 'date', width: 9 },
];

const date = (iso: string): CellInput => (iso ? isoToUtcDate(iso) : null);

/** The published list of licensed NGOs as XLSX: institution header, title, table, totals, signatures. */
export async function renderLicensedNgoListXlsx(model: LicensedNgoList): Promise<Uint8Array> {
  const workbook = createWorkbook(model.title);
  const sheet = workbook.addWorksheet('Lista ONG licențiate');
  const tableStart = writeDocumentHeading(sheet, model.header, model.title, model.subtitle);
  writeTable(
    sheet,
    LICENSED_NGO_LIST_COLUMNS,
    model.rows.map((r) => [
      r.number, r.organizationName, r.cui, r.accreditation, r.unitName, r.unitAddress, r.serviceCode, r.serviceName, r.capacityValue, r.capacityUnit,
      r.licenceType, r.licenceNumber, date(r.licenceIssuedOn), date(r.licenceExpiresOn),
    ]),
    tableStart,
    { maxWidth: 24, repeatColumns: 2 },
  );
  let row = tableStart + model.rows.length + 2;
  if (model.rows.length === 0) {
    sheet.getCell(tableStart + 1, 1).value = model.emptyText;
    sheet.getCell(tableStart + 1, 1).font = { name: FONT_NAME, size: 10, italic: true };
    row++;
  }
  const totals = sheet.getCell(row, 1);
  totals.value = model.totalsLine;
  totals.font = { name: FONT_NAME, size: 10, bold: true };
  writeSignatures(sheet, model.signatures, row + 2);
  return workbookToBytes(workbook);
}
