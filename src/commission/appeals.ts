import { addDeadlineDays, DAY_COUNT_KINDS, formatDayCount, type DayCountKind } from '../calendar/working-days';
import type { HolidayTable } from '../calendar/public-holidays';
import type { Draft, Entity } from '../entity';
import type { Bani } from '../money';
import { nextRegistrationNumber, type RegistrationNumber } from '../requests/registration-number';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
import type { CommissionRules } from './commission';
import { findRecusals, hasSignedDeclaration, type ImpartialityDeclaration, type ManualRecusal, type Recusal, type RequestRef } from './conflicts';
import type { CommissionMember } from './members';
import { checkQuorum, SESSION_KINDS, type CommissionSession } from './session';
import { isAdoptedDecision, type CommissionDecision } from './decisions';

/**
 * Appeals (contestații) against the initial results of a round: registered in a yearly sequence,
 * checked against the appeal deadline, resolved by the commission in a session. A resolution
 * changes scores or amounts only through a new recorded decision (the act that records it).
 */

export type AppealStatus = 'inregistrata' | 'admisa' | 'admisa_partial' | 'respinsa' | 'tardiva' | 'retrasa';

export const APPEAL_STATUSES: Record<AppealStatus, string> = {
  inregistrata: 'Înregistrată',
  admisa: 'Admisă',
  admisa_partial: 'Admisă parțial',
  respinsa: 'Respinsă',
  tardiva: 'Respinsă ca tardivă',
  retrasa: 'Retrasă',
};

/** The statuses that need the commission's resolution. */
const DECIDED_STATUSES: readonly AppealStatus[] = ['admisa', 'admisa_partial', 'respinsa', 'tardiva'];
/** Whether the status is a decision of the commission (which needs a session, a vote and the reasons). */
export function isDecidedStatus(status: AppealStatus): boolean {
  return DECIDED_STATUSES.includes(status);
}
/** The statuses under which scores or amounts may change. */
const ADMITTED_STATUSES: readonly AppealStatus[] = ['admisa', 'admisa_partial'];

/** The commission's resolution of an appeal. */
export interface AppealResolution {
  /** The commission session that resolved the appeal. */
  sessionId: string;
  decidedOn: IsoDate;
  /** The resolution as written in the minutes. */
  decision: string;
  /** The score after the appeal; null or absent when unchanged. */
  revisedScore?: number | null;
  /** The amount after the appeal, in bani; null or absent when unchanged. */
  revisedAmount?: Bani | null;
  /** Number and date of the act that records the new decision (e.g. "PV nr. 4/12.03.2027"); empty until it exists. */
  decisionAct: string;
  /** The commission's decision, with the members' votes, that resolved the appeal (commissionDecisions). */
  decisionId?: string;
}

/** A contestație against the result communicated for one request of a round. */
export interface Appeal extends Entity {
  roundId: string;
  requestId: string;
  organizationId: string;
  /** Yearly sequence of the appeals register: "3/2027". */
  registration: RegistrationNumber;
  /** The day the result was communicated to the applicant (the appeal term starts from it). */
  notifiedOn: IsoDate;
  receivedOn: IsoDate;
  grounds: string;
  status: AppealStatus;
  resolution?: AppealResolution;
}

export type AppealDraft = Draft<Appeal>;

/**
 * Appeal terms are local rules (domain.md §7): parameters of the round, set by the secretary and
 * recorded in the audit log.
 */
export interface AppealRules {
  /** Days to file an appeal, counted from the communication of the result. */
  appealDays: number;
  appealDayKind: DayCountKind;
  /** Days for the commission to resolve an appeal, counted from its registration. */
  resolutionDays: number;
  resolutionDayKind: DayCountKind;
}

// No sourced rule for Cluj-Napoca (domain.md §7): 3 working days to appeal, 5 working days to resolve are defaults to confirm per round.
export const DEFAULT_APPEAL_RULES: Readonly<AppealRules> = {
  appealDays: 3,
  appealDayKind: 'lucratoare',
  resolutionDays: 5,
  resolutionDayKind: 'lucratoare',
};

export const APPEAL_RULES_NOTE =
  'Termene implicite, nu din sursă pentru Cluj-Napoca: 3 zile lucrătoare de la comunicarea rezultatului pentru depunerea contestației ' +
  '(valoare din ghidurile publicate pentru Legea 350/2005; AJPIS Harghita a folosit 2 zile lucrătoare în 2018) și 5 zile lucrătoare ' +
  'de la înregistrare pentru soluționare (aproximativ cât la AJPIS Harghita). Stabiliți-le pe rundă după regulamentul comisiei ' +
  '(HCL 632/2016 pentru Cluj-Napoca; termenele din el nu au fost verificate). Ziua comunicării nu se socotește; ultima zi a termenului se socotește.';

export const APPEAL_RULE_FIELD_LABELS: Record<keyof AppealRules, string> = {
  appealDays: 'Termenul de depunere a contestațiilor',
  appealDayKind: 'Tipul zilelor pentru depunere',
  resolutionDays: 'Termenul de soluționare a contestațiilor',
  resolutionDayKind: 'Tipul zilelor pentru soluționare',
};

const MAX_TERM_DAYS = 60;

/** Checks the appeal terms a secretary sets for a round. */
export function validateAppealRules(rules: AppealRules): FieldErrors<keyof AppealRules> {
  const errors: FieldErrors<keyof AppealRules> = {};
  for (const field of ['appealDays', 'resolutionDays'] as const) {
    const days = rules[field];
    if (!Number.isInteger(days) || days < 1 || days > MAX_TERM_DAYS) errors[field] = `${APPEAL_RULE_FIELD_LABELS[field]} trebuie să fie un număr întreg de zile între 1 și ${MAX_TERM_DAYS}.`;
  }
  for (const field of ['appealDayKind', 'resolutionDayKind'] as const) {
    if (!Object.hasOwn(DAY_COUNT_KINDS, rules[field])) errors[field] = 'Alegeți „zile lucrătoare” sau „zile calendaristice”.';
  }
  return errors;
}

/** The last day on which an appeal against a result communicated on `notificationDate` is timely. */
export function appealDeadline(notificationDate: IsoDate, rules: AppealRules, table: HolidayTable): IsoDate {
  // Round parameter (domain.md §7): N days of the round's kind, the communication day not counted, the last day counted.
  return addDeadlineDays(notificationDate, rules.appealDays, rules.appealDayKind, table);
}

/** The last day for the commission to resolve an appeal registered on `receivedOn`. */
export function resolutionDeadline(receivedOn: IsoDate, rules: AppealRules, table: HolidayTable): IsoDate {
  // Round parameter (domain.md §7): N days of the round's kind from registration, the registration day not counted.
  return addDeadlineDays(receivedOn, rules.resolutionDays, rules.resolutionDayKind, table);
}

export interface AppealTimeliness {
  isTimely: boolean;
  /** The appeal carries a date before the communication of the result: the dates need checking. */
  isBeforeNotification: boolean;
  deadline: IsoDate;
  /** Romanian sentence for the register and the minutes. */
  message: string;
}

/** Whether an appeal received on `receivedOn` was filed within the round's appeal term. */
export function checkAppealTimeliness(receivedOn: IsoDate, notificationDate: IsoDate, rules: AppealRules, table: HolidayTable): AppealTimeliness {
  const deadline = appealDeadline(notificationDate, rules, table);
  const received = formatRoDate(receivedOn);
  const term = `${formatDayCount(rules.appealDays, rules.appealDayKind)} de la comunicare`;
  if (receivedOn < notificationDate) {
    return {
      isTimely: false,
      isBeforeNotification: true,
      deadline,
      message: `Contestația are data depunerii ${received}, înaintea comunicării rezultatului din ${formatRoDate(notificationDate)}: verificați datele.`,
    };
  }
  // Round parameter: an appeal filed on the last day of the term is timely; from the next day it is late.
  const isTimely = receivedOn <= deadline;
  return {
    isTimely,
    isBeforeNotification: false,
    deadline,
    message: isTimely
      ? `Contestația a fost depusă pe ${received}, în termenul care se împlinește la ${formatRoDate(deadline)} (${term}).`
      : `Contestația a fost depusă pe ${received}, după termenul din ${formatRoDate(deadline)} (${term}).`,
  };
}

/**
 * Scores and amounts change only through a new recorded decision: the appeal was admitted (fully
 * or partly), the act recording the decision is entered, and it revises the score or the amount.
 */
export function appealOutcomeChangesRanking(appeal: Pick<Appeal, 'status' | 'resolution'>): boolean {
  const { resolution } = appeal;
  if (!ADMITTED_STATUSES.includes(appeal.status) || !resolution) return false;
  const hasRecordedDecision = resolution.decisionAct.trim() !== '';
  const hasRevision = (resolution.revisedScore ?? null) !== null || (resolution.revisedAmount ?? null) !== null;
  return hasRecordedDecision && hasRevision;
}

/** The next number of the appeals register for `year` (numbers are never reused). */
export function nextAppealRegistration(appeals: readonly Pick<Appeal, 'registration'>[], year: number): RegistrationNumber {
  return nextRegistrationNumber(
    appeals.map((a) => a.registration),
    year,
  );
}

export function emptyAppeal(year: number): AppealDraft {
  return {
    roundId: '',
    requestId: '',
    organizationId: '',
    registration: { year, sequence: 0 },
    notifiedOn: '',
    receivedOn: '',
    grounds: '',
    status: 'inregistrata',
  };
}

export type AppealField =
  | Exclude<keyof AppealDraft, 'resolution'>
  | 'resolution'
  | 'resolution.sessionId'
  | 'resolution.decidedOn'
  | 'resolution.decision'
  | 'resolution.decisionAct'
  | 'resolution.revisedScore'
  | 'resolution.revisedAmount'
  | 'resolution.decisionId';

function validateResolution(input: AppealResolution, status: AppealStatus, receivedOn: IsoDate | undefined, errors: FieldErrors<AppealField>): AppealResolution {
  const value: AppealResolution = {
    sessionId: cleanText(input.sessionId),
    decidedOn: '',
    decision: cleanMultiline(input.decision).trim(),
    decisionAct: cleanText(input.decisionAct),
    revisedScore: input.revisedScore ?? null,
    revisedAmount: input.revisedAmount ?? null,
    ...(cleanText(input.decisionId) ? { decisionId: cleanText(input.decisionId) } : {}),
  };
  if (value.sessionId === '') errors['resolution.sessionId'] = 'Alegeți ședința comisiei care a soluționat contestația.';
  const decided = parseDate(input.decidedOn, 'Data soluționării');
  if (decided.ok) {
    value.decidedOn = decided.value;
    if (receivedOn && decided.value < receivedOn) {
      errors['resolution.decidedOn'] = `Contestația nu poate fi soluționată (${formatRoDate(decided.value)}) înainte de a fi depusă (${formatRoDate(receivedOn)}).`;
    }
  } else errors['resolution.decidedOn'] = decided.message;
  if (value.decision === '') errors['resolution.decision'] = 'Scrieți soluția comisiei, așa cum apare în procesul-verbal.';
  const isAdmitted = ADMITTED_STATUSES.includes(status);
  const score = value.revisedScore;
  if (score !== null && score !== undefined) {
    if (!isAdmitted) errors['resolution.revisedScore'] = 'Doar o contestație admisă sau admisă parțial poate modifica punctajul.';
    else if (!Number.isFinite(score) || score < 0) errors['resolution.revisedScore'] = 'Punctajul revizuit trebuie să fie un număr pozitiv sau zero.';
  }
  const amount = value.revisedAmount;
  if (amount !== null && amount !== undefined) {
    if (!isAdmitted) errors['resolution.revisedAmount'] = 'Doar o contestație admisă sau admisă parțial poate modifica suma.';
    else if (!Number.isSafeInteger(amount) || amount < 0) errors['resolution.revisedAmount'] = 'Suma revizuită trebuie să fie o sumă pozitivă în lei, cu cel mult două zecimale.';
  }
  return value;
}

/** Checks an appeal before it is stored; dates may be typed "zz.ll.aaaa". Messages are Romanian, per field. */
export function validateAppeal(input: AppealDraft): { value: AppealDraft; errors: FieldErrors<AppealField> } {
  const errors: FieldErrors<AppealField> = {};
  const value: AppealDraft = {
    roundId: cleanText(input.roundId),
    requestId: cleanText(input.requestId),
    organizationId: cleanText(input.organizationId),
    registration: { year: input.registration.year, sequence: input.registration.sequence },
    notifiedOn: '',
    receivedOn: '',
    grounds: cleanMultiline(input.grounds).trim(),
    status: input.status,
  };
  if (value.roundId === '') errors.roundId = 'Alegeți runda de finanțare.';
  if (value.requestId === '') errors.requestId = 'Alegeți cererea al cărei rezultat este contestat.';
  if (value.organizationId === '') errors.organizationId = 'Alegeți organizația care a depus contestația.';
  if (!Object.hasOwn(APPEAL_STATUSES, value.status)) errors.status = 'Alegeți starea contestației.';

  const { year, sequence } = value.registration;
  if (!Number.isInteger(sequence) || sequence < 1 || !Number.isInteger(year) || year < 2000 || year > 2100) {
    errors.registration = 'Numărul de înregistrare trebuie să fie de forma „nr./an”, cu un număr pozitiv și un an între 2000 și 2100.';
  }

  const notified = parseDate(input.notifiedOn, 'Data comunicării rezultatului');
  if (notified.ok) value.notifiedOn = notified.value;
  else errors.notifiedOn = notified.message;
  const received = parseDate(input.receivedOn, 'Data depunerii contestației');
  if (received.ok) {
    value.receivedOn = received.value;
    if (notified.ok && received.value < notified.value) {
      errors.receivedOn = `Contestația nu poate fi depusă (${formatRoDate(received.value)}) înaintea comunicării rezultatului (${formatRoDate(notified.value)}).`;
    } else if (!errors.registration && Number(received.value.slice(0, 4)) !== year) {
      errors.registration = `Anul numărului de înregistrare (${year}) diferă de anul depunerii contestației (${received.value.slice(0, 4)}).`;
    }
  } else errors.receivedOn = received.message;

  if (value.grounds === '') errors.grounds = 'Motivele contestației sunt obligatorii.';

  if (input.resolution) {
    if (value.status === 'inregistrata') errors.resolution = 'O contestație doar înregistrată nu are încă o soluție: alegeți soluția comisiei sau ștergeți-o.';
    value.resolution = validateResolution(input.resolution, value.status, received.ok ? received.value : undefined, errors);
  } else if (DECIDED_STATUSES.includes(value.status)) {
    errors.resolution = `Pentru o contestație „${APPEAL_STATUSES[value.status]}” înregistrați soluția comisiei: ședința, data și decizia.`;
  }
  return { value, errors };
}

/**
 * Who is recused from an appeal: every member recused from the request it contests — a declared
 * link with the NGO (automatic) or a recusal the commission recorded at any session of the round.
 */
// Regulă locală (regulamentul comisiei) — conventions.md §5: membrul recuzat pentru o cerere este
// recuzat și la soluționarea contestației privind aceeași cerere.
export function appealRecusals(
  appeal: Pick<Appeal, 'requestId'>,
  members: readonly Pick<CommissionMember, 'id' | 'name' | 'ngoLinks'>[],
  requests: readonly RequestRef[],
  manualRecusals: readonly ManualRecusal[],
): Recusal[] {
  const seen = new Set<string>();
  return findRecusals([appeal.requestId], members, requests, manualRecusals.filter((r) => r.requestId === appeal.requestId)).filter((r) => {
    const key = `${r.memberId}|${r.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether the commission can resolve appeals in `session`: a session of kind "contestatii", with
 * quorum (without the members recused from the appeal) and with the impartiality declarations of
 * the members who sit signed. Returns the problems in Romanian; empty when the session is fit.
 */
// Domain.md §2, §7: contestațiile se soluționează de comisie, în ședință cu cvorum; membrii semnează declarația de imparțialitate.
export function resolutionSessionProblems(
  session: Pick<CommissionSession, 'id' | 'kind' | 'date' | 'attendance'> | undefined,
  members: readonly Pick<CommissionMember, 'id' | 'name' | 'role' | 'isSubstitute' | 'substituteForId' | 'periodFrom' | 'periodTo'>[],
  rules: Pick<CommissionRules, 'quorum'>,
  declarations: readonly Pick<ImpartialityDeclaration, 'memberId' | 'sessionId' | 'signedOn'>[],
  recusals: readonly Pick<Recusal, 'memberId'>[] = [],
): string[] {
  if (!session) return ['Ședința de soluționare nu mai există.'];
  if (session.kind !== 'contestatii') return [`Contestațiile se soluționează într-o „${SESSION_KINDS.contestatii}”, nu într-o „${SESSION_KINDS[session.kind]}”.`];
  const quorum = checkQuorum(session, members, rules.quorum, { excludedMemberIds: new Set(recusals.map((r) => r.memberId)) });
  const problems: string[] = [];
  if (!quorum.hasQuorum) problems.push(`Ședința de soluționare nu are cvorum: ${quorum.message.charAt(0).toLowerCase()}${quorum.message.slice(1)}`);
  const unsigned = quorum.seats.filter((s) => !hasSignedDeclaration(s.sittingMemberId, session.id, declarations));
  if (unsigned.length > 0) {
    const names = unsigned.map((s) => members.find((m) => m.id === s.sittingMemberId)?.name ?? s.sittingMemberId);
    problems.push(`Nu au semnat declarația de imparțialitate și confidențialitate pentru ședința de soluționare: ${names.join(', ')}.`);
  }
  return problems;
}

/**
 * The vote behind a resolution: an adopted decision of kind "solutionare_contestatie" on this
 * appeal, taken in the session the resolution names. Returns the problem, or undefined.
 */
export function resolutionDecisionProblem(
  appealId: string | undefined,
  resolution: Pick<AppealResolution, 'sessionId' | 'decisionId'>,
  decision: Pick<CommissionDecision, 'kind' | 'appealId' | 'sessionId' | 'outcome'> | undefined,
): string | undefined {
  if (!appealId) return 'Înregistrați întâi contestația; soluția se consemnează după votul comisiei asupra ei.';
  if (!resolution.decisionId || !decision) return 'Consemnați votul comisiei asupra contestației (butonul „Consemnează votul”) și alegeți decizia adoptată.';
  if (decision.kind !== 'solutionare_contestatie' || decision.appealId !== appealId) return 'Decizia aleasă nu privește această contestație.';
  if (decision.sessionId !== resolution.sessionId) return 'Decizia aleasă a fost luată în altă ședință decât ședința de soluționare indicată.';
  if (!isAdoptedDecision(decision)) return 'Decizia aleasă nu a fost adoptată prin vot: contestația nu este soluționată prin ea.';
  return undefined;
}

/**
 * The members recused from a decision: for an appeal, those recused from the contested request
 * (appealRecusals); for a decision on one request, those recused from it; none for the round.
 */
export function recusalsForDecision(
  decision: { appealId?: string; requestId?: string; requestIds?: readonly string[] },
  context: {
    appeals: readonly Pick<Appeal, 'id' | 'requestId'>[];
    members: readonly Pick<CommissionMember, 'id' | 'name' | 'ngoLinks'>[];
    requests: readonly RequestRef[];
    manualRecusals: readonly ManualRecusal[];
  },
): Recusal[] {
  const appeal = decision.appealId ? context.appeals.find((a) => a.id === decision.appealId) : undefined;
  const requestIds = [...new Set([appeal?.requestId ?? decision.requestId, ...(decision.requestIds ?? [])].filter((id): id is string => !!id))];
  // A member recused from any of the tied requests does not vote on their order.
  const seen = new Set<string>();
  return requestIds
    .flatMap((requestId) => appealRecusals({ requestId }, context.members, context.requests, context.manualRecusals))
    .filter((r) => (seen.has(r.memberId) ? false : (seen.add(r.memberId), true)));
}
