// The monitoring documents (visit report, finding note, blank checklist) laid out as the finance
// documents are (header, number, title, blocks), then the team's signatures side by side kept on
// the page of the document's last paragraph, and the NGO's acknowledgement under them.
import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { MonitoringDocument } from '../../src/documents/monitoring-common';
import { a4Section, contentWidth, createDocument, paragraph, signatureBlock, toBytes } from './common';
import { financeContent } from './finance-common';

export function monitoringContent(doc: MonitoringDocument): (Paragraph | Table)[] {
  const width = contentWidth(doc.orientation);
  const ack = doc.acknowledgement;
  // The last paragraph goes with the signatures: a page never holds signatures alone.
  const last = doc.blocks.at(-1);
  const closing = last?.kind === 'paragraph' ? last : undefined;
  return [
    ...financeContent({ ...doc, blocks: closing ? doc.blocks.slice(0, -1) : doc.blocks, signatures: [] }),
    ...(closing ? [paragraph(closing.text, { italics: closing.italics, bold: closing.bold, align: AlignmentType.JUSTIFIED, spacingAfter: 360, keepNext: true })] : []),
    ...(doc.signatures.length > 0 ? [signatureBlock(doc.signatures, width)] : []),
    ...(ack
      ? [
          paragraph(ack.heading, { bold: true, align: AlignmentType.CENTER, spacingBefore: 360, keepNext: true }),
          paragraph(ack.organization, { bold: true, align: AlignmentType.CENTER, spacingAfter: 120, keepNext: true }),
          signatureBlock([ack.signer], width),
        ]
      : []),
  ];
}

export async function renderMonitoringDocx(doc: MonitoringDocument): Promise<Uint8Array> {
  return toBytes(createDocument(`${doc.title} ${doc.subtitle}`, [a4Section(doc.orientation, monitoringContent(doc))]));
}
