import type { ConventionTerms } from '../conventions/amendments';
import { unitCeilingForMonth } from '../conventions/convention';
import { formatInteger, formatLei, type Bani } from '../money';
import type { ComputationStep, SubsidyRules } from '../requests/subsidy-computation';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import { daysInMonth, formatRoDate, isoFromParts, isValidIsoDate, type IsoDate } from '../validation/dates';
import { searchKey } from '../validation/diacritics';
import { monthLabel, type ExpenseLine, type MonthlySettlement } from './monthly-settlement';

/** A supporting document already claimed in some settlement (for the "already claimed" check). */
export interface ClaimedDocument {
  conventionId: string;
  conventionNumber: string;
  year: number;
  month: Month;
  lineId: string;
  documentNumber: string;
  supplier: string;
}

/** Claimed documents by document number and supplier, built once for a whole year of settlements. */
export type ClaimIndex = Map<string, ClaimedDocument[]>;

/**
 * Same document: same number and supplier. The number is compared without case or diacritics and
 * with any run of separators (spaces, dashes, slashes, a letter–digit boundary) as one, so that
 * "MTR 0045", "mtr-0045" and "MTR0045" agree while "1-11" and "11-1" stay different; the supplier
 * without case, spaces or punctuation ("S.R.L." = "SRL").
 */
export function documentKey(line: Pick<ExpenseLine, 'documentNumber' | 'supplier'>): string {
  return `${tokens(line.documentNumber, '-')}|${tokens(line.supplier, '')}`;
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * Letters and digits of `text`, lower case and without diacritics, each run of other characters
 * and each letter–digit boundary written as `separator`. A plain loop: a year holds about 50,000
 * documents, each keyed twice.
 */
function tokens(text: string, separator: string): string {
  const plain = (ASCII.test(text) ? text : searchKey(text)).toLowerCase();
  let out = '';
  let previous = 0; // 0 start or separator, 1 letter, 2 digit
  let pending = false;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.charCodeAt(i);
    const kind = code >= 97 && code <= 122 ? 1 : code >= 48 && code <= 57 ? 2 : 0;
    if (kind === 0) {
      pending = out.length > 0;
      continue;
    }
    if (out.length > 0 && (pending || kind !== previous)) out += separator;
    out += plain[i];
    previous = kind;
    pending = false;
  }
  return out;
}

/** The index of the documents claimed in the given settlements (rejected ones do not count). */
export function buildClaimIndex(settlements: readonly (Pick<MonthlySettlement, 'conventionId' | 'year' | 'month' | 'state' | 'expenses'> & { conventionNumber: string })[]): ClaimIndex {
  const index: ClaimIndex = new Map();
  for (const s of settlements) {
    if (s.state === 'respins') continue;
    for (const line of s.expenses) {
      const key = documentKey(line);
      const entry = { conventionId: s.conventionId, conventionNumber: s.conventionNumber, year: s.year, month: s.month, lineId: line.id, documentNumber: line.documentNumber, supplier: line.supplier };
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return index;
}

/** Whether the provider and its units may be paid in a month (Law 197/2012 art. 8; recorded suspensions). */
export interface ProviderStanding {
  /** Date of the accreditation certificate; absent: not accredited. */
  accreditedOn?: IsoDate;
  /** The accreditation was withdrawn (or the provider struck off) on this date. */
  accreditationWithdrawnOn?: IsoDate;
  /** The units' licences as they stand now (a renewed licence replaces the one in the convention). */
  licences?: Record<string, { number: string; issuedOn?: IsoDate; expiresOn?: IsoDate }>;
  /** Suspensions of payment recorded by monitoring (notă de constatare) or by the convention. */
  suspensions?: { from: IsoDate; to?: IsoDate; reason: string; act: string; unitId?: string }[];
}

export interface LineVerdict {
  lineId: string;
  unitId: string;
  claimed: Bani;
  admitted: Bani;
  refused: Bani;
  /** Why (part of) the line was refused. */
  reason?: string;
}

export interface UnitDue {
  unitId: string;
  served: number;
  byLevel: Bani;
  byExpenses: Bani;
  ceiling: Bani;
  amount: Bani;
  steps: ComputationStep[];
}

export interface MonthlyDue {
  year: number;
  month: Month;
  /** What the month's statement claims (all lines). */
  claimed: Bani;
  /** The lines' admitted part, before the limits. */
  admittedExpenses: Bani;
  refused: Bani;
  lines: LineVerdict[];
  units: UnitDue[];
  /** Corrections of earlier months recorded in this one. */
  adjustments: Bani;
  /** The amount due for the month. */
  amount: Bani;
  steps: ComputationStep[];
  /** Why the month cannot be approved for payment; empty: it can. */
  suspensionReasons: string[];
}

export type DueResult = { ok: true; value: MonthlyDue } | { ok: false; message: string };

export interface DueInput {
  terms: ConventionTerms;
  conventionNumber: string;
  settlement: Pick<MonthlySettlement, 'conventionId' | 'year' | 'month' | 'beneficiaries' | 'expenses' | 'otherFunding' | 'adjustments'>;
  /** The level in force that month, read from the dated parameters. */
  rules: Pick<SubsidyRules, 'monthlyLevel'>;
  /** What the convention's earlier months admitted (the remaining amount is what is left). */
  previouslyAdmitted: Bani;
  /** What earlier months admitted per unit and category (for the category budgets). */
  previouslyUsed?: Record<string, Record<string, Bani>>;
  claims?: ClaimIndex;
  standing?: ProviderStanding;
  /** Explanation texts are built by default; off for bulk work that only needs the amounts. */
  isExplained?: boolean;
  /** The expense categories' names as the parameters list them that month (reasons name a category by its name, not its code). */
  categoryLabels?: ReadonlyMap<string, string>;
}

/** The category a settlement line takes when the expense is outside the convention's budget: kept, and refused with its reason. */
export const OTHER_EXPENSE_CATEGORY = 'alte_cheltuieli';
const OTHER_EXPENSE_LABEL = 'Alte cheltuieli (neprevăzute în convenție)';

/** A category's name for the texts: its label in the parameters, else the code as typed. */
export function expenseCategoryLabel(code: string, labels?: ReadonlyMap<string, string>): string {
  return labels?.get(code) ?? (code === OTHER_EXPENSE_CATEGORY ? OTHER_EXPENSE_LABEL : code);
}

/** The month's licence check: the licence covers every day of it (Law 197/2012 art. 8). */
function licenceReason(unitName: string, licence: { number: string; issuedOn?: IsoDate; expiresOn?: IsoDate } | undefined, first: IsoDate, last: IsoDate): string | null {
  if (!licence || !licence.number || !licence.issuedOn || !licence.expiresOn) return `unitatea „${unitName}” nu are licență de funcționare înregistrată (Legea 197/2012, art. 8)`;
  if (licence.issuedOn > first) return `licența unității „${unitName}” este valabilă abia din ${formatRoDate(licence.issuedOn)} (Legea 197/2012, art. 8)`;
  if (licence.expiresOn < last) return `licența unității „${unitName}” a expirat la ${formatRoDate(licence.expiresOn)} (Legea 197/2012, art. 8)`;
  return null;
}

/** Why a month cannot be approved for payment: licence, accreditation or a recorded suspension. */
export function suspensionReasons(terms: Pick<ConventionTerms, 'units' | 'year'>, month: Month, standing: ProviderStanding): string[] {
  const first = isoFromParts(terms.year, month, 1);
  const last = isoFromParts(terms.year, month, daysInMonth(terms.year, month));
  const reasons: string[] = [];
  // Law 197/2012 art. 8: a provider delivers social services only while accredited.
  if (!standing.accreditedOn) reasons.push('furnizorul nu are certificat de acreditare înregistrat (Legea 197/2012, art. 8)');
  else if (standing.accreditedOn > last) reasons.push(`furnizorul este acreditat abia din ${formatRoDate(standing.accreditedOn)} (Legea 197/2012, art. 8)`);
  if (standing.accreditationWithdrawnOn && standing.accreditationWithdrawnOn <= last) reasons.push(`acreditarea furnizorului a fost retrasă la ${formatRoDate(standing.accreditationWithdrawnOn)} (Legea 197/2012, art. 8)`);
  for (const unit of terms.units) {
    if (!unit.months.includes(month)) continue;
    const licence = standing.licences?.[unit.unitId] ?? { number: unit.licenceNumber, issuedOn: unit.licenceIssueDate, expiresOn: unit.licenceExpiryDate };
    const reason = licenceReason(unit.unitName, licence, first, last);
    if (reason) reasons.push(reason);
  }
  // A suspension recorded by monitoring or under the convention's clauses, in force any day of the month.
  for (const s of standing.suspensions ?? []) {
    if (s.from <= last && (!s.to || s.to >= first)) {
      const unit = s.unitId ? terms.units.find((u) => u.unitId === s.unitId) : undefined;
      reasons.push(`plata este suspendată ${s.to ? `între ${formatRoDate(s.from)} și ${formatRoDate(s.to)}` : `din ${formatRoDate(s.from)}`}${unit ? ` pentru unitatea „${unit.unitName}”` : ''} (${s.act}): ${s.reason}`);
    }
  }
  return reasons;
}

const NO_STEPS: ComputationStep[] = [];

/** "1 beneficiar", "19 beneficiari", "25 de beneficiari" (Romanian: "de" from 20, and after 100, 200…). */
export function persons(count: number): string {
  const rest = count % 100;
  const noun = count === 1 ? 'beneficiar' : count !== 0 && (rest === 0 || rest >= 20) ? 'de beneficiari' : 'beneficiari';
  return `${formatInteger(count)} ${noun}`;
}

/**
 * The subsidy due for a month of a convention, each limit cited ([I] practică uzuală — de confirmat,
 * domain.md §9): per unit the smallest of persons actually served × the level in force that month,
 * the eligible expenses documented and paid (net of other funding for the same costs) and the
 * unit's monthly ceiling; then the corrections of earlier months; then no more than what is left of
 * the convention. Each refused line says why. No rounding: expenses are reimbursed to the ban.
 */
export function computeMonthlyDue(input: DueInput): DueResult {
  const { terms, settlement } = input;
  const isExplained = input.isExplained ?? true;
  const month = settlement.month;
  const year = settlement.year;
  const first = isoFromParts(year, month, 1);
  const last = isoFromParts(year, month, daysInMonth(year, month));
  const monthPrefix = first.slice(0, 7);
  const conventionSource = `Convenția nr. ${input.conventionNumber}`;

  const unitById = new Map(terms.units.map((u) => [u.unitId, u]));
  const lines: LineVerdict[] = [];
  const admittedByUnit = new Map<string, number>();
  const usedThisMonth = new Map<string, number>();
  const seenInSettlement = new Map<string, string>();
  let claimed = 0;
  let refused = 0;
  for (const line of settlement.expenses) {
    claimed += line.amount;
    const unit = unitById.get(line.unitId);
    const key = documentKey(line);
    let reason: string | undefined;
    // Law 34/1998 art. 1; HG 1153/2001 art. 2 alin. (2)–(3): only the convention's eligible categories.
    if (!unit || !unit.months.includes(month)) reason = 'unitatea nu este subvenționată în această lună';
    else if (unit.expenseBudget[line.category] === undefined) reason = `categoria „${expenseCategoryLabel(line.category, input.categoryLabels)}” nu este eligibilă în convenție`;
    // The expense belongs to the month settled ([I] practică uzuală — de confirmat).
    else if (!line.documentDate.startsWith(monthPrefix) || !isValidIsoDate(line.documentDate)) reason = `documentul din ${formatRoDate(line.documentDate)} este în afara lunii decontate`;
    // Settlement guides: an expense is justified by a document and a proof of payment (domain.md §9 [V, other funders]).
    else if (!line.proof || !line.proof.number.trim() || !isValidIsoDate(line.proof.date)) reason = 'lipsește dovada plății (ordin de plată, extras de cont sau dispoziție de plată)';
    else if (line.proof.kind === 'dispozitie_plata' && !line.proof.cashRegisterEntry?.trim()) reason = 'plata în numerar nu are înregistrarea în registrul de casă';
    else if (line.proof.date > last) reason = `plata din ${formatRoDate(line.proof.date)} este ulterioară lunii decontate`;
    else {
      // The same document may be claimed once (same number and supplier, any month or convention).
      const earlier = seenInSettlement.get(key);
      const other = input.claims?.get(key)?.find((c) => c.conventionId !== settlement.conventionId || c.year !== year || c.month !== month);
      if (earlier) reason = `documentul nr. ${line.documentNumber} de la ${line.supplier} apare de două ori în decont`;
      else if (other) reason = `documentul nr. ${line.documentNumber} de la ${line.supplier} a mai fost decontat (convenția nr. ${other.conventionNumber}, ${monthLabel(other.year, other.month)})`;
    }
    seenInSettlement.set(key, line.id);
    if (reason || !unit) {
      lines.push({ lineId: line.id, unitId: line.unitId, claimed: line.amount, admitted: 0 as Bani, refused: line.amount, reason });
      refused += line.amount;
      continue;
    }
    // The convention's budget per category (annex of the convention).
    const budgetKey = `${unit.unitId}|${line.category}`;
    const budgetLeft = unit.expenseBudget[line.category]! - (input.previouslyUsed?.[unit.unitId]?.[line.category] ?? 0) - (usedThisMonth.get(budgetKey) ?? 0);
    const admitted = Math.max(0, Math.min(line.amount, budgetLeft));
    usedThisMonth.set(budgetKey, (usedThisMonth.get(budgetKey) ?? 0) + admitted);
    admittedByUnit.set(unit.unitId, (admittedByUnit.get(unit.unitId) ?? 0) + admitted);
    const refusedPart = line.amount - admitted;
    refused += refusedPart;
    lines.push({
      lineId: line.id, unitId: line.unitId, claimed: line.amount, admitted: admitted as Bani, refused: refusedPart as Bani,
      ...(refusedPart > 0 ? { reason: `depășește bugetul categoriei „${expenseCategoryLabel(line.category, input.categoryLabels)}” din convenție (rămas ${formatLei(Math.max(0, budgetLeft))})` } : {}),
    });
  }

  const units: UnitDue[] = [];
  for (const unit of terms.units) {
    if (!unit.months.includes(month)) continue;
    const served = settlement.beneficiaries.find((b) => b.unitId === unit.unitId)?.count ?? 0;
    const level = input.rules.monthlyLevel(unit.serviceCategory, first);
    if (!level.ok) return { ok: false, message: `${unit.unitName}, ${MONTH_NAMES[month - 1]}: ${level.message}` };
    // Law 34/1998 art. 2 alin. (1); the level in force that month (HCL): persons actually served × level.
    const byLevel = level.value.amount * served;
    const documented = admittedByUnit.get(unit.unitId) ?? 0;
    // Other funding for the same costs is not paid twice ([I] practică uzuală — de confirmat).
    const other = settlement.otherFunding.filter((f) => f.unitId === unit.unitId).reduce((s, f) => s + f.amount, 0);
    const byExpenses = Math.max(0, documented - other);
    // The convention's monthly ceiling for the unit.
    const ceiling = unitCeilingForMonth(unit, month);
    const amount = Math.min(byLevel, byExpenses, ceiling);
    const steps: ComputationStep[] = isExplained
      ? [
          { label: 'Beneficiari efectiv asistați × nivelul lunar', detail: `${persons(served)} × ${formatLei(level.value.amount)} (contractați: ${formatInteger(unit.beneficiariesPerMonth)})`, source: `Legea 34/1998, art. 2 alin. (1); ${level.value.source}`, result: byLevel as Bani },
          { label: 'Cheltuieli eligibile justificate și plătite', detail: `${formatLei(documented)} admise din documente${other > 0 ? `, minus ${formatLei(other)} din alte finanțări pentru aceleași costuri` : ''}`, source: `HG 1153/2001, art. 2 alin. (2)–(3); ${conventionSource}, bugetul pe categorii`, result: byExpenses as Bani },
          { label: 'Plafonul lunar al unității', detail: `${unit.unitName}, ${MONTH_NAMES[month - 1]}`, source: `${conventionSource}, plafonul lunar`, result: ceiling },
          { label: 'Suma cuvenită unității', detail: 'cea mai mică dintre limitele de mai sus', source: conventionSource, result: amount as Bani },
        ]
      : NO_STEPS;
    units.push({ unitId: unit.unitId, served, byLevel: byLevel as Bani, byExpenses: byExpenses as Bani, ceiling, amount: amount as Bani, steps });
  }

  const unitsTotal = units.reduce((s, u) => s + u.amount, 0);
  const adjustments = settlement.adjustments.reduce((s, a) => s + a.amount, 0);
  const remaining = Math.max(0, terms.amount - input.previouslyAdmitted);
  const beforeCap = Math.max(0, unitsTotal + adjustments);
  const amount = Math.min(beforeCap, remaining);
  const steps: ComputationStep[] = [];
  if (isExplained) {
    steps.push({ label: 'Suma cuvenită unităților', detail: units.map((u) => formatLei(u.amount)).join(' + ') || 'nicio unitate în această lună', source: conventionSource, result: unitsTotal as Bani });
    if (settlement.adjustments.length > 0) {
      steps.push({ label: 'Ajustări ale lunilor anterioare', detail: settlement.adjustments.map((a) => `${MONTH_NAMES[a.month - 1]}: ${formatLei(a.amount)} (${a.reason})`).join('; '), source: 'Corecții înregistrate după verificare', result: adjustments as Bani });
    }
    steps.push({ label: 'Suma rămasă din convenție', detail: `${formatLei(terms.amount)} contractați${terms.amount !== terms.originalAmount ? ` (inițial ${formatLei(terms.originalAmount)})` : ''} − ${formatLei(input.previouslyAdmitted)} admiși în lunile anterioare`, source: `${conventionSource}, valoarea totală`, result: remaining as Bani });
    steps.push({ label: 'Suma cuvenită pentru lună', detail: amount < beforeCap ? 'limitată la suma rămasă din convenție' : 'suma cuvenită unităților, cu ajustările', source: conventionSource, result: amount as Bani });
  }
  return {
    ok: true,
    value: {
      year, month,
      claimed: claimed as Bani,
      admittedExpenses: [...admittedByUnit.values()].reduce((s, v) => s + v, 0) as Bani,
      refused: refused as Bani,
      lines,
      units,
      adjustments: adjustments as Bani,
      amount: amount as Bani,
      steps,
      suspensionReasons: input.standing ? suspensionReasons(terms, month, input.standing) : [],
    },
  };
}

/** The verification record a computed month freezes into the settlement. */
export function verificationOf(due: MonthlyDue): { claimed: Bani; admitted: Bani; admittedByUnit: Record<string, Bani>; refused: Bani; explanation: string[] } {
  // Corrections and the convention cap apply to the month as a whole; per unit the shares keep the units' amounts, the cap taken off the last.
  const byUnit: Record<string, Bani> = {};
  let left: number = due.amount;
  due.units.forEach((u, i) => {
    const share = i === due.units.length - 1 ? left : Math.min(u.amount, left);
    byUnit[u.unitId] = share as Bani;
    left -= share;
  });
  return {
    claimed: due.claimed,
    admitted: due.amount,
    admittedByUnit: byUnit,
    refused: due.refused,
    explanation: [
      ...due.units.flatMap((u) => u.steps.map((s) => `${s.label}: ${s.detail} = ${formatLei(s.result)} (${s.source})`)),
      ...due.steps.map((s) => `${s.label}: ${s.detail} = ${formatLei(s.result)} (${s.source})`),
      ...due.lines.filter((l) => l.reason).map((l) => `Refuzat ${formatLei(l.refused)}: ${l.reason}`),
    ],
  };
}
