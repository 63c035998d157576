import { writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startPgCluster } from '../helpers/pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL superuser URL for the server tests, or null when none is available (they are skipped). */
    databaseUrl: string | null;
  }
}

/** For .ci/run, which says at the end whether the server tests ran (SERVER_TESTS_STATUS_FILE). */
function report(status: string): void {
  const file = process.env['SERVER_TESTS_STATUS_FILE'];
  if (file) writeFileSync(file, status);
}

/**
 * Gives the server tests a PostgreSQL (test/helpers/pg-cluster.ts): DATABASE_URL when set, else a
 * throwaway cluster in a temporary folder, started once per run and removed at the end; else
 * null, and the tests say they were skipped.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const { cluster, reason } = await startPgCluster();
  if (!cluster) {
    console.warn(`[server tests] skipped — ${reason}`);
    report(`SKIPPED: ${reason}`);
    project.provide('databaseUrl', null);
    return undefined;
  }
  console.log(`[server tests] against ${cluster.description}`);
  report(`RAN against ${cluster.isExternal ? 'DATABASE_URL' : cluster.description}`);
  project.provide('databaseUrl', cluster.url);
  return cluster.isExternal ? undefined : () => cluster.stop();
}
