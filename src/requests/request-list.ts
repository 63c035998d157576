import type { Bani } from '../money';
import { filterByQuery } from '../tabular/search';
import { searchKey } from '../validation/diacritics';
import type { IsoDate } from '../validation/dates';
import type { EligibilityVerdict } from './eligibility';
import { formatRegistrationNumber } from './registration-number';
import type { SubsidyComputation } from './subsidy-computation';
import { lineRequested, type RequestStatus, type SubsidyRequest } from './subsidy-request';

/** One line of a round's list of requests, as the secretariat scans it. */
export interface RequestListRow {
  id: string;
  request: SubsidyRequest;
  number: string;
  /** Sorts by year, then by number. */
  sequence: number;
  registeredOn: IsoDate;
  organization: string;
  unitCount: number;
  requested: Bani;
  isDossierComplete: boolean;
  isEligible: boolean;
  /** null when not computed; `subsidyNote` says why. */
  subsidy: Bani | null;
  subsidyNote: string;
  status: RequestStatus;
  searchText: string;
}

export function requestListRow(request: SubsidyRequest, organizationName: string, assessment?: { verdict: EligibilityVerdict; computation: SubsidyComputation }): RequestListRow {
  const number = formatRegistrationNumber(request.registration);
  return {
    id: request.id,
    request,
    number,
    sequence: request.registration.year * 100_000 + request.registration.sequence,
    registeredOn: request.registeredOn,
    organization: organizationName,
    unitCount: request.units.length,
    requested: request.units.reduce((s, l) => s + lineRequested(l), 0) as Bani,
    isDossierComplete: !!assessment?.verdict.reasons.find((r) => r.code === 'dosar_complet')?.isMet,
    isEligible: !!assessment?.verdict.isEligible,
    subsidy: assessment?.computation.ok ? assessment.computation.total : null,
    subsidyNote: assessment ? (assessment.computation.ok ? '' : assessment.computation.message) : 'Cererea nu a putut fi evaluată.',
    status: request.status,
    searchText: searchKey(`${number} ${organizationName} ${request.notes}`),
  };
}

export interface RequestListFilter {
  query: string;
  dossier: '' | 'complet' | 'incomplet';
  eligibility: '' | 'eligibila' | 'neeligibila';
  status: RequestStatus | '';
}

export const EMPTY_REQUEST_FILTER: RequestListFilter = { query: '', dossier: '', eligibility: '', status: '' };
export const DOSSIER_FILTER_LABELS = { complet: 'complet', incomplet: 'incomplet' } as const;
export const ELIGIBILITY_FILTER_LABELS = { eligibila: 'eligibilă', neeligibila: 'neeligibilă' } as const;
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = { inregistrata: 'înregistrată', retrasa: 'retrasă' };

/** Quick search (number, NGO, notes; diacritics-insensitive) and the list's filters, combined with "and". */
export function filterRequestList<T extends RequestListRow>(rows: readonly T[], filter: RequestListFilter): readonly T[] {
  const hasFilters = !!(filter.dossier || filter.eligibility || filter.status);
  return filterByQuery(
    rows,
    filter.query,
    hasFilters
      ? (row) =>
          (!filter.dossier || row.isDossierComplete === (filter.dossier === 'complet')) &&
          (!filter.eligibility || row.isEligible === (filter.eligibility === 'eligibila')) &&
          (!filter.status || row.status === filter.status)
      : undefined,
  );
}
