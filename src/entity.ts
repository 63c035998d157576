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

/**
 * Only the fields a blank draft has: rows shown in grids carry computed columns (counts, names of
 * related records) that must never be stored or logged as if they were the record's own.
 */
export function pickFields<D extends object>(input: D, blank: D): D {
  const source = input as Record<string, unknown>;
  return Object.fromEntries(Object.keys(blank).map((key) => [key, key in source ? source[key] : (blank as Record<string, unknown>)[key]])) as D;
}
