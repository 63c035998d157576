import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL superuser URL for the server tests, or null when none is available (they are skipped). */
    databaseUrl: string | null;
  }
}

const SKIP_MESSAGE =
  'PostgreSQL unavailable: the server tests are skipped. Set DATABASE_URL (a role that may create databases and roles) or install PostgreSQL (initdb, pg_ctl) to run them.';

/** initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin (newest first). */
function findBinaries(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb && command -v pg_ctl'], { encoding: 'utf8' });
  if (onPath.status === 0) return '';
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') + path.sep : null;
}

/** For .ci/run, which says at the end whether the server tests ran (SERVER_TESTS_STATUS_FILE). */
function report(status: string): void {
  const file = process.env['SERVER_TESTS_STATUS_FILE'];
  if (file) writeFileSync(file, status);
}

function freePort(): Promise<number> {
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
 * Gives the server tests a PostgreSQL: DATABASE_URL when set, else a throwaway cluster in a
 * temporary folder (127.0.0.1, a free port, the socket in that folder, SCRAM passwords over TCP),
 * started once per run and removed at the end; else null, and the tests say they were skipped.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env['DATABASE_URL']) {
    console.log('[server tests] against DATABASE_URL');
    report('RAN against DATABASE_URL');
    project.provide('databaseUrl', process.env['DATABASE_URL']);
    return undefined;
  }
  const bin = findBinaries();
  if (bin === null) {
    console.warn(`[server tests] ${SKIP_MESSAGE}`);
    report(`SKIPPED: ${SKIP_MESSAGE}`);
    project.provide('databaseUrl', null);
    return undefined;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'subventii-pg-'));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses root: the cluster then belongs to the postgres user.
  const run = (command: string, args: string[]) => (asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' }) : execFileSync(command, args, { stdio: 'pipe' }));
  const password = `t${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const data = path.join(dir, 'data');
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
    console.log(`[server tests] throwaway PostgreSQL cluster on 127.0.0.1:${port} (${Date.now() - started} ms)`);
    report(`RAN against a throwaway PostgreSQL cluster (${bin || 'initdb on PATH'})`);
    project.provide('databaseUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    rmSync(dir, { recursive: true, force: true });
    console.warn(`[server tests] ${SKIP_MESSAGE} (starting a cluster failed: ${detail})`);
    report(`SKIPPED: starting a cluster failed: ${detail}`);
    project.provide('databaseUrl', null);
    return undefined;
  }
  return () => {
    try {
      run(`${bin}pg_ctl`, ['-D', data, 'stop', '-m', 'fast']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
