import { defineConfig } from '@playwright/test';
import { createHash } from 'node:crypto';
import { chromiumExecutable } from './scripts/browser-path.mjs';

// A port of this checkout's own (from its path), never a running dev server's: two checkouts, or a
// `npm run web` left open, cannot hand the tests another build. E2E_PORT overrides it.
const PORT = Number(process.env.E2E_PORT) || 20_000 + (createHash('sha256').update(process.cwd()).digest().readUInt16BE(0) % 20_000);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ro-RO',
    timezoneId: 'Europe/Bucharest',
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--no-sandbox',
        '--disable-dev-shm-usage',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npm run build:web && npm run preview:web -- --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    // Never someone else's server: if the port is taken, Playwright stops with "port already used".
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
