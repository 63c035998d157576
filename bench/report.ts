/** Runs `fn` `repeat` times and returns the fastest wall time in milliseconds (warm-up excluded). */
export async function fastest(fn: () => unknown | Promise<unknown>, repeat = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export function printRatio(title: string, ours: { label: string; ms: number }, bare: { label: string; ms: number }, target: string): void {
  const ratio = ours.ms / bare.ms;
  const line = (label: string, ms: number) => `  ${label.padEnd(58)} ${ms.toFixed(2).padStart(10)} ms`;
  console.log(
    [`\n${title}`, line(ours.label, ours.ms), line(bare.label, bare.ms), `  ratio ${ratio.toFixed(2)}×   (target: ${target})`].join('\n'),
  );
}

export function makeCui(index: number): string {
  // 8-digit bodies starting at 10 000 000, check digit appended: all distinct and valid.
  const body = String(10_000_000 + index);
  const key = [7, 5, 3, 2, 1, 7, 5, 3, 2];
  const padded = body.padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(padded[i]) * key[i]!;
  const check = (sum * 10) % 11;
  return body + String(check === 10 ? 0 : check);
}
