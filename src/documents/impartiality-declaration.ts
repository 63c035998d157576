import type { Commission } from '../commission/commission';
import type { FundingRound } from '../rounds/funding-round';
import type { InstitutionSettings } from '../settings/institution';
import { quoted } from '../commission/wording';
import { formatRoDate } from '../validation/dates';
import { documentHeader, type DocumentHeader, type Signature } from './document-header';
import {
  describeSession, LAW_BENEFIT_GENITIVE, LAW_GENITIVE, LAW_REQUESTS, memberRolePhrase, ofTheCommission, type MemberForDocuments, type SessionForDocuments,
} from './member-documents';

export interface DeclarationAgendaRow {
  number: number;
  label: string;
  organizationName: string;
  /** "conflict de interese — mă retrag" for a request the member withdraws from, else empty. */
  note: string;
}

/**
 * "Declarație de imparțialitate și confidențialitate": what each member of the commission signs
 * for a session before scoring (domain.md §3, §6), with the applicants on the agenda.
 */
export interface ImpartialityDeclarationDocument {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  /** "Subsemnatul(a) …, în calitate de …, participant(ă) la …," */
  intro: string;
  /** "… declar pe propria răspundere că:" */
  lead: string;
  /** The commitments, in order (printed as a), b), c)…). */
  commitments: string[];
  agendaHeading: string;
  agenda: DeclarationAgendaRow[];
  date: string;
  signer: Signature;
}

export const RECUSED_NOTE = 'conflict de interese — mă retrag';

export function buildImpartialityDeclaration(input: {
  institution: InstitutionSettings;
  commission: Pick<Commission, 'name'>;
  member: MemberForDocuments;
  session: SessionForDocuments;
  round: Pick<FundingRound, 'name' | 'law'>;
  /**
   * The requests on the session's agenda, in agenda order. `isRecused` marks those the member is
   * linked to (findRecusals): the declaration then says so instead of denying any conflict.
   */
  requests: readonly { label: string; organizationName: string; isRecused?: boolean }[];
}): ImpartialityDeclarationDocument {
  const { member, session, round } = input;
  const hasRecusals = input.requests.some((r) => r.isRecused);
  const appointment = [member.appointmentAct, member.appointmentDate ? `din ${formatRoDate(member.appointmentDate)}` : ''].filter(Boolean).join(' ');
  const applicants = hasRecusals
    ? 'față de solicitanții enumerați mai jos, cu excepția celor marcați „' + RECUSED_NOTE + '”, nu mă aflu în situație de conflict de interese'
    : 'nu mă aflu în situație de conflict de interese față de niciunul dintre solicitanții enumerați mai jos';
  return {
    header: documentHeader(input.institution),
    title: 'DECLARAȚIE DE IMPARȚIALITATE ȘI CONFIDENȚIALITATE',
    subtitle: `${input.commission.name} — ședința din ${formatRoDate(session.date)}`,
    intro:
      `Subsemnatul(a) ${member.name}, reprezentând ${member.institution}, în calitate de ${memberRolePhrase(member)} ${ofTheCommission(input.commission.name)}` +
      `${appointment ? `, numit(ă) prin ${appointment}` : ''}, participant(ă) la ${describeSession(session)}, în care se analizează ` +
      `${LAW_REQUESTS[round.law]} depuse în cadrul rundei ${quoted(round.name)}, potrivit ${LAW_GENITIVE[round.law]},`,
    lead: 'cunoscând că falsul în declarații se pedepsește potrivit legii penale, declar pe propria răspundere că:',
    commitments: [
      `${applicants}: nu sunt fondator, membru în consiliul director sau în alt organ de conducere ori de administrare, angajat sau colaborator al vreunuia dintre aceștia; ` +
        'nu sunt soț sau soție, rudă sau afin până la gradul al doilea inclusiv al reprezentanților lor legali sau ai persoanelor din conducerea lor; ' +
        `nu am, direct sau indirect, niciun interes financiar sau de altă natură în acordarea ${LAW_BENEFIT_GENITIVE[round.law]} vreunuia dintre ei;`,
      'îmi voi îndeplini atribuțiile în comisie cu imparțialitate, obiectivitate și bună-credință, evaluând fiecare cerere numai după criteriile grilei de evaluare aprobate;',
      'voi păstra confidențialitatea informațiilor, a documentelor și a deliberărilor de care iau cunoștință în cadrul comisiei, nu le voi divulga și nu le voi folosi în alt scop decât lucrările comisiei, cu excepția celor care se fac publice potrivit legii;',
      'dacă pe parcursul lucrărilor comisiei constat că mă aflu în situație de conflict de interese față de un solicitant, o voi declara de îndată președintelui comisiei, pentru a fi consemnată în procesul-verbal, și mă voi retrage de la evaluarea cererii respective și de la votul asupra ei, potrivit regulamentului comisiei.',
    ],
    agendaHeading: 'Solicitanții ale căror cereri se află pe ordinea de zi a ședinței:',
    agenda: input.requests.map((r, i) => ({ number: i + 1, label: r.label, organizationName: r.organizationName, note: r.isRecused ? RECUSED_NOTE : '' })),
    date: formatRoDate(session.date),
    signer: { title: `${memberRolePhrase(member).replace(/^./u, (c) => c.toUpperCase())} al comisiei`, name: member.name },
  };
}
