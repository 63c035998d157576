// Makes sure the e2e tests have a browser: a system Chromium when there is one, otherwise
// Playwright's own Chromium, installed on first use (so `npm test` works on a fresh machine).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './browser-path.mjs';

const system = chromiumExecutable();
if (system) {
  console.log(`e2e: folosesc Chromium de sistem: ${system}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`e2e: folosesc Chromium-ul Playwright: ${chromium.executablePath()}`);
} else {
  console.log('e2e: nu există Chromium pe acest calculator; îl instalez prin Playwright…');
  execSync('npx playwright install chromium', { stdio: 'inherit', env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '' } });
}
