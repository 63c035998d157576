import { AlignmentType, Paragraph } from 'docx';
import type { Addressee, MissingDocumentsNotice, RegistrationReceipt } from '../../src/documents/request-notices';
import { a4Section, contentWidth, createDocument, institutionHeader, numberLine, paragraph, signatureBlock, text, title, toBytes } from './common';

function addresseeBlock(addressee: Addressee): Paragraph[] {
  return [
    paragraph('Către', { bold: true }),
    paragraph(addressee.name, { bold: true }),
    ...(addressee.address ? [paragraph(addressee.address)] : []),
    ...(addressee.representative ? [paragraph(`În atenția: ${addressee.representative}`, { spacingAfter: 240 })] : [paragraph('', { spacingAfter: 240 })]),
  ];
}

function body(paragraphs: string[]): Paragraph[] {
  return paragraphs.map((p) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 }, indent: { firstLine: 567 }, children: [text(p)] }));
}

function numberedList(items: string[]): Paragraph[] {
  return items.map((item, i) => new Paragraph({ spacing: { after: 80 }, indent: { left: 567, hanging: 340 }, children: [text(`${i + 1}. ${item}`)] }));
}

export async function renderMissingDocumentsNoticeDocx(notice: MissingDocumentsNotice): Promise<Uint8Array> {
  const doc = createDocument(notice.title, [
    a4Section('portrait', [
      ...institutionHeader(notice.header),
      numberLine(notice.registryDate ?? notice.date, notice.number, notice.registryNote),
      ...addresseeBlock(notice.addressee),
      ...title(notice.title),
      ...body(notice.paragraphs),
      ...numberedList(notice.missing),
      ...body([notice.closing]),
      paragraph('', { spacingAfter: 480 }),
      signatureBlock(notice.signatures, contentWidth('portrait')),
    ]),
  ]);
  return toBytes(doc);
}

export async function renderRegistrationReceiptDocx(receipt: RegistrationReceipt): Promise<Uint8Array> {
  const doc = createDocument(receipt.title, [
    a4Section('portrait', [
      ...institutionHeader(receipt.header),
      numberLine(receipt.registryDate ?? receipt.date, receipt.number, receipt.registryNote),
      ...addresseeBlock(receipt.addressee),
      ...title(receipt.title),
      ...body(receipt.paragraphs),
      ...numberedList(receipt.received),
      paragraph('', { spacingAfter: 480 }),
      signatureBlock(receipt.signatures, contentWidth('portrait')),
    ]),
  ]);
  return toBytes(doc);
}
