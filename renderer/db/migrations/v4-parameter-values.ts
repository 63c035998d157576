import type { Dexie } from 'dexie';

/**
 * Version 4: legal parameter values users add (next year's levels, a value still "de completat"),
 * merged over the values shipped in src/parameters/data. The id is "<key>@<validFrom>".
 */
export const V4_STORES = {
  parameterValues: 'id, key',
};

export function applyV4(db: Dexie): void {
  db.version(4).stores(V4_STORES);
}
