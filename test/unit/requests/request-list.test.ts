import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import type { EligibilityVerdict } from '../../../src/requests/eligibility';
import { EMPTY_REQUEST_FILTER, filterRequestList, requestListRow } from '../../../src/requests/request-list';
import type { SubsidyRequest } from '../../../src/requests/subsidy-request';

function request(sequence: number, status: SubsidyRequest['status'] = 'inregistrata'): SubsidyRequest {
  return {
    id: `r${sequence}`, createdAt: '', updatedAt: '', version: 1, roundId: 'round', organizationId: `org${sequence}`,
    registration: { year: 2026, sequence }, registeredOn: '2026-09-20', year: 2027, status, notes: '',
    units: [{ unitId: 'u', serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 10, months: [1], budgetByCategory: { personal: bani(100_000), hrana: bani(50_000) }, ownContribution: bani(0), otherFunding: bani(0) }],
    dossier: [],
  };
}
const verdict = (isComplete: boolean, isEligible: boolean): EligibilityVerdict => ({
  isEligible,
  reasons: [{ code: 'dosar_complet', isMet: isComplete, text: '', source: '' }],
  eligibleMonthsByUnit: {},
});

describe('the round list of requests', () => {
  const rows = [
    requestListRow(request(1), 'Asociația Șansa', { verdict: verdict(true, true), computation: { ok: true, total: bani(120_000), units: [] } }),
    requestListRow(request(2), 'Fundația Țara', { verdict: verdict(false, false), computation: { ok: false, message: 'Cererea nu este eligibilă.' } }),
    requestListRow(request(3, 'retrasa'), 'Asociația Retrasă', { verdict: verdict(true, true), computation: { ok: true, total: bani(1), units: [] } }),
    requestListRow(request(4), 'Asociația Fără Evaluare'),
  ];

  it('sums the requested budget and carries the verdict, or why there is none', () => {
    expect(rows[0]).toMatchObject({ number: '1/2026', requested: 150_000, isDossierComplete: true, isEligible: true, subsidy: 120_000, subsidyNote: '' });
    expect(rows[1]).toMatchObject({ isDossierComplete: false, subsidy: null, subsidyNote: 'Cererea nu este eligibilă.' });
    expect(rows[3]).toMatchObject({ isEligible: false, subsidy: null, subsidyNote: 'Cererea nu a putut fi evaluată.' });
  });

  it('filters by dossier, eligibility, status and a diacritics-insensitive search', () => {
    const numbers = (f: Partial<typeof EMPTY_REQUEST_FILTER>) => filterRequestList(rows, { ...EMPTY_REQUEST_FILTER, ...f }).map((r) => r.number);
    expect(numbers({})).toHaveLength(4);
    expect(numbers({ dossier: 'incomplet' })).toEqual(['2/2026', '4/2026']);
    expect(numbers({ eligibility: 'eligibila' })).toEqual(['1/2026', '3/2026']);
    expect(numbers({ eligibility: 'eligibila', status: 'inregistrata' })).toEqual(['1/2026']);
    expect(numbers({ status: 'retrasa' })).toEqual(['3/2026']);
    expect(numbers({ query: 'tara' })).toEqual(['2/2026']);
    expect(numbers({ query: '4/2026' })).toEqual(['4/2026']);
  });
});
