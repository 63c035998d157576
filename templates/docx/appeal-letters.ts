import { AlignmentType, Footer, PageNumber, Paragraph, TextRun, type ISectionOptions, type Table } from 'docx';
import type { AppealDecisionLetter, ChangedResultNotification, ComparisonRow } from '../../src/documents/appeal-letters';
import { a4Section, contentWidth, createDocument, dataTable, FONT, institutionHeader, numberLine, paragraph, signatureBlock, title, toBytes } from './common';
import { addresseeBlock, body, list } from './results-common';

const WIDTH = contentWidth('portrait');

/** Score, rank, amount and result: as communicated and after the appeals, kept on one page. */
function comparisonTable(rows: readonly ComparisonRow[]): Table {
  const label = Math.round(WIDTH * 0.3);
  const half = Math.floor((WIDTH - label) / 2);
  return dataTable(
    [
      { header: '', width: label },
      { header: 'Rezultatul comunicat', width: half, align: AlignmentType.RIGHT },
      { header: 'După soluționarea contestațiilor', width: half, align: AlignmentType.RIGHT },
    ],
    rows.map((r, i) => ({ cells: [{ text: r[0], bold: true }, r[1], { text: r[2], bold: r[1] !== r[2] }], keepWithNext: i < rows.length - 1 })),
    18,
  );
}

function decisionContent(l: AppealDecisionLetter): (Paragraph | Table)[] {
  return [
    ...institutionHeader(l.header),
    numberLine(l.date, l.number, l.registryNote),
    ...addresseeBlock(l.addressee),
    ...title(l.title, l.subtitle),
    ...body(l.intro),
    paragraph(l.verdict, { bold: true, align: AlignmentType.CENTER, spacingBefore: 60, spacingAfter: 160, keepNext: true }),
    paragraph('Motivarea', { bold: true, spacingAfter: 60, keepNext: true }),
    ...body([l.reasons, ...l.vote]),
    paragraph('Rezultatul cererii', { bold: true, spacingBefore: 120, spacingAfter: 80, keepNext: true }),
    comparisonTable(l.comparison),
    paragraph('', { spacingAfter: 60 }),
    ...body([...l.effect, l.remedy, l.closing]),
    paragraph('', { spacingAfter: 240 }),
    signatureBlock(l.signatures, WIDTH),
  ];
}

function notificationContent(n: ChangedResultNotification): (Paragraph | Table)[] {
  return [
    ...institutionHeader(n.header),
    numberLine(n.date, n.number, n.registryNote),
    ...addresseeBlock(n.addressee),
    ...title(n.title, n.subtitle),
    ...body([n.intro], { keepLastWithNext: true }),
    ...list(n.causes),
    paragraph('Rezultatul cererii dumneavoastră', { bold: true, spacingBefore: 120, spacingAfter: 80, keepNext: true }),
    comparisonTable(n.comparison),
    paragraph('', { spacingAfter: 60 }),
    ...body([...n.effect, n.remedy, n.closing]),
    paragraph('', { spacingAfter: 240 }),
    signatureBlock(n.signatures, WIDTH),
  ];
}

/** "… — pagina N", restarting with each letter of the printing file (see result-notification). */
function letterFooter(label: string): Footer {
  return new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [`${label} — pagina `, PageNumber.CURRENT], size: 16, font: FONT })] })],
  });
}

function letterSections<T>(letters: readonly T[], content: (l: T) => (Paragraph | Table)[], label: (l: T) => string): ISectionOptions[] {
  return letters.map((l) => {
    const section = a4Section('portrait', content(l));
    return { ...section, properties: { ...section.properties, page: { ...section.properties?.page, pageNumbers: { start: 1 } } }, footers: { default: letterFooter(label(l)) } };
  });
}

/** One decision letter as its own DOCX ("Pagina X din Y"). */
export async function renderAppealDecisionLetterDocx(l: AppealDecisionLetter): Promise<Uint8Array> {
  return toBytes(createDocument(`${l.title} ${l.subtitle}`, [a4Section('portrait', decisionContent(l))]));
}

/** Every appellant's decision letter in one DOCX, one section per letter, for printing at once. */
export async function renderAppealDecisionLettersDocx(letters: readonly AppealDecisionLetter[]): Promise<Uint8Array> {
  return toBytes(createDocument('Decizii privind soluționarea contestațiilor', letterSections(letters, decisionContent, (l) => `Decizia privind contestația nr. ${l.appealLabel}`)));
}

/** One changed-result notification as its own DOCX. */
export async function renderChangedResultNotificationDocx(n: ChangedResultNotification): Promise<Uint8Array> {
  return toBytes(createDocument(`${n.title} ${n.subtitle}`, [a4Section('portrait', notificationContent(n))]));
}

/** Every changed-result notification in one DOCX, one section per letter. */
export async function renderChangedResultNotificationsDocx(list: readonly ChangedResultNotification[]): Promise<Uint8Array> {
  return toBytes(createDocument('Notificări privind modificarea rezultatelor', letterSections(list, notificationContent, (n) => `Notificarea privind cererea nr. ${n.requestLabel}`)));
}
