import type pg from 'pg';
import { REPLICATED_TABLES, type ServerRow } from './commands';

/** One page of the change feed: rows in server_seq order, tombstones included, and the checkpoint to ask from next. */
export interface ChangePage {
  changes: ServerRow[];
  /** The server_seq of the last change delivered (the `since` given when there was none). */
  last: number;
  /** More changes wait after `last`. */
  more: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// The audit log travels as the replica's AuditEntry (src/audit/diff.ts).
const AUDIT_SELECT = `SELECT 'audit' AS t, id::text AS id, 1 AS version, false AS deleted, server_seq, author AS modified_by,
  jsonb_build_object('id', id::text, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'seq', server_seq, 'user', author,
    'entity', entity, 'entityId', entity_id, 'label', label, 'action', action, 'changes', changes) AS record
  FROM audit WHERE server_seq > $1`;

const FEED_SQL = [
  ...REPLICATED_TABLES.map((t) => `SELECT '${t}' AS t, id, version, deleted, server_seq, modified_by, record FROM ${quote(t)} WHERE server_seq > $1`),
  AUDIT_SELECT,
].join('\nUNION ALL\n') + '\nORDER BY server_seq LIMIT $2';

/**
 * Every change committed after `since`, in order. Writers are serialised (the stamp trigger's
 * advisory lock is held to commit), so a change with a smaller sequence can never commit after
 * one with a larger: a replica that asks again from `last` misses nothing and sees nothing twice.
 */
export async function changesSince(client: pg.ClientBase, since: number, limit = 5000): Promise<ChangePage> {
  const { rows } = await client.query(FEED_SQL, [since, limit + 1]);
  const more = rows.length > limit;
  const changes: ServerRow[] = rows.slice(0, limit).map((r) => ({
    table: r.t,
    id: r.id,
    version: r.version,
    deleted: r.deleted,
    serverSeq: Number(r.server_seq),
    modifiedBy: r.modified_by,
    record: r.record,
  }));
  return { changes, last: changes.at(-1)?.serverSeq ?? since, more };
}
