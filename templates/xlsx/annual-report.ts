// The programme's annual report as a workbook: the same data as the DOCX, in typed cells (amounts
// in lei with the ro-RO format, counts as integers), one sheet per part. The "Sinteză" sheet holds
// the year's totals as the reconciliation computes them (contracted, claimed, admitted, approved,
// paid): the same figures as the total row of the reconciliation workbook.
import type ExcelJS from 'exceljs';
import type { AnnualReportDocument } from '../../src/documents/annual-report';
import { createWorkbook, INTEGER_FORMAT, LEI_FORMAT, workbookToBytes, writeDocumentHeading, writeSignatures, writeTable, type CellInput, type TableColumnSpec } from './common';

/** The labels of the summary sheet's totals, in order (the checks read them by label). */
export const ANNUAL_TOTAL_LABELS = {
  contracted: 'Sume contractate',
  claimed: 'Sume solicitate prin deconturi',
  admitted: 'Sume admise la decontare (lichidate)',
  approved: 'Sume ordonanțate',
  paid: 'Sume plătite',
} as const;

const lei = (bani: number) => Math.round(bani) / 100;

/** A table whose `leiColumns` (0-based) print as lei, with a bold total row under it when given. */
function sheetTable(workbook: ExcelJS.Workbook, name: string, model: AnnualReportDocument, title: string, columns: TableColumnSpec[], rows: CellInput[][], leiColumns: readonly number[], total?: CellInput[], orientation: 'portrait' | 'landscape' = 'portrait'): { sheet: ExcelJS.Worksheet; start: number } {
  const sheet = workbook.addWorksheet(name);
  const start = writeDocumentHeading(sheet, model.header, title, `Anul ${model.year}; raport din ${model.date}; sume în lei`);
  const all = total ? [...rows, total] : rows;
  writeTable(sheet, columns, all, start, { orientation });
  for (let r = 0; r < all.length; r++) {
    const row = sheet.getRow(start + 1 + r);
    for (const c of leiColumns) if (typeof all[r]![c] === 'number') row.getCell(c + 1).numFmt = LEI_FORMAT;
    if (total && r === all.length - 1) row.eachCell((cell) => (cell.font = { ...cell.font, bold: true }));
  }
  for (const c of leiColumns) sheet.getColumn(c + 1).width = Math.max(sheet.getColumn(c + 1).width ?? 0, 17);
  return { sheet, start };
}

const text = (header: string, width = 20): TableColumnSpec => ({ header, type: 'text', width });
const amount = (header: string): TableColumnSpec => ({ header, type: 'text', width: 17, align: 'right' });
const count = (header: string): TableColumnSpec => ({ header, type: 'integer', width: 12, align: 'right' });

export async function renderAnnualReportXlsx(model: AnnualReportDocument): Promise<Uint8Array> {
  const workbook = createWorkbook(model.title);
  const d = model.data;
  const t = model.totals;
  const { sheet: summary, start } = sheetTable(workbook, 'Sinteză', model, model.title, [text('Indicator', 44), amount('Valoare')], [
    ['ONG-uri finanțate', d.organizations],
    ['Unități de asistență socială finanțate', d.units],
    ['Convenții de subvenționare', d.conventions.length],
    ['Beneficiari contractați (pe lună, total unități)', d.contractedBeneficiaries],
    ...(Object.keys(ANNUAL_TOTAL_LABELS) as (keyof typeof ANNUAL_TOTAL_LABELS)[]).map((k) => [ANNUAL_TOTAL_LABELS[k], lei(t[k])]),
  ], []);
  // Counts as integers, amounts as lei.
  for (let i = 0; i < 9; i++) summary.getRow(start + 1 + i).getCell(2).numFmt = i < 4 ? INTEGER_FORMAT : LEI_FORMAT;
  // The signers under the table, one under the other (the sheet has two columns).
  let row = start + 12;
  for (const signer of model.signatures) row = writeSignatures(summary, [signer], row, 1, 1) + 1;

  const sum = <T>(list: readonly T[], f: (x: T) => number) => lei(list.reduce((s, x) => s + f(x), 0));
  sheetTable(workbook, 'Pe categorii', model, 'Sume contractate, admise și plătite, pe categorii de servicii sociale',
    [text('Categoria de servicii sociale', 34), amount('Contractat'), amount('Admis (lichidat)'), amount('Plătit')],
    d.byCategory.map((c) => [c.label, lei(c.allocated), lei(c.admitted), lei(c.paid)]), [1, 2, 3],
    ['Total', sum(d.byCategory, (x) => x.allocated), sum(d.byCategory, (x) => x.admitted), sum(d.byCategory, (x) => x.paid)]);
  sheetTable(workbook, 'Pe luni', model, 'Execuția lunară: sume și beneficiari',
    [text('Luna', 14), amount('Contractat'), amount('Plătit'), count('Beneficiari contractați'), count('Beneficiari serviți')],
    d.byMonth.map((m, i) => [m.label, lei(m.allocated), lei(m.paid), d.beneficiaries[i]!.contracted, d.beneficiaries[i]!.served]), [1, 2],
    ['Total', sum(d.byMonth, (x) => x.allocated), sum(d.byMonth, (x) => x.paid), null, null]);
  sheetTable(workbook, 'Furnizori pe servicii', model, 'ONG-uri și unități finanțate, pe tipuri de servicii',
    [text('Tipul de servicii sociale', 34), count('ONG-uri'), count('Unități')], d.providersByService.map((p) => [p.label, p.organizations, p.units]), []);
  sheetTable(workbook, 'Convenții', model, 'Convențiile de subvenționare',
    [text('Nr.', 8), { header: 'Data', type: 'date', width: 11 }, text('Furnizorul', 34), count('Unități'), amount('Suma inițială'), amount('Suma la sfârșitul anului'), text('Starea', 12)],
    d.conventions.map((c) => [c.number, new Date(`${c.date}T00:00:00Z`), c.provider, c.units, lei(c.originalAmount), lei(c.amount), c.state]), [4, 5],
    ['Total', null, null, d.conventions.reduce((s, c) => s + c.units, 0), sum(d.conventions, (x) => x.originalAmount), sum(d.conventions, (x) => x.amount), null], 'landscape');
  sheetTable(workbook, 'Runde și contestații', model, 'Runde de finanțare și contestații',
    [text('Runda sau contestațiile', 40), amount('Buget disponibil'), count('Cereri înregistrate'), count('Cereri finanțate')],
    [...d.rounds.map((r) => [r.name, lei(r.budget), r.requests, r.funded]), ...d.appeals.map((a) => [`Contestații ${a.label}`, null, a.count, null])], [1]);
  const m = d.monitoring;
  sheetTable(workbook, 'Monitorizare', model, 'Monitorizarea unităților finanțate', [text('Indicator', 44), count('Număr')], m
    ? [
        ['Vizite planificate', m.visitsPlanned], ['Vizite efectuate', m.visitsDone], ['Unități vizitate', m.unitsVisited],
        ['Constatări minore', m.findings.minor], ['Constatări majore', m.findings.major], ['Constatări grave', m.findings.grav],
        ['Recomandări', m.recommendations.total], ['Recomandări închise', m.recommendations.closed], ['Recomandări deschise', m.recommendations.open], ['Recomandări cu termen depășit', m.recommendations.overdue],
        ['Suspendări decise', m.suspensions], ...m.mainFindings.map((f) => [`Constatare: ${f}`, null]),
      ]
    : [['Vizitele de monitorizare nu sunt încă ținute în aplicație pentru acest an.', null]], []);
  sheetTable(workbook, 'Plan de acțiune', model, 'Date pentru planul anual de acțiune privind serviciile sociale (Legea 292/2011, art. 112 alin. (3) lit. b) și art. 118)',
    [text('Indicator', 40), text('Valoare', 30), text('Observații', 30)], d.actionPlan.map((a) => [a.indicator, a.value, a.note]), []);
  return workbookToBytes(workbook);
}
