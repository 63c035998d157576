import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../../renderer/db/database';
import { createStore } from '../../../../renderer/db/store';
import { installWritePath } from '../../../../renderer/db/shared/write-path';
import { ServerUnavailableError, type SharedCommand, type SharedRow, type SharedTransport } from '../../../../renderer/db/shared/protocol';
import { ConflictError } from '../../../../src/errors';
import { orgDraft } from '../helpers';

/** A server in memory: checks the version each op was read at, answers the stored rows with a serverSeq. */
function fakeServer() {
  const rows = new Map<string, SharedRow>();
  const batches: SharedCommand[][] = [];
  let seq = 100;
  let down = false;
  const transport: SharedTransport = {
    async send(ops) {
      batches.push(ops);
      if (down) throw new ServerUnavailableError();
      for (const op of ops) {
        const current = rows.get(`${op.table}/${String(op.record['id'])}`);
        if ((current?.version ?? 0) !== (op.expectedVersion ?? 0)) throw new ConflictError('ONG-ul a fost modificat între timp de „alt_login”.');
      }
      return ops.map((op) => {
        const id = String(op.record['id']);
        const version = (rows.get(`${op.table}/${id}`)?.version ?? 0) + 1;
        const { searchText: _derived, ...record } = op.record;
        const row: SharedRow = { table: op.table, id, version, deleted: op.operation === 'delete', serverSeq: ++seq, modifiedBy: 'secretariat_ana', record: { ...record, version, updatedAt: '2027-01-01T00:00:00.000Z' } };
        rows.set(`${op.table}/${id}`, row);
        return row;
      });
    },
  };
  return { rows, batches, transport, setDown: (v: boolean) => (down = v) };
}

async function sharedStore(server: ReturnType<typeof fakeServer>, active = () => true) {
  const db = createDatabase(`write-path-${Math.random().toString(36).slice(2)}`);
  installWritePath(db, { active, transport: () => server.transport });
  await db.open();
  return createStore(db);
}

describe('the shared-mode write path (a DBCore middleware under the unchanged repositories)', () => {
  it('collects the repository transaction as one batch, rolls the local writes back and applies the server rows', async () => {
    const server = fakeServer();
    const store = await sharedStore(server);
    const created = await store.organizations.create(orgDraft({ name: 'Asociația Speranța Someșului' }));
    expect(server.batches).toHaveLength(1);
    // Only the organization goes to the server: the local audit entry is not sent (the server audits by trigger).
    expect(server.batches[0]!.map((op) => [op.table, op.operation, op.expectedVersion])).toEqual([['organizations', 'put', 0]]);
    expect(await store.db.audit.count()).toBe(0);
    // The replica holds what the server stored (its updatedAt), with the search text computed here.
    const stored = await store.db.organizations.get(created.id);
    expect(stored).toMatchObject({ name: 'Asociația Speranța Someșului', version: 1, updatedAt: '2027-01-01T00:00:00.000Z' });
    expect(stored?.searchText).toContain('asociatia speranta somesului');

    await store.organizations.update(created.id, orgDraft({ name: 'Asociația Speranța Someșului', phone: '0264 111 222' }), 1);
    expect(server.batches[1]![0]).toMatchObject({ expectedVersion: 1, record: { phone: '0264 111 222', version: 2 } });
    expect(await store.db.organizations.get(created.id)).toMatchObject({ version: 2, phone: '0264 111 222' });
  });

  it('rejects the repository call with the server conflict and leaves the replica as it was', async () => {
    const server = fakeServer();
    const store = await sharedStore(server);
    const created = await store.organizations.create(orgDraft());
    // Someone else saved version 2 on the server; this replica has not received it yet.
    server.rows.set(`organizations/${created.id}`, { ...server.rows.get(`organizations/${created.id}`)!, version: 2 });
    await expect(store.organizations.update(created.id, orgDraft({ phone: '0700 000 000' }), 1)).rejects.toThrow(ConflictError);
    expect(await store.db.organizations.get(created.id)).toMatchObject({ version: 1 });
    expect((await store.db.organizations.get(created.id))?.phone).not.toBe('0700 000 000');
  });

  it('refuses a write plainly while the server is down, writing nothing locally', async () => {
    const server = fakeServer();
    const store = await sharedStore(server);
    server.setDown(true);
    await expect(store.organizations.create(orgDraft())).rejects.toThrow('Serverul nu este disponibil; modificările nu pot fi salvate acum.');
    expect(await store.db.organizations.count()).toBe(0);
    expect(await store.db.audit.count()).toBe(0);
  });

  it('in local mode changes nothing: the repository writes locally with its audit entry, nothing is sent', async () => {
    const server = fakeServer();
    const store = await sharedStore(server, () => false);
    await store.organizations.create(orgDraft());
    expect(server.batches).toHaveLength(0);
    expect(await store.db.organizations.count()).toBe(1);
    expect(await store.db.audit.count()).toBe(1);
  });
});
