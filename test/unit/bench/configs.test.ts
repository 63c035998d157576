// `npm run bench` (vitest) and `npm run bench:web` (Playwright) share the `*.bench.ts` suffix: the
// Node config must not collect the browser ones, whose `test()` is Playwright's and fails under
// vitest ("Playwright Test did not expect test() to be called here"), failing the whole run.
import { globSync } from 'node:fs';
import { expect, it } from 'vitest';
import benchConfig from '../../../bench/vitest.config';

it('npm run bench collects every Node benchmark and none of the browser ones', () => {
  const include = benchConfig.test?.include ?? [];
  const collected = new Set(include.flatMap((pattern) => globSync(pattern)).map((p) => p.replaceAll('\\', '/')));
  const browser = globSync('bench/web/*.bench.ts');
  const node = globSync('bench/*.bench.ts');
  expect(browser.length).toBeGreaterThan(0);
  expect(node.length).toBeGreaterThan(0);
  expect([...collected].filter((p) => p.startsWith('bench/web/'))).toEqual([]);
  expect([...collected].sort()).toEqual(node.map((p) => p.replaceAll('\\', '/')).sort());
});
