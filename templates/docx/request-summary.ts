import type { Field, RequestSummary } from '../../src/documents/request-summary';
import { a4Section, contentWidth, createDocument, dataTable, institutionHeader, paragraph, signatureBlock, title, toBytes, type TableColumn } from './common';

const WIDTH = contentWidth('portrait');

function fieldsTable(fields: readonly Field[], headers: readonly [string, string] = ['Rubrica', 'Date'], align?: TableColumn['align']) {
  const columns: TableColumn[] = [
    { header: headers[0], width: Math.round(WIDTH * 0.6) },
    { header: headers[1], width: WIDTH - Math.round(WIDTH * 0.6), align },
  ];
  return dataTable(columns, fields.map(([label, value]) => [{ text: label, bold: true }, value]), 18);
}

function heading(value: string) {
  return paragraph(value, { bold: true, size: 22, spacingBefore: 240, spacingAfter: 120, keepNext: true });
}

/** The request summary for the commission: NGO, units and budgets, dossier, verdict, computation. */
export async function renderRequestSummaryDocx(summary: RequestSummary): Promise<Uint8Array> {
  const dossierColumns: TableColumn[] = [
    { header: 'Document', width: Math.round(WIDTH * 0.6) },
    { header: 'Situație', width: Math.round(WIDTH * 0.12) },
    { header: 'Date', width: WIDTH - Math.round(WIDTH * 0.6) - Math.round(WIDTH * 0.12) },
  ];
  const verdictColumns: TableColumn[] = [
    { header: 'Condiția', width: Math.round(WIDTH * 0.62) },
    { header: 'Îndeplinită', width: Math.round(WIDTH * 0.12) },
    { header: 'Temeiul', width: WIDTH - Math.round(WIDTH * 0.62) - Math.round(WIDTH * 0.12) },
  ];
  const stepColumns: TableColumn[] = [
    { header: 'Pasul', width: Math.round(WIDTH * 0.22) },
    { header: 'Calculul', width: Math.round(WIDTH * 0.36) },
    { header: 'Temeiul', width: Math.round(WIDTH * 0.24) },
    { header: 'Rezultat', width: WIDTH - Math.round(WIDTH * 0.22) - Math.round(WIDTH * 0.36) - Math.round(WIDTH * 0.24), align: 'right' },
  ];
  const computation = 'message' in summary.computation
    ? [paragraph(summary.computation.message, { spacingAfter: 120 })]
    : [
        ...summary.computation.units.flatMap((u) => [
          paragraph(u.heading, { bold: true, spacingBefore: 120, spacingAfter: 80, keepNext: true }),
          dataTable(stepColumns, u.steps.map((s) => [s.label, s.detail, s.source, s.result]), 16),
        ]),
        paragraph(`Subvenția calculată: ${summary.computation.total}`, { bold: true, spacingBefore: 160 }),
      ];

  const doc = createDocument(summary.title, [
    a4Section('portrait', [
      ...institutionHeader(summary.header),
      ...title(summary.title, summary.subtitle),
      heading('1. Solicitantul'),
      fieldsTable(summary.organization),
      heading('2. Cererea'),
      fieldsTable(summary.request),
      heading('3. Unitățile de asistență socială'),
      ...summary.units.flatMap((u, i) => [
        paragraph(`3.${i + 1}. ${u.heading}`, { bold: true, spacingBefore: 120, spacingAfter: 80, keepNext: true }),
        fieldsTable(u.fields),
        paragraph('', { spacingAfter: 80 }),
        fieldsTable(u.budget, ['Bugetul pe categorii de cheltuieli', 'Suma'], 'right'),
      ]),
      heading('4. Dosarul'),
      dataTable(dossierColumns, summary.dossier.map((d) => [d.item, d.status, d.dates]), 16),
      heading('5. Eligibilitatea'),
      paragraph(summary.verdict.text, { bold: true, spacingAfter: 80 }),
      dataTable(verdictColumns, summary.verdict.reasons.map((r) => [r.text, r.isMet ? 'da' : 'nu', r.source]), 16),
      heading('6. Calculul subvenției'),
      ...computation,
      paragraph('', { spacingAfter: 480 }),
      signatureBlock(summary.signatures, WIDTH),
    ]),
  ]);
  return toBytes(doc);
}
