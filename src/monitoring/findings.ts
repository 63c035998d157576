import type { Draft, Entity } from '../entity';
import type { Month } from '../requests/subsidy-request';
import type { ProviderStanding } from '../settlements/monthly-subsidy-due';
import { cleanMultiline, cleanText } from '../validation/diacritics';
import { addDays, daysInMonth, formatRoDate, isoFromParts, isValidIsoDate, type IsoDate } from '../validation/dates';
import type { FieldErrors } from '../validation/result';

/**
 * What a visit found, what the NGO is asked to do about it, and how that was followed up; and the
 * suspension of the convention's payments that a serious finding may lead to. A suspension is a
 * decision that changes rights: it takes effect only by a recorded act (number, date, effective
 * from) and is lifted only by another recorded act.
 */

export type FindingSeverity = 'minora' | 'majora' | 'grava';
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, string> = { minora: 'Minoră', majora: 'Majoră', grava: 'Gravă' };

/** Where a finding comes from: a checklist requirement, the beneficiary count, or typed by the officer. */
export type FindingSource = 'lista_verificare' | 'beneficiari' | 'manual';
export const FINDING_SOURCE_LABELS: Record<FindingSource, string> = { lista_verificare: 'Lista de verificare', beneficiari: 'Numărul de beneficiari', manual: 'Constatare a echipei' };

export interface Recommendation {
  id: string;
  text: string;
  /** The person responsible at the NGO. */
  responsible: string;
  deadline: IsoDate;
}

export interface Finding extends Entity {
  visitId: string;
  conventionId: string;
  unitId: string;
  severity: FindingSeverity;
  source: FindingSource;
  /** The checklist answer's key (`templateId#code`) when the finding comes from a requirement. */
  requirementKey?: string;
  text: string;
  recommendations: Recommendation[];
  /** The issued "Notă de constatare" documents (a serious finding), the last one in force. */
  noteDocumentIds: string[];
}
export type FindingDraft = Draft<Finding>;
export type FindingField = 'visitId' | 'severity' | 'text' | `recommendations.${number}.${'text' | 'responsible' | 'deadline'}`;

export function validateFinding(input: FindingDraft): { value: FindingDraft; errors: FieldErrors<FindingField> } {
  const errors: FieldErrors<FindingField> = {};
  const value: FindingDraft = {
    ...input,
    text: cleanMultiline(input.text),
    recommendations: input.recommendations.map((r) => ({ ...r, text: cleanMultiline(r.text), responsible: cleanText(r.responsible) })),
  };
  if (!value.visitId) errors.visitId = 'Constatarea ține de o vizită.';
  if (!(value.severity in FINDING_SEVERITY_LABELS)) errors.severity = 'Alegeți gravitatea constatării: minoră, majoră sau gravă.';
  if (!value.text) errors.text = 'Descrieți constatarea.';
  value.recommendations.forEach((r, i) => {
    if (!r.text) errors[`recommendations.${i}.text`] = 'Scrieți recomandarea.';
    if (!r.responsible) errors[`recommendations.${i}.responsible`] = 'Indicați persoana responsabilă din partea ONG.';
    if (!isValidIsoDate(r.deadline)) errors[`recommendations.${i}.deadline`] = 'Termenul recomandării nu este o dată validă (zz.ll.aaaa).';
  });
  return { value, errors };
}

/** One step in following a recommendation: what the NGO showed, when, recorded by whom. */
export interface FollowUp extends Entity {
  findingId: string;
  recommendationId: string;
  date: IsoDate;
  evidence: string;
  /** The officer who recorded it. */
  by: string;
  /** The recommendation is fulfilled: this entry closes it. */
  closes: boolean;
}
export type FollowUpDraft = Draft<FollowUp>;
export type FollowUpField = 'recommendationId' | 'date' | 'evidence' | 'by';

export function validateFollowUp(input: FollowUpDraft, finding?: Pick<Finding, 'recommendations'>): { value: FollowUpDraft; errors: FieldErrors<FollowUpField> } {
  const errors: FieldErrors<FollowUpField> = {};
  const value: FollowUpDraft = { ...input, evidence: cleanMultiline(input.evidence), by: cleanText(input.by) };
  if (!value.recommendationId || (finding && !finding.recommendations.some((r) => r.id === value.recommendationId))) errors.recommendationId = 'Alegeți recomandarea urmărită.';
  if (!isValidIsoDate(value.date)) errors.date = 'Data nu este validă (zz.ll.aaaa).';
  if (!value.evidence) errors.evidence = 'Descrieți dovada prezentată de ONG (documente, fotografii, constatări).';
  if (!value.by) errors.by = 'Indicați cine a înregistrat urmărirea.';
  return { value, errors };
}

export type RecommendationState = 'deschisa' | 'inchisa' | 'depasita';
export const RECOMMENDATION_STATE_LABELS: Record<RecommendationState, string> = { deschisa: 'Deschisă', inchisa: 'Închisă', depasita: 'Termen depășit' };

export interface RecommendationStatus {
  findingId: string;
  recommendation: Recommendation;
  state: RecommendationState;
  followUps: FollowUp[];
  closedOn?: IsoDate;
  /** Days past the deadline (overdue only). */
  daysOverdue?: number;
}

/**
 * The state of each recommendation on `today`: closed by a follow-up entry that closes it; overdue
 * when its deadline has passed and it is not closed; otherwise open.
 */
export function recommendationStatuses(findings: readonly Pick<Finding, 'id' | 'recommendations'>[], followUps: readonly FollowUp[], today: IsoDate): RecommendationStatus[] {
  const out: RecommendationStatus[] = [];
  for (const finding of findings) {
    for (const recommendation of finding.recommendations) {
      const entries = followUps.filter((f) => f.findingId === finding.id && f.recommendationId === recommendation.id).sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
      const closing = entries.find((e) => e.closes);
      if (closing) out.push({ findingId: finding.id, recommendation, state: 'inchisa', followUps: entries, closedOn: closing.date });
      else if (recommendation.deadline < today) {
        const days = Math.round((Date.parse(today) - Date.parse(recommendation.deadline)) / 86400000);
        out.push({ findingId: finding.id, recommendation, state: 'depasita', followUps: entries, daysOverdue: days });
      } else out.push({ findingId: finding.id, recommendation, state: 'deschisa', followUps: entries });
    }
  }
  return out;
}

/** Overdue follow-ups: deadline passed, not closed. */
export const overdueRecommendations = (findings: readonly Pick<Finding, 'id' | 'recommendations'>[], followUps: readonly FollowUp[], today: IsoDate): RecommendationStatus[] =>
  recommendationStatuses(findings, followUps, today).filter((s) => s.state === 'depasita');

/** A finding is closed when every recommendation is closed (a finding without one stays open until given one). */
export function isFindingClosed(finding: Pick<Finding, 'id' | 'recommendations'>, followUps: readonly FollowUp[]): boolean {
  if (finding.recommendations.length === 0) return false;
  return recommendationStatuses([finding], followUps, '9999-12-31').every((s) => s.state === 'inchisa');
}

/** A recorded act: the decision's number, its date and the day it takes effect. */
export interface RecordedAct {
  number: string;
  date: IsoDate;
  effectiveFrom: IsoDate;
  /** Who signed it (e.g. the director), as written on the act. */
  signedBy?: string;
}

export type SuspensionState = 'propusa' | 'in_vigoare' | 'ridicata' | 'respinsa';
export const SUSPENSION_STATE_LABELS: Record<SuspensionState, string> = {
  propusa: 'Propusă (fără efect până la decizie)',
  in_vigoare: 'Decisă',
  ridicata: 'Ridicată prin decizie',
  respinsa: 'Propunere respinsă',
};

/** A suspension of the convention's payments: proposed from a serious finding, effective only by decision. */
export interface Suspension extends Entity {
  conventionId: string;
  /** Only this unit's payments; absent: the whole convention. */
  unitId?: string;
  /** The serious finding that proposed it. */
  findingId?: string;
  reason: string;
  proposedOn: IsoDate;
  proposedBy: string;
  /** The decision suspending the payments. */
  decision?: RecordedAct;
  /** The later decision lifting the suspension. */
  lifting?: RecordedAct;
  /** The proposal was not followed (no decision), with the reason. */
  rejectedReason?: string;
}
export type SuspensionDraft = Draft<Suspension>;

export function suspensionState(s: Pick<Suspension, 'decision' | 'lifting' | 'rejectedReason'>): SuspensionState {
  if (s.lifting) return 'ridicata';
  if (s.decision) return 'in_vigoare';
  if (s.rejectedReason) return 'respinsa';
  return 'propusa';
}

export type ActField = 'number' | 'date' | 'effectiveFrom';

export function validateAct(input: RecordedAct, label = 'Decizia'): { value: RecordedAct; errors: FieldErrors<ActField> } {
  const errors: FieldErrors<ActField> = {};
  const value: RecordedAct = { ...input, number: cleanText(input.number), signedBy: input.signedBy === undefined ? undefined : cleanText(input.signedBy) };
  if (!value.number) errors.number = `${label}: numărul actului este obligatoriu.`;
  if (!isValidIsoDate(value.date)) errors.date = `${label}: data actului nu este validă (zz.ll.aaaa).`;
  if (!isValidIsoDate(value.effectiveFrom)) errors.effectiveFrom = `${label}: data de la care produce efecte nu este validă (zz.ll.aaaa).`;
  else if (isValidIsoDate(value.date) && value.effectiveFrom < value.date) errors.effectiveFrom = `${label} nu poate produce efecte înainte de data emiterii (${formatRoDate(value.date)}).`;
  return { value, errors };
}

/** A serious finding may propose a suspension; minor and major findings may not. */
export function canProposeSuspension(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity === 'grava';
}

export type SuspensionResult = { ok: true; value: SuspensionDraft } | { ok: false; message: string };

export function proposeSuspension(finding: Pick<Finding, 'id' | 'severity' | 'conventionId' | 'unitId' | 'text'>, input: { reason?: string; proposedOn: IsoDate; proposedBy: string; wholeConvention?: boolean }): SuspensionResult {
  if (!canProposeSuspension(finding)) return { ok: false, message: 'Doar o constatare gravă poate propune suspendarea plăților.' };
  if (!isValidIsoDate(input.proposedOn)) return { ok: false, message: 'Data propunerii nu este validă.' };
  const proposedBy = cleanText(input.proposedBy);
  if (!proposedBy) return { ok: false, message: 'Indicați cine propune suspendarea.' };
  const reason = cleanMultiline(input.reason) || finding.text;
  return { ok: true, value: { conventionId: finding.conventionId, unitId: input.wholeConvention ? undefined : finding.unitId, findingId: finding.id, reason, proposedOn: input.proposedOn, proposedBy } };
}

export function decideSuspension(s: Suspension, act: RecordedAct): { ok: true; value: Suspension } | { ok: false; message: string } {
  if (suspensionState(s) !== 'propusa') return { ok: false, message: 'Suspendarea are deja o decizie înregistrată; o schimbare se face printr-o nouă decizie (ridicarea suspendării).' };
  const checked = validateAct(act, 'Decizia de suspendare');
  const first = Object.values(checked.errors)[0];
  if (first) return { ok: false, message: first };
  return { ok: true, value: { ...s, decision: checked.value } };
}

export function liftSuspension(s: Suspension, act: RecordedAct): { ok: true; value: Suspension } | { ok: false; message: string } {
  if (suspensionState(s) !== 'in_vigoare' || !s.decision) return { ok: false, message: 'Doar o suspendare decisă și neridicată poate fi ridicată printr-o decizie.' };
  const checked = validateAct(act, 'Decizia de ridicare');
  const first = Object.values(checked.errors)[0];
  if (first) return { ok: false, message: first };
  if (checked.value.effectiveFrom <= s.decision.effectiveFrom) return { ok: false, message: `Ridicarea trebuie să producă efecte după ${formatRoDate(s.decision.effectiveFrom)}, data de la care suspendarea a produs efecte.` };
  return { ok: true, value: { ...s, lifting: checked.value } };
}

export function rejectSuspension(s: Suspension, reason: string): { ok: true; value: Suspension } | { ok: false; message: string } {
  if (suspensionState(s) !== 'propusa') return { ok: false, message: 'Doar o propunere fără decizie poate fi respinsă.' };
  const text = cleanMultiline(reason);
  if (!text) return { ok: false, message: 'Indicați motivul pentru care propunerea nu a fost urmată.' };
  return { ok: true, value: { ...s, rejectedReason: text } };
}

/** "Decizia nr. 12 din 03.06.2025". */
export const actLabel = (act: Pick<RecordedAct, 'number' | 'date'>, kind = 'Decizia'): string => `${kind} nr. ${act.number} din ${formatRoDate(act.date)}`;

/** The days a decided suspension is in force: from the decision's effective day to the day before the lifting's. */
export function suspensionPeriod(s: Pick<Suspension, 'decision' | 'lifting'>): { from: IsoDate; to?: IsoDate } | undefined {
  if (!s.decision) return undefined;
  return { from: s.decision.effectiveFrom, to: s.lifting ? addDays(s.lifting.effectiveFrom, -1) : undefined };
}

/**
 * The suspensions of a convention in force on any day of `year`/`month`: decided (a proposal has no
 * effect) and not lifted before the month starts.
 */
export function suspensionInForce(suspensions: readonly Suspension[], conventionId: string, year: number, month: Month): Suspension[] {
  const first = isoFromParts(year, month, 1);
  const last = isoFromParts(year, month, daysInMonth(year, month));
  return suspensions.filter((s) => {
    if (s.conventionId !== conventionId) return false;
    const period = suspensionPeriod(s);
    return !!period && period.from <= last && (!period.to || period.to >= first);
  });
}

/** The suspensions as the settlement's computation reads them (ProviderStanding.suspensions). */
export function standingSuspensions(suspensions: readonly Suspension[], conventionId: string): NonNullable<ProviderStanding['suspensions']> {
  return suspensions
    .filter((s) => s.conventionId === conventionId && s.decision)
    .map((s) => {
      const period = suspensionPeriod(s)!;
      return { from: period.from, to: period.to, reason: s.reason, act: `${actLabel(s.decision!)}${s.lifting ? `; ridicată prin ${actLabel(s.lifting).replace(/^Decizia/, 'Decizia')}` : ''}`, unitId: s.unitId };
    });
}
