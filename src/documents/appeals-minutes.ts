import type { RegistryMark } from './issued-document';
import {
  appealOutcomeChangesRanking, checkAppealTimeliness, resolutionDeadline, type Appeal, type AppealStatus,
} from '../commission/appeals';
import { describeDecisionRule } from '../commission/commission';
import { ALLOCATION_STATUSES, type RankingResult, type RankingRow } from '../commission/ranking';
import { rankRound } from '../commission/round-evaluation';
import { countOf } from '../commission/wording';
import { formatDecimal, formatLei } from '../money';
import { formatRegistrationNumber } from '../requests/registration-number';
import { formatDayCount } from '../calendar/working-days';
import { formatRoDate } from '../validation/dates';
import { documentHeader, type DocumentHeader, type Signature } from './document-header';
import { sessionBlock, type MinutesSession } from './minutes-sessions';
import { voteStatement } from './minutes-votes';
import { holidaysOf, indexContext, presentSignatures, roundTitle, sessionsOfKind, type RoundResultsContext } from './round-results-context';

/** The commission's decision on an appeal, as the minutes name it. */
export const APPEAL_DECISIONS: Record<AppealStatus, string> = {
  admisa: 'admisă',
  admisa_partial: 'admisă parțial',
  respinsa: 'respinsă',
  tardiva: 'respinsă ca tardivă',
  retrasa: 'retrasă de contestatar',
  inregistrata: 'nesoluționată',
};

export interface AppealEntry {
  appealId: string;
  heading: string;
  decision: string;
  /** Label and value, printed as a two-column table. */
  fields: [string, string][];
  /** Inconsistencies the secretary must look at (e.g. a timely appeal recorded as late). */
  checks: string[];
}

/** "Proces-verbal de soluționare a contestațiilor" of a round. */
export interface AppealsMinutes extends RegistryMark {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  date: string;
  intro: string[];
  sessions: MinutesSession[];
  hasQuorum: boolean;
  appeals: AppealEntry[];
  /** What changes in the ranking, each change with the act that records it. */
  changes: string[];
  finalStatement: string[];
  closing: string;
  signatures: Signature[];
}

const points = (n: number) => formatDecimal(n);

/** "finanțată, 40.000,00 lei", "sub pragul de punctaj". */
function describeRow(row: Pick<RankingRow, 'status' | 'allocated'>): string {
  const status = ALLOCATION_STATUSES[row.status].toLowerCase();
  return row.allocated > 0 ? `${status}, ${formatLei(row.allocated)}` : status;
}

/**
 * The ranking as communicated, before any appeal: the same entries computeRoundResults ranks,
 * without the appeals' revised scores and amounts, so the minutes can say what an admitted
 * appeal changed for the other requests too.
 */
export function rankingBeforeAppeals(ctx: RoundResultsContext): RankingResult {
  return rankRound({
    requests: ctx.requests,
    aggregation: ctx.results.aggregation,
    appealChanges: new Map(),
    grid: ctx.grid,
    budget: ctx.results.ranking.totals.budget,
    rules: ctx.results.rules,
    tieDecisions: ctx.evaluation.tieDecisions,
  });
}

/** The minutes of the session(s) where the commission resolved the round's appeals. */
export function buildAppealsMinutes(ctx: RoundResultsContext): AppealsMinutes {
  const index = indexContext(ctx);
  const holidays = holidaysOf(ctx);
  const rules = ctx.evaluation.appealRules;
  const sessions = sessionsOfKind(ctx, 'contestatii');
  const sessionById = new Map(ctx.sessions.map((s) => [s.id, s]));
  const blocks = sessions.map((s) => sessionBlock(s, ctx, index));
  const lastSession = sessions.at(-1);
  const hasQuorum = blocks.at(-1)?.hasQuorum ?? false;
  const before = new Map(
    (ctx.results.appealChanges.size > 0 ? rankingBeforeAppeals(ctx) : ctx.results.ranking).rows.map((r) => [r.requestId, r]),
  );
  const appeals = [...ctx.appeals].sort((a, b) => a.registration.year - b.registration.year || a.registration.sequence - b.registration.sequence);

  const entries: AppealEntry[] = appeals.map((appeal: Appeal) => {
    const request = index.requestById.get(appeal.requestId);
    const scores = index.scoresById.get(appeal.requestId);
    const row = index.rowById.get(appeal.requestId);
    const organization = request?.organization.name ?? appeal.organizationId;
    const number = formatRegistrationNumber(appeal.registration);
    const timeliness = checkAppealTimeliness(appeal.receivedOn, appeal.notifiedOn, rules, holidays);
    const resolution = appeal.resolution;
    const checks: string[] = [];
    if (appeal.status === 'tardiva' && timeliness.isTimely) checks.push('Contestația figurează depusă în termen, dar soluția consemnată este „respinsă ca tardivă”: verificați datele.');
    if ((appeal.status === 'admisa' || appeal.status === 'admisa_partial' || appeal.status === 'respinsa') && !timeliness.isTimely && !timeliness.isBeforeNotification)
      checks.push('Contestația a fost depusă după termen, dar a fost soluționată pe fond: verificați soluția.');
    if (timeliness.isBeforeNotification) checks.push(timeliness.message);
    const fields: [string, string][] = [
      ['Număr și dată de înregistrare', `nr. ${number} din ${formatRoDate(appeal.receivedOn)}`],
      ['Contestatar', `${organization}${request?.organization.cui ? ` (CUI ${request.organization.cui})` : ''}`],
      ['Cererea contestată', request ? `nr. ${request.label} din ${formatRoDate(request.registeredOn)}` : appeal.requestId],
      ['Rezultatul comunicat', `${formatRoDate(appeal.notifiedOn)}${before.get(appeal.requestId) ? `; ${describeRow(before.get(appeal.requestId)!)}` : ''}`],
      ['Motivele contestației', appeal.grounds],
      ['Termenul de depunere', timeliness.message],
    ];
    if (resolution) {
      const session = sessionById.get(resolution.sessionId);
      const due = resolutionDeadline(appeal.receivedOn, rules, holidays);
      fields.push(
        [
          'Soluționată',
          `${session ? `în ședința din ${formatRoDate(session.date)}, ` : ''}${session?.date === resolution.decidedOn ? '' : `la ${formatRoDate(resolution.decidedOn)}, `}` +
            `${resolution.decidedOn <= due ? 'în' : 'după'} termenul de soluționare de ${formatDayCount(rules.resolutionDays, rules.resolutionDayKind)} (${formatRoDate(due)})`,
        ],
        ['Soluția comisiei', APPEAL_DECISIONS[appeal.status]],
        ['Motivarea', resolution.decision],
      );
      // A member recused from the request is recused from its appeal too (appealRecusals).
      const recused = ctx.results.recusals.filter((r) => r.requestId === appeal.requestId);
      if (recused.length > 0) fields.push(['Membri recuzați, care nu au votat', recused.map((r) => r.reason).join(' ')]);
      if (ctx.decisions) {
        const decision = ctx.decisions.find((d) => d.id === resolution.decisionId);
        fields.push(['Votul comisiei', decision ? voteStatement(decision, ctx) : 'Votul comisiei asupra contestației nu este consemnat.']);
      }
      if (appeal.status === 'admisa' || appeal.status === 'admisa_partial') {
        const score = resolution.revisedScore ?? null;
        const amount = resolution.revisedAmount ?? null;
        fields.push(
          ['Punctajul revizuit', score === null ? 'nemodificat' : `${points(score)} puncte${scores ? ` (anterior ${points(scores.meanTotal)})` : ''}`],
          ['Suma revizuită', amount === null ? 'nemodificată' : `${formatLei(amount)}${request && request.computedSubsidy !== null ? ` (subvenția calculată anterior: ${formatLei(request.computedSubsidy)})` : ''}`],
          [
            'Actul care consemnează decizia',
            resolution.decisionAct || 'neînregistrat — punctajul și suma nu se modifică până la consemnarea deciziei într-un act',
          ],
        );
      } else if (resolution.decisionAct) fields.push(['Actul care consemnează decizia', resolution.decisionAct]);
    } else fields.push(['Soluția comisiei', APPEAL_DECISIONS[appeal.status]]);
    if (row) fields.push(['Situația cererii după soluționare', describeRow(row)]);
    return {
      appealId: appeal.id,
      heading: `Contestația nr. ${number} — ${organization}`,
      decision: APPEAL_DECISIONS[appeal.status],
      fields,
      checks,
    };
  });

  const changes: string[] = [];
  for (const appeal of appeals) {
    if (!appealOutcomeChangesRanking(appeal) || !appeal.resolution) {
      if ((appeal.status === 'admisa' || appeal.status === 'admisa_partial') && appeal.resolution && !appeal.resolution.decisionAct.trim())
        changes.push(`Contestația nr. ${formatRegistrationNumber(appeal.registration)} este admisă, dar decizia nu este încă consemnată într-un act: clasamentul nu se modifică până atunci.`);
      continue;
    }
    const request = index.requestById.get(appeal.requestId);
    const row = index.rowById.get(appeal.requestId);
    const { revisedScore, revisedAmount, decisionAct } = appeal.resolution;
    const what = [
      revisedScore !== null && revisedScore !== undefined ? `punctajul devine ${points(revisedScore)} puncte` : '',
      revisedAmount !== null && revisedAmount !== undefined ? `subvenția calculată devine ${formatLei(revisedAmount)}` : '',
    ].filter(Boolean);
    changes.push(
      `Prin ${decisionAct}, pentru cererea nr. ${request?.label ?? appeal.requestId} (${request?.organization.name ?? ''}) ${what.join(', iar ')}; ` +
        `după recalcularea clasamentului cererea este ${row ? `${ALLOCATION_STATUSES[row.status].toLowerCase()}${row.rank === null ? '' : `, pe locul ${row.rank}`}, cu suma propusă de ${formatLei(row.allocated)}` : 'reevaluată'}.`,
    );
  }

  // Requests whose result changed only because the ranking was recalculated after an admitted appeal.
  const appealed = new Set(appeals.filter((a) => ctx.results.appealChanges.has(a.requestId)).map((a) => a.requestId));
  for (const row of ctx.results.ranking.rows) {
    const previous = before.get(row.requestId);
    if (appealed.has(row.requestId) || !previous || (previous.status === row.status && previous.allocated === row.allocated)) continue;
    const request = index.requestById.get(row.requestId);
    changes.push(
      `Ca urmare a recalculării clasamentului, cererea nr. ${row.label} (${request?.organization.name ?? ''}) trece de la „${describeRow(previous)}” la „${describeRow(row)}”.`,
    );
  }

  const finalStatement = [
    changes.length > 0
      ? 'Clasamentul și sumele propuse se modifică numai prin deciziile consemnate în actele indicate mai sus; pentru celelalte cereri rezultatele comunicate rămân neschimbate.'
      : 'Nicio contestație nu modifică punctajele sau sumele: clasamentul și sumele propuse rămân cele comunicate; ele se pot modifica numai printr-o nouă decizie consemnată într-un act.',
    `După soluționarea contestațiilor, totalul propus spre finanțare este de ${formatLei(ctx.results.ranking.totals.allocated)} din bugetul de ${formatLei(ctx.results.ranking.totals.budget)}.`,
  ];
  if (lastSession && !hasQuorum)
    finalStatement.unshift(`Ședința din ${formatRoDate(lastSession.date)} nu a avut cvorum; comisia nu a putut adopta nicio decizie asupra contestațiilor, care se analizează într-o nouă ședință.`);

  return {
    header: documentHeader(ctx.institution),
    title: 'PROCES-VERBAL de soluționare a contestațiilor',
    subtitle: roundTitle(ctx.round),
    date: formatRoDate(lastSession?.date ?? ctx.date),
    intro: [
      `${ctx.commission.name}, constituită prin ${ctx.commission.legalBasis}, s-a întrunit pentru soluționarea contestațiilor depuse împotriva rezultatelor evaluării${ctx.evaluation.notifiedOn ? `, comunicate la ${formatRoDate(ctx.evaluation.notifiedOn)}` : ''}.`,
      `Termenul de depunere a contestațiilor este de ${formatDayCount(rules.appealDays, rules.appealDayKind)} de la comunicare, iar cel de soluționare de ${formatDayCount(rules.resolutionDays, rules.resolutionDayKind)} de la înregistrare. ` +
        `Au fost înregistrate ${countOf(appeals.length, 'contestație', 'contestații')}. Deciziile se adoptă cu ${describeDecisionRule(ctx.results.rules.decision)}.`,
    ],
    sessions: blocks,
    hasQuorum,
    appeals: entries,
    changes,
    finalStatement,
    closing: `Prezentul proces-verbal a fost încheiat astăzi, ${formatRoDate(lastSession?.date ?? ctx.date)}, și se semnează de membrii prezenți ai comisiei și de secretarul acesteia.`,
    signatures: presentSignatures(sessions, ctx.members),
  };
}
