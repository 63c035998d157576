import type { RegistryMark } from './issued-document';
import { formatDayCount } from '../calendar/working-days';
import { ALLOCATION_STATUSES, type RankingRow } from '../commission/ranking';
import { countOf, quoted } from '../commission/wording';
import { formatDecimal, formatLei } from '../money';
import type { IsoDate } from '../validation/dates';
import { formatRoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';
import { ofOrganization } from './organization-name';
import { addresseeOf, type Addressee } from './request-notices';
import {
  appealDeadlineOf, indexContext, LEGAL_BASIS_PHRASE, notificationDateOf, roundTitle, type ContextIndex, type ResultRequest, type RoundResultsContext,
} from './round-results-context';

export type NotificationOutcome = 'admisa' | 'admisa_partial' | 'respinsa';

/** "Notificare privind rezultatul evaluării" sent to one applicant. */
export interface ResultNotification extends RegistryMark {
  requestId: string;
  /** "2/2026". */
  requestLabel: string;
  header: DocumentHeader;
  addressee: Addressee;
  date: string;
  /** "NOTIFICARE". */
  title: string;
  /** "privind rezultatul evaluării cererii de subvenționare nr. 2/2026". */
  subtitle: string;
  outcome: NotificationOutcome;
  intro: string;
  /** The result in a few words, printed in bold: "CEREREA ESTE ADMISĂ — suma propusă: 40.000,00 lei". */
  verdict: string;
  /** The result explained; for a rejected request it ends by announcing the reasons. */
  paragraphs: string[];
  /** Nr. cerere, punctaj, prag, loc, sume, rezultat. */
  summary: [string, string][];
  /** Every reason a rejected request is not funded; empty for an admitted one. */
  reasons: string[];
  appeal: string;
  appealDeadline: IsoDate;
  closing: string;
  signatures: Signature[];
}

const points = (n: number) => formatDecimal(n);
const withStop = (s: string) => (/[.!?:;]$/.test(s) ? s : `${s}.`);

/**
 * Every reason a request was not funded, from each stage independently, so that none hides
 * another: eligibility, the subsidy computation, the grid's thresholds (with the score and the
 * threshold), the budget (with the rank).
 */
function rejectionReasons(request: ResultRequest, row: RankingRow | undefined, ctx: RoundResultsContext, index: ContextIndex, candidates: number): string[] {
  const reasons: string[] = [];
  if (!request.isEligible) {
    reasons.push(...(request.eligibilityReasons.length > 0 ? request.eligibilityReasons : ['Cererea nu îndeplinește condițiile de eligibilitate.']));
  }
  if (request.computedSubsidy === null && request.subsidyProblem) reasons.push(`Subvenția nu a putut fi calculată: ${request.subsidyProblem}`);

  const scores = index.scoresById.get(request.id);
  const score = row?.meanTotal ?? scores?.meanTotal ?? null;
  const minTotal = ctx.grid.minTotal;
  if (score !== null && minTotal !== null && Math.round(score * 100) < Math.round(minTotal * 100)) {
    reasons.push(`Punctajul obținut, ${points(score)} puncte, este sub pragul minim de ${points(minTotal)} puncte prevăzut de grila de evaluare.`);
  }
  // Criterion minimums (the total's failure is said above, with the score that counts after any appeal).
  for (const failure of scores?.thresholdFailures ?? []) if (!failure.startsWith('Punctajul mediu')) reasons.push(failure);
  if (row?.status === 'sub_prag' && reasons.length === 0) reasons.push(...row.reasons.filter((r) => !r.startsWith('Punctaj mediu')));

  if (row?.status === 'nefinantata_buget') {
    const tie = row.tieGroup !== null ? ', la egalitate de punctaj cu alte cereri' : '';
    reasons.push(
      `Cererea s-a clasat pe locul ${row.rank ?? row.position} din ${countOf(candidates, 'cerere', 'cereri')} care au atins pragul, cu ${points(row.meanTotal ?? 0)} puncte${tie}; ` +
        `bugetul rundei, de ${formatLei(ctx.results.ranking.totals.budget)}, a fost insuficient pentru finanțarea ei după cererile clasate înaintea sa.`,
    );
    reasons.push(...row.reasons.filter((r) => !r.startsWith('Punctaj mediu')));
  }
  if (row?.status === 'necalculata' && request.isEligible) reasons.push(...row.reasons.filter((r) => !r.startsWith('Punctaj mediu')));
  // Never a refusal without a reason: the ranking's own words when no stage above gave one.
  if (reasons.length === 0) reasons.push(...(row?.reasons.length ? row.reasons : ['Cererea nu a fost clasată în limita bugetului rundei.']));
  return [...new Set(reasons.map(withStop))];
}

function buildOne(request: ResultRequest, ctx: RoundResultsContext, index: ContextIndex, shared: { date: IsoDate; deadline: IsoDate; candidates: number }): ResultNotification {
  const row = index.rowById.get(request.id);
  const status = row?.status ?? (request.isEligible ? 'necalculata' : 'neeligibila');
  const outcome: NotificationOutcome = status === 'finantata' ? 'admisa' : status === 'finantata_partial' ? 'admisa_partial' : 'respinsa';
  const score = row?.meanTotal ?? null;
  const allocated = row?.allocated ?? 0;
  const computed = row?.computedSubsidy ?? request.computedSubsidy;
  const { appealRules } = ctx.evaluation;
  const institution = ctx.institution;
  const change = ctx.results.appealChanges.get(request.id);

  const intro =
    `Vă comunicăm rezultatul evaluării efectuate de ${ctx.commission.name} asupra cererii de subvenționare nr. ${request.label} din ${formatRoDate(request.registeredOn)} ` +
    `${ofOrganization(request.organization.name, { otherwise: 'depuse de' })}, în cadrul rundei de finanțare ${quoted(roundTitle(ctx.round))}, ${LEGAL_BASIS_PHRASE[ctx.round.law]}.`;
  const paragraphs: string[] = [];
  const rank = row?.rank ?? null;
  const scorePhrase =
    score === null ? null : `a obținut punctajul de ${points(score)} puncte${rank === null ? '' : ` (locul ${rank} în clasament${(row?.tieGroup ?? null) !== null ? ', la egalitate de punctaj' : ''})`}`;
  let verdict: string;
  const reasons: string[] = [];
  if (outcome === 'admisa') {
    verdict = `CEREREA ESTE ADMISĂ — suma propusă: ${formatLei(allocated)}`;
    paragraphs.push(`Cererea ${scorePhrase ? `${scorePhrase} și ` : ''}a fost admisă la finanțare, cu suma de ${formatLei(allocated)}, egală cu subvenția calculată.`);
  } else if (outcome === 'admisa_partial') {
    verdict = `CEREREA ESTE ADMISĂ PARȚIAL — suma propusă: ${formatLei(allocated)}`;
    paragraphs.push(
      `Cererea ${scorePhrase ? `${scorePhrase} și ` : ''}a fost admisă la finanțare parțial, cu suma de ${formatLei(allocated)} din subvenția calculată de ${formatLei(computed ?? 0)}: ` +
        `suma propusă reprezintă restul disponibil din bugetul rundei, de ${formatLei(ctx.results.ranking.totals.budget)}, după finanțarea cererilor clasate înaintea sa.`,
    );
  } else {
    verdict = 'CEREREA NU ESTE ADMISĂ LA FINANȚARE';
    paragraphs.push(`Cererea ${scorePhrase ? `${scorePhrase}, dar ` : ''}nu a fost admisă la finanțare, pentru următoarele motive:`);
    reasons.push(...rejectionReasons(request, row, ctx, index, shared.candidates));
  }
  if (change) paragraphs.push(`Rezultatul ține seama de soluționarea contestației, consemnată prin ${change.decisionAct}.`);
  if (outcome !== 'respinsa')
    paragraphs.push(
      'Suma propusă se acordă după aprobarea prin hotărâre a Consiliului Local și încheierea convenției de subvenționare cu Consiliul Local.',
    );

  const term = formatDayCount(appealRules.appealDays, appealRules.appealDayKind);
  const appeal =
    `Împotriva rezultatului puteți depune contestație, în scris, la registratura instituției noastre${institution.address ? ` (${institution.address})` : ''}, ` +
    `în termen de ${term} de la comunicare, până la data de ${formatRoDate(shared.deadline)} inclusiv. Contestațiile depuse după această dată se resping ca tardive.`;

  const minTotal = ctx.grid.minTotal;
  return {
    requestId: request.id,
    requestLabel: request.label,
    header: documentHeader(institution),
    addressee: addresseeOf(request.organization),
    date: formatRoDate(shared.date),
    title: 'NOTIFICARE',
    subtitle: `privind rezultatul evaluării cererii de subvenționare nr. ${request.label}`,
    outcome,
    intro,
    verdict,
    paragraphs,
    summary: [
      ['Cererea de subvenționare', `nr. ${request.label} din ${formatRoDate(request.registeredOn)}`],
      ['Eligibilitate', request.isEligible ? 'eligibilă' : 'neeligibilă'],
      ['Punctajul obținut', score === null ? '— (neevaluată)' : `${points(score)} puncte`],
      ['Pragul minim de punctaj', minTotal === null ? '—' : `${points(minTotal)} puncte`],
      ['Locul în clasament', rank === null ? '—' : `${rank} din ${shared.candidates}`],
      ['Subvenția calculată', computed === null ? '—' : formatLei(computed)],
      ['Suma propusă', formatLei(allocated)],
      ['Rezultatul', ALLOCATION_STATUSES[status]],
    ],
    reasons,
    appeal,
    appealDeadline: shared.deadline,
    closing: 'Pentru informații suplimentare vă stăm la dispoziție la datele de contact din antet.',
    signatures: serviceSignatures(institution, 'scrisoare'),
  };
}

/** One notification per request of the round, in registration order. */
export function buildResultNotifications(ctx: RoundResultsContext): ResultNotification[] {
  const index = indexContext(ctx);
  const shared = {
    date: notificationDateOf(ctx),
    deadline: appealDeadlineOf(ctx),
    candidates: ctx.results.ranking.rows.filter((r) => r.rank !== null).length,
  };
  return [...ctx.requests]
    .sort((a, b) => (a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : a.sequence - b.sequence))
    .map((request) => buildOne(request, ctx, index, shared));
}
