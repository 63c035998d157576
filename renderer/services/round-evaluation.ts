// Gathers a round's evaluation records from the repositories and hands them to the pure
// functions of src/commission (recusals, aggregation, ranking and allocation). Screens and
// document exports read the round's results through here, never by assembling rules themselves.
import { createHolidayTable, type HolidayTable } from '../../src/calendar/public-holidays';
import type { Organization } from '../../src/catalog/organization';
import type { Appeal } from '../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, type Commission } from '../../src/commission/commission';
import type { ImpartialityDeclaration } from '../../src/commission/conflicts';
import type { CommissionDecision } from '../../src/commission/decisions';
import type { CommissionMember } from '../../src/commission/members';
import { computeRoundResults, type EvaluatedRequest, type RecordedRecusal, type RoundEvaluation, type RoundResults } from '../../src/commission/round-evaluation';
import type { ScoreSheet } from '../../src/commission/scores';
import type { GridLike } from '../../src/commission/scoring-grid';
import type { CommissionSession } from '../../src/commission/session';
import { formatRegistrationNumber } from '../../src/requests/registration-number';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import type { FundingRound } from '../../src/rounds/funding-round';
import type { Store } from '../db/store';
import type { FrozenResultsInput } from '../db/repositories/commission';
import { DomainError } from '../../src/errors';
import { buildSnapshotContent, finalizationWarnings, roundRecordsStamp, snapshotResults, type ResultsSnapshot } from '../../src/commission/results-snapshot';
import { gridFingerprint } from '../../src/commission/scoring-grid';
import { resultsTable, type ResultsTable } from '../../src/commission/results-table';
import { assessRequests, assessRequestsWithOrganizations, type RequestAssessment, type RequestsOfYear } from './request-assessment';

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
  /** The commission's decisions with the members' votes. */
  decisions: CommissionDecision[];
  /** The round's requests still registered (withdrawn ones are out of the evaluation). */
  requests: (EvaluatedRequest & { request: SubsidyRequest; organization: Organization; assessment: RequestAssessment })[];
  holidays: HolidayTable;
  /** null until the round has an evaluation with its commission and grid. */
  results: RoundResults | null;
  /** The results screen's table (columns, rows, differences), derived with the results; null with them. */
  resultsTable: ResultsTable<CommissionMember> | null;
  /**
   * The frozen results in force when the round is locked: then `requests` (verdicts, computed
   * subsidies) and `results` are read from it, never recomputed. Undefined while unlocked, or for a
   * round locked before results were frozen (`isLegacyLock`).
   */
  snapshot?: ResultsSnapshot;
  isLegacyLock: boolean;
  /** The ids and versions of the records the results were computed from (see roundRecordsStamp). */
  inputsStamp: string;
}

/**
 * The round's requests and the year's (the overlap check's input, which holds the round's own).
 * For a round still being evaluated both come from one read of the year (listByRoundAndYear: the
 * round's requests are not read a second time); a round whose results are final (its verdicts
 * frozen) reads its own requests only. Another year is read when asked.
 *
 * The year's read starts once the round is read, or at once with the year the caller already
 * knows (`yearHint`: the rounds' list holds the round): the round's requests are the head of the
 * screen's longest chain of reads (their NGOs and units, then the rules), and the round's own read
 * waits behind the click that opens it. The hint is only a head start: the read is taken when the
 * round as read has that year and is not locked, and read again otherwise.
 */
function roundRequestsRead(
  store: Store,
  roundId: string,
  roundRead: Promise<FundingRound | undefined>,
  evaluationRead: Promise<RoundEvaluation | undefined>,
  yearHint?: number,
): { requests: Promise<SubsidyRequest[]>; requestsOfYear: RequestsOfYear } {
  type Read = { ofRound: SubsidyRequest[]; ofYear?: readonly SubsidyRequest[]; year?: number };
  const ofYearRead = (year: number) => store.requests.listByRoundAndYear(roundId, year).then(({ ofRound, ofYear }): Read => ({ ofRound, ofYear, year }));
  const ahead = yearHint === undefined ? undefined : ofYearRead(yearHint);
  // Not taken (the round was locked or moved to another year since the list read it): its failure is nobody's.
  ahead?.catch(() => undefined);
  const read = Promise.all([roundRead, evaluationRead]).then(([round, evaluation]): Promise<Read> =>
    round && !evaluation?.lock.isLocked
      ? ahead && round.year === yearHint ? ahead : ofYearRead(round.year)
      : store.requests.listByRound(roundId).then((ofRound) => ({ ofRound })),
  );
  return {
    requests: read.then((r) => r.ofRound),
    requestsOfYear: async (year) => {
      const { ofYear, year: readYear } = await read;
      return ofYear && readYear === year ? ofYear : store.requests.listByYear(year);
    },
  };
}

/** What the caller of loadRoundEvaluation knows or wants told (the round's screen opening). */
export interface RoundReadHint {
  /** The round's year as the caller read it (the rounds' list): the year's requests are read before the round is (roundRequestsRead); the round as read decides. */
  year?: number;
  /** Told once the reads of the longest chain (the requests' NGOs and units, the legal parameters) are asked for, or there are none to ask. */
  onUnderway?(): void;
}

/** Everything about one round's evaluation, with its results computed by src/commission. */
export async function loadRoundEvaluation(store: Store, roundId: string, hint?: RoundReadHint): Promise<RoundEvaluationData | undefined> {
  // Each read starts as soon as what it depends on is read, not after a whole wave: what is found
  // by the round's id; the round's requests with the year's once the round is (roundRequestsRead);
  // the commission and grid once the evaluation is read, the declarations and
  // recusals once the sessions are; and the assessment of the requests (their NGOs, the units they
  // name, the year's requests, the legal parameters) as soon as the requests are read, since it is
  // the longest chain of the screen's load.
  const roundRead = store.rounds.get(roundId);
  const evaluationRead = store.evaluations.getByRound(roundId);
  const { requests: requestsRead, requestsOfYear } = roundRequestsRead(store, roundId, roundRead, evaluationRead, hint?.year);
  const sessionsRead = store.sessions.listByRound(roundId);
  const registeredOf = (list: readonly SubsidyRequest[]) => list.filter((r) => r.status !== 'retrasa');
  const liveRead = Promise.all([evaluationRead, requestsRead]).then(([evaluation, list]) => {
    const assessed = evaluation?.lock.isLocked ? undefined : assessRequestsWithOrganizations(store, registeredOf(list), undefined, requestsOfYear);
    hint?.onUnderway?.();
    return assessed;
  });
  // A failed read is under way too (the screen shows its error).
  liveRead.catch(() => hint?.onUnderway?.());
  const [round, evaluation, sessions, sheets, appeals, allRequests, extraDays, decisions, [commission, members, grid], [declarations, manualRecusals], snapshot, live] = await Promise.all([
    roundRead,
    evaluationRead,
    sessionsRead,
    store.scoreSheets.listByRound(roundId),
    store.appeals.listByRound(roundId),
    requestsRead,
    store.nonWorkingDays.list(),
    store.decisions.listByRound(roundId),
    evaluationRead.then((e) =>
      Promise.all([e ? store.commissions.get(e.commissionId) : undefined, e ? store.members.listByCommission(e.commissionId) : [], e ? store.grids.resolve(e.gridId) : undefined] as const),
    ),
    sessionsRead.then((list) =>
      Promise.all([
        Promise.all(list.map((s) => store.declarations.listBySession(s.id))).then((l) => l.flat()),
        Promise.all(list.map((s) => store.recusals.listBySession(s.id))).then((l) => l.flat()),
      ] as const),
    ),
    evaluationRead.then((e) => (e?.lock.isLocked ? store.snapshots.current(roundId) : undefined)),
    liveRead,
  ]);
  if (!round) return undefined;
  const registered = registeredOf(allRequests);
  const holidays = createHolidayTable(extraDays);
  const inputsStamp = roundRecordsStamp({ sheets, requests: allRequests, appeals, sessions, decisions, evaluation });
  const base = { round, evaluation, commission, members, grid, sessions, declarations, manualRecusals, sheets, appeals, decisions, holidays, inputsStamp };
  if (snapshot) {
    const frozenOrganizations = await store.organizations.getMany(snapshot.content.requests.map((r) => r.organizationId));
    const frozen = frozenRequestsAndResults(snapshot, allRequests, frozenOrganizations);
    return { ...base, ...frozen, resultsTable: resultsTable(frozen.results, frozen.requests, members, sheets), snapshot, isLegacyLock: false };
  }

  // A locked round without a snapshot (locked by an earlier version) is computed from today's records.
  const { organizations, assessments } = live ?? (await assessRequestsWithOrganizations(store, registered));
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
        // Supporting documents asked for by notice are not grounds for rejection.
        eligibilityReasons: assessment.verdict.reasons.filter((r) => !r.isMet && r.effect !== 'notificare').map((r) => r.text),
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
          decisions,
        })
      : null;
  return { ...base, requests, results, resultsTable: results && resultsTable(results, requests, members, sheets), isLegacyLock: !!evaluation?.lock.isLocked };
}

/** A locked round's requests and results as the snapshot froze them, joined to today's records by id. */
function frozenRequestsAndResults(snapshot: ResultsSnapshot, allRequests: readonly SubsidyRequest[], organizationById: ReadonlyMap<string, Organization>) {
  const requestById = new Map(allRequests.map((r) => [r.id, r]));
  const requests = snapshot.content.requests.flatMap((frozen) => {
    const request = requestById.get(frozen.id);
    const organization = organizationById.get(frozen.organizationId);
    if (!request || !organization) return [];
    const { verdict, computation, ...evaluated } = frozen;
    return [{ ...evaluated, request, organization, assessment: { verdict, computation } }];
  });
  return { requests, results: snapshotResults(snapshot) };
}

/** The open points the secretariat sees in the confirmation before the results become final. */
export function warningsBeforeFinal(data: RoundEvaluationData): string[] {
  if (!data.results) return [];
  const labels = new Map(data.requests.map((r) => [r.id, r.label]));
  return finalizationWarnings({
    results: data.results,
    sessions: data.sessions,
    members: data.members,
    declarations: data.declarations,
    requestLabel: (id) => labels.get(id) ?? id,
  });
}

/**
 * Declares the round's results final: the verdicts, scores, ranking and amounts shown are stored
 * as the snapshot, with the state of the records they rest on (a change since the screen loaded
 * them is refused as a conflict).
 */
export async function declareResultsFinal(store: Store, data: RoundEvaluationData): Promise<void> {
  if (!data.evaluation || !data.results) throw new DomainError('Alegeți mai întâi comisia și grila rundei.');
  await store.evaluations.lock(data.evaluation.id, data.evaluation.version, data.results.ranking.pendingIssues, frozenResultsOf(data));
}

/** The snapshot of what the screen shows: verdicts, computations, scores, ranking and amounts. */
export function frozenResultsOf(data: RoundEvaluationData): FrozenResultsInput {
  if (!data.evaluation || !data.results || !data.grid) throw new DomainError('Alegeți mai întâi comisia și grila rundei.');
  const content = buildSnapshotContent({
    requests: data.requests.map(({ request: _request, organization: _organization, assessment, ...evaluated }) => ({ ...evaluated, verdict: assessment.verdict, computation: assessment.computation })),
    results: data.results,
    gridMinTotal: data.grid.minTotal,
    tieDecisions: data.evaluation.tieDecisions,
    appeals: data.appeals,
  });
  return { content, budget: data.round.budget, gridFingerprint: gridFingerprint(data.grid), inputsStamp: data.inputsStamp };
}

/**
 * Assessments of a round's requests as the screens show them: for a round whose results are final,
 * the verdicts and computations frozen in its snapshot (never judged again); otherwise computed now
 * on the round's legal date. A request not in the snapshot (registered later) is assessed as usual.
 */
export async function assessRoundRequests(store: Store, roundId: string, requests: readonly SubsidyRequest[]): Promise<(RequestAssessment | undefined)[]> {
  const evaluation = await store.evaluations.getByRound(roundId);
  const snapshot = evaluation?.lock.isLocked ? await store.snapshots.current(roundId) : undefined;
  const frozen = new Map(snapshot?.content.requests.map((r) => [r.id, { verdict: r.verdict, computation: r.computation }]) ?? []);
  const others = requests.filter((r) => !frozen.has(r.id));
  const live = others.length > 0 ? await assessRequests(store, others) : [];
  const liveById = new Map(others.map((r, i) => [r.id, live[i]]));
  return requests.map((r) => frozen.get(r.id) ?? liveById.get(r.id));
}

/**
 * A round's requests with their assessments (as assessRoundRequests gives them) and their NGOs, for
 * the round's list: the requests, the evaluation and its snapshot read together, and the NGOs read
 * once, by the assessment (the frozen requests' NGOs, which it does not read, in one more bulk read).
 */
export async function loadRoundRequests(
  store: Store,
  roundId: string,
): Promise<{ requests: SubsidyRequest[]; assessments: (RequestAssessment | undefined)[]; organizations: ReadonlyMap<string, Organization> }> {
  const evaluationRead = store.evaluations.getByRound(roundId);
  const { requests: requestsRead, requestsOfYear } = roundRequestsRead(store, roundId, store.rounds.get(roundId), evaluationRead);
  const [requests, snapshot] = await Promise.all([
    requestsRead,
    evaluationRead.then((e) => (e?.lock.isLocked ? store.snapshots.current(roundId) : undefined)),
  ]);
  const frozen = new Map(snapshot?.content.requests.map((r) => [r.id, { verdict: r.verdict, computation: r.computation }]) ?? []);
  const others = requests.filter((r) => !frozen.has(r.id));
  const frozenOrganizationIds = requests.filter((r) => frozen.has(r.id)).map((r) => r.organizationId);
  const [live, frozenOrganizations] = await Promise.all([
    others.length > 0 ? assessRequestsWithOrganizations(store, others, undefined, requestsOfYear) : { assessments: [], organizations: new Map<string, Organization>() },
    frozenOrganizationIds.length > 0 ? store.organizations.getMany(frozenOrganizationIds) : new Map<string, Organization>(),
  ]);
  const liveById = new Map(others.map((r, i) => [r.id, live.assessments[i]]));
  const organizations = new Map<string, Organization>([...frozenOrganizations, ...live.organizations]);
  return { requests, assessments: requests.map((r) => frozen.get(r.id) ?? liveById.get(r.id)), organizations };
}
