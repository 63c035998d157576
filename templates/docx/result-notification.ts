import { AlignmentType, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions, type Table } from 'docx';
import type { ResultNotification } from '../../src/documents/result-notification';
import { a4Section, contentWidth, createDocument, FONT, institutionHeader, numberLine, paragraph, signatureBlock, title, toBytes } from './common';
import { addresseeBlock, body, fieldsTable, list } from './results-common';

const WIDTH = contentWidth('portrait');

function content(n: ResultNotification): (Paragraph | Table)[] {
  return [
    ...institutionHeader(n.header),
    numberLine(n.registryDate ?? n.date, n.number, n.registryNote),
    ...addresseeBlock(n.addressee),
    ...title(n.title, n.subtitle),
    ...body([n.intro]),
    paragraph(n.verdict, { bold: true, align: AlignmentType.CENTER, spacingBefore: 60, spacingAfter: 160, keepNext: true }),
    ...body(n.paragraphs, { keepLastWithNext: n.reasons.length > 0 }),
    ...list(n.reasons, { numbered: true }),
    paragraph('Datele evaluării', { bold: true, spacingBefore: 160, spacingAfter: 80, keepNext: true }),
    fieldsTable(n.summary, Math.round(WIDTH * 0.75), { labelShare: 0.45, keepTogether: true }),
    paragraph('', { spacingAfter: 60 }),
    ...body([n.appeal, n.closing]),
    paragraph('', { spacingAfter: 240 }),
    signatureBlock(n.signatures, WIDTH),
  ];
}

/** One notification as its own DOCX. */
export async function renderResultNotificationDocx(n: ResultNotification): Promise<Uint8Array> {
  return toBytes(createDocument(`${n.title} ${n.subtitle}`, [a4Section('portrait', content(n))]));
}

/**
 * The footer of one letter in the printing file: which letter, and its page counted from 1. (Word
 * and LibreOffice agree on a page number restarting with each section; LibreOffice leaves a
 * section's page count blank, so the total is not printed here.)
 */
function letterFooter(n: ResultNotification): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [`Notificarea privind cererea nr. ${n.requestLabel} — pagina `, PageNumber.CURRENT], size: 16, font: FONT })],
      }),
    ],
  });
}

/**
 * Every notification in one DOCX, to print them at once: one section per letter, each starting
 * on a new page, with its own page numbering.
 */
export async function renderResultNotificationsDocx(list: readonly ResultNotification[]): Promise<Uint8Array> {
  const sections: ISectionOptions[] = list.map((n) => {
    const section = a4Section('portrait', content(n));
    return { ...section, properties: { ...section.properties, page: { ...section.properties?.page, pageNumbers: { start: 1 } } }, footers: { default: letterFooter(n) } };
  });
  return toBytes(createDocument('Notificări privind rezultatul evaluării', sections));
}
