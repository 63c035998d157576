/**
 * The Content-Security-Policy of the renderer, in one place.
 *
 * Pure TypeScript with no imports: vite.shared.ts injects META_CONTENT_SECURITY_POLICY as a <meta> tag
 * in production builds (desktop and web), and electron/main.ts sends it as a response header.
 */

type Directives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

const PRODUCTION_DIRECTIVES: Directives = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // MUI/emotion inject <style> elements at run time.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['worker-src', ["'self'", 'blob:']],
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

function serialize(directives: Directives): string {
  return directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The policy of the built renderer (desktop `app://` and the web build), as a response header. */
export const CONTENT_SECURITY_POLICY = serialize(PRODUCTION_DIRECTIVES);

/** connect-src with the shared server's origin added (the desktop app in shared mode); the others unchanged. */
function withServer(directives: Directives, serverOrigin: string | undefined): Directives {
  if (!serverOrigin) return directives;
  return directives.map(([name, sources]) => (name === 'connect-src' ? ([name, [...sources, serverOrigin]] as const) : ([name, sources] as const)));
}

/** The desktop app's header policy: the production one, and in shared mode the server's origin in connect-src. */
export function contentSecurityPolicyFor(serverOrigin?: string): string {
  return serialize(withServer(PRODUCTION_DIRECTIVES, serverOrigin));
}

/**
 * The built index.html without its <meta> policy: the desktop app sends the policy as a header (with
 * the server's origin in shared mode), and a meta policy would be enforced as well, blocking it.
 */
export function withoutMetaContentSecurityPolicy(html: string): string {
  return html.replace(/<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi, '');
}

/**
 * Directives a browser honours only from a response header: in a <meta> tag they are ignored and
 * logged as a console error on every load, so the meta policy leaves them out (Electron's header
 * still sends them).
 */
const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The same policy for the built index.html's <meta http-equiv> tag. */
export const META_CONTENT_SECURITY_POLICY = serialize(PRODUCTION_DIRECTIVES.filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name)));

/**
 * The policy while `electron-forge start` serves the renderer from the Vite dev server: React fast
 * refresh needs an inline module script, and HMR talks to the dev server over a WebSocket. Only
 * those two directives are relaxed, and only for the dev server's own host.
 */
export function developmentContentSecurityPolicy(devServerUrl: string, serverOrigin?: string): string {
  const url = new URL(devServerUrl);
  const webSocket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return serialize(
    withServer(PRODUCTION_DIRECTIVES, serverOrigin).map(([name, sources]) => {
      if (name === 'script-src') return [name, [...sources, "'unsafe-inline'"]] as const;
      if (name === 'connect-src') return [name, [...sources, webSocket]] as const;
      return [name, sources] as const;
    }),
  );
}

/**
 * Response headers with every Content-Security-Policy header (any casing) replaced by `policy`,
 * for session.webRequest.onHeadersReceived.
 */
export function withContentSecurityPolicy(
  headers: Record<string, string | string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
