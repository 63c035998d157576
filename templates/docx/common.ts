// Building blocks shared by every DOCX the app produces: A4 pages, the institution's header,
// "Pagina X din Y" footers, bordered tables whose header row repeats on each page, signatures.
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, HeightRule, PageNumber, PageOrientation, Packer, Paragraph, Table, TableCell, TableLayoutType,
  TableRow, TextRun, VerticalAlign, WidthType, type ISectionOptions,
} from 'docx';
import type { DocumentHeader, Signature } from '../../src/documents/document-header';
import { maskCnpsInText } from '../../src/validation/cnp';

/**
 * Arial: what the service's Word has, and LibreOffice substitutes the metric-compatible
 * Liberation Sans for it, so pages break the same way in both.
 */
export const FONT = 'Arial';
/** A4 in twentieths of a point; margins of 2 cm (1134 twips). */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = 1134;

export type Orientation = 'portrait' | 'landscape';
export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

/** Width of the text area between the margins, in twips. */
export function contentWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.width : A4.height) - 2 * MARGIN;
}

export interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  /** Half-points: 20 = 10 pt. */
  size?: number;
}

export function text(value: string, options: TextOptions = {}): TextRun {
  // No document carries a full CNP (GDPR): only its last four digits.
  return new TextRun({ text: maskCnpsInText(value), bold: options.bold, italics: options.italics, size: options.size, font: FONT });
}

export function paragraph(value: string, options: TextOptions & { align?: Alignment; spacingBefore?: number; spacingAfter?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.align,
    keepNext: options.keepNext,
    spacing: { before: options.spacingBefore ?? 0, after: options.spacingAfter ?? 0 },
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

/**
 * The registration line of an outgoing document: "Nr. 125 / 23.11.2026" once issued, a blank to fill
 * by hand otherwise; under it the register's note (the document it replaces, or that it is a draft).
 */
export function numberLine(date: string, number = '', note = ''): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 240 },
    children: [
      text(`Nr. ${number || '__________'} / ${date}`),
      ...(note ? [new TextRun({ text: note, break: 1, italics: true, bold: !number, size: 18, font: FONT })] : []),
    ],
  });
}

/** The document's title, centred and bold (Heading 1, so it shows in the navigation pane), and an optional subtitle. */
export function title(value: string, subtitle?: string): Paragraph[] {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 0, after: subtitle ? 60 : 240 },
      children: [new TextRun({ text: value, bold: true, size: 28, font: FONT, color: '000000' })],
    }),
    ...(subtitle ? [paragraph(subtitle, { align: AlignmentType.CENTER, spacingAfter: 240, italics: true, keepNext: true })] : []),
  ];
}

/** "Pagina 2 din 5", centred at the bottom of every page. */
export function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' din ', PageNumber.TOTAL_PAGES], size: 16, font: FONT })],
      }),
    ],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const HEADER_SHADE = 'D9E2F3';

export interface TableColumn {
  header: string;
  /** Twips. */
  width: number;
  align?: Alignment;
}

/** A cell's text ("\n" starts a new line), or the text with the number of rows it spans down. */
export type TableCellInput = string | { text: string; rowSpan?: number; bold?: boolean };

/**
 * A table row: its cells, left to right. A cell spanning rows down (`rowSpan`) is left out of
 * the rows it covers. `keepWithNext` keeps the row on the page of the next one (in Word).
 */
export interface TableRowInput {
  cells: TableCellInput[];
  keepWithNext?: boolean;
}

function tableCell(value: TableCellInput, column: TableColumn | undefined, options: { header?: boolean; size: number }): TableCell {
  const cell = typeof value === 'string' ? { text: value } : value;
  return new TableCell({
    width: { size: column?.width ?? 1000, type: WidthType.DXA },
    rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: options.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    shading: options.header ? { fill: HEADER_SHADE } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: cell.text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: options.header ? AlignmentType.LEFT : column?.align,
          children: [text(line, { bold: options.header || cell.bold, size: options.size })],
        }),
    ),
  });
}

/**
 * A bordered table with fixed column widths (twips) and a bold, shaded header row that repeats
 * at the top of every page. Rows are not split across pages.
 */
export function dataTable(columns: readonly TableColumn[], rows: readonly (TableCellInput[] | TableRowInput)[], size = 16, options: { minRowHeight?: number } = {}): Table {
  // Columns covered, in the rows to come, by a cell spanning down: the row's own cells skip them.
  let covered: number[] = [];
  const bodyRows = rows.map((input) => {
    const row = Array.isArray(input) ? { cells: input } : input;
    const coveredNow = new Set(covered.map((left, i) => (left > 0 ? i : -1)).filter((i) => i >= 0));
    covered = covered.map((left) => Math.max(0, left - 1));
    let column = 0;
    const children = row.cells.map((cell) => {
      while (coveredNow.has(column)) column++;
      const span = typeof cell === 'string' ? 1 : (cell.rowSpan ?? 1);
      if (span > 1) covered[column] = span - 1;
      return tableCell(cell, columns[column++], { size });
    });
    // A blank form's rows are tall enough to write in by hand (`minRowHeight`, twips).
    return new TableRow({ cantSplit: true, keepNext: row.keepWithNext, children, height: options.minRowHeight ? { value: options.minRowHeight, rule: HeightRule.ATLEAST } : undefined });
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: columns.reduce((s, c) => s + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => tableCell(c.header, c, { header: true, size })) }),
      ...bodyRows,
    ],
  });
}

/** The line a signer signs on, 600 twips under their name. */
function signLine(options: { align?: Alignment; size?: number; keepNext?: boolean; after?: number } = {}): Paragraph {
  const { align = AlignmentType.CENTER, size = 20, keepNext, after } = options;
  return new Paragraph({ alignment: align, ...(keepNext ? { keepNext } : {}), spacing: { before: 600, ...(after === undefined ? {} : { after }) }, children: [text('_______________________', { size })] });
}

/** What a signer's block says above the line to sign on (signerParagraphs). */
function signerText(s: Signature, align: Alignment, size: number): Paragraph[] {
  const line = (value: string, bold = false) => new Paragraph({ alignment: align, keepNext: true, children: [text(value, { bold, size })] });
  return [...(s.role ? [line(`${s.role},`, true), line(s.title)] : [line(`${s.title},`, true)]), line(s.name || ' ')];
}

/**
 * A signer as Romanian practice writes it: the capacity with a comma ("Aprobat,") in bold, the
 * function under it; or, without a capacity, the function with a comma in bold ("Director
 * executiv,"); then the name and a line to sign on.
 */
export function signerParagraphs(s: Signature, options: { align?: Alignment; size?: number } = {}): Paragraph[] {
  const align = options.align ?? AlignmentType.CENTER;
  const size = options.size ?? 20;
  return [...signerText(s, align, size), signLine({ align, size })];
}

/** The narrowest column a signer gets (DXA): its function on a few lines and the whole line to sign on (23 underscores at 10 pt). */
const MIN_SIGNER_WIDTH = 3000;

/**
 * Signers side by side, without borders, kept on one page: as many to a row as fit in columns of
 * at least MIN_SIGNER_WIDTH (a team of four and the head of service take two rows on a portrait
 * page). Each row of signers is two table rows, their lines of text then the lines to sign on, so
 * that everybody signs on one level however many lines a long function wraps to.
 */
export function signatureBlock(signatures: readonly Signature[], width: number): Table {
  const perRow = Math.max(1, Math.min(signatures.length, Math.floor(width / MIN_SIGNER_WIDTH)));
  const colWidth = Math.floor(width / perRow);
  const cell = (children: Paragraph[]) =>
    new TableCell({ width: { size: colWidth, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
  const rows: TableRow[] = [];
  for (let at = 0; at < Math.max(signatures.length, 1); at += perRow) {
    const group = signatures.slice(at, at + perRow);
    const padding = Array.from({ length: perRow - group.length }, () => cell([new Paragraph('')]));
    // The text's paragraphs keep with the next ones: the text row stays on the page of its lines.
    rows.push(new TableRow({ cantSplit: true, children: group.length > 0 ? [...group.map((s) => cell(signerText(s, AlignmentType.CENTER, 20))), ...padding] : [cell([new Paragraph('')])] }));
    if (group.length > 0) rows.push(new TableRow({ cantSplit: true, children: [...group.map(() => cell([signLine({ keepNext: true, after: 240 })])), ...padding.map(() => cell([new Paragraph('')]))] }));
  }
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: colWidth * perRow, type: WidthType.DXA },
    columnWidths: Array.from({ length: perRow }, () => colWidth),
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows,
  });
}

/** "Data: …" on the left, the signer on the right, with room to sign; kept on one page. */
export function dateAndSignature(date: string, signer: Signature, width: number): Table {
  const half = Math.floor(width / 2);
  const cell = (children: Paragraph[]) => new TableCell({ width: { size: half, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell([new Paragraph({ keepNext: true, children: [text('Data: ', { bold: true }), text(date || '____________')] })]),
          cell([
            new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [text(signer.title, { bold: true })] }),
            new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [text(signer.name || ' ')] }),
            new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 600 }, children: [text('Semnătura: _______________________')] }),
          ]),
        ],
      }),
    ],
  });
}

/** One A4 section, 2 cm margins, with the page-number footer. */
export function a4Section(orientation: Orientation, children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        // docx swaps width and height itself for landscape pages.
        size: { width: A4.width, height: A4.height, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 567 },
      },
    },
    footers: { default: pageNumberFooter() },
    children,
  };
}

/** A document in Romanian, Arial 10 pt, authored by the app. */
export function createDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    creator: 'Subvenții ONG',
    title,
    styles: { default: { document: { run: { font: FONT, size: 20, language: { value: 'ro-RO' } } } } },
    sections,
  });
}

/** The .docx bytes; Packer.toArrayBuffer works both in Node and in the browser. */
export async function toBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
