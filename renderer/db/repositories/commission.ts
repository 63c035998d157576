import type { Table } from 'dexie';
import { diffRecords } from '../../../src/audit/diff';
import { validateExtraNonWorkingDay, type StoredNonWorkingDay } from '../../../src/calendar/public-holidays';
import { stamp, type Draft } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { appealRecusals, isDecidedStatus, resolutionDecisionProblem, resolutionSessionProblems, validateAppeal, type Appeal, type AppealDraft } from '../../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, effectiveRules, validateCommission, type Commission } from '../../../src/commission/commission';
import { canScore, findRecusals, validateImpartialityDeclaration, type ImpartialityDeclaration } from '../../../src/commission/conflicts';
import { validateCommissionMember, type CommissionMember } from '../../../src/commission/members';
import { validateRecordedRecusal, validateRoundEvaluation, type RecordedRecusal, type RoundEvaluation } from '../../../src/commission/round-evaluation';
import { assertUnlocked, lockResults, reopenResults, type ResultsLock } from '../../../src/commission/round-lock';
import { reopenScoreSheet, submitScoreSheet, validateScoreSheet, type ScoreSheet, type ScoreSheetInput } from '../../../src/commission/scores';
import { SHIPPED_SCORING_GRIDS, validateScoringGrid, type GridLike, type ScoringGrid } from '../../../src/commission/scoring-grid';
import { validateCommissionSession, type CommissionSession } from '../../../src/commission/session';
import { formatRegistrationNumber, nextRegistrationNumber } from '../../../src/requests/registration-number';
import { formatRoDate } from '../../../src/validation/dates';
import type { SnapshotContent } from '../../../src/commission/results-snapshot';
import type { Bani } from '../../../src/money';
import { appendAudit } from '../audit-log';
import { addSnapshot, assertSameInputs, reviseAfterAppeal, roundInputsStamp, supersedeCurrent } from './snapshots';
import type { SubventiiDb } from '../database';
import { createAuditedRepository } from './audited-repository';
import { readPartCopied } from '../partition-snapshots';

// Dexie types the insert of an EntityTable with an optional id; ours always carries one.
const asTable = <T>(table: unknown) => table as Table<T, string>;

async function evaluationOf(db: SubventiiDb, roundId: string): Promise<RoundEvaluation | undefined> {
  return db.roundEvaluations.where('roundId').equals(roundId).first();
}

/** Refuses a change to a round whose results are final (conventions.md §5). */
async function assertRoundUnlocked(db: SubventiiDb, roundId: string, action: string): Promise<void> {
  const evaluation = await evaluationOf(db, roundId);
  if (evaluation) assertUnlocked(evaluation.lock, action);
}

async function currentUser(db: SubventiiDb): Promise<string> {
  const row = await db.settings.get('institution');
  const name = (row?.value as { userName?: string } | undefined)?.userName?.trim();
  return name || 'utilizator necunoscut';
}

/** A grid by id: a shipped one (read-only) or one the users defined. */
export async function resolveGrid(db: SubventiiDb, id: string): Promise<GridLike | undefined> {
  return SHIPPED_SCORING_GRIDS.find((g) => g.id === id) ?? (await db.scoringGrids.get(id));
}

export function createCommissionRepository(db: SubventiiDb) {
  return createAuditedRepository<Commission>(db, {
    table: asTable<Commission>(db.commissions),
    entity: 'commissions',
    noun: 'Comisia',
    label: (c) => c.name,
    validate: validateCommission,
  });
}

export function createMemberRepository(db: SubventiiDb) {
  const base = createAuditedRepository<CommissionMember>(db, {
    table: asTable<CommissionMember>(db.commissionMembers),
    entity: 'commissionMembers',
    noun: 'Membrul comisiei',
    label: (m) => m.name,
    readTables: [db.commissionMembers],
    validate: async (draft, id) => validateCommissionMember(draft, { id, members: await db.commissionMembers.where('commissionId').equals(draft.commissionId).toArray() }),
  });
  return {
    ...base,
    listByCommission: (commissionId: string) => db.commissionMembers.where('commissionId').equals(commissionId).sortBy('name'),
  };
}

export function createSessionRepository(db: SubventiiDb) {
  const base = createAuditedRepository<CommissionSession>(db, {
    table: asTable<CommissionSession>(db.commissionSessions),
    entity: 'commissionSessions',
    noun: 'Ședința',
    label: (s) => `Ședința din ${formatRoDate(s.date)}`,
    readTables: [db.commissionMembers, db.roundEvaluations],
    validate: async (draft) => validateCommissionSession(draft, { members: await db.commissionMembers.where('commissionId').equals(draft.commissionId).toArray() }),
    // An evaluation session of a round with final results no longer changes; appeal sessions may.
    guard: async (s) => (s.kind === 'evaluare' ? assertRoundUnlocked(db, s.roundId, 'modifica ședințele de evaluare') : undefined),
  });
  return {
    ...base,
    listByRound: (roundId: string) => db.commissionSessions.where('roundId').equals(roundId).sortBy('date'),
  };
}

export function createDeclarationRepository(db: SubventiiDb) {
  const base = createAuditedRepository<ImpartialityDeclaration>(db, {
    table: asTable<ImpartialityDeclaration>(db.declarations),
    entity: 'declarations',
    noun: 'Declarația de imparțialitate',
    label: async (d) => `Declarație de imparțialitate: ${(await db.commissionMembers.get(d.memberId))?.name ?? '?'}, ședința din ${formatRoDate((await db.commissionSessions.get(d.sessionId))?.date)}`,
    readTables: [db.commissionMembers, db.commissionSessions],
    validate: validateImpartialityDeclaration,
  });
  return {
    ...base,
    listBySession: (sessionId: string) => db.declarations.where('sessionId').equals(sessionId).toArray(),
    /** Records (or clears, with null) the date a member signed the declaration for a session. */
    async setSigned(sessionId: string, memberId: string, signedOn: string | null): Promise<ImpartialityDeclaration> {
      const existing = (await db.declarations.where('sessionId').equals(sessionId).toArray()).find((d) => d.memberId === memberId);
      const draft = { sessionId, memberId, signedOn, notes: existing?.notes ?? '' };
      return existing ? base.update(existing.id, draft, existing.version) : base.create(draft);
    },
  };
}

export function createRecusalRepository(db: SubventiiDb) {
  const base = createAuditedRepository<RecordedRecusal>(db, {
    table: asTable<RecordedRecusal>(db.recusals),
    entity: 'recusals',
    noun: 'Recuzarea',
    label: async (r) => `Recuzare: ${(await db.commissionMembers.get(r.memberId))?.name ?? '?'} — ${r.reason.slice(0, 60)}`,
    readTables: [db.commissionSessions, db.roundEvaluations, db.commissionMembers],
    validate: validateRecordedRecusal,
    guard: async (r) => {
      const session = await db.commissionSessions.get(r.sessionId);
      if (session) await assertRoundUnlocked(db, session.roundId, 'consemna sau șterge recuzări');
    },
  });
  return { ...base, listBySession: (sessionId: string) => db.recusals.where('sessionId').equals(sessionId).toArray() };
}

export function createGridRepository(db: SubventiiDb) {
  const base = createAuditedRepository<ScoringGrid>(db, {
    table: asTable<ScoringGrid>(db.scoringGrids),
    entity: 'scoringGrids',
    noun: 'Grila',
    label: (g) => g.name,
    readTables: [db.roundEvaluations, db.scoreSheets],
    validate: validateScoringGrid,
  });
  return {
    ...base,
    /** Shipped grids first (read-only), then the users' own. */
    async listAll(): Promise<(GridLike & { isShipped: boolean })[]> {
      const stored = await db.scoringGrids.toArray();
      return [...SHIPPED_SCORING_GRIDS.map((g) => ({ ...g, isShipped: true })), ...stored.map((g) => ({ ...g, isShipped: false }))];
    },
    resolve: (id: string) => resolveGrid(db, id),
    /**
     * A grid already used by a submitted sheet keeps its criteria: a change would silently alter
     * scores. Such a change is refused; the secretary copies the grid instead.
     */
    async update(id: string, draft: Draft<ScoringGrid>, expectedVersion: number): Promise<ScoringGrid> {
      const used = await db.scoreSheets.filter((s) => s.gridId === id && s.state === 'trimisa').count();
      const current = await db.scoringGrids.get(id);
      if (used > 0 && current && JSON.stringify(current.criteria) !== JSON.stringify(draft.criteria)) {
        throw new DomainError(`Grila „${current.name}” are deja ${used} fișe de evaluare trimise: criteriile și punctajele nu se mai pot schimba. Faceți o copie a grilei pentru o rundă nouă.`);
      }
      return base.update(id, draft, expectedVersion);
    },
  };
}

export function createNonWorkingDayRepository(db: SubventiiDb) {
  const base = createAuditedRepository<StoredNonWorkingDay>(db, {
    table: asTable<StoredNonWorkingDay>(db.nonWorkingDays),
    entity: 'nonWorkingDays',
    noun: 'Ziua nelucrătoare',
    label: (d) => `${formatRoDate(d.date)} — ${d.name}`,
    validate: (draft) => {
      const { value, errors } = validateExtraNonWorkingDay(draft);
      return { value: { ...draft, ...value }, errors };
    },
  });
  return { ...base, list: () => db.nonWorkingDays.orderBy('date').toArray() };
}

export function createEvaluationRepository(db: SubventiiDb) {
  const table = asTable<RoundEvaluation>(db.roundEvaluations);
  const base = createAuditedRepository<RoundEvaluation>(db, {
    table,
    entity: 'roundEvaluations',
    noun: 'Evaluarea rundei',
    label: async (e) => `Evaluarea rundei „${(await db.rounds.get(e.roundId))?.name ?? e.roundId}”`,
    readTables: [db.roundEvaluations, db.rounds],
    validate: validateRoundEvaluation,
  });

  /**
   * Changes to the lock go only through lock() and reopen(), each with its audit entry; the frozen
   * results are stored (lock) or superseded (reopen) in the same transaction.
   */
  async function setLock(
    id: string,
    expectedVersion: number,
    change: (lock: ResultsLock, user: string) => ResultsLock,
    action: string,
    alongside: (current: RoundEvaluation, user: string) => Promise<void>,
  ): Promise<RoundEvaluation> {
    return db.transaction('rw', [db.roundEvaluations, db.resultSnapshots, db.scoreSheets, db.requests, db.appeals, db.commissionSessions, db.commissionDecisions, db.rounds, db.audit, db.settings], async () => {
      const current = await db.roundEvaluations.get(id);
      if (!current) throw new DomainError('Evaluarea rundei nu mai există.');
      if (current.version !== expectedVersion) throw new ConflictError('Evaluarea rundei a fost modificată între timp. Reîncărcați pagina.');
      const user = await currentUser(db);
      const lock = change(current.lock, user);
      await alongside(current, user);
      const record: RoundEvaluation = { ...current, lock, updatedAt: new Date().toISOString(), version: current.version + 1 };
      await db.roundEvaluations.put(record);
      await appendAudit(db, [{ entity: 'roundEvaluations', entityId: id, label: action, action: 'modificare', changes: diffRecords(current, record).filter((c) => c.field.startsWith('lock')) }]);
      return record;
    });
  }

  return {
    ...base,
    getByRound: (roundId: string) => evaluationOf(db, roundId),
    async create(draft: Draft<RoundEvaluation>): Promise<RoundEvaluation> {
      if (await evaluationOf(db, draft.roundId)) throw new DomainError('Runda are deja o evaluare.');
      return base.create(draft);
    },
    /** Settings of a round with final results: only the communication date, the act, the appeal terms and notes. */
    async update(id: string, draft: Draft<RoundEvaluation>, expectedVersion: number): Promise<RoundEvaluation> {
      const current = await db.roundEvaluations.get(id);
      if (current?.lock.isLocked) {
        const locked = ['commissionId', 'gridId', 'ruleOverrides', 'tieDecisions'] as const;
        if (locked.some((k) => JSON.stringify(current[k]) !== JSON.stringify(draft[k]))) assertUnlocked(current.lock, 'schimba comisia, grila, regulile sau deciziile privind egalitățile');
      }
      return base.update(id, { ...draft, lock: current?.lock ?? draft.lock }, expectedVersion);
    },
    /**
     * Declares the results final and stores them as they are: the snapshot is what every screen and
     * document of the locked round reads from now on. `frozen.inputsStamp` is the state of the
     * round's records the snapshot was built from; a change since then is a conflict.
     */
    lock: (id: string, expectedVersion: number, pendingIssues: readonly string[], frozen: FrozenResultsInput) =>
      setLock(
        id,
        expectedVersion,
        (lock, user) => lockResults(lock, user, new Date().toISOString(), pendingIssues),
        'Rezultatele rundei au devenit finale',
        async (current, user) => {
          assertSameInputs(frozen.inputsStamp, await roundInputsStamp(db, current.roundId));
          await addSnapshot(db, { roundId: current.roundId, takenBy: user, cause: 'rezultate_finale', budget: frozen.budget, gridFingerprint: frozen.gridFingerprint, content: frozen.content });
        },
      ),
    /** Opens the results again, with the reason; the snapshot in force is kept in history, superseded. */
    reopen: (id: string, expectedVersion: number, reason: string) =>
      setLock(
        id,
        expectedVersion,
        (lock, user) => {
          const result = reopenResults(lock, { reason, by: user, at: new Date().toISOString() });
          if (!result.ok) throw new ValidationError(result.errors);
          return result.value;
        },
        `Rezultatele rundei au fost redeschise: ${reason}`,
        (current) => supersedeCurrent(db, current.roundId, reason),
      ),
  };
}

/** What lock() stores with the lock: the frozen results and the state of the records they rest on. */
export interface FrozenResultsInput {
  content: SnapshotContent;
  budget: Bani;
  gridFingerprint: string;
  inputsStamp: string;
}

export function createScoreSheetRepository(db: SubventiiDb) {
  const tables = () => [db.scoreSheets, db.commissionSessions, db.commissionMembers, db.declarations, db.recusals, db.requests, db.organizations, db.scoringGrids, db.roundEvaluations, db.audit, db.settings];
  const label = async (s: Pick<ScoreSheet, 'memberId' | 'requestId'>) => {
    const [member, request] = await Promise.all([db.commissionMembers.get(s.memberId), db.requests.get(s.requestId)]);
    return `Fișa de evaluare: ${member?.name ?? '?'} — cererea nr. ${request ? formatRegistrationNumber(request.registration) : '?'}`;
  };

  /** Everything a sheet is checked against: the grid, the member's right to score, final results. */
  async function checked(input: ScoreSheetInput, submit: boolean): Promise<Draft<ScoreSheet>> {
    const session = await db.commissionSessions.get(input.sessionId);
    if (!session) throw new DomainError('Ședința fișei nu mai există.');
    await assertRoundUnlocked(db, session.roundId, 'modifica punctajele');
    const grid = await resolveGrid(db, input.gridId);
    if (!grid) throw new DomainError('Grila fișei nu mai există.');
    const members = await db.commissionMembers.where('commissionId').equals(session.commissionId).toArray();
    const requests = await db.requests.bulkGet(session.agenda);
    const organizations = await db.organizations.bulkGet(requests.map((r) => r?.organizationId ?? ''));
    const refs = requests.flatMap((r, i) => (r ? [{ id: r.id, organizationId: r.organizationId, organizationName: organizations[i]?.name ?? '' }] : []));
    const manual = await db.recusals.where('sessionId').equals(session.id).toArray();
    const recusals = findRecusals(session.agenda, members, refs, manual);
    const declarations = await db.declarations.where('sessionId').equals(session.id).toArray();
    const permission = canScore(input.memberId, input.requestId, { session, members, declarations, recusals });
    if (!permission.isAllowed) throw new DomainError(permission.reason);
    if (submit) {
      const result = submitScoreSheet(input, grid, new Date().toISOString());
      if (!result.ok) throw new ValidationError(result.errors);
      return { ...result.value, roundId: session.roundId };
    }
    const { value, errors } = validateScoreSheet({ ...input, state: 'ciorna' }, grid);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return { ...value, roundId: session.roundId };
  }

  async function find(sessionId: string, memberId: string, requestId: string): Promise<ScoreSheet | undefined> {
    return (await db.scoreSheets.where('sessionId').equals(sessionId).toArray()).find((s) => s.memberId === memberId && s.requestId === requestId);
  }

  /** One sheet per member, request and session; a submitted sheet changes only after reopen(). Runs inside a transaction. */
  async function store(input: ScoreSheetInput, options: { submit: boolean; expectedVersion?: number }): Promise<ScoreSheet> {
    const value = await checked(input, options.submit);
    const current = await find(input.sessionId, input.memberId, input.requestId);
    // A window that read no sheet (version 0) or an older version is stale: its input is not written over another's.
    if (options.expectedVersion !== undefined && (current?.version ?? 0) !== options.expectedVersion) {
      throw new ConflictError('Fișa de evaluare a fost modificată între timp, în altă fereastră sau filă. Punctajele introduse au rămas pe ecran: notați-le, reîncărcați pagina și refaceți modificarea.');
    }
    if (!current) {
      const record = stamp(value) as ScoreSheet;
      await db.scoreSheets.add(record);
      await appendAudit(db, [{ entity: 'scoreSheets', entityId: record.id, label: await label(record), action: 'creare', after: record }]);
      return record;
    }
    if (current.state === 'trimisa') throw new DomainError('Fișa este trimisă. Redeschideți-o, cu motivul consemnat, pentru a o modifica.');
    const record: ScoreSheet = { ...current, ...value, reopenings: current.reopenings, updatedAt: new Date().toISOString(), version: current.version + 1 };
    const changes = diffRecords(current, record);
    await db.scoreSheets.put(record);
    await appendAudit(db, [{ entity: 'scoreSheets', entityId: record.id, label: await label(record), action: 'modificare', changes }]);
    return record;
  }

  return {
    /** A round's sheets, from the round's copy when it is valid (renderer/db/partition-snapshots.ts). */
    listByRound: (roundId: string) => readPartCopied<ScoreSheet>(db, 'scoreSheets', roundId),
    listBySession: (sessionId: string) => db.scoreSheets.where('sessionId').equals(sessionId).toArray(),
    find,
    /**
     * Saves one member's sheet for one request (a draft, or submitted when `submit`): one sheet per
     * member, request and session. A submitted sheet changes only after reopen().
     */
    async save(input: ScoreSheetInput, options: { submit: boolean; expectedVersion?: number }): Promise<ScoreSheet> {
      return db.transaction('rw', tables(), () => store(input, options));
    },
    /**
     * Stores the sheets of an imported workbook in one transaction: all of them, or none when any
     * is refused. A complete sheet is stored as submitted, a partial one as a draft.
     */
    async saveMany(inputs: readonly ScoreSheetInput[]): Promise<ScoreSheet[]> {
      return db.transaction('rw', tables(), async () => {
        const saved: ScoreSheet[] = [];
        for (const input of inputs) saved.push(await store(input, { submit: input.state === 'trimisa' }));
        return saved;
      });
    },
    /** Puts a submitted sheet back to draft, with the reason (and who, when) kept on the sheet and in the audit log. */
    async reopen(id: string, reason: string): Promise<ScoreSheet> {
      return db.transaction('rw', tables(), async () => {
        const current = await db.scoreSheets.get(id);
        if (!current) throw new DomainError('Fișa nu mai există.');
        await assertRoundUnlocked(db, current.roundId, 'redeschide fișe de evaluare');
        const result = reopenScoreSheet(current, { reason, by: await currentUser(db), at: new Date().toISOString() });
        if (!result.ok) throw new ValidationError(result.errors);
        const record: ScoreSheet = { ...result.value, updatedAt: new Date().toISOString(), version: current.version + 1 };
        await db.scoreSheets.put(record);
        await appendAudit(db, [{ entity: 'scoreSheets', entityId: id, label: await label(record), action: 'modificare', changes: diffRecords(current, record) }]);
        return record;
      });
    },
  };
}

/**
 * A decided appeal (admitted, in part, rejected, late) is resolved by the commission: in a session
 * of kind "contestatii" with quorum and signed declarations, by an adopted decision with the
 * members' votes, the members recused from the request not counted. Throws the problems per field.
 */
async function assertResolvedByVote(db: SubventiiDb, appealId: string | undefined, value: AppealDraft): Promise<void> {
  if (!isDecidedStatus(value.status) || !value.resolution) return;
  const resolution = value.resolution;
  const session = await db.commissionSessions.get(resolution.sessionId);
  const errors: Record<string, string> = {};
  if (session) {
    const [commission, evaluation, members, declarations, sessions] = await Promise.all([
      db.commissions.get(session.commissionId),
      evaluationOf(db, session.roundId),
      db.commissionMembers.where('commissionId').equals(session.commissionId).toArray(),
      db.declarations.where('sessionId').equals(session.id).toArray(),
      db.commissionSessions.where('roundId').equals(session.roundId).toArray(),
    ]);
    const manual = (await Promise.all(sessions.map((s) => db.recusals.where('sessionId').equals(s.id).toArray()))).flat();
    const request = await db.requests.get(value.requestId);
    const organization = request ? await db.organizations.get(request.organizationId) : undefined;
    const refs = request ? [{ id: request.id, organizationId: request.organizationId, organizationName: organization?.name ?? '' }] : [];
    const recusals = appealRecusals(value, members, refs, manual);
    const rules = effectiveRules(commission?.rules ?? DEFAULT_COMMISSION_RULES, evaluation?.ruleOverrides);
    const problems = resolutionSessionProblems(session, members, rules, declarations, recusals);
    if (problems.length > 0) errors['resolution.sessionId'] = problems.join(' ');
  } else errors['resolution.sessionId'] = resolutionSessionProblems(undefined, [], DEFAULT_COMMISSION_RULES, [])[0]!;
  const decision = resolution.decisionId ? await db.commissionDecisions.get(resolution.decisionId) : undefined;
  const problem = resolutionDecisionProblem(appealId, resolution, decision);
  if (problem) errors['resolution.decisionId'] = problem;
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

export function createAppealRepository(db: SubventiiDb) {
  const tables = () => [
    db.appeals, db.requests, db.organizations, db.audit, db.settings,
    db.commissionSessions, db.commissions, db.roundEvaluations, db.commissionMembers, db.declarations, db.recusals, db.commissionDecisions, db.resultSnapshots, db.rounds,
  ];
  const label = async (a: Pick<Appeal, 'registration' | 'organizationId'>) =>
    `Contestația nr. ${formatRegistrationNumber(a.registration)} — ${(await db.organizations.get(a.organizationId))?.name ?? ''}`;
  function validated(draft: AppealDraft): AppealDraft {
    const { value, errors } = validateAppeal(draft);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return value;
  }
  return {
    listByRound: (roundId: string) => db.appeals.where('roundId').equals(roundId).toArray(),
    get: (id: string) => db.appeals.get(id),
    /** Registers an appeal with the next number of the appeals register for the year it was received. */
    async register(draft: AppealDraft): Promise<Appeal> {
      return db.transaction('rw', tables(), async () => {
        const request = await db.requests.get(draft.requestId);
        if (!request) throw new DomainError('Cererea contestată nu există.');
        const year = Number(String(draft.receivedOn).split(/[.-]/).find((p) => p.length === 4) ?? 0);
        const sameYear = await db.appeals.where('registration.year').equals(year).toArray();
        const value = validated({ ...draft, roundId: request.roundId, organizationId: request.organizationId, registration: nextRegistrationNumber(sameYear.map((a) => a.registration), year) });
        await assertResolvedByVote(db, undefined, value);
        const record = stamp(value) as Appeal;
        await db.appeals.add(record);
        await appendAudit(db, [{ entity: 'appeals', entityId: record.id, label: await label(record), action: 'creare', after: record }]);
        return record;
      });
    },
    async update(id: string, draft: AppealDraft, expectedVersion: number): Promise<Appeal> {
      return db.transaction('rw', tables(), async () => {
        const current = await db.appeals.get(id);
        if (!current) throw new DomainError('Contestația nu mai există.');
        if (current.version !== expectedVersion) throw new ConflictError('Contestația a fost modificată între timp. Reîncărcați-o.');
        const value = validated({ ...draft, registration: current.registration, roundId: current.roundId, requestId: current.requestId, organizationId: current.organizationId });
        await assertResolvedByVote(db, id, value);
        const record: Appeal = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 };
        const changes = diffRecords(current, record);
        if (changes.length === 0) return current;
        await db.appeals.put(record);
        await appendAudit(db, [{ entity: 'appeals', entityId: id, label: await label(record), action: 'modificare', changes }]);
        // An admitted appeal recorded by an act is a later act over final results: a new snapshot names it.
        await reviseAfterAppeal(db, record.roundId, await currentUser(db));
        return record;
      });
    },
  };
}
