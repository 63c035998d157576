// Which rows of a long table are drawn: the ones in the scrolled viewport and a margin around
// them, the others stood in for by two spacer rows of their total height. Rows have heights known
// before they are drawn (each row says how many lines it has), so the offsets are a prefix sum and
// the first visible row a binary search, whatever the scroll position.

/** The top offset of every row, and the total height as the last element (length = rows + 1). */
export function rowOffsets(heights: readonly number[]): number[] {
  const offsets = new Array<number>(heights.length + 1);
  offsets[0] = 0;
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = offsets[i]! + heights[i]!;
  return offsets;
}

/** The index of the row that holds the pixel `y` (0 above the first row, the last row below the end). */
export function rowAt(offsets: readonly number[], y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface RowWindow {
  /** First row drawn (inclusive). */
  start: number;
  /** Row after the last one drawn (exclusive). */
  end: number;
  /** Height of the spacer before the first row drawn. */
  before: number;
  /** Height of the spacer after the last row drawn. */
  after: number;
}

/**
 * The rows to draw for a viewport of `height` pixels scrolled to `scrollTop` (in the rows' own
 * coordinates), with `overscan` rows more on each side so a short scroll shows drawn rows.
 */
export function rowWindow(offsets: readonly number[], scrollTop: number, height: number, overscan: number): RowWindow {
  const count = offsets.length - 1;
  const total = offsets[count] ?? 0;
  if (count <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const top = Math.max(0, Math.min(scrollTop, total));
  const start = Math.max(0, rowAt(offsets, top) - overscan);
  const end = Math.min(count, rowAt(offsets, top + Math.max(0, height)) + 1 + overscan);
  return { start, end, before: offsets[start]!, after: total - offsets[end]! };
}
