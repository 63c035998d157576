// Profiling the browser benchmarks' screens (not a benchmark): an unminified build of the web
// version, served on its own port, and `profile-*.ts` specs that record a Chrome trace and a CPU
// profile through CDP and print where the main thread spent its time (by trace event and by
// function). Run: npx playwright test --config bench/web/profile.config.ts
import { defineConfig } from '@playwright/test';
import { createHash } from 'node:crypto';
import { chromiumExecutable } from '../../scripts/browser-path.mjs';
import baseConfig from './playwright.config';

const PORT = Number(process.env.BENCH_PORT) || 30_000 + (createHash('sha256').update(process.cwd()).digest().readUInt16BE(0) % 10_000);
const OUT = 'test-results/profile-build';

export default defineConfig({
  ...baseConfig,
  testMatch: 'profile-*.ts',
  outputDir: '../../test-results/profile',
  use: { ...baseConfig.use, baseURL: `http://127.0.0.1:${PORT}`, launchOptions: { ...baseConfig.use?.launchOptions, executablePath: chromiumExecutable() } },
  webServer: {
    command: `npx vite build --config vite.web.config.ts --minify false --outDir ${OUT} --emptyOutDir && npx vite preview --config vite.web.config.ts --outDir ${OUT} --port ${PORT} --strictPort`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
