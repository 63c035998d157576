import type { Entity } from '../entity';
import { DomainError } from '../errors';
import type { Bani } from '../money';
import type { EligibilityVerdict } from '../requests/eligibility';
import type { SubsidyComputation } from '../requests/subsidy-computation';
import { formatRoDate } from '../validation/dates';
import { appealOutcomeChangesRanking, type Appeal } from './appeals';
import type { CommissionRules } from './commission';
import type { ImpartialityDeclaration } from './conflicts';
import type { CommissionMember } from './members';
import { rankRound, type EvaluatedRequest, type RoundResults, type TieDecision } from './round-evaluation';
import type { CommissionSession } from './session';
import { checkQuorum } from './session';

/**
 * The round's results as the commission declared them final: stored once, read by every screen
 * and document of a locked round, never recomputed. Reopening keeps it in history (superseded);
 * an admitted appeal produces a new snapshot that names the act it rests on.
 */
export interface ResultsSnapshot extends Entity {
  roundId: string;
  /** 1, 2, … in the round's history. */
  sequence: number;
  /** ISO timestamp. */
  takenAt: string;
  takenBy: string;
  /** Why this snapshot was taken. */
  cause: SnapshotCause;
  /** The act a snapshot after an appeal rests on ("PV nr. 4/12.03.2027"). */
  basisAct?: string;
  /** The snapshot this one follows. */
  previousId?: string;
  /** Set when the results were reopened or a later snapshot replaced this one. */
  supersededAt?: string;
  supersededReason?: string;
  budget: Bani;
  gridFingerprint: string;
  content: SnapshotContent;
}

export type SnapshotCause = 'rezultate_finale' | 'contestatie_admisa';
export const SNAPSHOT_CAUSES: Record<SnapshotCause, string> = {
  rezultate_finale: 'Rezultate declarate finale',
  contestatie_admisa: 'Rezultate modificate după soluționarea contestațiilor',
};

/** A request as it stood when the results became final: the verdict, the computation, the scores. */
export interface FrozenRequest extends EvaluatedRequest {
  verdict: EligibilityVerdict;
  computation: SubsidyComputation;
}

/** A legal value the computation used, with its source (read off the computation's steps). */
export interface FrozenLegalValue {
  label: string;
  detail: string;
  source: string;
}

/** What a snapshot freezes. Maps and sets are kept as arrays so the record stays plain JSON. */
export interface SnapshotContent {
  requests: FrozenRequest[];
  /** RoundResults in JSON form (see toPlain / fromPlain). */
  results: unknown;
  rules: CommissionRules;
  gridMinTotal: number | null;
  tieDecisions: TieDecision[];
  legalValues: FrozenLegalValue[];
  /** The appeals whose admitted outcome the ranking includes, with the act each rests on. */
  appliedAppeals: { appealId: string; decisionAct: string }[];
}

// Maps and sets become tagged arrays; everything else in the results is plain data already.
const MAP_TAG = '$map';
const SET_TAG = '$set';

export function toPlain(value: unknown): unknown {
  if (value instanceof Map) return { [MAP_TAG]: [...value.entries()].map(([k, v]) => [toPlain(k), toPlain(v)]) };
  if (value instanceof Set) return { [SET_TAG]: [...value].map(toPlain) };
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, toPlain(v)]));
  return value;
}

export function fromPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record[MAP_TAG]) && Object.keys(record).length === 1) return new Map((record[MAP_TAG] as [unknown, unknown][]).map(([k, v]) => [fromPlain(k), fromPlain(v)]));
    if (Array.isArray(record[SET_TAG]) && Object.keys(record).length === 1) return new Set((record[SET_TAG] as unknown[]).map(fromPlain));
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromPlain(v)]));
  }
  return value;
}

/** The legal values behind the computations, once each (label, detail, source). */
function legalValuesOf(requests: readonly FrozenRequest[]): FrozenLegalValue[] {
  const seen = new Map<string, FrozenLegalValue>();
  for (const request of requests) {
    if (!request.computation.ok) continue;
    for (const unit of request.computation.units) {
      for (const step of unit.steps) {
        const key = `${step.label}|${step.source}`;
        if (!seen.has(key)) seen.set(key, { label: step.label, detail: step.detail, source: step.source });
      }
    }
  }
  return [...seen.values()];
}

/** Clones through JSON so that a snapshot never shares objects with the live records. */
const frozenCopy = <T>(value: T): T => JSON.parse(JSON.stringify(toPlain(value))) as T;

/** The content of the snapshot taken when results become final. */
export function buildSnapshotContent(input: {
  requests: readonly FrozenRequest[];
  results: RoundResults;
  gridMinTotal: number | null;
  tieDecisions: readonly TieDecision[];
  appeals: readonly Appeal[];
}): SnapshotContent {
  const requests = input.requests.map((r) => frozenCopy(r));
  return {
    requests,
    results: frozenCopy(input.results),
    rules: frozenCopy(input.results.rules),
    gridMinTotal: input.gridMinTotal,
    tieDecisions: frozenCopy([...input.tieDecisions]),
    legalValues: legalValuesOf(requests),
    appliedAppeals: [...input.results.appealChanges.keys()].flatMap((requestId) => {
      const appeal = input.appeals.find((a) => a.requestId === requestId && appealOutcomeChangesRanking(a));
      return appeal?.resolution ? [{ appealId: appeal.id, decisionAct: appeal.resolution.decisionAct }] : [];
    }),
  };
}

/** The round results a snapshot holds, with their maps back. */
export function snapshotResults(snapshot: Pick<ResultsSnapshot, 'content'>): RoundResults {
  return fromPlain(snapshot.content.results) as RoundResults;
}

/**
 * Admitted appeals recorded by an act after the results became final and not yet in the snapshot:
 * each is a later act that changes the frozen results.
 */
export function pendingAppealRevisions(snapshot: Pick<ResultsSnapshot, 'content'>, appeals: readonly Appeal[]): Appeal[] {
  const applied = new Set(snapshot.content.appliedAppeals.map((a) => `${a.appealId}|${a.decisionAct}`));
  return appeals.filter((a) => appealOutcomeChangesRanking(a) && a.resolution && !applied.has(`${a.id}|${a.resolution.decisionAct}`));
}

/**
 * The content of the snapshot that follows the admitted appeals: the frozen requests and scores of
 * the previous snapshot, ranked again with the appeals' recorded changes. Nothing else is
 * recomputed: eligibility and the computed subsidies stay as they were frozen.
 */
export function reviseSnapshotForAppeals(previous: Pick<ResultsSnapshot, 'content' | 'budget'>, appeals: readonly Appeal[]): SnapshotContent {
  const results = snapshotResults(previous);
  const appealChanges: RoundResults['appealChanges'] = new Map();
  const appliedAppeals: SnapshotContent['appliedAppeals'] = [];
  for (const appeal of appeals) {
    if (!appealOutcomeChangesRanking(appeal) || !appeal.resolution) continue;
    appealChanges.set(appeal.requestId, {
      revisedScore: appeal.resolution.revisedScore ?? null,
      revisedAmount: appeal.resolution.revisedAmount ?? null,
      decisionAct: appeal.resolution.decisionAct,
    });
    appliedAppeals.push({ appealId: appeal.id, decisionAct: appeal.resolution.decisionAct });
  }
  const ranking = rankRound({
    requests: previous.content.requests,
    aggregation: results.aggregation,
    appealChanges,
    grid: { minTotal: previous.content.gridMinTotal },
    budget: previous.budget,
    rules: previous.content.rules,
    tieDecisions: previous.content.tieDecisions,
  });
  const revised: RoundResults = { ...results, appealChanges, ranking };
  return { ...previous.content, results: frozenCopy(revised), appliedAppeals };
}

/**
 * What the secretariat should see before declaring the results final: not reasons to refuse (those
 * are the ranking's pending issues), but open points the commission may want to settle first.
 */
export function finalizationWarnings(input: {
  results: Pick<RoundResults, 'aggregation' | 'rules'>;
  sessions: readonly CommissionSession[];
  members: readonly CommissionMember[];
  declarations: readonly Pick<ImpartialityDeclaration, 'sessionId' | 'memberId' | 'signedOn'>[];
  requestLabel(id: string): string;
}): string[] {
  const warnings: string[] = [];
  for (const scores of input.results.aggregation?.byRequest.values() ?? []) {
    for (const d of scores.discrepancies) {
      warnings.push(`Cererea nr. ${input.requestLabel(scores.requestId)}, criteriul ${d.criterionCode}: diferență de punctaj peste marjă (${d.min}–${d.max}), de discutat în comisie`);
    }
  }
  for (const session of input.sessions) {
    if (session.status === 'planificata') warnings.push(`Ședința din ${formatRoDate(session.date)} figurează încă „planificată”`);
    const quorum = checkQuorum(session, input.members, input.results.rules.quorum);
    for (const memberId of quorum.seats.map((seat) => seat.sittingMemberId)) {
      const signed = input.declarations.some((d) => d.sessionId === session.id && d.memberId === memberId && d.signedOn);
      if (!signed) warnings.push(`${input.members.find((m) => m.id === memberId)?.name ?? memberId} nu are declarația de imparțialitate semnată pentru ședința din ${formatRoDate(session.date)}`);
    }
  }
  return warnings;
}

type Versioned = { id: string; version: number };

/**
 * The state of the records a round's results rest on, as one string of ids and versions: the same
 * string when the results are frozen means nothing changed since the screen computed them.
 */
export function roundRecordsStamp(records: { sheets: readonly Versioned[]; requests: readonly Versioned[]; appeals: readonly Versioned[]; sessions: readonly Versioned[]; decisions: readonly Versioned[]; evaluation?: Versioned }): string {
  const part = (rows: readonly Versioned[]) => rows.map((r) => `${r.id}:${r.version}`).sort().join(',');
  return [part(records.sheets), part(records.requests), part(records.appeals), part(records.sessions), part(records.decisions), records.evaluation ? `${records.evaluation.id}:${records.evaluation.version}` : ''].join('|');
}

/** Refuses a snapshot whose content would not reproduce the results (a programming error, not a user one). */
export function assertSnapshotContent(content: SnapshotContent): void {
  if (!Array.isArray(content.requests) || !content.results || typeof content.results !== 'object') {
    throw new DomainError('Instantaneul rezultatelor este incomplet; rezultatele nu au fost declarate finale.');
  }
}
