import { AlignmentType, type Paragraph, type Table } from 'docx';
import type { EvaluationMinutes, ScoreTable } from '../../src/documents/evaluation-minutes';
import { a4Section, contentWidth, createDocument, dataTable, institutionHeader, numberLine, paragraph, title, toBytes, type Orientation, type TableColumn } from './common';
import { body, fieldsTable, heading, list, sessionContent, signatureTable, subheading } from './results-common';

const PORTRAIT = contentWidth('portrait');
/** Narrowest readable column for one member's points ("recuzat" at 8 pt), and for the criterion's name. */
const MEMBER_COLUMN_MIN = 900;
const CRITERION_COLUMN_MIN = 2600;

/** The score tables go landscape when a column per member no longer fits a portrait page. */
export function scoreOrientation(memberCount: number): Orientation {
  return CRITERION_COLUMN_MIN + 700 + (memberCount + 1) * MEMBER_COLUMN_MIN > PORTRAIT ? 'landscape' : 'portrait';
}

function scoreTable(table: ScoreTable, width: number): Table {
  const members = table.memberNames.length;
  const maxWidth = 700;
  const memberWidth = Math.max(MEMBER_COLUMN_MIN, Math.min(1500, Math.floor((width - CRITERION_COLUMN_MIN - maxWidth) / (members + 1))));
  const criterionWidth = width - maxWidth - memberWidth * (members + 1);
  const columns: TableColumn[] = [
    { header: 'Criteriul', width: criterionWidth },
    { header: 'Max.', width: maxWidth, align: AlignmentType.RIGHT },
    ...table.memberNames.map((name) => ({ header: name, width: memberWidth, align: AlignmentType.RIGHT })),
    { header: 'Media comisiei', width: memberWidth, align: AlignmentType.RIGHT },
  ];
  return dataTable(
    columns,
    table.rows.map((r, i) => ({
      cells: [{ text: r.label, bold: r.isTotal }, { text: r.maxPoints, bold: r.isTotal }, ...r.cells.map((c) => ({ text: c, bold: r.isTotal })), { text: r.mean, bold: true }],
      // A request's table stays on one page: each row keeps with the next.
      keepWithNext: i < table.rows.length - 1,
    })),
    16,
  );
}

function rankingTable(minutes: EvaluationMinutes, width: number): Table {
  const shares = [0.045, 0.09, 0.15, 0.07, 0.12, 0.12, 0.12];
  const widths = shares.map((s) => Math.round(width * s));
  widths.push(width - widths.reduce((a, b) => a + b, 0));
  const headers = ['Loc', 'Nr. cerere', 'ONG', 'Punctaj mediu', 'Subvenția calculată', 'Suma propusă', 'Situația', 'Observații'];
  const right = new Set([0, 3, 4, 5]);
  const columns: TableColumn[] = headers.map((header, i) => ({ header, width: widths[i]!, align: right.has(i) ? AlignmentType.RIGHT : undefined }));
  return dataTable(
    columns,
    minutes.ranking.lines.map((l) => [l.rank, l.request, l.organization, l.mean, l.computed, l.allocated, l.status, l.notes]),
    // 8 pt: the smallest print of the app's documents.
    16,
  );
}

/** The evaluation and selection minutes: portrait, with the score tables landscape when they are wide. */
export async function renderEvaluationMinutesDocx(minutes: EvaluationMinutes): Promise<Uint8Array> {
  const memberCount = minutes.scores.tables[0]?.memberNames.length ?? 0;
  const scoresOrientation = scoreOrientation(memberCount);
  const scoresWidth = contentWidth(scoresOrientation);

  const opening: (Paragraph | Table)[] = [
    ...institutionHeader(minutes.header),
    numberLine(minutes.registryDate ?? minutes.date, minutes.number, minutes.registryNote),
    ...title(minutes.title, minutes.subtitle),
    ...body(minutes.intro),
    heading('1. Ședințele comisiei'),
    ...minutes.sessions.flatMap((s) => sessionContent(s, PORTRAIT)),
    ...(minutes.sessions.length === 0 ? body(['Nu este înregistrată nicio ședință de evaluare.']) : []),
    heading('2. Imparțialitate și recuzări'),
    ...body([minutes.declarationsNote], { keepLastWithNext: minutes.recusals.length > 0 }),
    ...(minutes.recusals.length > 0
      ? [
          dataTable(
            [
              { header: 'Membrul', width: Math.round(PORTRAIT * 0.2) },
              { header: 'Cererea', width: Math.round(PORTRAIT * 0.25) },
              { header: 'Recuzarea', width: Math.round(PORTRAIT * 0.17) },
              { header: 'Motivul', width: PORTRAIT - Math.round(PORTRAIT * 0.2) - Math.round(PORTRAIT * 0.25) - Math.round(PORTRAIT * 0.17) },
            ],
            minutes.recusals.map((r) => [r.member, r.request, r.kind, r.reason]),
            16,
          ),
          paragraph('', { spacingAfter: 60 }),
        ]
      : []),
    ...body(minutes.recusalStatements),
    heading('3. Grila de evaluare'),
    dataTable(
      [
        { header: 'Cod', width: Math.round(PORTRAIT * 0.08) },
        { header: 'Criteriul / subcriteriul', width: PORTRAIT - Math.round(PORTRAIT * 0.08) - 2 * Math.round(PORTRAIT * 0.15) },
        { header: 'Punctaj maxim', width: Math.round(PORTRAIT * 0.15), align: AlignmentType.RIGHT },
        { header: 'Punctaj minim', width: Math.round(PORTRAIT * 0.15), align: AlignmentType.RIGHT },
      ],
      // A short table: kept on one page.
      minutes.grid.lines.map((g, i) => ({
        cells: [g.code, g.isSubcriterion ? `    ${g.title}` : { text: g.title, bold: true }, g.maxPoints, g.minPoints],
        keepWithNext: i < minutes.grid.lines.length - 1,
      })),
      16,
    ),
    paragraph('', { spacingAfter: 60 }),
    ...body(minutes.grid.statements),
  ];

  const scores: (Paragraph | Table)[] = [
    heading('4. Punctajele acordate', { spacingBefore: scoresOrientation === 'landscape' ? 0 : 240 }),
    ...body([minutes.scores.intro], { keepLastWithNext: true }),
    ...minutes.scores.tables.flatMap((t) => [
      subheading(t.heading),
      scoreTable(t, scoresWidth),
      ...list(t.notes, { size: 16 }),
    ]),
    ...(minutes.scores.notScored.length > 0 ? [subheading('Cereri nepunctate'), ...list(minutes.scores.notScored)] : []),
    ...(minutes.scores.excludedSheets.length > 0 ? [subheading('Fișe de evaluare neluate în calcul'), ...list(minutes.scores.excludedSheets)] : []),
    heading('5. Diferențe semnalate între punctajele membrilor'),
    ...list(minutes.discrepancies),
  ];

  const closing: (Paragraph | Table)[] = [
    heading('6. Clasamentul și alocarea bugetului'),
    ...body([minutes.ranking.intro], { keepLastWithNext: true }),
    rankingTable(minutes, PORTRAIT),
    paragraph('', { spacingAfter: 60 }),
    subheading('Egalități de punctaj'),
    ...list(minutes.ranking.tieNotes),
    heading('7. Bugetul'),
    fieldsTable(minutes.budget, Math.round(PORTRAIT * 0.7), { labelShare: 0.62, alignValues: 'right' }),
    heading('8. Concluzii'),
    ...(minutes.hasQuorum ? [] : [paragraph('Comisia nu a putut adopta nicio decizie: ședința nu a avut cvorum.', { bold: true, spacingAfter: 120 })]),
    ...body(minutes.conclusions, { keepLastWithNext: minutes.proposedFunding.length > 0 }),
    ...list(minutes.proposedFunding),
    paragraph('Deciziile comisiei și votul membrilor', { bold: true, spacingBefore: 120, spacingAfter: 60, keepNext: true }),
    ...list(minutes.decisions),
    ...(minutes.pendingIssues.length > 0
      ? [paragraph('Rezultatele nu sunt încă finale:', { bold: true, spacingBefore: 120, spacingAfter: 60, keepNext: true }), ...list(minutes.pendingIssues)]
      : []),
    paragraph('', { spacingAfter: 120 }),
    ...body(minutes.closing, { keepLastWithNext: true }),
    paragraph('Semnăturile membrilor prezenți', { bold: true, spacingBefore: 120, spacingAfter: 120, keepNext: true }),
    signatureTable(minutes.signatures, PORTRAIT),
  ];

  const sections =
    scoresOrientation === 'portrait'
      ? [a4Section('portrait', [...opening, ...scores, ...closing])]
      : [a4Section('portrait', opening), a4Section('landscape', scores), a4Section('portrait', closing)];
  return toBytes(createDocument(minutes.title, sections));
}
