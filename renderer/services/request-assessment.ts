import { MONTHLY_LEVEL_PREFIX, createSubsidyRules } from '../../src/requests/parameter-rules';
import { assessEligibility, type EligibilityVerdict } from '../../src/requests/eligibility';
import { computeRequestSubsidy, type SubsidyComputation } from '../../src/requests/subsidy-computation';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import { roundShareOfCosts } from '../../src/rounds/funding-round';
import { todayIso } from '../../src/validation/dates';
import type { Store } from '../db/store';

export interface RequestAssessment {
  verdict: EligibilityVerdict;
  computation: SubsidyComputation;
}

/**
 * Gathers what the rules need (the NGO, its units, the other requests of the year, the legal
 * parameters) and runs the pure eligibility and subsidy functions of src/requests.
 */
export async function assessRequest(store: Store, request: SubsidyRequest, municipality = 'Cluj-Napoca'): Promise<RequestAssessment> {
  const [organization, units, otherRequests, params, round] = await Promise.all([
    store.organizations.get(request.organizationId),
    store.units.listByOrganization(request.organizationId),
    store.requests.listByYear(request.year),
    store.parameters.store(),
    store.rounds.get(request.roundId),
  ]);
  if (!organization) throw new Error('ONG-ul cererii nu mai există în catalog.');
  const verdict = assessEligibility(request, {
    organization,
    units,
    otherRequests,
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
