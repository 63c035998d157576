import { AlignmentType, Paragraph } from 'docx';
import type { ImpartialityDeclarationDocument } from '../../src/documents/impartiality-declaration';
import { a4Section, contentWidth, createDocument, dataTable, dateAndSignature, institutionHeader, paragraph, text, title, toBytes, type TableColumn } from './common';

const WIDTH = contentWidth('portrait');

function justified(value: string, options: { firstLine?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120, line: 300 },
    indent: options.firstLine ? { firstLine: 567 } : undefined,
    children: [text(value)],
  });
}

/** The declaration a member signs for a session: one A4 page in the usual case. */
export async function renderImpartialityDeclarationDocx(declaration: ImpartialityDeclarationDocument): Promise<Uint8Array> {
  const columns: TableColumn[] = [
    { header: 'Nr. crt.', width: 800, align: AlignmentType.CENTER },
    { header: 'Nr. cerere', width: 1300 },
    { header: 'Solicitantul', width: WIDTH - 800 - 1300 - 2900 },
    { header: 'Observații', width: 2900 },
  ];
  const doc = createDocument(declaration.title, [
    a4Section('portrait', [
      ...institutionHeader(declaration.header),
      ...title(declaration.title, declaration.subtitle),
      justified(declaration.intro, { firstLine: true }),
      justified(declaration.lead, { firstLine: true }),
      ...declaration.commitments.map(
        (c, i) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 100, line: 300 },
            indent: { left: 567, hanging: 340 },
            children: [text(`${String.fromCharCode(97 + i)}) ${c}`)],
          }),
      ),
      paragraph(declaration.agendaHeading, { bold: true, spacingBefore: 160, spacingAfter: 80, keepNext: true }),
      dataTable(columns, declaration.agenda.map((r) => [String(r.number), r.label, r.organizationName, r.note]), 18),
      paragraph('', { spacingAfter: 360 }),
      dateAndSignature(declaration.date, declaration.signer, WIDTH),
    ]),
  ]);
  return toBytes(doc);
}
