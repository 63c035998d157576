import { AlignmentType } from 'docx';
import type { LicensedNgoList, LicensedNgoRow } from '../../src/documents/licensed-ngo-list';
import {
  a4Section, contentWidth, createDocument, dataTable, institutionHeader, paragraph, signatureBlock, title, toBytes, type TableCellInput, type TableRowInput,
} from './common';

const COLUMNS = [
  { header: 'Nr. crt.', weight: 4, align: AlignmentType.CENTER },
  { header: 'ONG (CUI)', weight: 16 },
  { header: 'Certificat de acreditare', weight: 11 },
  { header: 'Unitatea de asistență socială', weight: 16 },
  { header: 'Adresa', weight: 13 },
  { header: 'Serviciul social (cod HG 867/2015)', weight: 16 },
  { header: 'Capacitate', weight: 9 },
  { header: 'Licența (tip, nr., valabilitate)', weight: 15 },
];

/** The NGO's cells (number, name and CUI, accreditation) span all its unit rows. */
function tableRow(r: LicensedNgoRow, isLastOfOrganization: boolean): TableRowInput {
  const span = (value: string): TableCellInput => ({ text: value, rowSpan: r.organizationRowCount });
  const unitCells = [
    r.unitName,
    r.unitAddress,
    [r.serviceCode, r.serviceName].filter(Boolean).join('\n'),
    r.capacity,
    `${r.licenceType}\nnr. ${r.licenceNumber} din ${r.licenceIssueDate}\nvalabilă până la ${r.licenceExpiryDate}`,
  ];
  return {
    cells: r.isFirstOfOrganization ? [span(String(r.number)), span(`${r.organizationName}\nCUI ${r.cui}`), span(r.accreditation), ...unitCells] : unitCells,
    // An NGO's units stay on one page with the NGO's name.
    keepWithNext: !isLastOfOrganization,
  };
}

/** "Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca" as DOCX (A4 landscape). */
export async function renderLicensedNgoListDocx(model: LicensedNgoList): Promise<Uint8Array> {
  const width = contentWidth('landscape');
  const totalWeight = COLUMNS.reduce((s, c) => s + c.weight, 0);
  const columns = COLUMNS.map((c) => ({ header: c.header, align: c.align, width: Math.floor((width * c.weight) / totalWeight) }));
  const rows = model.rows.map((r, i) => tableRow(r, model.rows[i + 1]?.number !== r.number));
  const doc = createDocument(model.title, [
    a4Section('landscape', [
      ...institutionHeader(model.header),
      ...title(model.title, model.subtitle),
      model.rows.length > 0 ? dataTable(columns, rows) : paragraph(model.emptyText, { italics: true }),
      paragraph(model.totalsLine, { bold: true, spacingBefore: 160, spacingAfter: 480, keepNext: true }),
      signatureBlock(model.signatures, width),
    ]),
  ]);
  return toBytes(doc);
}
