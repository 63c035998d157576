import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildAnnualReport, CHART_TITLES, type AnnualReportInput, type ChartImage } from '../../../src/documents/annual-report';
import { blockText } from '../../../src/documents/finance-blocks';
import { serviceCategoryLabel } from '../../../src/documents/finance-labels';
import { yearCharts } from '../../../src/home/year-charts';
import { bani } from '../../../src/money';
import { termsInForce } from '../../../src/conventions/amendments';
import { renderAnnualReportDocx } from '../../../templates/docx/annual-report';
import { ANNUAL_TOTAL_LABELS, renderAnnualReportXlsx } from '../../../templates/xlsx/annual-report';
import { renderReconciliationXlsx } from '../../../templates/xlsx/reconciliation';
import { annualReportTotals, reconciliationTotals } from '../../helpers/annual-totals';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { reconciliationFixture, settings } from './finance-fixtures';

// A 1×1 PNG: the tests pass a tiny image where the screen passes the drawn chart.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const images: ChartImage[] = (Object.keys(CHART_TITLES) as (keyof typeof CHART_TITLES)[]).map((key) => ({ key, title: CHART_TITLES[key], pngBase64: PNG, width: 600, height: 300 }));

function input(over: Partial<AnnualReportInput> = {}): AnnualReportInput {
  const { r, a, b, reconciled, settlements } = reconciliationFixture();
  const conventions = [reconciled(a), reconciled(b)];
  return {
    year: 2025, settings, date: '2025-08-20', mark: { number: '' },
    reconciliation: r, charts: yearCharts({ reconciliation: r, conventions, settlements, categoryLabel: (c) => serviceCategoryLabel(c) }),
    conventions: [a, b].map((c) => ({ convention: c, terms: termsInForce(c, [], '2025-12-31') })),
    rounds: [{ name: 'Runda 2025', budget: bani(50_000_000), requests: 3, funded: 2 }],
    appeals: [{ status: 'respinsa' }, { status: 'admisa' }],
    chartImages: images,
    ...over,
  };
}

describe('the annual report model', () => {
  const model = buildAnnualReport(input());
  const text = blockText(model.blocks);

  it('states the year, the NGOs, units and conventions, and the reconciliation totals', () => {
    expect(model.title).toContain('anul 2025');
    expect(model.totals).toEqual(reconciliationFixture().r.total);
    expect(text).toContain('ONG-uri finanțate: 2');
    expect(text).toContain('Convenții de subvenționare: 2');
    expect(text).toContain(`Sume plătite: 66.000,00 lei`);
    expect(text).toContain('Sume contractate: 330.000,00 lei');
    expect(text).toContain('S-au depus 2 contestații: 1 admise, 1 respinse.');
    expect(text).toContain('Legea nr. 292/2011 a asistenței sociale, art. 112 alin. (3) lit. b) și art. 118');
  });

  it('puts each chart under its section, and says when monitoring is not kept in the app', () => {
    expect(model.sections.filter((s) => s.chart).map((s) => s.chart!.key)).toEqual(['buget_categorii', 'buget_luni', 'beneficiari_luni', 'furnizori_servicii']);
    expect(text).toContain('nu sunt încă ținute în aplicație');
    const withMonitoring = blockText(buildAnnualReport(input({ monitoring: { visitsPlanned: 4, visitsDone: 3, unitsVisited: 3, findings: { minor: 2, major: 1, grav: 0 }, mainFindings: ['Centrul de zi: dosare incomplete'], recommendations: { total: 3, closed: 1, open: 2, overdue: 1 }, suspensions: 0 } })).blocks);
    expect(withMonitoring).toContain('Vizite planificate / efectuate: 4 / 3');
    expect(withMonitoring).toContain('Centrul de zi: dosare incomplete');
  });

  it('signs as an act: Aprobat, Avizat, Întocmit', () => {
    expect(model.signatures.map((s) => s.role)).toEqual(['Aprobat', 'Avizat', 'Întocmit']);
  });
});

describe('the annual report files', async () => {
  const data = input();
  const model = buildAnnualReport(data);
  const [docx, xlsx, reconciliation] = await Promise.all([
    renderAnnualReportDocx(model), renderAnnualReportXlsx(model), renderReconciliationXlsx(data.reconciliation, { year: 2025, settings, generatedOn: '2025-08-20' }),
  ]);

  it('the XLSX totals are those of the reconciliation workbook', async () => {
    const [annual, recon] = await Promise.all([annualReportTotals(xlsx), reconciliationTotals(reconciliation)]);
    expect(recon.paid).toBe(66_000);
    expect(annual).toEqual(recon);
  });

  it('the XLSX has one sheet per part, amounts in lei', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sinteză', 'Pe categorii', 'Pe luni', 'Furnizori pe servicii', 'Convenții', 'Runde și contestații', 'Monitorizare', 'Plan de acțiune']);
    const sheet = workbook.getWorksheet('Sinteză')!;
    let paidRow: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === ANNUAL_TOTAL_LABELS.paid) paidRow = row;
    });
    expect(paidRow!.getCell(2).numFmt).toContain('lei');
  });

  it('the DOCX holds the charts as images and opens in LibreOffice', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(docx);
    // The same tiny PNG four times is stored once (docx shares identical media), drawn four times.
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThan(0);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:drawing>/g)).toHaveLength(4);
    if (!sofficeAvailable()) return;
    const pdf = convertToPdf(docx, 'raport-anual-2025.docx');
    expect(pdf.text).toContain('RAPORT ANUAL');
    expect(pdf.text).toContain('Figura: Buget contractat și plătit, pe luni');
    expect(pdf.text).toContain('Pagina');
  }, 120_000);
});
