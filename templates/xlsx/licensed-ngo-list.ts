import type { LicensedNgoList } from '../../src/documents/licensed-ngo-list';
import { formatInteger } from '../../src/money';
import { createWorkbook, workbookToBytes, writeTable } from './common';

const COLUMNS = [
  { header: 'Nr. crt.', type: 'integer' as const, width: 6 },
  { header: 'ONG', type: 'text' as const, width: 36 },
  { header: 'CUI', type: 'text' as const, width: 12 },
  { header: 'Certificat de acreditare', type: 'text' as const, width: 20 },
  { header: 'Unitatea de asistență socială', type: 'text' as const, width: 34 },
  { header: 'Adresa', type: 'text' as const, width: 30 },
  { header: 'Cod serviciu', type: 'text' as const, width: 14 },
  { header: 'Serviciul social', type: 'text' as const, width: 34 },
  { header: 'Capacitate', type: 'text' as const, width: 14 },
  { header: 'Tip licență', type: 'text' as const, width: 20 },
  { header: 'Nr. licență', type: 'text' as const, width: 12 },
  { header: 'Data eliberării', type: 'text' as const, width: 12 },
  { header: 'Valabilă până la', type: 'text' as const, width: 12 },
];

/** The published list of licensed NGOs as XLSX: institution header, title, table, totals. */
export async function renderLicensedNgoListXlsx(model: LicensedNgoList): Promise<Uint8Array> {
  const workbook = createWorkbook();
  const sheet = workbook.addWorksheet('Lista ONG licențiate');
  const lines = [...model.header.lines, model.header.contactLine].filter(Boolean);
  lines.forEach((line, i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = line;
    cell.font = { bold: i < model.header.lines.length, size: i < model.header.lines.length ? 11 : 9 };
  });
  const titleRow = lines.length + 2;
  sheet.getCell(titleRow, 1).value = model.title;
  sheet.getCell(titleRow, 1).font = { bold: true, size: 14 };
  sheet.getCell(titleRow + 1, 1).value = model.subtitle;
  sheet.getCell(titleRow + 1, 1).font = { italic: true };
  const tableStart = titleRow + 3;
  writeTable(
    sheet,
    COLUMNS,
    model.rows.map((r) => [
      r.number, r.organizationName, r.cui, r.accreditation, r.unitName, r.unitAddress, r.serviceCode, r.serviceName, r.capacity,
      r.licenceType, r.licenceNumber, r.licenceIssueDate, r.licenceExpiryDate,
    ]),
    tableStart,
  );
  const totalRow = tableStart + model.rows.length + 2;
  sheet.getCell(totalRow, 1).value = `Total: ${formatInteger(model.totals.organizations)} ONG-uri, ${formatInteger(model.totals.units)} unități licențiate, capacitate totală ${formatInteger(model.totals.capacity)}.`;
  sheet.getCell(totalRow, 1).font = { bold: true };
  model.signatures.forEach((s, i) => {
    const col = 2 + i * 4;
    sheet.getCell(totalRow + 2, col).value = s.title;
    sheet.getCell(totalRow + 2, col).font = { bold: true };
    sheet.getCell(totalRow + 3, col).value = s.name;
  });
  return workbookToBytes(workbook);
}
