import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], setupFiles: ['test/unit/setup.ts'] },
      },
      {
        // Against a real PostgreSQL (DATABASE_URL, or a throwaway cluster the global setup starts; skipped when neither exists).
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts'], globalSetup: ['test/server/global-setup.ts'] },
      },
    ],
  },
});
