import type { Dexie } from 'dexie';

/**
 * Version 11: the workstation side of shared mode (issue 13). `replicaState` holds one row
 * (`key` = 'server'): the server's address, the signed-in login and its groups, the checkpoint
 * (the last serverSeq applied, saved in the same transaction as the rows it covers) and the
 * server's schema version. `outbox` holds the personal drafts (a visit's checklist answers, a
 * member's score sheet) saved while the server was unreachable, sent in order when it is back.
 * Neither table is part of a backup: the server's database is backed up by its administrator.
 * Local mode (no server set) never writes them.
 */
export const V11_STORES = {
  replicaState: 'key',
  outbox: '++seq, table, recordId',
};

export function applyV11(db: Dexie): void {
  db.version(11).stores(V11_STORES);
}
