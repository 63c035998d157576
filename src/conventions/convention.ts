import type { Draft, Entity } from '../entity';
import type { Organization } from '../catalog/organization';
import type { ResultsSnapshot } from '../commission/results-snapshot';
import { snapshotResults } from '../commission/results-snapshot';
import { formatLei, type Bani } from '../money';
import type { SocialServiceUnit } from '../register/unit';
import type { SubsidyRules } from '../requests/subsidy-computation';
import { describeMonths, MONTH_NAMES, type Month, type SubsidyRequest } from '../requests/subsidy-request';
import { validateCui } from '../validation/cui';
import { cleanText } from '../validation/diacritics';
import { daysInMonth, formatRoDate, isoFromParts, isValidIsoDate, type IsoDate } from '../validation/dates';
import { validateIban } from '../validation/iban';
import { hasErrors, type FieldErrors } from '../validation/result';

export type ConventionState = 'provizorie' | 'definitiva' | 'incetata';
export const CONVENTION_STATES: Record<ConventionState, string> = {
  provizorie: 'Provizorie',
  definitiva: 'Definitivă',
  incetata: 'Încetată',
};

/** A council decision (hotărâre a consiliului local) the convention rests on. */
export interface CouncilDecision {
  /** "818/2024" or "818" — kept as text. */
  number: string;
  date: IsoDate;
}

/** The subsidised provider, as the convention names it (copied from the catalog when it is made). */
export interface ProviderParty {
  organizationId: string;
  name: string;
  cui: string;
  iban: string;
  bankName: string;
  representativeName: string;
  representativeRole: string;
  financialOfficer: string;
}

/** One social-assistance unit of the convention, with what was contracted for it. */
export interface ConventionUnit {
  unitId: string;
  unitName: string;
  serviceCode: string;
  serviceCategory: string;
  licenceNumber: string;
  licenceIssueDate?: IsoDate;
  licenceExpiryDate?: IsoDate;
  beneficiariesPerMonth: number;
  /** The monthly level per beneficiary in force at the convention's first month, with its source. */
  monthlyLevel: Bani;
  levelSource: string;
  /** The months the unit is subsidised, within the convention's period. */
  months: Month[];
  /** What the unit may receive in a regular month (whole lei); the last month takes the remainder. */
  monthlyCeiling: Bani;
  /** The ceiling of each of the unit's months (month → bani); they sum to annualTotal. */
  ceilings: Partial<Record<Month, Bani>>;
  annualTotal: Bani;
  /** Eligible expense category code → its contracted budget for the period (sums to annualTotal). */
  expenseBudget: Record<string, Bani>;
}

/** The convention of subsidy (convenție de subvenționare, Law 34/1998 art. 1 alin. (3)). */
export interface Convention extends Entity {
  roundId: string;
  requestId: string;
  /** The frozen results the convention starts from (never a recomputation). */
  snapshotId: string;
  year: number;
  number: string;
  date: IsoDate;
  state: ConventionState;
  /** The council decision approving the list of units and levels (at Cluj-Napoca, the December HCL). */
  councilDecision: CouncilDecision;
  /** The later decision approving the final conventions, once recorded (the convention becomes definitivă). */
  finalDecision?: CouncilDecision;
  /** The authority's party ("Municipiul Cluj-Napoca, prin Primar / DASM"). */
  authority: string;
  provider: ProviderParty;
  firstMonth: Month;
  /** Always 12: the convention runs to 31 December. */
  lastMonth: Month;
  units: ConventionUnit[];
  /** The award's allocated amount: the sum of the units' annual totals. */
  amount: Bani;
  /** How the award became the units' totals and ceilings (scaling, rounding, remainders), in Romanian. */
  allocationNotes: string[];
  /** Day of the following month by which the NGO submits a month's settlement (a term of the convention). */
  submissionDay: number;
  terminatedOn?: IsoDate;
  terminationReason?: string;
}

export type ConventionDraft = Draft<Convention>;

/** Labels used in the field errors of conventionFromAward. */
export type ConventionField = 'number' | 'date' | 'councilDecision.number' | 'councilDecision.date' | 'firstMonth' | 'submissionDay' | 'award' | 'provider.cui' | 'provider.iban' | 'provider.representativeName' | `units.${string}`;

/**
 * Day of the month after the settled month by which the settlement is due. The current norms' text
 * was not read (domain.md §9, gap): [I] practică uzuală — de confirmat; the convention states its own.
 */
export const DEFAULT_SUBMISSION_DAY = 10;

export const DEFAULT_AUTHORITY = 'Municipiul Cluj-Napoca, prin Primar, reprezentat de Direcția de Asistență Socială și Medicală Cluj-Napoca';

const ALL_MONTHS: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LEU = 100;

/**
 * Splits `total` bani over `weights` in proportion, each share rounded down to whole lei, then the
 * whole lei left over given one by one to the largest fractional parts (ties: the earlier weight),
 * and any bani below a leu to the largest share. The shares always sum to `total`.
 */
export function apportion(total: number, weights: readonly number[]): { shares: Bani[]; remainder: Bani } {
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return { shares: [], remainder: 0 as Bani };
  if (weightSum <= 0) {
    const shares = weights.map(() => 0) as Bani[];
    shares[0] = total as Bani;
    return { shares, remainder: total as Bani };
  }
  const exact = weights.map((w) => (BigInt(Math.round(total)) * BigInt(Math.round(w))));
  const big = BigInt(Math.round(weightSum)) * BigInt(LEU);
  const lei = exact.map((e) => Number(e / big));
  const fractions = exact.map((e, i) => ({ i, rest: e - BigInt(lei[i]!) * big }));
  let left = total - lei.reduce((s, v) => s + v * LEU, 0);
  const remainder = left as Bani;
  fractions.sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  const shares = lei.map((l) => l * LEU);
  for (const f of fractions) {
    if (left < LEU) break;
    shares[f.i]! += LEU;
    left -= LEU;
  }
  if (left > 0) {
    const largest = shares.reduce((best, s, i) => (s > shares[best]! ? i : best), 0);
    shares[largest]! += left;
  }
  return { shares: shares as Bani[], remainder };
}

/** The ceiling of a unit for one of its months: the regular ceiling, the last month the remainder. */
export function unitCeilingForMonth(unit: Pick<ConventionUnit, 'months' | 'ceilings'>, month: Month): Bani {
  if (!unit.months.includes(month)) return 0 as Bani;
  return unit.ceilings[month] ?? (0 as Bani);
}

/**
 * Spreads `total` over `months`: the months in `kept` keep their ceilings, the others share what is
 * left in whole lei (rounded down), the last of them taking the remainder.
 */
export function spreadCeilings(months: readonly Month[], total: number, kept: Partial<Record<Month, Bani>> = {}, regular?: Bani): { ceilings: Partial<Record<Month, Bani>>; regular: Bani } {
  const open = months.filter((m) => kept[m] === undefined);
  const keptSum = months.reduce((s, m) => s + (kept[m] ?? 0), 0);
  const left = Math.max(0, total - keptSum);
  const ceiling = regular ?? regularCeiling(left, open.length);
  const ceilings: Partial<Record<Month, Bani>> = {};
  let given = 0;
  open.forEach((m, i) => {
    const value = i === open.length - 1 ? Math.max(0, left - given) : Math.min(ceiling, left - given);
    ceilings[m] = value as Bani;
    given += value;
  });
  for (const m of months) if (kept[m] !== undefined) ceilings[m] = kept[m];
  return { ceilings, regular: ceiling };
}

/** Whole-lei regular ceiling: the annual total over the months, rounded down to the leu. */
export function regularCeiling(annualTotal: number, monthCount: number): Bani {
  if (monthCount <= 0) return 0 as Bani;
  return (Math.floor(annualTotal / monthCount / LEU) * LEU) as Bani;
}

export interface AwardInput {
  snapshot: Pick<ResultsSnapshot, 'id' | 'roundId' | 'content' | 'supersededAt'>;
  request: Pick<SubsidyRequest, 'id' | 'roundId' | 'organizationId' | 'year' | 'units' | 'status'>;
  organization: Pick<Organization, 'id' | 'name' | 'cui' | 'iban' | 'bankName' | 'representativeName' | 'representativeRole'>;
  units: readonly Pick<SocialServiceUnit, 'id' | 'name' | 'serviceCode' | 'licenceNumber' | 'licenceIssueDate' | 'licenceExpiryDate'>[];
  councilDecision: CouncilDecision;
  number: string;
  date: IsoDate;
  financialOfficer: string;
  /** The convention's first month; by default the first month of the award. */
  firstMonth?: Month;
  submissionDay?: number;
  authority?: string;
  /** The dated parameters: monthly level in force at the first month, eligible expense categories. */
  rules: Pick<SubsidyRules, 'monthlyLevel' | 'eligibleExpenseCategories'>;
}

export type ConventionResult = { ok: true; value: ConventionDraft; errors: FieldErrors<ConventionField> } | { ok: false; errors: FieldErrors<ConventionField> };

/**
 * The convention as the frozen award makes it: the provider's party, the period from its first
 * month to 31 December, and per unit the contracted beneficiaries, the level in force, the annual
 * total (the award's amounts; a partial award scaled down), the monthly ceiling and the budget of
 * its eligible expense categories. Nothing is recomputed from the live request except the split of
 * the awarded amount over the requested categories.
 */
export function conventionFromAward(input: AwardInput): ConventionResult {
  const errors: FieldErrors<ConventionField> = {};
  const number = cleanText(input.number);
  if (!number) errors.number = 'Numărul convenției lipsește.';
  if (!isValidIsoDate(input.date)) errors.date = 'Data convenției nu este o dată validă.';
  const hclNumber = cleanText(input.councilDecision.number);
  if (!hclNumber) errors['councilDecision.number'] = 'Numărul hotărârii consiliului local lipsește.';
  if (!isValidIsoDate(input.councilDecision.date)) errors['councilDecision.date'] = 'Data hotărârii consiliului local nu este o dată validă.';
  // L. 34/1998 art. 1 alin. (3): the convention follows the council's decision, never precedes it.
  else if (isValidIsoDate(input.date) && input.councilDecision.date > input.date) {
    errors['councilDecision.date'] = `Hotărârea consiliului local (${formatRoDate(input.councilDecision.date)}) este ulterioară datei convenției.`;
  }
  const submissionDay = input.submissionDay ?? DEFAULT_SUBMISSION_DAY;
  if (!Number.isInteger(submissionDay) || submissionDay < 1 || submissionDay > 28) errors.submissionDay = 'Ziua de depunere a decontului trebuie să fie între 1 și 28.';

  const fail = (field: ConventionField, message: string): ConventionResult => ({ ok: false, errors: { ...errors, [field]: message } });
  if (input.snapshot.supersededAt) return fail('award', 'Rezultatele finale folosite au fost înlocuite; convenția se încheie pe baza rezultatelor în vigoare.');
  if (input.request.roundId !== input.snapshot.roundId) return fail('award', 'Cererea nu aparține sesiunii de finanțare a rezultatelor finale.');
  if (input.request.status === 'retrasa') return fail('award', 'Cererea a fost retrasă.');
  const frozen = input.snapshot.content.requests.find((r) => r.id === input.request.id);
  const row = snapshotResults(input.snapshot).ranking.rows.find((r) => r.requestId === input.request.id);
  if (!frozen || !row) return fail('award', 'Cererea nu figurează în rezultatele finale.');
  if (row.status !== 'finantata' && row.status !== 'finantata_partial') return fail('award', 'Cererea nu a primit finanțare în rezultatele finale.');
  if (!frozen.computation.ok) return fail('award', `Subvenția cererii nu a fost calculată: ${frozen.computation.message}`);
  if (row.allocated <= 0) return fail('award', 'Suma alocată cererii este zero.');
  const computation = frozen.computation;

  const cui = validateCui(input.organization.cui);
  if (!cui.ok) errors['provider.cui'] = cui.message;
  const iban = validateIban(input.organization.iban);
  if (!iban.ok) errors['provider.iban'] = iban.message;
  if (!cleanText(input.organization.representativeName)) errors['provider.representativeName'] = 'Reprezentantul legal al furnizorului lipsește.';

  const awardedUnits = computation.units.filter((u) => u.amount > 0 && u.months.length > 0);
  const awardFirst = Math.min(...awardedUnits.map((u) => u.months[0]!)) as Month;
  const firstMonth = input.firstMonth ?? awardFirst;
  if (!ALL_MONTHS.includes(firstMonth)) errors.firstMonth = 'Prima lună a convenției nu este o lună a anului.';

  const notes: string[] = [];
  // The award's amounts per unit; a partial award scales them down in proportion (Law 34/1998 art. 2; ranking).
  let unitAmounts: number[] = awardedUnits.map((u) => u.amount);
  const computedTotal = unitAmounts.reduce((s, v) => s + v, 0);
  if (row.allocated < computedTotal) {
    const split = apportion(row.allocated, unitAmounts);
    unitAmounts = split.shares;
    notes.push(`Finanțare parțială: ${formatLei(row.allocated)} din ${formatLei(computedTotal)} calculați; sumele unităților reduse proporțional, rotunjite în jos la leu întreg${split.remainder > 0 ? `; restul de ${formatLei(split.remainder)} repartizat câte un leu unităților cu cele mai mari fracțiuni` : ''}.`);
  }
  // HG 1153/2001 art. 10 (mid-year selection) and HG 539/1998 art. 3: a convention covers its own months only.
  const units: ConventionUnit[] = [];
  awardedUnits.forEach((award, index) => {
    const request = input.request.units.find((l) => l.unitId === award.unitId);
    const unit = input.units.find((u) => u.id === award.unitId);
    const key = `units.${award.unitId}` as const;
    if (!request || !unit) {
      errors[key] = 'Unitatea din rezultatele finale nu mai figurează în cerere sau în registru.';
      return;
    }
    if (!cleanText(unit.licenceNumber)) errors[key] = `Unitatea „${unit.name}” nu are licență de funcționare înregistrată.`;
    const months = award.months.filter((m) => m >= firstMonth);
    let annualTotal = unitAmounts[index]!;
    if (months.length < award.months.length) {
      const kept = Math.floor((annualTotal * months.length) / award.months.length / LEU) * LEU;
      notes.push(`${unit.name}: convenția începe în ${MONTH_NAMES[firstMonth - 1]}; din ${award.months.length} luni atribuite rămân ${months.length} (${describeMonths(months)}), suma redusă proporțional la ${formatLei(kept)}, rotunjită în jos la leu întreg.`);
      annualTotal = kept;
    }
    const firstDay = isoFromParts(input.request.year, months[0] ?? firstMonth, 1);
    const level = input.rules.monthlyLevel(request.serviceCategory, firstDay);
    if (!level.ok) {
      errors[key] = level.message;
      return;
    }
    const eligible = input.rules.eligibleExpenseCategories(firstDay);
    if (!eligible.ok) {
      errors[key] = eligible.message;
      return;
    }
    const categories = Object.keys(request.budgetByCategory).filter((c) => eligible.value.codes.includes(c) && request.budgetByCategory[c]! > 0);
    if (categories.length === 0 && annualTotal > 0) {
      errors[key] = `Unitatea „${unit.name}” nu are cheltuieli eligibile în bugetul cererii.`;
      return;
    }
    const budget = apportion(annualTotal, categories.map((c) => request.budgetByCategory[c]!));
    const spread = spreadCeilings(months, annualTotal);
    const monthlyCeiling = spread.regular;
    const lastCeiling = annualTotal - monthlyCeiling * (months.length - 1);
    if (months.length > 1 && lastCeiling !== monthlyCeiling) {
      notes.push(`${unit.name}: plafon lunar ${formatLei(monthlyCeiling)} (${formatLei(annualTotal)} / ${months.length} luni, rotunjit în jos la leu întreg); în ${MONTH_NAMES[months[months.length - 1]! - 1]} plafonul este ${formatLei(lastCeiling)}, cu restul.`);
    }
    units.push({
      unitId: unit.id,
      unitName: unit.name,
      serviceCode: unit.serviceCode,
      serviceCategory: request.serviceCategory,
      licenceNumber: unit.licenceNumber,
      licenceIssueDate: unit.licenceIssueDate,
      licenceExpiryDate: unit.licenceExpiryDate,
      beneficiariesPerMonth: request.beneficiariesPerMonth,
      monthlyLevel: level.value.amount,
      levelSource: level.value.source,
      months,
      monthlyCeiling,
      ceilings: spread.ceilings,
      annualTotal: annualTotal as Bani,
      expenseBudget: Object.fromEntries(categories.map((c, i) => [c, budget.shares[i]!])),
    });
  });
  if (units.length === 0 && !hasErrors(errors)) errors.award = 'Nicio unitate a cererii nu are lună subvenționată în perioada convenției.';
  if (hasErrors(errors)) return { ok: false, errors };

  const value: ConventionDraft = {
    roundId: input.snapshot.roundId,
    requestId: input.request.id,
    snapshotId: input.snapshot.id,
    year: input.request.year,
    number,
    date: input.date,
    state: 'provizorie',
    councilDecision: { number: hclNumber, date: input.councilDecision.date },
    authority: cleanText(input.authority) || DEFAULT_AUTHORITY,
    provider: {
      organizationId: input.organization.id,
      name: cleanText(input.organization.name),
      cui: cui.ok ? cui.value : input.organization.cui,
      iban: iban.ok ? iban.value : input.organization.iban,
      bankName: cleanText(input.organization.bankName),
      representativeName: cleanText(input.organization.representativeName),
      representativeRole: cleanText(input.organization.representativeRole),
      financialOfficer: cleanText(input.financialOfficer),
    },
    firstMonth,
    lastMonth: 12,
    units,
    amount: units.reduce((s, u) => s + u.annualTotal, 0) as Bani,
    allocationNotes: notes,
    submissionDay,
  };
  return { ok: true, value, errors };
}

/** The convention's period as text: "01.07.2025 – 31.12.2025". */
export function conventionPeriod(convention: Pick<Convention, 'year' | 'firstMonth' | 'lastMonth'>): { from: IsoDate; to: IsoDate } {
  return { from: isoFromParts(convention.year, convention.firstMonth, 1), to: isoFromParts(convention.year, convention.lastMonth, daysInMonth(convention.year, convention.lastMonth)) };
}

/** Once the council approves the final conventions (at Cluj-Napoca a later HCL, e.g. HCL 119/2024). */
export function makeDefinitive<T extends Pick<Convention, 'state' | 'finalDecision'>>(convention: T, decision: CouncilDecision): { ok: true; value: T } | { ok: false; message: string } {
  if (convention.state !== 'provizorie') return { ok: false, message: `Convenția este ${CONVENTION_STATES[convention.state].toLowerCase()}; doar o convenție provizorie devine definitivă.` };
  if (!cleanText(decision.number) || !isValidIsoDate(decision.date)) return { ok: false, message: 'Hotărârea de aprobare a convențiilor definitive trebuie să aibă număr și dată.' };
  return { ok: true, value: { ...convention, state: 'definitiva', finalDecision: { number: cleanText(decision.number), date: decision.date } } };
}

/** Termination (încetare): the date and the reason are kept; the convention stays on record. */
export function terminate<T extends Pick<Convention, 'state' | 'terminatedOn' | 'terminationReason'>>(convention: T, on: IsoDate, reason: string): { ok: true; value: T } | { ok: false; message: string } {
  if (convention.state === 'incetata') return { ok: false, message: 'Convenția a încetat deja.' };
  if (!isValidIsoDate(on)) return { ok: false, message: 'Data încetării nu este o dată validă.' };
  if (!cleanText(reason)) return { ok: false, message: 'Motivul încetării lipsește.' };
  return { ok: true, value: { ...convention, state: 'incetata', terminatedOn: on, terminationReason: cleanText(reason) } };
}
