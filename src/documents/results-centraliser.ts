import { ALLOCATION_STATUSES } from '../commission/ranking';
import type { Bani } from '../money';
import { formatRoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';
import { indexContext, rankingNotes, roundTitle, scoringMembers, type RoundResultsContext } from './round-results-context';

/** A member's total for a request: points, "recuzat", or null (no sheet: absent, ineligible…). */
export type MemberTotal = number | 'recuzat' | null;

export const RECUSED_CELL = 'recuzat';

export interface CentraliserRow {
  /** Position in the ranking (1…n over all requests). */
  number: number;
  requestId: string;
  requestLabel: string;
  organization: string;
  cui: string;
  isEligible: boolean;
  eligibilityReasons: string;
  /** In the order of `memberColumns`. */
  memberTotals: MemberTotal[];
  mean: number | null;
  rank: number | null;
  status: string;
  computedSubsidy: Bani | null;
  allocated: Bani;
  notes: string;
}

/** "Centralizatorul rezultatelor": every request with each member's total, the mean, rank and money. */
export interface ResultsCentraliser {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  memberColumns: { memberId: string; name: string }[];
  rows: CentraliserRow[];
  budget: {
    budget: Bani;
    allocated: Bani;
    remaining: Bani;
    fullyFunded: number;
    partiallyFunded: number;
    notFunded: number;
    belowThreshold: number;
    ineligible: number;
    notComputed: number;
  };
  signatures: Signature[];
}

export function buildResultsCentraliser(ctx: RoundResultsContext): ResultsCentraliser {
  const index = indexContext(ctx);
  const members = scoringMembers(ctx, index);
  const { rows, totals } = ctx.results.ranking;
  const count = (status: keyof typeof ALLOCATION_STATUSES) => rows.filter((r) => r.status === status).length;
  return {
    header: documentHeader(ctx.institution),
    title: 'Centralizatorul rezultatelor evaluării',
    subtitle: `${roundTitle(ctx.round)}; situație la ${formatRoDate(ctx.date)}`,
    memberColumns: members.map((m) => ({ memberId: m.id, name: m.name })),
    rows: rows.map((row) => {
      const request = index.requestById.get(row.requestId);
      const scores = index.scoresById.get(row.requestId);
      const byMember = new Map((scores?.members ?? []).map((s) => [s.memberId, s.total]));
      return {
        number: row.position,
        requestId: row.requestId,
        requestLabel: row.label,
        organization: request?.organization.name ?? '',
        cui: request?.organization.cui ?? '',
        isEligible: request?.isEligible ?? false,
        eligibilityReasons: request && !request.isEligible ? request.eligibilityReasons.join('\n') : '',
        memberTotals: members.map((m) => byMember.get(m.id) ?? (index.recused.has(`${m.id}|${row.requestId}`) ? RECUSED_CELL : null)),
        mean: row.meanTotal,
        rank: row.rank,
        status: ALLOCATION_STATUSES[row.status],
        computedSubsidy: row.computedSubsidy,
        allocated: row.allocated,
        notes: row.status === 'neeligibila' ? '' : rankingNotes(row),
      };
    }),
    budget: {
      budget: totals.budget,
      allocated: totals.allocated,
      remaining: totals.remaining,
      fullyFunded: totals.fullyFundedCount,
      partiallyFunded: totals.partiallyFundedCount,
      notFunded: count('nefinantata_buget'),
      belowThreshold: count('sub_prag'),
      ineligible: count('neeligibila'),
      notComputed: count('necalculata'),
    },
    signatures: serviceSignatures(ctx.institution),
  };
}
