// The workstation side of shared mode against the real service: Dexie on fake-indexeddb (a real IndexedDB in memory).
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../server/service';
import { createDatabase } from '../../renderer/db/database';
import { createStore } from '../../renderer/db/store';
import { httpTransport } from '../../renderer/db/shared/protocol';
import { applyChanges, httpFetchPage, pullChanges, type ChangePage } from '../../renderer/db/shared/replica';
import { installWritePath } from '../../renderer/db/shared/write-path';
import { ConflictError, DomainError } from '../../src/errors';
import { emptyOrganization } from '../../src/catalog/organization';
import { TABLE_WRITERS } from '../../src/shared/roles';
import { createTestDatabase, noPostgres, type Login, type TestDatabase } from './helpers';
import { organizationDraft } from './fixtures';

describe.skipIf(noPostgres)('a shared-mode workstation against the service', () => {
  let db: TestDatabase;
  let service: RunningService;
  let secretariat: Login, finance: Login;

  beforeAll(async () => {
    db = await createTestDatabase('workstation');
    secretariat = await db.createLogin('secretariat');
    finance = await db.createLogin('finance');
    service = await startService({ databaseUrl: db.owner.url, port: 0, log: () => {} });
  });
  afterAll(async () => {
    await service?.close();
    await db?.drop();
  });

  async function workstation(login: Login) {
    const res = await fetch(`${service.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: login.login, password: login.password }) });
    const { token, groups } = (await res.json()) as { token: string; groups: string[] };
    const local = createDatabase(`ws-${login.login}-${Math.random().toString(36).slice(2)}`);
    installWritePath(local, { active: () => true, transport: () => httpTransport(service.url, token) });
    await local.open();
    await local.replicaState.put({ key: 'server', serverUrl: service.url, login: login.login, groups, checkpoint: 0, schemaVersion: 5 });
    const store = createStore(local);
    return { store, token, pull: () => pullChanges(local, httpFetchPage(service.url, token)) };
  }

  it('a fresh replica gets every record, then every audit entry, in pages; one filled before the split (no auditCheckpoint) misses none', async () => {
    const sec = await workstation(secretariat);
    for (let i = 0; i < 7; i++) {
      const { id: _id, ...draft } = organizationDraft({ name: `Asociația Jurnal ${i}` });
      await sec.store.organizations.create({ ...emptyOrganization(), ...draft });
    }
    const server = async (sql: string) => (await db.superuser.query<{ id: string }>(sql)).rows.map((r) => r.id).sort();
    const [organizations, audit] = [await server('SELECT id FROM organizations'), await server('SELECT id::text AS id FROM audit')];
    expect(audit.length).toBeGreaterThanOrEqual(7);

    // Fresh, pages of 3: the records to the end, then the audit log.
    const fresh = await workstation(finance);
    const asked: string[] = [];
    const base = httpFetchPage(service.url, fresh.token, 3);
    let auditWhenRecordsDone = -1;
    await pullChanges(fresh.store.db, async (since, part) => (asked.push(part), base(since, part)), () => (auditWhenRecordsDone = asked.filter((p) => p === 'audit').length));
    expect(auditWhenRecordsDone).toBe(0);
    expect(asked.indexOf('audit')).toBe(asked.lastIndexOf('records') + 1);
    expect((await fresh.store.db.organizations.toCollection().primaryKeys()).sort()).toEqual(organizations);
    expect((await fresh.store.db.audit.toCollection().primaryKeys()).sort()).toEqual(audit);

    // Filled by the feed of both parts up to the fourth change, before the split: the rest, nothing twice.
    const old = await workstation(finance);
    const both = (await (await fetch(`${service.url}/api/changes?since=0&limit=4`, { headers: { authorization: `Bearer ${old.token}` } })).json()) as ChangePage;
    await applyChanges(old.store.db, both.changes, 'all');
    await old.store.db.replicaState.update('server', { auditCheckpoint: undefined });
    expect(await old.store.db.replicaState.get('server')).toMatchObject({ checkpoint: both.last });
    await old.pull();
    expect((await old.store.db.organizations.toCollection().primaryKeys()).sort()).toEqual(organizations);
    expect((await old.store.db.audit.toCollection().primaryKeys()).sort()).toEqual(audit);
  });

  it('a repository write goes to the server as the login and reaches the other workstation; stale and forbidden writes are refused', async () => {
    const sec = await workstation(secretariat);
    const fin = await workstation(finance);
    const { id: _id, ...draft } = organizationDraft({ name: 'Asociația Podul Prieteniei' });
    const created = await sec.store.organizations.create({ ...emptyOrganization(), ...draft });
    const { rows } = await db.superuser.query(`SELECT version, modified_by, record ->> 'name' AS name FROM organizations WHERE id = $1`, [created.id]);
    expect(rows[0]).toMatchObject({ version: 1, modified_by: secretariat.login, name: 'Asociația Podul Prieteniei' });
    const { rows: audit } = await db.superuser.query(`SELECT author FROM audit WHERE entity_id = $1`, [created.id]);
    expect(audit.map((a) => a.author)).toEqual([secretariat.login]);

    await fin.pull();
    const seen = await fin.store.db.organizations.get(created.id);
    expect(seen).toMatchObject({ name: 'Asociația Podul Prieteniei', version: 1 });
    expect(seen?.searchText).toContain('asociatia podul prieteniei');

    // Finance may read, not change, an NGO: the server's reason reaches the repository call.
    const refused = await fin.store.organizations.update(created.id, { ...emptyOrganization(), ...draft, notes: 'finanțe' }, 1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as Error).message).toContain('Permisiune refuzată');

    // Secretariat saves version 2; a second secretariat workstation still at version 1 gets the conflict.
    const sec2 = await workstation(secretariat);
    await sec2.pull();
    await sec.store.organizations.update(created.id, { ...emptyOrganization(), ...draft, phone: '0264 111 222' }, 1);
    const stale = await sec2.store.organizations.update(created.id, { ...emptyOrganization(), ...draft, notes: 'a doua fișă' }, 1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toContain('a fost modificat între timp');
    expect((await sec2.store.db.organizations.get(created.id))?.notes ?? '').not.toBe('a doua fișă');
  });

  it('disables on screens exactly what the server refuses: the rule table of src/ equals the server writers', async () => {
    const { rows } = await db.superuser.query<{ name: string; writers: string[] }>('SELECT name, writers FROM replicated_tables');
    expect(Object.fromEntries(rows.map((r) => [r.name, [...r.writers].sort()]))).toEqual(Object.fromEntries(Object.entries(TABLE_WRITERS).map(([t, w]) => [t, [...w].sort()])));
  });

  it('a fresh workstation receives 20,000 NGOs', async () => {
    await db.superuser.query(`INSERT INTO organizations (id, version, record, server_seq, modified_by, modified_at)
      SELECT 'bulk-' || i, 1, jsonb_build_object('id', 'bulk-' || i, 'name', 'Asociația Nr. ' || i, 'cui', (20000000 + i)::text, 'locality', 'Cluj-Napoca',
        'representativeName', 'Ana Pop', 'email', '', 'registryNumber', i || '/2010', 'status', 'activ', 'version', 1, 'createdAt', '2026-01-01T00:00:00.000Z', 'updatedAt', '2026-01-01T00:00:00.000Z'),
        0, '', now() FROM generate_series(1, 20000) AS i`);
    const fresh = await workstation(finance);
    const started = performance.now();
    await fresh.pull();
    const ms = performance.now() - started;
    console.log(`fresh sync of 20,000 NGOs (+ their audit entries) into fake-indexeddb: ${Math.round(ms)} ms`);
    expect(await fresh.store.db.organizations.where('id').startsWith('bulk-').count()).toBe(20_000);
    expect((await fresh.store.organizations.get('bulk-777'))?.searchText).toContain('asociatia nr. 777');
  }, 120_000);
});
