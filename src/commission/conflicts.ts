import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { formatRoDate, parseOptionalDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';
import { hasVotingRole, isMemberActiveOn, type CommissionMember, type NgoLinkKind } from './members';
import { sittingMembers, type CommissionSession } from './session';
import { quoted } from './wording';

/**
 * The impartiality and confidentiality declaration a member signs for a session (domain.md §6;
 * for Law 350/2005 it is annex 10 of the Cluj-Napoca regulation, domain.md §3).
 */
export interface ImpartialityDeclaration extends Entity {
  sessionId: string;
  memberId: string;
  /** null: not signed (yet). */
  signedOn: IsoDate | null;
  notes: string;
}

export type ImpartialityDeclarationDraft = Draft<ImpartialityDeclaration>;
export type ImpartialityDeclarationField = keyof ImpartialityDeclarationDraft;

export function emptyImpartialityDeclaration(sessionId = '', memberId = ''): ImpartialityDeclarationDraft {
  return { sessionId, memberId, signedOn: null, notes: '' };
}

export function validateImpartialityDeclaration(input: ImpartialityDeclarationDraft): {
  value: ImpartialityDeclarationDraft;
  errors: FieldErrors<ImpartialityDeclarationField>;
} {
  const value = pickFields(input, emptyImpartialityDeclaration());
  const errors: FieldErrors<ImpartialityDeclarationField> = {};
  value.sessionId = cleanText(input.sessionId);
  value.memberId = cleanText(input.memberId);
  value.notes = cleanMultiline(input.notes);
  if (value.sessionId === '') errors.sessionId = 'Alegeți ședința.';
  if (value.memberId === '') errors.memberId = 'Alegeți membrul comisiei.';
  const signed = parseOptionalDate(input.signedOn, 'Data semnării declarației');
  if (signed.ok) value.signedOn = signed.value ?? null;
  else errors.signedOn = signed.message;
  return { value, errors };
}

export function hasSignedDeclaration(
  memberId: string,
  sessionId: string,
  declarations: readonly Pick<ImpartialityDeclaration, 'memberId' | 'sessionId' | 'signedOn'>[],
): boolean {
  return declarations.some((d) => d.memberId === memberId && d.sessionId === sessionId && !!d.signedOn);
}

/** A recusal the commission records by hand (a link not in the member's declared links). */
export interface ManualRecusal {
  memberId: string;
  requestId: string;
  reason: string;
}

export function validateManualRecusal(input: ManualRecusal): { value: ManualRecusal; errors: FieldErrors<keyof ManualRecusal> } {
  const value: ManualRecusal = { memberId: cleanText(input.memberId), requestId: cleanText(input.requestId), reason: cleanMultiline(input.reason) };
  const errors: FieldErrors<keyof ManualRecusal> = {};
  if (value.memberId === '') errors.memberId = 'Alegeți membrul comisiei.';
  if (value.requestId === '') errors.requestId = 'Alegeți cererea.';
  if (value.reason.length < 3) errors.reason = 'Motivul recuzării este obligatoriu și se consemnează în procesul-verbal.';
  return { value, errors };
}

export type RecusalKind = 'automata' | 'manuala';
export const RECUSAL_KINDS: Record<RecusalKind, string> = { automata: 'Automată (legătură declarată cu ONG-ul)', manuala: 'Consemnată de comisie' };

export interface Recusal {
  memberId: string;
  requestId: string;
  kind: RecusalKind;
  /** Romanian, for the minutes: "Ion Pop are calitatea de fondator al organizației „Asociația Șansa”." */
  reason: string;
}

/** A request on the agenda, with the NGO that filed it. */
export interface RequestRef {
  id: string;
  organizationId: string;
  organizationName: string;
}

const LINK_PHRASES: Record<NgoLinkKind, string> = {
  fondator: 'are calitatea de fondator al organizației',
  membru_consiliu: 'are calitatea de membru în consiliul director al organizației',
  angajat: 'are calitatea de angajat al organizației',
  ruda_reprezentant: 'este rudă a unui reprezentant al organizației',
};

/**
 * Who is recused from which request on the agenda. Automatic: any declared link of the member with
 * the NGO that filed the request; manual: what the commission recorded, with its reason.
 */
// Regulă locală (regulamentul comisiei) — conventions.md §5: membrul aflat în conflict de interese
// este blocat pentru cererea respectivă, nu doar avertizat; recuzarea se consemnează în procesul-verbal.
export function findRecusals(
  agenda: readonly string[],
  members: readonly Pick<CommissionMember, 'id' | 'name' | 'ngoLinks'>[],
  requests: readonly RequestRef[],
  manualRecusals: readonly ManualRecusal[] = [],
): Recusal[] {
  const requestById = new Map(requests.map((r) => [r.id, r]));
  const onAgenda = new Set(agenda);
  const result: Recusal[] = [];
  for (const requestId of agenda) {
    const request = requestById.get(requestId);
    if (!request) continue;
    for (const member of members) {
      const links = member.ngoLinks.filter((l) => l.organizationId === request.organizationId);
      if (links.length === 0) continue;
      const phrases = links.map((l) => `${LINK_PHRASES[l.kind]} ${quoted(request.organizationName)}${l.note ? ` (${l.note})` : ''}`);
      result.push({ memberId: member.id, requestId, kind: 'automata', reason: `${member.name} ${phrases.join('; ')}.` });
    }
  }
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const manual of manualRecusals) {
    if (!onAgenda.has(manual.requestId)) continue;
    const name = names.get(manual.memberId) ?? 'Membrul';
    const reason = cleanMultiline(manual.reason).replace(/\.$/, '');
    result.push({
      memberId: manual.memberId,
      requestId: manual.requestId,
      kind: 'manuala',
      reason: `Recuzare consemnată de comisie pentru ${name}: ${reason}.`,
    });
  }
  return result;
}

export function isRecused(memberId: string, requestId: string, recusals: readonly Pick<Recusal, 'memberId' | 'requestId'>[]): boolean {
  return recusals.some((r) => r.memberId === memberId && r.requestId === requestId);
}

export interface ScoringPermissionContext {
  session: Pick<CommissionSession, 'id' | 'date' | 'agenda' | 'attendance'>;
  members: readonly Pick<CommissionMember, 'id' | 'name' | 'role' | 'isSubstitute' | 'substituteForId' | 'periodFrom' | 'periodTo'>[];
  declarations: readonly Pick<ImpartialityDeclaration, 'memberId' | 'sessionId' | 'signedOn'>[];
  recusals: readonly Recusal[];
}

/**
 * Whether a member may score a request at the session, and if not why. Blocks the secretary, a
 * member outside their mandate, a request not on the agenda, a member not sitting (absent, or a
 * substitute whose titular is present), a member without a signed declaration for the session
 * and a recused member.
 */
export function canScore(memberId: string, requestId: string, context: ScoringPermissionContext): { isAllowed: boolean; reason: string } {
  const { session } = context;
  const member = context.members.find((m) => m.id === memberId);
  const refuse = (reason: string) => ({ isAllowed: false, reason });
  if (!member) return refuse('Persoana nu este membră a comisiei.');
  // Regulă locală — domain.md §1: secretarul comisiei ține evidența, nu punctează.
  if (!hasVotingRole(member)) return refuse(`${member.name} are calitatea de secretar al comisiei și nu punctează.`);
  if (!isMemberActiveOn(member, session.date)) return refuse(`${member.name}: mandatul nu este în vigoare la ${formatRoDate(session.date)}.`);
  if (!session.agenda.includes(requestId)) return refuse('Cererea nu este pe ordinea de zi a ședinței.');
  const { seats } = sittingMembers(session, context.members);
  if (!seats.some((s) => s.sittingMemberId === memberId)) {
    return refuse(
      session.attendance[memberId]?.isPresent && member.isSubstitute
        ? `${member.name} are calitatea de supleant și nu ține locul unui membru titular absent.`
        : `${member.name} lipsește de la ședință.`,
    );
  }
  // Domain.md §3, §6: fiecare membru semnează declarația de imparțialitate și confidențialitate.
  if (!hasSignedDeclaration(memberId, session.id, context.declarations)) {
    return refuse(`${member.name} nu a semnat declarația de imparțialitate și confidențialitate pentru această ședință.`);
  }
  const recusal = context.recusals.find((r) => r.memberId === memberId && r.requestId === requestId);
  if (recusal) return refuse(`Recuzat: ${recusal.reason}`);
  return { isAllowed: true, reason: `${member.name} poate puncta cererea.` };
}
