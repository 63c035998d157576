import type { ReplicaStateRow, SubventiiDb } from '../database';
import type { StreamSource } from './event-stream';
import type { SharedRow } from './protocol';
import { localTransaction, putServerRows, rowsScope, SERVER_TABLES } from './write-path';

/** One page of /api/changes (server/feed.ts). */
export interface ChangePage {
  changes: SharedRow[];
  last: number;
  more: boolean;
}

export type FetchPage = (since: number) => Promise<ChangePage>;

/** Rows applied per IndexedDB transaction: large enough to amortise the commit, small enough to keep the screen live. */
export const APPLY_CHUNK = 4000;
const REPLICA_TABLES = new Set([...SERVER_TABLES, 'audit']);

export async function readReplicaState(db: SubventiiDb): Promise<ReplicaStateRow | undefined> {
  return db.replicaState.get('server');
}

/**
 * Applies changes from the feed: per chunk, ONE read-write transaction with the chunk's rows
 * (putServerRows: a bulkPut and a bulkDelete per table, tombstones delete) and the checkpoint, so
 * that a crash leaves either the chunk and its checkpoint or neither.
 */
export async function applyChanges(db: SubventiiDb, changes: readonly SharedRow[], chunkSize = APPLY_CHUNK): Promise<void> {
  for (let start = 0; start < changes.length; start += chunkSize) {
    const chunk = changes.slice(start, start + chunkSize).filter((c) => REPLICA_TABLES.has(c.table));
    const last = changes[Math.min(start + chunkSize, changes.length) - 1]!.serverSeq;
    // Only the last version of a row in the chunk matters (the feed is in serverSeq order).
    const latest = new Map<string, SharedRow>();
    for (const c of chunk) latest.set(`${c.table}\u0000${c.id}`, c);
    const rows = [...latest.values()];
    await localTransaction(db)('rw', [...rowsScope([...new Set(rows.map((r) => r.table))]), 'replicaState'], async () => {
      await putServerRows(db, rows);
      const state = await db.replicaState.get('server');
      if (state) await db.replicaState.put({ ...state, checkpoint: Math.max(state.checkpoint, last) });
    });
  }
}

/** Pulls every change after the checkpoint, page by page, applying each page before asking the next. Answers the rows applied. */
export async function pullChanges(db: SubventiiDb, fetchPage: FetchPage): Promise<number> {
  let applied = 0;
  for (;;) {
    const since = (await readReplicaState(db))?.checkpoint ?? 0;
    const page = await fetchPage(since);
    if (page.changes.length > 0) await applyChanges(db, page.changes);
    applied += page.changes.length;
    if (!page.more || page.changes.length === 0) return applied;
  }
}

/** The feed over HTTP. */
export function httpFetchPage(serverUrl: string, token?: string, limit = 5000, fetchImpl: typeof fetch = fetch): FetchPage {
  return async (since) => {
    const res = await fetchImpl(`${serverUrl.replace(/\/$/, '')}/api/changes?since=${since}&limit=${limit}`, {
      credentials: 'include',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    if (!res.ok) throw new Error(`changes: ${res.status}`);
    return (await res.json()) as ChangePage;
  };
}

export type ConnectionStatus = 'connected' | 'syncing' | 'offline';

/**
 * Follows the server: pulls, then listens on /api/stream and pulls again at each announcement;
 * when the stream drops, reconnects with a growing delay (1 s … 30 s). Answers a stop function.
 */
export function followServer(
  db: SubventiiDb,
  options: { streamUrl: string; fetchPage: FetchPage; onStatus(status: ConnectionStatus): void; openStream?: (url: string) => StreamSource },
): () => void {
  let stopped = false;
  let source: StreamSource | undefined;
  let delay = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pulling: Promise<void> = Promise.resolve();
  const pull = () => {
    pulling = pulling.then(async () => {
      options.onStatus('syncing');
      await pullChanges(db, options.fetchPage);
      if (!stopped) options.onStatus('connected');
    }).catch(() => options.onStatus('offline'));
    return pulling;
  };
  const connect = () => {
    if (stopped) return;
    source = (options.openStream ?? ((url) => new EventSource(url, { withCredentials: true })))(options.streamUrl);
    source.addEventListener('ready', () => {
      delay = 1000;
      void pull();
    });
    source.addEventListener('changes', () => void pull());
    source.onerror = () => {
      source?.close();
      options.onStatus('offline');
      if (stopped) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30_000);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
