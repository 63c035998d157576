// Which mode this workstation starts in: imported by the start chunk, so it imports nothing.

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

export type ServerCheck = { ok: true; schemaVersion: number } | { ok: false; message: string };

/** "Verifică legătura": GET /api/status of the address, answered in Romanian. */
export async function checkServer(serverUrl: string, fetchImpl: typeof fetch = fetch, timeoutMs = 8000): Promise<ServerCheck> {
  let res: Response;
  try {
    res = await fetchImpl(`${serverUrl.replace(/\/+$/, '')}/api/status`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
  } catch (error) {
    if ((error as Error)?.name === 'TimeoutError') return { ok: false, message: `Serverul nu a răspuns în ${Math.round(timeoutMs / 1000)} secunde. Verificați adresa și rețeaua.` };
    return { ok: false, message: 'Serverul nu poate fi contactat la această adresă: verificați adresa, rețeaua, certificatul HTTPS și că serviciul Subvenții ONG este pornit.' };
  }
  const body = (await res.json().catch(() => undefined)) as { service?: string; schemaVersion?: number } | undefined;
  if (!res.ok || body?.service !== 'subventii-ong' || typeof body.schemaVersion !== 'number') {
    return { ok: false, message: `La această adresă răspunde altceva decât serviciul Subvenții ONG (cod ${res.status}).` };
  }
  return { ok: true, schemaVersion: body.schemaVersion };
}

/** "Folosește serverul": saves the address; the app then starts again in shared mode (sign-in). */
export function switchToServer(serverUrl: string, storage: Pick<Storage, 'setItem'> = localStorage, reload: () => void = () => location.reload()): void {
  storage.setItem(SERVER_STORAGE_KEY, serverUrl);
  reload();
}

/** "Lucrează local": forgets the server; the app starts again on the local database, which shared mode never touched. */
export function workLocally(storage: Pick<Storage, 'removeItem'> = localStorage, reload: () => void = () => location.reload()): void {
  storage.removeItem(SERVER_STORAGE_KEY);
  reload();
}
