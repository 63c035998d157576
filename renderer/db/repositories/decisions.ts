import type { Table } from 'dexie';
import { recusalsForDecision } from '../../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, effectiveRules } from '../../../src/commission/commission';
import type { RequestRef } from '../../../src/commission/conflicts';
import {
  DECISION_KINDS, DECISION_SESSION_KIND, decisionOutcome, isDecisionKind, recordOutcome, validateCommissionDecision, type CommissionDecision, type CommissionDecisionDraft,
} from '../../../src/commission/decisions';
import { assertUnlocked } from '../../../src/commission/round-lock';
import { SESSION_KINDS } from '../../../src/commission/session';
import type { Draft } from '../../../src/entity';
import { DomainError } from '../../../src/errors';
import { formatRegistrationNumber } from '../../../src/requests/registration-number';
import { formatRoDate } from '../../../src/validation/dates';
import type { SubventiiDb } from '../database';
import { createAuditedRepository } from './audited-repository';

const asTable = <T>(table: unknown) => table as Table<T, string>;

/** The request (and its NGO) a decision is about, for the recusals. */
async function requestRefs(db: SubventiiDb, requestId: string): Promise<RequestRef[]> {
  const request = await db.requests.get(requestId);
  if (!request) return [];
  const organization = await db.organizations.get(request.organizationId);
  return [{ id: request.id, organizationId: request.organizationId, organizationName: organization?.name ?? '' }];
}

/**
 * The commission's decisions with the members' votes (commissionDecisions). A decision is stored
 * only when every vote may count — at a session with quorum, by members present, not recused, with
 * a signed declaration — and keeps the outcome it had then. Decisions of an evaluation session no
 * longer change once the round's results are final; appeal decisions come after and may.
 */
export function createDecisionRepository(db: SubventiiDb) {
  const table = asTable<CommissionDecision>(db.commissionDecisions);

  async function checked(draft: CommissionDecisionDraft): Promise<{ value: CommissionDecisionDraft; errors: Record<string, string> }> {
    const { value, errors } = validateCommissionDecision(draft);
    if (Object.keys(errors).length > 0) return { value, errors: errors as Record<string, string> };
    const session = await db.commissionSessions.get(value.sessionId);
    if (!session || session.roundId !== value.roundId) throw new DomainError('Ședința deciziei nu mai există în această rundă.');
    const kind = isDecisionKind(value.kind) ? value.kind : 'clasament_final';
    if (DECISION_SESSION_KIND[kind] !== session.kind)
      throw new DomainError(`Decizia „${DECISION_KINDS[kind]}” se ia într-o „${SESSION_KINDS[DECISION_SESSION_KIND[kind]]}”, nu într-o „${SESSION_KINDS[session.kind]}”.`);
    const [commission, evaluation, members, declarations, sessions] = await Promise.all([
      db.commissions.get(session.commissionId),
      db.roundEvaluations.where('roundId').equals(session.roundId).first(),
      db.commissionMembers.where('commissionId').equals(session.commissionId).toArray(),
      db.declarations.where('sessionId').equals(session.id).toArray(),
      db.commissionSessions.where('roundId').equals(session.roundId).toArray(),
    ]);
    const manual = (await Promise.all(sessions.map((s) => db.recusals.where('sessionId').equals(s.id).toArray()))).flat();
    if (value.appealId) {
      const appeal = await db.appeals.get(value.appealId);
      if (!appeal || appeal.roundId !== value.roundId) throw new DomainError('Contestația asupra căreia s-a votat nu există în această rundă.');
      value.requestId = appeal.requestId;
    }
    const requests = (await Promise.all([value.requestId, ...(value.requestIds ?? [])].filter((id): id is string => !!id).map((id) => requestRefs(db, id)))).flat();
    const recusals = recusalsForDecision(value, { appeals: [], members, requests, manualRecusals: manual });
    const rules = effectiveRules(commission?.rules ?? DEFAULT_COMMISSION_RULES, evaluation?.ruleOverrides);
    const outcome = decisionOutcome({ votes: value.votes, session, members, rules, recusals, declarations });
    if (outcome.problems.length > 0) throw new DomainError(`Votul nu poate fi consemnat: ${outcome.problems.join(' ')}`);
    return { value: { ...value, outcome: recordOutcome(outcome) }, errors: {} };
  }

  async function guard(record: Draft<CommissionDecision>): Promise<void> {
    const session = await db.commissionSessions.get(record.sessionId);
    if (session?.kind !== 'evaluare') return;
    const evaluation = await db.roundEvaluations.where('roundId').equals(record.roundId).first();
    if (evaluation) assertUnlocked(evaluation.lock, 'consemna sau modifica deciziile ședințelor de evaluare');
  }

  async function assertNotReferenced(id: string, action: string): Promise<void> {
    const appeal = await db.appeals.filter((a) => a.resolution?.decisionId === id).first();
    if (appeal) throw new DomainError(`Decizia este consemnată în soluția contestației nr. ${formatRegistrationNumber(appeal.registration)} și nu se mai poate ${action}.`);
    const evaluation = await db.roundEvaluations.filter((e) => e.tieDecisions.some((t) => t.decisionId === id)).first();
    if (evaluation) throw new DomainError(`Decizia este consemnată ca ordine la egalitate de punctaj și nu se mai poate ${action}.`);
  }

  const base = createAuditedRepository<CommissionDecision>(db, {
    table,
    entity: 'commissionDecisions',
    noun: 'Decizia comisiei',
    label: async (d) => `${isDecisionKind(d.kind) ? DECISION_KINDS[d.kind] : d.kind} — ședința din ${formatRoDate((await db.commissionSessions.get(d.sessionId))?.date)}`,
    readTables: [db.commissionSessions, db.commissions, db.roundEvaluations, db.commissionMembers, db.declarations, db.recusals, db.requests, db.organizations, db.appeals],
    validate: checked,
    guard,
  });

  return {
    ...base,
    listByRound: (roundId: string) => db.commissionDecisions.where('roundId').equals(roundId).toArray(),
    /** A decision an appeal's resolution or a tie order rests on is part of that record: it no longer changes. */
    async update(id: string, draft: CommissionDecisionDraft, expectedVersion: number): Promise<CommissionDecision> {
      await assertNotReferenced(id, 'modifica');
      return base.update(id, draft, expectedVersion);
    },
    /** A decision an appeal's resolution or a tie order names is part of the record and is not deleted. */
    async remove(id: string): Promise<void> {
      await assertNotReferenced(id, 'șterge');
      return base.remove(id);
    },
  };
}
