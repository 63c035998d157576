import pg from 'pg';
import { inject } from 'vitest';
import { migrate, MIGRATIONS } from '../../server/migrate';

/** The superuser URL from the global setup, or null (then every server test is skipped, saying why). */
export const databaseUrl: string | null = inject('databaseUrl');
export const noPostgres = databaseUrl === null;

export type Group = 'secretariat' | 'monitoring' | 'finance' | 'admin';

export interface Login {
  login: string;
  password: string;
  /** The database URL as this login. */
  url: string;
}

export interface TestDatabase {
  name: string;
  /** The role that owns the schema (applies migrations), as the service's DATABASE_URL. */
  owner: Login;
  /** A new staff login, member of `group`. */
  createLogin(group: Group): Promise<Login>;
  /** Applies the first `upTo` migrations (all by default) as the owner. */
  migrate(upTo?: number): Promise<number[]>;
  /** A connected client as this login (ended by drop()). */
  connect(login: Login): Promise<pg.Client>;
  /** Runs SQL as the cluster's superuser in this database. */
  superuser: pg.Client;
  drop(): Promise<void>;
}

function urlFor(base: string, user: string, password: string, database: string): string {
  const url = new URL(base);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A database of its own for one test file (so files run in parallel), owned by a fresh role,
 * with the four group roles present. Everything it creates is prefixed and dropped at the end.
 */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  if (!databaseUrl) throw new Error('no PostgreSQL');
  const name = `st_${label}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const secret = () => `p${Math.random().toString(36).slice(2)}`;
  const owner: Login = { login: `${name}_owner`, password: secret(), url: '' };
  owner.url = urlFor(databaseUrl, owner.login, owner.password, name);
  await admin.query(`DO $$ DECLARE g text; BEGIN FOREACH g IN ARRAY ARRAY['secretariat','monitoring','finance','admin'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN EXECUTE format('CREATE ROLE %I NOLOGIN', g); END IF; END LOOP; END $$`).catch((error: { code?: string }) => {
    if (error.code !== '23505') throw error; // another file created them at the same moment
  });
  await admin.query(`CREATE ROLE ${owner.login} LOGIN PASSWORD '${owner.password}'`);
  await admin.query(`CREATE DATABASE ${name} OWNER ${owner.login}`);
  const superuser = new pg.Client({ connectionString: urlFor(databaseUrl, new URL(databaseUrl).username, decodeURIComponent(new URL(databaseUrl).password), name) });
  await superuser.connect();
  const logins: string[] = [];
  const clients: pg.Client[] = [];
  let n = 0;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    name,
    owner,
    superuser,
    createLogin(group) {
      const login: Login = { login: `${name}_${group}_${++n}`, password: secret(), url: '' };
      login.url = urlFor(databaseUrl!, login.login, login.password, name);
      logins.push(login.login);
      // One statement at a time on the admin connection.
      const created = queue.then(() => admin.query(`CREATE ROLE ${login.login} LOGIN PASSWORD '${login.password}' IN ROLE ${group}`)).then(() => login);
      queue = created.catch(() => undefined);
      return created;
    },
    async migrate(upTo) {
      const client = new pg.Client({ connectionString: owner.url });
      await client.connect();
      try {
        return await migrate(client, MIGRATIONS.slice(0, upTo ?? MIGRATIONS.length));
      } finally {
        await client.end();
      }
    },
    async connect(login) {
      const client = new pg.Client({ connectionString: login.url });
      await client.connect();
      clients.push(client);
      return client;
    },
    async drop() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await superuser.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      for (const login of [...logins, owner.login]) await admin.query(`DROP ROLE IF EXISTS ${login}`);
      await admin.end();
    },
  };
}
