/**
 * A progress callback that passes on at most one report every `intervalMs`, and always the last
 * one (done = total). The import worker reports every 200 rows: 100 renders of the dialog for
 * 20,000 rows, each a task of the page while the worker needs the machine's other core (issue 10).
 */
export function throttledProgress(report: (done: number, total: number) => void, intervalMs = 100, now: () => number = () => performance.now()): (done: number, total: number) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (done, total) => {
    const at = now();
    if (done < total && at - last < intervalMs) return;
    last = at;
    report(done, total);
  };
}
