// What travels between a workstation and the shared service (server/service.ts /api/command and
// /api/changes): one definition for both ends.

import { TABLE_DESCRIPTORS } from '../backup/schema';

/** The tables the server keeps and commands write: every replicated table but the append-only audit log (written by trigger only). */
export const REPLICATED_TABLES: readonly string[] = TABLE_DESCRIPTORS.filter((t) => !t.isAppendOnly).map((t) => t.name);

export type Operation = 'put' | 'delete';

/** One write sent by a workstation: the whole record and the version it was read at (0 or absent for a new one). */
export interface Command {
  table: string;
  operation: Operation;
  record: Record<string, unknown>;
  expectedVersion?: number;
}

/**
 * The parts of the change feed (/api/changes?part=): every replicated table (tombstones included),
 * the audit log, or both in one order ('all', also when `part` is absent: as before the split).
 */
export type FeedPart = 'records' | 'audit' | 'all';
export const FEED_PARTS: readonly FeedPart[] = ['records', 'audit', 'all'];

/** One page of the change feed: rows in server_seq order, tombstones included, and the checkpoint to ask from next. */
export interface ChangePage {
  changes: ServerRow[];
  /** The server_seq of the last change delivered (the `since` given when there was none). */
  last: number;
  /** More changes wait after `last`. */
  more: boolean;
}

/** A row as the server keeps it and the change feed delivers it. */
export interface ServerRow {
  table: string;
  id: string;
  version: number;
  deleted: boolean;
  serverSeq: number;
  modifiedBy: string;
  record: Record<string, unknown>;
}
