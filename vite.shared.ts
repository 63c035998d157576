import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './electron/csp.ts';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The fingerprint of the renderer's code (every file of src/, renderer/ and templates/, and the
 * locked dependencies): values the app computed and kept across starts (renderer/db/persisted-read.ts)
 * are taken only by the same code.
 */
function codeFingerprint(): string {
  const root = new URL('.', import.meta.url).pathname;
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(join(root, path)));
    }
  };
  for (const dir of ['src', 'renderer', 'templates']) walk(dir);
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The Content-Security-Policy of the built renderer lives in electron/csp.ts. The dev server needs
 * inline scripts for fast refresh, so the meta tag is injected only in production builds, without
 * the header-only directives (frame-ancestors); Electron's main process sends the full policy as a
 * response header.
 */
export { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY };

function cspMetaTag(): Plugin {
  return {
    name: 'subventii-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<!-- csp -->',
        `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export function rendererConfig(): UserConfig {
  return {
    plugins: [react(), cspMetaTag()],
    worker: { format: 'es' },
    define: { __APP_VERSION__: JSON.stringify(packageJson.version), __APP_BUILD__: JSON.stringify(codeFingerprint()) },
    build: { chunkSizeWarningLimit: 4000, sourcemap: false },
  };
}
