import type { IsoDate } from '../validation/dates';

/**
 * A monitoring checklist is data, structured as the minimum quality standards orders are:
 * module ("MODUL I – ACCESAREA SERVICIULUI") → standard ("M.I.-STANDARD 1 – INFORMARE", with its
 * statement and expected results) → requirement ("M.I-S1.1 …"). Each template is versioned by the
 * act that sets it (e.g. Ord. MMJS 29/2019, anexa 6) and names the service codes it applies to.
 * The convention's own obligations are a template of the same shape, set by the convention model.
 */

/** How the officer checks a requirement (Moldova CNAPSS evaluation sheet, 2016, as a model). */
export type VerificationMethod = 'documente' | 'observare' | 'interviu_personal' | 'interviu_beneficiari';

export const VERIFICATION_METHOD_LABELS: Record<VerificationMethod, string> = {
  documente: 'verificarea documentelor',
  observare: 'observare directă (inspecție vizuală)',
  interviu_personal: 'interviu cu personalul',
  interviu_beneficiari: 'interviu cu beneficiarii',
};

export interface ChecklistRequirement {
  /** The order's own code, e.g. "M.I-S1.1". Unique within its template. */
  code: string;
  /** The requirement's text as the order states it; empty while `toComplete`. */
  text: string;
  /** Where it comes from, e.g. "Ord. MMJS 29/2019, anexa 6, M.I-S1.1". */
  legalBasis: string;
  methods: VerificationMethod[];
  /** True while the text has not been copied from the official order ("de completat"). */
  toComplete?: boolean;
}

export interface ChecklistStandard {
  /** e.g. "M.I-S1". */
  code: string;
  /** e.g. "INFORMARE". */
  title: string;
  /** The standard's statement ("Centrul de zi … dispune de …"). */
  statement: string;
  /** "Rezultate așteptate". */
  expectedResults: string[];
  requirements: ChecklistRequirement[];
  /** True while some of the standard's expected results or requirements are not yet copied from the order. */
  toComplete?: boolean;
}

export interface ChecklistModule {
  /** e.g. "M.I". */
  code: string;
  /** e.g. "ACCESAREA SERVICIULUI". */
  title: string;
  standards: ChecklistStandard[];
  /** True while some of the module's standards are not yet copied from the order. */
  toComplete?: boolean;
}

/** The act that sets a checklist's content. */
export interface ChecklistAct {
  /** e.g. "Ordinul MMJS nr. 29/2019, anexa nr. 6". */
  name: string;
  /** Where it was published or read, e.g. "Monitorul Oficial nr. 112 din 13.02.2019". */
  source: string;
  /** From when it applies. */
  validFrom: IsoDate;
  /** Until when (exclusive), when a later act replaced it. */
  validTo?: IsoDate;
}

export type ChecklistKind = 'standarde_minime' | 'obligatii_conventie';

export interface ChecklistTemplate {
  /** Stable id, e.g. "ord-29-2019-anexa-6"; a new version of the same act's checklist keeps the id and raises `version`. */
  id: string;
  version: number;
  kind: ChecklistKind;
  /** e.g. "Centre de zi pentru persoane adulte". */
  title: string;
  act: ChecklistAct;
  /**
   * Service codes of HG 867/2015 (e.g. "8899 CZ-V-II") or code prefixes ending in "*" (e.g.
   * "8810 CZ-*") the template applies to; empty for the convention's obligations (every unit).
   */
  serviceCodes: string[];
  /** Where the service codes come from: the annex's own title, or the app's nomenclature (inferred). */
  serviceCodesSource?: string;
  modules: ChecklistModule[];
  /** What of the act was copied and what is left "de completat" (shown to the user with the template). */
  note?: string;
  /** 'verificat' when every module, standard and requirement was copied from the official text (none `toComplete`); else 'de_completat'. */
  status: 'verificat' | 'de_completat';
}

/** The officer's finding for one requirement. */
export type ItemResult = 'conform' | 'partial' | 'neconform' | 'nu_se_aplica';

export const ITEM_RESULT_LABELS: Record<ItemResult, string> = {
  conform: 'conform',
  partial: 'parțial',
  neconform: 'neconform',
  nu_se_aplica: 'nu se aplică',
};

/** Points per result (3 / 2 / 0 / — ): "nu se aplică" neither scores nor counts towards the maximum. */
export const ITEM_RESULT_POINTS: Record<ItemResult, number | null> = {
  conform: 3,
  partial: 2,
  neconform: 0,
  nu_se_aplica: null,
};

export const MAX_ITEM_POINTS = 3;

/** One answered (or not yet answered) requirement on a visit. */
export interface ChecklistAnswer {
  /** `${templateId}#${requirementCode}`: unique across the templates of one visit. */
  key: string;
  result?: ItemResult;
  /** What was seen or read: the evidence. */
  evidence?: string;
  /** Ids of the visit's attachments supporting it. */
  attachmentIds?: string[];
}

export function answerKey(templateId: string, requirementCode: string): string {
  return `${templateId}#${requirementCode}`;
}
