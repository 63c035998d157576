/**
 * What every stored record has. Ids are UUID strings (never auto-increment keys) so that a sync
 * engine for several workstations can adopt the schema later.
 */
export interface Entity {
  id: string;
  /** ISO timestamp of creation. */
  createdAt: string;
  /** ISO timestamp of the last change. */
  updatedAt: string;
  /** Starts at 1 and grows by one on every update (optimistic concurrency). */
  version: number;
}

export type Draft<T extends Entity> = Omit<T, keyof Entity>;

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export function stamp<T extends object>(draft: T, now: string = new Date().toISOString(), id: string = newId()): T & Entity {
  return { ...draft, id, createdAt: now, updatedAt: now, version: 1 };
}
