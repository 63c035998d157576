import { stamp } from '../../../src/entity';
import { ConflictError, DomainError } from '../../../src/errors';
import type { Appeal } from '../../../src/commission/appeals';
import {
  assertSnapshotContent, pendingAppealRevisions, roundRecordsStamp, reviseSnapshotForAppeals, type ResultsSnapshot, type SnapshotContent,
} from '../../../src/commission/results-snapshot';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

/** What a snapshot rests on: the round's records, by id and version (a change in between is a conflict). */
export async function roundInputsStamp(db: SubventiiDb, roundId: string): Promise<string> {
  const [sheets, requests, appeals, sessions, decisions, evaluation] = await Promise.all([
    db.scoreSheets.where('roundId').equals(roundId).toArray(),
    db.requests.where('roundId').equals(roundId).toArray(),
    db.appeals.where('roundId').equals(roundId).toArray(),
    db.commissionSessions.where('roundId').equals(roundId).toArray(),
    db.commissionDecisions.where('roundId').equals(roundId).toArray(),
    db.roundEvaluations.where('roundId').equals(roundId).first(),
  ]);
  return roundRecordsStamp({ sheets, requests, appeals, sessions, decisions, evaluation });
}

/** The round's snapshots, oldest first. */
export function listSnapshots(db: SubventiiDb, roundId: string): Promise<ResultsSnapshot[]> {
  return db.resultSnapshots.where('roundId').equals(roundId).sortBy('sequence');
}

/** The snapshot in force: the latest one not superseded. */
export async function currentSnapshot(db: SubventiiDb, roundId: string): Promise<ResultsSnapshot | undefined> {
  return (await listSnapshots(db, roundId)).filter((s) => !s.supersededAt).at(-1);
}

async function roundLabel(db: SubventiiDb, roundId: string): Promise<string> {
  return (await db.rounds.get(roundId))?.name ?? roundId;
}

/** Adds a snapshot in the running transaction, superseding the one in force (if any). */
export async function addSnapshot(
  db: SubventiiDb,
  input: { roundId: string; takenBy: string; cause: ResultsSnapshot['cause']; basisAct?: string; budget: ResultsSnapshot['budget']; gridFingerprint: string; content: SnapshotContent },
): Promise<ResultsSnapshot> {
  assertSnapshotContent(input.content);
  const all = await listSnapshots(db, input.roundId);
  const previous = all.filter((s) => !s.supersededAt).at(-1);
  const now = new Date().toISOString();
  if (previous) await supersede(db, previous, input.cause === 'contestatie_admisa' ? `înlocuit după contestații (${input.basisAct ?? ''})` : 'înlocuit', now);
  const record = stamp<Omit<ResultsSnapshot, 'id' | 'createdAt' | 'updatedAt' | 'version'>>({
    ...input,
    sequence: (all.at(-1)?.sequence ?? 0) + 1,
    takenAt: now,
    ...(previous ? { previousId: previous.id } : {}),
  }, now) as ResultsSnapshot;
  await db.resultSnapshots.add(record);
  await appendAudit(db, [{
    entity: 'resultSnapshots',
    entityId: record.id,
    label: `Rezultatele finale ale rundei „${await roundLabel(db, input.roundId)}” (instantaneul ${record.sequence})`,
    action: 'creare',
    changes: [
      { field: 'cause', before: null, after: input.cause },
      ...(input.basisAct ? [{ field: 'basisAct', before: null, after: input.basisAct }] : []),
      { field: 'requests', before: null, after: input.content.requests.length },
    ],
  }], now);
  return record;
}

async function supersede(db: SubventiiDb, snapshot: ResultsSnapshot, reason: string, at: string): Promise<void> {
  await db.resultSnapshots.put({ ...snapshot, supersededAt: at, supersededReason: reason, updatedAt: at, version: snapshot.version + 1 });
  await appendAudit(db, [{
    entity: 'resultSnapshots',
    entityId: snapshot.id,
    label: `Rezultatele finale ale rundei „${await roundLabel(db, snapshot.roundId)}” (instantaneul ${snapshot.sequence})`,
    action: 'modificare',
    changes: [{ field: 'supersededReason', before: null, after: reason }],
  }], at);
}

/** Marks the snapshot in force as superseded (the results were reopened), in the running transaction. */
export async function supersedeCurrent(db: SubventiiDb, roundId: string, reason: string): Promise<void> {
  const current = await currentSnapshot(db, roundId);
  if (current) await supersede(db, current, `rezultate redeschise: ${reason}`, new Date().toISOString());
}

/**
 * After an appeal changed (inside its write transaction): if the round's results are final and the
 * admitted appeals recorded by an act are not those the snapshot holds, a new snapshot follows,
 * naming the act. Nothing is recomputed but the ranking over the frozen scores and amounts.
 */
export async function reviseAfterAppeal(db: SubventiiDb, roundId: string, takenBy: string): Promise<ResultsSnapshot | undefined> {
  const evaluation = await db.roundEvaluations.where('roundId').equals(roundId).first();
  if (!evaluation?.lock.isLocked) return undefined;
  const current = await currentSnapshot(db, roundId);
  if (!current) return undefined;
  const appeals: Appeal[] = await db.appeals.where('roundId').equals(roundId).toArray();
  const pending = pendingAppealRevisions(current, appeals);
  const revised = reviseSnapshotForAppeals(current, appeals);
  const isSameSet = pending.length === 0 && revised.appliedAppeals.length === current.content.appliedAppeals.length;
  if (isSameSet) return undefined;
  const acts = pending.map((a) => a.resolution?.decisionAct).filter(Boolean);
  return addSnapshot(db, {
    roundId,
    takenBy,
    cause: 'contestatie_admisa',
    basisAct: acts.length > 0 ? acts.join('; ') : 'modificarea soluției unei contestații',
    budget: current.budget,
    gridFingerprint: current.gridFingerprint,
    content: revised,
  });
}

export function createSnapshotRepository(db: SubventiiDb) {
  return {
    listByRound: (roundId: string) => listSnapshots(db, roundId),
    current: (roundId: string) => currentSnapshot(db, roundId),
    get: (id: string) => db.resultSnapshots.get(id),
    inputsStamp: (roundId: string) => roundInputsStamp(db, roundId),
  };
}

export function assertSameInputs(expected: string, actual: string): void {
  if (expected !== actual) {
    throw new ConflictError('Datele rundei (fișe de evaluare, cereri, contestații sau ședințe) s-au schimbat între timp. Verificați din nou clasamentul, apoi declarați rezultatele finale.');
  }
}

export function assertSnapshotRound(snapshot: ResultsSnapshot | undefined, roundId: string): asserts snapshot is ResultsSnapshot {
  if (!snapshot || snapshot.roundId !== roundId) throw new DomainError('Rezultatele finale ale rundei nu au fost găsite.');
}
