import type { RegistryMark } from './issued-document';
import { formatDecimal, formatLei, type Bani } from '../money';
import { procedureStage, type ProcedureStage } from '../commission/procedure-stage';
import { countOf } from '../commission/wording';
import { formatRoDate } from '../validation/dates';
import { approvalSignature, documentHeader, preparerSignature, reviewSignature, serviceSignatures, type DocumentHeader, type Signature } from './document-header';
import { reportLegalBasis } from './legal-basis';
import { organizationGenitive } from './organization-name';
import {
  holidaysOf, indexContext, roundTitle, sessionsOfKind, type ResultUnitLine, type RoundResultsContext,
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

/**
 * Who the report goes to: the local council ("Raport de specialitate" for the draft decision) or
 * the director ("Referat de aprobare", with the "Aprobat" block at the top right).
 */
export type ReportRecipient = 'consiliul_local' | 'director';

/** "Raport de specialitate" (to the council) or "Referat de aprobare" (to the director), with the annex of NGOs and amounts. */
export interface ResultsReport extends RegistryMark {
  header: DocumentHeader;
  /** The director's "Aprobat" block, printed at the top right of a referat de aprobare; absent on the council's report. */
  approval?: Signature;
  /** Where the procedure stands on the report's date (the body says it; a draft says it is one). */
  stage: ProcedureStage;
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
  const isReferat = recipient === 'director';
  const stage = procedureStage({
    notifiedOn: ctx.evaluation.notifiedOn,
    appealRules: ctx.evaluation.appealRules,
    holidays: holidaysOf(ctx),
    appeals: ctx.appeals,
    date: ctx.date,
    appealSessionDates: appealSessions.map((s) => s.date),
  });

  const warnings: string[] = [];
  for (const issue of pendingIssues) warnings.push(`Rezultatele nu sunt finale: ${issue}.`);
  if (!ctx.evaluation.lock.isLocked) warnings.push('Rezultatele rundei nu sunt declarate finale (blocate) în aplicație.');
  if (stage.stage === 'necomunicate') warnings.push('Rezultatele nu au fost încă comunicate solicitanților; termenul de depunere a contestațiilor nu a început să curgă.');
  if (stage.stage === 'termen_contestatii' && stage.appealDeadline) warnings.push(`Termenul de depunere a contestațiilor se împlinește la ${formatRoDate(stage.appealDeadline)}.`);
  if (stage.pending > 0) warnings.push(`${countOf(stage.pending, 'contestație este nesoluționată', 'contestații sunt nesoluționate')}.`);

  const procedure = [
    `Apelul de depunere a cererilor pentru anul ${ctx.round.year} a fost deschis în temeiul ${ctx.round.legalBasis}, cu depunere în perioada ${formatRoDate(ctx.round.submissionStart)} – ${formatRoDate(ctx.round.submissionEnd)} și un buget disponibil de ${formatLei(ctx.round.budget)}.`,
    `Au fost înregistrate ${countOf(ctx.requests.length, 'cerere', 'cereri')} de subvenționare, dintre care ${countOf(eligible, 'cerere eligibilă', 'cereri eligibile')} și ${countOf(ctx.requests.length - eligible, 'cerere neeligibilă', 'cereri neeligibile')}.`,
    `${ctx.commission.name}, constituită prin ${ctx.commission.legalBasis}, a evaluat ${countOf(scored, 'cerere', 'cereri')} pe baza grilei de evaluare (${ctx.grid.source})` +
      `${evaluation.length > 0 ? ` în ${evaluation.length === 1 ? 'ședința' : 'ședințele'} din ${dates(evaluation)}` : ''}` +
      `${ctx.grid.minTotal === null ? '' : `; pragul minim de punctaj este de ${formatDecimal(ctx.grid.minTotal)} puncte`}.`,
    `Rezultatul: ${countOf(totals.fullyFundedCount, 'cerere finanțată', 'cereri finanțate')} integral, ${countOf(totals.partiallyFundedCount, 'cerere finanțată', 'cereri finanțate')} parțial, ` +
      `${countOf(count('nefinantata_buget'), 'cerere nefinanțată', 'cereri nefinanțate')} din lipsă de buget, ${countOf(count('sub_prag'), 'cerere', 'cereri')} sub prag, ` +
      `${countOf(count('neeligibila'), 'cerere neeligibilă', 'cereri neeligibile')}.`,
    stage.sentence,
  ];

  const proposal = [
    `Față de cele de mai sus, propunem ${isReferat ? 'aprobarea rezultatelor selecției și a' : 'Consiliului Local aprobarea, prin hotărâre, a'} acordării subvențiilor pentru anul ${ctx.round.year} către ${countOf(annexRows.length, 'asociație sau fundație', 'asociații și fundații')}, ` +
      `în sumă totală de ${formatLei(annexTotal)}, pentru unitățile de asistență socială, categoriile de servicii, numărul de beneficiari și perioadele prevăzute în anexa la ${isReferat ? 'prezentul referat' : 'prezentul raport'}.`,
    `Subvențiile se acordă din bugetul local, capitolul 68.02 „Asigurări și asistență socială”, lunar, în baza convențiilor încheiate cu fiecare asociație sau fundație, în limita sumelor aprobate.`,
    `Din bugetul rundei de ${formatLei(totals.budget)} rămâne nealocată suma de ${formatLei(totals.remaining)}.`,
  ];

  const lawGenitive = ctx.round.law === 'legea_34_1998' ? 'Legii nr. 34/1998' : 'Legii nr. 350/2005';
  const directorTitle = ctx.institution.headOfInstitutionTitle || 'Director executiv';
  const institutionGenitive = organizationGenitive(ctx.institution.name);
  return {
    header: documentHeader(ctx.institution),
    ...(isReferat ? { approval: approvalSignature(ctx.institution) } : {}),
    stage: stage.stage,
    date: formatRoDate(ctx.date),
    recipient: isReferat
      ? `Către: ${directorTitle}${institutionGenitive ? ` al ${institutionGenitive}` : ctx.institution.headOfInstitution ? ` ${ctx.institution.headOfInstitution}` : ''}`
      : 'Către: Consiliul Local al Municipiului Cluj-Napoca',
    title: isReferat ? 'REFERAT DE APROBARE' : 'RAPORT DE SPECIALITATE',
    subtitle: isReferat
      ? `privind aprobarea rezultatelor selecției și a acordării subvențiilor asociațiilor și fundațiilor pentru anul ${ctx.round.year}, în temeiul ${lawGenitive}`
      : `la proiectul de hotărâre privind aprobarea acordării subvențiilor asociațiilor și fundațiilor pentru anul ${ctx.round.year}, în temeiul ${lawGenitive}`,
    warnings,
    sections: [
      {
        heading: '1. Temeiul legal',
        paragraphs: ['Având în vedere prevederile:'],
        items: [
          ...reportLegalBasis(ctx.round.law, isReferat ? 'referat_aprobare' : 'raport_specialitate'),
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
    signatures: isReferat ? [reviewSignature(ctx.institution), preparerSignature(ctx.institution)] : serviceSignatures(ctx.institution, 'scrisoare'),
  };
}
