// The shared-mode harness itself (test/e2e/shared/harness.ts): the service started against a fresh
// PostgreSQL database serves the web app and its API, signs the staff logins in, stops and comes
// back on the same address, is seeded by a backup upload, and leaves nothing behind.
// Skipped, saying why, when PostgreSQL is unavailable.
import { expect } from '@playwright/test';
import pg from 'pg';
import type { ChangePage } from '../../src/shared/wire';
import { organizationDraft } from '../server/fixtures';
import { apiSignIn, LOGINS, PASSWORDS, requirePostgres, sharedTest as test, startSharedServer, type SharedServer } from './shared/harness';


test('the service serves the web app, answers its status and signs financiar1 in', async ({ page, sharedServer }) => {
  expect(sharedServer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const served = await page.goto(sharedServer.url);
  expect(served?.status()).toBe(200);
  await expect(page).toHaveTitle('Subvenții ONG');
  // The page served by the service is a shared-mode workstation of it: it asks to sign in first.
  await expect(page.getByRole('dialog', { name: 'Autentificare pe server' })).toBeVisible();

  const status = await page.request.get(`${sharedServer.url}/api/status`);
  expect(status.ok()).toBe(true);
  expect(await status.json()).toEqual({ service: 'subventii-ong', schemaVersion: expect.any(Number) });

  const signIn = await page.request.post(`${sharedServer.url}/api/login`, { data: { login: 'financiar1', password: PASSWORDS.financiar1 } });
  expect(signIn.status()).toBe(200);
  expect(await signIn.json()).toMatchObject({ login: 'financiar1', groups: ['finance'], token: expect.any(String) });

  const wrong = await page.request.post(`${sharedServer.url}/api/login`, { data: { login: 'financiar1', password: 'nu-este-parola' } });
  expect(wrong.status()).toBe(401);
});

test('every login is in its group', async ({ sharedServer }) => {
  for (const [login, group] of Object.entries(LOGINS) as [keyof typeof LOGINS, string][]) {
    expect((await apiSignIn(sharedServer.url, login)).groups).toEqual([group]);
  }
});

test('stop() takes the service away, restart() brings it back on the same address with the same database', async ({ postgres }) => {
  const cluster = requirePostgres(postgres);
  const server = await startSharedServer({ postgres: cluster });
  try {
    const { token } = await apiSignIn(server.url, 'secretar1');
    const created = await fetch(`${server.url}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ table: 'organizations', operation: 'put', record: organizationDraft({ name: 'Asociația Repornire' }) }),
    });
    const owner = new pg.Client({ connectionString: server.databaseUrl });
    await owner.connect();
    const before = await owner.query('SELECT count(*)::int AS n FROM organizations');
    await owner.end();

    await server.stop();
    await expect(fetch(`${server.url}/api/status`)).rejects.toThrow();
    await server.restart();
    expect((await fetch(`${server.url}/api/status`)).status).toBe(200);
    // Sessions live in the service: a new one is needed, and the database is the one it had.
    const again = await apiSignIn(server.url, 'secretar1');
    const page = (await (await fetch(`${server.url}/api/changes?since=0`, { headers: { authorization: `Bearer ${again.token}` } })).json()) as ChangePage;
    expect(page.changes.filter((c) => c.table === 'organizations')).toHaveLength(before.rows[0].n);
    expect(created.status, await created.text()).toBe(200);
    expect(before.rows[0].n).toBe(1);
    expect(server.log.filter((line) => line.startsWith('Migrări aplicate'))).toHaveLength(0); // migrated before the first start, never again
  } finally {
    await server.dispose();
  }
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const left = await admin.query('SELECT datname FROM pg_database WHERE datname = $1', [server.database]);
  const owners = await admin.query('SELECT rolname FROM pg_roles WHERE rolname = $1', [`${server.database}_owner`]);
  await admin.end();
  expect(left.rows).toEqual([]);
  expect(owners.rows).toEqual([]);
});

test.describe('seeded', () => {
  test.use({ sharedSeed: { organizations: 300, units: 250 } });

  test('the seed is uploaded as a backup and reaches a workstation through the change feed', async ({ sharedServer }) => {
    expect(sharedServer.seeded).toMatchObject({ organizations: 300, units: 250 });
    const { token } = await apiSignIn(sharedServer.url, 'monitor1');
    const res = await fetch(`${sharedServer.url}/api/changes?since=0&limit=50000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await res.json()) as ChangePage;
    const count = (table: string) => page.changes.filter((c) => c.table === table).length;
    expect(count('organizations')).toBe(300);
    expect(count('units')).toBe(250);
    expect(new Set(page.changes.filter((c) => c.table === 'organizations').map((c) => c.record['cui'])).size).toBe(300);
  });
});

test.describe('one server for the tests of a group', () => {
  let server: SharedServer | undefined;
  test.beforeAll(async ({ postgres }) => {
    server = await startSharedServer({ postgres });
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('signs secretar1 in', async () => {
    expect((await apiSignIn(server!.url, 'secretar1')).login).toBe('secretar1');
  });
  test('refuses a login that does not exist', async () => {
    const res = await fetch(`${server!.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'nimeni', password: 'x' }) });
    expect(res.status).toBe(401);
  });
});
