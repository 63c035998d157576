// Which mode this workstation starts in: imported by the start chunk, so it imports almost nothing.
import { checkServerStatus, type ServerCheck } from '../../../src/shared/server-address';

/** localStorage key of the server's address (Setări → Server partajat). */
export const SERVER_STORAGE_KEY = 'subventii.server';
/** The <meta> the service puts in the page it serves: the web app is then a workstation of that server. */
export const SERVER_META_NAME = 'subventii-server';

export interface WorkstationServer {
  /** The server's origin, e.g. https://subventii.primaria.ro:8443. */
  serverUrl: string;
  /** The page was served by the server itself: same origin, HttpOnly session cookie, address fixed. */
  isSameOrigin: boolean;
}

/**
 * The shared server this workstation works with, or undefined: local mode, as always (nothing is
 * fetched). The page served by the service wins over a configured address.
 */
export function workstationServer(
  doc: Pick<Document, 'querySelector'> | undefined = typeof document === 'undefined' ? undefined : document,
  storage: Pick<Storage, 'getItem'> | undefined = typeof localStorage === 'undefined' ? undefined : localStorage,
  origin: string | undefined = typeof location === 'undefined' ? undefined : location.origin,
): WorkstationServer | undefined {
  const meta = doc?.querySelector(`meta[name="${SERVER_META_NAME}"]`)?.getAttribute('content');
  if (meta === 'same-origin' && origin) return { serverUrl: origin, isSameOrigin: true };
  let configured: string | null | undefined;
  try {
    configured = storage?.getItem(SERVER_STORAGE_KEY);
  } catch {
    configured = undefined; // storage disabled: local mode
  }
  if (!configured) return undefined;
  return { serverUrl: configured.replace(/\/+$/, ''), isSameOrigin: configured.replace(/\/+$/, '') === origin };
}

export type { ServerCheck } from '../../../src/shared/server-address';

/** "Verifică legătura": in the desktop app through the main process (the page's CSP allows only the server already chosen). */
export function checkServer(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<ServerCheck> {
  const desktop = typeof window === 'undefined' ? undefined : window.subventii;
  return desktop ? desktop.checkServer(serverUrl) : checkServerStatus(serverUrl, fetchImpl);
}

/** "Folosește serverul": saves the address; the app then starts again in shared mode (sign-in). */
export async function switchToServer(serverUrl: string, storage: Pick<Storage, 'setItem'> = localStorage, reload: () => void = () => location.reload()): Promise<void> {
  // The desktop app's main process adds the server to the page's CSP (connect-src) before the reload.
  if (typeof window !== 'undefined') await window.subventii?.setServer(serverUrl);
  storage.setItem(SERVER_STORAGE_KEY, serverUrl);
  reload();
}

/** "Lucrează local": forgets the server; the app starts again on the local database, which shared mode never touched. */
export async function workLocally(storage: Pick<Storage, 'removeItem'> = localStorage, reload: () => void = () => location.reload()): Promise<void> {
  if (typeof window !== 'undefined') await window.subventii?.setServer(null);
  storage.removeItem(SERVER_STORAGE_KEY);
  reload();
}
