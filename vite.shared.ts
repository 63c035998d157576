import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './electron/csp.ts';

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

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
    define: { __APP_VERSION__: JSON.stringify(packageJson.version) },
    build: { chunkSizeWarningLimit: 4000, sourcemap: false },
  };
}
