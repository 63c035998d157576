import type { RegistryMark } from './issued-document';
import { formatDecimal, formatLei, type Bani } from '../money';
import type { FundingLaw } from '../rounds/funding-round';
import { countOf } from '../commission/wording';
import { formatRoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';
import {
  appealDeadlineOf, indexContext, roundTitle, sessionsOfKind, type ResultUnitLine, type RoundResultsContext,
} from './round-results-context';

/** One NGO funded, with its units, in the annex to the proposal. */
export interface AnnexRow {
  number: number;
  requestId: string;
  requestLabel: string;
  organization: string;
  cui: string;
  units: ResultUnitLine[];
  amount: Bani;
  isPartial: boolean;
}

export interface ResultsAnnex {
  title: string;
  subtitle: string;
  rows: AnnexRow[];
  /** Sum of the rows: equals the ranking's allocated total. */
  total: Bani;
}

/** Who the report goes to: the local council (a draft decision) or the director (a disposition). */
export type ReportRecipient = 'consiliul_local' | 'director';

/** "Raport de specialitate / Propunere de hotărâre" with the annex of NGOs and amounts. */
export interface ResultsReport extends RegistryMark {
  header: DocumentHeader;
  date: string;
  recipient: string;
  title: string;
  subtitle: string;
  /** What still stops the results from being final; printed on top while not empty. */
  warnings: string[];
  /** Each section: its paragraphs, then a list (the acts of the legal basis). */
  sections: { heading: string; paragraphs: string[]; items?: string[] }[];
  annex: ResultsAnnex;
  signatures: Signature[];
}

const LEGAL_BASIS: Record<FundingLaw, string[]> = {
  legea_34_1998: [
    'Legea nr. 34/1998 privind acordarea unor subvenții asociațiilor și fundațiilor române cu personalitate juridică, care înființează și administrează unități de asistență socială, cu modificările și completările ulterioare;',
    'Normele metodologice de aplicare a Legii nr. 34/1998, aprobate prin HG nr. 1153/2001, cu modificările și completările ulterioare;',
  ],
  legea_350_2005: [
    'Legea nr. 350/2005 privind regimul finanțărilor nerambursabile din fonduri publice alocate pentru activități nonprofit de interes general, cu modificările și completările ulterioare;',
  ],
};

/** The specialist report proposing the approval of the round's subsidies, with the annex to approve. */
export function buildResultsReport(ctx: RoundResultsContext, options: { recipient?: ReportRecipient } = {}): ResultsReport {
  const recipient = options.recipient ?? 'consiliul_local';
  const index = indexContext(ctx);
  const { rows, totals, pendingIssues } = ctx.results.ranking;
  const count = (...statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).length;
  const eligible = ctx.requests.filter((r) => r.isEligible).length;
  const scored = ctx.requests.filter((r) => index.scoresById.has(r.id)).length;

  const annexRows: AnnexRow[] = rows
    .filter((r) => r.status === 'finantata' || r.status === 'finantata_partial')
    .map((r, i) => {
      const request = index.requestById.get(r.requestId);
      return {
        number: i + 1,
        requestId: r.requestId,
        requestLabel: r.label,
        organization: request?.organization.name ?? r.label,
        cui: request?.organization.cui ?? '',
        units: request?.unitLines ?? [],
        amount: r.allocated,
        isPartial: r.status === 'finantata_partial',
      };
    });
  const annexTotal = annexRows.reduce((s, r) => s + r.amount, 0) as Bani;

  const evaluation = sessionsOfKind(ctx, 'evaluare');
  const appealSessions = sessionsOfKind(ctx, 'contestatii');
  const dates = (list: typeof evaluation) => list.map((s) => formatRoDate(s.date)).join(', ');
  const appealsBy = (...statuses: string[]) => ctx.appeals.filter((a) => statuses.includes(a.status)).length;
  const deadline = appealDeadlineOf(ctx);
  const appealOutcomes = (
    [
      [appealsBy('admisa'), 'admisă', 'admise'],
      [appealsBy('admisa_partial'), 'admisă parțial', 'admise parțial'],
      [appealsBy('respinsa'), 'respinsă', 'respinse'],
      [appealsBy('tardiva'), 'respinsă ca tardivă', 'respinse ca tardive'],
      [appealsBy('retrasa'), 'retrasă', 'retrase'],
      [appealsBy('inregistrata'), 'nesoluționată', 'nesoluționate'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => countOf(n, one, many));

  const warnings: string[] = [];
  for (const issue of pendingIssues) warnings.push(`Rezultatele nu sunt finale: ${issue}.`);
  if (!ctx.evaluation.lock.isLocked) warnings.push('Rezultatele rundei nu sunt declarate finale (blocate) în aplicație.');
  if (ctx.date <= deadline) warnings.push(`Termenul de depunere a contestațiilor se împlinește la ${formatRoDate(deadline)}.`);
  const pendingAppeals = appealsBy('inregistrata');
  if (pendingAppeals > 0) warnings.push(`${countOf(pendingAppeals, 'contestație este nesoluționată', 'contestații sunt nesoluționate')}.`);

  const procedure = [
    `Apelul de depunere a cererilor pentru anul ${ctx.round.year} a fost deschis în temeiul ${ctx.round.legalBasis}, cu depunere în perioada ${formatRoDate(ctx.round.submissionStart)} – ${formatRoDate(ctx.round.submissionEnd)} și un buget disponibil de ${formatLei(ctx.round.budget)}.`,
    `Au fost înregistrate ${countOf(ctx.requests.length, 'cerere', 'cereri')} de subvenționare, dintre care ${countOf(eligible, 'cerere eligibilă', 'cereri eligibile')} și ${countOf(ctx.requests.length - eligible, 'cerere neeligibilă', 'cereri neeligibile')}.`,
    `${ctx.commission.name}, constituită prin ${ctx.commission.legalBasis}, a evaluat ${countOf(scored, 'cerere', 'cereri')} pe baza grilei de evaluare (${ctx.grid.source})` +
      `${evaluation.length > 0 ? ` în ${evaluation.length === 1 ? 'ședința' : 'ședințele'} din ${dates(evaluation)}` : ''}` +
      `${ctx.grid.minTotal === null ? '' : `; pragul minim de punctaj este de ${formatDecimal(ctx.grid.minTotal)} puncte`}.`,
    `Rezultatul: ${countOf(totals.fullyFundedCount, 'cerere finanțată', 'cereri finanțate')} integral, ${countOf(totals.partiallyFundedCount, 'cerere finanțată', 'cereri finanțate')} parțial, ` +
      `${countOf(count('nefinantata_buget'), 'cerere nefinanțată', 'cereri nefinanțate')} din lipsă de buget, ${countOf(count('sub_prag'), 'cerere', 'cereri')} sub prag, ` +
      `${countOf(count('neeligibila'), 'cerere neeligibilă', 'cereri neeligibile')}.`,
    ctx.appeals.length === 0
      ? `Rezultatele au fost comunicate solicitanților${ctx.evaluation.notifiedOn ? ` la ${formatRoDate(ctx.evaluation.notifiedOn)}` : ''}; nu s-au depus contestații.`
      : `Rezultatele au fost comunicate solicitanților${ctx.evaluation.notifiedOn ? ` la ${formatRoDate(ctx.evaluation.notifiedOn)}` : ''}; s-au depus ${countOf(ctx.appeals.length, 'contestație', 'contestații')}` +
        `${appealSessions.length > 0 ? `, analizate în ședința din ${dates(appealSessions)}` : ''}: ${appealOutcomes.join(', ')}.`,
  ];

  const proposal = [
    `Propunem ${recipient === 'consiliul_local' ? 'Consiliului Local aprobarea, prin hotărâre,' : 'aprobarea'} acordării subvențiilor pentru anul ${ctx.round.year} către ${countOf(annexRows.length, 'asociație sau fundație', 'asociații și fundații')}, ` +
      `în sumă totală de ${formatLei(annexTotal)}, pentru unitățile de asistență socială, categoriile de servicii, numărul de beneficiari și perioadele prevăzute în anexa la prezentul raport.`,
    `Subvențiile se acordă din bugetul local, capitolul 68.02 „Asigurări și asistență socială”, lunar, în baza convențiilor încheiate cu fiecare asociație sau fundație, în limita sumelor aprobate.`,
    `Din bugetul rundei de ${formatLei(totals.budget)} rămâne nealocată suma de ${formatLei(totals.remaining)}.`,
  ];

  return {
    header: documentHeader(ctx.institution),
    date: formatRoDate(ctx.date),
    recipient:
      recipient === 'consiliul_local'
        ? 'Către: Consiliul Local al Municipiului Cluj-Napoca'
        : `Către: ${ctx.institution.headOfInstitutionTitle || 'Director executiv'} ${ctx.institution.headOfInstitution}`.trim(),
    title: 'RAPORT DE SPECIALITATE',
    subtitle:
      `privind aprobarea acordării subvențiilor asociațiilor și fundațiilor pentru anul ${ctx.round.year}, în temeiul ${ctx.round.law === 'legea_34_1998' ? 'Legii nr. 34/1998' : 'Legii nr. 350/2005'}` +
      ` — ${recipient === 'consiliul_local' ? 'propunere de hotărâre' : 'propunere de aprobare'}`,
    warnings,
    sections: [
      {
        heading: '1. Temeiul legal',
        paragraphs: ['Având în vedere prevederile:'],
        items: [
          ...LEGAL_BASIS[ctx.round.law],
          `${ctx.round.legalBasis}, prin care s-a deschis runda de finanțare și s-a aprobat bugetul acesteia;`,
          `${ctx.commission.legalBasis}, privind constituirea și regulamentul de funcționare al comisiei de evaluare și selecție.`,
        ],
      },
      { heading: '2. Desfășurarea procedurii', paragraphs: procedure },
      { heading: '3. Propunerea', paragraphs: proposal },
    ],
    annex: {
      title: 'ANEXA — Asociațiile și fundațiile care beneficiază de subvenții',
      subtitle: roundTitle(ctx.round),
      rows: annexRows,
      total: annexTotal,
    },
    signatures: serviceSignatures(ctx.institution),
  };
}
