// Wording shared by the documents a commission member handles: the impartiality declaration, the
// printed score sheets and the score workbook.
import type { CommissionMember } from '../commission/members';
import { gridProblems, type GridLike } from '../commission/scoring-grid';
import type { ScoreSheet } from '../commission/scores';
import type { CommissionSession, SessionKind } from '../commission/session';
import { quoted } from '../commission/wording';
import { DomainError } from '../errors';
import { formatDecimal, formatInteger } from '../money';
import type { FundingLaw, FundingRound } from '../rounds/funding-round';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate } from '../validation/dates';

/** The law's number and title, in the genitive: "potrivit Legii nr. 34/1998 privind …". */
export const LAW_GENITIVE: Record<FundingLaw, string> = {
  legea_34_1998:
    'Legii nr. 34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate juridică, care înființează și administrează unități de asistență socială',
  legea_350_2005: 'Legii nr. 350/2005 privind regimul finanțărilor nerambursabile din fonduri publice alocate pentru activități nonprofit de interes general',
};

/** What the applicants ask for, in the genitive: "acordarea subvenției". */
export const LAW_BENEFIT_GENITIVE: Record<FundingLaw, string> = {
  legea_34_1998: 'subvenției',
  legea_350_2005: 'finanțării nerambursabile',
};

/** The requests of the round: "cererile de subvenționare". */
export const LAW_REQUESTS: Record<FundingLaw, string> = {
  legea_34_1998: 'cererile de subvenționare',
  legea_350_2005: 'cererile de finanțare nerambursabilă',
};

const SESSION_KIND_PHRASES: Record<SessionKind, string> = {
  evaluare: 'ședința de evaluare și selecție',
  contestatii: 'ședința de soluționare a contestațiilor',
};

export type SessionForDocuments = Pick<CommissionSession, 'id' | 'roundId' | 'kind' | 'date' | 'time' | 'place'>;
export type MemberForDocuments = Pick<CommissionMember, 'id' | 'name' | 'role' | 'institution' | 'isSubstitute' | 'appointmentAct' | 'appointmentDate'>;

/** "ședința de evaluare și selecție din 20.10.2026, ora 10:00, sala 12" */
export function describeSession(session: Pick<SessionForDocuments, 'kind' | 'date' | 'time' | 'place'>): string {
  const parts = [`${SESSION_KIND_PHRASES[session.kind] ?? 'ședința'} din ${formatRoDate(session.date)}`];
  if (session.time) parts.push(`ora ${session.time}`);
  if (session.place) parts.push(session.place);
  return parts.join(', ');
}

/** "președinte", "membru", "membru supleant", "secretar" — the member's role, lower case. */
export function memberRolePhrase(member: Pick<CommissionMember, 'role' | 'isSubstitute'>): string {
  if (member.role === 'presedinte') return 'președinte';
  if (member.role === 'secretar') return 'secretar';
  return member.isSubstitute ? 'membru supleant' : 'membru';
}

/** "al Comisiei de evaluare și selecționare (Legea 34/1998)", or "în comisia „…”" for another name. */
export function ofTheCommission(commissionName: string): string {
  const name = commissionName.trim();
  if (/^Comisia\s/u.test(name)) return `al ${name.replace(/^Comisia/u, 'Comisiei')}`;
  return `în comisia ${quoted(name)}`;
}

/** Points as printed: "30", "7,50". */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? formatInteger(points) : formatDecimal(points, 2);
}

/**
 * Refuses to produce a score sheet or workbook on a grid with values "de completat" or errors
 * (domain.md: never score with a value that is not sourced or filled in).
 */
export function requireReadyGrid(grid: GridLike, what: string): void {
  const problems = gridProblems(grid);
  if (problems.length > 0) {
    throw new DomainError(`${what} nu se poate genera până la completarea grilei ${quoted(grid.name)}: ${problems.join(' ')}`);
  }
}

/** A request as the member documents list it. */
export interface MemberRequest {
  id: string;
  /** The registration number, "12/2026". */
  label: string;
  organizationName: string;
}

/** What a member's score sheet and score workbook are built from. */
export interface MemberScoringInput {
  institution: InstitutionSettings;
  round: Pick<FundingRound, 'name' | 'law'>;
  session: SessionForDocuments;
  member: MemberForDocuments;
  grid: GridLike;
  /** The requests the member may score (see partitionByRecusal). */
  requests: readonly MemberRequest[];
  /** The requests the member is recused from, printed as not to evaluate. */
  recused?: readonly Pick<MemberRequest, 'label' | 'organizationName'>[];
  /** The member's stored sheets, to show their points. */
  sheets?: readonly ScoreSheet[];
}

/** "12/2026 — Asociația Șansa" */
export function requestLine(request: Pick<MemberRequest, 'label' | 'organizationName'>): string {
  return `${request.label} — ${request.organizationName}`;
}

/**
 * Splits the requests of the agenda into those the member scores and those they are recused from
 * (the recused ones are left out of score sheets and workbooks, conventions.md §5).
 */
export function partitionByRecusal<R extends { id: string }>(
  memberId: string,
  requests: readonly R[],
  recusals: readonly { memberId: string; requestId: string }[],
): { toScore: R[]; recused: R[] } {
  const recused = new Set(recusals.filter((r) => r.memberId === memberId).map((r) => r.requestId));
  return { toScore: requests.filter((r) => !recused.has(r.id)), recused: requests.filter((r) => recused.has(r.id)) };
}
