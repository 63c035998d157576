import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { createDatabase, openDatabase, SCHEMA_VERSION } from '../../../renderer/db/database';
import { emptyRoundEvaluation } from '../../../src/commission/round-evaluation';
import { emptyScoreSheet } from '../../../src/commission/scores';
import { emptyCommissionSession } from '../../../src/commission/session';
import { DomainError, ValidationError } from '../../../src/errors';
import { commissionRoundFixture } from './commission-fixture';
import { frozenResultsOf, loadRoundEvaluation } from '../../../renderer/services/round-evaluation';

async function setUp() {
  const { store, round, requestA, requestB, commission, president, founder, third, secretary, grid, evaluation } = await commissionRoundFixture();
  const present = { isPresent: true };
  const session = await store.sessions.create({
    ...emptyCommissionSession(round.id, commission.id), date: '15.10.2026', time: '10:00', place: 'Sala de ședințe DASM', agenda: [requestA.id, requestB.id],
    attendance: { [president.id]: present, [founder.id]: present, [third.id]: present, [secretary.id]: present },
  });
  for (const m of [president, founder]) await store.declarations.setSigned(session.id, m.id, '15.10.2026');
  const sheet = (memberId: string, requestId: string, points: Record<string, unknown>) => ({ ...emptyScoreSheet({ sessionId: session.id, roundId: round.id, memberId, requestId }, grid), points });
  return { store, round, requestA, requestB, president, founder, third, secretary, grid, evaluation, session, sheet };
}

describe('commission storage', () => {
  it('stores a submitted score sheet with its audit entry; a submitted sheet changes only after a reopening with a reason', async () => {
    const { store, president, requestA, sheet } = await setUp();
    const saved = await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '40', C2: '35,5' }), { submit: true });
    expect(saved).toMatchObject({ state: 'trimisa', points: { C1: 40, C2: 35.5 } });
    expect((await auditFor(store.db, 'scoreSheets', saved.id))[0]?.label).toBe('Fișa de evaluare: Maria Pop — cererea nr. 1/2026');
    await expect(store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '10', C2: '10' }), { submit: false })).rejects.toThrow(/Redeschideți-o/);
    await expect(store.scoreSheets.reopen(saved.id, '')).rejects.toThrow(ValidationError);
    const reopened = await store.scoreSheets.reopen(saved.id, 'Greșeală de transcriere din fișa pe hârtie');
    expect(reopened.state).toBe('ciorna');
    expect(reopened.reopenings[0]).toMatchObject({ reason: 'Greșeală de transcriere din fișa pe hârtie', by: 'Andrei Șerban' });
    expect((await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '41', C2: '35,5' }), { submit: true })).points.C1).toBe(41);
  });

  it('refuses points above the maximum, a recused member, an unsigned declaration and the secretary, and stores nothing', async () => {
    const { store, president, founder, third, secretary, requestA, requestB, sheet } = await setUp();
    const error = await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '60', C2: '10' }), { submit: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields['points.C1']).toMatch(/50/);
    await expect(store.scoreSheets.save(sheet(founder.id, requestB.id, { C1: '50', C2: '50' }), { submit: true })).rejects.toThrow(/fondator/);
    await expect(store.scoreSheets.save(sheet(third.id, requestA.id, { C1: '50', C2: '50' }), { submit: true })).rejects.toThrow(/declarați/i);
    await expect(store.scoreSheets.save(sheet(secretary.id, requestA.id, { C1: '50', C2: '50' }), { submit: true })).rejects.toThrow(/secretar/);
    expect(await store.db.scoreSheets.count()).toBe(0);
  });

  it('locks final results: no score changes until a reopening with a reason, kept in the audit log', async () => {
    const { store, president, requestA, evaluation, sheet } = await setUp();
    const frozen = frozenResultsOf((await loadRoundEvaluation(store, evaluation.roundId))!);
    await expect(store.evaluations.lock(evaluation.id, evaluation.version, ['Egalitate nedecisă'], frozen)).rejects.toThrow(/Egalitate nedecisă/);
    const locked = await store.evaluations.lock(evaluation.id, evaluation.version, [], frozen);
    expect(await store.snapshots.current(evaluation.roundId)).toMatchObject({ sequence: 1, cause: 'rezultate_finale', takenBy: 'Andrei Șerban' });
    expect(locked.lock).toMatchObject({ isLocked: true, lockedBy: 'Andrei Șerban' });
    await expect(store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '40', C2: '40' }), { submit: true })).rejects.toThrow(DomainError);
    await expect(store.evaluations.update(locked.id, { ...locked, gridId: 'alta' }, locked.version)).rejects.toThrow(/finale/);
    const reopened = await store.evaluations.reopen(locked.id, locked.version, 'Contestație admisă — HCL 2/2027');
    expect(reopened.lock.isLocked).toBe(false);
    expect(reopened.lock.reopenings[0]?.reason).toBe('Contestație admisă — HCL 2/2027');
    // The frozen results stay in history, superseded, and none is in force until the next lock.
    expect(await store.snapshots.current(evaluation.roundId)).toBeUndefined();
    expect((await store.snapshots.listByRound(evaluation.roundId))[0]?.supersededReason).toMatch(/redeschise: Contestație admisă/);
    const audit = await auditFor(store.db, 'roundEvaluations', evaluation.id);
    expect(audit.map((a) => a.label)).toContain('Rezultatele rundei au fost redeschise: Contestație admisă — HCL 2/2027');
    expect((await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '40', C2: '40' }), { submit: true })).state).toBe('trimisa');
  });

  it('refuses to change the criteria of a grid that submitted sheets use', async () => {
    const { store, president, requestA, grid, sheet } = await setUp();
    await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '40', C2: '40' }), { submit: true });
    await expect(store.grids.update(grid.id, { ...grid, criteria: [{ ...grid.criteria[0]!, maxPoints: 60 }, grid.criteria[1]!], minTotal: 50 }, grid.version)).rejects.toThrow(/copie a grilei/);
    expect((await store.grids.update(grid.id, { ...grid, notes: 'aprobată' }, grid.version)).notes).toBe('aprobată');
  });

  it('numbers appeals in a yearly register of their own', async () => {
    const { store, requestA, requestB } = await setUp();
    const draft = (requestId: string, receivedOn: string) => ({ roundId: '', requestId, organizationId: '', registration: { year: 0, sequence: 0 }, notifiedOn: '02.11.2026', receivedOn, grounds: 'Punctaj greșit la criteriul C1.', status: 'inregistrata' as const });
    const first = await store.appeals.register(draft(requestA.id, '03.11.2026'));
    const second = await store.appeals.register(draft(requestB.id, '04.11.2026'));
    expect([first.registration, second.registration]).toEqual([{ year: 2026, sequence: 1 }, { year: 2026, sequence: 2 }]);
    expect(first.organizationId).toBe(requestA.organizationId);
  });
});

describe('schema version 6', () => {
  it('opens a version-5 database with its requests and adds the commission tables', async () => {
    const name = `migration-v5-${Math.random().toString(36).slice(2)}`;
    const v5 = createDatabase(name, 5);
    await v5.open();
    await v5.table('requests').add({ id: 'r1', roundId: 'x', organizationId: 'o', registration: { year: 2026, sequence: 1 } });
    v5.close();
    const current = await openDatabase(name);
    expect(current.verno).toBe(SCHEMA_VERSION);
    expect(await current.requests.get('r1')).toMatchObject({ roundId: 'x' });
    expect(await current.scoreSheets.count()).toBe(0);
    await current.roundEvaluations.add({ ...emptyRoundEvaluation('x', 'c', 'g'), id: 'e1', createdAt: '', updatedAt: '', version: 1 });
    // One evaluation per round: the index is unique.
    await expect(current.roundEvaluations.add({ ...emptyRoundEvaluation('x', 'c', 'g'), id: 'e2', createdAt: '', updatedAt: '', version: 1 })).rejects.toThrow();
    current.close();
  });
});

describe('audit labels of the commission records', () => {
  it('name the round, the member and the session instead of ids', async () => {
    const { store, evaluation, session, third } = await setUp();
    await store.declarations.setSigned(session.id, third.id, '15.10.2026');
    const labels = (await store.db.audit.toArray()).map((e) => e.label);
    expect(labels).toContain('Evaluarea rundei „Subvenții Legea 34/1998 pentru anul 2027”');
    expect(labels).toContain('Declarație de imparțialitate: Ana Mureșan, ședința din 15.10.2026');
    expect(evaluation.roundId).toBeTruthy();
  });
});

describe('score-sheet drafts carry a version', () => {
  it('a window that read an older draft gets the conflict and the newer draft stays', async () => {
    const { store, president, requestA, sheet } = await setUp();
    const first = await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '10' }), { submit: false, expectedVersion: 0 });
    // A second window had seen no sheet yet: its save would write over the first one's.
    await expect(store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '20' }), { submit: false, expectedVersion: 0 })).rejects.toThrow(/modificată între timp.*au rămas pe ecran/);
    await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '30' }), { submit: false, expectedVersion: first.version });
    await expect(store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '40' }), { submit: false, expectedVersion: first.version })).rejects.toThrow(/modificată între timp/);
    expect((await store.scoreSheets.find(first.sessionId, president.id, requestA.id))?.points.C1).toBe(30);
  });

  it('a round, its commission, its grid and a member who scored cannot be deleted', async () => {
    const { store, round, president, requestA, sheet, grid, evaluation } = await setUp();
    await store.scoreSheets.save(sheet(president.id, requestA.id, { C1: '10' }), { submit: false });
    await expect(store.rounds.remove(round.id)).rejects.toThrow(/nu poate fi ștearsă: o folosesc 2 cereri de subvenție/);
    await expect(store.commissions.remove(evaluation.commissionId)).rejects.toThrow(/membri ai comisiei/);
    await expect(store.grids.remove(grid.id)).rejects.toThrow(/1 evaluare a rundei.*1 fișă de evaluare|1 fișă de evaluare.*1 evaluare a rundei/);
    await expect(store.members.remove(president.id)).rejects.toThrow(/Membrul comisiei „Maria Pop” nu poate fi șters/);
  });
});
