import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, rowWindow } from '../../../renderer/components/row-window';

// The ranking table draws only the rows in view: the window must hold every row that intersects
// the viewport, and the spacers plus the drawn rows must add up to the whole table's height.
describe('the rows drawn of a long table', () => {
  const heights = [37, 57, 37, 37, 57, 37, 37, 37, 57, 37];
  const offsets = rowOffsets(heights);

  it('offsets are the prefix sums, the total last', () => {
    expect(offsets).toEqual([0, 37, 94, 131, 168, 225, 262, 299, 336, 393, 430]);
    expect(rowOffsets([])).toEqual([0]);
  });

  it('finds the row holding a pixel', () => {
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 36.9)).toBe(0);
    expect(rowAt(offsets, 37)).toBe(1);
    expect(rowAt(offsets, 93)).toBe(1);
    expect(rowAt(offsets, 429)).toBe(9);
    expect(rowAt(offsets, 10_000)).toBe(9);
    expect(rowAt(offsets, -5)).toBe(0);
  });

  it('an empty table draws nothing', () => {
    expect(rowWindow([0], 0, 500, 5)).toEqual({ start: 0, end: 0, before: 0, after: 0 });
  });

  it('a viewport taller than the table draws every row', () => {
    expect(rowWindow(offsets, 0, 1_000, 0)).toEqual({ start: 0, end: 10, before: 0, after: 0 });
  });

  it('on random heights and scroll positions, draws exactly the intersecting rows plus the overscan', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 300; run++) {
      const list = Array.from({ length: 1 + Math.floor(random() * 400) }, () => (random() < 0.2 ? 57 : 37));
      const offs = rowOffsets(list);
      const total = offs.at(-1)!;
      const scrollTop = Math.floor(random() * total);
      const height = 100 + Math.floor(random() * 900);
      const overscan = Math.floor(random() * 12);
      const w = rowWindow(offs, scrollTop, height, overscan);
      // By brute force: the rows whose box meets [scrollTop, scrollTop + height].
      const visible = list.map((_, i) => i).filter((i) => offs[i + 1]! > scrollTop && offs[i]! <= scrollTop + height);
      const first = Math.max(0, visible[0]! - overscan);
      const last = Math.min(list.length, visible.at(-1)! + 1 + overscan);
      expect({ start: w.start, end: w.end }).toEqual({ start: first, end: last });
      const drawn = list.slice(w.start, w.end).reduce((a, b) => a + b, 0);
      expect(w.before + drawn + w.after).toBe(total);
    }
  });
});
