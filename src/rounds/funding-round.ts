import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import { formatLei, type Bani } from '../money';
import { DOSSIER_ITEMS } from '../requests/dossier';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { parseDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';

/** The law a funding round applies. */
export type FundingLaw = 'legea_34_1998' | 'legea_350_2005';
export const FUNDING_LAWS: Record<FundingLaw, string> = {
  legea_34_1998: 'Legea 34/1998 (subvenții pentru unități de asistență socială)',
  legea_350_2005: 'Legea 350/2005 (finanțări nerambursabile)',
};
export const FUNDING_LAW_SHORT: Record<FundingLaw, string> = { legea_34_1998: 'Legea 34/1998', legea_350_2005: 'Legea 350/2005' };

/**
 * The date eligibility is judged on: the round's submission deadline (the dossier must be complete
 * and valid then — HG 1153/2001 art. 4; the call) or, where the round says so, each request's
 * registration date. Never the day someone opens the file.
 */
export type AssessmentDateBasis = 'termen_depunere' | 'data_inregistrarii';
export const ASSESSMENT_DATE_BASES: Record<AssessmentDateBasis, string> = {
  termen_depunere: 'termenul de depunere al rundei',
  data_inregistrarii: 'data înregistrării cererii',
};

/**
 * Regula aplicației (implicit, modificabil pe rundă): termenul de completare a dosarului din
 * notificarea privind documentele lipsă, în zile lucrătoare.
 */
export const DEFAULT_COMPLETION_WORKING_DAYS = 5;

export type RoundStatus = 'deschisa' | 'in_evaluare' | 'finalizata';
export const ROUND_STATUSES: Record<RoundStatus, string> = {
  deschisa: 'Deschisă',
  in_evaluare: 'În evaluare',
  finalizata: 'Finalizată',
};

/**
 * A funding round: one call for requests under one law for one budget year. Cluj-Napoca usually
 * runs one Law 34/1998 round a year (requests for year N are submitted by the last working day of
 * September of year N-1) and may open a second one for money left over (HCL 202/2025).
 */
export interface FundingRound extends Entity {
  law: FundingLaw;
  /** The budget year the subsidies are for. */
  year: number;
  name: string;
  /** Budget available, in bani. */
  budget: Bani;
  submissionStart: IsoDate;
  submissionEnd: IsoDate;
  /** The act that approves the budget or opens the round (e.g. a council decision). */
  legalBasis: string;
  status: RoundStatus;
  /**
   * The largest share of a unit's costs the subsidy may cover, in basis points (9000 = 90 %), or
   * null when the round sets none. Law 34/1998 has the subsidy complement the NGO's own resources
   * (HG 1153/2001); the share, where a local rule sets one, is the round's, with its source.
   */
  maxShareBasisPoints: number | null;
  maxShareSource: string;
  /** Absent on rounds stored before it was kept: the submission deadline. */
  assessmentDateBasis?: AssessmentDateBasis;
  /**
   * Supporting dossier items (beyond HG 1153/2001 art. 4 alin. (1)) the round makes mandatory:
   * missing, they make the request ineligible; otherwise they only go into the missing-documents notice.
   */
  mandatoryDossierItems?: string[];
  /** Working days the missing-documents notice gives to complete the dossier; absent: the app's default. */
  completionWorkingDays?: number;
  notes: string;
}

export type FundingRoundDraft = Draft<FundingRound>;
export type FundingRoundField = keyof FundingRoundDraft;

export const FUNDING_ROUND_FIELD_LABELS: Record<FundingRoundField, string> = {
  law: 'Legea',
  year: 'Anul bugetar',
  name: 'Denumirea rundei',
  budget: 'Bugetul disponibil (lei)',
  submissionStart: 'Depunere de la',
  submissionEnd: 'Depunere până la',
  legalBasis: 'Temeiul (act de aprobare)',
  status: 'Stare',
  maxShareBasisPoints: 'Cota maximă din costuri (%)',
  maxShareSource: 'Temeiul cotei maxime',
  assessmentDateBasis: 'Data la care se judecă eligibilitatea',
  mandatoryDossierItems: 'Documente suplimentare obligatorii',
  completionWorkingDays: 'Termen de completare a dosarului (zile lucrătoare)',
  notes: 'Observații',
};

/** The name a new round gets from its law and budget year, e.g. "Subvenții Legea 34/1998 pentru anul 2027". */
export function defaultRoundName(law: FundingLaw, year: number | string): string {
  return `Subvenții ${FUNDING_LAW_SHORT[law] ?? FUNDING_LAW_SHORT.legea_34_1998} pentru anul ${String(year).trim()}`;
}

/**
 * The name of a round being filled in, once its law or year changes: it follows them while it is
 * still the name they would give (or empty), and stays as the user wrote it once edited.
 */
export function followingRoundName(previous: { law: FundingLaw; year: number | string; name: string }, next: { law: FundingLaw; year: number | string }): string {
  const followed = previous.name.trim() === '' || previous.name.trim() === defaultRoundName(previous.law, previous.year);
  return followed ? defaultRoundName(next.law, next.year) : previous.name;
}

/** Names compared the way a reader would: case, spacing and the cedilla/comma forms of ș ț aside. */
function comparableName(name: string): string {
  return name.replace(/[şŞ]/g, 'ș').replace(/[ţŢ]/g, 'ț').replace(/\s+/g, ' ').trim().toLocaleLowerCase('ro-RO');
}

/** The error for a round named like another one (two rounds of the same name cannot be told apart in lists and documents). */
export function duplicateRoundNameError(name: string, others: ReadonlyArray<Pick<FundingRound, 'id' | 'name'>>, selfId?: string): string | undefined {
  const wanted = comparableName(name);
  if (wanted === '') return undefined;
  const twin = others.find((r) => r.id !== selfId && comparableName(r.name) === wanted);
  return twin ? `Există deja o rundă cu numele „${twin.name}”. Alegeți alt nume.` : undefined;
}

export function emptyFundingRound(year: number): FundingRoundDraft {
  return {
    law: 'legea_34_1998',
    year,
    name: defaultRoundName('legea_34_1998', year),
    budget: 0 as Bani,
    submissionStart: '',
    submissionEnd: '',
    legalBasis: '',
    status: 'deschisa',
    maxShareBasisPoints: null,
    maxShareSource: '',
    assessmentDateBasis: 'termen_depunere',
    mandatoryDossierItems: [],
    completionWorkingDays: DEFAULT_COMPLETION_WORKING_DAYS,
    notes: '',
  };
}

export function validateFundingRound(input: FundingRoundDraft): { value: FundingRoundDraft; errors: FieldErrors<FundingRoundField> } {
  const value = pickFields(input, emptyFundingRound(input.year));
  const errors: FieldErrors<FundingRoundField> = {};
  value.name = cleanText(input.name);
  value.legalBasis = cleanText(input.legalBasis);
  value.maxShareSource = cleanText(input.maxShareSource ?? '');
  value.maxShareBasisPoints = input.maxShareBasisPoints ?? null;
  value.notes = cleanMultiline(input.notes);
  value.assessmentDateBasis = input.assessmentDateBasis ?? 'termen_depunere';
  if (!Object.hasOwn(ASSESSMENT_DATE_BASES, value.assessmentDateBasis)) errors.assessmentDateBasis = 'Alegeți data la care se judecă eligibilitatea.';
  value.mandatoryDossierItems = [...new Set(input.mandatoryDossierItems ?? [])];
  const unknownItems = value.mandatoryDossierItems.filter((code) => !DOSSIER_ITEMS.some((item) => item.code === code && !item.isRefusalGround));
  if (unknownItems.length > 0) errors.mandatoryDossierItems = `Documentele „${unknownItems.join('”, „')}” nu sunt documente suplimentare ale dosarului.`;
  value.completionWorkingDays = input.completionWorkingDays ?? DEFAULT_COMPLETION_WORKING_DAYS;
  if (!Number.isInteger(value.completionWorkingDays) || value.completionWorkingDays < 1 || value.completionWorkingDays > 60) {
    errors.completionWorkingDays = 'Termenul de completare trebuie să fie un număr întreg de zile lucrătoare, între 1 și 60.';
  }
  if (!Object.hasOwn(FUNDING_LAWS, value.law)) errors.law = 'Alegeți legea.';
  if (!Object.hasOwn(ROUND_STATUSES, value.status)) errors.status = 'Alegeți starea.';
  if (!Number.isInteger(value.year) || value.year < 2000 || value.year > 2100) errors.year = 'Anul bugetar trebuie să fie între 2000 și 2100.';
  if (value.name.length < 3) errors.name = 'Denumirea rundei este obligatorie.';
  if (!Number.isSafeInteger(value.budget) || value.budget <= 0) errors.budget = 'Bugetul trebuie să fie o sumă pozitivă în lei, cu cel mult două zecimale.';
  if (value.maxShareBasisPoints !== null) {
    if (!Number.isInteger(value.maxShareBasisPoints) || value.maxShareBasisPoints <= 0 || value.maxShareBasisPoints > 10_000) {
      errors.maxShareBasisPoints = 'Cota trebuie să fie un procent între 0 și 100, cu cel mult două zecimale.';
    } else if (!value.maxShareSource) errors.maxShareSource = 'Arătați actul care stabilește cota (de ex. regulamentul aprobat prin HCL).';
  }
  const start = parseDate(input.submissionStart, 'Data de început a depunerii');
  if (start.ok) value.submissionStart = start.value;
  else errors.submissionStart = start.message;
  const end = parseDate(input.submissionEnd, 'Termenul de depunere');
  if (end.ok) value.submissionEnd = end.value;
  else errors.submissionEnd = end.message;
  if (start.ok && end.ok && end.value < start.value) errors.submissionEnd = 'Termenul de depunere nu poate fi înaintea datei de început.';
  return { value, errors };
}

/** "90" or "87,5" (%) → basis points (9000, 8750); undefined when the text is not a percentage. */
export function parsePercent(text: string): number | undefined {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The round's limit on the share of costs, as the subsidy rules take it; null when none is set. */
export function roundShareOfCosts(round: Partial<Pick<FundingRound, 'maxShareBasisPoints' | 'maxShareSource'>>): { basisPoints: number; source: string } | null {
  return round.maxShareBasisPoints ? { basisPoints: round.maxShareBasisPoints, source: round.maxShareSource ?? '' } : null;
}

/**
 * The date eligibility of `request` is judged on in `round` (HG 1153/2001 art. 4: the dossier
 * complete and valid at the submission deadline; the round may choose the registration date).
 * Old rounds without the field use the deadline.
 */
export function assessmentDate(round: Pick<FundingRound, 'submissionEnd'> & Partial<Pick<FundingRound, 'assessmentDateBasis'>>, request: { registeredOn: IsoDate }): IsoDate {
  return round.assessmentDateBasis === 'data_inregistrarii' ? request.registeredOn : round.submissionEnd;
}

/** Working days of the missing-documents term of the round (the app's default when the round sets none). */
export function roundCompletionWorkingDays(round: Partial<Pick<FundingRound, 'completionWorkingDays'>> | undefined): number {
  return round?.completionWorkingDays ?? DEFAULT_COMPLETION_WORKING_DAYS;
}

/** A request registered on `date` comes after the round's submission deadline (and is not eligible: HG 1153/2001 art. 4; the call). */
export function isFiledLate(round: Pick<FundingRound, 'submissionEnd'>, date: IsoDate): boolean {
  return date > round.submissionEnd;
}

/** Requests can be registered in the round on `date`. */
export function isSubmissionOpen(round: Pick<FundingRound, 'status' | 'submissionStart' | 'submissionEnd'>, date: IsoDate): boolean {
  return round.status === 'deschisa' && round.submissionStart <= date && date <= round.submissionEnd;
}

/** "Legea 34/1998 · 2027 · 2.215.615,00 lei" */
export function roundSummary(round: Pick<FundingRound, 'law' | 'year' | 'budget'>): string {
  return `${FUNDING_LAW_SHORT[round.law]} · ${round.year} · ${formatLei(round.budget)}`;
}
