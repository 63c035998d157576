import type { Dexie, Transaction } from 'dexie';
import { organizationSearchText, type Organization } from '../../../src/catalog/organization';
import { unitSearchText, type SocialServiceUnit } from '../../../src/register/unit';

/**
 * Version 2: a precomputed, diacritics-insensitive search text on NGOs and units (quick search over
 * tens of thousands of rows without recomputing keys on every keystroke), and a table for the
 * service codes users add to the HG 867/2015 nomenclature.
 */
export const V2_STORES = {
  nomenclature: 'code',
};

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const orgNames = new Map<string, string>();
  await tx
    .table<Organization & { searchText?: string }>('organizations')
    .toCollection()
    .modify((org) => {
      orgNames.set(org.id, org.name);
      org.searchText = organizationSearchText(org);
    });
  await tx
    .table<SocialServiceUnit & { searchText?: string }>('units')
    .toCollection()
    .modify((unit) => {
      unit.searchText = unitSearchText(unit, orgNames.get(unit.organizationId) ?? '');
    });
}

export function applyV2(db: Dexie): void {
  db.version(2).stores(V2_STORES).upgrade(upgradeToV2);
}
