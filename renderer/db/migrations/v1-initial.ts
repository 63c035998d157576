import type { Dexie } from 'dexie';

/** Version 1: the NGO catalog, the licensed-unit register, settings and the audit log. */
// Only the indexes a query uses: every index is paid for on each write (imports write tens of
// thousands of rows); grids filter in memory.
export const V1_STORES = {
  organizations: 'id, &cui',
  units: 'id, organizationId',
  settings: 'key',
  audit: 'id, at, [entity+entityId]',
};

export function applyV1(db: Dexie): void {
  db.version(1).stores(V1_STORES);
}
