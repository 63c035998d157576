import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import type { Bani } from '../money';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { formatRoDate, parseOptionalDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';
import { aggregateScores, type RequestScores, type ScoreAggregation } from './aggregation';
import { appealOutcomeChangesRanking, DEFAULT_APPEAL_RULES, validateAppealRules, type Appeal, type AppealRules } from './appeals';
import { effectiveRules, validateCommissionRules, type CommissionRules } from './commission';
import { findRecusals, validateManualRecusal, type ManualRecusal, type Recusal, type RequestRef } from './conflicts';
import type { CommissionMember } from './members';
import { rankAndAllocate, type RankingEntry, type RankingResult } from './ranking';
import { UNLOCKED, type ResultsLock } from './round-lock';
import type { GridLike } from './scoring-grid';
import type { ScoreSheet } from './scores';
import { checkQuorum, type CommissionSession } from './session';
import { isAdoptedDecision, rankingKey, type CommissionDecision } from './decisions';

/**
 * The ranking and allocation from the aggregated scores, with the changes of admitted appeals
 * (pass an empty map for the ranking as it stood before the appeals).
 */
export function rankRound(input: {
  requests: readonly EvaluatedRequest[];
  aggregation: ScoreAggregation | null;
  appealChanges: RoundResults['appealChanges'];
  grid: Pick<GridLike, 'minTotal'>;
  budget: Bani;
  rules: CommissionRules;
  tieDecisions: readonly TieDecision[];
}): RankingResult {
  const entries: RankingEntry[] = input.requests.map((request) => {
    const scores: RequestScores | undefined = input.aggregation?.byRequest.get(request.id);
    const change = input.appealChanges.get(request.id);
    const revisedScore = change?.revisedScore ?? null;
    // An appeal's revised score replaces the mean total; the thresholds are checked again on it.
    const meetsThresholds =
      revisedScore !== null ? revisedScore >= (input.grid.minTotal ?? 0) && (scores?.meetsCriterionMinimums ?? true) : !!scores && scores.meetsCriterionMinimums && scores.meetsMinTotal;
    return {
      requestId: request.id,
      label: request.label,
      registeredOn: request.registeredOn,
      sequence: request.sequence,
      isEligible: request.isEligible,
      eligibilityReasons: request.eligibilityReasons,
      meanTotal: revisedScore ?? scores?.meanTotal ?? null,
      meetsThresholds,
      thresholdReasons: scores?.thresholdFailures,
      computedSubsidy: change?.revisedAmount ?? request.computedSubsidy,
      subsidyProblem: request.subsidyProblem,
    };
  });
  return rankAndAllocate({
    entries,
    budget: input.budget,
    allowPartialLast: input.rules.allocation.allowPartialLast,
    skipToNextThatFits: input.rules.allocation.skipToNextThatFits,
    tieRule: input.rules.tieRule,
    tieOrder: input.tieDecisions.flatMap((d) => d.order),
  });
}

/** A recorded decision of the commission on the order of tied requests (in the minutes). */
export interface TieDecision {
  /** Request ids in the order decided. */
  order: string[];
  sessionId: string;
  note: string;
  /** The commission's vote that adopted this order ("ordine_egalitate" in commissionDecisions). */
  decisionId?: string;
}

/**
 * How one round is evaluated: by which commission, on which grid, with which of the commission's
 * rules changed for this round, the appeal terms, and the state of its results. One per round.
 */
export interface RoundEvaluation extends Entity {
  roundId: string;
  commissionId: string;
  gridId: string;
  /** The round's changes to the commission's rules (domain.md §7: parameters of the round). */
  ruleOverrides: Partial<CommissionRules>;
  appealRules: AppealRules;
  tieDecisions: TieDecision[];
  /** The day the results were communicated to the applicants (the appeal term runs from it). */
  notifiedOn?: IsoDate;
  /** The act that approves the results (director's decision or the council's decision). */
  decisionAct: string;
  lock: ResultsLock;
  notes: string;
}

export type RoundEvaluationDraft = Draft<RoundEvaluation>;
export type RoundEvaluationField = keyof RoundEvaluationDraft;

export const ROUND_EVALUATION_FIELD_LABELS: Record<RoundEvaluationField, string> = {
  roundId: 'Runda',
  commissionId: 'Comisia',
  gridId: 'Grila de evaluare',
  ruleOverrides: 'Reguli ale rundei',
  appealRules: 'Termenele contestațiilor',
  tieDecisions: 'Decizii privind egalitățile',
  notifiedOn: 'Data comunicării rezultatelor',
  decisionAct: 'Actul de aprobare a rezultatelor',
  lock: 'Rezultate finale',
  notes: 'Observații',
};

export function emptyRoundEvaluation(roundId = '', commissionId = '', gridId = ''): RoundEvaluationDraft {
  return { roundId, commissionId, gridId, ruleOverrides: {}, appealRules: { ...DEFAULT_APPEAL_RULES }, tieDecisions: [], notifiedOn: undefined, decisionAct: '', lock: UNLOCKED, notes: '' };
}

export function validateRoundEvaluation(input: RoundEvaluationDraft): { value: RoundEvaluationDraft; errors: FieldErrors<RoundEvaluationField> } {
  const value = pickFields(input, emptyRoundEvaluation());
  const errors: FieldErrors<RoundEvaluationField> = {};
  value.decisionAct = cleanText(input.decisionAct);
  value.notes = cleanMultiline(input.notes);
  if (!value.roundId) errors.roundId = 'Alegeți runda.';
  if (!value.commissionId) errors.commissionId = 'Alegeți comisia care evaluează runda.';
  if (!value.gridId) errors.gridId = 'Alegeți grila de evaluare a rundei.';
  const notified = parseOptionalDate(input.notifiedOn, 'Data comunicării rezultatelor');
  if (notified.ok) value.notifiedOn = notified.value;
  else errors.notifiedOn = notified.message;
  const appealErrors = Object.values(validateAppealRules(value.appealRules));
  if (appealErrors[0]) errors.appealRules = appealErrors[0];
  const ruleErrors = Object.values(validateCommissionRules(effectiveRules(DEFAULT_RULES_FOR_CHECK, value.ruleOverrides)));
  if (ruleErrors[0]) errors.ruleOverrides = ruleErrors[0];
  return { value, errors };
}

const DEFAULT_RULES_FOR_CHECK: CommissionRules = {
  quorum: { kind: 'peste_jumatate' },
  decision: { kind: 'majoritatea_prezentilor' },
  discrepancyMargin: null,
  tieRule: 'semnalare_comisie',
  allocation: { allowPartialLast: false, skipToNextThatFits: false },
};

/** A request as the ranking needs it: the eligibility verdict and the computed subsidy. */
export interface EvaluatedRequest extends RequestRef {
  /** "12/2026". */
  label: string;
  registeredOn: IsoDate;
  sequence: number;
  isEligible: boolean;
  eligibilityReasons: string[];
  computedSubsidy: Bani | null;
  subsidyProblem?: string;
}

export interface RoundResults {
  /** Recusals over all the round's evaluation sessions. */
  recusals: Recusal[];
  /** null when the grid is not ready (`aggregationProblem` says why). */
  aggregation: ScoreAggregation | null;
  aggregationProblem: string | null;
  /** Request ids whose score or amount an admitted appeal changed, with the act. */
  appealChanges: Map<string, { revisedScore: number | null; revisedAmount: Bani | null; decisionAct: string }>;
  ranking: RankingResult;
  rules: CommissionRules;
  /** The ranking before the appeals, as a "clasament_final" vote records it (rankingKey in decisions.ts). */
  rankingKeyBeforeAppeals?: string;
}

/**
 * The round's results from its records: recusals, the aggregated scores, the changes made by
 * admitted appeals (only those with a recorded decision), the ranking and the allocation of the
 * budget. Pure: the same records always give the same results.
 */
export function computeRoundResults(input: {
  budget: Bani;
  evaluation: Pick<RoundEvaluation, 'ruleOverrides' | 'tieDecisions'>;
  commissionRules: CommissionRules;
  grid: GridLike;
  members: readonly CommissionMember[];
  sessions: readonly CommissionSession[];
  manualRecusals: readonly (ManualRecusal & { sessionId: string })[];
  requests: readonly EvaluatedRequest[];
  sheets: readonly ScoreSheet[];
  appeals: readonly Appeal[];
  /**
   * The commission's recorded decisions with their votes. When given (the app always gives them),
   * a round with an evaluation session needs an adopted "clasament_final" decision to become final.
   */
  decisions?: readonly Pick<CommissionDecision, 'id' | 'kind' | 'sessionId' | 'outcome' | 'rankingKey'>[];
}): RoundResults {
  const rules = effectiveRules(input.commissionRules, input.evaluation.ruleOverrides);
  const recusals: Recusal[] = [];
  const seen = new Set<string>();
  for (const session of input.sessions) {
    if (session.kind !== 'evaluare') continue;
    const manual = input.manualRecusals.filter((r) => r.sessionId === session.id);
    for (const recusal of findRecusals(session.agenda, input.members, input.requests, manual)) {
      const key = `${recusal.memberId}|${recusal.requestId}|${recusal.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      recusals.push(recusal);
    }
  }

  const aggregated = aggregateScores(input.grid, input.sheets, { discrepancyMargin: rules.discrepancyMargin, recusals });
  const aggregation = aggregated.ok ? aggregated.value : null;

  const appealChanges: RoundResults['appealChanges'] = new Map();
  for (const appeal of input.appeals) {
    if (!appealOutcomeChangesRanking(appeal) || !appeal.resolution) continue;
    appealChanges.set(appeal.requestId, {
      revisedScore: appeal.resolution.revisedScore ?? null,
      revisedAmount: appeal.resolution.revisedAmount ?? null,
      decisionAct: appeal.resolution.decisionAct,
    });
  }

  const ranking = rankRound({ requests: input.requests, aggregation, appealChanges, grid: input.grid, budget: input.budget, rules, tieDecisions: input.evaluation.tieDecisions });
  if (!aggregated.ok) ranking.pendingIssues.unshift(aggregated.message);
  // Regulă locală — domain.md §7: o ședință fără cvorum nu poate adopta decizii; rezultatele nu pot deveni finale pe ea.
  const quorumProblems = input.sessions
    .filter((s) => s.kind === 'evaluare' && input.sheets.some((sheet) => sheet.sessionId === s.id))
    .map((s) => ({ session: s, quorum: checkQuorum(s, input.members, rules.quorum) }))
    .filter(({ quorum }) => !quorum.hasQuorum)
    .map(({ session, quorum }) => `ședința din ${formatRoDate(session.date)} nu poate adopta decizii (${quorum.message.replace(/\.$/, '')})`);
  const tieWithoutQuorum = input.evaluation.tieDecisions
    .map((d) => input.sessions.find((s) => s.id === d.sessionId))
    .filter((s): s is CommissionSession => !!s && !checkQuorum(s, input.members, rules.quorum).hasQuorum)
    .map((s) => `decizia privind egalitatea a fost consemnată în ședința din ${formatRoDate(s.date)}, fără cvorum`);
  ranking.pendingIssues.unshift(...quorumProblems, ...tieWithoutQuorum);
  // The ranking the evaluation session votes on: before any appeal (appeals change it by decisions of their own).
  const votedRankingKey = rankingKey(
    appealChanges.size === 0 ? ranking : rankRound({ requests: input.requests, aggregation, appealChanges: new Map(), grid: input.grid, budget: input.budget, rules, tieDecisions: input.evaluation.tieDecisions }),
  );
  // Regulă locală — domain.md §7: clasamentul final este o decizie a comisiei, adoptată prin vot în ședința de evaluare.
  const evaluationSessionIds = new Set(input.sessions.filter((s) => s.kind === 'evaluare').map((s) => s.id));
  if (input.decisions && evaluationSessionIds.size > 0) {
    const adopted = input.decisions.filter((d) => d.kind === 'clasament_final' && evaluationSessionIds.has(d.sessionId) && isAdoptedDecision(d));
    if (adopted.length === 0) ranking.pendingIssues.push('comisia nu a adoptat prin vot clasamentul final (consemnați votul în fila „Decizii și voturi”)');
    // A vote on another ranking (scores, ties or amounts changed since) does not adopt this one.
    else if (!adopted.some((d) => !d.rankingKey || d.rankingKey === votedRankingKey))
      ranking.pendingIssues.push('clasamentul s-a modificat după votul comisiei asupra clasamentului final: supuneți-l din nou votului (fila „Decizii și voturi”)');
    // Regulă locală — domain.md §7: ordinea la egalitate o decide comisia, prin vot.
    for (const tie of input.evaluation.tieDecisions) {
      const vote = input.decisions.find((d) => d.id === tie.decisionId);
      if (!vote || vote.kind !== 'ordine_egalitate' || vote.sessionId !== tie.sessionId || !isAdoptedDecision(vote)) {
        const labels = tie.order.map((id) => input.requests.find((r) => r.id === id)?.label ?? id).join(', ');
        ranking.pendingIssues.push(`ordinea la egalitate a cererilor ${labels} nu are votul comisiei consemnat`);
      }
    }
  }
  return { recusals, aggregation, aggregationProblem: aggregated.ok ? null : aggregated.message, appealChanges, ranking, rules, rankingKeyBeforeAppeals: votedRankingKey };
}

/** A recusal the commission recorded by hand at a session, stored with its history. */
export interface RecordedRecusal extends Entity, ManualRecusal {
  sessionId: string;
}
export type RecordedRecusalDraft = Draft<RecordedRecusal>;

export function validateRecordedRecusal(input: RecordedRecusalDraft): { value: RecordedRecusalDraft; errors: FieldErrors<keyof RecordedRecusalDraft> } {
  const { value, errors } = validateManualRecusal(input);
  const sessionId = cleanText(input.sessionId);
  return { value: { ...value, sessionId }, errors: sessionId ? errors : { ...errors, sessionId: 'Alegeți ședința.' } };
}
