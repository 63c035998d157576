import { describe, expect, it } from 'vitest';
import { assessEligibility, type EligibilityContext } from '../../../src/requests/eligibility';
import { DOSSIER_ITEMS, type DossierEntry } from '../../../src/requests/dossier';
import type { Month, SubsidyRequest } from '../../../src/requests/subsidy-request';
import { describeMonths } from '../../../src/requests/subsidy-request';
import { bani } from '../../../src/money';
import { organization, unit } from '../templates/fixtures';

const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const ngo = organization(1, { name: 'Asociația Șansa' });
const dayCentre = unit(1, ngo.id, { name: 'Centrul de zi „Lumina”', licenceIssueDate: '2024-01-15', licenceExpiryDate: '2029-01-14' });

function dossierFor(unitIds: string[]): DossierEntry[] {
  return DOSSIER_ITEMS.flatMap((item) =>
    item.isPerUnit
      ? unitIds.map((unitId) => ({ code: item.code, unitId, status: 'primit' as const, validUntil: item.hasValidity ? '2027-12-31' : undefined }))
      : [{ code: item.code, status: 'primit' as const, validUntil: item.hasValidity ? '2026-12-31' : undefined }],
  );
}

function request(overrides: Partial<SubsidyRequest> = {}): SubsidyRequest {
  return {
    id: 'r1', createdAt: '', updatedAt: '', version: 1,
    roundId: 'round-2027', organizationId: ngo.id, registration: { year: 2026, sequence: 7 }, registeredOn: '2026-09-25', year: 2027,
    units: [{ unitId: dayCentre.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: ALL_YEAR, budgetByCategory: { personal: bani(12_000_000) }, ownContribution: bani(1_500_000), otherFunding: bani(0) }],
    dossier: dossierFor([dayCentre.id]),
    status: 'inregistrata',
    notes: '',
    ...overrides,
  };
}

function context(overrides: Partial<EligibilityContext> = {}): EligibilityContext {
  return { organization: ngo, units: [dayCentre], otherRequests: [], isCategorySubsidised: () => true, municipality: 'Cluj-Napoca', date: '2026-09-30', submissionEnd: '2026-09-30', ...overrides };
}

const failed = (verdict: ReturnType<typeof assessEligibility>) => verdict.reasons.filter((r) => !r.isMet).map((r) => r.code);

describe('eligibility of a Law 34/1998 request', () => {
  it('is eligible when every condition is met, and says so for each', () => {
    const verdict = assessEligibility(request(), context());
    expect(verdict.isEligible).toBe(true);
    expect(failed(verdict)).toEqual([]);
    expect(verdict.reasons.map((r) => r.code)).toEqual([
      'depusa_in_termen', 'ong_activ', 'ong_acreditat', 'unitate_in_municipiu', 'unitate_licentiata', 'categorie_subventionata', 'fara_suprapunere', 'contributie_proprie', 'dosar_complet', 'documente_suplimentare',
    ]);
    expect(verdict.eligibleMonthsByUnit[dayCentre.id]).toEqual(ALL_YEAR);
  });

  it('treats a recognised religious cult like an association (Legea 79/2017; HG 619/2017)', () => {
    const parish = { ...ngo, name: 'Parohia Ortodoxă „Sfântul Nicolae”', legalForm: 'cult' as const };
    expect(assessEligibility(request(), context({ organization: parish })).isEligible).toBe(true);
  });

  it('refuses a suspended NGO and one without accreditation', () => {
    expect(failed(assessEligibility(request(), context({ organization: { ...ngo, status: 'suspendat' } })))).toEqual(['ong_activ']);
    const unaccredited = assessEligibility(request(), context({ organization: { ...ngo, accreditationNumber: '', accreditationDate: undefined } }));
    expect(unaccredited.isEligible).toBe(false);
    expect(failed(unaccredited)).toEqual(['ong_acreditat']);
  });

  it('keeps only the months a licence covers entirely, naming the others', () => {
    const expiring = { ...dayCentre, licenceExpiryDate: '2027-06-15' };
    const verdict = assessEligibility(request(), context({ units: [expiring] }));
    expect(verdict.isEligible).toBe(true);
    expect(verdict.eligibleMonthsByUnit[dayCentre.id]).toEqual([1, 2, 3, 4, 5]);
    const licence = verdict.reasons.find((r) => r.code === 'unitate_licentiata');
    expect(licence).toMatchObject({ isMet: false, months: [6, 7, 8, 9, 10, 11, 12] });
    expect(licence?.text).toBe('„Centrul de zi „Lumina”” nu are licență valabilă pentru iunie–decembrie 2027 (licența expiră la 15.06.2027).');
  });

  it('is not eligible when no month is licensed', () => {
    const verdict = assessEligibility(request(), context({ units: [{ ...dayCentre, licenceExpiryDate: '2026-12-31' }] }));
    expect(verdict.isEligible).toBe(false);
  });

  it('refuses a service category the round does not subsidise', () => {
    expect(failed(assessEligibility(request(), context({ isCategorySubsidised: () => false })))).toEqual(['categorie_subventionata']);
  });

  it('Law 34/1998 art. 1: each funded unit must operate in the municipality; the registered office there is not enough', () => {
    // Before the fix the office in Cluj-Napoca made a unit in Florești eligible.
    const outside = { ...dayCentre, locality: 'Florești' };
    const verdict = assessEligibility(request(), context({ units: [outside] }));
    expect(verdict.isEligible).toBe(false);
    expect(verdict.eligibleMonthsByUnit[dayCentre.id]).toEqual([]);
    const reason = verdict.reasons.find((r) => r.code === 'unitate_in_municipiu');
    expect(reason).toMatchObject({ isMet: false, unitId: dayCentre.id, effect: 'reduce_luni' });
    expect(reason?.text).toBe('„Centrul de zi „Lumina”” funcționează în Florești, nu în Cluj-Napoca: nu primește subvenție de la bugetul local al municipiului.');
    // An office outside the city does not matter when the unit is in it.
    expect(assessEligibility(request(), context({ organization: { ...ngo, locality: 'Florești' } })).isEligible).toBe(true);
  });

  it('Law 34/1998 art. 1: one unit in the city does not carry another outside it — the outside unit gets no months', () => {
    const inCity = unit(2, ngo.id, { name: 'Centrul de zi „Speranța”', licenceIssueDate: '2024-01-15', licenceExpiryDate: '2029-01-14' });
    const outside = { ...dayCentre, locality: 'Florești' };
    const lines = [request().units[0]!, { ...request().units[0]!, unitId: inCity.id }];
    const verdict = assessEligibility(request({ units: lines, dossier: dossierFor([dayCentre.id, inCity.id]) }), context({ units: [outside, inCity] }));
    expect(verdict.isEligible).toBe(true);
    expect(verdict.eligibleMonthsByUnit).toEqual({ [dayCentre.id]: [], [inCity.id]: ALL_YEAR });
  });

  it('HG 1153/2001 art. 4 alin. (1): a missing balance sheet refuses the request and lists what is missing', () => {
    const dossier = dossierFor([dayCentre.id]).filter((e) => e.code !== 'bilant');
    const verdict = assessEligibility(request({ dossier }), context());
    expect(failed(verdict)).toEqual(['dosar_complet']);
    expect(verdict.isEligible).toBe(false);
    expect(verdict.reasons.find((r) => r.code === 'dosar_complet')?.text).toBe('Dosarul nu conține, valabile la 30.09.2026, documentele obligatorii: Ultimul bilanț contabil, înregistrat la administrația financiară.');
  });

  it('HG 1153/2001 art. 4 alin. (1): a missing supporting item (activity report) asks for it by notice, not refusal — unless the round makes it mandatory', () => {
    // Before the fix any missing item made the request ineligible.
    const dossier = dossierFor([dayCentre.id]).filter((e) => e.code !== 'raport_activitate');
    const verdict = assessEligibility(request({ dossier }), context());
    expect(verdict.isEligible).toBe(true);
    expect(verdict.reasons.find((r) => r.code === 'documente_suplimentare')).toMatchObject({ isMet: false, effect: 'notificare' });
    expect(verdict.reasons.find((r) => r.code === 'dosar_complet')?.isMet).toBe(true);
    const mandatory = assessEligibility(request({ dossier }), context({ mandatoryDossierItems: ['raport_activitate'] }));
    expect(mandatory.isEligible).toBe(false);
    expect(failed(mandatory)).toEqual(['dosar_complet']);
  });

  it('filing deadline: a request registered after the round\'s submission end is not eligible, with that reason', () => {
    const late = assessEligibility(request({ registeredOn: '2026-10-01' }), context({ submissionEnd: '2026-09-30' }));
    expect(late.isEligible).toBe(false);
    expect(failed(late)).toEqual(['depusa_in_termen']);
    expect(late.reasons[0]?.text).toBe('Cererea a fost înregistrată la 01.10.2026, după termenul de depunere al rundei (30.09.2026).');
    expect(assessEligibility(request({ registeredOn: '2026-09-30' }), context({ submissionEnd: '2026-09-30' })).isEligible).toBe(true);
  });

  it('the dossier is judged on the legal date: a tax certificate valid at the deadline stays valid a year later', () => {
    // The certificate is valid until 31.10.2026; the deadline is 30.09.2026.
    const dossier = dossierFor([dayCentre.id]).map((e) => (e.code === 'certificat_fiscal_local' ? { ...e, validUntil: '2026-10-31' } : e));
    expect(assessEligibility(request({ dossier }), context({ date: '2026-09-30' })).isEligible).toBe(true);
    expect(assessEligibility(request({ dossier }), context({ date: '2027-09-30' })).isEligible).toBe(false);
  });

  it('takes out the months another request of the same year already covers for the unit, but not a withdrawn one', () => {
    const other = { id: 'r0', year: 2027, status: 'inregistrata' as const, registration: { year: 2026, sequence: 3 }, units: [{ ...request().units[0]!, months: [1, 2, 3] as Month[] }] };
    const verdict = assessEligibility(request(), context({ otherRequests: [other] }));
    expect(verdict.eligibleMonthsByUnit[dayCentre.id]).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(verdict.reasons.find((r) => r.code === 'fara_suprapunere')?.text).toBe('Pentru „Centrul de zi „Lumina”” lunile ianuarie–martie sunt cerute și prin cererea nr. 3/2026.');
    expect(failed(assessEligibility(request(), context({ otherRequests: [{ ...other, status: 'retrasa' }] })))).toEqual([]);
  });

  it('refuses a unit without own contribution: the subsidy only complements', () => {
    const units = [{ ...request().units[0]!, ownContribution: bani(0) }];
    expect(failed(assessEligibility(request({ units }), context()))).toEqual(['contributie_proprie']);
  });
});

describe('months in words', () => {
  it('groups consecutive months', () => {
    expect(describeMonths([1, 2, 3, 6, 8, 9] as Month[])).toBe('ianuarie–martie, iunie, august–septembrie');
  });
});
