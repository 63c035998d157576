import type { Paragraph, Table } from 'docx';
import type { AppealsMinutes } from '../../src/documents/appeals-minutes';
import { a4Section, contentWidth, createDocument, institutionHeader, numberLine, paragraph, title, toBytes } from './common';
import { body, fieldsTable, heading, list, sessionContent, signatureTable, subheading } from './results-common';

const WIDTH = contentWidth('portrait');

/** The minutes of the appeals session(s): attendance, each appeal with its decision, what changes. */
export async function renderAppealsMinutesDocx(minutes: AppealsMinutes): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    ...institutionHeader(minutes.header),
    numberLine(minutes.registryDate ?? minutes.date, minutes.number, minutes.registryNote),
    ...title(minutes.title, minutes.subtitle),
    ...body(minutes.intro),
    heading('1. Ședința comisiei'),
    ...minutes.sessions.flatMap((s) => sessionContent(s, WIDTH)),
    ...(minutes.sessions.length === 0 ? body(['Nu este înregistrată nicio ședință de soluționare a contestațiilor.']) : []),
    heading('2. Contestațiile și soluțiile comisiei'),
    ...(minutes.appeals.length === 0 ? body(['Nu s-au depus contestații.']) : []),
    ...minutes.appeals.flatMap((a) => [
      subheading(`${a.heading} — ${a.decision}`),
      fieldsTable(a.fields, WIDTH, { labelShare: 0.28, keepTogether: true }),
      ...(a.checks.length > 0 ? [paragraph('De verificat:', { bold: true, spacingBefore: 60, keepNext: true }), ...list(a.checks, { size: 18 })] : []),
    ]),
    heading('3. Efectele asupra clasamentului'),
    ...list(minutes.changes),
    ...body(minutes.finalStatement),
    paragraph('', { spacingAfter: 120 }),
    ...body([minutes.closing], { keepLastWithNext: true }),
    paragraph('Semnăturile membrilor prezenți', { bold: true, spacingBefore: 120, spacingAfter: 120, keepNext: true }),
    signatureTable(minutes.signatures, WIDTH),
  ];
  return toBytes(createDocument(minutes.title, [a4Section('portrait', children)]));
}
