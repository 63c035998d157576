import type { Dexie } from 'dexie';

/**
 * Version 9: requests are also indexed by the year they ask a subsidy for (`year`, not the year
 * of their registration number). The overlap check of every assessment reads all requests of that
 * year; with the index it is one indexed read instead of a pass over every request ever stored
 * (issue 10). No data changes: IndexedDB builds the index from the stored records.
 */
export const V9_STORES = {
  requests: 'id, roundId, organizationId, registration.year, year',
};

export function applyV9(db: Dexie): void {
  db.version(9).stores(V9_STORES);
}
