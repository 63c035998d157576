import type { Draft, Entity } from '../entity';
import { formatLei, type Bani } from '../money';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import { maskCnp, validateCnp } from '../validation/cnp';
import { cleanText } from '../validation/diacritics';
import { daysInMonth, formatRoDate, isoFromParts, isValidIsoDate, type IsoDate } from '../validation/dates';
import { hasErrors, type FieldErrors } from '../validation/result';
import type { MonthlyDue } from './monthly-subsidy-due';

export type SettlementState = 'ciorna' | 'depus' | 'verificat' | 'aprobat' | 'platit' | 'respins';
export const SETTLEMENT_STATES: Record<SettlementState, string> = {
  ciorna: 'Ciornă',
  depus: 'Depus',
  verificat: 'Verificat (bun de plată)',
  aprobat: 'Aprobat la plată (ordonanțat)',
  platit: 'Plătit',
  respins: 'Respins',
};

/** A settled month is locked from verification on: a correction is an adjustment in a later month. */
export const LOCKED_STATES: readonly SettlementState[] = ['verificat', 'aprobat', 'platit'];
export const isLocked = (s: Pick<MonthlySettlement, 'state'>): boolean => LOCKED_STATES.includes(s.state);

export type DocumentType = 'factura' | 'stat_plata' | 'contract' | 'bon_fiscal' | 'chitanta_furnizor' | 'alt_document';
export const DOCUMENT_TYPES: Record<DocumentType, string> = {
  factura: 'Factură',
  stat_plata: 'Stat de plată',
  contract: 'Contract',
  bon_fiscal: 'Bon fiscal',
  chitanta_furnizor: 'Chitanță',
  alt_document: 'Alt document justificativ',
};

export type ProofKind = 'ordin_plata' | 'extras_cont' | 'dispozitie_plata';
/** Proof of payment as settlement guides ask for it (domain.md §9 [V, other funders]). */
export const PROOF_KINDS: Record<ProofKind, string> = {
  ordin_plata: 'Ordin de plată',
  extras_cont: 'Extras de cont',
  dispozitie_plata: 'Dispoziție de plată (numerar), cu înregistrarea în registrul de casă',
};

export interface ProofOfPayment {
  kind: ProofKind;
  number: string;
  date: IsoDate;
  /** For cash: the entry in the cash register (registrul de casă), e.g. "RC 03/2025, poz. 14". */
  cashRegisterEntry?: string;
}

/** One supporting document of the month's expense statement. */
export interface ExpenseLine {
  id: string;
  unitId: string;
  /** Expense category code (the eligible list of the convention). */
  category: string;
  documentType: DocumentType;
  documentNumber: string;
  documentDate: IsoDate;
  supplier: string;
  amount: Bani;
  proof?: ProofOfPayment;
}

/** A person on the nominal list: the CNP is kept masked only (GDPR). */
export interface NominalEntry {
  name: string;
  maskedCnp: string;
  daysPresent: number;
}

export interface BeneficiariesServed {
  unitId: string;
  /** Persons actually served in the month. */
  count: number;
  /** Days of service, where the service is day-based. */
  serviceDays?: number;
  nominalList?: NominalEntry[];
}

export interface OtherFunding {
  unitId: string;
  source: string;
  amount: Bani;
  /** The expense category the other funding pays for; absent: the unit's costs in general. */
  category?: string;
}

/** A correction of an earlier, locked month, recorded in a later month (never an edit). */
export interface SettlementAdjustment {
  /** The month corrected. */
  month: Month;
  /** Added to this month's amount due (negative: a sum withheld). */
  amount: Bani;
  reason: string;
  by: string;
  at: string;
}

export interface SettlementChange {
  from: SettlementState;
  to: SettlementState;
  by: string;
  at: string;
  note?: string;
}

/** What the verification froze: the amounts the rules admitted, per unit, and what was refused. */
export interface SettlementVerification {
  by: string;
  at: string;
  claimed: Bani;
  admitted: Bani;
  admittedByUnit: Record<string, Bani>;
  refused: Bani;
  /** Romanian explanation lines (the computation's steps). */
  explanation: string[];
  /** What the month's admitted lines used of each unit's category budget (unit → category → bani). */
  usedByCategory?: Record<string, Record<string, Bani>>;
  /** The whole computation as it was at verification (every step and line verdict), for the verification note. */
  due?: MonthlyDue;
}

/** The monthly settlement (decont lunar) of a convention. */
export interface MonthlySettlement extends Entity {
  conventionId: string;
  year: number;
  month: Month;
  state: SettlementState;
  beneficiaries: BeneficiariesServed[];
  expenses: ExpenseLine[];
  otherFunding: OtherFunding[];
  adjustments: SettlementAdjustment[];
  submittedOn?: IsoDate;
  isLate?: boolean;
  verification?: SettlementVerification;
  /** Ordonanțare de plată (OMFP 1792/2002 annex 3). */
  approval?: { ordonantareNumber: string; ordonantareDate: IsoDate; by: string; at: string };
  payment?: { paymentOrderNumber: string; date: IsoDate };
  rejection?: { reason: string; by: string; at: string };
  history: SettlementChange[];
}

export type SettlementDraft = Draft<MonthlySettlement>;
export type SettlementResult<T = MonthlySettlement> = { ok: true; value: T } | { ok: false; message: string };

export function emptySettlement(conventionId: string, year: number, month: Month): SettlementDraft {
  return { conventionId, year, month, state: 'ciorna', beneficiaries: [], expenses: [], otherFunding: [], adjustments: [], history: [] };
}

export const monthLabel = (year: number, month: Month): string => `${MONTH_NAMES[month - 1]} ${year}`;

/** A nominal list entry from what was typed: the CNP checked, then only its mask kept. */
export function nominalEntry(input: { name: string; cnp: string; daysPresent: number }): { ok: true; value: NominalEntry } | { ok: false; message: string } {
  const name = cleanText(input.name);
  if (!name) return { ok: false, message: 'Numele beneficiarului lipsește.' };
  const cnp = validateCnp(input.cnp);
  if (!cnp.ok) return { ok: false, message: `${name}: ${cnp.message}` };
  if (!Number.isInteger(input.daysPresent) || input.daysPresent < 0 || input.daysPresent > 31) return { ok: false, message: `${name}: zilele de prezență trebuie să fie între 0 și 31.` };
  return { ok: true, value: { name, maskedCnp: maskCnp(cnp.value), daysPresent: input.daysPresent } };
}

export type SettlementField = 'beneficiaries' | 'expenses' | 'otherFunding' | `beneficiaries.${string}` | `expenses.${string}` | `otherFunding.${number}`;

/** Checks what the NGO entered; the rules of the amount due are in monthly-subsidy-due.ts. */
export function validateSettlement(settlement: Pick<MonthlySettlement, 'year' | 'month' | 'beneficiaries' | 'expenses' | 'otherFunding'>, unitIds: readonly string[]): FieldErrors<SettlementField> {
  const errors: FieldErrors<SettlementField> = {};
  const days = daysInMonth(settlement.year, settlement.month);
  for (const b of settlement.beneficiaries) {
    const key = `beneficiaries.${b.unitId}` as const;
    if (!unitIds.includes(b.unitId)) errors[key] = 'Unitatea nu face parte din convenție.';
    else if (!Number.isInteger(b.count) || b.count < 0) errors[key] = 'Numărul de beneficiari trebuie să fie un număr întreg pozitiv.';
    else if (b.serviceDays !== undefined && (!Number.isInteger(b.serviceDays) || b.serviceDays < 0 || b.serviceDays > days)) errors[key] = `Zilele de serviciu trebuie să fie între 0 și ${days}.`;
    else if (b.nominalList && b.nominalList.length !== b.count) errors[key] = `Lista nominală are ${b.nominalList.length} persoane, iar numărul declarat este ${b.count}.`;
  }
  for (const line of settlement.expenses) {
    const key = `expenses.${line.id}` as const;
    if (!unitIds.includes(line.unitId)) errors[key] = 'Unitatea nu face parte din convenție.';
    else if (!cleanText(line.category)) errors[key] = 'Categoria de cheltuieli lipsește.';
    else if (!cleanText(line.documentNumber)) errors[key] = 'Numărul documentului justificativ lipsește.';
    else if (!isValidIsoDate(line.documentDate)) errors[key] = 'Data documentului justificativ nu este o dată validă.';
    else if (!cleanText(line.supplier)) errors[key] = 'Furnizorul lipsește.';
    else if (!Number.isSafeInteger(line.amount) || line.amount <= 0) errors[key] = 'Suma documentului trebuie să fie pozitivă.';
    else if (line.proof && !isValidIsoDate(line.proof.date)) errors[key] = 'Data dovezii de plată nu este o dată validă.';
  }
  settlement.otherFunding.forEach((f, i) => {
    if (!cleanText(f.source) || !Number.isSafeInteger(f.amount) || f.amount < 0) errors[`otherFunding.${i}`] = 'Sursa și suma celeilalte finanțări sunt obligatorii.';
  });
  return errors;
}

/** The last day for submitting a month's settlement: the convention's day of the following month. */
export function submissionDeadline(year: number, month: Month, submissionDay: number): IsoDate {
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  return isoFromParts(nextYear, nextMonth, Math.min(submissionDay, daysInMonth(nextYear, nextMonth)));
}

const change = (s: MonthlySettlement, to: SettlementState, by: string, at: string, note?: string): SettlementChange => ({ from: s.state, to, by: cleanText(by), at, ...(note ? { note } : {}) });
const refuse = (s: Pick<MonthlySettlement, 'state' | 'year' | 'month'>, action: string): SettlementResult<never> => ({
  ok: false,
  message: `Decontul pentru ${monthLabel(s.year, s.month)} este „${SETTLEMENT_STATES[s.state]}” și nu poate fi ${action}.`,
});

/** The NGO's entries change only while the settlement is a draft (or sent back after a rejection). */
export function editSettlement(s: MonthlySettlement, changes: Partial<Pick<MonthlySettlement, 'beneficiaries' | 'expenses' | 'otherFunding'>>): SettlementResult {
  if (s.state !== 'ciorna') return refuse(s, isLocked(s) ? 'modificat: luna verificată este blocată; o corecție se înregistrează ca ajustare într-o lună ulterioară' : 'modificat');
  return { ok: true, value: { ...s, ...changes } };
}

/** Submission (depunere): late when after the convention's day of the following month. */
export function submitSettlement(s: MonthlySettlement, input: { on: IsoDate; by: string; at: string; submissionDay: number }): SettlementResult {
  if (s.state !== 'ciorna') return refuse(s, 'depus');
  if (!isValidIsoDate(input.on)) return { ok: false, message: 'Data depunerii nu este o dată validă.' };
  const deadline = submissionDeadline(s.year, s.month, input.submissionDay);
  const isLate = input.on > deadline;
  return { ok: true, value: { ...s, state: 'depus', submittedOn: input.on, isLate, history: [...s.history, change(s, 'depus', input.by, input.at, isLate ? `depus după termenul din ${formatRoDate(deadline)}` : undefined)] } };
}

/**
 * Verification (lichidare, "bun de plată", OMFP 1792/2002): the amounts the rules admit are frozen
 * in the settlement, which is locked from then on.
 */
export function verifySettlement(s: MonthlySettlement, input: Omit<SettlementVerification, 'at' | 'by'> & { by: string; at: string }): SettlementResult {
  if (s.state !== 'depus') return refuse(s, 'verificat');
  if (!cleanText(input.by)) return { ok: false, message: 'Lipsește cine a verificat decontul.' };
  return { ok: true, value: { ...s, state: 'verificat', verification: { ...input, by: cleanText(input.by) }, history: [...s.history, change(s, 'verificat', input.by, input.at, `admis ${formatLei(input.admitted)}`)] } };
}

/** Approval for payment (ordonanțare): refused while the month is suspended (reasons given). */
export function approveSettlement(s: MonthlySettlement, input: { ordonantareNumber: string; ordonantareDate: IsoDate; by: string; at: string; suspensionReasons: readonly string[] }): SettlementResult {
  if (s.state !== 'verificat') return refuse(s, 'aprobat la plată');
  if (input.suspensionReasons.length > 0) return { ok: false, message: `Plata pentru ${monthLabel(s.year, s.month)} este suspendată: ${input.suspensionReasons.join('; ')}.` };
  const number = cleanText(input.ordonantareNumber);
  if (!number) return { ok: false, message: 'Numărul ordonanțării de plată lipsește.' };
  if (!isValidIsoDate(input.ordonantareDate)) return { ok: false, message: 'Data ordonanțării de plată nu este o dată validă.' };
  return { ok: true, value: { ...s, state: 'aprobat', approval: { ordonantareNumber: number, ordonantareDate: input.ordonantareDate, by: cleanText(input.by), at: input.at }, history: [...s.history, change(s, 'aprobat', input.by, input.at, `ordonanțarea nr. ${number}`)] } };
}

/** Payment (plată): the Treasury payment order. */
export function paySettlement(s: MonthlySettlement, input: { paymentOrderNumber: string; date: IsoDate; by: string; at: string }): SettlementResult {
  if (s.state !== 'aprobat') return refuse(s, 'marcat plătit');
  const number = cleanText(input.paymentOrderNumber);
  if (!number) return { ok: false, message: 'Numărul ordinului de plată lipsește.' };
  if (!isValidIsoDate(input.date)) return { ok: false, message: 'Data plății nu este o dată validă.' };
  return { ok: true, value: { ...s, state: 'platit', payment: { paymentOrderNumber: number, date: input.date }, history: [...s.history, change(s, 'platit', input.by, input.at, `ordinul de plată nr. ${number}`)] } };
}

/** Rejection of a submitted settlement, with its reason; the NGO may rework it as a draft. */
export function rejectSettlement(s: MonthlySettlement, input: { reason: string; by: string; at: string }): SettlementResult {
  if (s.state !== 'depus') return refuse(s, 'respins');
  const reason = cleanText(input.reason);
  if (!reason) return { ok: false, message: 'Motivul respingerii lipsește.' };
  return { ok: true, value: { ...s, state: 'respins', rejection: { reason, by: cleanText(input.by), at: input.at }, history: [...s.history, change(s, 'respins', input.by, input.at, reason)] } };
}

export function reworkRejected(s: MonthlySettlement, input: { by: string; at: string }): SettlementResult {
  if (s.state !== 'respins') return refuse(s, 'redeschis');
  return { ok: true, value: { ...s, state: 'ciorna', history: [...s.history, change(s, 'ciorna', input.by, input.at, 'refăcut după respingere')] } };
}

/** A correction of a locked earlier month, recorded in this (later, still open) settlement. */
export function recordAdjustment(later: MonthlySettlement, corrected: Pick<MonthlySettlement, 'conventionId' | 'year' | 'month' | 'state'>, adjustment: Omit<SettlementAdjustment, 'month'>): SettlementResult {
  if (later.state !== 'ciorna' && later.state !== 'depus') return refuse(later, 'ajustat');
  if (corrected.conventionId !== later.conventionId || corrected.year !== later.year) return { ok: false, message: 'Ajustarea privește o lună a aceleiași convenții.' };
  if (corrected.month >= later.month) return { ok: false, message: `O corecție pentru ${monthLabel(corrected.year, corrected.month)} se înregistrează într-o lună ulterioară.` };
  if (!isLocked(corrected)) return { ok: false, message: `Decontul pentru ${monthLabel(corrected.year, corrected.month)} nu este verificat; se corectează direct.` };
  if (!cleanText(adjustment.reason)) return { ok: false, message: 'Motivul ajustării lipsește.' };
  if (!Number.isSafeInteger(adjustment.amount) || adjustment.amount === 0) return { ok: false, message: 'Suma ajustării trebuie să fie diferită de zero.' };
  return { ok: true, value: { ...later, adjustments: [...later.adjustments, { ...adjustment, month: corrected.month, reason: cleanText(adjustment.reason) }] } };
}

export const isSettlementValid = (...args: Parameters<typeof validateSettlement>): boolean => !hasErrors(validateSettlement(...args));
