// `npm run bench`: each file measures our code and the bare library doing the same work in one
// run and prints the ratio. Nothing here asserts a time: speed is read, not tested.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: 600_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
