import { unitKey } from '../../src/import/import-units';
import type { Store } from '../db/store';
import type { DraftByKind, ImportContextByKind, ImportKind } from '../io/import-client';

const CONTEXT_BUILDERS: { [K in ImportKind]: (store: Store) => Promise<ImportContextByKind[K]> } = {
  organizations: async (store) => ({ existingCuis: new Set((await store.organizations.list()).map((o) => o.cui)) }),
  units: async (store) => {
    const [organizations, units, nomenclature] = await Promise.all([store.organizations.list(), store.units.list(), store.nomenclature.list()]);
    return {
      organizationIdByCui: new Map(organizations.map((o) => [o.cui, o.id])),
      existingUnitKeys: new Set(units.map((u) => unitKey(u.organizationId, u.name))),
      nomenclature,
    };
  },
};

/** What the import checks compare against: the CUIs, owners and units already stored. */
export function importContext<K extends ImportKind>(store: Store, kind: K): Promise<ImportContextByKind[K]> {
  return CONTEXT_BUILDERS[kind](store);
}

const COMMITTERS: { [K in ImportKind]: (store: Store, drafts: DraftByKind[K][], onProgress?: (done: number, total: number) => void) => Promise<unknown[]> } = {
  organizations: (store, drafts, onProgress) => store.organizations.importMany(drafts, onProgress),
  units: (store, drafts, onProgress) => store.units.importMany(drafts, onProgress),
};

/** Stores the valid rows in one transaction: all of them, or none. */
export async function commitImport<K extends ImportKind>(
  store: Store,
  kind: K,
  drafts: DraftByKind[K][],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  return (await COMMITTERS[kind](store, drafts, onProgress)).length;
}
