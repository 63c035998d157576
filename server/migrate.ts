import type pg from 'pg';

/** One numbered SQL file of server/migrations/ ("001-records-and-audit.sql"). */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Raised when the database was migrated by a newer release of the service. */
export class NewerSchemaError extends Error {
  override name = 'NewerSchemaError';
}

const FILES = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

/** The migrations this service knows, in order (parsed from the file names; numbers must run 1, 2, 3…). */
export const MIGRATIONS: readonly Migration[] = parseMigrations(FILES);
export const SERVER_SCHEMA_VERSION = MIGRATIONS.length;

export function parseMigrations(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const file = path.split('/').pop() ?? path;
    const m = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!m) throw new Error(`Migration file name must be NNN-name.sql: ${file}`);
    return { version: Number(m[1]), name: m[2]!, sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered without gaps: expected ${i + 1}, found ${m.version} (${m.name})`);
  });
  return migrations;
}

// Any constant: two services starting at once apply the migrations one after the other.
const MIGRATION_LOCK = 7340212;

/**
 * Brings the database to the newest schema this service knows, in one transaction: each missing
 * migration in order, each recorded in schema_migrations. A database with a newer migration than
 * the service knows is refused (NewerSchemaError) and nothing is changed. Returns the versions applied.
 */
export async function migrate(client: pg.ClientBase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now(),
      applied_by text NOT NULL DEFAULT session_user
    )`);
    const { rows } = await client.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    const known = migrations.length;
    const newest = rows.at(-1);
    if (newest && newest.version > known) {
      throw new NewerSchemaError(
        `Baza de date are schema serverului la versiunea ${newest.version} („${newest.name}”), mai nouă decât cea pe care o cunoaște acest serviciu (${known}). ` +
          'Actualizați serviciul Subvenții ONG la versiunea care a migrat baza de date; nu a fost modificat nimic.',
      );
    }
    const applied = new Set(rows.map((r) => r.version));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      done.push(migration.version);
    }
    await client.query('COMMIT');
    return done;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
