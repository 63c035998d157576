import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POINT_REST_MS, pointIntent } from '../../../renderer/components/point-intent';

describe('the pointer resting on a row (issue 10)', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('reads ahead the row the pointer stays on, not the rows it only passes over', () => {
    const rested: string[] = [];
    const intent = pointIntent<string>((key) => rested.push(key));
    // Passing over two rows on the way to a third.
    intent.enter('a');
    vi.advanceTimersByTime(POINT_REST_MS - 30);
    intent.enter('b');
    vi.advanceTimersByTime(POINT_REST_MS - 30);
    intent.enter('c');
    expect(rested).toEqual([]);
    vi.advanceTimersByTime(POINT_REST_MS);
    expect(rested).toEqual(['c']);
    // Staying on it longer does not read it again.
    vi.advanceTimersByTime(10 * POINT_REST_MS);
    expect(rested).toEqual(['c']);
  });

  it('starts nothing for a row left before the rest, or once the list is gone', () => {
    const rested: string[] = [];
    const intent = pointIntent<string>((key) => rested.push(key));
    intent.enter('a');
    vi.advanceTimersByTime(POINT_REST_MS - 1);
    intent.leave();
    vi.advanceTimersByTime(POINT_REST_MS);
    intent.enter('b');
    intent.dispose();
    vi.advanceTimersByTime(POINT_REST_MS);
    expect(rested).toEqual([]);
  });
});
