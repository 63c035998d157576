import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildResultsReport } from '../../../src/documents/results-report';
import { renderResultsReportDocx } from '../../../templates/docx/results-report';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { roundResultsFixture } from './round-results-fixture';

describe('specialist report with the proposal and its annex (raport de specialitate)', () => {
  const ctx = roundResultsFixture();
  const report = buildResultsReport(ctx);

  it('cites Legea 34/1998, HG 1153/2001, the round’s act and the commission’s act', () => {
    const basis = report.sections[0]!;
    expect(basis.heading).toBe('1. Temeiul legal');
    expect(basis.items![0]).toMatch(/^Legea nr\. 34\/1998 privind acordarea unor subvenții/);
    expect(basis.items![1]).toContain('HG nr. 1153/2001');
    expect(basis.items![2]).toMatch(/^HCL 500\/2026/);
    expect(basis.items![3]).toMatch(/^HCL 632\/2016/);
  });

  it('summarises the procedure: 5 registered, 4 eligible, 4 evaluated, 2 funded, the appeals', () => {
    const text = report.sections[1]!.paragraphs.join(' ');
    expect(text).toContain('un buget disponibil de 100.000,00 lei');
    expect(text).toContain('Au fost înregistrate 5 cereri de subvenționare, dintre care 4 cereri eligibile și 1 cerere neeligibilă.');
    expect(text).toContain('a evaluat 4 cereri');
    expect(text).toContain('Rezultatul: 2 cereri finanțate integral, 0 cereri finanțate parțial, 1 cerere nefinanțată din lipsă de buget, 1 cerere sub prag, 1 cerere neeligibilă.');
    expect(text).toContain('s-au depus 2 contestații, analizate în ședința din 08.12.2026: 1 respinsă, 1 respinsă ca tardivă.');
  });

  it('proposes the allocated total, and the annex total equals it: 40.000 + 40.000 = 80.000 lei', () => {
    expect(report.annex.rows.map((r) => [r.number, r.organization, r.amount])).toEqual([
      [1, 'Asociația Șansa Țării', 4_000_000],
      [2, 'Asociația Vârstnicilor Mănăștur', 4_000_000],
    ]);
    expect(report.annex.total).toBe(ctx.results.ranking.totals.allocated);
    expect(report.annex.total).toBe(report.annex.rows.reduce((s, r) => s + r.amount, 0));
    expect(report.sections[2]!.paragraphs[0]).toContain('către 2 asociații și fundații, în sumă totală de 80.000,00 lei');
    expect(report.sections[2]!.paragraphs[2]).toBe('Din bugetul rundei de 100.000,00 lei rămâne nealocată suma de 20.000,00 lei.');
  });

  it('keeps the annex total equal to the allocation when an appeal and a partial allocation change it', () => {
    const changed = roundResultsFixture({ hasAdmittedAppeal: true, allowPartialLast: true });
    const r = buildResultsReport(changed);
    expect(r.annex.rows.map((row) => [row.requestLabel, row.amount, row.isPartial])).toEqual([
      ['1/2026', 4_000_000, false],
      ['2/2026', 3_000_000, false],
      ['3/2026', 3_000_000, true],
    ]);
    expect(r.annex.total).toBe(changed.results.ranking.totals.allocated);
    expect(r.annex.total).toBe(10_000_000);
    expect(r.annex.rows[1]!.units.map((u) => u.unitName)).toEqual(['Cantina socială „Pâinea zilnică”', 'Centrul de zi „Ștefan”']);
  });

  it('warns while the results are not final', () => {
    expect(report.warnings).toEqual([
      'Rezultatele rundei nu sunt declarate finale (blocate) în aplicație.',
      'Termenul de depunere a contestațiilor se împlinește la 04.12.2026.',
    ]);
    expect(buildResultsReport(roundResultsFixture({ isTieDecided: false })).warnings[0]).toMatch(/^Rezultatele nu sunt finale: egalitate nedecisă/);
  });

  it('goes to the director when asked, signed by the head of institution, the head of service and the preparer', () => {
    expect(buildResultsReport(ctx, { recipient: 'director' }).recipient).toBe('Către: Director executiv Maria Pop');
    expect(report.recipient).toBe('Către: Consiliul Local al Municipiului Cluj-Napoca');
    expect(report.signatures.map((s) => s.title)).toEqual(['Director executiv', 'Șef serviciu', 'Întocmit']);
  });

  it('renders a DOCX whose landscape annex LibreOffice prints with the total', async () => {
    const bytes = await renderResultsReportDocx(buildResultsReport(roundResultsFixture({ hasAdmittedAppeal: true, allowPartialLast: true })));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('RAPORT DE SPECIALITATE');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Centrul de zi „Ștefan”');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'raport-specialitate.docx');
    expect(pdf.pageCount).toBe(2);
    expect(pdf.text).toContain('ANEXA — Asociațiile și fundațiile care beneficiază de subvenții');
    expect(pdf.text).toContain('TOTAL');
    expect(pdf.text).toContain('Total general: 100.000,00 lei.');
    expect(pdf.text).toContain('Pagina 2 din 2');
  }, 120_000);
});
