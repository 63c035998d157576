// The programme's annual report as a DOCX: A4 portrait, the institution's header, the register's
// number (or the draft mark), the report's sections with their tables (totals in bold) and, under
// each, the chart that illustrates it (PNG drawn by the screen from the same data), then the
// signatures (Aprobat / Avizat / Întocmit) and page numbers.
import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import type { AnnualReportDocument, ChartImage } from '../../src/documents/annual-report';
import { markNote } from '../../src/documents/finance-blocks';
import { a4Section, contentWidth, createDocument, institutionHeader, numberLine, paragraph, signatureBlock, title, toBytes } from './common';
import { renderBlocks } from './finance-common';

/** Twips of the text width → pixels at 96 dpi (1440 twips an inch). */
const twipsToPixels = (twips: number) => Math.floor((twips / 1440) * 96);
/** About 12,7 cm: a chart and its table fit on one page more often. */
const MAX_CHART_WIDTH = 480;

function chartParagraphs(chart: ChartImage, maxWidth: number): Paragraph[] {
  const width = Math.min(maxWidth, chart.width);
  const height = Math.round((chart.height * width) / Math.max(1, chart.width));
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60 },
      children: [new ImageRun({ type: 'png', data: `data:image/png;base64,${chart.pngBase64}`, transformation: { width, height }, altText: { name: chart.key, title: chart.title, description: chart.title } })],
    }),
    paragraph(`Figura: ${chart.title}`, { italics: true, size: 18, align: AlignmentType.CENTER, spacingAfter: 200 }),
  ];
}

export async function renderAnnualReportDocx(model: AnnualReportDocument): Promise<Uint8Array> {
  const width = contentWidth(model.orientation);
  const children: (Paragraph | Table)[] = [
    ...institutionHeader(model.header),
    numberLine(model.registryDate ?? model.date, model.number, markNote(model)),
    ...title(model.title, model.subtitle),
    ...model.sections.flatMap((s) => [...renderBlocks(s.blocks, width), ...(s.chart ? chartParagraphs(s.chart, Math.min(MAX_CHART_WIDTH, twipsToPixels(width))) : [])]),
    paragraph('', { spacingAfter: 240 }),
    signatureBlock(model.signatures, width),
  ];
  return toBytes(createDocument(model.title, [a4Section(model.orientation, children)]));
}
