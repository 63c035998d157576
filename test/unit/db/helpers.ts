import { emptyOrganization, type OrganizationDraft } from '../../../src/catalog/organization';
import { emptyUnit, type UnitDraft } from '../../../src/register/unit';
import { createDatabase } from '../../../renderer/db/database';
import { createStore, type DbStore as Store } from '../../../renderer/db/store';

let counter = 0;

/** A fresh, uniquely named database on fake-indexeddb (a real IndexedDB implementation). */
export async function freshStore(): Promise<Store> {
  counter += 1;
  const db = createDatabase(`test-db-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  return createStore(db);
}

export function orgDraft(overrides: Partial<OrganizationDraft> = {}): OrganizationDraft {
  return { ...emptyOrganization(), name: 'Asociația Speranța Someșului', cui: '18547290', street: 'str. Memorandumului nr. 1', ...overrides };
}

export function unitDraft(organizationId: string, overrides: Partial<UnitDraft> = {}): UnitDraft {
  return {
    ...emptyUnit(organizationId),
    name: 'Centrul de zi „Pași Împreună”',
    serviceCode: '8891 CZ-C-IV',
    capacity: 25,
    licenceNumber: '0010073',
    licenceIssueDate: '2024-01-15',
    licenceExpiryDate: '2029-01-14',
    ...overrides,
  };
}
