import type { Draft, Entity } from '../entity';
import { formatLei, type Bani } from '../money';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import { cleanText } from '../validation/diacritics';
import { formatRoDate, isValidIsoDate, type IsoDate } from '../validation/dates';
import { hasErrors, type FieldErrors } from '../validation/result';
import { apportion, spreadCeilings, type Convention, type ConventionUnit } from './convention';

/** A change to one unit of the convention. Absent fields stay as they were. */
export interface UnitChange {
  unitId: string;
  beneficiariesPerMonth?: number;
  /** The unit's new total for the period (its category budgets scale in proportion). */
  annualTotal?: Bani;
  /** An explicit monthly ceiling; otherwise the new total over the unit's months, in whole lei. */
  monthlyCeiling?: Bani;
  /** The unit leaves the convention from the amendment on (its total becomes what the months before allow). */
  isRemoved?: boolean;
}

/** An act adițional: what it changes, from when, why and by which act. */
export interface Amendment extends Entity {
  conventionId: string;
  number: string;
  date: IsoDate;
  /** The day the change applies from; the terms of a month are those in force on its first day. */
  effectiveFrom: IsoDate;
  reason: string;
  /** "HCL nr. 202/2025", "Dispoziția nr. …". */
  decidingAct: string;
  changes: {
    /** The convention's new total; without unit changes the units' totals scale in proportion. */
    amount?: Bani;
    /** The period's new last month (e.g. an early end). */
    lastMonth?: Month;
    units?: UnitChange[];
  };
}

export type AmendmentDraft = Draft<Amendment>;
export type AmendmentField = 'number' | 'date' | 'effectiveFrom' | 'reason' | 'decidingAct' | 'changes' | 'amount' | 'lastMonth' | `units.${string}`;

/** The terms of a convention on a date: the original convention with the amendments in force applied. */
export interface ConventionTerms {
  conventionId: string;
  year: number;
  firstMonth: Month;
  lastMonth: Month;
  units: ConventionUnit[];
  amount: Bani;
  /** The amount the convention was signed for, kept beside the current one. */
  originalAmount: Bani;
  /** The amendments applied, oldest first ("Act adițional nr. 1 din 15.06.2025: …"). */
  applied: { amendmentId: string; label: string }[];
}

export function validateAmendment(convention: Pick<Convention, 'year' | 'date' | 'firstMonth' | 'units'>, draft: Pick<AmendmentDraft, 'number' | 'date' | 'effectiveFrom' | 'reason' | 'decidingAct' | 'changes'>): FieldErrors<AmendmentField> {
  const errors: FieldErrors<AmendmentField> = {};
  if (!cleanText(draft.number)) errors.number = 'Numărul actului adițional lipsește.';
  if (!isValidIsoDate(draft.date)) errors.date = 'Data actului adițional nu este o dată validă.';
  else if (draft.date < convention.date) errors.date = `Actul adițional nu poate precede convenția (${formatRoDate(convention.date)}).`;
  if (!isValidIsoDate(draft.effectiveFrom)) errors.effectiveFrom = 'Data de la care se aplică nu este o dată validă.';
  else if (Number(draft.effectiveFrom.slice(0, 4)) !== convention.year) errors.effectiveFrom = `Modificarea trebuie să se aplice în anul convenției (${convention.year}).`;
  if (!cleanText(draft.reason)) errors.reason = 'Motivul modificării lipsește.';
  if (!cleanText(draft.decidingAct)) errors.decidingAct = 'Actul care a decis modificarea lipsește.';
  const { amount, lastMonth, units } = draft.changes;
  if (amount === undefined && lastMonth === undefined && !units?.length) errors.changes = 'Actul adițional nu modifică nimic.';
  if (amount !== undefined && (!Number.isSafeInteger(amount) || amount < 0)) errors.amount = 'Suma nouă trebuie să fie pozitivă.';
  if (amount !== undefined && units?.length) errors.amount = 'Indicați fie suma nouă a convenției, fie sumele unităților, nu ambele.';
  if (lastMonth !== undefined && (lastMonth < convention.firstMonth || lastMonth > 12)) errors.lastMonth = `Ultima lună trebuie să fie între ${MONTH_NAMES[convention.firstMonth - 1]} și decembrie.`;
  for (const change of units ?? []) {
    const key = `units.${change.unitId}` as const;
    if (!convention.units.some((u) => u.unitId === change.unitId)) errors[key] = 'Unitatea nu face parte din convenție.';
    else if (change.beneficiariesPerMonth !== undefined && (!Number.isInteger(change.beneficiariesPerMonth) || change.beneficiariesPerMonth < 0)) errors[key] = 'Numărul de beneficiari trebuie să fie un număr întreg pozitiv.';
    else if (change.annualTotal !== undefined && (!Number.isSafeInteger(change.annualTotal) || change.annualTotal < 0)) errors[key] = 'Suma unității trebuie să fie pozitivă.';
    else if (change.monthlyCeiling !== undefined && (!Number.isSafeInteger(change.monthlyCeiling) || change.monthlyCeiling < 0)) errors[key] = 'Plafonul lunar trebuie să fie pozitiv.';
  }
  return errors;
}

export const isAmendmentValid = (...args: Parameters<typeof validateAmendment>): boolean => !hasErrors(validateAmendment(...args));

const byEffect = (a: Pick<Amendment, 'effectiveFrom' | 'date' | 'number'>, b: Pick<Amendment, 'effectiveFrom' | 'date' | 'number'>) =>
  a.effectiveFrom !== b.effectiveFrom ? (a.effectiveFrom < b.effectiveFrom ? -1 : 1) : a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.number.localeCompare(b.number, 'ro', { numeric: true });

function rebudget(unit: ConventionUnit, annualTotal: number): Record<string, Bani> {
  const codes = Object.keys(unit.expenseBudget);
  const split = apportion(annualTotal, codes.map((c) => unit.expenseBudget[c]!));
  return Object.fromEntries(codes.map((c, i) => [c, split.shares[i]!]));
}

/**
 * The unit with a new total from `fromMonth` on: the ceilings of the months before stay as they were
 * contracted (they may already be settled), the months from `fromMonth` share the rest.
 */
function withTotal(unit: ConventionUnit, annualTotal: number, fromMonth: number, ceiling?: Bani): ConventionUnit {
  const kept: Partial<Record<Month, Bani>> = {};
  for (const m of unit.months) if (m < fromMonth) kept[m] = unit.ceilings[m] ?? (0 as Bani);
  const spread = spreadCeilings(unit.months, annualTotal, kept, ceiling);
  return { ...unit, annualTotal: annualTotal as Bani, monthlyCeiling: spread.regular, ceilings: spread.ceilings, expenseBudget: rebudget(unit, annualTotal) };
}

/**
 * The terms in force on `date`: the convention as signed, then each amendment whose effective date
 * is on or before `date`, in the order they apply. Amendments are never folded into the convention
 * itself, so the original amount and every earlier state stay derivable.
 */
export function termsInForce(convention: Pick<Convention, 'id' | 'year' | 'firstMonth' | 'lastMonth' | 'units' | 'amount'>, amendments: readonly Amendment[], date: IsoDate): ConventionTerms {
  let units = convention.units.map((u) => ({ ...u, months: [...u.months], ceilings: { ...u.ceilings }, expenseBudget: { ...u.expenseBudget } }));
  let lastMonth = convention.lastMonth;
  const applied: ConventionTerms['applied'] = [];
  const inForce = amendments.filter((a) => a.conventionId === convention.id && a.effectiveFrom <= date).sort(byEffect);
  for (const amendment of inForce) {
    const { amount, units: changes } = amendment.changes;
    const fromMonth = Number(amendment.effectiveFrom.slice(5, 7));
    if (amendment.changes.lastMonth !== undefined) {
      lastMonth = amendment.changes.lastMonth;
      units = units.map((u) => {
        const months = u.months.filter((m) => m <= lastMonth);
        if (months.length === u.months.length) return u;
        // An earlier end: the months cut lose their ceilings and the total shrinks by as much.
        const ceilings = Object.fromEntries(months.map((m) => [m, u.ceilings[m] ?? 0])) as Partial<Record<Month, Bani>>;
        const total = months.reduce((s, m) => s + (ceilings[m] ?? 0), 0);
        return { ...u, months, ceilings, annualTotal: total as Bani, expenseBudget: rebudget(u, total) };
      });
    }
    if (amount !== undefined) {
      const split = apportion(amount, units.map((u) => u.annualTotal));
      units = units.map((u, i) => withTotal(u, split.shares[i]!, fromMonth));
    }
    for (const change of changes ?? []) {
      units = units.map((u) => {
        if (u.unitId !== change.unitId) return u;
        let next = { ...u };
        if (change.isRemoved) {
          const months = next.months.filter((m) => m < fromMonth);
          const ceilings = Object.fromEntries(months.map((m) => [m, next.ceilings[m] ?? 0])) as Partial<Record<Month, Bani>>;
          const total = months.reduce((s, m) => s + (ceilings[m] ?? 0), 0);
          return { ...next, months, ceilings, annualTotal: total as Bani, expenseBudget: rebudget(next, total) };
        }
        if (change.beneficiariesPerMonth !== undefined) next.beneficiariesPerMonth = change.beneficiariesPerMonth;
        if (change.annualTotal !== undefined || change.monthlyCeiling !== undefined) next = withTotal(next, change.annualTotal ?? next.annualTotal, fromMonth, change.monthlyCeiling);
        return next;
      });
    }
    const total = units.reduce((s, u) => s + u.annualTotal, 0);
    applied.push({ amendmentId: amendment.id, label: `Act adițional nr. ${amendment.number} din ${formatRoDate(amendment.date)} (de la ${formatRoDate(amendment.effectiveFrom)}): ${cleanText(amendment.reason)}; ${amendment.decidingAct}; suma convenției ${formatLei(total)}` });
  }
  return {
    conventionId: convention.id,
    year: convention.year,
    firstMonth: convention.firstMonth,
    lastMonth,
    units,
    amount: units.reduce((s, u) => s + u.annualTotal, 0) as Bani,
    originalAmount: convention.amount,
    applied,
  };
}

/** The terms of a month: those in force on its first day ([I] practică uzuală — de confirmat). */
export function termsForMonth(convention: Parameters<typeof termsInForce>[0], amendments: readonly Amendment[], month: Month): ConventionTerms {
  return termsInForce(convention, amendments, `${convention.year}-${String(month).padStart(2, '0')}-01`);
}
