import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
import { decideVote, describeDecisionRule, type CommissionRules, type VoteCount } from './commission';
import { hasSignedDeclaration, type ImpartialityDeclaration, type Recusal } from './conflicts';
import type { CommissionMember } from './members';
import type { RankingResult } from './ranking';
import { checkQuorum, type CommissionSession, type SessionKind } from './session';
import { countOf } from './wording';

/** How a member present voted on a decision of the commission. */
export type Vote = 'pentru' | 'impotriva' | 'abtinere';
export const VOTES: Record<Vote, string> = { pentru: 'pentru', impotriva: 'împotrivă', abtinere: 'abținere' };

export type DecisionKind = 'admitere_cerere' | 'respingere_cerere' | 'clasament_final' | 'ordine_egalitate' | 'solutionare_contestatie';
export const DECISION_KINDS: Record<DecisionKind, string> = {
  admitere_cerere: 'Admiterea cererii',
  respingere_cerere: 'Respingerea cererii',
  clasament_final: 'Aprobarea clasamentului final și a sumelor propuse',
  ordine_egalitate: 'Ordinea cererilor la egalitate de punctaj',
  solutionare_contestatie: 'Soluționarea contestației',
};

/** The session kind where each decision is taken: appeals only in an appeals session. */
export const DECISION_SESSION_KIND: Record<DecisionKind, SessionKind> = {
  admitere_cerere: 'evaluare',
  respingere_cerere: 'evaluare',
  clasament_final: 'evaluare',
  ordine_egalitate: 'evaluare',
  solutionare_contestatie: 'contestatii',
};

/** The outcome as it stood when the decision was recorded (kept: a decision is a record, not a recomputation). */
export interface RecordedOutcome {
  isAdopted: boolean;
  for: number;
  against: number;
  abstentions: number;
  required: number;
  /** Romanian sentence for the minutes and the letters. */
  sentence: string;
  /** Recused members, who did not vote: name and reason. */
  recused: { memberId: string; name: string; reason: string }[];
}

/**
 * A decision of the commission taken in a session (admission or rejection of a request, the final
 * ranking, a tie order, an appeal), with the vote of each member present and not recused.
 */
export interface CommissionDecision extends Entity {
  roundId: string;
  sessionId: string;
  /** 'admitere_cerere', 'respingere_cerere', 'clasament_final', 'ordine_egalitate', 'solutionare_contestatie'. */
  kind: string;
  requestId?: string;
  /** For "ordine_egalitate": the tied requests, in the order put to the vote. */
  requestIds?: string[];
  appealId?: string;
  /** The decision as written in the minutes. */
  text: string;
  votes: { memberId: string; vote: Vote }[];
  /** Set by the repository when the decision is stored. */
  outcome?: RecordedOutcome;
  /** For "clasament_final": the ranking voted on (rankingKey), so a later change of the ranking needs a new vote. */
  rankingKey?: string;
}

export type CommissionDecisionDraft = Draft<CommissionDecision>;
export type CommissionDecisionField = keyof CommissionDecisionDraft;

export const COMMISSION_DECISION_FIELD_LABELS: Record<CommissionDecisionField, string> = {
  roundId: 'Runda',
  sessionId: 'Ședința',
  kind: 'Decizia',
  requestId: 'Cererea',
  requestIds: 'Cererile la egalitate',
  appealId: 'Contestația',
  text: 'Textul deciziei (ca în procesul-verbal)',
  votes: 'Voturile membrilor',
  outcome: 'Rezultatul votului',
  rankingKey: 'Clasamentul supus votului',
};

export function emptyCommissionDecision(roundId = '', sessionId = '', kind: DecisionKind = 'clasament_final'): CommissionDecisionDraft {
  return { roundId, sessionId, kind, requestId: undefined, requestIds: undefined, appealId: undefined, text: '', votes: [], outcome: undefined, rankingKey: undefined };
}

export function isDecisionKind(kind: string): kind is DecisionKind {
  return Object.hasOwn(DECISION_KINDS, kind);
}

/** Checks a decision's own fields; who may vote is checked by decisionOutcome against the session. */
export function validateCommissionDecision(input: CommissionDecisionDraft): { value: CommissionDecisionDraft; errors: FieldErrors<CommissionDecisionField> } {
  const value = pickFields(input, emptyCommissionDecision());
  const errors: FieldErrors<CommissionDecisionField> = {};
  value.roundId = cleanText(input.roundId);
  value.sessionId = cleanText(input.sessionId);
  value.requestId = cleanText(input.requestId) || undefined;
  value.appealId = cleanText(input.appealId) || undefined;
  const tied = (input.requestIds ?? []).map(cleanText).filter((id) => id !== '');
  value.requestIds = value.kind === 'ordine_egalitate' && tied.length > 0 ? tied : undefined;
  value.text = cleanMultiline(input.text).trim();
  value.outcome = input.outcome;
  value.rankingKey = value.kind === 'clasament_final' ? cleanText(input.rankingKey) || undefined : undefined;
  if (value.roundId === '') errors.roundId = 'Alegeți runda.';
  if (value.sessionId === '') errors.sessionId = 'Alegeți ședința în care s-a luat decizia.';
  if (!isDecisionKind(value.kind)) errors.kind = 'Alegeți decizia supusă votului.';
  if ((value.kind === 'admitere_cerere' || value.kind === 'respingere_cerere') && !value.requestId) errors.requestId = 'Alegeți cererea asupra căreia s-a votat.';
  if (value.kind === 'solutionare_contestatie' && !value.appealId) errors.appealId = 'Alegeți contestația asupra căreia s-a votat.';
  if (value.kind === 'ordine_egalitate' && new Set(tied).size < 2) errors.requestIds = 'Ordinea la egalitate privește cel puțin două cereri diferite.';
  if (value.text.length < 3) errors.text = 'Scrieți decizia supusă votului, așa cum apare în procesul-verbal.';
  const votes: CommissionDecision['votes'] = [];
  const seen = new Set<string>();
  for (const v of input.votes ?? []) {
    const memberId = cleanText(v.memberId);
    if (memberId === '' || !Object.hasOwn(VOTES, v.vote)) {
      errors.votes = 'Fiecare vot trebuie să fie „pentru”, „împotrivă” sau „abținere”.';
      continue;
    }
    if (seen.has(memberId)) {
      errors.votes = 'Votul unui membru este consemnat de două ori.';
      continue;
    }
    seen.add(memberId);
    votes.push({ memberId, vote: v.vote });
  }
  value.votes = votes;
  return { value, errors };
}

type MemberRef = Pick<CommissionMember, 'id' | 'name' | 'role' | 'isSubstitute' | 'substituteForId' | 'periodFrom' | 'periodTo'>;

export interface DecisionOutcome {
  isAdopted: boolean;
  hasQuorum: boolean;
  counts: VoteCount;
  required: number;
  /** Members present, not recused, with a signed declaration: the ones who vote. */
  voters: { memberId: string; name: string; vote: Vote | null }[];
  /** Recused members present, who do not vote on this decision. */
  recused: { memberId: string; name: string; reason: string }[];
  /** Why the vote cannot be recorded as it is (a refused or a missing vote, no quorum). */
  problems: string[];
  /** Romanian: whether adopted, with the counts and the rule. */
  message: string;
  /** For the minutes: "Decizia a fost adoptată cu 3 voturi pentru, 0 împotrivă și 1 abținere; membrul X nu a votat, fiind recuzat." */
  sentence: string;
}

/** "3 voturi pentru, 0 împotrivă și 1 abținere". */
export function describeCounts(counts: VoteCount): string {
  return `${countOf(counts.for, 'vot', 'voturi')} pentru, ${counts.against} împotrivă și ${countOf(counts.abstentions, 'abținere', 'abțineri')}`;
}

/**
 * Whether a decision is adopted by the votes recorded, under the commission's decision rule,
 * counted on the members present and not recused (a substitute counts only for an absent titular).
 * A vote by a member absent, recused, without a signed declaration (when `declarations` are given)
 * or without voting rights is refused; a voter without a recorded vote is a problem too.
 */
// Regulă locală, parametru al rundei — domain.md §7: decizia se adoptă cu majoritatea membrilor prezenți;
// membrul recuzat nu votează (conventions.md §5); fără cvorum nu se adoptă nicio decizie.
export function decisionOutcome(input: {
  votes: readonly { memberId: string; vote: Vote }[];
  session: Pick<CommissionSession, 'id' | 'date' | 'attendance'>;
  members: readonly MemberRef[];
  rules: Pick<CommissionRules, 'quorum' | 'decision'>;
  /** Recusals for the decision's request (or appeal); empty for decisions on the whole round. */
  recusals?: readonly Pick<Recusal, 'memberId' | 'reason'>[];
  declarations?: readonly Pick<ImpartialityDeclaration, 'memberId' | 'sessionId' | 'signedOn'>[];
}): DecisionOutcome {
  const { session, members } = input;
  const names = new Map(members.map((m) => [m.id, m.name]));
  const nameOf = (id: string) => names.get(id) ?? 'Persoana';
  const recusalOf = new Map((input.recusals ?? []).map((r) => [r.memberId, r.reason]));
  const quorum = checkQuorum(session, members, input.rules.quorum, { excludedMemberIds: new Set(recusalOf.keys()) });
  const sittingIds = quorum.seats.map((s) => s.sittingMemberId);
  const allSeats = checkQuorum(session, members, input.rules.quorum).seats.map((s) => s.sittingMemberId);
  const recused = allSeats.filter((id) => recusalOf.has(id)).map((id) => ({ memberId: id, name: nameOf(id), reason: recusalOf.get(id)! }));
  const problems: string[] = [];
  const unsigned = new Set(
    input.declarations ? sittingIds.filter((id) => !hasSignedDeclaration(id, session.id, input.declarations!)) : [],
  );
  for (const id of unsigned) problems.push(`${nameOf(id)} nu a semnat declarația de imparțialitate și confidențialitate pentru această ședință și nu poate vota.`);
  const voterIds = sittingIds.filter((id) => !unsigned.has(id));
  const voteOf = new Map(input.votes.map((v) => [v.memberId, v.vote]));
  for (const v of input.votes) {
    if (voterIds.includes(v.memberId) || unsigned.has(v.memberId)) continue;
    const member = members.find((m) => m.id === v.memberId);
    if (!member) problems.push('Un vot aparține unei persoane care nu este membră a comisiei.');
    else if (recusalOf.has(v.memberId)) problems.push(`${member.name} este recuzat și nu poate vota: ${recusalOf.get(v.memberId)}`);
    else if (member.role === 'secretar') problems.push(`${member.name} are calitatea de secretar al comisiei, fără drept de vot.`);
    else if (session.attendance[v.memberId]?.isPresent && member.isSubstitute) problems.push(`${member.name} are calitatea de supleant și nu ține locul unui membru titular absent: nu poate vota.`);
    else if (session.attendance[v.memberId]?.isPresent) problems.push(`${member.name} nu are drept de vot la data ședinței.`);
    else problems.push(`${member.name} lipsește de la ședință și nu poate vota.`);
  }
  const voters = voterIds.map((id) => ({ memberId: id, name: nameOf(id), vote: voteOf.get(id) ?? null }));
  const missing = voters.filter((v) => v.vote === null);
  if (missing.length > 0) problems.push(`Lipsește votul: ${missing.map((v) => v.name).join(', ')}.`);
  const counts: VoteCount = {
    for: voters.filter((v) => v.vote === 'pentru').length,
    against: voters.filter((v) => v.vote === 'impotriva').length,
    abstentions: voters.filter((v) => v.vote === 'abtinere').length,
  };
  if (!quorum.hasQuorum) problems.unshift(`Ședința nu are cvorum pentru această decizie: ${quorum.message.charAt(0).toLowerCase()}${quorum.message.slice(1)}`);
  const decided = decideVote(input.rules.decision, counts, { present: quorum.present, votingTotal: quorum.votingTotal, hasQuorum: quorum.hasQuorum });
  const isAdopted = decided.isAdopted && problems.length === 0;
  const recusedText = recused.map((r) => `; membrul ${r.name} nu a votat, fiind recuzat`).join('');
  const sentence = !quorum.hasQuorum
    ? 'Decizia nu a putut fi adoptată: ședința nu a avut cvorum.'
    : `Decizia ${isAdopted ? 'a fost adoptată' : 'nu a fost adoptată'} cu ${describeCounts(counts)}${recusedText} (${describeDecisionRule(input.rules.decision)}: cel puțin ${countOf(decided.required, 'vot', 'voturi')} pentru).`;
  return {
    isAdopted,
    hasQuorum: quorum.hasQuorum,
    counts,
    required: decided.required,
    voters,
    recused,
    problems,
    message: problems.length > 0 ? problems.join(' ') : decided.message,
    sentence,
  };
}

/** The outcome kept on the stored decision. */
export function recordOutcome(outcome: DecisionOutcome): RecordedOutcome {
  return {
    isAdopted: outcome.isAdopted,
    for: outcome.counts.for,
    against: outcome.counts.against,
    abstentions: outcome.counts.abstentions,
    required: outcome.required,
    sentence: outcome.sentence,
    recused: outcome.recused,
  };
}

export function isAdoptedDecision(decision: Pick<CommissionDecision, 'outcome'>): boolean {
  return decision.outcome?.isAdopted === true;
}

/** "Ana Pop — pentru; Bogdan Rus — împotrivă", the nominal vote for the minutes. */
export function nominalVote(decision: Pick<CommissionDecision, 'votes'>, members: readonly Pick<CommissionMember, 'id' | 'name'>[]): string {
  return decision.votes.map((v) => `${members.find((m) => m.id === v.memberId)?.name ?? v.memberId} — ${VOTES[v.vote]}`).join('; ');
}

/** The ranking as voted: each request's place, status and amount, in order. */
export function rankingKey(ranking: Pick<RankingResult, 'rows'>): string {
  return ranking.rows.map((r) => `${r.requestId}:${r.rank ?? '-'}:${r.status}:${r.allocated}`).join('|');
}
