import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx';
import type { ScoreSheetDocument, ScoreSheetPage, ScoreSheetRow } from '../../src/documents/score-sheet';
import { a4Section, contentWidth, createDocument, dataTable, dateAndSignature, institutionHeader, paragraph, text, title, toBytes, type TableColumn } from './common';

const WIDTH = contentWidth('portrait');
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
const HEADER_SHADE = 'D9E2F3';
/** Criteria scored through their sub-criteria: their points cell is not written in. */
const SUM_SHADE = 'EDEDED';
const COLUMNS = { code: 800, max: 1250, awarded: 1500 };
const TITLE_WIDTH = WIDTH - COLUMNS.code - COLUMNS.max - COLUMNS.awarded;

function cell(children: Paragraph[], width: number, options: { shade?: string; align?: 'center' | 'top' } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: options.align === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
    shading: options.shade ? { type: ShadingType.CLEAR, color: 'auto', fill: options.shade } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children,
  });
}

const centred = (value: string, options: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, { bold: options.bold, size: options.size ?? 20 })] });

function itemRow(row: ScoreSheetRow): TableRow {
  const isSub = row.level === 'subcriteriu';
  const titleParagraphs = [
    new Paragraph({ indent: isSub ? { left: 283 } : undefined, children: [text(row.title, { bold: !isSub, size: 20 })] }),
    ...(row.guidance ? row.guidance.split('\n').map((line) => new Paragraph({ spacing: { before: 40 }, children: [text(line, { italics: true, size: 16 })] })) : []),
  ];
  const awarded = row.isInput ? centred(row.awarded, { size: 22 }) : centred(row.awarded || 'suma subcriteriilor', { size: row.awarded ? 22 : 16 });
  return new TableRow({
    cantSplit: true,
    // An empty points cell must be tall enough to write a number by hand.
    height: { value: 520, rule: 'atLeast' },
    children: [
      cell([centred(row.code, { bold: !isSub })], COLUMNS.code, { align: 'center' }),
      cell(titleParagraphs, TITLE_WIDTH, { align: 'center' }),
      cell([centred(row.maxPoints)], COLUMNS.max, { align: 'center' }),
      cell([awarded], COLUMNS.awarded, { align: 'center', shade: row.isInput ? undefined : SUM_SHADE }),
    ],
  });
}

function scoreTable(page: ScoreSheetPage): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell([centred('Cod', { bold: true, size: 18 })], COLUMNS.code, { shade: HEADER_SHADE, align: 'center' }),
      cell([new Paragraph({ children: [text('Criteriul / subcriteriul de evaluare', { bold: true, size: 18 })] })], TITLE_WIDTH, { shade: HEADER_SHADE, align: 'center' }),
      cell([centred('Punctaj maxim', { bold: true, size: 18 })], COLUMNS.max, { shade: HEADER_SHADE, align: 'center' }),
      cell([centred('Punctaj acordat', { bold: true, size: 18 })], COLUMNS.awarded, { shade: HEADER_SHADE, align: 'center' }),
    ],
  });
  const total = new TableRow({
    cantSplit: true,
    height: { value: 520, rule: 'atLeast' },
    children: [
      cell([new Paragraph('')], COLUMNS.code, { shade: HEADER_SHADE }),
      cell([new Paragraph({ alignment: AlignmentType.RIGHT, children: [text('TOTAL', { bold: true, size: 22 })] })], TITLE_WIDTH, { shade: HEADER_SHADE, align: 'center' }),
      cell([centred(page.total.maxPoints, { bold: true, size: 22 })], COLUMNS.max, { shade: HEADER_SHADE, align: 'center' }),
      cell([centred(page.total.awarded, { bold: true, size: 22 })], COLUMNS.awarded, { align: 'center' }),
    ],
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [COLUMNS.code, TITLE_WIDTH, COLUMNS.max, COLUMNS.awarded],
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: [header, ...page.rows.map(itemRow), total],
  });
}

const FIELD_COLUMNS: TableColumn[] = [
  { header: 'Rubrica', width: 2300 },
  { header: 'Date', width: WIDTH - 2300 },
];

function commentLines(comment: string): (Paragraph | Table)[] {
  const heading = paragraph('Observații / motivarea punctajului:', { bold: true, spacingBefore: 200, spacingAfter: 80, keepNext: true });
  if (comment) return [heading, ...comment.split('\n').map((line) => paragraph(line, { spacingAfter: 60 }))];
  // Empty lines ruled across the text width, to write on by hand (a table: Word and LibreOffice
  // merge the borders of consecutive bordered paragraphs into one box).
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const ruled = new Table({
    layout: TableLayoutType.FIXED,
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: [WIDTH],
    borders: { top: none, left: none, right: none, insideVertical: none, bottom: THIN, insideHorizontal: THIN },
    rows: Array.from({ length: 4 }, () => new TableRow({ cantSplit: true, height: { value: 420, rule: 'exact' }, children: [new TableCell({ width: { size: WIDTH, type: WidthType.DXA }, children: [new Paragraph('')] })] })),
  });
  return [heading, ruled];
}

function requestPage(page: ScoreSheetDocument['pages'][number], header: ScoreSheetDocument['header']) {
  return [
    ...institutionHeader(header),
    ...title(page.title, page.subtitle),
    dataTable(FIELD_COLUMNS, page.fields.map(([label, value]) => [{ text: label, bold: true }, value]), 18),
    paragraph('', { spacingAfter: 160 }),
    scoreTable(page),
    ...(page.thresholds ? [paragraph(page.thresholds, { size: 16, italics: true, spacingBefore: 80 })] : []),
    ...(page.status ? [paragraph(page.status, { size: 16, italics: true, spacingBefore: 40 })] : []),
    ...commentLines(page.comment),
    paragraph('', { spacingAfter: 240 }),
    dateAndSignature(page.date, page.signature, WIDTH),
  ];
}

/**
 * The member's printed score sheets: a cover page (requests to score, recusals, instructions),
 * then each request in a section of its own, so each sheet starts on a new page and can be filed
 * in the request's dossier.
 */
export async function renderScoreSheetDocx(document: ScoreSheetDocument): Promise<Uint8Array> {
  const { cover } = document;
  const coverChildren = [
    ...institutionHeader(document.header),
    ...title(cover.title, cover.subtitle),
    dataTable(FIELD_COLUMNS, cover.fields.map(([label, value]) => [{ text: label, bold: true }, value]), 18),
    paragraph('Cererile de evaluat:', { bold: true, spacingBefore: 240, spacingAfter: 80, keepNext: true }),
    ...(cover.toScore.length > 0
      ? cover.toScore.map((line, i) => new Paragraph({ spacing: { after: 60 }, indent: { left: 567, hanging: 340 }, children: [text(`${i + 1}. ${line}`)] }))
      : [paragraph('Nicio cerere.', { italics: true })]),
    ...(cover.recusedLine ? [paragraph(cover.recusedLine, { bold: true, spacingBefore: 200, spacingAfter: 80 })] : []),
    paragraph('Instrucțiuni', { bold: true, spacingBefore: 240, spacingAfter: 80, keepNext: true }),
    ...cover.instructions.map((line) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 80 }, indent: { left: 283, hanging: 283 }, children: [text(`• ${line}`)] })),
  ];
  const doc = createDocument(`${cover.title} — ${cover.subtitle}`, [
    a4Section('portrait', coverChildren),
    ...document.pages.map((page) => a4Section('portrait', requestPage(page, document.header))),
  ]);
  return toBytes(doc);
}
