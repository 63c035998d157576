import type { HolidayTable } from '../calendar/public-holidays';
import { SHIPPED_HOLIDAY_TABLE } from '../calendar/public-holidays';
import type { Organization } from '../catalog/organization';
import type { RequestScores } from '../commission/aggregation';
import { appealDeadline } from '../commission/appeals';
import type { Appeal } from '../commission/appeals';
import type { Commission } from '../commission/commission';
import type { CommissionDecision } from '../commission/decisions';
import type { ImpartialityDeclaration } from '../commission/conflicts';
import { hasVotingRole, MEMBER_ROLES, type CommissionMember } from '../commission/members';
import type { RankingRow } from '../commission/ranking';
import type { EvaluatedRequest, RoundEvaluation, RoundResults } from '../commission/round-evaluation';
import type { GridLike } from '../commission/scoring-grid';
import type { CommissionSession, SessionKind } from '../commission/session';
import { FUNDING_LAW_SHORT, type FundingLaw, type FundingRound } from '../rounds/funding-round';
import type { InstitutionSettings } from '../settings/institution';
import type { IsoDate } from '../validation/dates';
import type { Signature } from './document-header';

/** One social-assistance unit of a request, as the results documents print it. */
export interface ResultUnitLine {
  unitName: string;
  /** Category or service, e.g. "Centre de zi (8891 CZ-C-IV)". */
  serviceLabel: string;
  beneficiariesPerMonth: number;
  /** "ianuarie–decembrie" (describeMonths). */
  months: string;
}

/** A request of the round with what the results documents print about it. */
export type ResultRequest = EvaluatedRequest & { organization: Organization; unitLines: ResultUnitLine[] };

/**
 * Everything the round's results documents are built from (evaluation minutes, report to the
 * council, notifications, appeals minutes, centraliser). The renderer side assembles it from
 * storage; `results` is computeRoundResults over the same records.
 */
export interface RoundResultsContext {
  institution: InstitutionSettings;
  round: FundingRound;
  commission: Commission;
  /** Every member of the commission, substitutes and secretary included, in the order of the appointment act. */
  members: CommissionMember[];
  /** The round's sessions: 'evaluare' and 'contestatii'. */
  sessions: CommissionSession[];
  grid: GridLike;
  requests: ResultRequest[];
  results: RoundResults;
  appeals: Appeal[];
  evaluation: RoundEvaluation;
  /** The date the documents carry. */
  date: IsoDate;
  /** The impartiality declarations signed for the sessions; absent: not recorded in the app. */
  declarations?: readonly Pick<ImpartialityDeclaration, 'sessionId' | 'memberId' | 'signedOn'>[];
  /** Public holidays and extra non-working days for the appeal terms; default: the shipped table. */
  holidays?: HolidayTable;
  /** The commission's decisions with the members' votes; absent: not recorded in the app. */
  decisions?: readonly CommissionDecision[];
}

/** Lookups every results document needs, built once per context (linear in the number of requests). */
export interface ContextIndex {
  requestById: Map<string, ResultRequest>;
  memberById: Map<string, CommissionMember>;
  rowById: Map<string, RankingRow>;
  scoresById: Map<string, RequestScores>;
  /** memberId|requestId of every recusal. */
  recused: Set<string>;
}

export function indexContext(ctx: RoundResultsContext): ContextIndex {
  return {
    requestById: new Map(ctx.requests.map((r) => [r.id, r])),
    memberById: new Map(ctx.members.map((m) => [m.id, m])),
    rowById: new Map(ctx.results.ranking.rows.map((r) => [r.requestId, r])),
    scoresById: ctx.results.aggregation?.byRequest ?? new Map(),
    recused: new Set(ctx.results.recusals.map((r) => `${r.memberId}|${r.requestId}`)),
  };
}

export function sessionsOfKind(ctx: Pick<RoundResultsContext, 'sessions'>, kind: SessionKind): CommissionSession[] {
  return ctx.sessions.filter((s) => s.kind === kind).sort((a, b) => (a.date + a.time < b.date + b.time ? -1 : 1));
}

export function holidaysOf(ctx: Pick<RoundResultsContext, 'holidays'>): HolidayTable {
  return ctx.holidays ?? SHIPPED_HOLIDAY_TABLE;
}

/** The day the appeal term runs from: the communication of the results, or the documents' date. */
export function notificationDateOf(ctx: Pick<RoundResultsContext, 'evaluation' | 'date'>): IsoDate {
  return ctx.evaluation.notifiedOn ?? ctx.date;
}

/** The last day to appeal against the results communicated on notificationDateOf(ctx). */
export function appealDeadlineOf(ctx: Pick<RoundResultsContext, 'evaluation' | 'date' | 'holidays'>): IsoDate {
  return appealDeadline(notificationDateOf(ctx), ctx.evaluation.appealRules, holidaysOf(ctx));
}

const ROLE_ORDER: Record<CommissionMember['role'], number> = { presedinte: 0, membru: 1, secretar: 2 };

/** Members in signing order: president, members (substitutes after titulars), secretary; ties keep the context's order. */
export function inSigningOrder<M extends Pick<CommissionMember, 'role' | 'isSubstitute'>>(members: readonly M[]): M[] {
  return members
    .map((m, i) => ({ m, i }))
    .sort((a, b) => ROLE_ORDER[a.m.role] - ROLE_ORDER[b.m.role] || Number(a.m.isSubstitute) - Number(b.m.isSubstitute) || a.i - b.i)
    .map(({ m }) => m);
}

/** "Președinte", "Membru", "Membru supleant (pentru Bogdan Rus)", "Secretar". */
export function memberCapacity(member: CommissionMember, memberById: ReadonlyMap<string, CommissionMember>, replacesId?: string): string {
  if (member.role === 'secretar') return member.isSubstitute ? 'Secretar supleant' : 'Secretar';
  const base = member.role === 'presedinte' ? MEMBER_ROLES.presedinte : MEMBER_ROLES.membru;
  if (!member.isSubstitute) return base;
  const titular = memberById.get(replacesId ?? member.substituteForId ?? '');
  return `${base} supleant${titular ? ` (pentru ${titular.name})` : ''}`;
}

/**
 * Who signs minutes of the given sessions: every member present at at least one of them
 * (president, members, substitutes who sat, secretary), with their capacity.
 */
export function presentSignatures(sessions: readonly CommissionSession[], members: readonly CommissionMember[]): Signature[] {
  const memberById = new Map(members.map((m) => [m.id, m]));
  const present = new Map<string, string | undefined>();
  for (const s of sessions)
    for (const [id, a] of Object.entries(s.attendance)) if (a.isPresent && !present.has(id)) present.set(id, a.replacesMemberId);
  return inSigningOrder(members.filter((m) => present.has(m.id))).map((m) => ({ title: memberCapacity(m, memberById, present.get(m.id)), name: m.name }));
}

/** The voting members who appear in the score tables: titulars and substitutes who scored, in signing order. */
export function scoringMembers(ctx: RoundResultsContext, index: ContextIndex): CommissionMember[] {
  const scored = new Set<string>();
  for (const s of index.scoresById.values()) for (const m of s.members) scored.add(m.memberId);
  for (const r of ctx.results.recusals) scored.add(r.memberId);
  const sat = new Set<string>();
  for (const s of sessionsOfKind(ctx, 'evaluare')) for (const [id, a] of Object.entries(s.attendance)) if (a.isPresent) sat.add(id);
  return inSigningOrder(ctx.members.filter((m) => hasVotingRole(m) && (scored.has(m.id) || (sat.has(m.id) && !m.isSubstitute))));
}

/** A ranking row's notes for the minutes and the centraliser: ties, budget and threshold reasons; not the score or a plain "funded". */
export function rankingNotes(row: RankingRow): string {
  const reasons = row.reasons.filter((r) => !r.startsWith('Punctaj mediu') && !r.startsWith('Finanțată integral'));
  const hasTieReason = reasons.some((r) => r.startsWith('Egalitate'));
  return [...(row.tieFlag && !hasTieReason ? [row.tieFlag] : []), ...reasons].join('\n');
}

/** "Subvenții Legea 34/1998 pentru anul 2027": the round's name, with its law and year when the name lacks them. */
export function roundTitle(round: Pick<FundingRound, 'name' | 'law' | 'year'>): string {
  const law = FUNDING_LAW_SHORT[round.law];
  const extras = [round.name.includes(law) ? '' : law, round.name.includes(String(round.year)) ? '' : `anul ${round.year}`].filter(Boolean);
  return extras.length > 0 ? `${round.name} (${extras.join(', ')})` : round.name;
}

/** What the round is run under, in the genitive: "în temeiul Legii nr. 34/1998 și al Normelor metodologice …". */
export const LEGAL_BASIS_PHRASE: Record<FundingLaw, string> = {
  legea_34_1998: 'în temeiul Legii nr. 34/1998 și al Normelor metodologice de aplicare aprobate prin HG nr. 1153/2001',
  legea_350_2005: 'în temeiul Legii nr. 350/2005',
};
