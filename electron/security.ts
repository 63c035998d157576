/**
 * Security rules of the Electron shell (see the Electron security checklist): what the renderer may
 * navigate to, which URLs leave for the system browser, which files the app:// protocol may serve,
 * who may call the IPC verbs and what their payloads may contain. The helpers are pure except
 * hardenWebContents, which wires them to a WebContents.
 */
import { shell, type WebContents } from 'electron';
import path from 'node:path';
import type { FileFilter, OpenFileRequest, SaveFileRequest } from './api';

/** Largest file the IPC verbs write or read: 512 MiB, the limit of a backup (src/backup/backup-file.ts). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
const MAX_FILTERS = 10;
const MAX_EXTENSIONS_PER_FILTER = 20;
const MAX_FILTER_NAME_LENGTH = 100;
const MAX_FILE_NAME_LENGTH = 200;
const EXTENSION = /^[A-Za-z0-9]{1,16}$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// Characters Windows refuses in file names, and both path separators.
const RESERVED_FILE_NAME_CHARACTERS = /[<>:"|?*/\\]/;

/** Permissions the app's own pages may get: persistent storage, so IndexedDB is never evicted. */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/**
 * The origin of `url` as "scheme://host[:port]", or null when it has none (file:, data:,
 * about:blank, javascript:, malformed). Node's URL reports "null" as the origin of schemes it does
 * not know, such as app:, so the origin is rebuilt from the parts.
 */
export function originOf(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.host === '' || parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/** Whether `url` belongs to the app's own origin, e.g. "app://subventii" or the Vite dev server. */
export function isSameOrigin(url: string | null | undefined, allowedOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(allowedOrigin);
}

/** Whether the frame that sent an IPC message shows the app itself (and not a foreign page). */
export function isTrustedSender(frameUrl: string | null | undefined, allowedOrigin: string): boolean {
  return isSameOrigin(frameUrl, allowedOrigin);
}

/** Only plain https:// links, without credentials, may be handed to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/** Whether a permission asked by the page at `requestingUrl` is granted (only GRANTED_PERMISSIONS, only to the app). */
export function isPermissionGranted(permission: string, requestingUrl: string | null | undefined, allowedOrigin: string): boolean {
  return GRANTED_PERMISSIONS.has(permission) && isSameOrigin(requestingUrl, allowedOrigin);
}

/**
 * Applies the navigation rules to one WebContents: no new windows (https links open in the system
 * browser instead), no navigation or redirect away from the app's origin, no <webview>.
 */
export function hardenWebContents(contents: WebContents, allowedOrigin: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch(() => undefined);
    }
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!isSameOrigin(event.url, allowedOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isSameOrigin(event.url, allowedOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * The file under `root` that the URL path `urlPath` (still percent-encoded, as in URL.pathname)
 * names, or null when the path is malformed or would leave `root`: `..` segments (also encoded as
 * %2e%2e or hidden behind an encoded slash), backslashes, NUL and control characters, absolute or
 * drive-letter paths. "/" is index.html.
 */
export function resolveInsideRoot(root: string, urlPath: string): string | null {
  if (typeof urlPath !== 'string' || urlPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\\') || CONTROL_CHARACTERS.test(decoded)) return null;
  if (!decoded.startsWith('/')) decoded = `/${decoded}`;
  const relative = decoded.slice(1);
  if (relative === '') return path.join(root, 'index.html');
  // "//etc/passwd" would be an absolute path once the leading slash is removed.
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative) || path.isAbsolute(relative)) return null;
  const segments = relative.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.includes(':'))) return null;
  const resolvedRoot = path.resolve(root);
  const resolved = path.resolve(resolvedRoot, ...segments);
  const fromRoot = path.relative(resolvedRoot, resolved);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return resolved;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateFilters(value: unknown, channel: string): FileFilter[] {
  if (!Array.isArray(value)) throw new TypeError(`${channel}: "filters" must be an array.`);
  if (value.length > MAX_FILTERS) throw new RangeError(`${channel}: at most ${MAX_FILTERS} filters are allowed.`);
  return value.map((filter: unknown, index) => {
    if (!isRecord(filter)) throw new TypeError(`${channel}: filters[${index}] must be an object.`);
    const { name, extensions } = filter;
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_FILTER_NAME_LENGTH || CONTROL_CHARACTERS.test(name)) {
      throw new TypeError(`${channel}: filters[${index}].name must be a non-empty text of at most ${MAX_FILTER_NAME_LENGTH} characters.`);
    }
    if (!Array.isArray(extensions) || extensions.length === 0 || extensions.length > MAX_EXTENSIONS_PER_FILTER) {
      throw new TypeError(`${channel}: filters[${index}].extensions must list 1 to ${MAX_EXTENSIONS_PER_FILTER} extensions.`);
    }
    for (const extension of extensions) {
      if (typeof extension !== 'string' || !EXTENSION.test(extension)) {
        throw new TypeError(`${channel}: filters[${index}].extensions must be letters and digits without the dot, got ${JSON.stringify(extension)}.`);
      }
    }
    return { name, extensions: [...(extensions as string[])] };
  });
}

/** Checks a `save-file` payload from the renderer; returns a clean copy or throws with the reason. */
export function validateSaveRequest(payload: unknown): SaveFileRequest {
  const channel = 'save-file';
  if (!isRecord(payload)) throw new TypeError(`${channel}: the request must be an object.`);
  const { suggestedName, filters, data } = payload;
  if (
    typeof suggestedName !== 'string' ||
    suggestedName.trim() === '' ||
    suggestedName.length > MAX_FILE_NAME_LENGTH ||
    suggestedName === '.' ||
    suggestedName === '..' ||
    CONTROL_CHARACTERS.test(suggestedName) ||
    RESERVED_FILE_NAME_CHARACTERS.test(suggestedName)
  ) {
    throw new TypeError(`${channel}: "suggestedName" must be a plain file name (no folders, at most ${MAX_FILE_NAME_LENGTH} characters).`);
  }
  if (!(data instanceof Uint8Array)) throw new TypeError(`${channel}: "data" must be a Uint8Array.`);
  if (data.byteLength > MAX_FILE_BYTES) throw new RangeError(`${channel}: "data" is larger than ${MAX_FILE_BYTES} bytes.`);
  return { suggestedName, filters: validateFilters(filters, channel), data };
}

/** Checks an `open-file` payload from the renderer; returns a clean copy or throws with the reason. */
export function validateOpenRequest(payload: unknown): OpenFileRequest {
  const channel = 'open-file';
  if (!isRecord(payload)) throw new TypeError(`${channel}: the request must be an object.`);
  return { filters: validateFilters(payload.filters, channel) };
}
