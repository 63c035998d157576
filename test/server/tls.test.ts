import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTls } from '../../server/config';
import { startService, type RunningService } from '../../server/service';
import { createTestDatabase, noPostgres, type Login, type TestDatabase } from './helpers';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasOpenssl) console.warn('tls.test.ts: SKIPPED — openssl is not installed, so no test certificate can be made.');

/** A request over HTTPS trusting only the test's own certificate (as a workstation trusts the office's). */
function request(url: string, ca: Buffer, init: { method?: string; body?: string; token?: string } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method ?? 'GET', ca, headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe.skipIf(noPostgres || !hasOpenssl)('the service over HTTPS', () => {
  let db: TestDatabase;
  let service: RunningService;
  let secretariat: Login;
  let dir: string;
  let cert: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'subventii-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', path.join(dir, 'server.key'), '-out', path.join(dir, 'server.crt')], { stdio: 'ignore' });
    cert = readFileSync(path.join(dir, 'server.crt'));
    db = await createTestDatabase('tls');
    secretariat = await db.createLogin('secretariat');
    const tls = await readTls({ certFile: path.join(dir, 'server.crt'), keyFile: path.join(dir, 'server.key') });
    service = await startService({ databaseUrl: db.owner.url, port: 0, tls, staticDir: dir, log: () => undefined });
  });
  afterAll(async () => {
    await service?.close();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers on https://, signs in, and marks its session cookie Secure', async () => {
    expect(service.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const status = await request(`${service.url}/api/status`, cert);
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({ service: 'subventii-ong' });
    const login = await request(`${service.url}/api/login`, cert, { method: 'POST', body: JSON.stringify({ login: secretariat.login, password: secretariat.password }) });
    expect(login.status).toBe(200);
    expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Secure/);
  });

  it('refuses a client that does not trust the certificate (no silent plain-text fallback)', async () => {
    await expect(request(`${service.url}/api/status`, Buffer.from(''))).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i);
  });
});
