import type { Draft, Entity } from '../entity';
import type { Month } from '../requests/subsidy-request';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { formatRoDate, isValidIsoDate, type IsoDate } from '../validation/dates';
import { hasErrors, type FieldErrors } from '../validation/result';
import { ITEM_RESULT_LABELS, type ChecklistAnswer, type ItemResult } from './checklist';

/**
 * Monitoring visits to the units funded under a convention (issue 12, domain.md §10). No legal
 * visit frequency for a funding authority was found: the frequency is a parameter of the plan,
 * its default a setting ("parametru de plan").
 */

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];
export const QUARTER_LABELS: Record<Quarter, string> = { 1: 'Trimestrul I', 2: 'Trimestrul al II-lea', 3: 'Trimestrul al III-lea', 4: 'Trimestrul al IV-lea' };

/** The months of a quarter. */
export function quarterMonths(quarter: Quarter): Month[] {
  const first = (quarter - 1) * 3 + 1;
  return [first, first + 1, first + 2] as Month[];
}

export function quarterOf(date: IsoDate): Quarter {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter;
}

/** First and last day of a quarter. */
export function quarterBounds(year: number, quarter: Quarter): { from: IsoDate; to: IsoDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${String(firstMonth).padStart(2, '0')}-01`, to: `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}` };
}

/** Default number of visits per funded unit per year: a plan parameter, not a legal rule (domain.md §10, gap). */
export const DEFAULT_VISITS_PER_YEAR = 1;
export const MAX_VISITS_PER_YEAR = 12;

/** The monitoring settings ("parametri de plan"): defaults for new plans and for the discrepancy check. */
export interface MonitoringSettings {
  /** Visits per funded unit per year proposed for a new plan. */
  visitsPerYear: number;
  /** Margin, in percent, between beneficiaries observed and claimed beyond which a finding is proposed. */
  discrepancyMarginPercent: number;
}

/** No legal rule was found for either value: both are plan parameters the office sets (domain.md §10). */
export const MONITORING_SETTINGS_SOURCE = 'parametru de plan (nu s-a identificat o normă legală)';

export function defaultMonitoringSettings(): MonitoringSettings {
  return { visitsPerYear: DEFAULT_VISITS_PER_YEAR, discrepancyMarginPercent: 10 };
}

export function validateMonitoringSettings(input: { visitsPerYear: unknown; discrepancyMarginPercent: unknown }): { value: MonitoringSettings; errors: FieldErrors<keyof MonitoringSettings> } {
  const errors: FieldErrors<keyof MonitoringSettings> = {};
  const visits = Number(String(input.visitsPerYear ?? '').trim());
  if (!Number.isInteger(visits) || visits < 1 || visits > MAX_VISITS_PER_YEAR) errors.visitsPerYear = `Numărul de vizite pe an trebuie să fie un număr întreg între 1 și ${MAX_VISITS_PER_YEAR}.`;
  const margin = Number(String(input.discrepancyMarginPercent ?? '').trim().replace(',', '.'));
  if (!Number.isFinite(margin) || margin < 0 || margin > 100) errors.discrepancyMarginPercent = 'Marja de abatere trebuie să fie un procent între 0 și 100.';
  return { value: { visitsPerYear: visits, discrepancyMarginPercent: margin }, errors };
}

/** The plan of visits for one quarter of a year. */
export interface VisitPlan extends Entity {
  year: number;
  quarter: Quarter;
  /** The monitoring officers of the plan (names). */
  team: string[];
  /** Visits per funded unit per year: the plan's parameter (default from the settings). */
  visitsPerYear: number;
  notes: string;
}
export type VisitPlanDraft = Draft<VisitPlan>;
export type VisitPlanField = 'year' | 'quarter' | 'team' | 'visitsPerYear';

export function emptyVisitPlan(year: number, quarter: Quarter, settings: MonitoringSettings = defaultMonitoringSettings()): VisitPlanDraft {
  return { year, quarter, team: [], visitsPerYear: settings.visitsPerYear, notes: '' };
}

/** Names typed one a line or separated by commas/semicolons, cleaned, without duplicates. */
export function parseTeam(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(/[\n,;]/) : input;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const name = cleanText(part);
    if (name && !seen.has(name.toLocaleLowerCase('ro'))) {
      seen.add(name.toLocaleLowerCase('ro'));
      out.push(name);
    }
  }
  return out;
}

export function validateVisitPlan(input: VisitPlanDraft): { value: VisitPlanDraft; errors: FieldErrors<VisitPlanField> } {
  const errors: FieldErrors<VisitPlanField> = {};
  const value: VisitPlanDraft = { ...input, team: parseTeam(input.team), notes: cleanMultiline(input.notes) };
  if (!Number.isInteger(value.year) || value.year < 2000 || value.year > 2100) errors.year = 'Anul planului nu este valid.';
  if (!QUARTERS.includes(value.quarter)) errors.quarter = 'Trimestrul trebuie să fie I, II, III sau IV.';
  if (!Number.isInteger(value.visitsPerYear) || value.visitsPerYear < 1 || value.visitsPerYear > MAX_VISITS_PER_YEAR) errors.visitsPerYear = `Numărul de vizite pe an trebuie să fie între 1 și ${MAX_VISITS_PER_YEAR}.`;
  if (value.team.length === 0) errors.team = 'Indicați cel puțin un membru al echipei de monitorizare.';
  return { value, errors };
}

/** A member of a visit's team with their function, as the report's signature block names them. */
export interface TeamMember {
  name: string;
  /** The member's function, free text: „inspector de specialitate”, „consilier”, „șef serviciu”. */
  role: string;
}

/** Functions proposed when typing a member's role (any other text is accepted). */
export const TEAM_ROLE_SUGGESTIONS: readonly string[] = [
  'inspector de specialitate',
  'consilier',
  'consilier superior',
  'referent de specialitate',
  'expert',
  'șef serviciu',
  'șef birou',
];

/**
 * The function given to the members of visits recorded before schema 12, whose team was stored
 * as names only: their real function is not known, so the documents name them by the one thing
 * certain, their place on the team (the database upgrade and the backup upgrade both write it).
 */
export const LEGACY_TEAM_ROLE = 'membru al echipei de monitorizare';

/** A team as stored before schema 12 (names) or after (members), as members; names get {@link LEGACY_TEAM_ROLE}. */
export function upgradeTeam(team: unknown): TeamMember[] {
  if (!Array.isArray(team)) return [];
  return team.flatMap((m: unknown): TeamMember[] => {
    if (typeof m === 'string') return m.trim() ? [{ name: m, role: LEGACY_TEAM_ROLE }] : [];
    if (m && typeof m === 'object') {
      const { name, role } = m as { name?: unknown; role?: unknown };
      return [{ name: typeof name === 'string' ? name : '', role: typeof role === 'string' ? role : '' }];
    }
    return [];
  });
}

/** The team's names, in order ("Ana Pop, Ion Rus" on a list). */
export const teamNames = (team: readonly TeamMember[]): string[] => team.map((m) => m.name);

/**
 * A team as typed: names and functions cleaned, the rows left wholly empty dropped. The problem
 * found, if any: a member without a function or a function without a name, a name twice, none.
 */
export function cleanTeam(team: readonly TeamMember[]): { team: TeamMember[]; error?: string } {
  // Sent by a client of another schema (names only, before 12), or damaged: refused as it is.
  if (!Array.isArray(team) || !team.every((m: unknown) => !!m && typeof (m as TeamMember).name === 'string' && typeof (m as TeamMember).role === 'string')) {
    return { team: Array.isArray(team) ? [...team] : [], error: 'Fiecare membru al echipei de monitorizare are un nume și o funcție.' };
  }
  const out = team.map((m) => ({ name: cleanText(m.name), role: cleanText(m.role) })).filter((m) => m.name || m.role);
  if (out.length === 0) return { team: out, error: 'Indicați cel puțin un membru al echipei de monitorizare.' };
  const nameless = out.find((m) => !m.name);
  if (nameless) return { team: out, error: `Indicați numele membrului echipei cu funcția „${nameless.role}”.` };
  const roleless = out.find((m) => !m.role);
  if (roleless) return { team: out, error: `Indicați funcția lui ${roleless.name} în echipa de monitorizare (de exemplu „inspector de specialitate”).` };
  const seen = new Set<string>();
  for (const m of out) {
    const key = m.name.toLocaleLowerCase('ro');
    if (seen.has(key)) return { team: out, error: `${m.name} apare de două ori în echipa de monitorizare.` };
    seen.add(key);
  }
  return { team: out };
}

/**
 * The functions to propose for a team: the usual ones, then those already typed on visits (most
 * recent first), without repeats. `known` maps a name to the function it last had, so that a
 * member of the plan's team comes with their function.
 */
export function teamRoleHints(visits: readonly Pick<MonitoringVisit, 'team' | 'plannedDate'>[]): { suggestions: string[]; known: Map<string, string> } {
  const known = new Map<string, string>();
  const used: string[] = [];
  for (const v of [...visits].sort((a, b) => b.plannedDate.localeCompare(a.plannedDate))) {
    for (const m of v.team) {
      if (!m.role || m.role === LEGACY_TEAM_ROLE) continue;
      const key = m.name.toLocaleLowerCase('ro');
      if (!known.has(key)) known.set(key, m.role);
      used.push(m.role);
    }
  }
  const seen = new Set<string>();
  const suggestions = [...TEAM_ROLE_SUGGESTIONS, ...used].filter((r) => {
    const key = r.toLocaleLowerCase('ro');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { suggestions, known };
}

/** The plan's names as a visit's team, each with the function they last had on a visit (else none yet). */
export function teamFromNames(names: readonly string[], known: ReadonlyMap<string, string>): TeamMember[] {
  return names.map((name) => ({ name, role: known.get(name.toLocaleLowerCase('ro')) ?? '' }));
}

export type VisitStatus = 'planificata' | 'efectuata' | 'anulata';
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = { planificata: 'Planificată', efectuata: 'Efectuată', anulata: 'Anulată' };

export type VisitKind = 'anuntata' | 'inopinata';
export const VISIT_KIND_LABELS: Record<VisitKind, string> = { anuntata: 'Anunțată', inopinata: 'Inopinată (neanunțată)' };

export type VisitPlace = 'sediu' | 'domiciliu_beneficiar' | 'eveniment';
export const VISIT_PLACE_LABELS: Record<VisitPlace, string> = {
  sediu: 'Sediul unității',
  domiciliu_beneficiar: 'Domiciliul beneficiarului',
  eveniment: 'Eveniment al programului finanțat',
};

/** A checklist template applied to a visit, with the version used (answers refer to it). */
export interface AppliedTemplate {
  templateId: string;
  version: number;
  title: string;
}

/** Beneficiaries seen on the visit, compared with the settlement of `month` (year of the visit). */
export interface ObservedBeneficiaries {
  /** Persons present at the visit. */
  present?: number;
  /** Persons on the unit's register of beneficiaries for the month. */
  onRegister?: number;
  /** The settled month the counts are compared with. */
  year?: number;
  month?: Month;
}

export interface MonitoringVisit extends Entity {
  /** The quarter's plan the visit belongs to, when planned through one. */
  planId?: string;
  conventionId: string;
  unitId: string;
  plannedDate: IsoDate;
  /** The day the visit took place (set when it is recorded as done). */
  actualDate?: IsoDate;
  kind: VisitKind;
  place: VisitPlace;
  /** Officers on the visit, each with their function; the first leads the team (schema 12; names only before). */
  team: TeamMember[];
  status: VisitStatus;
  /** Why the visit was cancelled. */
  cancelReason?: string;
  templates: AppliedTemplate[];
  answers: ChecklistAnswer[];
  observed: ObservedBeneficiaries;
  conclusions: string;
  /** The NGO's representative present at the visit. */
  ngoRepresentative?: string;
  /** The issued visit reports, the last one in force; once one exists the answers are locked. */
  reportDocumentIds: string[];
}
export type VisitDraft = Draft<MonitoringVisit>;
export type VisitField = 'conventionId' | 'unitId' | 'plannedDate' | 'actualDate' | 'kind' | 'place' | 'team' | 'status' | 'cancelReason' | 'observed.present' | 'observed.onRegister' | 'observed.month' | 'answers' | 'templates';

export function emptyVisit(input: Pick<VisitDraft, 'conventionId' | 'unitId' | 'plannedDate'> & Partial<VisitDraft>): VisitDraft {
  return {
    kind: 'anuntata',
    place: 'sediu',
    team: [],
    status: 'planificata',
    templates: [],
    answers: [],
    observed: {},
    conclusions: '',
    reportDocumentIds: [],
    ...input,
  };
}

/** A visit is locked once a report was issued for it: corrections go through a new report. */
export const isVisitLocked = (visit: Pick<MonitoringVisit, 'reportDocumentIds'>): boolean => visit.reportDocumentIds.length > 0;

const RESULTS = Object.keys(ITEM_RESULT_LABELS) as ItemResult[];

function optionalCount(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 100000 ? n : null;
}

/**
 * Validates a visit as typed on the screen or later from a paper checklist. A visit recorded as
 * done needs its actual date and team; a cancelled one its reason. Answers must refer to the
 * templates applied (`templateId#code`) and carry a known result.
 */
export function validateVisit(input: VisitDraft, context: { conventionPeriod?: { from: IsoDate; to: IsoDate }; unitIds?: readonly string[] } = {}): { value: VisitDraft; errors: FieldErrors<VisitField> } {
  const errors: FieldErrors<VisitField> = {};
  const team = cleanTeam(input.team);
  const value: VisitDraft = {
    ...input,
    team: team.team,
    conclusions: cleanMultiline(input.conclusions),
    ngoRepresentative: input.ngoRepresentative === undefined ? undefined : cleanText(input.ngoRepresentative),
    cancelReason: input.cancelReason === undefined ? undefined : cleanMultiline(input.cancelReason),
    answers: input.answers.map((a) => ({ ...a, evidence: a.evidence === undefined ? undefined : cleanMultiline(a.evidence) })),
    observed: { ...input.observed },
  };
  if (!value.conventionId) errors.conventionId = 'Alegeți convenția.';
  if (!value.unitId) errors.unitId = 'Alegeți unitatea vizitată.';
  else if (context.unitIds && !context.unitIds.includes(value.unitId)) errors.unitId = 'Unitatea nu face parte din convenția aleasă.';
  if (!isValidIsoDate(value.plannedDate)) errors.plannedDate = 'Data planificată nu este validă (zz.ll.aaaa).';
  else if (context.conventionPeriod && (value.plannedDate < context.conventionPeriod.from || value.plannedDate > context.conventionPeriod.to)) {
    errors.plannedDate = `Data planificată trebuie să fie în perioada convenției (${formatRoDate(context.conventionPeriod.from)} – ${formatRoDate(context.conventionPeriod.to)}).`;
  }
  if (value.actualDate !== undefined && value.actualDate !== '' && !isValidIsoDate(value.actualDate)) errors.actualDate = 'Data efectuării nu este validă (zz.ll.aaaa).';
  if (value.actualDate === '') value.actualDate = undefined;
  else if (value.actualDate && context.conventionPeriod && isValidIsoDate(value.actualDate) && (value.actualDate < context.conventionPeriod.from || value.actualDate > context.conventionPeriod.to)) {
    errors.actualDate = `Data efectuării trebuie să fie în perioada convenției (${formatRoDate(context.conventionPeriod.from)} – ${formatRoDate(context.conventionPeriod.to)}).`;
  }
  if (!(value.kind in VISIT_KIND_LABELS)) errors.kind = 'Alegeți dacă vizita este anunțată sau inopinată.';
  if (!(value.place in VISIT_PLACE_LABELS)) errors.place = 'Alegeți locul vizitei.';
  if (!(value.status in VISIT_STATUS_LABELS)) errors.status = 'Starea vizitei nu este validă.';
  if (team.error) errors.team = team.error;
  if (value.status === 'efectuata' && !value.actualDate) errors.actualDate = 'O vizită efectuată are data efectuării.';
  if (value.status === 'anulata' && !value.cancelReason) errors.cancelReason = 'Indicați motivul anulării vizitei.';
  const present = optionalCount(value.observed.present);
  const onRegister = optionalCount(value.observed.onRegister);
  if (present === null) errors['observed.present'] = 'Numărul beneficiarilor prezenți trebuie să fie un număr întreg, zero sau mai mare.';
  else value.observed.present = present;
  if (onRegister === null) errors['observed.onRegister'] = 'Numărul beneficiarilor din registrul unității trebuie să fie un număr întreg, zero sau mai mare.';
  else value.observed.onRegister = onRegister;
  if (value.observed.month !== undefined && !(Number.isInteger(value.observed.month) && value.observed.month >= 1 && value.observed.month <= 12)) errors['observed.month'] = 'Luna comparată nu este validă.';
  const templateIds = new Set(value.templates.map((t) => t.templateId));
  if (templateIds.size !== value.templates.length) errors.templates = 'O listă de verificare este aplicată de două ori aceleiași vizite.';
  const keys = new Set<string>();
  for (const a of value.answers) {
    const templateId = a.key.split('#')[0] ?? '';
    if (!templateIds.has(templateId)) { errors.answers = `Răspunsul „${a.key}” nu ține de o listă de verificare aplicată vizitei.`; break; }
    if (keys.has(a.key)) { errors.answers = `Cerința „${a.key}” are două răspunsuri.`; break; }
    keys.add(a.key);
    if (a.result !== undefined && !RESULTS.includes(a.result)) { errors.answers = `Rezultatul cerinței „${a.key}” nu este valid.`; break; }
  }
  return { value, errors };
}

export const isVisitValid = (input: VisitDraft): boolean => !hasErrors(validateVisit(input).errors);

/** Sets (or clears) one answer, keeping the others in place. */
export function withAnswer(answers: readonly ChecklistAnswer[], answer: ChecklistAnswer): ChecklistAnswer[] {
  const index = answers.findIndex((a) => a.key === answer.key);
  if (index < 0) return [...answers, answer];
  const next = [...answers];
  // Only the fields given change: an evidence note saved alone keeps the result already chosen.
  const given = Object.fromEntries(Object.entries(answer).filter(([, v]) => v !== undefined)) as Partial<ChecklistAnswer>;
  next[index] = { ...next[index]!, ...given };
  return next;
}

/** The day a visit counts for: done on its actual date, otherwise planned. */
export const visitDate = (visit: Pick<MonitoringVisit, 'actualDate' | 'plannedDate'>): IsoDate => visit.actualDate ?? visit.plannedDate;
