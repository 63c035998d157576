import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/**
 * The Content-Security-Policy of the built renderer. The dev server needs inline
 * scripts for fast refresh, so the meta tag is injected only in production builds;
 * Electron's main process sends the same policy as a response header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // MUI/emotion inject <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'subventii-csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<!-- csp -->',
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

export function rendererConfig(): UserConfig {
  return {
    plugins: [react(), cspMetaTag()],
    worker: { format: 'es' },
    build: { chunkSizeWarningLimit: 4000, sourcemap: false },
  };
}
