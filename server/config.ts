import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** What `npm run server` is told by its environment, checked before anything starts. */
export interface ServerConfig {
  databaseUrl: string;
  host: string;
  port: number;
  staticDir: string;
  /** Origins allowed to call the API from their page (CORS): the desktop app's by default. */
  allowedOrigins: string[];
  /** Both files, or neither (plain HTTP, for 127.0.0.1 or behind a TLS proxy). */
  tls?: { certFile: string; keyFile: string };
}

export type ConfigResult = { ok: true; value: ServerConfig } | { ok: false; problems: string[] };

const DEFAULT_PORT = 8080;

/**
 * Reads DATABASE_URL, HOST, PORT, STATIC_DIR, TLS_CERT_FILE and TLS_KEY_FILE. Every problem is
 * reported at once, in Romanian, naming the variable, so that an administrator fixes the unit
 * file in one go. Listens on 127.0.0.1 unless HOST says otherwise; serving a network address
 * without TLS is allowed (a TLS proxy may stand in front) but `warnings` says so.
 */
export function parseServerConfig(env: Record<string, string | undefined>): ConfigResult & { warnings?: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const databaseUrl = env['DATABASE_URL']?.trim() ?? '';
  if (!databaseUrl) problems.push('Lipsește DATABASE_URL (de exemplu postgres://subventii_owner:parola@127.0.0.1:5432/subventii).');
  else if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push(`DATABASE_URL trebuie să înceapă cu postgres:// sau postgresql:// (este „${databaseUrl.replace(/:[^:@/]*@/, ':***@')}”).`);

  const host = env['HOST']?.trim() || '127.0.0.1';
  const portText = env['PORT']?.trim();
  const port = portText ? Number(portText) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT nu este un port valid (0–65535): „${portText}”.`);

  const certFile = env['TLS_CERT_FILE']?.trim() ?? '';
  const keyFile = env['TLS_KEY_FILE']?.trim() ?? '';
  if (certFile && !keyFile) problems.push('TLS_CERT_FILE este dat, dar lipsește TLS_KEY_FILE (cheia privată a certificatului).');
  if (keyFile && !certFile) problems.push('TLS_KEY_FILE este dat, dar lipsește TLS_CERT_FILE (certificatul).');
  const isLoopback = host === '127.0.0.1' || host === '::1' || host === 'localhost';
  if (!certFile && !keyFile && !isLoopback) {
    warnings.push(`Serviciul ascultă pe ${host} fără TLS: parolele circulă necriptat, dacă în față nu stă un proxy HTTPS. Dați TLS_CERT_FILE și TLS_KEY_FILE.`);
  }

  const allowedOrigins = (env['ALLOWED_ORIGINS']?.trim() || 'app://subventii').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of allowedOrigins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    // An origin is scheme://host[:port], nothing after it (app:// has no standard origin in Node: compare by text).
    if (!parsed || !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+$/i.test(origin)) problems.push(`ALLOWED_ORIGINS: „${origin}” nu este o origine (schemă://gazdă[:port], fără cale), de exemplu app://subventii.`);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { databaseUrl, host, port, allowedOrigins, staticDir: env['WEB_ROOT']?.trim() || env['STATIC_DIR']?.trim() || 'dist-web', ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}) },
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** A file the service cannot read, named with what it is and the system's reason (ENOENT, EACCES…). */
function unreadable(what: string, file: string, error: unknown): Error {
  return new Error(`Nu pot citi ${what} „${file}”: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { cause: error });
}

/** The certificate and key as the HTTPS server needs them; an unreadable file is named. */
export async function readTls(tls: { certFile: string; keyFile: string }): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (file: string, what: string) => {
    try {
      return await readFile(file);
    } catch (error) {
      throw unreadable(what, file, error);
    }
  };
  // One after the other, so that the message names the certificate first when both are missing.
  const cert = await read(tls.certFile, 'certificatul TLS');
  const key = await read(tls.keyFile, 'cheia TLS');
  if (!cert.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) throw new Error(`„${tls.certFile}” nu este un certificat PEM (lipsește „-----BEGIN CERTIFICATE-----”).`);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.toString('latin1'))) throw new Error(`„${tls.keyFile}” nu este o cheie privată PEM.`);
  return { cert, key };
}

/**
 * A config file in the systemd EnvironmentFile form (KEY=value lines, `#` comments, optional
 * quotes around the value), for a Windows service or an operator who prefers one file.
 */
export function parseConfigFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const eq = line.indexOf('=');
    if (line === '' || line.startsWith('#') || eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0]) value = value.slice(1, -1);
    values[line.slice(0, eq).trim()] = value;
  }
  return values;
}

/** The environment with the file named by CONFIG_FILE under it (a variable set in the environment wins). */
export function withConfigFile(env: Record<string, string | undefined>, read: (file: string) => string = (file) => readFileSync(file, 'utf8')): Record<string, string | undefined> {
  const file = env['CONFIG_FILE']?.trim();
  if (!file) return env;
  let text: string;
  try {
    text = read(file);
  } catch (error) {
    throw unreadable('fișierul de configurare CONFIG_FILE', file, error);
  }
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  return { ...parseConfigFile(text), ...set };
}
