import type { ServiceForm } from '../register/nomenclature';
import type { IsoDate } from '../validation/dates';

/**
 * Legal parameters as dated, sourced data (OpenFisca style): a value's history is data, a new year
 * is a new entry, and every figure says which act it comes from. Code asks the store for the value
 * in force on a date and never writes the number itself.
 */
export type ParameterKind =
  | 'amount_per_beneficiary_month'
  | 'amount_per_beneficiary_year'
  | 'percentage'
  | 'list'
  | 'integer';

export const PARAMETER_KINDS: readonly ParameterKind[] = [
  'amount_per_beneficiary_month',
  'amount_per_beneficiary_year',
  'percentage',
  'list',
  'integer',
];

export const AMOUNT_KINDS: readonly ParameterKind[] = ['amount_per_beneficiary_month', 'amount_per_beneficiary_year'];

export const isAmountKind = (kind: ParameterKind): boolean => AMOUNT_KINDS.includes(kind);

export interface ParameterDefinition {
  /** Dotted, lower case: "hcl788.nivel_mediu_lunar.centre_de_zi". */
  key: string;
  /** Romanian, shown to users and quoted in messages. */
  label: string;
  kind: ParameterKind;
  /** Romanian unit label, e.g. "lei/beneficiar/lună". */
  unit: string;
  description: string;
  /** Heading under which the parameter is browsed, e.g. "HCL 788/2022 — niveluri medii lunare". */
  group: string;
  /** Forms of service (HG 867/2015 framework regulations) the parameter applies to. */
  serviceForms?: ServiceForm[];
  /** Nomenclature codes the parameter applies to. */
  serviceCodes?: string[];
  /**
   * An optional limit: it may have no value ("nesetat"), and then it does not apply and never stops
   * a computation (e.g. Law 34/1998 art. 2 alin. (1), until a user enters the public units' cost).
   */
  isOptional?: boolean;
}

export interface ParameterSource {
  /** The act, e.g. "HG 578/2022". Never empty. */
  act: string;
  /** Article, paragraph or annex, e.g. "art. I pct. 1 (art. 2 alin. (1) lit. a) din HG 1153/2001)". */
  article?: string;
  url?: string;
}

/**
 * - amounts: integer bani (1 leu = 100 bani);
 * - percentage: basis points (10000 = 100 %);
 * - integer: a whole number;
 * - list: item codes (their labels in `listLabels`);
 * - null: "de completat" — the structure is known, the figure is not sourced; no computation may
 *   use it until a user fills it in.
 */
export type ParameterRawValue = number | string[] | null;

export interface ParameterValue {
  key: string;
  validFrom: IsoDate;
  /** Last day in force. Absent: in force until the next entry of the same key starts. */
  validTo?: IsoDate;
  value: ParameterRawValue;
  /** For list values: code → Romanian label. */
  listLabels?: Record<string, string>;
  source: ParameterSource;
  /** Romanian: what the figure is, how sure we are, what remains to check. */
  note: string;
  /** The figure was checked against the text of the act named in `source`; doubts about its dates are in `note`. */
  isVerified: boolean;
  /** 'livrat': shipped with the app in src/parameters/data; 'utilizator': entered in the app. */
  origin: 'livrat' | 'utilizator';
  /** ISO timestamp, for user values. */
  createdAt?: string;
}

/** A value with the period it is actually in force, once later entries have closed it. */
export interface ParameterPeriod {
  entry: ParameterValue;
  from: IsoDate;
  /** Last day in force; absent = open-ended. */
  to?: IsoDate;
}

/** Values of one act, for browsing ("Parametri legali"). */
export interface ParameterActGroup {
  act: string;
  items: { definition: ParameterDefinition; entry: ParameterValue }[];
}
