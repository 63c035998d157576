import type { Dexie } from 'dexie';

/** Version 3: funding rounds (Law 34/1998 and Law 350/2005 calls), the frame of subsidy requests. */
export const V3_STORES = {
  rounds: 'id, year',
};

export function applyV3(db: Dexie): void {
  db.version(3).stores(V3_STORES);
}
