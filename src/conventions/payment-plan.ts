import { formatLei, type Bani } from '../money';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import { cleanText } from '../validation/diacritics';
import { isValidIsoDate, type IsoDate } from '../validation/dates';
import { hasErrors, type FieldErrors } from '../validation/result';
import type { ConventionTerms } from './amendments';
import { unitCeilingForMonth } from './convention';

export type InstalmentState = 'programata' | 'aprobata' | 'platita' | 'restituita' | 'anulata';
export const INSTALMENT_STATES: Record<InstalmentState, string> = {
  programata: 'Programată',
  aprobata: 'Aprobată',
  platita: 'Plătită',
  restituita: 'Restituită',
  anulata: 'Anulată',
};

/** Which state may follow which; a paid instalment is only ever returned, never edited. */
export const INSTALMENT_TRANSITIONS: Record<InstalmentState, InstalmentState[]> = {
  programata: ['aprobata', 'anulata'],
  aprobata: ['platita', 'programata', 'anulata'],
  platita: ['restituita'],
  restituita: [],
  anulata: [],
};

export interface InstalmentChange {
  from: InstalmentState;
  to: InstalmentState;
  by: string;
  /** ISO timestamp. */
  at: string;
  note?: string;
}

/** One monthly instalment of the payment plan (the subsidy is paid monthly: HG 539/1998 art. 3). */
export interface Instalment {
  conventionId: string;
  month: Month;
  /** What the plan foresees for the month: the sum of the units' ceilings. */
  planned: Bani;
  state: InstalmentState;
  /** The amount approved (ordonanțat) or paid; absent while scheduled. */
  amount?: Bani;
  paymentOrderNumber?: string;
  history: InstalmentChange[];
}

/** The plan: one instalment per month of the terms, each the sum of the units' ceilings for it. */
export function paymentPlan(terms: Pick<ConventionTerms, 'conventionId' | 'firstMonth' | 'lastMonth' | 'units'>): Instalment[] {
  const plan: Instalment[] = [];
  for (let m = terms.firstMonth; m <= terms.lastMonth; m++) {
    const month = m as Month;
    const planned = terms.units.reduce((s, u) => s + unitCeilingForMonth(u, month), 0);
    if (planned > 0) plan.push({ conventionId: terms.conventionId, month, planned: planned as Bani, state: 'programata', history: [] });
  }
  return plan;
}

/**
 * Moves an instalment to another state, recording who and when. Approval and payment carry the
 * amount (no more than planned); a return or a cancellation needs a reason.
 */
export function changeInstalment(
  instalment: Instalment,
  to: InstalmentState,
  by: { by: string; at: string; note?: string; amount?: Bani; paymentOrderNumber?: string },
): { ok: true; value: Instalment } | { ok: false; message: string } {
  const allowed = INSTALMENT_TRANSITIONS[instalment.state];
  const label = `Rata pentru ${MONTH_NAMES[instalment.month - 1]}`;
  if (!allowed.includes(to)) return { ok: false, message: `${label} este „${INSTALMENT_STATES[instalment.state]}” și nu poate deveni „${INSTALMENT_STATES[to]}”.` };
  if (!cleanText(by.by)) return { ok: false, message: 'Lipsește cine face modificarea.' };
  if ((to === 'restituita' || to === 'anulata') && !cleanText(by.note)) return { ok: false, message: `Motivul lipsește: o rată ${to === 'anulata' ? 'anulată' : 'restituită'} se motivează.` };
  const amount = to === 'aprobata' || to === 'platita' ? (by.amount ?? instalment.amount ?? instalment.planned) : instalment.amount;
  if ((to === 'aprobata' || to === 'platita') && (amount === undefined || amount < 0 || amount > instalment.planned)) {
    return { ok: false, message: `${label}: suma de ${formatLei(amount ?? 0)} depășește plafonul lunii (${formatLei(instalment.planned)}).` };
  }
  if (to === 'platita' && !cleanText(by.paymentOrderNumber ?? instalment.paymentOrderNumber)) return { ok: false, message: `${label}: numărul ordinului de plată lipsește.` };
  return {
    ok: true,
    value: {
      ...instalment,
      state: to,
      amount: to === 'programata' ? undefined : amount,
      paymentOrderNumber: to === 'platita' ? cleanText(by.paymentOrderNumber ?? instalment.paymentOrderNumber) : instalment.paymentOrderNumber,
      history: [...instalment.history, { from: instalment.state, to, by: cleanText(by.by), at: by.at, ...(by.note ? { note: cleanText(by.note) } : {}) }],
    },
  };
}

/**
 * The budget classification of the subsidy. Capitol 68.02 "Asigurări și asistență socială" is
 * verified (domain.md §9, Cluj-Napoca HCL preambles); the title/article is a setting: the default
 * 59.11 "Asociații și fundații" is [I] — de confirmat cu Direcția Economică.
 */
export interface BudgetClassification {
  chapter: string;
  subchapter: string;
  titleArticle: string;
  titleArticleLabel: string;
  /** True while the title/article is the shipped default nobody has confirmed. */
  isDefault: boolean;
}

export const DEFAULT_BUDGET_CLASSIFICATION: BudgetClassification = {
  chapter: '68.02',
  subchapter: '',
  titleArticle: '59.11',
  titleArticleLabel: 'Asociații și fundații',
  isDefault: true,
};

/** The budget commitment (angajament bugetar, OMFP 1792/2002 annex 2) recorded for a convention. */
export interface BudgetCommitment {
  conventionId: string;
  number: string;
  date: IsoDate;
  amount: Bani;
  classification: BudgetClassification;
  /** Preventive financial control visa (viza CFP, OG 119/1999 [I]). */
  cfpVisa?: { by: string; on: IsoDate };
}

export type CommitmentField = 'number' | 'date' | 'amount' | 'classification.chapter' | 'classification.titleArticle';

export function validateCommitment(commitment: BudgetCommitment, terms: Pick<ConventionTerms, 'amount'>): FieldErrors<CommitmentField> {
  const errors: FieldErrors<CommitmentField> = {};
  if (!cleanText(commitment.number)) errors.number = 'Numărul angajamentului bugetar lipsește.';
  if (!isValidIsoDate(commitment.date)) errors.date = 'Data angajamentului bugetar nu este o dată validă.';
  // OMFP 1792/2002: the commitment covers the obligation the convention creates.
  if (!Number.isSafeInteger(commitment.amount) || commitment.amount <= 0) errors.amount = 'Suma angajată trebuie să fie pozitivă.';
  else if (commitment.amount < terms.amount) errors.amount = `Suma angajată (${formatLei(commitment.amount)}) este mai mică decât suma convenției (${formatLei(terms.amount)}).`;
  if (!/^\d{2}\.\d{2}$/.test(commitment.classification.chapter)) errors['classification.chapter'] = 'Capitolul bugetar se scrie „68.02”.';
  if (!/^\d{2}(\.\d{2}){0,2}$/.test(commitment.classification.titleArticle)) errors['classification.titleArticle'] = 'Titlul/articolul bugetar se scrie „59.11”.';
  return errors;
}

export const isCommitmentValid = (c: BudgetCommitment, t: Pick<ConventionTerms, 'amount'>): boolean => !hasErrors(validateCommitment(c, t));

/** "68.02.59.11" — the budget line used in totals. */
export const budgetLine = (c: Pick<BudgetClassification, 'chapter' | 'subchapter' | 'titleArticle'>): string => [c.chapter, c.subchapter, c.titleArticle].filter(Boolean).join('.');
