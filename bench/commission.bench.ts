// The commission's results for a 300-request round (7 members, a 10-criterion grid):
// (a) aggregation and ranking with allocation, as computeRoundResults does them;
// (b) the 300 result notifications, built from the results and rendered to DOCX one by one,
//     against the bare docx library writing 300 plain documents with one table of the same size.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { it } from 'vitest';
import { buildResultNotifications } from '../src/documents/result-notification';
import { renderResultNotificationDocx } from '../templates/docx/result-notification';
import { benchRound, CRITERIA, MEMBERS, REQUESTS } from './commission-round';
import { fastest, printRatio } from './report';

/** What the bare library writes per letter: a title, three paragraphs, a table of 8 rows × 2 columns. */
async function bareDocument(i: number): Promise<Uint8Array> {
  const row = (label: string, value: string) =>
    new TableRow({
      children: [
        new TableCell({ width: { size: 3000, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }),
        new TableCell({ width: { size: 4200, type: WidthType.DXA }, children: [new Paragraph(value)] }),
      ],
    });
  const labels = ['Cererea', 'Eligibilitate', 'Punctaj', 'Prag', 'Loc', 'Subvenție', 'Suma propusă', 'Rezultat'];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `NOTIFICARE nr. ${i + 1}/2026`, bold: true })] }),
          new Paragraph(`Vă comunicăm rezultatul evaluării cererii de subvenționare nr. ${i + 1}/2026.`),
          new Paragraph('Cererea a obținut punctajul de 75,00 puncte și a fost admisă la finanțare.'),
          new Table({ rows: labels.map((l, j) => row(l, `${l.toLowerCase()} ${i}-${j}`)) }),
          new Paragraph('Împotriva rezultatului puteți depune contestație în termen de 3 zile lucrătoare.'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

it(`commission results: ${REQUESTS} requests, ${MEMBERS} members, ${CRITERIA} criteria`, async () => {
  const { ctx, sheets, compute } = benchRound();
  const { totals } = ctx.results.ranking;
  console.log(
    `  ${sheets.length} score sheets, ${ctx.results.recusals.length} recusals; funded ${totals.fundedCount} of ${REQUESTS} ` +
      `(${totals.partiallyFundedCount} in part), ${ctx.results.ranking.unresolvedTies.length} undecided ties that matter`,
  );

  // (a) Aggregation + ranking and allocation, fastest of 20 after a warm-up.
  const computeMs = await fastest(compute, 20);
  console.log(`\nAgregare + clasament + alocare (computeRoundResults), ${REQUESTS} cereri × ${MEMBERS} membri × ${CRITERIA} criterii`);
  console.log(`  ${'ours: computeRoundResults'.padEnd(58)} ${computeMs.toFixed(2).padStart(10)} ms   (target: under 100 ms)`);

  // (b) 300 notifications as DOCX, each side warmed up once, then interleaved, fastest of 2.
  let count = 0;
  const ours = async () => {
    const list = buildResultNotifications(ctx);
    for (const n of list) count += (await renderResultNotificationDocx(n)).length > 0 ? 1 : 0;
  };
  const bare = async () => {
    for (let i = 0; i < REQUESTS; i++) count += (await bareDocument(i)).length > 0 ? 1 : 0;
  };
  await ours();
  await bare();
  let oursMs = Infinity;
  let bareMs = Infinity;
  for (let i = 0; i < 2; i++) {
    let start = performance.now();
    await bare();
    bareMs = Math.min(bareMs, performance.now() - start);
    start = performance.now();
    await ours();
    oursMs = Math.min(oursMs, performance.now() - start);
  }
  if (count !== REQUESTS * 6) throw new Error(`expected ${REQUESTS * 6} documents, wrote ${count}`);
  printRatio(
    `${REQUESTS} notificări DOCX (model + randare, câte un fișier)`,
    { label: 'ours: buildResultNotifications + renderResultNotificationDocx', ms: oursMs },
    { label: 'bare: docx Document with one 8×2 table + Packer', ms: bareMs },
    'within 2×',
  );
});
