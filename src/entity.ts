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

let lastMs = -1;
let sequence = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix time in ms, a 12-bit sequence that keeps ids made
 * in the same millisecond in order, then 62 random bits. Ids therefore sort by creation time, so
 * IndexedDB appends new keys at the end of its indexes instead of inserting them at random places
 * (much faster for imports of thousands of rows), and they stay globally unique for a sync engine.
 */
export function newId(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = 0;
  }
  const random = globalThis.crypto.getRandomValues(new Uint8Array(9));
  const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');
  const time = hex(lastMs, 12);
  const randHex = [...random].map((b) => hex(b, 2)).join('');
  const variant = hex(0x8 | (random[0]! & 0x3), 1);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(sequence, 3)}-${variant}${randHex.slice(2, 5)}-${randHex.slice(6, 18)}`;
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
