// Gathers a round's evaluation records from the repositories and hands them to the pure
// functions of src/commission (recusals, aggregation, ranking and allocation). Screens and
// document exports read the round's results through here, never by assembling rules themselves.
import { createHolidayTable, type HolidayTable } from '../../src/calendar/public-holidays';
import type { Organization } from '../../src/catalog/organization';
import type { Appeal } from '../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, type Commission } from '../../src/commission/commission';
import type { ImpartialityDeclaration } from '../../src/commission/conflicts';
import type { CommissionMember } from '../../src/commission/members';
import { computeRoundResults, type EvaluatedRequest, type RecordedRecusal, type RoundEvaluation, type RoundResults } from '../../src/commission/round-evaluation';
import type { ScoreSheet } from '../../src/commission/scores';
import type { GridLike } from '../../src/commission/scoring-grid';
import type { CommissionSession } from '../../src/commission/session';
import { formatRegistrationNumber } from '../../src/requests/registration-number';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import type { FundingRound } from '../../src/rounds/funding-round';
import type { Store } from '../db/store';
import { assessRequests, type RequestAssessment } from './request-assessment';

export interface RoundEvaluationData {
  round: FundingRound;
  evaluation: RoundEvaluation | undefined;
  commission: Commission | undefined;
  members: CommissionMember[];
  grid: GridLike | undefined;
  sessions: CommissionSession[];
  declarations: ImpartialityDeclaration[];
  manualRecusals: RecordedRecusal[];
  sheets: ScoreSheet[];
  appeals: Appeal[];
  /** The round's requests still registered (withdrawn ones are out of the evaluation). */
  requests: (EvaluatedRequest & { request: SubsidyRequest; organization: Organization; assessment: RequestAssessment })[];
  holidays: HolidayTable;
  /** null until the round has an evaluation with its commission and grid. */
  results: RoundResults | null;
}

/** Everything about one round's evaluation, with its results computed by src/commission. */
export async function loadRoundEvaluation(store: Store, roundId: string): Promise<RoundEvaluationData | undefined> {
  const round = await store.rounds.get(roundId);
  if (!round) return undefined;
  const evaluation = await store.evaluations.getByRound(roundId);
  const [commission, members, grid, sessions, sheets, appeals, allRequests, extraDays] = await Promise.all([
    evaluation ? store.commissions.get(evaluation.commissionId) : undefined,
    evaluation ? store.members.listByCommission(evaluation.commissionId) : [],
    evaluation ? store.grids.resolve(evaluation.gridId) : undefined,
    store.sessions.listByRound(roundId),
    store.scoreSheets.listByRound(roundId),
    store.appeals.listByRound(roundId),
    store.requests.listByRound(roundId),
    store.nonWorkingDays.list(),
  ]);
  const [declarations, manualRecusals] = await Promise.all([
    Promise.all(sessions.map((s) => store.declarations.listBySession(s.id))).then((l) => l.flat()),
    Promise.all(sessions.map((s) => store.recusals.listBySession(s.id))).then((l) => l.flat()),
  ]);
  const registered = allRequests.filter((r) => r.status !== 'retrasa');
  // Only the round's NGOs, in one bulk read, not the whole catalog searched per request.
  const [organizations, assessments] = await Promise.all([store.organizations.getMany(registered.map((r) => r.organizationId)), assessRequests(store, registered)]);
  const requests = registered
    .map((request, i) => {
      const organization = organizations.get(request.organizationId);
      const assessment = assessments[i];
      if (!organization || !assessment) return undefined;
      const evaluated: EvaluatedRequest = {
        id: request.id,
        organizationId: request.organizationId,
        organizationName: organization.name,
        label: formatRegistrationNumber(request.registration),
        registeredOn: request.registeredOn,
        sequence: request.registration.year * 100_000 + request.registration.sequence,
        isEligible: assessment.verdict.isEligible,
        eligibilityReasons: assessment.verdict.reasons.filter((r) => !r.isMet).map((r) => r.text),
        computedSubsidy: assessment.computation.ok ? assessment.computation.total : null,
        subsidyProblem: assessment.computation.ok ? undefined : assessment.computation.message,
      };
      return { ...evaluated, request, organization, assessment };
    })
    .filter((r) => r !== undefined)
    .sort((a, b) => a.sequence - b.sequence);

  const results =
    evaluation && commission && grid
      ? computeRoundResults({
          budget: round.budget,
          evaluation,
          commissionRules: commission.rules ?? DEFAULT_COMMISSION_RULES,
          grid,
          members,
          sessions,
          manualRecusals,
          requests,
          sheets,
          appeals,
        })
      : null;
  return { round, evaluation, commission, members, grid, sessions, declarations, manualRecusals, sheets, appeals, requests, holidays: createHolidayTable(extraDays), results };
}
