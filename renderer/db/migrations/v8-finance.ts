import type { Dexie } from 'dexie';

/**
 * Version 8: the finance department. Conventions of subsidy made from a frozen award, their
 * amendments (acte adiționale), the monthly instalments of the payment plan and the budget
 * commitment of each; the monthly settlements (deconturi); the payments recorded from the
 * accounting system's export (one per exported row: `key` is unique, so importing a file again
 * adds nothing) with the import that brought them; the sums to recover. Issued documents are also
 * found by the convention they are about.
 */
export const V8_STORES = {
  conventions: 'id, year, roundId, requestId, snapshotId, provider.organizationId, [year+number]',
  conventionAmendments: 'id, conventionId',
  instalments: 'id, conventionId, [conventionId+month]',
  budgetCommitments: 'id, conventionId',
  settlements: 'id, conventionId, year, state, [conventionId+month]',
  payments: 'id, &key, conventionId, settlementId, importId',
  paymentImports: 'id, importedAt',
  recoveries: 'id, conventionId',
  issuedDocuments: 'id, year, roundId, organizationId, kind, issuedOn, replacesId, fileId, conventionId',
};

export function applyV8(db: Dexie): void {
  db.version(8).stores(V8_STORES);
}
