// Conventions of subsidy: the awards of a round whose results are final, read from its frozen
// snapshot (never recomputed), joined to the catalog's NGO, the register's units, the dated
// parameters and the settings, and handed to the pure conventionFromAward; the stored conventions
// with the terms in force, the payment plan and the budget commitment, for the screens.
import type { Organization } from '../../src/catalog/organization';
import { snapshotResults, type ResultsSnapshot } from '../../src/commission/results-snapshot';
import type { AllocationStatus } from '../../src/commission/ranking';
import { termsInForce, type Amendment, type AmendmentDraft, type ConventionTerms, type UnitChange } from '../../src/conventions/amendments';
import type { InstalmentState } from '../../src/conventions/payment-plan';
import { conventionFromAward, type Convention, type ConventionField, type ConventionResult } from '../../src/conventions/convention';
import { DomainError, ValidationError } from '../../src/errors';
import { parseLei, type Bani } from '../../src/money';
import { createSubsidyRules, ELIGIBLE_EXPENSES_KEY } from '../../src/requests/parameter-rules';
import type { Month } from '../../src/requests/subsidy-request';
import type { FundingRound } from '../../src/rounds/funding-round';
import { roundShareOfCosts } from '../../src/rounds/funding-round';
import { budgetClassificationOf, isFinanceUnconfirmed, submissionDayOf, type FinanceSettings } from '../../src/settings/finance';
import { cleanText } from '../../src/validation/diacritics';
import { isoFromParts, parseDate, type IsoDate } from '../../src/validation/dates';
import type { FieldErrors } from '../../src/validation/result';
import type { StoredCommitment, StoredInstalment } from '../db/database';
import type { CommitmentInput } from '../db/repositories/conventions';
import type { Store } from '../db/store';

/** A funded award of a round whose results are final, with the conventions already made from it. */
export interface Award {
  round: FundingRound;
  snapshot: ResultsSnapshot;
  requestId: string;
  /** The request's registration label as frozen ("12/2026"). */
  label: string;
  organizationId: string;
  organizationName: string;
  allocated: Bani;
  status: AllocationStatus;
  /** Conventions made from this request, any state. */
  conventions: Convention[];
  /** True while no convention that has not ended exists for the award. */
  isOpen: boolean;
}

export interface YearAwards {
  awards: Award[];
  /** The year's rounds whose results are not final yet: no convention can start from them. */
  roundsNotFinal: FundingRound[];
}

/** The years with rounds or conventions, latest first (the current year always among them). */
export async function conventionYears(store: Store, now: Date = new Date()): Promise<number[]> {
  const rounds = await store.rounds.list();
  return [...new Set([now.getFullYear(), ...rounds.map((r) => r.year)])].sort((a, b) => b - a);
}

/** The funded awards of the year's rounds with final results, from their snapshots in force. */
export async function awardsOfYear(store: Store, year: number): Promise<YearAwards> {
  const rounds = (await store.rounds.list()).filter((r) => r.year === year);
  const awards: Award[] = [];
  const roundsNotFinal: FundingRound[] = [];
  for (const round of rounds) {
    const evaluation = await store.evaluations.getByRound(round.id);
    const snapshot = evaluation?.lock.isLocked ? await store.snapshots.current(round.id) : undefined;
    if (!snapshot) {
      roundsNotFinal.push(round);
      continue;
    }
    const conventions = await store.conventions.listByRound(round.id);
    const frozen = new Map(snapshot.content.requests.map((r) => [r.id, r]));
    for (const row of snapshotResults(snapshot).ranking.rows) {
      if ((row.status !== 'finantata' && row.status !== 'finantata_partial') || row.allocated <= 0) continue;
      const request = frozen.get(row.requestId);
      if (!request) continue;
      const made = conventions.filter((c) => c.requestId === row.requestId);
      awards.push({
        round, snapshot, requestId: row.requestId, label: row.label, organizationId: request.organizationId, organizationName: request.organizationName,
        allocated: row.allocated as Bani, status: row.status, conventions: made, isOpen: !made.some((c) => c.state !== 'incetata'),
      });
    }
  }
  return { awards, roundsNotFinal };
}

/** What the user types to make a convention from an award (dates as typed: zz.ll.aaaa). */
export interface ConventionForm {
  councilNumber: string;
  councilDate: string;
  number: string;
  date: string;
  /** "1".."12"; empty: the award's first month. */
  firstMonth: string;
  /** Empty: the settings' default. */
  submissionDay: string;
  financialOfficer: string;
}

export function emptyConventionForm(finance?: FinanceSettings): ConventionForm {
  return { councilNumber: '', councilDate: '', number: '', date: '', firstMonth: '', submissionDay: finance?.submissionDay ?? '', financialOfficer: '' };
}

/** The form's dates parsed; errors keyed by the fields of conventionFromAward. */
function parseForm(form: ConventionForm): { values: { councilDate?: IsoDate; date?: IsoDate; firstMonth?: Month; submissionDay?: number }; errors: FieldErrors<ConventionField> } {
  const errors: FieldErrors<ConventionField> = {};
  const council = parseDate(form.councilDate, 'Data hotărârii consiliului local');
  if (!council.ok) errors['councilDecision.date'] = council.message;
  const date = parseDate(form.date, 'Data convenției');
  if (!date.ok) errors.date = date.message;
  let firstMonth: Month | undefined;
  if (cleanText(form.firstMonth)) {
    const m = Number(form.firstMonth);
    if (!Number.isInteger(m) || m < 1 || m > 12) errors.firstMonth = 'Prima lună a convenției trebuie să fie între 1 și 12.';
    else firstMonth = m as Month;
  }
  let submissionDay: number | undefined;
  if (cleanText(form.submissionDay)) {
    submissionDay = Number(form.submissionDay);
    if (!Number.isInteger(submissionDay)) errors.submissionDay = 'Ziua de depunere a decontului trebuie să fie un număr între 1 și 28.';
  }
  return { values: { councilDate: council.ok ? council.value : undefined, date: date.ok ? date.value : undefined, firstMonth, submissionDay }, errors };
}

/**
 * The convention the award makes with what was typed, before anything is stored: the frozen award
 * (the snapshot in force), the NGO from the catalog, its units from the register, the level in force
 * at the first month and the eligible categories from the dated parameters, the authority and the
 * default submission day from the settings. The council's decision (HCL number and date) is required.
 */
export async function prepareConvention(store: Store, award: Pick<Award, 'round' | 'requestId'>, form: ConventionForm): Promise<ConventionResult> {
  const round = award.round;
  const evaluation = await store.evaluations.getByRound(round.id);
  const snapshot = evaluation?.lock.isLocked ? await store.snapshots.current(round.id) : undefined;
  if (!snapshot) return { ok: false, errors: { award: 'Rezultatele rundei nu sunt finale: convenția se încheie doar pe baza rezultatelor finale.' } };
  const request = await store.requests.get(award.requestId);
  if (!request) return { ok: false, errors: { award: 'Cererea nu mai există.' } };
  const organization: Organization | undefined = await store.organizations.get(request.organizationId);
  if (!organization) return { ok: false, errors: { award: 'ONG-ul cererii nu mai există în catalog.' } };
  const [units, params, finance] = await Promise.all([store.units.listByOrganization(organization.id), store.parameters.store(), store.settings.getFinance()]);
  const parsed = parseForm(form);
  const result = conventionFromAward({
    snapshot,
    request,
    organization,
    units,
    councilDecision: { number: form.councilNumber, date: parsed.values.councilDate ?? ('' as IsoDate) },
    number: form.number,
    date: parsed.values.date ?? ('' as IsoDate),
    financialOfficer: form.financialOfficer,
    firstMonth: parsed.values.firstMonth,
    submissionDay: parsed.values.submissionDay ?? submissionDayOf(finance),
    authority: finance.authority,
    rules: createSubsidyRules(params, { maxShareOfCosts: roundShareOfCosts(round) }),
  });
  // The typed dates' own messages come first: they say what was typed.
  if (Object.keys(parsed.errors).length > 0) return { ok: false, errors: { ...result.errors, ...parsed.errors } };
  return result;
}

/** Makes and stores the convention; the field errors come back as a ValidationError. */
export async function createConvention(store: Store, award: Pick<Award, 'round' | 'requestId'>, form: ConventionForm): Promise<Convention> {
  const result = await prepareConvention(store, award, form);
  if (!result.ok) {
    if (result.errors.award) throw new DomainError(result.errors.award);
    throw new ValidationError(result.errors);
  }
  return store.conventions.createFromAward(result.value);
}

/** One row of the year's list of conventions. */
export interface ConventionRow {
  convention: Convention;
  originalAmount: Bani;
  currentAmount: Bani;
  amendmentCount: number;
  commitment?: StoredCommitment;
}

export async function conventionRows(store: Store, year: number): Promise<ConventionRow[]> {
  const conventions = (await store.conventions.listByYear(year)).sort((a, b) => a.number.localeCompare(b.number, 'ro', { numeric: true }));
  const commitments = await store.conventions.commitmentsOf(conventions.map((c) => c.id));
  return Promise.all(conventions.map(async (convention) => {
    const amendments = await store.conventions.listAmendments(convention.id);
    const terms = termsInForce(convention, amendments, `${year}-12-31`);
    return { convention, originalAmount: convention.amount, currentAmount: terms.amount, amendmentCount: amendments.length, commitment: commitments.get(convention.id) };
  }));
}

/** Everything the convention page shows. */
export interface ConventionDetail {
  convention: Convention;
  amendments: Amendment[];
  /** The terms with every amendment (at the end of the year). */
  terms: ConventionTerms;
  /** The terms before each amendment and after it, for its document and its row in the list. */
  amendmentTerms: { amendment: Amendment; before: ConventionTerms; after: ConventionTerms }[];
  instalments: StoredInstalment[];
  commitment?: StoredCommitment;
  finance: FinanceSettings;
  /** Expense category code → its name in the eligible list in force at the convention's start. */
  categoryLabels: Record<string, string>;
}

export async function conventionDetail(store: Store, id: string): Promise<ConventionDetail | undefined> {
  const convention = await store.conventions.get(id);
  if (!convention) return undefined;
  const [amendments, instalments, commitment, finance, params] = await Promise.all([
    store.conventions.listAmendments(id), store.conventions.listInstalments(id), store.conventions.getCommitment(id), store.settings.getFinance(), store.parameters.store(),
  ]);
  const items = params.listItemsAt(ELIGIBLE_EXPENSES_KEY, isoFromParts(convention.year, convention.firstMonth, 1));
  return {
    convention,
    amendments,
    terms: termsInForce(convention, amendments, `${convention.year}-12-31`),
    amendmentTerms: amendments.map((amendment, i) => ({ amendment, ...amendmentBeforeAfter(convention, amendments.slice(0, i + 1)) })),
    instalments,
    commitment,
    finance,
    categoryLabels: items.ok ? Object.fromEntries(items.value.map((i) => [i.code, i.label])) : {},
  };
}

/** The terms without and with the last of `upTo` (the amendments recorded up to it). */
function amendmentBeforeAfter(convention: Convention, upTo: readonly Amendment[]): { before: ConventionTerms; after: ConventionTerms } {
  const end = `${convention.year}-12-31`;
  return { before: termsInForce(convention, upTo.slice(0, -1), end), after: termsInForce(convention, upTo, end) };
}

/** The terms in force on a date (the amendments effective by then applied). */
export async function termsOn(store: Store, conventionId: string, date: IsoDate): Promise<ConventionTerms> {
  return store.conventions.terms(conventionId, date);
}

/** An amount in lei as typed, positive or zero. */
function parseAmount(text: string, label: string): { ok: true; value: Bani } | { ok: false; message: string } {
  const value = parseLei(text);
  if (value === undefined) return { ok: false, message: `${label}: „${cleanText(text)}” nu este o sumă în lei (de exemplu 1.537.120,00).` };
  if (value < 0) return { ok: false, message: `${label} trebuie să fie pozitivă.` };
  return { ok: true, value };
}

/** What the user types for an amendment (amounts in lei as typed, dates zz.ll.aaaa). */
export interface AmendmentForm {
  number: string;
  date: string;
  effectiveFrom: string;
  reason: string;
  decidingAct: string;
  /** The convention's new total in lei; empty: unchanged. */
  amount: string;
  /** "1".."12"; empty: unchanged. */
  lastMonth: string;
  /** Per unit: new beneficiaries per month and new total in lei; empty: unchanged. */
  units: Record<string, { beneficiaries: string; total: string }>;
}

export const emptyAmendmentForm = (): AmendmentForm => ({ number: '', date: '', effectiveFrom: '', reason: '', decidingAct: '', amount: '', lastMonth: '', units: {} });

/** The amendment the form describes, or the errors of what was typed (keys of validateAmendment). */
export function amendmentFromForm(form: AmendmentForm): { draft?: Omit<AmendmentDraft, 'conventionId'>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = parseDate(form.date, 'Data actului adițional');
  if (!date.ok) errors.date = date.message;
  const effectiveFrom = parseDate(form.effectiveFrom, 'Data de la care se aplică');
  if (!effectiveFrom.ok) errors.effectiveFrom = effectiveFrom.message;
  const changes: AmendmentDraft['changes'] = {};
  if (cleanText(form.amount)) {
    const amount = parseAmount(form.amount, 'Suma nouă a convenției');
    if (!amount.ok) errors.amount = amount.message;
    else changes.amount = amount.value;
  }
  if (cleanText(form.lastMonth)) {
    const m = Number(form.lastMonth);
    if (!Number.isInteger(m) || m < 1 || m > 12) errors.lastMonth = 'Ultima lună trebuie să fie între 1 și 12.';
    else changes.lastMonth = m as Month;
  }
  const units: UnitChange[] = [];
  for (const [unitId, typed] of Object.entries(form.units)) {
    const change: UnitChange = { unitId };
    if (cleanText(typed.beneficiaries)) {
      const n = Number(typed.beneficiaries);
      if (!Number.isInteger(n) || n < 0) errors[`units.${unitId}`] = 'Numărul de beneficiari trebuie să fie un număr întreg pozitiv.';
      else change.beneficiariesPerMonth = n;
    }
    if (cleanText(typed.total)) {
      const total = parseAmount(typed.total, 'Suma nouă a unității');
      if (!total.ok) errors[`units.${unitId}`] = total.message;
      else change.annualTotal = total.value;
    }
    if (change.beneficiariesPerMonth !== undefined || change.annualTotal !== undefined) units.push(change);
  }
  if (units.length > 0) changes.units = units;
  if (Object.keys(errors).length > 0) return { errors };
  return {
    draft: { number: form.number, date: date.ok ? date.value : ('' as IsoDate), effectiveFrom: effectiveFrom.ok ? effectiveFrom.value : ('' as IsoDate), reason: form.reason, decidingAct: form.decidingAct, changes },
    errors,
  };
}

export async function addAmendment(store: Store, conventionId: string, form: AmendmentForm): Promise<Amendment> {
  const { draft, errors } = amendmentFromForm(form);
  if (!draft) throw new ValidationError(errors);
  return store.conventions.addAmendment(conventionId, draft);
}

/** What the user types for the budget commitment. */
export interface CommitmentForm {
  number: string;
  date: string;
  amount: string;
  chapter: string;
  subchapter: string;
  titleArticle: string;
  titleArticleLabel: string;
  cfpBy: string;
  cfpOn: string;
}

/** The commitment form: the recorded commitment, or the current amount and the settings' classification. */
export function commitmentFormOf(detail: Pick<ConventionDetail, 'commitment' | 'terms' | 'finance'>, format: (amount: Bani) => string, formatDate: (d: IsoDate) => string): CommitmentForm {
  const c = detail.commitment;
  const classification = c?.classification ?? budgetClassificationOf(detail.finance);
  return {
    number: c?.number ?? '',
    date: c ? formatDate(c.date) : '',
    amount: format(c?.amount ?? detail.terms.amount),
    chapter: classification.chapter,
    subchapter: classification.subchapter,
    titleArticle: classification.titleArticle,
    titleArticleLabel: classification.titleArticleLabel,
    cfpBy: c?.cfpVisa?.by ?? '',
    cfpOn: c?.cfpVisa ? formatDate(c.cfpVisa.on) : '',
  };
}

export function commitmentFromForm(form: CommitmentForm, finance: FinanceSettings): { input?: CommitmentInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = parseDate(form.date, 'Data angajamentului bugetar');
  if (!date.ok) errors.date = date.message;
  const amount = parseAmount(form.amount, 'Suma angajată');
  if (!amount.ok) errors.amount = amount.message;
  let cfpVisa: CommitmentInput['cfpVisa'];
  if (cleanText(form.cfpBy) || cleanText(form.cfpOn)) {
    const on = parseDate(form.cfpOn, 'Data vizei CFP');
    if (!on.ok) errors.cfpOn = on.message;
    if (!cleanText(form.cfpBy)) errors.cfpBy = 'Numele celui care acordă viza CFP lipsește.';
    if (on.ok) cfpVisa = { by: form.cfpBy, on: on.value };
  }
  if (Object.keys(errors).length > 0) return { errors };
  const fromSettings = budgetClassificationOf(finance);
  const titleArticle = cleanText(form.titleArticle);
  return {
    input: {
      number: form.number,
      date: date.ok ? date.value : ('' as IsoDate),
      amount: amount.ok ? amount.value : (0 as Bani),
      classification: {
        chapter: form.chapter,
        subchapter: form.subchapter,
        titleArticle,
        titleArticleLabel: form.titleArticleLabel,
        // Still the shipped default while it is the settings' unconfirmed title/article.
        isDefault: isFinanceUnconfirmed(finance) && titleArticle === fromSettings.titleArticle,
      },
      ...(cfpVisa ? { cfpVisa } : {}),
    },
    errors,
  };
}

export async function recordCommitment(store: Store, conventionId: string, form: CommitmentForm, expectedVersion?: number): Promise<StoredCommitment> {
  const finance = await store.settings.getFinance();
  const { input, errors } = commitmentFromForm(form, finance);
  if (!input) throw new ValidationError(errors);
  return store.conventions.recordCommitment(conventionId, input, expectedVersion);
}

/** Moves an instalment to another state with what was typed (the amount in lei; empty: the planned or approved one). */
export async function changeInstalment(
  store: Store,
  instalment: Pick<StoredInstalment, 'id' | 'version'>,
  to: InstalmentState,
  typed: { amount?: string; paymentOrderNumber?: string; note?: string },
): Promise<StoredInstalment> {
  let amount: Bani | undefined;
  if (cleanText(typed.amount)) {
    const parsed = parseAmount(typed.amount ?? '', 'Suma');
    if (!parsed.ok) throw new ValidationError({ amount: parsed.message });
    amount = parsed.value;
  }
  return store.conventions.changeInstalment(instalment.id, instalment.version, to, { amount, paymentOrderNumber: typed.paymentOrderNumber, note: typed.note });
}
