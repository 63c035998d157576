import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createBackup, serializeBackup, type BackupRow, type BackupTables } from '../../src/backup/backup-file';
import { BACKUP_UPGRADE_STEPS } from '../../src/backup/upgrade';
import { stamp } from '../../src/entity';
import { emptyFundingRound } from '../../src/rounds/funding-round';
import { BACKUP_TABLES, SCHEMA_VERSION } from '../../renderer/db/database';
import { runCommand } from '../../server/commands';
import { uploadBackup } from '../../server/upload';
import { createTestDatabase, noPostgres, type TestDatabase } from './helpers';
import { organizationDraft, requestDraft } from './fixtures';

const row = (record: object) => record as BackupRow;

/** A backup as the app writes it: every table present, two NGOs, a round, a request numbered 5/2026, two audit entries. */
async function localBackup(overrides: Partial<BackupTables> = {}, schemaVersion = SCHEMA_VERSION): Promise<string> {
  const tables: BackupTables = Object.fromEntries(BACKUP_TABLES.filter((t) => !BACKUP_UPGRADE_STEPS.some((step) => step.toVersion > schemaVersion && step.addedTables.includes(t))).map((t) => [t, []]));
  const orgA = { ...stamp(organizationDraft({ name: 'Asociația Speranța' })), version: 3, searchText: 'asociatia speranta' };
  const orgB = stamp(organizationDraft({ name: 'Fundația Pași' }));
  const round = stamp({ ...emptyFundingRound(2026), submissionStart: '2026-01-05', submissionEnd: '2026-02-27' });
  const request = stamp({ ...requestDraft(round.id, orgA.id), registration: { year: 2026, sequence: 5 } });
  tables['organizations'] = [orgA, orgB].map(row);
  tables['rounds'] = [row(round)];
  tables['requests'] = [row(request)];
  tables['audit'] = [
    { id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', at: '2026-01-10T09:00:00.000Z', seq: 1, user: 'Ana Pop', entity: 'organizations', entityId: orgA.id, label: 'Asociația Speranța', action: 'creare', changes: [{ field: 'name', after: 'Asociația Speranța' }] },
    { id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2c', at: '2026-01-11T09:00:00.000Z', seq: 2, user: 'Ana Pop', entity: 'requests', entityId: request.id, label: 'Cererea nr. 5/2026', action: 'creare', changes: [] },
  ];
  Object.assign(tables, overrides);
  return serializeBackup(await createBackup({ schemaVersion, appVersion: '0.1.0', tables }));
}

describe.skipIf(noPostgres)('uploading a local database into an empty server', () => {
  let db: TestDatabase;
  let owner: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('upload');
    await db.migrate();
    owner = await db.connect(db.owner);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('refuses two NGOs with the same CUI and a damaged file, storing nothing', async () => {
    const twin = organizationDraft({ name: 'Asociația Geamănă' });
    const [first, second] = [stamp(twin), stamp({ ...twin, name: 'Asociația Geamănă Bis' })];
    const duplicate = await localBackup({ organizations: [first, second].map(row), requests: [] });
    await expect(uploadBackup(owner, duplicate)).rejects.toThrow(`CUI-ul ${twin.cui} — „Asociația Geamănă” (id ${first.id}), „Asociația Geamănă Bis” (id ${second.id})`);
    // The same CUI written with "RO" and spaces is the same NGO: reported too, never merged.
    const third = stamp({ ...organizationDraft({ name: 'Asociația Ro' }), cui: `RO ${twin.cui}` });
    await expect(uploadBackup(owner, await localBackup({ organizations: [row(first), row(third)], requests: [] }))).rejects.toThrow(`„Asociația Geamănă” (id ${first.id}), „Asociația Ro” (id ${third.id})`);
    const damaged = (await localBackup()).replace('Fundația Pași', 'Fundația Altfel');
    await expect(uploadBackup(owner, damaged)).rejects.toThrow(/suma de control nu se potrivește/);
    expect(Number((await owner.query('SELECT count(*) AS n FROM organizations')).rows[0].n)).toBe(0);
    expect(Number((await owner.query('SELECT count(*) AS n FROM audit')).rows[0].n)).toBe(0);
  });

  it('stores the records with their ids and versions, keeps the history, audits the import and continues the numbers', async () => {
    const report = await uploadBackup(owner, await localBackup());
    expect(report.counts).toEqual([
      { table: 'organizations', label: 'ONG-uri', count: 2 },
      { table: 'rounds', label: 'Runde de finanțare', count: 1 },
      { table: 'requests', label: 'Cereri de subvenție', count: 1 },
    ]);
    expect(report.auditEntries).toBe(2);
    const { rows: orgs } = await owner.query(`SELECT version, record FROM organizations ORDER BY record ->> 'name'`);
    expect(orgs.map((o) => [o.record['name'], o.version])).toEqual([['Asociația Speranța', 3], ['Fundația Pași', 1]]);
    expect(orgs[0].record).not.toHaveProperty('searchText');
    const { rows: audit } = await owner.query(`SELECT author, action, label FROM audit ORDER BY server_seq`);
    expect(audit.slice(0, 2)).toEqual([
      { author: 'Ana Pop', action: 'creare', label: 'Asociația Speranța' },
      { author: 'Ana Pop', action: 'creare', label: 'Cererea nr. 5/2026' },
    ]);
    expect(audit.slice(2).map((a) => [a.author, a.action])).toEqual(Array(4).fill([db.owner.login, 'import']));
    // The next request registered on the server follows the uploaded one.
    const secretariat = await db.connect(await db.createLogin('secretariat'));
    const { rows: ids } = await owner.query(`SELECT (SELECT id FROM rounds) AS round, (SELECT id FROM organizations LIMIT 1) AS org`);
    const next = await runCommand(secretariat, { table: 'requests', operation: 'put', record: requestDraft(ids[0].round, ids[0].org, '2026-02-20') });
    expect(next.record['registration']).toEqual({ year: 2026, sequence: 6 });
  });

  it('refuses a server that already holds data', async () => {
    await expect(uploadBackup(owner, await localBackup())).rejects.toThrow(/Serverul are deja date \(de exemplu în tabelul „ONG-uri”\): o bază locală se încarcă doar într-un server gol/);
  });
});

describe.skipIf(noPostgres)('uploading a copy made by an earlier release', () => {
  let db: TestDatabase;
  let owner: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('upload_old');
    await db.migrate();
    owner = await db.connect(db.owner);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('brings a schema 9 copy (before monitoring) up to date, says so, and stores its records', async () => {
    const old = await localBackup({}, 9);
    expect(Object.keys(JSON.parse(old).tables)).not.toContain('visits');
    const report = await uploadBackup(owner, old);
    expect(report.upgradedFrom?.schemaVersion).toBe(9);
    expect(report.upgradedFrom?.steps.some((s) => /vizitele de monitorizare/.test(s))).toBe(true);
    expect(report.counts.map((c) => c.table)).toEqual(['organizations', 'rounds', 'requests']);
    expect(Number((await owner.query('SELECT count(*) AS n FROM visits')).rows[0].n)).toBe(0);
  });

  it('refuses a copy older than the oldest release it can bring up to date, storing nothing', async () => {
    const db2 = await createTestDatabase('upload_older');
    try {
      await db2.migrate();
      const client = await db2.connect(db2.owner);
      await expect(uploadBackup(client, await localBackup({}, 6))).rejects.toThrow(/versiunea 6/);
      expect(Number((await client.query('SELECT count(*) AS n FROM organizations')).rows[0].n)).toBe(0);
    } finally {
      await db2.drop();
    }
  });
});
