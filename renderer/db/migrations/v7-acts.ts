import type { Dexie } from 'dexie';

/**
 * Version 7: acts are records. The frozen results of a round (one snapshot each time the results
 * become final or an admitted appeal changes them); the register of issued documents (registru de
 * ieșire) with the stored file of each; the commission's decisions with the members' votes; the
 * automatic safety copies taken before a restore.
 */
export const V7_STORES = {
  resultSnapshots: 'id, roundId, takenAt',
  issuedDocuments: 'id, year, roundId, organizationId, kind, issuedOn, replacesId, fileId',
  documentFiles: 'id',
  commissionDecisions: 'id, roundId, sessionId, kind, requestId',
  safetyBackups: 'id, takenAt',
};

export function applyV7(db: Dexie): void {
  db.version(7).stores(V7_STORES);
}
