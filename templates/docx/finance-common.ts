// Lays out the finance documents' blocks (src/documents/finance-blocks.ts) on A4 pages with the
// shared building blocks: header, registration line, title, numbered articles, tables whose header
// repeats and whose totals are bold, signatures side by side or in the parties' columns.
import { AlignmentType, BorderStyle, PageBreak, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Block, BlockTable, ColumnAlign, FinanceDocumentBase, PartySignatures } from '../../src/documents/finance-blocks';
import { markNote } from '../../src/documents/finance-blocks';
import {
  a4Section, contentWidth, createDocument, dataTable, institutionHeader, numberLine, paragraph, signatureBlock, signerParagraphs, text, title, toBytes,
  type Alignment, type TableColumn,
} from './common';
import { addresseeBlock, body, fieldsTable, heading, list } from './results-common';

const ALIGN: Record<ColumnAlign, Alignment> = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A block table as a bordered table: the header repeats on each page, totals in bold. */
export function blockTable(table: BlockTable, width: number): Table {
  const columns: TableColumn[] = table.columns.map((c) => ({ header: c.header, width: Math.floor(width * c.share), align: c.align ? ALIGN[c.align] : undefined }));
  const rows = [...table.rows.map((r) => r as string[]), ...(table.totals ?? []).map((r) => r.map((t) => ({ text: t, bold: true })))];
  return dataTable(columns, rows, table.size ?? 16, { minRowHeight: table.minRowHeight });
}

function article(number: number, value: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 100 },
    children: [text(`Art. ${number}. `, { bold: true }), text(value)],
  });
}

export function renderBlocks(blocks: readonly Block[], width: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, i) => {
    const next = blocks[i + 1];
    switch (b.kind) {
      case 'heading':
        out.push(heading(b.text, { size: 20, spacingBefore: 200 }));
        break;
      case 'paragraph':
        if (b.align || b.bold || b.italics) out.push(paragraph(b.text, { bold: b.bold, italics: b.italics, align: b.align ? ALIGN[b.align] : undefined, spacingAfter: 100, keepNext: next?.kind === 'table' }));
        else out.push(...body([b.text], { keepLastWithNext: next?.kind === 'table' || next?.kind === 'list' }));
        break;
      case 'article':
        out.push(article(b.number, b.text));
        break;
      case 'list':
        out.push(...list(b.items, { numbered: b.numbered }));
        break;
      case 'table':
        out.push(blockTable(b.table, width), paragraph('', { spacingAfter: 100 }));
        break;
      case 'fields':
        out.push(fieldsTable(b.fields, width, { labelShare: 0.4, keepTogether: true }), paragraph('', { spacingAfter: 100 }));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
    }
  });
  return out;
}

/** The parties' signature columns side by side: the party in bold, then each signer under it. */
export function partiesBlock(parties: readonly PartySignatures[], width: number): Table {
  const colWidth = Math.floor(width / Math.max(1, parties.length));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: colWidth * parties.length, type: WidthType.DXA },
    columnWidths: parties.map(() => colWidth),
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: parties.map(
          (p) =>
            new TableCell({
              width: { size: colWidth, type: WidthType.DXA },
              borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
              children: [
                paragraph(p.heading, { bold: true, align: AlignmentType.CENTER, keepNext: true }),
                paragraph(p.name, { bold: true, align: AlignmentType.CENTER, keepNext: true, spacingAfter: 160 }),
                ...p.signers.flatMap((s) => [...signerParagraphs(s, { size: 18 }), paragraph('', { spacingAfter: 160, keepNext: true })]),
              ],
            }),
        ),
      }),
    ],
  });
}

/** The document's pages: header, registration line (with the draft note), title, blocks, signatures. */
export function financeContent(doc: FinanceDocumentBase): (Paragraph | Table)[] {
  const width = contentWidth(doc.orientation);
  return [
    ...institutionHeader(doc.header),
    ...(doc.isForm ? [] : [numberLine(doc.registryDate ?? doc.date, doc.number, markNote(doc))]),
    ...(doc.addressee ? addresseeBlock(doc.addressee) : []),
    ...title(doc.title, doc.subtitle),
    ...renderBlocks(doc.blocks, width),
    paragraph('', { spacingAfter: 200 }),
    ...(doc.parties && doc.parties.length > 0 ? [partiesBlock(doc.parties, width)] : []),
    ...(doc.signatures.length > 0 ? [signatureBlock(doc.signatures, width)] : []),
    ...(doc.footnote ? [paragraph('', { spacingAfter: 120 }), paragraph(doc.footnote, { size: 18 })] : []),
  ];
}

/** One finance document as a DOCX: A4, page numbers, Arial. */
export async function renderFinanceDocx(doc: FinanceDocumentBase): Promise<Uint8Array> {
  return toBytes(createDocument(`${doc.title} ${doc.subtitle}`, [a4Section(doc.orientation, financeContent(doc))]));
}
