import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../server/commands';
import { createTestDatabase, noPostgres, type TestDatabase } from './helpers';
import { organizationDraft } from './fixtures';

/** pg_dump and pg_restore: on PATH, else Debian's newest /usr/lib/postgresql/<version>/bin. */
function clientBin(): string | null {
  if (spawnSync('sh', ['-c', 'command -v pg_dump && command -v pg_restore']).status === 0) return '';
  const base = '/usr/lib/postgresql';
  const version = existsSync(base) ? readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'pg_dump'))).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  return version ? path.join(base, version, 'bin') : null;
}
const bin = clientBin();
if (!noPostgres && bin === null) console.warn('backup-script.test.ts: SKIPPED — pg_dump/pg_restore not found.');

const script = path.resolve('server/deploy/backup.sh');

describe.skipIf(noPostgres || bin === null)('the nightly backup script and the documented restore', () => {
  let db: TestDatabase;
  let dir: string;
  const restored = `${'st_restored_'}${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'subventii-dumps-'));
    db = await createTestDatabase('dump');
    await db.migrate();
    const secretariat = await db.connect(await db.createLogin('secretariat'));
    await runCommand(secretariat, { table: 'organizations', operation: 'put', record: organizationDraft({ name: 'Asociația Copia de Noapte' }) });
  });
  afterAll(async () => {
    await db?.superuser.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`).catch(() => undefined);
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dumps the database into a checked file, and pg_restore brings back the records and the audit log', async () => {
    const env = { ...process.env, PATH: bin ? `${bin}:${process.env['PATH']}` : process.env['PATH'], DB: db.name, DB_URL: db.owner.url, BACKUP_DIR: dir, KEEP_DAYS: '30' };
    const out = execFileSync('bash', [script], { env, encoding: 'utf8' });
    const dumps = readdirSync(dir).filter((f) => f.endsWith('.pgdump'));
    expect(dumps).toHaveLength(1);
    expect(out).toContain(`copie: ${path.join(dir, dumps[0]!)}`);
    expect(readdirSync(dir).some((f) => f.endsWith('.partial'))).toBe(false);

    // The restore as the README gives it: an empty database owned by the schema's owner, the group roles present.
    await db.superuser.query(`CREATE DATABASE ${restored} OWNER ${db.owner.login}`);
    const target = new URL(db.owner.url);
    target.pathname = `/${restored}`;
    execFileSync(path.join(bin ?? '', 'pg_restore'), ['--no-owner', `--role=${db.owner.login}`, `--dbname=${target.toString()}`, path.join(dir, dumps[0]!)], { env: { ...process.env }, stdio: 'pipe' });
    const client = new pg.Client({ connectionString: target.toString() });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT record ->> 'name' AS name FROM organizations`);
      expect(rows).toEqual([{ name: 'Asociația Copia de Noapte' }]);
      const { rows: audit } = await client.query(`SELECT action, entity FROM audit`);
      expect(audit).toEqual([{ action: 'creare', entity: 'organizations' }]);
      // The restored audit log is still insert-only.
      await expect(client.query(`DELETE FROM audit`)).rejects.toThrow();
    } finally {
      await client.end();
    }
  });

  it('a dump that fails leaves no file and exits non-zero', () => {
    const env = { ...process.env, PATH: bin ? `${bin}:${process.env['PATH']}` : process.env['PATH'], DB: 'nu_exista', DB_URL: db.owner.url.replace(`/${db.name}`, '/nu_exista'), BACKUP_DIR: dir };
    const run = spawnSync('bash', [script], { env, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('nu_exista'))).toEqual([]);
  });
});
