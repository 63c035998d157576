import { AlignmentType, BorderStyle, Table, TableCell, TableLayoutType, TableRow, WidthType, type Paragraph } from 'docx';
import type { Signature } from '../../src/documents/document-header';
import type { ResultsAnnex, ResultsReport } from '../../src/documents/results-report';
import { formatInteger, formatLei } from '../../src/money';
import {
  a4Section, contentWidth, createDocument, dataTable, institutionHeader, numberLine, paragraph, signatureBlock, signerParagraphs, title, toBytes,
  type TableCellInput, type TableColumn, type TableRowInput,
} from './common';
import { body, heading, list } from './results-common';

const PORTRAIT = contentWidth('portrait');
const LANDSCAPE = contentWidth('landscape');

/**
 * The annex: one row per unit, the NGO, its CUI and the amount spanning its units' rows, and a
 * total row. Landscape, so that every column is readable.
 */
export function annexTable(annex: ResultsAnnex, width = LANDSCAPE): Table {
  const shares = [0.045, 0.19, 0.08, 0.2, 0.18, 0.075, 0.12];
  const widths = shares.map((s) => Math.round(width * s));
  widths.push(width - widths.reduce((a, b) => a + b, 0));
  const headers = ['Nr. crt.', 'ONG', 'CUI', 'Unitatea de asistență socială', 'Categoria / serviciul', 'Beneficiari / lună', 'Luni', 'Suma aprobată (lei)'];
  const right = new Set([0, 5, 7]);
  const columns: TableColumn[] = headers.map((header, i) => ({ header, width: widths[i]!, align: right.has(i) ? AlignmentType.RIGHT : undefined }));
  const rows: TableRowInput[] = annex.rows.flatMap((row) => {
    const units = row.units.length > 0 ? row.units : [{ unitName: '—', serviceLabel: '—', beneficiariesPerMonth: 0, months: '—' }];
    const span = units.length;
    return units.map((u, i): TableRowInput => {
      const unitCells: TableCellInput[] = [u.unitName, u.serviceLabel, formatInteger(u.beneficiariesPerMonth), u.months];
      const amount = `${formatLei(row.amount).replace(/ lei$/, '')}${row.isPartial ? '\n(parțial)' : ''}`;
      return {
        cells: i === 0 ? [{ text: String(row.number), rowSpan: span }, { text: row.organization, rowSpan: span }, { text: row.cui, rowSpan: span }, ...unitCells, { text: amount, rowSpan: span }] : unitCells,
        // The rows of one NGO stay together.
        keepWithNext: i < span - 1,
      };
    });
  });
  rows.push({ cells: ['', { text: 'TOTAL', bold: true }, '', '', '', '', '', { text: formatLei(annex.total).replace(/ lei$/, ''), bold: true }] });
  return dataTable(columns, rows, 16);
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The institution's header on the left and the director's "Aprobat," block on the right, as a
 * referat de aprobare opens; without an approval, just the header.
 */
function headerWithApproval(report: ResultsReport): (Paragraph | Table)[] {
  if (!report.approval) return institutionHeader(report.header);
  const left = Math.round(PORTRAIT * 0.62);
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children });
  const approval: Signature = report.approval;
  return [
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: PORTRAIT, type: WidthType.DXA },
      columnWidths: [left, PORTRAIT - left],
      borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
      rows: [new TableRow({ cantSplit: true, children: [cell(left, institutionHeader(report.header)), cell(PORTRAIT - left, signerParagraphs(approval))] })],
    }),
    paragraph('', { spacingAfter: 120 }),
  ];
}

/** The specialist report or the referat (portrait) and its annex (landscape, on its own pages). */
export async function renderResultsReportDocx(report: ResultsReport): Promise<Uint8Array> {
  const main: (Paragraph | Table)[] = [
    ...headerWithApproval(report),
    numberLine(report.registryDate ?? report.date, report.number, report.registryNote),
    paragraph(report.recipient, { bold: true, spacingAfter: 240 }),
    ...title(report.title, report.subtitle),
    ...(report.warnings.length > 0
      ? [paragraph('Atenție — proiect: rezultatele nu sunt încă finale.', { bold: true, spacingAfter: 60, keepNext: true }), ...list(report.warnings, { size: 18 })]
      : []),
    ...report.sections.flatMap((s) => [
      heading(s.heading),
      ...body(s.paragraphs, { keepLastWithNext: !!s.items?.length }),
      ...list(s.items ?? []),
    ]),
    paragraph('', { spacingAfter: 360 }),
    signatureBlock(report.signatures, PORTRAIT),
  ];
  const annex: (Paragraph | Table)[] = [
    paragraph(report.annex.title, { bold: true, size: 22, align: AlignmentType.CENTER, spacingAfter: 60, keepNext: true }),
    paragraph(report.annex.subtitle, { italics: true, align: AlignmentType.CENTER, spacingAfter: 200, keepNext: true }),
    annexTable(report.annex),
    paragraph(`Total general: ${formatLei(report.annex.total)}.`, { bold: true, spacingBefore: 120 }),
  ];
  return toBytes(createDocument(`${report.title} ${report.subtitle}`, [a4Section('portrait', main), a4Section('landscape', annex)]));
}
