// `npm run bench`: each file measures our code and the bare library doing the same work in one
// run and prints the ratio. Nothing here asserts a time: speed is read, not tested.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The Node benchmarks only: bench/web/*.bench.ts are Playwright's (npm run bench:web).
    include: ['bench/*.bench.ts'],
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
