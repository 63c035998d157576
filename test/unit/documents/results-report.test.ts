import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildResultsReport } from '../../../src/documents/results-report';
import { renderResultsReportDocx } from '../../../templates/docx/results-report';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { roundResultsFixture } from './round-results-fixture';

describe('specialist report with the proposal and its annex (raport de specialitate)', () => {
  const ctx = roundResultsFixture();
  const report = buildResultsReport(ctx);

  it('cites the full legal basis: Legea 34/1998, HG 1153/2001, HCL 788/2022, Legea 273/2006, the Administrative Code, the round’s and the commission’s acts', () => {
    const basis = report.sections[0]!;
    expect(basis.heading).toBe('1. Temeiul legal');
    const items = basis.items!;
    expect(items[0]).toMatch(/^Legea nr\. 34\/1998 privind acordarea unor subvenții/);
    expect(items[1]).toContain('Hotărârea Guvernului nr. 1153/2001');
    expect(items[2]).toContain('Hotărârea Consiliului Local al Municipiului Cluj-Napoca nr. 788/2022');
    expect(items[3]).toBe('Legea nr. 273/2006 privind finanțele publice locale, cu modificările și completările ulterioare;');
    expect(items[4]).toMatch(/^art\. 129 din Ordonanța de urgență a Guvernului nr\. 57\/2019 privind Codul administrativ/);
    // The council's report is the specialty report of art. 136 that goes with the draft decision.
    expect(items[5]).toMatch(/^art\. 136 din Ordonanța de urgență a Guvernului nr\. 57\/2019/);
    expect(items[6]).toMatch(/^HCL 500\/2026/);
    expect(items[7]).toMatch(/^HCL 632\/2016/);
    // The referat to the director does not cite art. 136; a Law 350/2005 round cites neither Law 34 nor its norms.
    const referat = buildResultsReport(ctx, { recipient: 'director' }).sections[0]!.items!;
    expect(referat.some((i) => i.startsWith('art. 136'))).toBe(false);
    expect(referat.some((i) => i.startsWith('art. 129'))).toBe(true);
    const law350 = buildResultsReport({ ...ctx, round: { ...ctx.round, law: 'legea_350_2005' } }).sections[0]!.items!;
    expect(law350[0]).toMatch(/^Legea nr\. 350\/2005/);
    expect(law350.join(' ')).not.toMatch(/Legea nr\. 34\/1998|1153\/2001|788\/2022/);
  });

  it('summarises the procedure: 5 registered, 4 eligible, 4 evaluated, 2 funded, the appeals', () => {
    const text = report.sections[1]!.paragraphs.join(' ');
    expect(text).toContain('un buget disponibil de 100.000,00 lei');
    expect(text).toContain('Au fost înregistrate 5 cereri de subvenționare, dintre care 4 cereri eligibile și 1 cerere neeligibilă.');
    expect(text).toContain('a evaluat 4 cereri');
    expect(text).toContain('Rezultatul: 2 cereri finanțate integral, 0 cereri finanțate parțial, 1 cerere nefinanțată din lipsă de buget, 1 cerere sub prag, 1 cerere neeligibilă.');
    // Dated the day of the communication: the appeal term runs and no appeal is filed yet.
    expect(text).toContain('Rezultatele au fost comunicate solicitanților la 27.11.2026; termenul de depunere a contestațiilor, de 3 zile lucrătoare, se împlinește la 04.12.2026, iar până la această dată nu s-au depus contestații.');
  });

  it('states the stage on its own date, never "nu s-au depus contestații" before the term ran out', () => {
    const stageOf = (overrides: Partial<typeof ctx>) => {
      const r = buildResultsReport({ ...ctx, ...overrides });
      return { stage: r.stage, text: r.sections[1]!.paragraphs.at(-1)!, warnings: r.warnings };
    };
    const before = stageOf({ date: '2026-11-26', evaluation: { ...ctx.evaluation, notifiedOn: undefined } });
    expect(before.stage).toBe('necomunicate');
    expect(before.text).toBe('Rezultatele urmează să fie comunicate solicitanților, care pot depune contestație în termen de 3 zile lucrătoare de la comunicare.');
    expect(before.warnings).toContain('Rezultatele nu au fost încă comunicate solicitanților; termenul de depunere a contestațiilor nu a început să curgă.');

    const waiting = stageOf({ date: '2026-12-07' });
    expect(waiting.stage).toBe('contestatii_in_solutionare');
    expect(waiting.text).toContain('s-au depus 2 contestații, dintre care 2 contestații sunt în curs de soluționare');
    expect(waiting.warnings).toContain('2 contestații sunt nesoluționate.');

    const after = stageOf({ date: '2026-12-10' });
    expect(after.stage).toBe('incheiata');
    expect(after.text).toContain('s-au depus 2 contestații, soluționate în ședința din 08.12.2026: 1 respinsă, 1 respinsă ca tardivă.');
    expect(after.warnings).toEqual(['Rezultatele rundei nu sunt declarate finale (blocate) în aplicație.']);

    const none = stageOf({ date: '2026-12-10', appeals: [] });
    expect(none.text).toBe('Rezultatele au fost comunicate solicitanților la 27.11.2026; termenul de depunere a contestațiilor s-a împlinit la 04.12.2026 și nu s-au depus contestații.');
    expect(stageOf({ date: '2026-11-27', appeals: [] }).text).not.toContain('s-a împlinit');
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

  it('is a "Referat de aprobare" for the director, with the "Aprobat" block, and a "Raport de specialitate" for the council', () => {
    const referat = buildResultsReport(ctx, { recipient: 'director' });
    expect(referat.title).toBe('REFERAT DE APROBARE');
    expect(referat.subtitle).toBe('privind aprobarea rezultatelor selecției și a acordării subvențiilor asociațiilor și fundațiilor pentru anul 2027, în temeiul Legii nr. 34/1998');
    expect(referat.recipient).toBe('Către: Director executiv al Direcției de Asistență Socială și Medicală Cluj-Napoca');
    expect(referat.approval).toEqual({ role: 'Aprobat', title: 'Director executiv', name: 'Maria Pop' });
    expect(referat.signatures).toEqual([
      { role: 'Avizat', title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Secretarul comisiei', name: 'Andrei Șerban' },
    ]);
    expect(referat.sections[2]!.paragraphs[0]).toMatch(/^Față de cele de mai sus, propunem aprobarea rezultatelor selecției și a acordării subvențiilor pentru anul 2027/);
    expect(referat.sections[2]!.paragraphs[0]).toContain('prevăzute în anexa la prezentul referat.');

    expect(report.title).toBe('RAPORT DE SPECIALITATE');
    expect(report.subtitle).toBe('la proiectul de hotărâre privind aprobarea acordării subvențiilor asociațiilor și fundațiilor pentru anul 2027, în temeiul Legii nr. 34/1998');
    expect(report.recipient).toBe('Către: Consiliul Local al Municipiului Cluj-Napoca');
    expect(report.approval).toBeUndefined();
    expect(report.signatures).toEqual([
      { title: 'Director executiv', name: 'Maria Pop' },
      { title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Secretarul comisiei', name: 'Andrei Șerban' },
    ]);
  });

  it('renders a DOCX whose landscape annex LibreOffice prints with the total', async () => {
    const bytes = await renderResultsReportDocx(buildResultsReport(roundResultsFixture({ hasAdmittedAppeal: true, allowPartialLast: true })));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('RAPORT DE SPECIALITATE');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toContain('Centrul de zi „Ștefan”');
    expect(xml).not.toContain('Aprobat,');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'raport-specialitate.docx');
    expect(pdf.pageCount).toBe(3);
    expect(pdf.text).toContain('ANEXA — Asociațiile și fundațiile care beneficiază de subvenții');
    expect(pdf.text).toContain('TOTAL');
    expect(pdf.text).toContain('Total general: 100.000,00 lei.');
    expect(pdf.text).toContain('Director executiv, Maria Pop');
    expect(pdf.text).toContain('Întocmit, Secretarul comisiei Andrei Șerban');
    expect(pdf.text).toContain('Pagina 3 din 3');
  }, 120_000);

  it('renders the referat with the "Aprobat" block at the top, next to the institution’s header', async () => {
    const bytes = await renderResultsReportDocx(buildResultsReport(roundResultsFixture(), { recipient: 'director' }));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('REFERAT DE APROBARE');
    // The approval comes before the title.
    expect(xml.indexOf('Aprobat,')).toBeGreaterThan(-1);
    expect(xml.indexOf('Aprobat,')).toBeLessThan(xml.indexOf('REFERAT DE APROBARE'));
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'referat-aprobare.docx');
    expect(pdf.text).toMatch(/Aprobat, Director executiv Maria Pop/);
    expect(pdf.text.indexOf('Aprobat,')).toBeLessThan(pdf.text.indexOf('REFERAT DE APROBARE'));
    expect(pdf.text).toContain('Avizat, Șef serviciu Ioana Rus');
    expect(pdf.text).toContain(`Pagina ${pdf.pageCount} din ${pdf.pageCount}`);
  }, 120_000);
});
