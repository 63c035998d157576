import type { ReplicaStateRow, SubventiiDb } from '../database';
import type { StreamSource } from './event-stream';
import type { ChangePage, FeedPart as WireFeedPart } from '../../../src/shared/wire';
import type { SharedRow } from './protocol';
import { localTransaction, putServerRows, rowsScope, SERVER_TABLES } from './write-path';

export type { ChangePage } from '../../../src/shared/wire';
/** The two parts of the feed a workstation pulls, each from its own checkpoint (server/feed.ts). */
export type FeedPart = Exclude<WireFeedPart, 'all'>;
export type FetchPage = (since: number, part: FeedPart) => Promise<ChangePage>;

/** Rows applied per IndexedDB transaction: large enough to amortise the commit, small enough to keep the screen live. */
export const APPLY_CHUNK = 4000;
const REPLICA_TABLES = new Set([...SERVER_TABLES, 'audit']);

export async function readReplicaState(db: SubventiiDb): Promise<ReplicaStateRow | undefined> {
  return db.replicaState.get('server');
}

/** Where each part of the feed is to be asked from (a replica filled before the split: its audit log is where its records are). */
export function checkpointOf(state: ReplicaStateRow | undefined, part: FeedPart): number {
  const records = state?.checkpoint ?? 0;
  return part === 'records' ? records : (state?.auditCheckpoint ?? records);
}

/**
 * The checkpoints after a page of `part` ending at `last`; 'all' is the feed of both parts at once.
 * The audit checkpoint is always written: once the records move on, a missing one would mean theirs.
 */
function advanced(state: ReplicaStateRow, part: WireFeedPart, last: number): ReplicaStateRow {
  const audit = checkpointOf(state, 'audit');
  if (part === 'records') return { ...state, checkpoint: Math.max(state.checkpoint, last), auditCheckpoint: audit };
  if (part === 'audit') return { ...state, auditCheckpoint: Math.max(audit, last) };
  return { ...state, checkpoint: Math.max(state.checkpoint, last), auditCheckpoint: Math.max(audit, last) };
}

/**
 * Applies changes from the feed: per chunk, ONE read-write transaction with the chunk's rows
 * (putServerRows: a bulkPut and a bulkDelete per table, tombstones delete) and the part's checkpoint,
 * so that a crash leaves either the chunk and its checkpoint or neither.
 */
export async function applyChanges(db: SubventiiDb, changes: readonly SharedRow[], part: WireFeedPart = 'all', chunkSize = APPLY_CHUNK): Promise<void> {
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
      if (state) await db.replicaState.put(advanced(state, part, last));
    });
  }
}

/** Asks one page of `part` from its checkpoint and applies it. Answers the rows applied and whether more wait. */
export async function pullPage(db: SubventiiDb, fetchPage: FetchPage, part: FeedPart): Promise<{ applied: number; more: boolean }> {
  const page = await fetchPage(checkpointOf(await readReplicaState(db), part), part);
  if (page.changes.length > 0) await applyChanges(db, page.changes, part);
  return { applied: page.changes.length, more: page.more && page.changes.length > 0 };
}

/** Pulls every change of `part` after its checkpoint, page by page, applying each page before asking the next. Answers the rows applied. */
export async function pullPart(db: SubventiiDb, fetchPage: FetchPage, part: FeedPart): Promise<number> {
  let applied = 0;
  for (;;) {
    const page = await pullPage(db, fetchPage, part);
    applied += page.applied;
    if (!page.more) return applied;
  }
}

/**
 * Pulls every change: the records to the end first (`onRecords` then: a fresh replica is usable),
 * then the audit log. Answers the rows applied.
 */
export async function pullChanges(db: SubventiiDb, fetchPage: FetchPage, onRecords?: () => void): Promise<number> {
  const records = await pullPart(db, fetchPage, 'records');
  onRecords?.();
  return records + (await pullPart(db, fetchPage, 'audit'));
}

/** The feed over HTTP. */
export function httpFetchPage(serverUrl: string, token?: string, limit = 5000, fetchImpl: typeof fetch = fetch): FetchPage {
  return async (since, part) => {
    const res = await fetchImpl(`${serverUrl.replace(/\/$/, '')}/api/changes?since=${since}&limit=${limit}&part=${part}`, {
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
 * when the stream drops, reconnects with a growing delay (1 s … 30 s). A pull takes the records to
 * the end ('connected' then: a fresh replica is usable), then the audit log a page at a time, a
 * records pull asked meanwhile going first (issue 13). `onAuditProgress` tells the audit entries
 * received while the log takes more than one page (`done` at its end). Answers a stop function.
 */
export function followServer(
  db: SubventiiDb,
  options: {
    streamUrl: string;
    fetchPage: FetchPage;
    onStatus(status: ConnectionStatus): void;
    onAuditProgress?(received: number, done: boolean): void;
    openStream?: (url: string) => StreamSource;
  },
): () => void {
  let stopped = false;
  let source: StreamSource | undefined;
  let delay = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let recordsWanted = false;
  let auditWanted = false;
  let auditReceived = 0;
  let auditLong = false;
  let running: Promise<void> | undefined;
  const run = async () => {
    try {
      while (!stopped && (recordsWanted || auditWanted)) {
        if (recordsWanted) {
          recordsWanted = false;
          options.onStatus('syncing');
          await pullPart(db, options.fetchPage, 'records');
          auditWanted = true;
          if (!stopped) options.onStatus('connected');
          continue;
        }
        const page = await pullPage(db, options.fetchPage, 'audit');
        auditReceived += page.applied;
        if (page.more) auditLong = true;
        else auditWanted = false;
        if (auditLong && !stopped) options.onAuditProgress?.(auditReceived, !page.more);
        if (!page.more) auditLong = false;
      }
    } catch {
      recordsWanted = auditWanted = false;
      options.onStatus('offline');
    }
  };
  const pull = () => {
    recordsWanted = true;
    // One pull at a time: an announcement during it is taken by its loop (or, as it ends, by the next).
    if (running) return;
    running = run().finally(() => {
      running = undefined;
      if (recordsWanted && !stopped) pull();
    });
  };
  const connect = () => {
    if (stopped) return;
    source = (options.openStream ?? ((url) => new EventSource(url, { withCredentials: true })))(options.streamUrl);
    source.addEventListener('ready', () => {
      delay = 1000;
      pull();
    });
    source.addEventListener('changes', () => pull());
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
