// Shared timing helpers of the browser benchmarks: a summary of a list of times and the table
// every benchmark prints (job, size, app min/median, baseline min/median, ratio of the medians).

export interface Summary {
  min: number;
  median: number;
  max: number;
  runs: number;
}

export function summary(ms: readonly number[]): Summary {
  if (ms.length === 0) throw new Error('no measurements');
  const sorted = [...ms].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted.at(-1)!, runs: sorted.length };
}

export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : Infinity;
}

export interface BenchRow {
  job: string;
  size: string;
  app: Summary;
  baseline: Summary;
  /** What the row is judged by, e.g. "< 50 ms median, < 100 ms worst". */
  goal: string;
}

export function printTable(title: string, rows: readonly BenchRow[]): void {
  const ms = (v: number) => v.toFixed(1).padStart(8);
  const head = `${'job'.padEnd(34)} ${'size'.padStart(14)} ${'app min'.padStart(8)} ${'app med'.padStart(8)} ${'app max'.padStart(8)} ${'base min'.padStart(8)} ${'base med'.padStart(8)} ${'ratio'.padStart(7)}  goal`;
  const lines = rows.map(
    (r) =>
      `${r.job.padEnd(34)} ${r.size.padStart(14)} ${ms(r.app.min)} ${ms(r.app.median)} ${ms(r.app.max)} ${ms(r.baseline.min)} ${ms(r.baseline.median)} ${`${ratio(r.app.median, r.baseline.median).toFixed(2)}×`.padStart(7)}  ${r.goal} (${r.app.runs} runs)`,
  );
  console.log([`\n${title} (times in ms; ratio = app median / baseline median)`, head, ...lines].join('\n'));
}

/**
 * One warm-up of each side, then `runs` measurements of each with the sides alternating which
 * goes first, so that neither always runs on a warmer machine (the in-page twin is in page-harness.ts).
 */
export async function interleaved(app: () => Promise<number>, bare: () => Promise<number>, runs: number): Promise<{ appMs: number[]; bareMs: number[] }> {
  await app();
  await bare();
  const appMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0) {
      appMs.push(await app());
      bareMs.push(await bare());
    } else {
      bareMs.push(await bare());
      appMs.push(await app());
    }
  }
  return { appMs, bareMs };
}
