// A PostgreSQL for the tests that need one: DATABASE_URL when set, else a throwaway cluster in a
// temporary folder, else null with the reason. Shared by vitest's global setup of the server tests
// (test/server/global-setup.ts) and by the shared-mode e2e harness and bench (test/e2e/shared/harness.ts).
// Plain Node (no Vite, no Playwright), so that both runners load it as it is.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PgCluster {
  /** A superuser URL (a role that may create databases and roles), on 127.0.0.1. */
  url: string;
  /** What it is, for the log: "DATABASE_URL" or "throwaway cluster on 127.0.0.1:port (… ms)". */
  description: string;
  /** True for DATABASE_URL: nobody else's server is stopped. */
  isExternal: boolean;
  /** Stops the throwaway cluster (pg_ctl on its data folder: the postmaster named by its PID file) and removes its folder; idempotent; nothing for DATABASE_URL. */
  stop(): void;
}

export type PgClusterStart = { cluster: PgCluster; reason?: undefined } | { cluster: null; reason: string };

export const NO_POSTGRES_REASON =
  'PostgreSQL unavailable: set DATABASE_URL (a role that may create databases and roles) or install PostgreSQL (initdb, pg_ctl) to run the tests that need it.';

/** initdb and pg_ctl: on PATH (''), else Debian's /usr/lib/postgresql/<version>/bin (newest first), else null. */
export function findPgBinaries(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb && command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0) return '';
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') + path.sep : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * DATABASE_URL when set; else a cluster made by initdb in a temporary folder and started by pg_ctl
 * on 127.0.0.1 on a free port (socket in that folder, SCRAM passwords over TCP, fsync off); else
 * `{ cluster: null, reason }`. As root (CI) the cluster belongs to the postgres user (initdb refuses
 * root) and is run through `runuser -u postgres`. The cluster is also stopped when the process
 * exits without calling stop().
 */
export async function startPgCluster(env: Record<string, string | undefined> = process.env): Promise<PgClusterStart> {
  if (env['DATABASE_URL']) return { cluster: { url: env['DATABASE_URL'], description: 'DATABASE_URL', isExternal: true, stop: () => undefined } };
  const bin = findPgBinaries();
  if (bin === null) return { cluster: null, reason: NO_POSTGRES_REASON };
  const dir = mkdtempSync(path.join(tmpdir(), 'subventii-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' }));
  const password = `t${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const data = path.join(dir, 'data');
  let isStopped = false;
  const stop = () => {
    if (isStopped) return;
    isStopped = true;
    process.off('exit', stop);
    try {
      // The postmaster's PID file says whether one runs (also after a start that timed out).
      if (existsSync(path.join(data, 'postmaster.pid'))) run(`${bin}pg_ctl`, ['-D', data, 'stop', '-m', 'fast']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.on('exit', stop);
  try {
    writeFileSync(path.join(dir, 'pw'), password);
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
      chownSync(path.join(dir, 'pw'), uid, gid);
    }
    chmodSync(dir, 0o700);
    const started = Date.now();
    run(`${bin}initdb`, ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${path.join(dir, 'pw')}`, '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    run(`${bin}pg_ctl`, ['-D', data, '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`, '-l', path.join(dir, 'pg.log'), '-w', 'start']);
    return {
      cluster: {
        url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
        description: `throwaway PostgreSQL cluster on 127.0.0.1:${port} (${bin || 'initdb on PATH'}, started in ${Date.now() - started} ms)`,
        isExternal: false,
        stop,
      },
    };
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    stop();
    return { cluster: null, reason: `${NO_POSTGRES_REASON} (starting a cluster failed: ${detail})` };
  }
}
