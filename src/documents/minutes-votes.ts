import { DECISION_KINDS, isDecisionKind, nominalVote, type CommissionDecision } from '../commission/decisions';
import type { SessionKind } from '../commission/session';
import { quoted } from '../commission/wording';
import { formatRegistrationNumber } from '../requests/registration-number';
import { formatRoDate } from '../validation/dates';
import type { RoundResultsContext } from './round-results-context';

// What the minutes say about each decision of the commission: what was put to the vote, the
// outcome recorded with the decision, and how each member voted.

/** "Votul: Decizia a fost adoptată cu 3 voturi pentru, …; vot nominal: Ana Pop — pentru; …". */
export function voteStatement(decision: CommissionDecision, ctx: Pick<RoundResultsContext, 'members'>): string {
  const nominal = nominalVote(decision, ctx.members);
  const sentence = decision.outcome?.sentence ?? 'Rezultatul votului nu este consemnat.';
  return `${sentence}${nominal ? ` Vot nominal: ${nominal}.` : ''}`;
}

/** One sentence per decision taken at sessions of `kind`, in session order; a note when none is recorded. */
export function decisionStatements(ctx: Pick<RoundResultsContext, 'members' | 'sessions' | 'requests' | 'appeals' | 'decisions'>, kind: SessionKind): string[] {
  if (!ctx.decisions) return ['Voturile membrilor nu sunt consemnate în aplicație; se consemnează în procesul-verbal semnat.'];
  const sessions = new Map(ctx.sessions.filter((s) => s.kind === kind).map((s) => [s.id, s]));
  const decisions = ctx.decisions
    .filter((d) => sessions.has(d.sessionId))
    .sort((a, b) => (sessions.get(a.sessionId)!.date + a.createdAt).localeCompare(sessions.get(b.sessionId)!.date + b.createdAt));
  if (decisions.length === 0) return ['Nu este consemnată nicio decizie adoptată prin vot.'];
  return decisions.map((d) => {
    const session = sessions.get(d.sessionId)!;
    const appeal = d.appealId ? ctx.appeals.find((a) => a.id === d.appealId) : undefined;
    const request = d.requestId ? ctx.requests.find((r) => r.id === d.requestId) : undefined;
    const subject = appeal ? ` — contestația nr. ${formatRegistrationNumber(appeal.registration)}` : request ? ` — cererea nr. ${request.label} (${request.organizationName})` : '';
    const what = isDecisionKind(d.kind) ? DECISION_KINDS[d.kind] : d.kind;
    return `${what}${subject}, în ședința din ${formatRoDate(session.date)}: ${quoted(d.text.replace(/\.$/, ''))}. ${voteStatement(d, ctx)}`;
  });
}
