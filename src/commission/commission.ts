import type { Draft, Entity } from '../entity';
import { pickFields } from '../entity';
import { FUNDING_LAWS, type FundingLaw } from '../rounds/funding-round';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
import { countOf } from './wording';

/**
 * None of the commission's working rules was found in a source for Cluj-Napoca (domain.md §7):
 * they are data of the commission, shipped with the defaults below, shown to the secretary and
 * changeable per round (a round may override them, see effectiveRules).
 */

/** How many members with voting rights must be present for the commission to sit. */
export type QuorumRule =
  { kind: 'peste_jumatate' } | { kind: 'cel_putin_fractie'; numerator: number; denominator: number } | { kind: 'numar_minim'; count: number };

/** How many votes "for" adopt a decision. */
export type DecisionRule =
  { kind: 'majoritatea_prezentilor' } | { kind: 'majoritatea_membrilor' } | { kind: 'cel_putin_fractie_prezenti'; numerator: number; denominator: number };

/** What happens when requests have equal mean totals. No rule was sourced: the commission decides. */
export type TieRule = 'semnalare_comisie';
export const TIE_RULES: Record<TieRule, string> = {
  semnalare_comisie: 'Egalitatea se semnalează; comisia decide ordinea, consemnată în procesul-verbal',
};

export interface AllocationRule {
  /** The first request that no longer fits receives what is left of the budget. */
  allowPartialLast: boolean;
  /** When a request does not fit, later (smaller) requests that still fit are funded. */
  skipToNextThatFits: boolean;
}

export interface CommissionRules {
  quorum: QuorumRule;
  decision: DecisionRule;
  /**
   * Two members' points on one criterion differing by more than this many points are flagged for
   * discussion. null: not set — nothing is flagged (no sourced value; the secretary sets it).
   */
  discrepancyMargin: number | null;
  tieRule: TieRule;
  allocation: AllocationRule;
}

// Regulă locală, parametru al rundei — domain.md §7: cvorum = mai mult de jumătate din membrii cu
// drept de vot; decizii cu majoritatea celor prezenți; egalitatea o decide comisia. Alocarea
// parțială și saltul peste cereri nu au sursă: implicit dezactivate (lista se oprește la prima
// cerere care nu mai încape, subvenția nu se reduce).
export const DEFAULT_COMMISSION_RULES: CommissionRules = {
  quorum: { kind: 'peste_jumatate' },
  decision: { kind: 'majoritatea_prezentilor' },
  discrepancyMargin: null,
  tieRule: 'semnalare_comisie',
  allocation: { allowPartialLast: false, skipToNextThatFits: false },
};

/** The commission: its members (CommissionMember.commissionId) and its working rules. */
export interface Commission extends Entity {
  name: string;
  law: FundingLaw;
  /** The act that sets up the commission and its rules, e.g. "HCL 632/2016". */
  legalBasis: string;
  rules: CommissionRules;
  notes: string;
}

export type CommissionDraft = Draft<Commission>;
export type CommissionField = keyof CommissionDraft;

export const COMMISSION_FIELD_LABELS: Record<CommissionField, string> = {
  name: 'Denumirea comisiei',
  law: 'Legea',
  legalBasis: 'Actul de constituire și regulamentul',
  rules: 'Reguli de lucru',
  notes: 'Observații',
};

export function emptyCommission(law: FundingLaw = 'legea_34_1998'): CommissionDraft {
  return {
    name: law === 'legea_34_1998' ? 'Comisia de evaluare și selecționare (Legea 34/1998)' : 'Comisia de analiză și selecție a proiectelor (Legea 350/2005)',
    law,
    legalBasis: '',
    rules: structuredClone(DEFAULT_COMMISSION_RULES),
    notes: '',
  };
}

const isPositiveInteger = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

function hasAtMostTwoDecimals(n: number): boolean {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
}

function fractionProblem(numerator: unknown, denominator: unknown): string | undefined {
  if (!isPositiveInteger(numerator) || !isPositiveInteger(denominator)) return 'Fracția trebuie să aibă numărător și numitor întregi pozitivi.';
  if (numerator > denominator) return 'Fracția nu poate depăși 1 (toți membrii).';
  return undefined;
}

/** Problems in a set of rules, as Romanian messages keyed by rule. */
export function validateCommissionRules(rules: CommissionRules): FieldErrors<keyof CommissionRules> {
  const errors: FieldErrors<keyof CommissionRules> = {};
  const q = rules.quorum;
  if (q.kind === 'cel_putin_fractie') {
    const problem = fractionProblem(q.numerator, q.denominator);
    if (problem) errors.quorum = problem;
  } else if (q.kind === 'numar_minim') {
    if (!isPositiveInteger(q.count)) errors.quorum = 'Numărul minim de membri prezenți trebuie să fie un întreg pozitiv.';
  } else if (q.kind !== 'peste_jumatate') errors.quorum = 'Alegeți regula de cvorum.';
  const d = rules.decision;
  if (d.kind === 'cel_putin_fractie_prezenti') {
    const problem = fractionProblem(d.numerator, d.denominator);
    if (problem) errors.decision = problem;
  } else if (d.kind !== 'majoritatea_prezentilor' && d.kind !== 'majoritatea_membrilor') errors.decision = 'Alegeți regula de adoptare a deciziilor.';
  const margin = rules.discrepancyMargin;
  if (margin !== null && (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0 || !hasAtMostTwoDecimals(margin))) {
    errors.discrepancyMargin = 'Marja de diferență între punctaje trebuie să fie un număr de puncte pozitiv, cu cel mult două zecimale.';
  }
  if (!Object.hasOwn(TIE_RULES, rules.tieRule)) errors.tieRule = 'Alegeți regula pentru egalitate.';
  if (typeof rules.allocation?.allowPartialLast !== 'boolean' || typeof rules.allocation?.skipToNextThatFits !== 'boolean') {
    errors.allocation = 'Precizați regulile de alocare a bugetului.';
  }
  return errors;
}

export function validateCommission(input: CommissionDraft): { value: CommissionDraft; errors: FieldErrors<CommissionField> } {
  const value = pickFields(input, emptyCommission(input.law));
  const errors: FieldErrors<CommissionField> = {};
  value.name = cleanText(input.name);
  value.legalBasis = cleanText(input.legalBasis);
  value.notes = cleanMultiline(input.notes);
  if (value.name.length < 3) errors.name = 'Denumirea comisiei este obligatorie.';
  if (!Object.hasOwn(FUNDING_LAWS, value.law)) errors.law = 'Alegeți legea.';
  if (value.legalBasis.length < 3) errors.legalBasis = 'Precizați actul prin care s-a constituit comisia (de exemplu „HCL 632/2016”).';
  const ruleErrors = validateCommissionRules(value.rules);
  const first = Object.values(ruleErrors)[0];
  if (first) errors.rules = first;
  return { value, errors };
}

/** The rules a round works with: the commission's, with what the round changed. */
export function effectiveRules(commissionRules: CommissionRules, roundOverrides: Partial<CommissionRules> = {}): CommissionRules {
  return {
    ...commissionRules,
    ...roundOverrides,
    allocation: { ...commissionRules.allocation, ...roundOverrides.allocation },
  };
}

/** Members with voting rights who must be present, for a commission of `votingTotal` such members. */
export function requiredForQuorum(rule: QuorumRule, votingTotal: number): number {
  switch (rule.kind) {
    // Regulă locală, parametru al rundei — domain.md §7: mai mult de jumătate.
    case 'peste_jumatate':
      return Math.floor(votingTotal / 2) + 1;
    case 'cel_putin_fractie':
      return Math.ceil((votingTotal * rule.numerator) / rule.denominator);
    case 'numar_minim':
      return rule.count;
  }
}

export function describeQuorumRule(rule: QuorumRule): string {
  switch (rule.kind) {
    case 'peste_jumatate':
      return 'mai mult de jumătate din membrii cu drept de vot';
    case 'cel_putin_fractie':
      return `cel puțin ${rule.numerator}/${rule.denominator} din membrii cu drept de vot`;
    case 'numar_minim':
      return `cel puțin ${countOf(rule.count, 'membru', 'membri')} cu drept de vot`;
  }
}

export function describeDecisionRule(rule: DecisionRule): string {
  switch (rule.kind) {
    case 'majoritatea_prezentilor':
      return 'majoritatea membrilor prezenți';
    case 'majoritatea_membrilor':
      return 'majoritatea membrilor cu drept de vot';
    case 'cel_putin_fractie_prezenti':
      return `cel puțin ${rule.numerator}/${rule.denominator} din membrii prezenți`;
  }
}

export interface VoteCount {
  for: number;
  against: number;
  abstentions: number;
}

/**
 * Whether a vote adopts a decision. `present` counts the seats taken (see checkQuorum); without
 * quorum nothing is adopted.
 */
export function decideVote(
  rule: DecisionRule,
  votes: VoteCount,
  context: { present: number; votingTotal: number; hasQuorum: boolean },
): { isAdopted: boolean; required: number; message: string } {
  let required: number;
  switch (rule.kind) {
    // Regulă locală, parametru al rundei — domain.md §7: majoritatea membrilor prezenți.
    case 'majoritatea_prezentilor':
      required = Math.floor(context.present / 2) + 1;
      break;
    case 'majoritatea_membrilor':
      required = Math.floor(context.votingTotal / 2) + 1;
      break;
    case 'cel_putin_fractie_prezenti':
      required = Math.ceil((context.present * rule.numerator) / rule.denominator);
      break;
  }
  const cast = votes.for + votes.against + votes.abstentions;
  if (!context.hasQuorum) return { isAdopted: false, required, message: 'Decizia nu poate fi adoptată: ședința nu are cvorum.' };
  if (cast > context.present) {
    return { isAdopted: false, required, message: `Au votat ${cast}, dar sunt prezenți doar ${context.present}: verificați numărătoarea voturilor.` };
  }
  const isAdopted = votes.for >= required;
  const tally = `${countOf(votes.for, 'vot', 'voturi')} pentru, ${votes.against} împotrivă, ${countOf(votes.abstentions, 'abținere', 'abțineri')}`;
  return {
    isAdopted,
    required,
    message: isAdopted
      ? `Decizia este adoptată: ${tally} (necesar: cel puțin ${required}, ${describeDecisionRule(rule)}).`
      : `Decizia nu este adoptată: ${tally}; regula „${describeDecisionRule(rule)}” cere cel puțin ${countOf(required, 'vot', 'voturi')} pentru.`,
  };
}
