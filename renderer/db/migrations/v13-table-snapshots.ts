import type { Dexie } from 'dexie';

/**
 * Version 13: `tableSnapshots` (issue 10, cold start), a copy of the NGOs and of the units kept as
 * JSON text in 64 chunks, which the catalog and the register read at start instead of the 20,000
 * records one by one (renderer/db/table-snapshots.ts). Every write to those tables patches or
 * invalidates it in its own transaction; it is rebuilt from the table when invalid. It is a cache:
 * not part of a backup, not replicated, never the source of a decision. No data changes.
 */
export const V13_STORES = {
  tableSnapshots: 'key',
};

export function applyV13(db: Dexie): void {
  db.version(13).stores(V13_STORES);
}
