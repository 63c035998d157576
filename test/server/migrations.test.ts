import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { migrate, MIGRATIONS, NewerSchemaError, parseMigrations, SERVER_SCHEMA_VERSION } from '../../server/migrate';
import { BACKUP_TABLES } from '../../renderer/db/database';
import { createTestDatabase, noPostgres, type TestDatabase } from './helpers';

describe('server migrations: file names', () => {
  it('are numbered without gaps and refuse a misnamed or missing file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SERVER_SCHEMA_VERSION }, (_, i) => i + 1));
    expect(() => parseMigrations({ './migrations/001-a.sql': '', './migrations/003-c.sql': '' })).toThrow(/expected 2/);
    expect(() => parseMigrations({ './migrations/1-a.sql': '' })).toThrow(/NNN-name/);
  });
});

describe.skipIf(noPostgres)('server migrations against PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('migr');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('bring an existing database forward, keep its data and continue its numbers', async () => {
    expect(await db.migrate(1)).toEqual([1]);
    const owner = await db.connect(db.owner);
    // A schema-1 database already holding registered requests of 2026 (numbers 1..3).
    for (let i = 1; i <= 3; i++) {
      const record = { id: `r${i}`, registration: { year: 2026, sequence: i }, registeredOn: '2026-02-0' + i, version: 1 };
      await owner.query(`INSERT INTO requests (id, version, record, server_seq, modified_by, modified_at) VALUES ($1, 1, $2, 0, '', now())`, [record.id, record]);
    }
    expect(await db.migrate()).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    const { rows } = await owner.query('SELECT version, name, applied_by FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(rows[0].applied_by).toBe(db.owner.login);
    expect((await owner.query('SELECT count(*)::int AS n FROM requests')).rows[0].n).toBe(3);
    // The next request registered on the server continues after the existing numbers.
    const { rows: added } = await owner.query(
      `INSERT INTO requests (id, version, record, server_seq, modified_by, modified_at) VALUES ('r4', 1, $1, 0, '', now()) RETURNING record`,
      [{ id: 'r4', registration: { year: 0, sequence: 0 }, registeredOn: '2026-03-01', version: 1 }],
    );
    expect(added[0].record.registration).toEqual({ year: 2026, sequence: 4 });
    // Applying again changes nothing.
    expect(await db.migrate()).toEqual([]);
  });

  it('create one table per replicated Dexie table, plus the audit log', async () => {
    const owner = await db.connect(db.owner);
    const { rows } = await owner.query<{ name: string }>('SELECT name FROM replicated_tables');
    const { rows: existing } = await owner.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    const names = new Set(existing.map((r) => r.tablename));
    expect([...rows.map((r) => r.name), 'audit'].sort()).toEqual([...BACKUP_TABLES].sort());
    for (const table of BACKUP_TABLES) expect(names.has(table), table).toBe(true);
  });

  it('refuse a database migrated by a newer service, changing nothing', async () => {
    const owner = await db.connect(db.owner);
    await owner.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from-the-future')`, [SERVER_SCHEMA_VERSION + 1]);
    const client = new pg.Client({ connectionString: db.owner.url });
    await client.connect();
    try {
      const error = await migrate(client).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NewerSchemaError);
      expect((error as Error).message).toContain(`versiunea ${SERVER_SCHEMA_VERSION + 1}`);
      expect((error as Error).message).toContain('Actualizați serviciul');
      // A service knowing only schema 1 refuses the database as it is today, too.
      await owner.query(`DELETE FROM schema_migrations WHERE version = $1`, [SERVER_SCHEMA_VERSION + 1]);
      await expect(migrate(client, MIGRATIONS.slice(0, 1))).rejects.toThrow(NewerSchemaError);
    } finally {
      await client.end();
    }
  });
});

describe.skipIf(noPostgres)('server migration 6: a visit team with functions', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('team');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('turns the names of the visits stored before into members with the legacy function, as a new version; members already with a function stay', async () => {
    expect(await db.migrate(5)).toEqual([1, 2, 3, 4, 5]);
    const owner = await db.connect(db.owner);
    const old = { id: 'v1', conventionId: 'c1', unitId: 'u1', plannedDate: '2025-05-10', team: ['Ana Pop', ' ', 'Ion Rus'], version: 3 };
    const current = { id: 'v2', conventionId: 'c1', unitId: 'u1', plannedDate: '2025-06-10', team: [{ name: 'Ana Pop', role: 'consilier' }], version: 1 };
    for (const r of [old, current]) await owner.query(`INSERT INTO visits (id, version, record, server_seq, modified_by, modified_at) VALUES ($1, $2, $3, 0, '', now())`, [r.id, r.version, r]);
    expect(await db.migrate()).toEqual([6]);
    const { rows } = await owner.query<{ id: string; version: number; record: Record<string, unknown> }>('SELECT id, version, record FROM visits ORDER BY id');
    expect(rows[0]!.record['team']).toEqual([{ name: 'Ana Pop', role: 'membru al echipei de monitorizare' }, { name: 'Ion Rus', role: 'membru al echipei de monitorizare' }]);
    expect([rows[0]!.version, rows[0]!.record['version']]).toEqual([4, 4]);
    expect(rows[1]!.record).toEqual(current);
    expect(rows[1]!.version).toBe(1);
  });
});
