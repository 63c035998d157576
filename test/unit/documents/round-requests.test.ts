import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildRoundRequestsList } from '../../../src/documents/round-requests';
import { bani, type Bani } from '../../../src/money';
import type { EligibilityVerdict } from '../../../src/requests/eligibility';
import type { SubsidyComputation } from '../../../src/requests/subsidy-computation';
import type { SubsidyRequest } from '../../../src/requests/subsidy-request';
import type { FundingRound } from '../../../src/rounds/funding-round';
import { isoToUtcDate } from '../../../src/validation/dates';
import { renderRoundRequestsXlsx } from '../../../templates/xlsx/round-requests';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { smallestTextPoints } from '../../helpers/print-size';
import { institution, organization, unit } from '../templates/fixtures';

const round: FundingRound = {
  id: 'round', createdAt: '', updatedAt: '', version: 1, law: 'legea_34_1998', year: 2027, name: 'Subvenții Legea 34/1998 pentru anul 2027',
  budget: bani(10_000_000), submissionStart: '2026-09-01', submissionEnd: '2026-09-30', legalBasis: 'HCL 1/2026', status: 'deschisa', maxShareBasisPoints: null, maxShareSource: '', notes: '',
};
const ngos = [organization(1, { name: 'Asociația Șansa' }), organization(2, { name: 'Fundația Țara' }), organization(3, { name: 'Asociația Retrasă' })];
const units = [unit(1, ngos[0]!.id, { name: 'Centrul de zi „Lumina”' }), unit(2, ngos[1]!.id, { name: 'Cantina „Pâinea”' }), unit(3, ngos[2]!.id, { name: 'Adăpost' })];

function request(sequence: number, orgIndex: number, beneficiaries: number, personal: number, status: SubsidyRequest['status'] = 'inregistrata'): SubsidyRequest {
  return {
    id: `r${sequence}`, createdAt: '', updatedAt: '', version: 1, roundId: round.id, organizationId: ngos[orgIndex]!.id,
    registration: { year: 2026, sequence }, registeredOn: `2026-09-${String(10 + sequence).padStart(2, '0')}`, year: 2027, status, notes: '',
    units: [{ unitId: units[orgIndex]!.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: beneficiaries, months: [1, 2, 3], budgetByCategory: { personal: bani(personal) }, ownContribution: bani(0), otherFunding: bani(0) }],
    dossier: [],
  };
}
const met = (code: EligibilityVerdict['reasons'][number]['code'], isMet: boolean, text: string) => ({ code, isMet, text, source: 'HG 1153/2001' });
const eligible: EligibilityVerdict = { isEligible: true, reasons: [met('dosar_complet', true, 'Dosarul este complet.')], eligibleMonthsByUnit: {} };
const incomplete: EligibilityVerdict = { isEligible: false, reasons: [met('dosar_complet', false, 'Lipsește bilanțul contabil.'), met('ong_activ', false, 'ONG-ul este suspendat.')], eligibleMonthsByUnit: {} };
const computed = (total: number): SubsidyComputation => ({ ok: true, total: bani(total) as Bani, units: [] });

describe('round requests list', () => {
  // Registered out of order on purpose: the list follows the registration number.
  const list = buildRoundRequestsList({
    round,
    requests: [
      { request: request(2, 1, 10, 900_000), verdict: incomplete, computation: { ok: false, message: 'Nivelul lunar pentru categoria „centre de zi” este de completat.' } },
      { request: request(1, 0, 20, 4_000_000), verdict: eligible, computation: computed(3_600_000) },
      { request: request(3, 2, 5, 300_000, 'retrasa'), verdict: eligible, computation: computed(300_000) },
    ],
    organizations: ngos,
    unitNames: new Map(units.map((u) => [u.id, u.name])),
    institution: institution(),
    date: '2026-11-23',
  });

  it('lists the requests in registration order with their verdict, reasons and computed amount', () => {
    expect(list.rows.map((r) => r.number)).toEqual(['1/2026', '2/2026', '3/2026']);
    expect(list.rows[0]).toMatchObject({ organization: 'Asociația Șansa', units: 'Centrul de zi „Lumina”', beneficiaries: 20, requested: 4_000_000, isDossierComplete: true, isEligible: true, reasons: '', subsidy: 3_600_000 });
    expect(list.rows[1]).toMatchObject({ isDossierComplete: false, isEligible: false, reasons: 'Lipsește bilanțul contabil.\nONG-ul este suspendat.', subsidy: null });
    expect(list.rows[1]!.note).toContain('de completat');
    expect(list.rows[2]!.status).toBe('retrasă');
    expect(list.subtitle).toBe('Legea 34/1998, anul 2027; situație la 23.11.2026');
  });

  it('totals leave withdrawn requests out: 40.000 + 9.000 lei requested, 36.000 lei computed of 100.000', () => {
    expect(list.totals).toEqual({ requests: 2, eligible: 1, requested: 4_900_000, subsidy: 3_600_000, budget: 10_000_000, remaining: 6_400_000 });
  });

  it('renders an XLSX with typed cells that LibreOffice opens', async () => {
    const bytes = await renderRoundRequestsXlsx(list);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Cereri')!;
    let headerRow = 0;
    sheet.eachRow((row, n) => { if (row.getCell(1).value === 'Nr. cerere') headerRow = n; });
    expect(headerRow).toBeGreaterThan(0);
    const first = sheet.getRow(headerRow + 1);
    expect(first.getCell(1).value).toBe('1/2026');
    expect(first.getCell(2).value).toEqual(isoToUtcDate('2026-09-11'));
    expect(first.getCell(8).value).toBe(40_000);
    expect(first.getCell(8).numFmt).toBe('[$-418]#,##0.00 "lei"');
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` });
    expect(sheet.headerFooter.oddFooter).toBe('&CPagina &P din &N');
    expect(first.getCell(3).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(first.getCell(12).value).toBe(36_000);
    expect(sheet.getRow(headerRow + 2).getCell(12).value).toBeNull();
    expect(sheet.getRow(headerRow + 2).getCell(10).value).toBe('nu');
    const totals = new Map<string, unknown>();
    sheet.eachRow((row) => { if (typeof row.getCell(3).value === 'string') totals.set(row.getCell(3).value as string, row.getCell(5).value); });
    expect(totals.get('Rămas din buget')).toBe(64_000);
    expect(totals.get('Cereri eligibile')).toBe(1);
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'cereri-runda.xlsx');
    expect(pdf.text).toContain('Asociația Șansa');
    expect(pdf.text).toContain('Lipsește bilanțul contabil.');
    // Romanian amounts on a LibreOffice running in English, the value still a number.
    expect(pdf.text).toContain('40.000,00 lei');
    expect(pdf.text).toContain('100.000,00 lei');
    expect(pdf.text).not.toContain('40,000.00');
    // One page wide, text at least 8 pt, the header row printed, page numbers in the footer.
    expect(pdf.pageCount).toBe(1);
    expect(smallestTextPoints(pdf.pdfPath)).toBeGreaterThanOrEqual(7.95);
    expect(pdf.text).toContain('Pagina 1 din 1');
  }, 120_000);
});
