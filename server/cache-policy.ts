// How the web build's files are served: their content type, and how long a browser may keep one
// without asking again. Vite names the built
// scripts, styles and fonts by their content under assets/ ("catalog-screen-D3BgAIKM.js"): a new
// build gives new names, so a file once fetched never changes and is kept for a year without
// revalidation. Everything else (index.html, which names the current files; favicon) is asked for
// again each time. Used by the service (server/service.ts) and by `npm run preview:web`
// (vite.web.config.ts), so that the preview, and the browser benchmarks on it, load the build as a
// workstation served by the service does (issue 10: revalidating some forty files was a large part
// of the measured cold start).

/** Content types by file extension (anything else is application/octet-stream). */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** The content type of a file of the build, by its extension (".js"). */
export function contentTypeFor(extension: string): string {
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** A built file whose name carries its content hash: "/assets/<name>-<hash>.<ext>". */
export function isContentHashed(pathname: string): boolean {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(pathname);
}

export function cacheControlFor(pathname: string): string {
  return isContentHashed(pathname) ? IMMUTABLE : REVALIDATE;
}
