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

/** Two hex digits of each byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const ID_RANDOM_BYTES = 9;
/**
 * Random bytes for the ids, filled from the system's generator 512 ids at a time: one
 * `getRandomValues` and one typed array per id cost an import of 20,000 rows (40,000 ids with the
 * audit entries) about 150 ms of the page's time (issue 10).
 */
let randomPool = new Uint8Array(0);
let randomAt = 0;

/** The offset in randomPool of ID_RANDOM_BYTES fresh random bytes. */
function takeRandomBytes(): number {
  if (randomAt + ID_RANDOM_BYTES > randomPool.length) {
    randomPool = globalThis.crypto.getRandomValues(new Uint8Array(ID_RANDOM_BYTES * 512));
    randomAt = 0;
  }
  const at = randomAt;
  randomAt += ID_RANDOM_BYTES;
  return at;
}

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
  const r = takeRandomBytes();
  const b = randomPool;
  const time = lastMs.toString(16).padStart(12, '0');
  const variant = (0x8 | (b[r]! & 0x3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${HEX[b[r + 1]!]}${HEX[b[r + 2]!]![0]}-${HEX[b[r + 3]!]}${HEX[b[r + 4]!]}${HEX[b[r + 5]!]}${HEX[b[r + 6]!]}${HEX[b[r + 7]!]}${HEX[b[r + 8]!]}`;
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
