import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../../renderer/db/database';
import { flushOutbox, installWritePath } from '../../../../renderer/db/shared/write-path';
import { ServerUnavailableError, type SharedCommand, type SharedRow, type SharedTransport } from '../../../../renderer/db/shared/protocol';
import { ConflictError } from '../../../../src/errors';

function server() {
  const state = { down: true, sent: [] as SharedCommand[][], conflictFor: new Set<string>() };
  let seq = 0;
  const transport: SharedTransport = {
    async send(ops) {
      if (state.down) throw new ServerUnavailableError();
      state.sent.push(ops);
      return ops.map((op): SharedRow => {
        if (state.conflictFor.has(String(op.record['id']))) throw new ConflictError('Vizita a fost modificată între timp de „mon_dan”.');
        return { table: op.table, id: String(op.record['id']), version: (op.expectedVersion ?? 0) + 1, deleted: false, serverSeq: ++seq, modifiedBy: 'mon_ioana', record: { ...op.record, version: (op.expectedVersion ?? 0) + 1 } };
      });
    },
  };
  return { state, transport };
}

const visit = (id: string, answer: string, version = 1) => ({ id, planId: 'p1', conventionId: 'c1', unitId: 'u1', status: 'in-lucru', plannedDate: '2027-03-01', answers: { q1: answer }, version });

async function setUp() {
  const s = server();
  const db = createDatabase(`outbox-${Math.random().toString(36).slice(2)}`);
  installWritePath(db, { active: () => true, transport: () => s.transport });
  await db.open();
  // The replica already holds version 1 of the visit and an NGO (as received from the server).
  await db.visits.put(visit('v1', '') as never);
  await db.visits.put(visit('v2', '') as never);
  // A repository-like transaction: the record and its audit entry.
  const save = (table: 'visits' | 'organizations', record: Record<string, unknown>) =>
    db.transaction('rw', [db.table(table), db.audit], async () => {
      await db.table(table).put(record);
      await db.audit.add({ id: `a-${Math.random()}`, at: '', user: 'x', entity: table, entityId: String(record['id']), label: '', action: 'modificare', changes: [] } as never);
    });
  return { s, db, save };
}

describe('offline drafts (outbox)', () => {
  it('queues a visit draft while the server is down, shows it locally, refuses any other write, and sends it when the server is back', async () => {
    const { s, db, save } = await setUp();
    await save('visits', visit('v1', 'da', 2));
    await save('visits', visit('v1', 'da, cu observații', 2));
    expect((await db.visits.get('v1')) as unknown).toMatchObject({ answers: { q1: 'da, cu observații' } });
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1); // the second save replaced the queued draft, keeping the version first read
    expect(queued[0]).toMatchObject({ table: 'visits', recordId: 'v1', expectedVersion: 1 });
    expect(await db.audit.count()).toBe(0);

    await expect(save('organizations', { id: 'o1', name: 'Asociația Șansa', cui: '18547290', version: 1 })).rejects.toThrow('Serverul nu este disponibil; modificările nu pot fi salvate acum.');
    expect(await db.organizations.count()).toBe(0);

    s.state.down = false;
    expect(await flushOutbox(db, s.transport)).toEqual({ sent: 1, refused: 0 });
    expect(s.state.sent[0]![0]).toMatchObject({ table: 'visits', expectedVersion: 1, record: { answers: { q1: 'da, cu observații' } } });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.visits.get('v1')) as unknown).toMatchObject({ version: 2, answers: { q1: 'da, cu observații' } });
  });

  it('keeps a refused draft with the server reason (nothing silently lost) and sends the others', async () => {
    const { s, db, save } = await setUp();
    await save('visits', visit('v1', 'nu', 2));
    await save('visits', visit('v2', 'da', 2));
    s.state.down = false;
    s.state.conflictFor.add('v1');
    expect(await flushOutbox(db, s.transport)).toEqual({ sent: 1, refused: 1 });
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ recordId: 'v1', refusal: 'Vizita a fost modificată între timp de „mon_dan”.', record: { answers: { q1: 'nu' } } });
  });
});
