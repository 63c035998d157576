// Building blocks shared by every DOCX the app produces: A4 pages, the institution's header,
// "Pagina X din Y" footers, bordered tables whose header row repeats on each page, signatures.
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, PageNumber, PageOrientation, Packer, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions,
} from 'docx';
import type { DocumentHeader, Signature } from '../../src/documents/document-header';

export const FONT = 'Liberation Sans';
/** A4 in twentieths of a point; margins of 2 cm (1134 twips). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;

export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? A4.width : A4.height) - 2 * MARGIN;
}

export function text(value: string, options: { bold?: boolean; size?: number; italics?: boolean } = {}): TextRun {
  return new TextRun({ text: value, bold: options.bold, italics: options.italics, size: options.size, font: FONT });
}

export function paragraph(value: string, options: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; spacingAfter?: number; italics?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align,
    spacing: { after: options.spacingAfter ?? 0 },
    children: [text(value, options)],
  });
}

/** The institution's name in bold lines at the top left, contact details in small print. */
export function institutionHeader(header: DocumentHeader): Paragraph[] {
  return [
    ...header.lines.map((line) => paragraph(line, { bold: true, size: 20 })),
    ...(header.contactLine ? [paragraph(header.contactLine, { size: 16, spacingAfter: 240 })] : [paragraph('', { spacingAfter: 240 })]),
  ];
}

export function title(value: string, subtitle?: string): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, spacing: { after: subtitle ? 60 : 240 }, children: [new TextRun({ text: value, bold: true, size: 28, font: FONT, color: '000000' })] }),
    ...(subtitle ? [paragraph(subtitle, { align: AlignmentType.CENTER, spacingAfter: 240, italics: true })] : []),
  ];
}

/** "Pagina 2 din 5", centred at the bottom of every page. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' din ', PageNumber.TOTAL_PAGES], size: 16, font: FONT }),
        ],
      }),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function cell(value: string, width: number, options: { bold?: boolean; shade?: boolean; size?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    shading: options.shade ? { fill: 'D9E2F3' } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: value.split('\n').map((line) => new Paragraph({ children: [text(line, { bold: options.bold, size: options.size ?? 16 })] })),
  });
}

/**
 * A bordered table with fixed column widths (twips) and a bold, shaded header row that repeats
 * at the top of every page.
 */
export function dataTable(columns: { header: string; width: number }[], rows: string[][], size = 16): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((s, c) => s + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c.width, { bold: true, shade: true, size })) }),
      ...rows.map((values) => new TableRow({ cantSplit: true, children: values.map((v, i) => cell(v, columns[i]?.width ?? 1000, { size })) })),
    ],
  });
}

/** Signers side by side: function in bold, name below, room to sign. */
export function signatureBlock(signatures: Signature[], width: number): Table {
  const colWidth = Math.floor(width / Math.max(signatures.length, 1));
  const signerCell = (s: Signature) =>
    new TableCell({
      width: { size: colWidth, type: WidthType.DXA },
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [text(s.title, { bold: true, size: 20 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [text(s.name || ' ', { size: 20 })] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480 }, children: [text('_______________________', { size: 20 })] }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: colWidth * signatures.length, type: WidthType.DXA },
    columnWidths: signatures.map(() => colWidth),
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [new TableRow({ cantSplit: true, children: signatures.map(signerCell) })],
  });
}

/** One A4 section with the page-number footer. */
export function a4Section(orientation: 'portrait' | 'landscape', children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        // docx swaps width and height itself for landscape pages.
        size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    footers: { default: pageNumberFooter() },
    children,
  };
}

export function createDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    creator: 'Subvenții ONG',
    title,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections,
  });
}

export async function toBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
