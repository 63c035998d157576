import type pg from 'pg';
import { FEED_PARTS, type ChangePage, type FeedPart } from '../src/shared/wire';
import { REPLICATED_TABLES, type ServerRow } from './commands';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

// The audit log travels as the replica's AuditEntry (src/audit/diff.ts).
const AUDIT_SELECT = `SELECT 'audit' AS t, id::text AS id, 1 AS version, false AS deleted, server_seq, author AS modified_by,
  jsonb_build_object('id', id::text, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'seq', server_seq, 'user', author,
    'entity', entity, 'entityId', entity_id, 'label', label, 'action', action, 'changes', changes) AS record
  FROM audit WHERE server_seq > $1`;

function feedQueries(part: FeedPart) {
  const tables = part === 'audit' ? [] : REPLICATED_TABLES;
  const withAudit = part !== 'records';
  return {
    // The first sequence number after the page: only the numbers are sorted (index scans), not the records.
    bound: [...tables.map(quote), ...(withAudit ? ['audit'] : [])].map((t) => `SELECT server_seq FROM ${t} WHERE server_seq > $1`).join('\nUNION ALL\n') + '\nORDER BY 1 OFFSET $2 LIMIT 1',
    // Then the page's rows in full, between the checkpoint and that bound.
    rows: [
      ...tables.map((t) => `SELECT '${t}' AS t, id, version, deleted, server_seq, modified_by, record FROM ${quote(t)} WHERE server_seq > $1 AND server_seq < $2`),
      ...(withAudit ? [`${AUDIT_SELECT} AND server_seq < $2`] : []),
    ].join('\nUNION ALL\n') + '\nORDER BY server_seq',
  };
}
const QUERIES = Object.fromEntries(FEED_PARTS.map((part) => [part, feedQueries(part)])) as Record<FeedPart, ReturnType<typeof feedQueries>>;

/**
 * Every change committed after `since`, in order. Writers are serialised (the stamp trigger's
 * advisory lock is held to commit), so a change with a smaller sequence can never commit after
 * one with a larger: a replica that asks again from `last` misses nothing and sees nothing twice.
 * Both queries read one snapshot (repeatable read), so the bound and the rows agree. Each part is
 * a subset of that one order, so a replica following the records and the audit log each from its own
 * checkpoint gets both guarantees for each (issue 13: the records first, the audit log after).
 */
export async function changesSince(client: pg.ClientBase, since: number, limit = 5000, part: FeedPart = 'all'): Promise<ChangePage> {
  const sql = QUERIES[part];
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const bound = await client.query<{ server_seq: string }>(sql.bound, [since, limit]);
    const more = bound.rows.length > 0;
    const { rows } = await client.query(sql.rows, [since, more ? bound.rows[0]!.server_seq : '9223372036854775807']);
    await client.query('COMMIT');
    const changes: ServerRow[] = rows.map((r) => ({
      table: r.t,
      id: r.id,
      version: r.version,
      deleted: r.deleted,
      serverSeq: Number(r.server_seq),
      modifiedBy: r.modified_by,
      record: r.record,
    }));
    return { changes, last: changes.at(-1)?.serverSeq ?? since, more };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
