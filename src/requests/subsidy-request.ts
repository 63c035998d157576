import type { Draft, Entity } from '../entity';
import type { Bani } from '../money';
import type { IsoDate } from '../validation/dates';
import type { DossierEntry } from './dossier';
import type { RegistrationNumber } from './registration-number';

/** The months of the round's year a unit asks a subsidy for: 1 = January … 12 = December. */
export type Month = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export const MONTH_NAMES = ['ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'august', 'septembrie', 'octombrie', 'noiembrie', 'decembrie'] as const;

/** One social-assistance unit in a request (cap. III of the annex 1 form, plus annexes A and B). */
export interface RequestUnitLine {
  unitId: string;
  /** Key of the subsidised service category (a legal parameter group, e.g. HCL 788/2022). */
  serviceCategory: string;
  /** Average number of beneficiaries per month the unit plans to serve. */
  beneficiariesPerMonth: number;
  months: Month[];
  /** Requested budget by eligible expense category code, in bani, for the whole period. */
  budgetByCategory: Record<string, Bani>;
  ownContribution: Bani;
  otherFunding: Bani;
  /** Annex A, "Fișa tehnică a unității de asistență socială"; absent on requests stored before it was kept. */
  technicalSheet?: TechnicalSheet;
}

export type PremisesTenure = '' | 'proprietate' | 'inchiriere' | 'comodat' | 'concesiune' | 'administrare';
export const PREMISES_TENURES: Record<Exclude<PremisesTenure, ''>, string> = {
  proprietate: 'proprietate',
  inchiriere: 'închiriere',
  comodat: 'comodat',
  concesiune: 'concesiune',
  administrare: 'dare în administrare',
};

/** The unit's technical sheet: premises, staff, capacity and the services it provides. */
export interface TechnicalSheet {
  /** Where the unit works and what the premises hold (rooms, surface). */
  premises: string;
  tenure: PremisesTenure;
  /** Staff of the unit (employees, in persons), and volunteers. */
  staffCount: number | null;
  volunteerCount: number | null;
  /** Places (residential) or beneficiaries a day the premises take. */
  capacity: number | null;
  servicesProvided: string;
}

export function emptyTechnicalSheet(): TechnicalSheet {
  return { premises: '', tenure: '', staffCount: null, volunteerCount: null, capacity: null, servicesProvided: '' };
}

export type RequestStatus = 'inregistrata' | 'retrasa';

/** A request for subsidy under Law 34/1998 (annex 1 of HG 1153/2001). */
export interface SubsidyRequest extends Entity {
  roundId: string;
  organizationId: string;
  registration: RegistrationNumber;
  registeredOn: IsoDate;
  /** The year the subsidy is for (the round's budget year). */
  year: number;
  units: RequestUnitLine[];
  dossier: DossierEntry[];
  status: RequestStatus;
  notes: string;
}

export type SubsidyRequestDraft = Draft<SubsidyRequest>;

/** Total requested for a unit line: the sum of its expense categories. */
export function lineRequested(line: Pick<RequestUnitLine, 'budgetByCategory'>): Bani {
  return Object.values(line.budgetByCategory).reduce((sum, v) => sum + v, 0) as Bani;
}

/** "ianuarie–martie, iunie" */
export function describeMonths(months: readonly Month[]): string {
  // 4,096 possible sets of months: each described once (texts of a round repeat them by the thousand).
  let mask = 0;
  for (const m of months) mask |= 1 << (m - 1);
  let text = monthTexts.get(mask);
  if (text === undefined) monthTexts.set(mask, (text = describeMonthSet(months)));
  return text;
}

const monthTexts = new Map<number, string>();

function describeMonthSet(months: readonly Month[]): string {
  const sorted = [...new Set(months)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? MONTH_NAMES[sorted[i]! - 1]! : `${MONTH_NAMES[sorted[i]! - 1]}–${MONTH_NAMES[sorted[j]! - 1]}`);
    i = j;
  }
  return parts.join(', ');
}
