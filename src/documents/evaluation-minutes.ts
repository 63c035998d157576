import type { RegistryMark } from './issued-document';
import { MEAN_ROUNDING_RULE } from '../commission/aggregation';
import { describeDecisionRule } from '../commission/commission';
import { RECUSAL_KINDS } from '../commission/conflicts';
import { ALLOCATION_STATUSES } from '../commission/ranking';
import { DE_COMPLETAT } from '../commission/scoring-grid';
import { checkQuorum } from '../commission/session';
import { countOf, quoted } from '../commission/wording';
import { formatDecimal, formatLei } from '../money';
import { formatRoDate } from '../validation/dates';
import { documentHeader, type DocumentHeader, type Signature } from './document-header';
import { sessionBlock, type MinutesSession } from './minutes-sessions';
import { decisionStatements } from './minutes-votes';
import {
  indexContext, LEGAL_BASIS_PHRASE, presentSignatures, rankingNotes, roundTitle, scoringMembers, sessionsOfKind, type ContextIndex, type RoundResultsContext,
} from './round-results-context';

export interface RecusalLine {
  member: string;
  request: string;
  kind: string;
  reason: string;
}

export interface GridLine {
  code: string;
  title: string;
  maxPoints: string;
  minPoints: string;
  isSubcriterion: boolean;
}

/** One request's scores: a row per criterion and the total, a column per member, then the mean. */
export interface ScoreTable {
  requestId: string;
  heading: string;
  memberNames: string[];
  rows: { label: string; maxPoints: string; cells: string[]; mean: string; isTotal: boolean }[];
  notes: string[];
}

export interface RankingLine {
  position: string;
  rank: string;
  request: string;
  organization: string;
  mean: string;
  computed: string;
  allocated: string;
  status: string;
  notes: string;
}

/** "Proces-verbal de evaluare și selecție" of a round. */
export interface EvaluationMinutes extends RegistryMark {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  date: string;
  intro: string[];
  sessions: MinutesSession[];
  /** The session where the commission decides (the last evaluation session) had quorum. */
  hasQuorum: boolean;
  declarationsNote: string;
  recusals: RecusalLine[];
  recusalStatements: string[];
  grid: { lines: GridLine[]; statements: string[] };
  scores: { intro: string; tables: ScoreTable[]; notScored: string[]; excludedSheets: string[] };
  discrepancies: string[];
  ranking: { intro: string; lines: RankingLine[]; tieNotes: string[] };
  budget: [string, string][];
  /** The proposal, or — without quorum — the statement that no decision could be adopted. */
  conclusions: string[];
  /** "NGO (cererea nr. …): amount", one per request proposed for funding; empty without quorum. */
  proposedFunding: string[];
  /** Each decision taken by vote at the evaluation sessions, with the outcome and the nominal vote. */
  decisions: string[];
  pendingIssues: string[];
  closing: string[];
  signatures: Signature[];
}

const points = (value: number) => formatDecimal(value);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** "1/2026, 2/2026 și 3/2026". */
const joinAnd = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} și ${items.at(-1)}`);


function gridBlock(ctx: RoundResultsContext): EvaluationMinutes['grid'] {
  const value = (n: number | null | undefined) => (n === undefined ? '—' : n === null ? DE_COMPLETAT : points(n));
  const lines: GridLine[] = ctx.grid.criteria.flatMap((c) => [
    { code: c.code, title: c.title, maxPoints: value(c.maxPoints), minPoints: value(c.minPoints), isSubcriterion: false },
    ...(c.subcriteria ?? []).map((s) => ({ code: s.code, title: s.title, maxPoints: value(s.maxPoints), minPoints: '—', isSubcriterion: true })),
  ]);
  const maxTotal = ctx.grid.criteria.every((c) => c.maxPoints !== null) ? ctx.grid.criteria.reduce((s, c) => s + Math.round((c.maxPoints ?? 0) * 100), 0) / 100 : null;
  const statements = [
    `Grila de evaluare aplicată: ${ctx.grid.name} (${ctx.grid.source}).${maxTotal === null ? '' : ` Punctajul maxim: ${points(maxTotal)} puncte.`}`,
    ctx.grid.minTotal === null
      ? `Punctajul total minim pentru finanțare: ${DE_COMPLETAT}.`
      : `Punctajul total minim pentru finanțare (pragul): ${points(ctx.grid.minTotal)} puncte; minimurile pe criterii, unde există, sunt indicate în tabel și se compară cu media comisiei pe criteriul respectiv.`,
    `Punctajul unei cereri este media punctajelor totale acordate de membrii care au evaluat-o, calculată ca ${MEAN_ROUNDING_RULE}; membrii recuzați nu intră în medie.`,
  ];
  return { lines, statements };
}

function scoreTables(ctx: RoundResultsContext, index: ContextIndex): { tables: ScoreTable[]; notScored: string[] } {
  const members = scoringMembers(ctx, index);
  const tables: ScoreTable[] = [];
  const notScored: string[] = [];
  for (const request of ctx.requests) {
    const scores = index.scoresById.get(request.id);
    const heading = `Cererea nr. ${request.label} — ${request.organization.name}`;
    if (!scores) {
      notScored.push(`${heading}: ${request.isEligible ? 'nu are fișe de evaluare trimise' : 'neeligibilă, nu a fost punctată'}.`);
      continue;
    }
    const byMember = new Map(scores.members.map((m) => [m.memberId, m]));
    const cell = (memberId: string, value: (m: NonNullable<ReturnType<typeof byMember.get>>) => number) => {
      const score = byMember.get(memberId);
      if (score) return points(value(score));
      return index.recused.has(`${memberId}|${request.id}`) ? 'recuzat' : '—';
    };
    const rows: ScoreTable['rows'] = ctx.grid.criteria.map((c) => ({
      label: `${c.code}. ${c.title}`,
      maxPoints: c.maxPoints === null ? DE_COMPLETAT : points(c.maxPoints),
      cells: members.map((m) => cell(m.id, (s) => s.criteria[c.code] ?? 0)),
      mean: points(scores.criterionMeans[c.code] ?? 0),
      isTotal: false,
    }));
    const maxTotal = ctx.grid.criteria.reduce((s, c) => s + Math.round((c.maxPoints ?? 0) * 100), 0) / 100;
    const change = ctx.results.appealChanges.get(request.id);
    rows.push({ label: 'Total', maxPoints: points(maxTotal), cells: members.map((m) => cell(m.id, (s) => s.total)), mean: points(scores.meanTotal), isTotal: true });
    const notes: string[] = [];
    const recusedHere = ctx.results.recusals.filter((r) => r.requestId === request.id);
    if (recusedHere.length > 0)
      notes.push(`${recusedHere.length === 1 ? 'Membru recuzat pentru această cerere, care nu a punctat-o' : 'Membri recuzați pentru această cerere, care nu au punctat-o'}: ${recusedHere.map((r) => index.memberById.get(r.memberId)?.name ?? r.memberId).join(', ')}.`);
    notes.push(`Media este calculată din ${countOf(scores.memberCount, 'fișă de evaluare', 'fișe de evaluare')}.`);
    notes.push(...scores.thresholdFailures);
    if (change?.revisedScore !== null && change?.revisedScore !== undefined)
      notes.push(`Punctajul a fost modificat după contestație la ${points(change.revisedScore)} puncte, prin ${change.decisionAct}.`);
    tables.push({ requestId: request.id, heading, memberNames: members.map((m) => m.name), rows, notes });
  }
  return { tables, notScored };
}

function discrepancySentences(ctx: RoundResultsContext, index: ContextIndex): string[] {
  const margin = ctx.results.rules.discrepancyMargin;
  if (margin === null) return ['Marja de diferență între punctajele membrilor nu este stabilită pentru această rundă; nu s-au semnalat diferențe.'];
  const titles = new Map(ctx.grid.criteria.map((c) => [c.code, c.title]));
  const sentences: string[] = [];
  for (const request of ctx.requests) {
    for (const d of index.scoresById.get(request.id)?.discrepancies ?? []) {
      const who = d.memberIds.map((id) => index.memberById.get(id)?.name ?? id).join(', ');
      sentences.push(
        `Cererea nr. ${request.label}, criteriul ${quoted(d.criterionCode)} (${titles.get(d.criterionCode) ?? ''}): punctaje între ${points(d.min)} și ${points(d.max)} (${who}), ` +
          `diferență de ${points(d.max - d.min)} puncte, peste marja de ${points(margin)} puncte; diferența a fost semnalată și supusă discuției în ședință.`,
      );
    }
  }
  if (sentences.length === 0) sentences.push(`Nicio diferență între punctajele membrilor nu a depășit marja de ${points(margin)} puncte.`);
  return sentences;
}

function rankingBlock(ctx: RoundResultsContext, index: ContextIndex): EvaluationMinutes['ranking'] {
  const lines: RankingLine[] = ctx.results.ranking.rows.map((row) => ({
    position: String(row.position),
    rank: row.rank === null ? '—' : String(row.rank),
    request: row.label,
    organization: index.requestById.get(row.requestId)?.organization.name ?? '',
    mean: row.meanTotal === null ? '—' : points(row.meanTotal),
    computed: row.computedSubsidy === null ? '—' : formatLei(row.computedSubsidy),
    allocated: formatLei(row.allocated),
    status: ALLOCATION_STATUSES[row.status],
    notes: rankingNotes(row),
  }));
  const tieNotes: string[] = [];
  const label = (id: string) => index.requestById.get(id)?.label ?? id;
  const sessions = new Map(ctx.sessions.map((s) => [s.id, s]));
  const byRegistration = (ids: readonly string[]) =>
    ids.map((id) => index.requestById.get(id)).filter((r) => r !== undefined).sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.sequence - b.sequence).map((r) => r.label);
  for (const decision of ctx.evaluation.tieDecisions) {
    const session = sessions.get(decision.sessionId);
    const score = index.rowById.get(decision.order[0] ?? '')?.meanTotal;
    tieNotes.push(
      `Egalitate de punctaj${score === null || score === undefined ? '' : ` (${points(score)} puncte)`} între cererile ${joinAnd(byRegistration(decision.order))}: ` +
        `comisia a stabilit ordinea ${decision.order.map(label).join(', ')}${session ? ` în ședința din ${formatRoDate(session.date)}` : ''}${decision.note ? `. Motivarea: ${lowerFirst(decision.note).replace(/\.$/, '')}` : ''}.`,
    );
  }
  for (const group of ctx.results.ranking.unresolvedTies) {
    tieNotes.push(
      `Egalitate de punctaj nedecisă între cererile ${joinAnd(byRegistration(group))}: ordinea afișată este provizorie (după data înregistrării) și influențează alocarea; comisia trebuie să decidă ordinea.`,
    );
  }
  const undecisive = new Map<number, string[]>();
  for (const row of ctx.results.ranking.rows) {
    if (row.tieGroup === null || ctx.results.ranking.unresolvedTies.some((g) => g.includes(row.requestId))) continue;
    if (ctx.evaluation.tieDecisions.some((d) => d.order.includes(row.requestId))) continue;
    undecisive.set(row.tieGroup, [...(undecisive.get(row.tieGroup) ?? []), row.label]);
  }
  for (const labels of undecisive.values())
    tieNotes.push(`Egalitate de punctaj între cererile ${joinAnd(labels)}, fără efect asupra sumelor alocate; ordinea rămâne cea a înregistrării.`);
  if (tieNotes.length === 0) tieNotes.push('Nu au existat egalități de punctaj între cererile admise la finanțare.');
  return {
    intro: `Cererile eligibile care au atins pragul sunt ordonate descrescător după punctaj; bugetul se alocă în ordinea clasamentului, fiecărei cereri cu subvenția calculată, cât ajunge bugetul${ctx.results.rules.allocation.allowPartialLast ? ' (prima cerere care nu mai încape primește restul bugetului)' : ''}. Urmează cererile sub prag, cele nepunctate și cele neeligibile.`,
    lines,
    tieNotes,
  };
}

/** The minutes of the evaluation and selection of a round, from the round's records and results. */
export function buildEvaluationMinutes(ctx: RoundResultsContext): EvaluationMinutes {
  const index = indexContext(ctx);
  const evaluationSessions = sessionsOfKind(ctx, 'evaluare');
  const sessions = evaluationSessions.map((s) => sessionBlock(s, ctx, index));
  const decisionSession = evaluationSessions.at(-1);
  const hasQuorum = sessions.at(-1)?.hasQuorum ?? false;
  const { totals } = ctx.results.ranking;
  const rows = ctx.results.ranking.rows;
  const count = (status: keyof typeof ALLOCATION_STATUSES) => rows.filter((r) => r.status === status).length;

  const recusals: RecusalLine[] = ctx.results.recusals.map((r) => {
    const request = index.requestById.get(r.requestId);
    return {
      member: index.memberById.get(r.memberId)?.name ?? r.memberId,
      request: request ? `${request.label} — ${request.organization.name}` : r.requestId,
      kind: RECUSAL_KINDS[r.kind],
      reason: r.reason,
    };
  });
  const recusalStatements: string[] = [];
  if (recusals.length === 0) recusalStatements.push('Niciun membru al comisiei nu a fost recuzat.');
  else {
    recusalStatements.push(
      'Membrii recuzați nu au punctat cererile organizațiilor respective și nu au participat la deliberarea asupra lor; punctajul acestor cereri este media membrilor care le-au evaluat.',
    );
    for (const requestId of new Set(ctx.results.recusals.map((r) => r.requestId))) {
      const session = evaluationSessions.find((s) => s.agenda.includes(requestId)) ?? decisionSession;
      if (!session) continue;
      const excluded = new Set(ctx.results.recusals.filter((r) => r.requestId === requestId).map((r) => r.memberId));
      const quorum = checkQuorum(session, ctx.members, ctx.results.rules.quorum, { excludedMemberIds: excluded });
      recusalStatements.push(`Cererea nr. ${index.requestById.get(requestId)?.label ?? requestId}, fără membrii recuzați: ${lowerFirst(quorum.message)}`);
    }
  }

  const { tables, notScored } = scoreTables(ctx, index);
  const excludedSheets = (ctx.results.aggregation?.excluded ?? []).map(
    (e) => `Fișa membrului ${index.memberById.get(e.memberId)?.name ?? e.memberId} pentru cererea nr. ${index.requestById.get(e.requestId)?.label ?? e.requestId} nu a fost luată în calcul: ${e.reason}`,
  );

  const funded = rows.filter((r) => r.status === 'finantata' || r.status === 'finantata_partial');
  const conclusions: string[] = [];
  let proposedFunding: string[] = [];
  if (!decisionSession) conclusions.push('Nu este înregistrată nicio ședință de evaluare a rundei; comisia nu a adoptat nicio decizie.');
  else if (!hasQuorum)
    conclusions.push(
      `Ședința din ${formatRoDate(decisionSession.date)} nu a avut cvorum; comisia nu a putut adopta nicio decizie. Punctajele și clasamentul de mai sus au caracter informativ și nu constituie o propunere a comisiei; evaluarea se reia într-o ședință cu cvorum.`,
    );
  else {
    conclusions.push(
      `Comisia, cu ${describeDecisionRule(ctx.results.rules.decision)}, propune acordarea subvențiilor pentru ${countOf(funded.length, 'cerere', 'cereri')}, în sumă totală de ${formatLei(totals.allocated)}, conform clasamentului de mai sus:`,
    );
    proposedFunding = funded.map((r, i) => {
      const request = index.requestById.get(r.requestId);
      return `${request?.organization.name ?? r.label} (cererea nr. ${r.label}): ${formatLei(r.allocated)}${r.status === 'finantata_partial' ? ` — finanțare parțială, din ${formatLei(r.computedSubsidy ?? 0)} calculați` : ''}${i === funded.length - 1 ? '.' : ';'}`;
    });
  }

  const failedSessions = sessions.filter((s) => !s.hasQuorum).length;
  return {
    header: documentHeader(ctx.institution),
    title: 'PROCES-VERBAL de evaluare și selecție',
    subtitle: roundTitle(ctx.round),
    date: formatRoDate(decisionSession?.date ?? ctx.date),
    intro: [
      `${ctx.commission.name}, constituită prin ${ctx.commission.legalBasis}, s-a întrunit pentru evaluarea și selecția cererilor de subvenționare depuse în cadrul rundei de finanțare ${quoted(roundTitle(ctx.round))}, deschise prin ${ctx.round.legalBasis}, ${LEGAL_BASIS_PHRASE[ctx.round.law]}.`,
      `În perioada de depunere ${formatRoDate(ctx.round.submissionStart)} – ${formatRoDate(ctx.round.submissionEnd)} au fost înregistrate ${countOf(ctx.requests.length, 'cerere', 'cereri')}, dintre care ${countOf(ctx.requests.filter((r) => r.isEligible).length, 'cerere eligibilă', 'cereri eligibile')}. Bugetul rundei: ${formatLei(ctx.round.budget)}.`,
      ...(failedSessions > 0 && hasQuorum ? [`${countOf(failedSessions, 'ședință nu a avut', 'ședințe nu au avut')} cvorum; deciziile s-au adoptat în ședința din ${formatRoDate(decisionSession!.date)}.`] : []),
    ],
    sessions,
    hasQuorum,
    declarationsNote: 'Înaintea evaluării, fiecare membru a semnat declarația de imparțialitate și confidențialitate; cei care au o legătură cu un ONG solicitant sunt recuzați pentru cererea acestuia.',
    recusals,
    recusalStatements,
    grid: gridBlock(ctx),
    scores: {
      intro: `Punctajele acordate de fiecare membru, pe criterii, și media comisiei. Regula de calcul a mediei: ${MEAN_ROUNDING_RULE}.`,
      tables,
      notScored,
      excludedSheets,
    },
    discrepancies: discrepancySentences(ctx, index),
    ranking: rankingBlock(ctx, index),
    budget: [
      ['Bugetul rundei', formatLei(totals.budget)],
      ['Total propus spre finanțare', formatLei(totals.allocated)],
      ['Rămas nealocat', formatLei(totals.remaining)],
      ['Cereri finanțate integral', String(totals.fullyFundedCount)],
      ['Cereri finanțate parțial', String(totals.partiallyFundedCount)],
      ['Cereri nefinanțate din lipsă de buget', String(count('nefinantata_buget'))],
      ['Cereri sub pragul de punctaj', String(count('sub_prag'))],
      ['Cereri neeligibile', String(count('neeligibila'))],
      ...(count('necalculata') > 0 ? [['Cereri cu subvenția sau punctajul necalculat', String(count('necalculata'))] as [string, string]] : []),
    ],
    conclusions,
    proposedFunding,
    decisions: decisionStatements(ctx, 'evaluare'),
    pendingIssues: ctx.results.ranking.pendingIssues.map((p) => `${p.charAt(0).toUpperCase()}${p.slice(1)}${/[.:]$/.test(p) ? '' : '.'}`),
    closing: [
      ...(hasQuorum ? ['Rezultatele se comunică solicitanților, care pot depune contestație în termenul stabilit pentru rundă.'] : []),
      `Prezentul proces-verbal a fost încheiat astăzi, ${formatRoDate(decisionSession?.date ?? ctx.date)}, într-un exemplar original, și se semnează de membrii prezenți ai comisiei și de secretarul acesteia.`,
    ],
    signatures: presentSignatures(evaluationSessions, ctx.members),
  };
}
