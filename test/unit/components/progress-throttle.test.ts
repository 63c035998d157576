import { describe, expect, it } from 'vitest';
import { throttledProgress } from '../../../renderer/components/progress-throttle';

describe('throttledProgress', () => {
  it('passes the first report, then at most one every interval, and always the last', () => {
    let clock = 0;
    const seen: number[] = [];
    const report = throttledProgress((done) => seen.push(done), 100, () => clock);
    // The worker's reports every 200 rows of 2,000, 30 ms apart.
    for (let done = 200; done <= 2_000; done += 200) {
      report(done, 2_000);
      clock += 30;
    }
    expect(seen).toEqual([200, 1_000, 1_800, 2_000]);
  });

  it('passes a last report that comes right after another', () => {
    const seen: number[] = [];
    const report = throttledProgress((done) => seen.push(done), 100, () => 5);
    report(1, 3);
    report(2, 3);
    report(3, 3);
    expect(seen).toEqual([1, 3]);
  });
});
