// Which Chromium the e2e tests drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// Playwright's own browser (undefined lets Playwright use it).
import { existsSync } from 'node:fs';

export function chromiumExecutable() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
