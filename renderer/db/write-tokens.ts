// A write token per table (issue 10): a row `w:<table>` in the copies' store (`tableSnapshots`)
// whose value is new after every committed write to the table. A value computed from what some
// tables held can be kept across starts (persisted-read.ts) and taken again only while the tokens
// of the tables it read are those seen before it was read.
//
// Exactness. Every write transaction also holds the copies' store (the middleware adds it to the
// scope), and the first write to a table in a transaction puts a new token for that table, in that
// transaction: the token commits with the write, or aborts with it (shared mode's rollback
// included). Writes to the copies' store itself (copies, tokens, kept values) give no token: they
// change no record. A range delete (clear(), a restore) and a migration's writes are writes like
// any other. Tokens are never reused (newToken), so a token seen again means no write since.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type Dexie from 'dexie';
import { SNAPSHOT_STORE } from './early-read';
import { hasSnapshotStore, newToken, withCopiesStore } from './table-snapshots';

/** The key prefix of the tokens' rows. */
export const TOKEN_PREFIX = 'w:';
export const tokenKey = (table: string) => `${TOKEN_PREFIX}${table}`;

export interface WriteToken {
  key: string;
  token: string;
}

/** The tables each write transaction has given a token so far. */
const tokened = new WeakMap<DBCoreTransaction, Set<string>>();

/**
 * The middleware that gives a table a new token in the transaction of every write to it (installed
 * by createDatabase; inert on a database without the copies' store, as in the migration tests'
 * older versions). Beside the copies' middlewares: below Dexie's hooks and the shared-mode write
 * path (a token is never collected for the server), above Dexie's observability.
 */
export function writeTokensMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'writeTokens',
    level: 1.5,
    create(down) {
      if (!down.schema.tables.some((t) => t.name === SNAPSHOT_STORE)) return down;
      return {
        ...down,
        // Every write transaction: every table but the copies' store has a token.
        transaction: withCopiesStore(down, { has: (table) => table !== SNAPSHOT_STORE }),
        table(name): DBCoreTable {
          const table = down.table(name);
          if (name === SNAPSHOT_STORE) return table;
          const tokens = down.table(SNAPSHOT_STORE);
          return {
            ...table,
            async mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
              const res = await table.mutate(req);
              const { trans } = req;
              if (!hasSnapshotStore(trans)) return res;
              let done = tokened.get(trans);
              if (!done) tokened.set(trans, (done = new Set()));
              if (!done.has(name)) {
                done.add(name);
                await tokens.mutate({ trans, type: 'put', values: [{ key: tokenKey(name), token: newToken() } satisfies WriteToken] });
              }
              return res;
            },
          };
        },
      };
    },
  };
}

/**
 * Every table's token, by table (a table never written has none). Inside a transaction over the
 * copies' store when there is one, else in one of its own.
 */
export async function readWriteTokens(db: Dexie): Promise<Map<string, string>> {
  const rows = (await db.table(SNAPSHOT_STORE).where(':id').between(TOKEN_PREFIX, `${TOKEN_PREFIX}\uffff`, true, true).toArray()) as WriteToken[];
  return new Map(rows.map((r) => [r.key.slice(TOKEN_PREFIX.length), r.token]));
}
