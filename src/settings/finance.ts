import { DEFAULT_AUTHORITY, DEFAULT_SUBMISSION_DAY } from '../conventions/convention';
import { DEFAULT_BUDGET_CLASSIFICATION, type BudgetClassification } from '../conventions/payment-plan';
import { cleanText } from '../validation/diacritics';
import { parseOptionalDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';

/**
 * The finance department's settings for conventions: the authority's party, the budget title/article
 * (capitol 68.02 is verified; the title/article is not: 59.11 "Asociații și fundații" is [I] — de
 * confirmat cu Direcția Economică, domain.md §9) and the convention's default settlement submission
 * day (the current norms' text was not read: [I] practică uzuală — de confirmat). Until someone
 * records who confirmed them, the values are shown as defaults to confirm.
 */
export interface FinanceSettings {
  /** The authority's party in the convention. */
  authority: string;
  budgetSubchapter: string;
  budgetTitleArticle: string;
  budgetTitleArticleLabel: string;
  /** Day of the following month by which a month's settlement is due (1–28), as typed. */
  submissionDay: string;
  /** Who confirmed these values (Direcția Economică) and when (ISO date); empty while they are the shipped defaults. */
  confirmedBy: string;
  confirmedOn: string;
}

export type FinanceField = keyof FinanceSettings;

export const FINANCE_FIELD_LABELS: Record<FinanceField, string> = {
  authority: 'Autoritatea (partea din convenție)',
  budgetSubchapter: 'Subcapitolul bugetar (opțional)',
  budgetTitleArticle: 'Titlul/articolul bugetar',
  budgetTitleArticleLabel: 'Denumirea titlului/articolului',
  submissionDay: 'Ziua de depunere a decontului (luna următoare)',
  confirmedBy: 'Confirmat de (Direcția Economică)',
  confirmedOn: 'Data confirmării',
};

export function defaultFinanceSettings(): FinanceSettings {
  return {
    authority: DEFAULT_AUTHORITY,
    budgetSubchapter: DEFAULT_BUDGET_CLASSIFICATION.subchapter,
    budgetTitleArticle: DEFAULT_BUDGET_CLASSIFICATION.titleArticle,
    budgetTitleArticleLabel: DEFAULT_BUDGET_CLASSIFICATION.titleArticleLabel,
    submissionDay: String(DEFAULT_SUBMISSION_DAY),
    confirmedBy: '',
    confirmedOn: '',
  };
}

export function validateFinanceSettings(input: FinanceSettings): { value: FinanceSettings; errors: FieldErrors<FinanceField> } {
  const value = Object.fromEntries(Object.keys(defaultFinanceSettings()).map((k) => [k, cleanText(String(input[k as FinanceField] ?? ''))])) as unknown as FinanceSettings;
  const errors: FieldErrors<FinanceField> = {};
  if (!value.authority) errors.authority = 'Autoritatea care încheie convenția este obligatorie.';
  if (!/^\d{2}(\.\d{2}){0,2}$/.test(value.budgetTitleArticle)) errors.budgetTitleArticle = 'Titlul/articolul bugetar se scrie „59.11”.';
  if (value.budgetSubchapter && !/^\d{2}$/.test(value.budgetSubchapter)) errors.budgetSubchapter = 'Subcapitolul se scrie cu două cifre („05”) sau rămâne gol.';
  if (!value.budgetTitleArticleLabel) errors.budgetTitleArticleLabel = 'Denumirea titlului/articolului bugetar lipsește.';
  const day = Number(value.submissionDay);
  if (!/^\d{1,2}$/.test(value.submissionDay) || day < 1 || day > 28) errors.submissionDay = 'Ziua de depunere a decontului trebuie să fie între 1 și 28.';
  const on = parseOptionalDate(value.confirmedOn, 'Data confirmării');
  if (!on.ok) errors.confirmedOn = on.message;
  else value.confirmedOn = on.value ?? '';
  if (value.confirmedBy && !value.confirmedOn) errors.confirmedOn = 'Indicați data la care valorile au fost confirmate.';
  if (!value.confirmedBy && value.confirmedOn) errors.confirmedBy = 'Indicați cine a confirmat valorile.';
  return { value, errors };
}

/** True while nobody has recorded a confirmation of the values (they are the shipped, [I] defaults). */
export const isFinanceUnconfirmed = (settings: FinanceSettings): boolean => !settings.confirmedBy || !settings.confirmedOn;

/** The budget classification of the convention's commitment: capitol 68.02 with the title/article of the settings. */
export function budgetClassificationOf(settings: FinanceSettings): BudgetClassification {
  return {
    chapter: DEFAULT_BUDGET_CLASSIFICATION.chapter,
    subchapter: settings.budgetSubchapter,
    titleArticle: settings.budgetTitleArticle,
    titleArticleLabel: settings.budgetTitleArticleLabel,
    isDefault: isFinanceUnconfirmed(settings),
  };
}

export const submissionDayOf = (settings: FinanceSettings): number => {
  const day = Number(settings.submissionDay);
  return Number.isInteger(day) && day >= 1 && day <= 28 ? day : DEFAULT_SUBMISSION_DAY;
};
