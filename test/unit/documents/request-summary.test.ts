import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildRequestSummary } from '../../../src/documents/request-summary';
import { bani } from '../../../src/money';
import { DOSSIER_ITEMS } from '../../../src/requests/dossier';
import type { EligibilityVerdict } from '../../../src/requests/eligibility';
import type { SubsidyRequest } from '../../../src/requests/subsidy-request';
import { emptyFundingRound, type FundingRound } from '../../../src/rounds/funding-round';
import { renderRequestSummaryDocx } from '../../../templates/docx/request-summary';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { institution, organization, unit } from '../templates/fixtures';

const ngo = organization(1, { name: 'Asociația Șansa Țării', representativeRole: 'Președinte', representativeName: 'Ana Pop' });
const centre = unit(1, ngo.id, { name: 'Centrul de zi „Lumina”' });
const round: FundingRound = { ...emptyFundingRound(2027), id: 'round', createdAt: '', updatedAt: '', version: 1, budget: bani(100_000_000), submissionStart: '2026-09-01', submissionEnd: '2026-09-30' };
const request: SubsidyRequest = {
  id: 'r1', createdAt: '', updatedAt: '', version: 1, roundId: round.id, organizationId: ngo.id,
  registration: { year: 2026, sequence: 7 }, registeredOn: '2026-09-25', year: 2027, status: 'inregistrata', notes: '',
  units: [{ unitId: centre.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], budgetByCategory: { personal: bani(12_000_000), hrana: bani(3_000_000) }, ownContribution: bani(1_500_000), otherFunding: bani(0),
    technicalSheet: { premises: 'str. Horea nr. 3, parter', tenure: 'comodat', staffCount: 6, volunteerCount: null, capacity: 30, servicesProvided: 'consiliere, activități educative' } }],
  dossier: [{ code: 'cerere', status: 'primit', receivedOn: '2026-09-25' }, { code: 'certificat_fiscal_local', status: 'primit', receivedOn: '2026-09-25', validUntil: '2026-10-25' }],
};
const verdict: EligibilityVerdict = {
  isEligible: true,
  reasons: [{ code: 'ong_activ', isMet: true, text: 'ONG-ul este activ.', source: 'Legea 34/1998, art. 1' }],
  eligibleMonthsByUnit: { [centre.id]: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
};

describe('request summary', () => {
  const summary = buildRequestSummary({
    request, round, organization: ngo, units: [centre], verdict,
    computation: {
      ok: true, total: bani(15_000_000),
      units: [{ unitId: centre.id, months: [1], amount: bani(15_000_000), steps: [{ label: 'Nivelul lunar × beneficiari × luni', detail: '600,00 lei × 25 beneficiari × 12 luni', source: 'HCL 788/2022, anexa 1', result: bani(18_000_000) }] }],
    },
    categoryLabels: new Map([['centre_de_zi', 'centre de zi']]),
    expenseLabels: new Map([['personal', 'Cheltuieli de personal'], ['hrana', 'Hrană']]),
    institution: institution(),
    date: '2026-11-23',
  });

  it('gives each unit its budget with labels and totals: 120.000 + 30.000 requested, 15.000 own → 165.000 lei', () => {
    expect(summary.title).toBe('FIȘA SINTETICĂ a cererii de subvenționare nr. 7/2026');
    expect(summary.units[0]!.fields).toContainEqual(['Categoria de serviciu subvenționată', 'centre de zi']);
    expect(summary.units[0]!.budget).toEqual([
      ['Cheltuieli de personal', '120.000,00 lei'],
      ['Hrană', '30.000,00 lei'],
      ['Total subvenție solicitată', '150.000,00 lei'],
      ['Contribuția proprie', '15.000,00 lei'],
      ['Alte surse de finanțare', '0,00 lei'],
      ['Costul total al unității pentru perioadă', '165.000,00 lei'],
    ]);
    expect(summary.units[0]!.fields).toContainEqual(['Spațiul', 'str. Horea nr. 3, parter (comodat)']);
    expect(summary.units[0]!.fields).toContainEqual(['Personal / voluntari', '6 / —']);
    expect(summary.request).toContainEqual(['Număr și dată de înregistrare', '7/2026 din 25.09.2026']);
    expect(summary.units[0]!.fields).toContainEqual(['Perioada', 'ianuarie–decembrie 2027 (12 luni)']);
    // Checked by the head of service and drawn up by the secretary; not approved by the director.
    expect(summary.signatures.map((s) => s.role)).toEqual(['Avizat', 'Întocmit']);
  });

  it('lists every dossier item: received, expired on the day, or missing', () => {
    expect(summary.dossier).toHaveLength(DOSSIER_ITEMS.length);
    expect(summary.dossier[0]).toEqual({ item: DOSSIER_ITEMS[0]!.label, status: 'primit', dates: 'primit 25.09.2026' });
    expect(summary.dossier.find((d) => d.item.startsWith('Certificat de atestare fiscală de la bugetul local'))!.status).toBe('expirat');
    expect(summary.dossier.find((d) => d.item.startsWith('Licența de funcționare'))).toMatchObject({ item: 'Licența de funcționare a serviciului social — Centrul de zi „Lumina”', status: 'lipsă' });
  });

  it('renders a DOCX with the computation that LibreOffice opens', async () => {
    const bytes = await renderRequestSummaryDocx(summary);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('600,00 lei × 25 beneficiari × 12 luni');
    expect(xml).toContain('Subvenția calculată: 150.000,00 lei');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'fisa-cerere.docx');
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.text).toContain('Cererea este eligibilă.');
    expect(pdf.text).toContain(`Pagina 1 din ${pdf.pageCount}`);
  }, 120_000);
});
