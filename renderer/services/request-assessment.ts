import type { Organization } from '../../src/catalog/organization';
import type { ParameterStore } from '../../src/parameters/store';
import { MONTHLY_LEVEL_PREFIX, createSubsidyRules } from '../../src/requests/parameter-rules';
import { assessEligibility, type EligibilityVerdict } from '../../src/requests/eligibility';
import { computeRequestSubsidy, type SubsidyComputation } from '../../src/requests/subsidy-computation';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import type { SocialServiceUnit } from '../../src/register/unit';
import { roundShareOfCosts, type FundingRound } from '../../src/rounds/funding-round';
import { todayIso } from '../../src/validation/dates';
import type { Store } from '../db/store';

export interface RequestAssessment {
  verdict: EligibilityVerdict;
  computation: SubsidyComputation;
}

/** What the rules read for a set of requests: loaded once, however many requests are assessed. */
interface AssessmentData {
  organizations: ReadonlyMap<string, Organization>;
  unitsByOrganization: ReadonlyMap<string, SocialServiceUnit[]>;
  requestsByYear: ReadonlyMap<number, SubsidyRequest[]>;
  rounds: ReadonlyMap<string, FundingRound>;
  params: ParameterStore;
}

async function loadAssessmentData(store: Store, requests: readonly SubsidyRequest[]): Promise<AssessmentData> {
  const organizationIds = [...new Set(requests.map((r) => r.organizationId))];
  const years = [...new Set(requests.map((r) => r.year))];
  const roundIds = [...new Set(requests.map((r) => r.roundId))];
  const [organizations, units, requestsOfYears, rounds, params] = await Promise.all([
    Promise.all(organizationIds.map((id) => store.organizations.get(id))),
    Promise.all(organizationIds.map((id) => store.units.listByOrganization(id))),
    Promise.all(years.map((year) => store.requests.listByYear(year))),
    Promise.all(roundIds.map((id) => store.rounds.get(id))),
    store.parameters.store(),
  ]);
  return {
    organizations: new Map(organizations.flatMap((o) => (o ? [[o.id, o] as const] : []))),
    unitsByOrganization: new Map(organizationIds.map((id, i) => [id, units[i]!])),
    requestsByYear: new Map(years.map((year, i) => [year, requestsOfYears[i]!])),
    rounds: new Map(rounds.flatMap((r) => (r ? [[r.id, r] as const] : []))),
    params,
  };
}

/** Runs the pure eligibility and subsidy functions of src/requests on one request. */
function assessWith(data: AssessmentData, request: SubsidyRequest, municipality: string): RequestAssessment {
  const organization = data.organizations.get(request.organizationId);
  if (!organization) throw new Error('ONG-ul cererii nu mai există în catalog.');
  const units = data.unitsByOrganization.get(request.organizationId) ?? [];
  const { params } = data;
  const round = data.rounds.get(request.roundId);
  const verdict = assessEligibility(request, {
    organization,
    units,
    otherRequests: data.requestsByYear.get(request.year) ?? [],
    // A category is subsidised when the local decision defines a level for it; a level still
    // "de completat" stops the computation below with its own message.
    isCategorySubsidised: (category) => !!params.definition(MONTHLY_LEVEL_PREFIX + category),
    municipality,
    date: todayIso(),
  });
  const lines = request.units.map((line) => ({ ...line, serviceCode: units.find((u) => u.id === line.unitId)?.serviceCode ?? '' }));
  const computation = verdict.isEligible
    ? computeRequestSubsidy(lines, verdict.eligibleMonthsByUnit, request.year, createSubsidyRules(params, { maxShareOfCosts: round ? roundShareOfCosts(round) : null }))
    : ({ ok: false, message: 'Cererea nu este eligibilă; subvenția nu se calculează.' } as const);
  return { verdict, computation };
}

/**
 * Gathers what the rules need (the NGO, its units, the other requests of the year, the legal
 * parameters, the round) and runs the pure eligibility and subsidy functions of src/requests.
 */
export async function assessRequest(store: Store, request: SubsidyRequest, municipality = 'Cluj-Napoca'): Promise<RequestAssessment> {
  return assessWith(await loadAssessmentData(store, [request]), request, municipality);
}

/**
 * The same for a round's requests, reading the parameters, NGOs, units and requests of the year
 * once for all of them. A request that cannot be assessed (its NGO was removed) gets undefined.
 */
export async function assessRequests(store: Store, requests: readonly SubsidyRequest[], municipality = 'Cluj-Napoca'): Promise<(RequestAssessment | undefined)[]> {
  const data = await loadAssessmentData(store, requests);
  return requests.map((request) => (data.organizations.has(request.organizationId) ? assessWith(data, request, municipality) : undefined));
}
