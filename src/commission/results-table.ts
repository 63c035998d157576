// The rows of the results screen's ranking table ("Clasament și alocare"), derived once per load
// of the round's results: each request's place, each scoring member's total (or that the member is
// recused, or that the member's points differ from the others' beyond the margin), the mean with
// the appeal that changed it, the status and the amounts. Built with maps in one pass over the
// ranking, never by searching the requests, recusals and scores once per cell.
import type { Bani } from '../money';
import type { Discrepancy } from './aggregation';
import { hasVotingRole, type CommissionMember } from './members';
import type { AllocationStatus } from './ranking';
import type { RoundResults } from './round-evaluation';

export interface ResultsTableCell {
  memberId: string;
  isRecused: boolean;
  /** The member gave the lowest or the highest points on a criterion where the gap is beyond the margin. */
  isFlagged: boolean;
  /** The member's total; null when the member has no counted sheet for the request. */
  total: number | null;
}

export interface ResultsTableRow {
  requestId: string;
  rank: number | null;
  tieFlag: string | null;
  label: string;
  organizationName: string;
  cells: ResultsTableCell[];
  meanTotal: number | null;
  /** The act of the admitted appeal that revised the score, when it did. */
  revisedByAct: string | null;
  status: AllocationStatus;
  reasons: string;
  computedSubsidy: Bani | null;
  allocated: Bani;
}

/**
 * The members whose totals are columns of the table: the titular voting members, and the
 * substitutes who actually scored (in someone's place).
 */
export function scoringMembers<M extends Pick<CommissionMember, 'id' | 'role' | 'isSubstitute'>>(members: readonly M[], sheets: readonly { memberId: string }[]): M[] {
  const scored = new Set(sheets.map((s) => s.memberId));
  return members.filter((m) => hasVotingRole(m) && (!m.isSubstitute || scored.has(m.id)));
}

/** One row per ranking row, in the ranking's order. */
export function resultsTableRows(
  results: Pick<RoundResults, 'ranking' | 'aggregation' | 'recusals' | 'appealChanges'>,
  requests: readonly { id: string; organizationName: string }[],
  scorers: readonly Pick<CommissionMember, 'id'>[],
): ResultsTableRow[] {
  const names = new Map(requests.map((r) => [r.id, r.organizationName]));
  const recused = new Set(results.recusals.map((r) => `${r.memberId}|${r.requestId}`));
  return results.ranking.rows.map((row) => {
    const scores = results.aggregation?.byRequest.get(row.requestId);
    const totals = new Map(scores?.members.map((s) => [s.memberId, s.total]));
    const flagged = new Set(scores?.discrepancies.flatMap((d) => d.memberIds));
    const change = results.appealChanges.get(row.requestId);
    return {
      requestId: row.requestId,
      rank: row.rank,
      tieFlag: row.tieFlag,
      label: row.label,
      organizationName: names.get(row.requestId) ?? '',
      cells: scorers.map((m) => ({ memberId: m.id, isRecused: recused.has(`${m.id}|${row.requestId}`), isFlagged: flagged.has(m.id), total: totals.get(m.id) ?? null })),
      meanTotal: row.meanTotal,
      revisedByAct: change?.revisedScore != null ? change.decisionAct : null,
      status: row.status,
      reasons: row.reasons.join(' '),
      computedSubsidy: row.computedSubsidy,
      allocated: row.allocated,
    };
  });
}

/** The results screen's table: its columns (the scoring members), its rows, and the score differences beyond the margin. */
export interface ResultsTable<M> {
  scorers: M[];
  rows: ResultsTableRow[];
  /** Each request's label (registration number), by id. */
  labels: Map<string, string>;
  /** Each difference beyond the margin with the label of its request, in the aggregation's order (written out only when shown). */
  discrepancies: { label: string | undefined; d: Discrepancy }[];
}

/** The whole table of the results screen, derived once per read of the round (not at every draw of the screen). */
export function resultsTable<M extends Pick<CommissionMember, 'id' | 'role' | 'isSubstitute'>>(
  results: Pick<RoundResults, 'ranking' | 'aggregation' | 'recusals' | 'appealChanges'>,
  requests: readonly { id: string; organizationName: string; label: string }[],
  members: readonly M[],
  sheets: readonly { memberId: string }[],
): ResultsTable<M> {
  const scorers = scoringMembers(members, sheets);
  const labels = new Map(requests.map((r) => [r.id, r.label]));
  const discrepancies = [...(results.aggregation?.byRequest.values() ?? [])].flatMap((s) => s.discrepancies.map((d) => ({ label: labels.get(s.requestId), d })));
  return { scorers, rows: resultsTableRows(results, requests, scorers), labels, discrepancies };
}
