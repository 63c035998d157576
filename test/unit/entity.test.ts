import { describe, expect, it, vi } from 'vitest';
import { newId, stamp } from '../../src/entity';

/** A UUID version 7 with the RFC 9562 variant. */
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('record ids', () => {
  it('are UUID version 7 strings with the RFC 9562 variant', () => {
    expect(newId()).toMatch(UUID_V7);
  });

  it('carry their creation time in the first 48 bits', () => {
    // Ids never go back in time, so the moment must be later than any id made so far in this run
    // (a fixed date here broke once the wall clock passed it).
    const at = Date.now() + 10_000_000;
    const id = newId(at);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sort in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('take their random bits from the system generator, hundreds of ids per call, never the same bytes twice', () => {
    const generator = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      // All in one millisecond, later than any id made so far (as above).
      const at = Date.now() + 20_000_000;
      const ids = Array.from({ length: 2_000 }, () => newId(at));
      // 9 bytes an id, 512 ids a call: 2,000 ids take 3 or 4 calls (not one per id).
      expect(generator.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(generator.mock.calls.length).toBeLessThanOrEqual(5);
      // The 62 random bits (variant nibble's two, then 60) differ from id to id.
      expect(new Set(ids.map((id) => id.slice(19))).size).toBe(ids.length);
      expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    } finally {
      generator.mockRestore();
    }
  });

  it('are stamped on new records with version 1', () => {
    const record = stamp({ name: 'Asociația Șansa' }, '2026-11-23T08:00:00.000Z');
    expect(record).toMatchObject({ name: 'Asociația Șansa', version: 1, createdAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z' });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
