import { hasSignedDeclaration } from '../commission/conflicts';
import { hasVotingRole } from '../commission/members';
import { describeQuorumRule } from '../commission/commission';
import { checkQuorum, SESSION_KINDS, type CommissionSession } from '../commission/session';
import { formatRoDate } from '../validation/dates';
import { inSigningOrder, memberCapacity, type ContextIndex, type RoundResultsContext } from './round-results-context';

// What the minutes of the evaluation and of the appeals say about each sitting: when and where,
// who came (substitutes with the member they replace), quorum, the impartiality declarations.

/** One line of the attendance list. */
export interface AttendanceLine {
  name: string;
  capacity: string;
  institution: string;
  /** "prezent", "absent", "prezent — supleant pentru …". */
  presence: string;
}

export interface MinutesSession {
  heading: string;
  /** "Data: 25.11.2026, ora 10:00. Locul: …". */
  details: string;
  attendance: AttendanceLine[];
  hasQuorum: boolean;
  /** checkQuorum's message, and, without quorum, that no decision could be adopted. */
  quorum: string[];
  /** Who signed the impartiality and confidentiality declaration, who did not. */
  declarations: string[];
}


function attendanceLines(session: CommissionSession, ctx: RoundResultsContext, index: ContextIndex): AttendanceLine[] {
  const lines: AttendanceLine[] = [];
  for (const m of inSigningOrder(ctx.members)) {
    const entry = session.attendance[m.id];
    // Substitutes appear only when they came: an absent substitute is not an absent member.
    if (m.isSubstitute && !entry?.isPresent) continue;
    const replaces = entry?.replacesMemberId ?? m.substituteForId;
    const titular = m.isSubstitute ? index.memberById.get(replaces ?? '') : undefined;
    const presence = !entry?.isPresent
      ? 'absent'
      : titular && !session.attendance[titular.id]?.isPresent
        ? `prezent — supleant pentru ${titular.name}`
        : 'prezent';
    lines.push({ name: m.name, capacity: memberCapacity(m, index.memberById, replaces), institution: m.institution, presence });
  }
  return lines;
}

function declarationSentences(session: CommissionSession, ctx: RoundResultsContext): string[] {
  const present = ctx.members.filter((m) => session.attendance[m.id]?.isPresent && hasVotingRole(m));
  if (present.length === 0) return [];
  if (!ctx.declarations) return ['Declarațiile de imparțialitate și confidențialitate ale membrilor nu sunt înregistrate în aplicație; se anexează în original.'];
  const signed = present.filter((m) => hasSignedDeclaration(m.id, session.id, ctx.declarations!));
  const missing = present.filter((m) => !signed.includes(m));
  const sentences: string[] = [];
  if (signed.length > 0) {
    const list = signed.map((m) => {
      const on = ctx.declarations!.find((d) => d.memberId === m.id && d.sessionId === session.id && d.signedOn)?.signedOn;
      return `${m.name} (${formatRoDate(on)})`;
    });
    sentences.push(`Au semnat declarația de imparțialitate și confidențialitate: ${list.join(', ')}. Declarațiile se anexează la prezentul proces-verbal.`);
  }
  if (missing.length > 0)
    sentences.push(`Nu au semnat declarația de imparțialitate și confidențialitate: ${missing.map((m) => m.name).join(', ')}; ${missing.length === 1 ? 'acesta nu a putut' : 'aceștia nu au putut'} ${session.kind === 'evaluare' ? 'puncta cererile' : 'participa la soluționarea contestațiilor'}.`);
  return sentences;
}

/** A session of the commission as the minutes describe it. */
export function sessionBlock(session: CommissionSession, ctx: RoundResultsContext, index: ContextIndex): MinutesSession {
  const quorum = checkQuorum(session, ctx.members, ctx.results.rules.quorum);
  return {
    heading: `${SESSION_KINDS[session.kind]} din ${formatRoDate(session.date)}`,
    details: `Data: ${formatRoDate(session.date)}, ora ${session.time}. Locul: ${session.place}.`,
    attendance: attendanceLines(session, ctx, index),
    hasQuorum: quorum.hasQuorum,
    quorum: [
      `Regula de cvorum: ${describeQuorumRule(ctx.results.rules.quorum)}. ${quorum.message}`,
      ...(quorum.hasQuorum ? [] : ['Întrucât cvorumul nu este întrunit, în această ședință comisia nu a putut adopta nicio decizie.']),
    ],
    declarations: declarationSentences(session, ctx),
  };
}

