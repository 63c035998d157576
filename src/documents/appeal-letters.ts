// The letters that follow the resolution of appeals: a decision letter to each appellant, and a
// notification to every other applicant whose rank or amount changed because of an admitted appeal.
// Both compare the ranking as communicated (before the appeals) with the ranking after them.
import { isDecidedStatus, type Appeal } from '../commission/appeals';
import { isAdoptedDecision, type CommissionDecision } from '../commission/decisions';
import { ALLOCATION_STATUSES, type RankingRow } from '../commission/ranking';
import { quoted } from '../commission/wording';
import { formatDecimal, formatLei } from '../money';
import { formatRegistrationNumber } from '../requests/registration-number';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { rankingBeforeAppeals } from './appeals-minutes';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';
import { addresseeOf, type Addressee } from './request-notices';
import { indexContext, LEGAL_BASIS_PHRASE, roundTitle, type RoundResultsContext } from './round-results-context';

/** The remedy against an administrative act (Legea contenciosului administrativ nr. 554/2004). */
// Legea nr. 554/2004 art. 1 alin. (1), art. 7–8: actul poate fi atacat la instanța de contencios administrativ.
export const ADMINISTRATIVE_REMEDY =
  'Împotriva prezentei vă puteți adresa instanței de contencios administrativ competente, în condițiile Legii contenciosului administrativ nr. 554/2004, cu modificările și completările ulterioare.';

/** A row of the before/after table: what, as communicated, after the appeals. */
export type ComparisonRow = [string, string, string];

/** Number and date of an issued letter: typed from the register, or blank lines until then. */
export interface LetterIssue {
  number: string;
  /** dd.mm.yyyy. */
  date: string;
  /** The register's note: the letter it replaces, or that it is a draft. */
  registryNote?: string;
}

export type AppealLetterOutcome = 'admisa' | 'admisa_partial' | 'respinsa' | 'tardiva';

/** "Decizie privind soluționarea contestației", sent to one appellant. */
export interface AppealDecisionLetter extends LetterIssue {
  appealId: string;
  requestId: string;
  /** "1/2026", the appeal's number. */
  appealLabel: string;
  header: DocumentHeader;
  addressee: Addressee;
  title: string;
  subtitle: string;
  outcome: AppealLetterOutcome;
  intro: string[];
  /** In bold: "CONTESTAȚIA SE ADMITE". */
  verdict: string;
  /** The commission's reasons, as in the minutes. */
  reasons: string;
  /** The session and the vote: "Decizia a fost adoptată cu 2 voturi pentru, …". */
  vote: string[];
  /** Score, rank, amount, result: as communicated and after the appeal. */
  comparison: ComparisonRow[];
  effect: string[];
  remedy: string;
  closing: string;
  signatures: Signature[];
}

/** "Notificare privind modificarea rezultatului", sent to an applicant affected by another's appeal. */
export interface ChangedResultNotification extends LetterIssue {
  requestId: string;
  requestLabel: string;
  header: DocumentHeader;
  addressee: Addressee;
  title: string;
  subtitle: string;
  intro: string;
  /** The admitted appeals that changed the ranking, each with its act and session. */
  causes: string[];
  comparison: ComparisonRow[];
  effect: string[];
  remedy: string;
  closing: string;
  signatures: Signature[];
}

export interface AppealLettersOptions {
  /** The letters' date; default: the context's date. */
  date?: IsoDate;
  /** Numbers from the register, by appeal id (decision letters) or request id (notifications). */
  numbers?: Readonly<Record<string, string>>;
}

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${formatDecimal(n)} puncte`);
const rankOf = (row: RankingRow | undefined, candidates: number) => (row?.rank ? `${row.rank} din ${candidates}` : '—');
const resultOf = (row: RankingRow | undefined) => (row ? ALLOCATION_STATUSES[row.status] : '—');

function comparison(before: RankingRow | undefined, after: RankingRow | undefined, candidates: { before: number; after: number }): ComparisonRow[] {
  return [
    ['Punctajul', points(before?.meanTotal), points(after?.meanTotal)],
    ['Locul în clasament', rankOf(before, candidates.before), rankOf(after, candidates.after)],
    ['Subvenția calculată', before?.computedSubsidy == null ? '—' : formatLei(before.computedSubsidy), after?.computedSubsidy == null ? '—' : formatLei(after.computedSubsidy)],
    ['Suma propusă', formatLei(before?.allocated ?? 0), formatLei(after?.allocated ?? 0)],
    ['Rezultatul', resultOf(before), resultOf(after)],
  ];
}

const changed = (before: RankingRow | undefined, after: RankingRow | undefined) =>
  !!before && !!after && (before.rank !== after.rank || before.allocated !== after.allocated || before.status !== after.status);

const VERDICTS: Record<AppealLetterOutcome, string> = {
  admisa: 'CONTESTAȚIA SE ADMITE',
  admisa_partial: 'CONTESTAȚIA SE ADMITE ÎN PARTE',
  respinsa: 'CONTESTAȚIA SE RESPINGE',
  tardiva: 'CONTESTAȚIA SE RESPINGE CA TARDIVĂ',
};

/** The sentences about the session and the vote behind a resolution. */
function voteSentences(appeal: Appeal, ctx: RoundResultsContext, decision: CommissionDecision | undefined): string[] {
  const session = ctx.sessions.find((s) => s.id === appeal.resolution?.sessionId);
  const where = session ? `în ședința de soluționare a contestațiilor din ${formatRoDate(session.date)}` : 'în ședința de soluționare a contestațiilor';
  if (!decision?.outcome) return [`Contestația a fost soluționată de ${ctx.commission.name} ${where}; votul membrilor nu este consemnat în aplicație.`];
  return [`Contestația a fost soluționată de ${ctx.commission.name} ${where}. ${decision.outcome.sentence}`];
}

/** One decision letter per appeal the commission decided (admitted, in part, rejected, late), in register order. */
export function buildAppealDecisionLetters(ctx: RoundResultsContext, options: AppealLettersOptions = {}): AppealDecisionLetter[] {
  const index = indexContext(ctx);
  const beforeRanking = ctx.results.appealChanges.size > 0 ? rankingBeforeAppeals(ctx) : ctx.results.ranking;
  const before = new Map(beforeRanking.rows.map((r) => [r.requestId, r]));
  const candidates = { before: beforeRanking.rows.filter((r) => r.rank !== null).length, after: ctx.results.ranking.rows.filter((r) => r.rank !== null).length };
  // A letter is never dated before the decision it communicates.
  const dateFor = (decidedOn: IsoDate) => formatRoDate(options.date ?? (decidedOn > ctx.date ? decidedOn : ctx.date));
  return [...ctx.appeals]
    .filter((a) => isDecidedStatus(a.status) && a.resolution)
    .sort((a, b) => a.registration.year - b.registration.year || a.registration.sequence - b.registration.sequence)
    .map((appeal) => {
      const resolution = appeal.resolution!;
      const outcome = appeal.status as AppealLetterOutcome;
      const request = index.requestById.get(appeal.requestId);
      const organization = request?.organization;
      const label = formatRegistrationNumber(appeal.registration);
      const decision = ctx.decisions?.find((d) => d.id === resolution.decisionId) ?? ctx.decisions?.find((d) => d.appealId === appeal.id && d.sessionId === resolution.sessionId && isAdoptedDecision(d));
      const rowBefore = before.get(appeal.requestId);
      const rowAfter = index.rowById.get(appeal.requestId);
      const change = ctx.results.appealChanges.get(appeal.requestId);
      const effect: string[] = [];
      if (outcome === 'admisa' || outcome === 'admisa_partial') {
        if (change) {
          const what = [
            change.revisedScore !== null ? `punctajul cererii devine ${points(change.revisedScore)}` : '',
            change.revisedAmount !== null ? `subvenția calculată devine ${formatLei(change.revisedAmount)}` : '',
          ].filter(Boolean);
          effect.push(
            `Prin ${change.decisionAct}, ${what.join(', iar ')}. După recalcularea clasamentului, cererea este ${resultOf(rowAfter).toLowerCase()}` +
              `${rowAfter?.rank ? `, pe locul ${rowAfter.rank}` : ''}, cu suma propusă de ${formatLei(rowAfter?.allocated ?? 0)}.`,
          );
        } else if (!resolution.decisionAct.trim()) {
          effect.push('Decizia de modificare a punctajului sau a sumei nu este încă consemnată într-un act; până atunci rezultatul comunicat nu se modifică.');
        } else effect.push('Admiterea contestației nu modifică punctajul sau suma propusă; rezultatul comunicat rămâne neschimbat.');
      } else {
        effect.push(`Rezultatul comunicat la ${formatRoDate(appeal.notifiedOn)} rămâne neschimbat${rowAfter ? `: ${resultOf(rowAfter).toLowerCase()}, suma propusă ${formatLei(rowAfter.allocated)}` : ''}.`);
      }
      if (resolution.decisionAct.trim() && !change) effect.push(`Decizia este consemnată în ${resolution.decisionAct}.`);
      return {
        appealId: appeal.id,
        requestId: appeal.requestId,
        appealLabel: label,
        number: options.numbers?.[appeal.id] ?? '',
        date: dateFor(resolution.decidedOn),
        header: documentHeader(ctx.institution),
        addressee: organization ? addresseeOf(organization) : { name: request?.organizationName ?? '', address: '', representative: '' },
        title: 'DECIZIE',
        subtitle: `privind soluționarea contestației nr. ${label}`,
        outcome,
        intro: [
          `Prin contestația înregistrată cu nr. ${label} din ${formatRoDate(appeal.receivedOn)}, ${organization?.name ?? 'organizația dumneavoastră'} a contestat rezultatul evaluării cererii de subvenționare ` +
            `nr. ${request?.label ?? ''} din ${formatRoDate(request?.registeredOn)}, comunicat la ${formatRoDate(appeal.notifiedOn)}, în cadrul rundei de finanțare ${quoted(roundTitle(ctx.round))}, ${LEGAL_BASIS_PHRASE[ctx.round.law]}.`,
          `Motivele contestației: ${quoted(appeal.grounds.replace(/\.$/, ''))}.`,
          `${ctx.commission.name}, constituită prin ${ctx.commission.legalBasis}, a analizat contestația și a hotărât:`,
        ],
        verdict: VERDICTS[outcome],
        reasons: resolution.decision,
        vote: voteSentences(appeal, ctx, decision),
        comparison: comparison(rowBefore, rowAfter, candidates),
        effect,
        remedy: ADMINISTRATIVE_REMEDY.replace('prezentei', 'prezentei decizii'),
        closing: 'Pentru informații suplimentare vă stăm la dispoziție la datele de contact din antet.',
        signatures: serviceSignatures(ctx.institution),
      };
    });
}

/**
 * A notification to each applicant whose rank or amount changed only because of another
 * applicant's admitted appeal (the ranking recalculated): the old and new rank and amount.
 */
export function buildChangedResultNotifications(ctx: RoundResultsContext, options: AppealLettersOptions = {}): ChangedResultNotification[] {
  if (ctx.results.appealChanges.size === 0) return [];
  const index = indexContext(ctx);
  const beforeRanking = rankingBeforeAppeals(ctx);
  const before = new Map(beforeRanking.rows.map((r) => [r.requestId, r]));
  const candidates = { before: beforeRanking.rows.filter((r) => r.rank !== null).length, after: ctx.results.ranking.rows.filter((r) => r.rank !== null).length };
  const latest = ctx.appeals.flatMap((a) => (ctx.results.appealChanges.has(a.requestId) && a.resolution ? [a.resolution.decidedOn] : [])).reduce((m, d) => (d > m ? d : m), ctx.date);
  const date = formatRoDate(options.date ?? latest);
  const causes = ctx.appeals
    .filter((a) => ctx.results.appealChanges.has(a.requestId) && a.resolution)
    .sort((a, b) => a.registration.sequence - b.registration.sequence)
    .map((a) => {
      const change = ctx.results.appealChanges.get(a.requestId)!;
      const request = index.requestById.get(a.requestId);
      const session = ctx.sessions.find((s) => s.id === a.resolution!.sessionId);
      const what = [
        change.revisedScore !== null ? `punctajul devine ${points(change.revisedScore)}` : '',
        change.revisedAmount !== null ? `subvenția calculată devine ${formatLei(change.revisedAmount)}` : '',
      ].filter(Boolean);
      return (
        `Contestația nr. ${formatRegistrationNumber(a.registration)}, depusă de ${request?.organization.name ?? 'un alt solicitant'} pentru cererea nr. ${request?.label ?? ''}, a fost ` +
        `${a.status === 'admisa_partial' ? 'admisă în parte' : 'admisă'}${session ? ` în ședința din ${formatRoDate(session.date)}` : ''}, prin ${change.decisionAct}: ${what.join(', iar ')}.`
      );
    });
  return ctx.results.ranking.rows
    .filter((row) => !ctx.results.appealChanges.has(row.requestId) && changed(before.get(row.requestId), row))
    .map((row) => index.requestById.get(row.requestId))
    .filter((r) => r !== undefined)
    .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.sequence - b.sequence)
    .map((request) => {
      const rowBefore = before.get(request.id)!;
      const rowAfter = index.rowById.get(request.id)!;
      const effect = [
        `Punctajul cererii dumneavoastră nu s-a modificat (${points(rowAfter.meanTotal)}); ca urmare a recalculării clasamentului, ` +
          `cererea trece de pe ${rowBefore.rank ? `locul ${rowBefore.rank}` : 'o poziție neclasată'} pe ${rowAfter.rank ? `locul ${rowAfter.rank}` : 'o poziție neclasată'}, ` +
          `iar suma propusă ${rowBefore.allocated === rowAfter.allocated ? `rămâne ${formatLei(rowAfter.allocated)}` : `se modifică de la ${formatLei(rowBefore.allocated)} la ${formatLei(rowAfter.allocated)}`}.`,
        `Rezultatul este acum: ${resultOf(rowAfter).toLowerCase()}. Această notificare înlocuiește, în privința rangului și a sumei, rezultatul comunicat la ${formatRoDate(ctx.evaluation.notifiedOn ?? ctx.date)}.`,
      ];
      return {
        requestId: request.id,
        requestLabel: request.label,
        number: options.numbers?.[request.id] ?? '',
        date,
        header: documentHeader(ctx.institution),
        addressee: addresseeOf(request.organization),
        title: 'NOTIFICARE',
        subtitle: `privind modificarea rezultatului evaluării cererii de subvenționare nr. ${request.label}`,
        intro:
          `Vă comunicăm că, în urma soluționării contestațiilor depuse în cadrul rundei de finanțare ${quoted(roundTitle(ctx.round))}, ` +
          `rezultatul evaluării cererii de subvenționare nr. ${request.label} din ${formatRoDate(request.registeredOn)}, depusă de ${request.organization.name}, s-a modificat, din următoarele cauze:`,
        causes,
        comparison: comparison(rowBefore, rowAfter, candidates),
        effect,
        remedy: ADMINISTRATIVE_REMEDY.replace('prezentei', 'rezultatului modificat'),
        closing: 'Pentru informații suplimentare vă stăm la dispoziție la datele de contact din antet.',
        signatures: serviceSignatures(ctx.institution),
      };
    });
}
