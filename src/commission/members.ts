import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { parseDate, parseOptionalDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';

/** A member's role in the commission. The secretary keeps the record and does not score or vote. */
export type MemberRole = 'presedinte' | 'membru' | 'secretar';
export const MEMBER_ROLES: Record<MemberRole, string> = {
  presedinte: 'Președinte',
  membru: 'Membru',
  secretar: 'Secretar (fără drept de vot)',
};

/** How a member is linked to an NGO; any link recuses the member from that NGO's requests. */
export type NgoLinkKind = 'fondator' | 'membru_consiliu' | 'angajat' | 'ruda_reprezentant';
export const NGO_LINK_KINDS: Record<NgoLinkKind, string> = {
  fondator: 'Fondator',
  membru_consiliu: 'Membru în consiliul director',
  angajat: 'Angajat',
  ruda_reprezentant: 'Rudă a unui reprezentant',
};

export interface NgoLink {
  organizationId: string;
  kind: NgoLinkKind;
  /** Free text, e.g. "soția președintelui asociației". */
  note: string;
}

/**
 * A member of the evaluation and selection commission (Law 34/1998) or of the analysis and
 * selection commission (Law 350/2005), appointed by an act for a period. A substitute (supleant)
 * sits only in place of an absent titular member.
 */
export interface CommissionMember extends Entity {
  commissionId: string;
  name: string;
  role: MemberRole;
  /** The institution the member represents, e.g. "Consiliul Local Cluj-Napoca", "DASM". */
  institution: string;
  isSubstitute: boolean;
  /** The titular member this substitute stands for, when the appointment act names one. */
  substituteForId?: string;
  /** E.g. "Dispoziția Primarului nr. 1234". */
  appointmentAct: string;
  appointmentDate: IsoDate;
  periodFrom: IsoDate;
  /** Last day of the mandate; absent = until replaced. */
  periodTo?: IsoDate;
  ngoLinks: NgoLink[];
  notes: string;
}

export type CommissionMemberDraft = Draft<CommissionMember>;
export type CommissionMemberField = keyof CommissionMemberDraft;

export const COMMISSION_MEMBER_FIELD_LABELS: Record<CommissionMemberField, string> = {
  commissionId: 'Comisia',
  name: 'Numele și prenumele',
  role: 'Calitatea în comisie',
  institution: 'Instituția reprezentată',
  isSubstitute: 'Membru supleant',
  substituteForId: 'Supleant pentru',
  appointmentAct: 'Actul de numire',
  appointmentDate: 'Data actului de numire',
  periodFrom: 'Mandat de la',
  periodTo: 'Mandat până la',
  ngoLinks: 'Legături cu ONG-uri',
  notes: 'Observații',
};

export function emptyCommissionMember(commissionId = ''): CommissionMemberDraft {
  return {
    commissionId,
    name: '',
    role: 'membru',
    institution: '',
    isSubstitute: false,
    substituteForId: undefined,
    appointmentAct: '',
    appointmentDate: '',
    periodFrom: '',
    periodTo: undefined,
    ngoLinks: [],
    notes: '',
  };
}

/**
 * Validates a member. `context.members` (the other members of the commission) and `context.id`
 * (the member's own id, when editing) let the substitute link be checked.
 */
export function validateCommissionMember(
  input: CommissionMemberDraft,
  context: { id?: string; members?: readonly Pick<CommissionMember, 'id' | 'name' | 'isSubstitute' | 'role'>[] } = {},
): { value: CommissionMemberDraft; errors: FieldErrors<CommissionMemberField> } {
  const value = pickFields(input, emptyCommissionMember());
  const errors: FieldErrors<CommissionMemberField> = {};
  value.commissionId = cleanText(input.commissionId);
  value.name = cleanText(input.name);
  value.institution = cleanText(input.institution);
  value.appointmentAct = cleanText(input.appointmentAct);
  value.notes = cleanMultiline(input.notes);
  value.isSubstitute = input.isSubstitute === true;
  value.substituteForId = cleanText(input.substituteForId) || undefined;

  if (value.commissionId === '') errors.commissionId = 'Alegeți comisia.';
  if (value.name.length < 3) errors.name = 'Numele membrului este obligatoriu.';
  if (!Object.hasOwn(MEMBER_ROLES, value.role)) errors.role = 'Alegeți calitatea în comisie.';
  if (value.institution === '') errors.institution = 'Instituția reprezentată este obligatorie.';
  if (value.appointmentAct.length < 3) errors.appointmentAct = 'Actul de numire este obligatoriu (de exemplu „Dispoziția Primarului nr. 1234”).';

  if (value.substituteForId) {
    const titular = context.members?.find((m) => m.id === value.substituteForId);
    if (!value.isSubstitute) errors.substituteForId = 'Doar un membru supleant poate fi desemnat pentru un titular.';
    else if (context.id && value.substituteForId === context.id) errors.substituteForId = 'Un membru nu poate fi supleant pentru el însuși.';
    else if (context.members && !titular) errors.substituteForId = 'Membrul titular ales nu există în comisie.';
    else if (titular?.isSubstitute) errors.substituteForId = `${titular.name} are la rândul său calitatea de supleant; alegeți un membru titular.`;
    else if (titular && titular.role === 'secretar' && value.role !== 'secretar')
      errors.substituteForId = 'Supleantul secretarului trebuie să aibă tot calitatea de secretar.';
  }

  const appointed = parseDate(input.appointmentDate, 'Data actului de numire');
  if (appointed.ok) value.appointmentDate = appointed.value;
  else errors.appointmentDate = appointed.message;
  const from = parseDate(input.periodFrom, 'Începutul mandatului');
  if (from.ok) value.periodFrom = from.value;
  else errors.periodFrom = from.message;
  const to = parseOptionalDate(input.periodTo, 'Sfârșitul mandatului');
  if (to.ok) value.periodTo = to.value;
  else errors.periodTo = to.message;
  if (from.ok && to.ok && to.value && to.value < from.value) errors.periodTo = 'Sfârșitul mandatului nu poate fi înaintea începutului.';

  const links: NgoLink[] = [];
  const seen = new Set<string>();
  for (const link of input.ngoLinks ?? []) {
    const organizationId = cleanText(link.organizationId);
    if (organizationId === '') {
      errors.ngoLinks = 'Alegeți ONG-ul pentru fiecare legătură declarată.';
      continue;
    }
    if (!Object.hasOwn(NGO_LINK_KINDS, link.kind)) {
      errors.ngoLinks = 'Alegeți felul fiecărei legături cu un ONG.';
      continue;
    }
    const key = `${organizationId}|${link.kind}`;
    if (seen.has(key)) {
      errors.ngoLinks = 'Aceeași legătură cu același ONG este declarată de două ori.';
      continue;
    }
    seen.add(key);
    links.push({ organizationId, kind: link.kind, note: cleanText(link.note) });
  }
  value.ngoLinks = links;
  return { value, errors };
}

// Regulă locală (actul de numire): membrul lucrează în comisie doar în perioada mandatului, capetele incluse.
export function isMemberActiveOn(member: Pick<CommissionMember, 'periodFrom' | 'periodTo'>, date: IsoDate): boolean {
  return member.periodFrom <= date && (!member.periodTo || date <= member.periodTo);
}

/** The member may score and vote: president or member; the secretary never does. */
export function hasVotingRole(member: Pick<CommissionMember, 'role'>): boolean {
  return member.role !== 'secretar';
}

/**
 * The seats with voting rights on `date`: titular presidents and members whose mandate is in force.
 * Substitutes are not seats of their own: they vote only in place of an absent titular (see
 * sittingMembers in session.ts).
 */
export function votingMembers<M extends Pick<CommissionMember, 'role' | 'isSubstitute' | 'periodFrom' | 'periodTo'>>(
  members: readonly M[],
  date: IsoDate,
): M[] {
  return members.filter((m) => hasVotingRole(m) && !m.isSubstitute && isMemberActiveOn(m, date));
}
