import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { CommandError, runCommand, runCommands, type Command } from './commands';
import { FEED_PARTS, type FeedPart } from '../src/shared/wire';
import { changesSince } from './feed';
import { migrate, SERVER_SCHEMA_VERSION } from './migrate';
import { cacheControlFor, contentTypeFor } from './cache-policy';

export interface ServiceOptions {
  /** The database and the role that owns its schema (applies the migrations and listens for changes; requests never run as it). */
  databaseUrl: string;
  /** 127.0.0.1 unless configured otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The web build to serve (dist-web/). */
  staticDir?: string;
  /** PEM certificate and key: the service speaks HTTPS (and its session cookie is Secure). */
  tls?: { cert: Buffer; key: Buffer };
  /** Connections per signed-in login. */
  poolSize?: number;
  /**
   * Origins of workstations not served by the service (the desktop app, app://subventii) allowed to
   * call the API from their page (CORS, bearer token); DEFAULT_ALLOWED_ORIGINS when not given.
   */
  allowedOrigins?: readonly string[];
  /** A session unused this long is ended (its connections closed); 12 hours by default. */
  sessionIdleMs?: number;
  log?: (line: string) => void;
}

export interface RunningService {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Session {
  login: string;
  groups: string[];
  pool: pg.Pool;
  lastUsed: number;
}

/** The desktop app's origin (electron/main.ts APP_ORIGIN). */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = ['app://subventii'];
const MAX_BODY = 64 * 1024 * 1024; // issued documents travel with their file (base64)
const COOKIE = 'subventii_session';

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpError(415, 'Cererea trebuie trimisă ca JSON (Content-Type: application/json).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, 'Cererea este prea mare (peste 64 MB).');
    chunks.push(chunk as Buffer);
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'Cererea nu conține un JSON valid.');
  }
}

/** The meta tag a page served by the service carries right after <head>: the web app is then a workstation of this server. */
export const SERVER_META = '<meta name="subventii-server" content="same-origin" />';

export function withServerMeta(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return `${SERVER_META}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${SERVER_META}${html.slice(at)}`;
}

function loginUrl(databaseUrl: string, login: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = encodeURIComponent(login);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * The shared-mode service: applies the server migrations, then answers the workstations over
 * HTTP JSON. Each signed-in login gets its own pool of connections opened with its own PostgreSQL
 * password (SCRAM), so every request runs as that login: privileges, the audit author and the
 * results of the triggers are the database's, not the service's.
 */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const log = options.log ?? ((line: string) => console.log(line));
  const owner = new pg.Client({ connectionString: options.databaseUrl, application_name: 'subventii-migrari' });
  await owner.connect();
  try {
    const applied = await migrate(owner);
    if (applied.length > 0) log(`Migrări aplicate: ${applied.join(', ')} (schema serverului ${SERVER_SCHEMA_VERSION}).`);
  } finally {
    await owner.end();
  }

  const sessions = new Map<string, Session>();
  const streams = new Set<http.ServerResponse>();
  let closing = false;

  // Changes committed by anyone (notified at commit by the audit trigger) → every open stream. When
  // the connection drops, the streams are closed (browsers reconnect and pull from their checkpoint,
  // so nothing is lost) and the service listens again.
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: 'subventii-notificari' });
    client.on('notification', (message) => {
      const data = JSON.stringify({ table: message.payload ?? '' });
      for (const res of streams) res.write(`event: changes\ndata: ${data}\n\n`);
    });
    client.on('error', (error) => {
      if (listener !== client) return;
      listener = undefined;
      log(`Conexiunea de notificare s-a întrerupt: ${error.message}`);
      for (const res of streams) res.end();
      streams.clear();
      client.end().catch(() => undefined);
      schedule();
    });
    await client.connect();
    await client.query('LISTEN subventii_changes');
    listener = client;
  }
  function schedule(): void {
    if (closing) return;
    retry = setTimeout(() => {
      listen().catch((error: unknown) => {
        log(`Reconectarea pentru notificări a eșuat: ${(error as Error).message}`);
        schedule();
      });
    }, 1000);
  }
  await listen();
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, 20_000);
  const idleMs = options.sessionIdleMs ?? 12 * 60 * 60 * 1000;
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [token, session] of sessions) {
      if (now - session.lastUsed < idleMs) continue;
      sessions.delete(token);
      session.pool.end().catch(() => undefined);
    }
  }, Math.min(idleMs, 60_000));

  function sessionOf(req: http.IncomingMessage): Session {
    const auth = req.headers.authorization;
    let token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    if (!token) {
      const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim()).find((c) => c.startsWith(`${COOKIE}=`));
      token = cookie?.slice(COOKIE.length + 1);
    }
    const session = token ? sessions.get(token) : undefined;
    if (!session) throw new HttpError(401, 'Nu sunteți autentificat sau sesiunea a expirat. Autentificați-vă din nou.');
    session.lastUsed = Date.now();
    return session;
  }

  async function login(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    const name = typeof body['login'] === 'string' ? body['login'].trim() : '';
    const password = typeof body['password'] === 'string' ? body['password'] : '';
    if (!name || !password) throw new HttpError(400, 'Scrieți numele de utilizator și parola.');
    const pool = new pg.Pool({ connectionString: loginUrl(options.databaseUrl, name, password), max: options.poolSize ?? 4, idleTimeoutMillis: 60_000 });
    pool.on('error', () => undefined); // an idle connection that drops is replaced on the next request
    let groups: string[];
    try {
      const { rows } = await pool.query<{ login: string; groups: string[] }>(
        `SELECT session_user AS login, ARRAY(SELECT g.rolname::text FROM pg_roles g WHERE g.rolname IN ('secretariat', 'monitoring', 'finance', 'admin') AND pg_has_role(session_user, g.oid, 'MEMBER') ORDER BY 1) AS groups`,
      );
      groups = rows[0]?.groups ?? [];
    } catch (error) {
      await pool.end().catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (code === '28P01' || code === '28000') {
        await new Promise((resolve) => setTimeout(resolve, 300)); // slows down guessing
        throw new HttpError(401, 'Autentificare eșuată: numele de utilizator sau parola nu sunt corecte.');
      }
      throw error;
    }
    if (groups.length === 0) {
      await pool.end();
      throw new HttpError(403, `Contul „${name}” nu face parte din niciun grup al aplicației (secretariat, monitoring, finance, admin). Cereți administratorului să vi-l atribuie.`);
    }
    const token = randomBytes(32).toString('base64url');
    sessions.set(token, { login: name, groups, pool, lastUsed: Date.now() });
    sendJson(res, 200, { token, login: name, groups, schemaVersion: SERVER_SCHEMA_VERSION }, { 'set-cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${options.tls ? '; Secure' : ''}` });
  }

  async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    const root = path.resolve(options.staticDir ?? 'dist-web');
    let file = path.resolve(root, '.' + decodeURIComponent(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) throw new HttpError(404, 'Nu există.');
    let info = await stat(file).catch(() => undefined);
    if (!info || info.isDirectory()) {
      // The app's own routes (and the folder itself) answer with the page.
      file = path.join(root, 'index.html');
      info = await stat(file).catch(() => undefined);
      if (!info) throw new HttpError(404, 'Versiunea web a aplicației nu este construită (npm run build:web).');
    }
    const headers = { 'content-type': contentTypeFor(path.extname(file)), 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (path.basename(file) === 'index.html') {
      // The page tells the app it is a shared-mode workstation of this very server (same origin, session cookie).
      const page = Buffer.from(withServerMeta(await readFile(file, 'utf8')), 'utf8');
      res.writeHead(200, { ...headers, 'content-length': page.length, 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': info.size, 'cache-control': cacheControlFor(pathname) });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  const allowedOrigins = new Set(options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    // The desktop app calls the API from its own origin with a bearer token: CORS for the allowed origins only.
    const origin = req.headers.origin;
    if (origin && url.pathname.startsWith('/api/') && allowedOrigins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
        res.end();
        return;
      }
    }
    if (req.method === 'OPTIONS' && url.pathname.startsWith('/api/')) throw new HttpError(403, 'Această origine nu are voie să folosească serviciul (ALLOWED_ORIGINS).');
    if (route === 'POST /api/login') return login(req, res);
    if (route === 'GET /api/status') return sendJson(res, 200, { service: 'subventii-ong', schemaVersion: SERVER_SCHEMA_VERSION });
    if (route === 'GET /api/session') {
      const session = sessionOf(req);
      return sendJson(res, 200, { login: session.login, groups: session.groups, schemaVersion: SERVER_SCHEMA_VERSION });
    }
    if (route === 'POST /api/logout') {
      const session = sessionOf(req);
      for (const [token, s] of sessions) if (s === session) sessions.delete(token);
      await session.pool.end();
      return sendJson(res, 200, { ok: true }, { 'set-cookie': `${COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
    }
    if (route === 'POST /api/command') {
      const session = sessionOf(req);
      const body = await readJson(req);
      const client = await session.pool.connect();
      try {
        // {ops: [...]}: one repository transaction of a workstation, all or nothing; else one command.
        const ops = (body as { ops?: unknown }).ops;
        if (ops !== undefined) return sendJson(res, 200, { rows: await runCommands(client, ops as Command[]) });
        const row = await runCommand(client, body as unknown as Command);
        return sendJson(res, 200, { row });
      } catch (error) {
        if (error instanceof CommandError) return sendJson(res, error.status, { error: { kind: error.kind, message: error.message, ...error.details } });
        throw error;
      } finally {
        client.release();
      }
    }
    if (route === 'GET /api/changes') {
      const session = sessionOf(req);
      const since = Number(url.searchParams.get('since') ?? '0');
      const limit = Number(url.searchParams.get('limit') ?? '5000');
      if (!Number.isSafeInteger(since) || since < 0) throw new HttpError(400, 'Parametrul since trebuie să fie un număr întreg ≥ 0.');
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 50_000) throw new HttpError(400, 'Parametrul limit trebuie să fie între 1 și 50000.');
      // records: every replicated table without the audit log; audit: only the audit log (issue 13); absent: both.
      const part = (url.searchParams.get('part') ?? 'all') as FeedPart;
      if (!FEED_PARTS.includes(part)) throw new HttpError(400, 'Parametrul part trebuie să fie records sau audit.');
      const client = await session.pool.connect();
      try {
        return sendJson(res, 200, await changesSince(client, since, limit, part));
      } finally {
        client.release();
      }
    }
    if (route === 'GET /api/stream') {
      sessionOf(req);
      if (!listener) throw new HttpError(503, 'Serverul nu primește momentan notificările bazei de date; reîncercați în câteva secunde.');
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      res.write(`retry: 2000\nevent: ready\ndata: ${JSON.stringify({ schemaVersion: SERVER_SCHEMA_VERSION })}\n\n`);
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/')) throw new HttpError(404, `Ruta ${route} nu există.`);
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Metodă nepermisă.');
    return serveStatic(req, res, url.pathname);
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (error instanceof HttpError) sendJson(res, error.status, { error: { kind: 'request', message: error.message } });
      else {
        log(`Eroare internă la ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
        sendJson(res, 500, { error: { kind: 'server', message: 'Eroare internă a serverului; încercați din nou. Dacă se repetă, anunțați administratorul.' } });
      }
    });
  };
  const server = options.tls ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, onRequest) : http.createServer(onRequest);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    async close() {
      closing = true;
      clearInterval(heartbeat);
      clearInterval(sweeper);
      clearTimeout(retry);
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of new Set(sessions.values())) await session.pool.end().catch(() => undefined);
      sessions.clear();
      await listener?.end().catch(() => undefined);
    },
  };
}
