// The workstation setting "Server: https://…" (Setări → Server partajat): which addresses are accepted.

export type ServerAddressResult = { ok: true; url: string } | { ok: false; message: string };

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks the address typed for the shared server and answers its origin (scheme, host and port,
 * no path, no trailing slash). HTTPS anywhere; plain HTTP only on this computer (127.0.0.1,
 * localhost, ::1), since over a network the password would travel unencrypted.
 */
export function validateServerAddress(text: string): ServerAddressResult {
  const value = text.trim();
  if (!value) return { ok: false, message: 'Scrieți adresa serverului, de exemplu https://subventii.primaria.ro:8443.' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'Adresa nu este validă; scrieți-o întreagă, cu https:// în față (de exemplu https://subventii.primaria.ro:8443).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'Adresa serverului trebuie să înceapă cu https://.' };
  if (url.username || url.password) return { ok: false, message: 'Adresa nu trebuie să conțină utilizatorul sau parola; acestea se cer la autentificare.' };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return { ok: false, message: 'Pe un server din rețea folosiți https:// (cu http:// parola ar circula necriptată); http:// este acceptat doar pentru 127.0.0.1 sau localhost.' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, message: 'Scrieți doar adresa serverului, fără cale după ea (de exemplu https://subventii.primaria.ro:8443).' };
  }
  return { ok: true, url: url.origin };
}

export type ServerCheck = { ok: true; schemaVersion: number } | { ok: false; message: string };

/** "Verifică legătura": GET /api/status of the address, answered in Romanian (the fetch is given: the page, or the desktop app's main process). */
export async function checkServerStatus(serverUrl: string, fetchImpl: typeof fetch = fetch, timeoutMs = 8000): Promise<ServerCheck> {
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
