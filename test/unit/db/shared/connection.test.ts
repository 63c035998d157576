import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_NAME } from '../../../../renderer/db/database';
import { openConnection, replicaDatabaseName, SIGNED_OUT_MESSAGE, TOKEN_STORAGE_KEY, type Connection, type ConnectionState } from '../../../../renderer/db/shared/connection';
import { fetchEventStream, type StreamSource } from '../../../../renderer/db/shared/event-stream';
import { OFFLINE_MESSAGE, type SharedRow } from '../../../../renderer/db/shared/protocol';

/** A fake service: sessions, the change feed, the batch command; `down` makes every request fail like a closed port. */
function fakeServer() {
  const sessions = new Map<string, { login: string; groups: string[] }>();
  const passwords: Record<string, { password: string; groups: string[] }> = { secretar1: { password: 'parola-s', groups: ['secretariat'] }, monitor1: { password: 'parola-m', groups: ['monitoring'] } };
  const changes: SharedRow[] = [];
  const requests: { route: string; auth?: string }[] = [];
  const commands: { table: string; record: Record<string, unknown>; expectedVersion?: number }[][] = [];
  const server = { down: false, sessions, changes, requests, commands, cookie: undefined as string | undefined, pageLimit: Infinity, auditGate: Promise.resolve() };
  let seq = 0;
  const row = (table: string, record: Record<string, unknown>, version: number, login: string): SharedRow => {
    const stored: SharedRow = { table, id: String(record['id']), version, deleted: false, serverSeq: ++seq, modifiedBy: login, record: { ...record, version } };
    changes.push(stored);
    return stored;
  };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = (init?.headers ?? {}) as Record<string, string>;
    requests.push({ route: `${init?.method ?? 'GET'} ${url.pathname}`, auth: headers['authorization'] });
    if (server.down) throw new TypeError('fetch failed');
    const token = headers['authorization']?.replace('Bearer ', '') ?? server.cookie;
    const session = token ? sessions.get(token) : undefined;
    const unauthenticated = () => json(401, { error: { message: 'Nu sunteți autentificat sau sesiunea a expirat. Autentificați-vă din nou.' } });
    switch (`${init?.method ?? 'GET'} ${url.pathname}`) {
      case 'POST /api/login': {
        const { login, password } = JSON.parse(String(init!.body)) as { login: string; password: string };
        const known = passwords[login];
        if (!known || known.password !== password) return json(401, { error: { message: 'Autentificare eșuată: numele de utilizator sau parola nu sunt corecte.' } });
        const issued = `t-${login}-${sessions.size}`;
        sessions.set(issued, { login, groups: known.groups });
        return json(200, { token: issued, login, groups: known.groups, schemaVersion: 5 });
      }
      case 'GET /api/session':
        return session ? json(200, { ...session, schemaVersion: 5 }) : unauthenticated();
      case 'POST /api/logout':
        if (token) sessions.delete(token);
        return json(200, { ok: true });
      case 'GET /api/changes': {
        if (!session) return unauthenticated();
        const since = Number(url.searchParams.get('since'));
        const limit = Math.min(Number(url.searchParams.get('limit')), server.pageLimit);
        const part = url.searchParams.get('part');
        if (part === 'audit') await server.auditGate;
        const after = changes.filter((c) => c.serverSeq > since && (part === 'audit' ? c.table === 'audit' : part === 'records' ? c.table !== 'audit' : true));
        const page = after.slice(0, limit);
        return json(200, { changes: page, last: page.at(-1)?.serverSeq ?? since, more: after.length > limit });
      }
      case 'POST /api/command': {
        if (!session) return unauthenticated();
        const { ops } = JSON.parse(String(init!.body)) as { ops: { table: string; record: Record<string, unknown>; expectedVersion?: number }[] };
        commands.push(ops);
        return json(200, { rows: ops.map((op) => row(op.table, op.record, (op.expectedVersion ?? 0) + 1, session.login)) });
      }
      default:
        return json(404, {});
    }
  }) as typeof fetch;
  return { server, fetchImpl, row };
}

/** The event streams the connection opened: the test announces `ready`/`changes` or breaks them. */
function fakeStreams() {
  const opened: { url: string; token?: string; emit(type: string): void; fail(): void; isClosed: boolean }[] = [];
  const open = (url: string, token: string | undefined): StreamSource => {
    const listeners = new Map<string, ((e: { data: string }) => void)[]>();
    const stream = {
      url,
      token,
      isClosed: false,
      emit: (type: string) => listeners.get(type)?.forEach((l) => l({ data: '{}' })),
      fail: () => source.onerror?.(new Event('error')),
    };
    const source: StreamSource = {
      addEventListener: (type, l) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
      onerror: null,
      close: () => {
        stream.isClosed = true;
      },
    };
    opened.push(stream);
    return source;
  };
  return { opened, open, last: () => opened.at(-1)! };
}

function memoryStorage(): Storage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k), clear: () => map.clear(), key: () => null, length: 0 };
}

async function until(connection: Connection, check: (s: ConnectionState) => boolean, ms = 3000): Promise<ConnectionState> {
  const end = Date.now() + ms;
  while (!check(connection.getState())) {
    if (Date.now() > end) throw new Error(`state never matched: ${JSON.stringify(connection.getState())}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return connection.getState();
}

const organization = (id: string, name: string, cui = String(18_547_290 + Number(id.replace(/\D/g, '') || 0))) => ({ id, name, cui, locality: 'Cluj-Napoca', status: 'activ', version: 1, createdAt: '2027-01-01T00:00:00.000Z', updatedAt: '2027-01-01T00:00:00.000Z' });
const visit = (id: string, answer: string) => ({ id, planId: 'p1', conventionId: 'c1', unitId: 'u1', status: 'in-lucru', plannedDate: '2027-03-01', answers: { q1: answer }, version: 1 });

const open: Connection[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** Signed in as secretar1, the stream ready and the replica connected. */
async function connectedAsSecretariat(fake: ReturnType<typeof fakeServer>, streams: ReturnType<typeof fakeStreams>) {
  const connection = await connect(fake, streams);
  await connection.signIn('secretar1', 'parola-s');
  streams.last().emit('ready');
  await until(connection, (s) => s.status === 'connected');
  return connection;
}

async function connect(fake: ReturnType<typeof fakeServer>, streams: ReturnType<typeof fakeStreams>, extra: { isSameOrigin?: boolean; storage?: Storage } = {}) {
  const connection = await openConnection({
    serverUrl: 'https://subventii.example.ro:8443/',
    isSameOrigin: extra.isSameOrigin ?? false,
    fetch: fake.fetchImpl,
    tokenStorage: extra.storage ?? memoryStorage(),
    openStream: streams.open,
    databaseName: `conn-${Math.random().toString(36).slice(2)}`,
    retryDelaysMs: [10],
    now: () => new Date('2027-03-04T10:15:00.000Z'),
  });
  open.push(connection);
  return connection;
}

describe('the shared-mode connection', () => {
  it('names a replica database of its own per server, never the local one', () => {
    const a = replicaDatabaseName('https://subventii.example.ro:8443');
    expect(a).toMatch(new RegExp(`^${DATABASE_NAME}-server-[0-9a-z]+$`));
    expect(a).not.toBe(DATABASE_NAME);
    expect(replicaDatabaseName('https://subventii.example.ro:8443/')).toBe(a);
    expect(replicaDatabaseName('https://alt-server.example.ro')).not.toBe(a);
  });

  it('without a session asks to sign in; shows the server reason for a wrong password; signed in, fills the replica, then is connected', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    fake.row('organizations', organization('o1', 'Asociația Speranța'), 1, 'secretar1');
    fake.row('organizations', organization('o2', 'Fundația Rază de Soare'), 1, 'secretar1');
    const storage = memoryStorage();
    const connection = await connect(fake, streams, { storage });
    await connection.start();
    expect(connection.getState().phase).toBe('signed-out');
    expect(streams.opened).toHaveLength(0);

    await expect(connection.signIn('secretar1', 'gresita')).rejects.toThrow('Autentificare eșuată: numele de utilizator sau parola nu sunt corecte.');
    expect(connection.getState().phase).toBe('signed-out');

    await connection.signIn('secretar1', 'parola-s');
    expect(storage.map.get(TOKEN_STORAGE_KEY)).toBe('t-secretar1-0');
    expect(connection.getState()).toMatchObject({ phase: 'first-sync', login: 'secretar1', groups: ['secretariat'], status: 'syncing' });
    expect(streams.last()).toMatchObject({ url: 'https://subventii.example.ro:8443/api/stream', token: 't-secretar1-0' });
    streams.last().emit('ready');
    const state = await until(connection, (s) => s.status === 'connected');
    expect(state).toMatchObject({ phase: 'ready', received: 2, lastSyncAt: '2027-03-04T10:15:00.000Z' });
    expect((await connection.store.db.organizations.get('o2'))?.name).toBe('Fundația Rază de Soare');
    // A bearer token on every request after sign-in (the page is not of the server's origin).
    expect(fake.server.requests.filter((r) => r.route === 'GET /api/changes').every((r) => r.auth === 'Bearer t-secretar1-0')).toBe(true);
    expect((await connection.store.db.replicaState.get('server'))).toMatchObject({ login: 'secretar1', checkpoint: 2, lastSyncAt: '2027-03-04T10:15:00.000Z' });

    // A write goes to the server as one command and comes back into the replica.
    await connection.store.db.transaction('rw', connection.store.db.organizations, () => connection.store.db.organizations.put({ ...organization('o3', 'Asociația Nouă'), version: 0 } as never));
    expect(fake.server.commands.at(-1)).toMatchObject([{ table: 'organizations', record: { name: 'Asociația Nouă' }, expectedVersion: 0 }]);
    expect((await connection.store.db.organizations.get('o3'))?.version).toBe(1);

    await connection.signOut();
    expect(connection.getState().phase).toBe('signed-out');
    expect(storage.map.has(TOKEN_STORAGE_KEY)).toBe(false);
    expect(streams.last().isClosed).toBe(true);
    await expect(connection.store.db.transaction('rw', connection.store.db.organizations, () => connection.store.db.organizations.put(organization('o4', 'X') as never))).rejects.toThrow(SIGNED_OUT_MESSAGE);
    expect(await connection.store.db.organizations.get('o4')).toBeUndefined();
  });

  it('a fresh workstation is in the app once the records are in; the audit log arrives after, its progress shown while it takes more than a page', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    for (let i = 1; i <= 3; i++) {
      fake.row('organizations', organization(`o${i}`, `Asociația ${i}`), 1, 'secretar1');
      fake.row('audit', { id: `a${i}`, at: '2027-01-01T00:00:00.000Z', seq: 2 * i, user: 'secretar1', entity: 'organizations', entityId: `o${i}`, label: `Asociația ${i}`, action: 'creare', changes: [] }, 1, 'secretar1');
    }
    for (let i = 4; i <= 7; i++) fake.row('audit', { id: `a${i}`, at: '2027-01-01T00:00:00.000Z', seq: 3 + i, user: 'secretar1', entity: 'organizations', entityId: 'o1', label: 'Asociația 1', action: 'modificare', changes: [] }, 1, 'secretar1');
    fake.server.pageLimit = 2;
    let releaseAudit!: () => void;
    fake.server.auditGate = new Promise((r) => (releaseAudit = r));
    const connection = await connect(fake, streams);
    await connection.signIn('secretar1', 'parola-s');
    expect(connection.getState().phase).toBe('first-sync');
    const seen: (number | undefined)[] = [];
    connection.subscribe(() => seen.push(connection.getState().auditReceived));
    streams.last().emit('ready');
    const state = await until(connection, (s) => s.status === 'connected');
    expect(state).toMatchObject({ phase: 'ready', received: 3 });
    expect(await connection.store.db.organizations.count()).toBe(3);
    expect(await connection.store.db.audit.count()).toBe(0);
    releaseAudit();
    await expect.poll(() => connection.store.db.audit.count()).toBe(7);
    await until(connection, (s) => s.auditReceived === undefined && seen.includes(6));
    expect(seen.filter((n) => n !== undefined)).toEqual([2, 4, 6]);
    expect(connection.getState()).toMatchObject({ phase: 'ready', status: 'connected', received: 3 });
    expect(await connection.store.db.replicaState.get('server')).toMatchObject({ checkpoint: 5, auditCheckpoint: 10 });
    const asked = fake.server.requests.filter((r) => r.route === 'GET /api/changes');
    expect(asked.length).toBe(2 + 4);
  });

  it('a change received while connected lands in the replica without a visible "syncing" or any new state to render', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    const connection = await connectedAsSecretariat(fake, streams);
    const seen: string[] = [];
    connection.subscribe(() => seen.push(connection.getState().status));
    fake.row('organizations', organization('o5', 'Asociația Schimbată Acum'), 1, 'secretar1');
    streams.last().emit('changes');
    await expect.poll(async () => (await connection.store.db.organizations.get('o5'))?.name).toBe('Asociația Schimbată Acum');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([]); // same minute, still connected: the screens are not re-rendered for it
  });

  it('on the server\'s own page uses its session cookie: no token is kept or sent', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    fake.server.sessions.set('cookie-1', { login: 'secretar1', groups: ['secretariat'] });
    fake.server.cookie = 'cookie-1';
    const storage = memoryStorage();
    const connection = await connect(fake, streams, { isSameOrigin: true, storage });
    await connection.start();
    expect(connection.getState()).toMatchObject({ phase: 'first-sync', login: 'secretar1' });
    expect(streams.last().token).toBeUndefined();
    streams.last().emit('ready');
    await until(connection, (s) => s.status === 'connected');
    expect(fake.server.requests.every((r) => r.auth === undefined)).toBe(true);
    expect(storage.map.size).toBe(0);
  });

  it('unreachable at start: the replica read-only as last synchronised, drafts queued, refused edits; sends the drafts when the server is back', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    const storage = memoryStorage();
    const first = await connect(fake, streams, { storage });
    await first.signIn('monitor1', 'parola-m');
    fake.row('visits', visit('v1', ''), 1, 'monitor1');
    streams.last().emit('ready');
    await until(first, (s) => s.status === 'connected');
    const name = first.store.db.name;
    first.close();
    open.splice(0);

    // The next start of the workstation, server down.
    fake.server.down = true;
    const connection = await openConnection({ serverUrl: 'https://subventii.example.ro:8443', isSameOrigin: false, fetch: fake.fetchImpl, tokenStorage: storage, openStream: streams.open, databaseName: name, retryDelaysMs: [10], now: () => new Date('2027-03-05T08:00:00.000Z') });
    open.push(connection);
    await connection.start();
    expect(connection.getState()).toMatchObject({ phase: 'ready', status: 'offline', login: 'monitor1', groups: ['monitoring'], lastSyncAt: '2027-03-04T10:15:00.000Z' });
    const db = connection.store.db;
    await expect(db.transaction('rw', db.organizations, () => db.organizations.put(organization('o1', 'Asociația Offline') as never))).rejects.toThrow(OFFLINE_MESSAGE);
    await db.transaction('rw', db.visits, () => db.visits.put({ ...visit('v1', 'da'), version: 1 } as never));
    await until(connection, (s) => s.pendingDrafts === 1);
    expect((await db.visits.get('v1')) as unknown).toMatchObject({ answers: { q1: 'da' } });

    // Back: it finds the session again, follows the feed and sends the draft.
    fake.server.down = false;
    await until(connection, (s) => s.status === 'syncing' || s.status === 'connected');
    streams.last().emit('ready');
    const back = await until(connection, (s) => s.status === 'connected' && s.pendingDrafts === 0);
    expect(back.lastSyncAt).toBe('2027-03-05T08:00:00.000Z');
    expect(fake.server.commands.at(-1)).toMatchObject([{ table: 'visits', record: { answers: { q1: 'da' } }, expectedVersion: 1 }]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('when the stream drops it is offline and keeps asking; a session the server forgot (restarted) leads to sign-in', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    const connection = await connectedAsSecretariat(fake, streams);

    fake.server.down = true;
    streams.last().fail();
    expect(connection.getState().status).toBe('offline');
    const asked = fake.server.requests.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(fake.server.requests.slice(asked).filter((r) => r.route === 'GET /api/session').length).toBeGreaterThan(1);
    expect(connection.getState().phase).toBe('ready');

    fake.server.sessions.clear();
    fake.server.down = false;
    await until(connection, (s) => s.phase === 'signed-out');
  });

  it('never sends a draft in the name of another login: held with the reason, sent when its author signs in again', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    const connection = await connect(fake, streams);
    await connection.signIn('monitor1', 'parola-m');
    const db = connection.store.db;
    await db.outbox.add({ table: 'visits', recordId: 'v7', operation: 'put', record: visit('v7', 'da'), expectedVersion: 1, queuedAt: '2027-03-05T08:00:00.000Z' });
    await connection.signOut();

    await connection.signIn('secretar1', 'parola-s');
    streams.last().emit('ready');
    const other = await until(connection, (s) => s.status === 'connected' && s.refusedDrafts.length === 1);
    expect(other.refusedDrafts[0]!.refusal).toBe('Ciornă salvată de „monitor1” cât serverul nu era disponibil; nu se trimite în numele lui „secretar1”. Se trimite când „monitor1” se autentifică din nou pe această stație.');
    expect(fake.server.commands).toHaveLength(0);
    await connection.signOut();

    await connection.signIn('monitor1', 'parola-m');
    streams.last().emit('ready');
    await until(connection, (s) => s.status === 'connected' && s.refusedDrafts.length === 0 && s.pendingDrafts === 0);
    expect(fake.server.commands).toMatchObject([[{ table: 'visits', record: { id: 'v7' } }]]);
  });

  it('lists a draft the server refused with its reason', async () => {
    const fake = fakeServer();
    const streams = fakeStreams();
    const connection = await connect(fake, streams);
    await connection.signIn('monitor1', 'parola-m');
    const db = connection.store.db;
    await db.outbox.add({ table: 'visits', recordId: 'v9', operation: 'put', record: visit('v9', 'nu'), expectedVersion: 1, queuedAt: '2027-03-05T08:00:00.000Z', refusal: 'Vizita a fost modificată între timp de „monitor2”.' });
    const state = await until(connection, (s) => s.refusedDrafts.length === 1);
    expect(state.refusedDrafts).toEqual([{ table: 'visits', recordId: 'v9', refusal: 'Vizita a fost modificată între timp de „monitor2”.' }]);
    expect(state.pendingDrafts).toBe(0);
  });
});

describe('fetchEventStream', () => {
  it('reads server-sent events with a bearer token and reports the end of the stream once', async () => {
    const chunks = ['retry: 2000\nevent: ready\ndata: {"schemaVersion":5}\n\n: ping\n\nevent: chan', 'ges\ndata: {"table":"organizations"}\n\n'];
    let auth: string | undefined;
    const fetchImpl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      auth = (init?.headers as Record<string, string>)['authorization'];
      return new Response(new ReadableStream({ start(c) { for (const chunk of chunks) c.enqueue(new TextEncoder().encode(chunk)); c.close(); } }), { status: 200 });
    }) as typeof fetch;
    const events: string[] = [];
    let errors = 0;
    const source = fetchEventStream('https://s.example.ro/api/stream', 'tok', fetchImpl);
    source.addEventListener('ready', (e) => events.push(`ready ${e.data}`));
    source.addEventListener('changes', (e) => events.push(`changes ${e.data}`));
    source.onerror = () => errors++;
    await new Promise((r) => setTimeout(r, 20));
    expect(auth).toBe('Bearer tok');
    expect(events).toEqual(['ready {"schemaVersion":5}', 'changes {"table":"organizations"}']);
    expect(errors).toBe(1);
  });
});
