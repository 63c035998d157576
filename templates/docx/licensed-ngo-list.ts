import type { LicensedNgoList } from '../../src/documents/licensed-ngo-list';
import { formatInteger } from '../../src/money';
import { a4Section, contentWidth, createDocument, dataTable, institutionHeader, paragraph, signatureBlock, title, toBytes } from './common';

const COLUMNS = [
  { header: 'Nr. crt.', weight: 4 },
  { header: 'ONG (CUI)', weight: 16 },
  { header: 'Certificat de acreditare', weight: 11 },
  { header: 'Unitatea de asistență socială', weight: 16 },
  { header: 'Adresa', weight: 13 },
  { header: 'Serviciul social (cod HG 867/2015)', weight: 16 },
  { header: 'Capacitate', weight: 10 },
  { header: 'Licența (tip, nr., valabilitate)', weight: 14 },
];

/** "Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca" as DOCX (A4 landscape). */
export async function renderLicensedNgoListDocx(model: LicensedNgoList): Promise<Uint8Array> {
  const width = contentWidth('landscape');
  const totalWeight = COLUMNS.reduce((s, c) => s + c.weight, 0);
  const columns = COLUMNS.map((c) => ({ header: c.header, width: Math.floor((width * c.weight) / totalWeight) }));
  const rows = model.rows.map((r) => [
    r.isFirstOfOrganization ? String(r.number) : '',
    r.isFirstOfOrganization ? `${r.organizationName}\nCUI ${r.cui}` : '',
    r.isFirstOfOrganization ? r.accreditation : '',
    r.unitName,
    r.unitAddress,
    `${r.serviceCode}\n${r.serviceName}`,
    r.capacity,
    `${r.licenceType} nr. ${r.licenceNumber}\n${r.licenceIssueDate} – ${r.licenceExpiryDate}`,
  ]);
  const doc = createDocument(model.title, [
    a4Section('landscape', [
      ...institutionHeader(model.header),
      ...title(model.title, model.subtitle),
      model.rows.length > 0 ? dataTable(columns, rows) : paragraph('Nu există ONG-uri cu unități licențiate la această dată.', { italics: true }),
      paragraph(
        `Total: ${formatInteger(model.totals.organizations)} ONG-uri, ${formatInteger(model.totals.units)} unități licențiate, capacitate totală ${formatInteger(model.totals.capacity)}.`,
        { bold: true, spacingAfter: 480 },
      ),
      signatureBlock(model.signatures, width),
    ]),
  ]);
  return toBytes(doc);
}
