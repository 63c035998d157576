// Pieces shared by the round's results documents (minutes, report, notifications): numbered
// headings kept with what follows, justified body text, lists, label/value tables, the
// attendance list, and the signature table of a commission's minutes.
import {
  AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType,
} from 'docx';
import type { Signature } from '../../src/documents/document-header';
import type { MinutesSession } from '../../src/documents/minutes-sessions';
import type { Addressee } from '../../src/documents/request-notices';
import { dataTable, paragraph, text, type TableColumn } from './common';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const THIN = { style: BorderStyle.SINGLE, size: 4, color: '808080' };

/** A section heading, bold, kept on the page of what follows it. */
export function heading(value: string, options: { size?: number; spacingBefore?: number } = {}): Paragraph {
  return paragraph(value, { bold: true, size: options.size ?? 22, spacingBefore: options.spacingBefore ?? 240, spacingAfter: 120, keepNext: true });
}

/** A smaller heading (a request, a session), kept with what follows it. */
export function subheading(value: string): Paragraph {
  return paragraph(value, { bold: true, size: 20, spacingBefore: 160, spacingAfter: 80, keepNext: true });
}

/** Justified paragraphs with a first-line indent. `keepLastWithNext` holds the last one on the page of what follows (a list or a table). */
export function body(paragraphs: readonly string[], options: { keepLastWithNext?: boolean; size?: number } = {}): Paragraph[] {
  return paragraphs.map(
    (p, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        keepNext: options.keepLastWithNext && i === paragraphs.length - 1,
        spacing: { after: 120 },
        indent: { firstLine: 567 },
        children: [text(p, { size: options.size })],
      }),
  );
}

/** A list, numbered ("1.") or with a dash, hanging indent. */
export function list(items: readonly string[], options: { numbered?: boolean; size?: number } = {}): Paragraph[] {
  return items.map(
    (item, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: 60 },
        indent: { left: 567, hanging: 340 },
        children: [text(`${options.numbered ? `${i + 1}.` : '—'}\u00A0${item}`, { size: options.size })],
      }),
  );
}

/** Label in bold on the left, value on the right, bordered, no header row; rows are not split across pages. */
export function fieldsTable(fields: readonly (readonly [string, string])[], width: number, options: { labelShare?: number; size?: number; shadeLabels?: boolean; alignValues?: 'right'; keepTogether?: boolean } = {}): Table {
  const size = options.size ?? 18;
  const widths = [Math.round(width * (options.labelShare ?? 0.32))];
  widths.push(width - widths[0]!);
  const cell = (value: string, i: number, bold: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: bold && options.shadeLabels !== false ? { fill: 'F2F2F2' } : undefined,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: value.split('\n').map(
        (line) => new Paragraph({ alignment: i === 1 && options.alignValues === 'right' ? AlignmentType.RIGHT : undefined, children: [text(line, { bold, size })] }),
      ),
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
    rows: fields.map(
      ([label, value], i) =>
        new TableRow({ cantSplit: true, keepNext: options.keepTogether && i < fields.length - 1, children: [cell(label, 0, true), cell(value, 1, false)] }),
    ),
  });
}

/** The attendance list of a session: name, capacity, institution, presence. */
export function attendanceTable(session: MinutesSession, width: number): Table {
  const w = (share: number) => Math.round(width * share);
  const columns: TableColumn[] = [
    { header: 'Numele și prenumele', width: w(0.27) },
    { header: 'Calitatea în comisie', width: w(0.25) },
    { header: 'Instituția', width: w(0.26) },
    { header: 'Prezența', width: width - w(0.27) - w(0.25) - w(0.26) },
  ];
  return dataTable(columns, session.attendance.map((a) => [a.name, a.capacity, a.institution, a.presence]), 18);
}

/** A session's block: heading, when and where, attendance, quorum, declarations. */
export function sessionContent(session: MinutesSession, width: number): (Paragraph | Table)[] {
  return [
    subheading(session.heading),
    paragraph(session.details, { spacingAfter: 80, keepNext: true }),
    attendanceTable(session, width),
    paragraph('', { spacingAfter: 60 }),
    ...body(session.quorum),
    ...body(session.declarations),
  ];
}

/**
 * Signatures of the members present, one per row (Calitatea | Numele și prenumele | Semnătura),
 * tall enough to sign, kept together on one page.
 */
export function signatureTable(signatures: readonly Signature[], width: number): Table {
  const widths = [Math.round(width * 0.34), Math.round(width * 0.36)];
  widths.push(width - widths[0]! - widths[1]!);
  const cell = (value: string, i: number, options: { bold?: boolean; keepNext: boolean }) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlign.BOTTOM,
      borders: { top: NONE, left: NONE, right: NONE, bottom: i === 2 && !options.bold ? THIN : NONE },
      margins: { left: 60, right: 60, bottom: 40 },
      children: [new Paragraph({ keepNext: options.keepNext, children: [text(value, { bold: options.bold, size: 20 })] })],
    });
  const header = new TableRow({
    cantSplit: true,
    tableHeader: true,
    children: ['Calitatea', 'Numele și prenumele', 'Semnătura'].map((h, i) => cell(h, i, { bold: true, keepNext: true })),
  });
  const rows = signatures.map(
    (s, r) =>
      new TableRow({
        cantSplit: true,
        height: { value: 620, rule: HeightRule.ATLEAST },
        children: [cell(s.title, 0, { keepNext: r < signatures.length - 1 }), cell(s.name, 1, { keepNext: r < signatures.length - 1 }), cell('', 2, { keepNext: r < signatures.length - 1 })],
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [header, ...rows],
  });
}

/** "Către" block of a letter: the NGO, its seat, its legal representative. */
export function addresseeBlock(addressee: Addressee): Paragraph[] {
  return [
    paragraph('Către', { bold: true }),
    paragraph(addressee.name, { bold: true }),
    ...(addressee.address ? [paragraph(addressee.address)] : []),
    paragraph(addressee.representative ? `În atenția: ${addressee.representative}, reprezentant legal` : '', { spacingAfter: 240 }),
  ];
}
