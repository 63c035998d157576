import type { Organization } from '../../src/catalog/organization';
import type { ParameterStore } from '../../src/parameters/store';
import type { NomenclatureEntry } from '../../src/register/nomenclature';
import { licensedCapacity, type SocialServiceUnit } from '../../src/register/unit';
import { MONTHLY_LEVEL_PREFIX, createSubsidyRules } from '../../src/requests/parameter-rules';
import { assessEligibility, buildOverlapIndex, type EligibilityVerdict, type OverlapIndex } from '../../src/requests/eligibility';
import { computeRequestSubsidy, type SubsidyComputation, type SubsidyRules } from '../../src/requests/subsidy-computation';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import { assessmentDate, roundShareOfCosts, type FundingRound } from '../../src/rounds/funding-round';
import type { Store } from '../db/store';

export interface RequestAssessment {
  verdict: EligibilityVerdict;
  computation: SubsidyComputation;
}

/** What the rules read for a set of requests: loaded once, however many requests are assessed. */
interface AssessmentData {
  organizations: ReadonlyMap<string, Organization>;
  /** Per NGO, those of its units that the requests name. */
  unitsByOrganization: ReadonlyMap<string, SocialServiceUnit[]>;
  /** The overlap index of each year's requests, built once per year. */
  overlapsByYear: ReadonlyMap<number, OverlapIndex>;
  rounds: ReadonlyMap<string, FundingRound>;
  params: ParameterStore;
  nomenclature: readonly NomenclatureEntry[];
  /** Subsidy rules per round (the share of costs is the round's), made once per round. */
  rulesByRound: Map<string, SubsidyRules>;
}

/**
 * Reads every request of a subsidy year (the overlap check's input). A caller that knows the year
 * before it has the requests (a round's screens: the round's year) starts that read together with
 * the requests' own and hands it over here, instead of this read waiting for the requests.
 */
export type RequestsOfYear = (year: number) => Promise<readonly SubsidyRequest[]>;

async function loadAssessmentData(store: Store, requests: readonly SubsidyRequest[], requestsOfYear: RequestsOfYear = (year) => store.requests.listByYear(year)): Promise<AssessmentData> {
  const organizationIds = [...new Set(requests.map((r) => r.organizationId))];
  const unitIds = [...new Set(requests.flatMap((r) => r.units.map((line) => line.unitId)))];
  const years = [...new Set(requests.map((r) => r.year))];
  const roundIds = [...new Set(requests.map((r) => r.roundId))];
  // Read in bulk: one query per table, not one per NGO. The rules look at the units a request
  // names (and only among its NGO's units, below), so those are read by id: one bulk read, where
  // the NGOs' whole unit lists took one indexed query per NGO (three times slower for a round).
  const [organizations, units, requestsOfYears, rounds, params, nomenclature] = await Promise.all([
    store.organizations.getMany(organizationIds),
    store.units.getMany(unitIds).then((byId) => [...byId.values()]),
    Promise.all(years.map(requestsOfYear)),
    Promise.all(roundIds.map((id) => store.rounds.get(id))),
    store.parameters.store(),
    store.nomenclature.list(),
  ]);
  // A request's units are looked for among its NGO's units only: a unit of another NGO named by a request counts as missing.
  const unitsByOrganization = new Map<string, SocialServiceUnit[]>(organizationIds.map((id) => [id, []]));
  for (const unit of units) unitsByOrganization.get(unit.organizationId)?.push(unit);
  return {
    organizations,
    unitsByOrganization,
    overlapsByYear: new Map(years.map((year, i) => [year, buildOverlapIndex(requestsOfYears[i]!)])),
    rounds: new Map(rounds.flatMap((r) => (r ? [[r.id, r] as const] : []))),
    params,
    nomenclature,
    rulesByRound: new Map(),
  };
}

function rulesFor(data: AssessmentData, round: FundingRound | undefined): SubsidyRules {
  const key = round?.id ?? '';
  let rules = data.rulesByRound.get(key);
  if (!rules) data.rulesByRound.set(key, (rules = createSubsidyRules(data.params, { maxShareOfCosts: round ? roundShareOfCosts(round) : null })));
  return rules;
}

/** Runs the pure eligibility and subsidy functions of src/requests on one request. */
function assessWith(data: AssessmentData, request: SubsidyRequest, municipality: string): RequestAssessment {
  const organization = data.organizations.get(request.organizationId);
  if (!organization) throw new Error('ONG-ul cererii nu mai există în catalog.');
  const units = data.unitsByOrganization.get(request.organizationId) ?? [];
  const { params } = data;
  const round = data.rounds.get(request.roundId);
  if (!round) throw new Error('Runda cererii nu mai există.');
  const verdict = assessEligibility(request, {
    organization,
    units,
    otherRequests: [],
    overlaps: data.overlapsByYear.get(request.year),
    // A category is subsidised when the local decision defines a level for it; a level still
    // "de completat" stops the computation below with its own message.
    isCategorySubsidised: (category) => !!params.definition(MONTHLY_LEVEL_PREFIX + category),
    municipality,
    // HG 1153/2001 art. 4: judged on the round's legal date (its submission deadline, or the registration date where the round says so), never today.
    date: assessmentDate(round, request),
    submissionEnd: round.submissionEnd,
    mandatoryDossierItems: round.mandatoryDossierItems,
  });
  const lines = request.units.map((line) => {
    const unit = units.find((u) => u.id === line.unitId);
    return { ...line, serviceCode: unit?.serviceCode ?? '', licensedCapacity: unit ? licensedCapacity(unit, data.nomenclature) : null };
  });
  const computation = verdict.isEligible
    ? computeRequestSubsidy(lines, verdict.eligibleMonthsByUnit, request.year, rulesFor(data, round))
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
 * once for all of them (in bulk) and indexing the year's requests by unit and month once. A request
 * that cannot be assessed (its NGO or its round was removed) gets undefined.
 */
export async function assessRequests(store: Store, requests: readonly SubsidyRequest[], municipality = 'Cluj-Napoca'): Promise<(RequestAssessment | undefined)[]> {
  return (await assessRequestsWithOrganizations(store, requests, municipality)).assessments;
}

/** The same, with the requests' NGOs it read (by id), for a caller that shows them too and need not read them again. */
export async function assessRequestsWithOrganizations(
  store: Store,
  requests: readonly SubsidyRequest[],
  municipality = 'Cluj-Napoca',
  requestsOfYear?: RequestsOfYear,
): Promise<{ assessments: (RequestAssessment | undefined)[]; organizations: ReadonlyMap<string, Organization> }> {
  const data = await loadAssessmentData(store, requests, requestsOfYear);
  const assessments = requests.map((request) => (data.organizations.has(request.organizationId) && data.rounds.has(request.roundId) ? assessWith(data, request, municipality) : undefined));
  return { assessments, organizations: data.organizations };
}
