import type { Dexie } from 'dexie';

/**
 * Version 5: subsidy requests (Law 34/1998), with their unit lines and dossier. Indexed by round,
 * by NGO and by registration year (for the yearly sequence of registration numbers).
 */
export const V5_STORES = {
  requests: 'id, roundId, organizationId, registration.year',
};

export function applyV5(db: Dexie): void {
  db.version(5).stores(V5_STORES);
}
