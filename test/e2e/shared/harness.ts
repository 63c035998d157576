/**
 * Shared-mode e2e harness: a real PostgreSQL, a fresh database with the staff logins, and the
 * service (server/service.ts startService) serving the built web app, for Playwright specs
 * (test/e2e/*.spec.ts) and the browser benches (bench/web/*.bench.ts).
 *
 * API (kept stable; other specs build on it):
 *
 *   startPostgres(): Promise<{ cluster: PgCluster } | { cluster: null; reason: string }>
 *     DATABASE_URL when set, else a throwaway cluster (test/helpers/pg-cluster.ts, the same code as
 *     vitest's server tests), else null and why. Started once per process and reused; the cluster
 *     is stopped by `cluster.stop()`, by the `postgres` worker fixture's teardown, or at exit.
 *
 *   startSharedServer({ postgres?, seed?: { organizations, units }, log? }): Promise<SharedServer>
 *     A new database (e2e_xxxxxx, owned by its own role) in that cluster, the server migrations
 *     applied, the logins of LOGINS present (cluster-wide roles, passwords PASSWORDS), optionally
 *     seeded by uploading a generated backup (bench/web/seed-data.ts: the demo generator's NGOs
 *     with distinct CUIs and exactly `units` units; 20,000 + 20,000 load in seconds), and the
 *     service started on 127.0.0.1, port 0, serving dist-web/ (the Playwright webServer builds it).
 *     `postgres` defaults to the cluster startPostgres() started in this process.
 *
 *   SharedServer:
 *     url            http://127.0.0.1:<port> (the same for the server's whole life)
 *     databaseUrl    the schema owner's URL (what the service runs with; may write anything)
 *     stop()         stops the service (workstations lose it; the database stays)
 *     restart()      starts it again on the same port (stopping it first if it runs)
 *     dispose()      stops it and drops the database and its owner role (the fixture does this)
 *     log            the service's log lines
 *
 *     Without PostgreSQL it skips the current test or hook (with the reason printed).
 *
 *   Playwright: `sharedTest` is `test` with
 *     postgres       (worker) the PgCluster; every test using sharedTest is skipped, with the
 *                    reason printed, when PostgreSQL is unavailable (then it is null, seen only
 *                    by hooks: requirePostgres(postgres) skips there)
 *     sharedServer   (test) a SharedServer of its own, disposed after the test;
 *                    seeded with `sharedTest.use({ sharedSeed: { organizations, units } })`
 *   For a server shared by the tests of a file:
 *     let server: SharedServer;
 *     sharedTest.beforeAll(async ({ postgres }) => { server = await startSharedServer({ postgres, seed }); });
 *     sharedTest.afterAll(async () => { await server?.dispose(); });
 *
 *   apiSignIn(url, login) → { token, login, groups }: a sign-in through POST /api/login.
 *
 * Everything listens on 127.0.0.1 on a free port; nothing is reached by name or port of its own.
 */
import { test as base } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runnerImport } from 'vite';
import { seedFile } from '../../../bench/web/seed';
import { startPgCluster, type PgCluster, type PgClusterStart } from '../../helpers/pg-cluster';
import type * as ServerSide from './server-side';

export type { PgCluster } from '../../helpers/pg-cluster';

export type Group = 'secretariat' | 'finance' | 'monitoring' | 'admin';

/** The staff logins every shared server has, one per group. */
export const LOGINS = {
  secretar1: 'secretariat',
  financiar1: 'finance',
  monitor1: 'monitoring',
  admin1: 'admin',
} as const satisfies Record<string, Group>;
export type LoginName = keyof typeof LOGINS;

/** Their passwords (SCRAM over TCP to 127.0.0.1; these roles exist only for the tests). */
export const PASSWORDS = {
  secretar1: 'Secretar-1-test',
  financiar1: 'Financiar-1-test',
  monitor1: 'Monitor-1-test',
  admin1: 'Admin-1-test',
} as const satisfies Record<LoginName, string>;

export interface SharedSeed {
  organizations: number;
  units: number;
}

export interface SharedServer {
  url: string;
  port: number;
  /** The schema owner's URL: what the service runs with (may write anything, audited as the owner). */
  databaseUrl: string;
  database: string;
  /** What the upload stored when seeded (table → rows). */
  seeded: Record<string, number>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
  log: string[];
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST_WEB = fileURLToPath(new URL('../../../dist-web/', import.meta.url));
const SERVER_SIDE = fileURLToPath(new URL('./server-side.ts', import.meta.url));
/** The roles the harness made carry this comment: only they are changed or dropped. */
const MARK = 'subventii e2e harness login';
const LOGINS_LOCK = 7340299; // on the maintenance database; the service's own locks are other numbers

let serverSide: Promise<typeof ServerSide> | undefined;
/** server/ through Vite's module runner, once per process. */
function loadServerSide(): Promise<typeof ServerSide> {
  serverSide ??= runnerImport<typeof ServerSide>(SERVER_SIDE, { configFile: false, logLevel: 'error', root: ROOT }).then((r) => r.module);
  return serverSide;
}

let started: Promise<PgClusterStart> | undefined;
/** PostgreSQL for this process (see the file header). */
export function startPostgres(): Promise<PgClusterStart> {
  started ??= startPgCluster().then((result) => {
    if (result.cluster) {
      const stop = result.cluster.stop;
      result.cluster.stop = () => {
        started = undefined;
        stop();
      };
    }
    return result;
  });
  return started;
}

function withCredentials(base: string, user: string, password: string, database: string): string {
  const url = new URL(base);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  url.pathname = `/${database}`;
  return url.toString();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'subventii-e2e-harness' });
  await client.connect();
  return client;
}

/**
 * The group roles and the staff logins (cluster-wide), made or brought to the known passwords, then
 * `andThen` (which creates the database), all under one lock: another process cannot drop the
 * logins between the two (dropLoginsIfLast).
 */
async function ensureLogins(admin: pg.Client, andThen: () => Promise<void>): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [LOGINS_LOCK]);
  try {
    for (const group of new Set(Object.values(LOGINS))) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [group]);
      if (!rowCount) await admin.query(`CREATE ROLE ${pg.escapeIdentifier(group)} NOLOGIN`);
    }
    for (const [login, group] of Object.entries(LOGINS) as [LoginName, Group][]) {
      const { rows } = await admin.query<{ note: string | null }>(`SELECT shobj_description(oid, 'pg_authid') AS note FROM pg_roles WHERE rolname = $1`, [login]);
      const role = pg.escapeIdentifier(login);
      const password = admin.escapeLiteral(PASSWORDS[login]);
      if (rows.length === 0) {
        await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD ${password} IN ROLE ${pg.escapeIdentifier(group)}`);
        await admin.query(`COMMENT ON ROLE ${role} IS ${admin.escapeLiteral(MARK)}`);
      } else if (rows[0]!.note === MARK) {
        await admin.query(`ALTER ROLE ${role} LOGIN PASSWORD ${password}`);
        await admin.query(`GRANT ${pg.escapeIdentifier(group)} TO ${role}`);
      } else {
        throw new Error(`The PostgreSQL server already has a role „${login}” that the e2e harness did not make; it is left alone. Use a throwaway cluster (unset DATABASE_URL) or another server.`);
      }
    }
    await andThen();
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [LOGINS_LOCK]);
  }
}

/** Drops the harness's logins once no harness database is left (on a DATABASE_URL server; a throwaway cluster goes whole). */
async function dropLoginsIfLast(admin: pg.Client): Promise<void> {
  await admin.query('SELECT pg_advisory_lock($1)', [LOGINS_LOCK]);
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname LIKE 'e2e\\_%'`);
    if (rowCount) return;
    for (const login of Object.keys(LOGINS)) {
      const { rows } = await admin.query<{ note: string | null }>(`SELECT shobj_description(oid, 'pg_authid') AS note FROM pg_roles WHERE rolname = $1`, [login]);
      if (rows[0]?.note === MARK) await admin.query(`DROP ROLE ${pg.escapeIdentifier(login)}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [LOGINS_LOCK]);
  }
}

/** A fresh database with the logins, seeded when asked, and the service serving dist-web/ (see the file header). */
export async function startSharedServer(options: { postgres?: PgCluster | null; seed?: SharedSeed; log?: (line: string) => void } = {}): Promise<SharedServer> {
  let postgres = options.postgres;
  if (!postgres) {
    const start = await startPostgres();
    unavailable = start.reason ?? '';
    postgres = requirePostgres(start.cluster);
  }
  const { startService, migrate, uploadBackup } = await loadServerSide();
  const id = randomBytes(4).toString('hex');
  const database = `e2e_${id}`;
  const owner = { login: `${database}_owner`, password: `o${randomBytes(12).toString('hex')}` };
  const databaseUrl = withCredentials(postgres.url, owner.login, owner.password, database);
  const log: string[] = [];
  const onLog = (line: string) => {
    log.push(line);
    options.log?.(line);
    if (line.startsWith('Eroare internă')) console.error(`[shared server ${database}] ${line}`);
  };

  const admin = await connect(postgres.url);
  let service: ServerSide.RunningService | undefined;
  let port = 0;
  let isDisposed = false;
  const dispose = async () => {
    if (isDisposed) return;
    isDisposed = true;
    await service?.close();
    service = undefined;
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(owner.login)}`);
      await dropLoginsIfLast(admin);
    } finally {
      await admin.end();
    }
  };
  try {
    await ensureLogins(admin, async () => {
      await admin.query(`CREATE ROLE ${pg.escapeIdentifier(owner.login)} LOGIN PASSWORD ${admin.escapeLiteral(owner.password)}`);
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${pg.escapeIdentifier(owner.login)}`);
    });
    const client = await connect(databaseUrl);
    const seeded: Record<string, number> = {};
    try {
      await migrate(client);
      if (options.seed) {
        const text = await readFile(await seedFile({ organizations: options.seed.organizations, units: options.seed.units }), 'utf8');
        const report = await uploadBackup(client, text);
        for (const c of report.counts) seeded[c.table] = c.count;
      }
    } finally {
      await client.end();
    }
    const start = async () => {
      service = await startService({ databaseUrl, host: '127.0.0.1', port, staticDir: DIST_WEB, log: onLog });
      port = service.port;
    };
    await start();
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      databaseUrl,
      database,
      seeded,
      log,
      async stop() {
        const running = service;
        service = undefined;
        await running?.close();
      },
      async restart() {
        if (isDisposed) throw new Error('restart() after dispose()');
        const running = service;
        service = undefined;
        await running?.close();
        await start();
      },
      dispose,
    };
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
}

/** Signs in through POST /api/login, as a workstation does; throws with the service's message when refused. */
export async function apiSignIn(url: string, login: LoginName): Promise<{ token: string; login: string; groups: string[] }> {
  const res = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORDS[login] }) });
  const body = (await res.json()) as { token: string; login: string; groups: string[]; error?: { message: string } };
  if (!res.ok) throw new Error(`sign-in of ${login} refused (${res.status}): ${body.error?.message ?? ''}`);
  return body;
}

let reasonShown = false;
let unavailable = '';

/**
 * The cluster, or (when there is none) the current test or hook is skipped with the reason, printed
 * once per process. For a `beforeAll` (which runs before the fixture that skips each test).
 */
export function requirePostgres(postgres: PgCluster | null | undefined): PgCluster {
  if (postgres) return postgres;
  const reason = unavailable || 'PostgreSQL unavailable';
  if (!reasonShown) console.warn(`[shared-mode e2e] skipped — ${reason}`);
  reasonShown = true;
  // eslint-disable-next-line no-restricted-syntax -- a conditional skip, its reason printed above (no PostgreSQL on this machine)
  base.skip(true, reason);
  throw new Error(reason); // not reached: skip() throws
}

export const sharedTest = base.extend<{ sharedSeed: SharedSeed | undefined; sharedServer: SharedServer; requiresPostgres: void }, { postgres: PgCluster | null }>({
  // null only where no test body runs: every test is skipped first (requiresPostgres); a beforeAll calls requirePostgres().
  postgres: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const { cluster, reason } = await startPostgres();
      unavailable = reason ?? '';
      try {
        await use(cluster);
      } finally {
        cluster?.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  // A test-scoped skip (a skip inside a worker fixture marks the worker's later tests passed without running them).
  requiresPostgres: [
    async ({ postgres }, use) => {
      requirePostgres(postgres);
      await use();
    },
    { auto: true },
  ],
  sharedSeed: [undefined, { option: true }],
  sharedServer: async ({ postgres, sharedSeed }, use) => {
    const server = await startSharedServer({ postgres: requirePostgres(postgres), ...(sharedSeed ? { seed: sharedSeed } : {}) });
    try {
      await use(server);
    } finally {
      await server.dispose();
    }
  },
});
