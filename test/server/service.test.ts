import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../server/service';
import { SERVER_SCHEMA_VERSION } from '../../server/migrate';
import { createTestDatabase, noPostgres, type Login, type TestDatabase } from './helpers';
import { organizationDraft } from './fixtures';

describe.skipIf(noPostgres)('the shared-mode HTTP service', () => {
  let db: TestDatabase;
  let service: RunningService;
  let secretariat: Login, finance: Login;
  let staticDir: string;
  const logged: string[] = [];

  const post = (route: string, body: unknown, token?: string) =>
    fetch(`${service.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const signIn = async (login: Login): Promise<string> => {
    const res = await post('/api/login', { login: login.login, password: login.password });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  /** Opens the event stream as a browser would (cookie) and reads it until a text appears. */
  const openStream = async (token: string) => {
    const controller = new AbortController();
    const res = await fetch(`${service.url}/api/stream`, { headers: { cookie: `subventii_session=${token}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    return {
      res,
      close: () => controller.abort(),
      async waitFor(needle: string, ms = 5000): Promise<void> {
        const until = Date.now() + ms;
        while (!text.includes(needle)) {
          if (Date.now() > until) throw new Error(`no "${needle}" in ${text}`);
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          text += decoder.decode(value, { stream: true });
        }
      },
      async ended(): Promise<boolean> {
        for (;;) {
          const { done } = await reader.read();
          if (done) return true;
        }
      },
    };
  };

  beforeAll(async () => {
    db = await createTestDatabase('service');
    secretariat = await db.createLogin('secretariat');
    finance = await db.createLogin('finance');
    staticDir = mkdtempSync(path.join(tmpdir(), 'subventii-web-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html lang="ro"><head><meta charset="UTF-8" /><title>Subvenții ONG</title></head><body></body></html>');
    // The service applies the migrations itself at start, on an empty database.
    service = await startService({ databaseUrl: db.owner.url, port: 0, staticDir, log: (line) => logged.push(line) });
  });
  afterAll(async () => {
    await service?.close();
    await db?.drop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('migrates at start and listens on 127.0.0.1 by default', async () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(logged.join('\n')).toContain(`Migrări aplicate: ${Array.from({ length: SERVER_SCHEMA_VERSION }, (_, i) => i + 1).join(', ')}`);
    expect(await (await fetch(`${service.url}/api/status`)).json()).toEqual({ service: 'subventii-ong', schemaVersion: SERVER_SCHEMA_VERSION });
  });

  it('signs in with the PostgreSQL login and password, and refuses a wrong one', async () => {
    const wrong = await post('/api/login', { login: secretariat.login, password: 'nu-este-parola' });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe('Autentificare eșuată: numele de utilizator sau parola nu sunt corecte.');
    const res = await post('/api/login', { login: secretariat.login, password: secretariat.password });
    const body = (await res.json()) as { token: string; login: string; groups: string[] };
    expect(body).toMatchObject({ login: secretariat.login, groups: ['secretariat'] });
    // The password PostgreSQL checked is kept as a SCRAM verifier (the service never stores it).
    const { rows } = await db.superuser.query(`SELECT rolpassword FROM pg_authid WHERE rolname = $1`, [secretariat.login]);
    expect(rows[0].rolpassword).toMatch(/^SCRAM-SHA-256\$/);
    expect(res.headers.get('set-cookie')).toMatch(/^subventii_session=[\w-]+; HttpOnly; SameSite=Strict/);
    const anonymous = await post('/api/command', { table: 'organizations', operation: 'put', record: organizationDraft() });
    expect(anonymous.status).toBe(401);
  });

  it('runs commands as the login: stored record, conflict with the current record, permission refused', async () => {
    const sec = await signIn(secretariat);
    const fin = await signIn(finance);
    const created = await post('/api/command', { table: 'organizations', operation: 'put', record: organizationDraft({ name: 'Asociația Rază de Soare' }) }, sec);
    expect(created.status).toBe(200);
    const { row } = (await created.json()) as { row: { id: string; version: number; modifiedBy: string; record: Record<string, unknown> } };
    expect(row).toMatchObject({ version: 1, modifiedBy: secretariat.login });

    const updated = await post('/api/command', { table: 'organizations', operation: 'put', record: { ...row.record, phone: '0264 111 222' }, expectedVersion: 1 }, sec);
    expect(updated.status).toBe(200);
    const stale = await post('/api/command', { table: 'organizations', operation: 'put', record: { ...row.record, notes: 'a doua fișă' }, expectedVersion: 1 }, sec);
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { kind: string; message: string; current: { version: number; record: Record<string, unknown> } } };
    expect(conflict.error.kind).toBe('conflict');
    expect(conflict.error.message).toContain('a fost modificat între timp');
    expect(conflict.error.current).toMatchObject({ version: 2, record: { phone: '0264 111 222' } });

    const refused = await post('/api/command', { table: 'organizations', operation: 'put', record: { ...row.record, notes: 'finanțe' }, expectedVersion: 2 }, fin);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { kind: string; message: string } }).error).toMatchObject({ kind: 'permission', message: expect.stringContaining('Permisiune refuzată') });

    const invalid = await post('/api/command', { table: 'organizations', operation: 'put', record: organizationDraft({ email: 'nu-este-email' }) }, sec);
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { fields: Record<string, string> } }).error.fields['email']).toBeTruthy();
  });

  it('runs a batch of commands in one transaction: all stored with an audit entry each, or none when one op is refused', async () => {
    const sec = await signIn(secretariat);
    const a = organizationDraft({ name: 'Asociația Lotul Unu' });
    const b = organizationDraft({ name: 'Asociația Lotul Doi' });
    const ok = await post('/api/command', { ops: [{ table: 'organizations', operation: 'put', record: a }, { table: 'organizations', operation: 'put', record: b }] }, sec);
    expect(ok.status).toBe(200);
    const { rows } = (await ok.json()) as { rows: { id: string; version: number; serverSeq: number; modifiedBy: string; record: Record<string, unknown> }[] };
    expect(rows.map((r) => r.record['name'])).toEqual(['Asociația Lotul Unu', 'Asociația Lotul Doi']);
    expect(rows.every((r) => r.version === 1 && r.modifiedBy === secretariat.login && r.serverSeq > 0)).toBe(true);
    const { rows: audit } = await db.superuser.query(`SELECT entity_id FROM audit WHERE entity = 'organizations' AND entity_id = ANY($1)`, [rows.map((r) => r.id)]);
    expect(audit.map((r) => r.entity_id).sort()).toEqual(rows.map((r) => r.id).sort());

    // The second op is invalid: the first (valid) one must not be stored either.
    const before = await db.superuser.query(`SELECT count(*)::int AS n FROM audit`);
    const refused = await post('/api/command', {
      ops: [
        { table: 'organizations', operation: 'put', record: { ...rows[0]!.record, phone: '0264 999 888' }, expectedVersion: 1 },
        { table: 'organizations', operation: 'put', record: organizationDraft({ name: 'Asociația Greșită', email: 'nu-este-email' }) },
      ],
    }, sec);
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { index: number; fields: Record<string, string> } };
    expect(body.error.index).toBe(1);
    expect(body.error.fields['email']).toBeTruthy();
    const { rows: still } = await db.superuser.query(`SELECT version, record ->> 'phone' AS phone FROM organizations WHERE id = $1`, [rows[0]!.id]);
    expect(still[0]).toMatchObject({ version: 1 });
    expect(still[0].phone).not.toBe('0264 999 888');
    const { rows: none } = await db.superuser.query(`SELECT count(*)::int AS n FROM organizations WHERE record ->> 'name' = 'Asociația Greșită'`);
    expect(none[0].n).toBe(0);
    expect((await db.superuser.query(`SELECT count(*)::int AS n FROM audit`)).rows[0].n).toBe(before.rows[0].n);

    // A stale version in a batch is a conflict with the current row, nothing written.
    const stale = await post('/api/command', { ops: [{ table: 'organizations', operation: 'put', record: { ...rows[1]!.record, notes: 'x' }, expectedVersion: 7 }] }, sec);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { current: { version: number } } }).error.current.version).toBe(1);
    expect((await post('/api/command', { ops: [] }, sec)).status).toBe(422);
  });

  it('serves the change feed in order and announces new commits on the event stream', async () => {
    const sec = await signIn(secretariat);
    const fin = await signIn(finance);
    const first = (await (await fetch(`${service.url}/api/changes?since=0`, { headers: { authorization: `Bearer ${fin}` } })).json()) as {
      changes: { table: string; serverSeq: number; record: Record<string, unknown> }[];
      last: number;
    };
    expect(first.changes.length).toBeGreaterThan(0);
    expect(first.changes.some((c) => c.table === 'audit' && c.record['user'] === secretariat.login && c.record['action'] === 'creare')).toBe(true);
    expect(first.last).toBe(first.changes.at(-1)!.serverSeq);

    // Finance's workstation listens (cookie, as a browser's EventSource sends it).
    const stream = await openStream(fin);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    await stream.waitFor('event: ready');
    const sent = Date.now();
    await post('/api/command', { table: 'organizations', operation: 'put', record: organizationDraft({ name: 'Fundația Nouă' }) }, sec);
    await stream.waitFor('event: changes\ndata: {"table":"organizations"}');
    expect(Date.now() - sent).toBeLessThan(1000);
    stream.close();

    const next = (await (await fetch(`${service.url}/api/changes?since=${first.last}`, { headers: { authorization: `Bearer ${fin}` } })).json()) as {
      changes: { table: string; record: Record<string, unknown> }[];
    };
    expect(next.changes.filter((c) => c.table === 'organizations').map((c) => c.record['name'])).toEqual(['Fundația Nouă']);
    const bad = await fetch(`${service.url}/api/changes?since=-1`, { headers: { authorization: `Bearer ${fin}` } });
    expect(bad.status).toBe(400);

    // The two parts (issue 13): the records without the audit log, the audit log alone; together the whole feed.
    type Page = { changes: { table: string; serverSeq: number }[]; last: number; more: boolean };
    const part = async (name: string) => (await (await fetch(`${service.url}/api/changes?since=0&limit=50000${name ? `&part=${name}` : ''}`, { headers: { authorization: `Bearer ${fin}` } })).json()) as Page;
    const [all, records, audit] = [await part(''), await part('records'), await part('audit')];
    expect(records.changes.length).toBeGreaterThan(0);
    expect(records.changes.some((c) => c.table === 'audit')).toBe(false);
    expect(audit.changes.length).toBeGreaterThan(0);
    expect(audit.changes.every((c) => c.table === 'audit')).toBe(true);
    expect([...records.changes, ...audit.changes].map((c) => c.serverSeq).sort((a, b) => a - b)).toEqual(all.changes.map((c) => c.serverSeq));
    expect(records.last).toBe(records.changes.at(-1)!.serverSeq);
    expect(audit.last).toBe(audit.changes.at(-1)!.serverSeq);
    expect((await fetch(`${service.url}/api/changes?since=0&part=jurnal`, { headers: { authorization: `Bearer ${fin}` } })).status).toBe(400);
  });

  it('listens again when its notification connection drops, closing the streams so that workstations reconnect', async () => {
    const sec = await signIn(secretariat);
    const stream = await openStream(sec);
    await stream.waitFor('event: ready');
    const { rows } = await db.superuser.query(`SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity WHERE application_name = 'subventii-notificari' AND datname = current_database()`);
    expect(rows).toEqual([{ done: true }]);
    expect(await stream.ended()).toBe(true);
    let again: Awaited<ReturnType<typeof openStream>> | undefined;
    for (let i = 0; i < 50 && !again; i++) {
      const attempt = await openStream(sec);
      if (attempt.res.status === 200) again = attempt;
      else {
        expect(attempt.res.status).toBe(503);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await again!.waitFor('event: ready');
    await post('/api/command', { table: 'organizations', operation: 'put', record: organizationDraft() }, sec);
    await again!.waitFor('event: changes');
    again!.close();
    expect(logged.join('\n')).toContain('Conexiunea de notificare s-a întrerupt');
  });

  it('answers the session of a cookie or a bearer token with the login and its groups, and 401 without one', async () => {
    const token = await signIn(finance);
    const byCookie = await fetch(`${service.url}/api/session`, { headers: { cookie: `subventii_session=${token}` } });
    expect(byCookie.status).toBe(200);
    expect(await byCookie.json()).toEqual({ login: finance.login, groups: ['finance'], schemaVersion: SERVER_SCHEMA_VERSION });
    const byBearer = await fetch(`${service.url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await byBearer.json()) as { login: string }).login).toBe(finance.login);
    const anonymous = await fetch(`${service.url}/api/session`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { message: string } }).error.message).toContain('Nu sunteți autentificat');
    const unknown = await fetch(`${service.url}/api/session`, { headers: { authorization: 'Bearer nu-exista' } });
    expect(unknown.status).toBe(401);
  });

  it('answers CORS for the desktop app\'s origin only: the preflight, then the API with a bearer token', async () => {
    const preflight = await fetch(`${service.url}/api/command`, { method: 'OPTIONS', headers: { origin: 'app://subventii', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('app://subventii');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const token = await signIn(finance);
    const session = await fetch(`${service.url}/api/session`, { headers: { origin: 'app://subventii', authorization: `Bearer ${token}` } });
    expect(session.headers.get('access-control-allow-origin')).toBe('app://subventii');
    expect(((await session.json()) as { login: string }).login).toBe(finance.login);

    const foreign = await fetch(`${service.url}/api/command`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const foreignGet = await fetch(`${service.url}/api/status`, { headers: { origin: 'https://evil.example' } });
    expect(foreignGet.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('ends a session on sign-out and after it stays unused', async () => {
    const token = await signIn(secretariat);
    expect((await post('/api/logout', {}, token)).status).toBe(200);
    expect((await fetch(`${service.url}/api/changes?since=0`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);

    const short = await startService({ databaseUrl: db.owner.url, port: 0, staticDir, sessionIdleMs: 150, log: () => undefined });
    try {
      const res = await fetch(`${short.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: finance.login, password: finance.password }) });
      const { token: idle } = (await res.json()) as { token: string };
      const changes = () => fetch(`${short.url}/api/changes?since=0&limit=1`, { headers: { authorization: `Bearer ${idle}` } });
      expect((await changes()).status).toBe(200);
      await new Promise((r) => setTimeout(r, 500));
      const expired = await changes();
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toContain('sesiunea a expirat');
    } finally {
      await short.close();
    }
  });

  it('serves the web build, its routes, and nothing outside it', async () => {
    const page = await fetch(`${service.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Subvenții ONG');
    expect(await (await fetch(`${service.url}/catalog/ong`)).text()).toContain('Subvenții ONG');
    // The page says it is a workstation of this server, right after <head>, whatever route served it.
    for (const route of ['/', '/index.html', '/catalog/ong']) {
      const html = await (await fetch(`${service.url}${route}`)).text();
      expect(html).toContain('<head><meta name="subventii-server" content="same-origin" /><meta charset="UTF-8" />');
      expect(html.match(/subventii-server/g)).toHaveLength(1);
    }
    const head = await fetch(`${service.url}/`, { method: 'HEAD' });
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(await (await fetch(`${service.url}/`)).text()));
    // The build's content-hashed files are kept by the browser (a new build names new files); the rest is asked for again.
    mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    writeFileSync(path.join(staticDir, 'assets', 'catalog-screen-D3BgAIKM.js'), 'export {};');
    writeFileSync(path.join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const script = await fetch(`${service.url}/assets/catalog-screen-D3BgAIKM.js`);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${service.url}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const outside = await fetch(`${service.url}/..%2f..%2fetc%2fpasswd`);
    expect(await outside.text()).not.toContain('root:');
    expect((await fetch(`${service.url}/api/nu-exista`)).status).toBe(404);
  });
});
