import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';
import { describeQuorumRule, requiredForQuorum, type QuorumRule } from './commission';
import { hasVotingRole, isMemberActiveOn, votingMembers, type CommissionMember } from './members';
import { countOf } from './wording';

export type SessionKind = 'evaluare' | 'contestatii';
export const SESSION_KINDS: Record<SessionKind, string> = {
  evaluare: 'Ședință de evaluare și selecție',
  contestatii: 'Ședință de soluționare a contestațiilor',
};

export type SessionStatus = 'planificata' | 'desfasurata' | 'incheiata';
export const SESSION_STATUSES: Record<SessionStatus, string> = {
  planificata: 'Planificată',
  desfasurata: 'Desfășurată',
  incheiata: 'Încheiată (proces-verbal semnat)',
};

export interface Attendance {
  isPresent: boolean;
  /** For a substitute: the titular member they sit for (defaults to the one named at appointment). */
  replacesMemberId?: string;
}

/** A sitting of the commission within a round. */
export interface CommissionSession extends Entity {
  roundId: string;
  commissionId: string;
  kind: SessionKind;
  date: IsoDate;
  /** "HH:MM". */
  time: string;
  place: string;
  /** Request ids in the order they are discussed. */
  agenda: string[];
  /** memberId → attendance; a member not listed is absent. */
  attendance: Record<string, Attendance>;
  status: SessionStatus;
  notes: string;
}

export type CommissionSessionDraft = Draft<CommissionSession>;
export type CommissionSessionField = keyof CommissionSessionDraft;

export const COMMISSION_SESSION_FIELD_LABELS: Record<CommissionSessionField, string> = {
  roundId: 'Runda',
  commissionId: 'Comisia',
  kind: 'Tipul ședinței',
  date: 'Data ședinței',
  time: 'Ora',
  place: 'Locul',
  agenda: 'Ordinea de zi',
  attendance: 'Prezența',
  status: 'Stare',
  notes: 'Observații',
};

export function emptyCommissionSession(roundId = '', commissionId = ''): CommissionSessionDraft {
  return { roundId, commissionId, kind: 'evaluare', date: '', time: '', place: '', agenda: [], attendance: {}, status: 'planificata', notes: '' };
}

type MemberRef = Pick<CommissionMember, 'id' | 'name' | 'role' | 'isSubstitute' | 'substituteForId' | 'periodFrom' | 'periodTo'>;

export function validateCommissionSession(
  input: CommissionSessionDraft,
  context: { members?: readonly MemberRef[] } = {},
): { value: CommissionSessionDraft; errors: FieldErrors<CommissionSessionField> } {
  const value = pickFields(input, emptyCommissionSession());
  const errors: FieldErrors<CommissionSessionField> = {};
  value.roundId = cleanText(input.roundId);
  value.commissionId = cleanText(input.commissionId);
  value.place = cleanText(input.place);
  value.notes = cleanMultiline(input.notes);
  if (value.roundId === '') errors.roundId = 'Alegeți runda.';
  if (value.commissionId === '') errors.commissionId = 'Alegeți comisia.';
  if (!Object.hasOwn(SESSION_KINDS, value.kind)) errors.kind = 'Alegeți tipul ședinței.';
  if (!Object.hasOwn(SESSION_STATUSES, value.status)) errors.status = 'Alegeți starea ședinței.';
  const date = parseDate(input.date, 'Data ședinței');
  if (date.ok) value.date = date.value;
  else errors.date = date.message;
  const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(cleanText(input.time));
  if (time) value.time = `${time[1]!.padStart(2, '0')}:${time[2]}`;
  else errors.time = 'Ora ședinței se scrie hh:mm (de exemplu 10:00).';
  if (value.place === '') errors.place = 'Locul ședinței este obligatoriu.';

  const agenda = (input.agenda ?? []).map(cleanText).filter((id) => id !== '');
  if (new Set(agenda).size !== agenda.length) errors.agenda = 'O cerere apare de două ori pe ordinea de zi.';
  value.agenda = agenda;

  const attendance: Record<string, Attendance> = {};
  for (const [memberId, entry] of Object.entries(input.attendance ?? {})) {
    attendance[memberId] = { isPresent: entry.isPresent === true, ...(entry.replacesMemberId ? { replacesMemberId: entry.replacesMemberId } : {}) };
  }
  value.attendance = attendance;
  const problem = context.members ? attendanceProblem(attendance, context.members) : undefined;
  if (problem) errors.attendance = problem;
  return { value, errors };
}

function attendanceProblem(attendance: Record<string, Attendance>, members: readonly MemberRef[]): string | undefined {
  const byId = new Map(members.map((m) => [m.id, m]));
  const replaced = new Map<string, string>();
  for (const [memberId, entry] of Object.entries(attendance)) {
    const member = byId.get(memberId);
    if (!member) return 'Prezența cuprinde o persoană care nu este membră a comisiei.';
    if (!entry.replacesMemberId) continue;
    const titular = byId.get(entry.replacesMemberId);
    if (!member.isSubstitute) return `${member.name} nu are calitatea de membru supleant și nu poate înlocui pe altcineva.`;
    if (!titular || titular.isSubstitute) return `${member.name} poate înlocui doar un membru titular al comisiei.`;
    if (member.substituteForId && member.substituteForId !== titular.id)
      return `${member.name} are calitatea de supleant pentru alt membru decât ${titular.name}.`;
    if (entry.isPresent && attendance[titular.id]?.isPresent)
      return `${titular.name} participă la ședință; supleantul ${member.name} nu poate ține locul titularului.`;
    const other = replaced.get(titular.id);
    if (other && entry.isPresent) return `${titular.name} este înlocuit de doi supleanți (${other} și ${member.name}).`;
    if (entry.isPresent) replaced.set(titular.id, member.name);
  }
  return undefined;
}

/** One voting seat taken at the session: the titular member, or the substitute sitting in their place. */
export interface Seat {
  titularId: string;
  sittingMemberId: string;
  isSubstitute: boolean;
}

/**
 * Who sits with a vote at the session. A titular member present takes their seat; a substitute
 * present takes the seat of the titular they replace only when that titular is absent, so a
 * seat is counted once. Secretaries are never seats. Members outside their mandate on the
 * session's date do not count.
 */
export function sittingMembers(
  session: Pick<CommissionSession, 'date' | 'attendance'>,
  members: readonly MemberRef[],
): { seats: Seat[]; notCounted: { memberId: string; reason: string }[] } {
  const titulars = votingMembers(members, session.date);
  const titularIds = new Set(titulars.map((m) => m.id));
  const seats = new Map<string, Seat>();
  const notCounted: { memberId: string; reason: string }[] = [];
  for (const t of titulars) {
    if (session.attendance[t.id]?.isPresent) seats.set(t.id, { titularId: t.id, sittingMemberId: t.id, isSubstitute: false });
  }
  for (const m of members) {
    const entry = session.attendance[m.id];
    if (!entry?.isPresent) continue;
    if (!hasVotingRole(m)) {
      // Regulă locală — domain.md §1, §7: secretarul comisiei nu are drept de vot și nu intră în cvorum.
      notCounted.push({ memberId: m.id, reason: `${m.name} are calitatea de secretar al comisiei, fără drept de vot.` });
      continue;
    }
    if (!isMemberActiveOn(m, session.date)) {
      notCounted.push({ memberId: m.id, reason: `${m.name}: mandatul nu este în vigoare la ${formatRoDate(session.date)}.` });
      continue;
    }
    if (!m.isSubstitute) continue;
    const titularId = entry.replacesMemberId ?? m.substituteForId;
    const titular = titulars.find((t) => t.id === titularId);
    if (!titularId || !titularIds.has(titularId) || !titular) {
      notCounted.push({ memberId: m.id, reason: `${m.name} are calitatea de supleant și nu ține locul niciunui membru titular absent.` });
    } else if (seats.has(titularId)) {
      const seat = seats.get(titularId)!;
      notCounted.push({
        memberId: m.id,
        reason: seat.isSubstitute
          ? `Locul titularului ${titular.name} este deja ocupat de un alt supleant.`
          : `${titular.name} participă la ședință: supleantul ${m.name} nu se numără a doua oară.`,
      });
    } else {
      seats.set(titularId, { titularId, sittingMemberId: m.id, isSubstitute: true });
    }
  }
  return { seats: [...seats.values()], notCounted };
}

export interface QuorumCheck {
  hasQuorum: boolean;
  /** Seats taken (titulars present plus substitutes sitting for absent titulars). */
  present: number;
  required: number;
  /** Titular members with voting rights whose mandate is in force on the session's date. */
  votingTotal: number;
  seats: Seat[];
  notCounted: { memberId: string; reason: string }[];
  message: string;
}

/**
 * Quorum of a session under the commission's rule. `options.excludedMemberIds` (e.g. members
 * recused for one agenda item) removes those sitting members' seats, for a quorum per item.
 */
export function checkQuorum(
  session: Pick<CommissionSession, 'date' | 'attendance'>,
  members: readonly MemberRef[],
  rule: QuorumRule,
  options: { excludedMemberIds?: ReadonlySet<string> } = {},
): QuorumCheck {
  const votingTotal = votingMembers(members, session.date).length;
  const sitting = sittingMembers(session, members);
  const seats = options.excludedMemberIds ? sitting.seats.filter((s) => !options.excludedMemberIds!.has(s.sittingMemberId)) : sitting.seats;
  const present = seats.length;
  const required = requiredForQuorum(rule, votingTotal);
  const hasQuorum = votingTotal > 0 && present >= required;
  const substitutes = seats.filter((s) => s.isSubstitute).length;
  const withSubstitutes = substitutes > 0 ? `, dintre care ${countOf(substitutes, 'supleant', 'supleanți')} în locul titularilor absenți` : '';
  const presentText = `${present === 1 ? 'este prezent 1' : `sunt prezenți ${present}`} din ${countOf(votingTotal, 'membru', 'membri')} cu drept de vot${withSubstitutes}`;
  let message: string;
  if (votingTotal === 0) message = `Comisia nu are membri cu drept de vot în funcție la ${formatRoDate(session.date)}.`;
  else if (hasQuorum) message = `Cvorumul este întrunit: ${presentText} (necesar: cel puțin ${required}).`;
  else {
    message = `Cvorumul nu este întrunit: ${presentText}, iar regula „${describeQuorumRule(rule)}” cere cel puțin ${required}.`;
  }
  return { hasQuorum, present, required, votingTotal, seats, notCounted: sitting.notCounted, message };
}
