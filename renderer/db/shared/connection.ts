import { liveQuery } from 'dexie';
import { DomainError } from '../../../src/errors';
import { createDatabase, DATABASE_NAME, installedSchemaVersion, NewerDatabaseError, SCHEMA_VERSION, type SubventiiDb } from '../database';
import { createStore, type DbStore } from '../store';
import { fetchEventStream, type StreamSource } from './event-stream';
import { httpTransport, ServerUnavailableError, type SharedTransport } from './protocol';
import { followServer, httpFetchPage, readReplicaState, type ConnectionStatus, type FetchPage } from './replica';
import { flushOutbox, installWritePath } from './write-path';

/**
 * The shared-mode runtime of a workstation: its replica database (never the local one), the
 * session with the server, following the change feed, and the state the screens show (status,
 * last synchronisation, drafts waiting). Loaded only in shared mode.
 */

/** sessionStorage key of the bearer token (a workstation on another origin than the server; same origin uses the HttpOnly cookie). */
export const TOKEN_STORAGE_KEY = 'subventii.token';
export const SIGNED_OUT_MESSAGE = 'Autentificați-vă pe server pentru a salva modificări.';
const UNREACHABLE_MESSAGE = 'Serverul nu poate fi contactat. Verificați rețeaua și că serviciul Subvenții ONG este pornit, apoi încercați din nou.';
/** Waits between two attempts to reach the server again (the last repeats). */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 3000, 5000, 10_000];
/** A pull of a few changes is done before this: "Se sincronizează…" shows only for a longer one (no flicker, no re-render per change). */
export const SYNCING_SHOWN_AFTER_MS = 500;

/** The replica's own database, one per server: `subventii-ong-server-1a2b3c4`. */
export function replicaDatabaseName(serverUrl: string): string {
  // FNV-1a (32 bits): short, stable, and synchronous (crypto.subtle is async and absent on http://).
  let hash = 0x811c9dc5;
  for (const char of new URL(serverUrl).origin) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${DATABASE_NAME}-server-${hash.toString(36)}`;
}

export type ConnectionPhase = 'starting' | 'signed-out' | 'first-sync' | 'ready';

export interface RefusedDraft {
  table: string;
  recordId: string;
  refusal: string;
}

export interface ConnectionState {
  /** starting: asking the server; signed-out: the sign-in page; first-sync: an empty replica being filled; ready: the app. */
  phase: ConnectionPhase;
  login: string;
  groups: string[];
  status: ConnectionStatus;
  /** When the replica last caught up with the server (ISO), kept across restarts. */
  lastSyncAt?: string;
  pendingDrafts: number;
  refusedDrafts: RefusedDraft[];
  /** Rows received since signing in (the first synchronisation's progress). */
  received: number;
  /** Audit entries received while the audit log still arrives after the records, in the background (issue 13); absent otherwise. */
  auditReceived?: number;
}

export interface ConnectionOptions {
  serverUrl: string;
  isSameOrigin: boolean;
  fetch?: typeof fetch;
  /** Where the bearer token is kept (sessionStorage): used only when the page is not of the server's origin. */
  tokenStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  openStream?: (url: string, token: string | undefined) => StreamSource;
  databaseName?: string;
  retryDelaysMs?: readonly number[];
  syncingShownAfterMs?: number;
  now?: () => Date;
}

export interface Connection {
  readonly serverUrl: string;
  readonly isSameOrigin: boolean;
  readonly store: DbStore;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** Asks the server for the session: signed in → follows it; 401 → sign-in; unreachable → offline, retrying. */
  start(): Promise<void>;
  /** Throws a DomainError with the server's Romanian reason (wrong password, no group, unreachable). */
  signIn(login: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  close(): void;
}

async function openReplica(name: string, transport: () => SharedTransport): Promise<SubventiiDb> {
  if ((await installedSchemaVersion(name)) > SCHEMA_VERSION) throw new NewerDatabaseError(`replica ${name} newer than ${SCHEMA_VERSION}`);
  const db = createDatabase(name);
  // Every transaction of this database goes to the server: it is a replica, never a local database.
  installWritePath(db, { active: () => true, transport });
  await db.open();
  return db;
}

function safeStorage(storage: ConnectionOptions['tokenStorage']) {
  return {
    get: () => {
      try {
        return storage?.getItem(TOKEN_STORAGE_KEY) ?? undefined;
      } catch {
        return undefined;
      }
    },
    set: (token: string) => {
      try {
        storage?.setItem(TOKEN_STORAGE_KEY, token);
      } catch {
        // storage refused: the token lives in memory for this window only
      }
    },
    remove: () => {
      try {
        storage?.removeItem(TOKEN_STORAGE_KEY);
      } catch {
        // nothing kept
      }
    },
  };
}

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? (() => new Date());
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const stored = safeStorage(options.isSameOrigin ? undefined : options.tokenStorage);
  let token: string | undefined = options.isSameOrigin ? undefined : stored.get();

  let state: ConnectionState = { phase: 'starting', login: '', groups: [], status: 'offline', pendingDrafts: 0, refusedDrafts: [], received: 0 };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<ConnectionState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };

  const http = () => httpTransport(serverUrl, token, fetchImpl);
  const transport: SharedTransport = {
    send(ops) {
      if (state.phase === 'signed-out') return Promise.reject(new DomainError(SIGNED_OUT_MESSAGE));
      // Known to be unreachable: refused (drafts queued) at once instead of waiting for a network timeout.
      if (state.status === 'offline') return Promise.reject(new ServerUnavailableError());
      return http().send(ops);
    },
  };
  const db = await openReplica(options.databaseName ?? replicaDatabaseName(serverUrl), () => transport);
  const store = createStore(db);

  const outbox = liveQuery(() => db.outbox.toArray()).subscribe({
    next: (entries) =>
      set({
        pendingDrafts: entries.filter((e) => !e.refusal).length,
        refusedDrafts: entries.filter((e) => e.refusal).map((e) => ({ table: e.table, recordId: e.recordId, refusal: e.refusal! })),
      }),
    error: () => undefined,
  });

  const authHeaders = (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  let closed = false;
  let stopFollowing: (() => void) | undefined;
  /** Grows at every start and stop of following: a report from a follower already stopped is ignored. */
  let generation = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let needsFlush = true;
  let flushing: Promise<unknown> = Promise.resolve();
  let syncingTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    generation++;
    clearTimeout(syncingTimer);
    stopFollowing?.();
    stopFollowing = undefined;
    clearTimeout(retryTimer);
    retryTimer = undefined;
  };

  const flush = () => {
    needsFlush = false;
    flushing = flushing.then(() => flushOutbox(db, http())).catch(() => {
      needsFlush = true;
    });
  };

  const onStatus = (status: ConnectionStatus) => {
    clearTimeout(syncingTimer);
    if (status === 'offline') {
      // The stream or a pull failed: the server went away or the session ended. Ask again, with a growing wait.
      stop();
      needsFlush = true;
      set({ status: 'offline', phase: state.phase === 'first-sync' ? 'ready' : state.phase, auditReceived: undefined });
      scheduleProbe();
      return;
    }
    if (status === 'connected') {
      attempt = 0;
      const lastSyncAt = now().toISOString();
      // Shown to the minute: kept (and re-rendered) when the minute changes, not at every change received.
      const isNewMinute = lastSyncAt.slice(0, 16) !== state.lastSyncAt?.slice(0, 16);
      if (isNewMinute) void db.replicaState.update('server', { lastSyncAt }).catch(() => undefined);
      if (isNewMinute || state.status !== 'connected' || state.phase !== 'ready') set({ status, phase: 'ready', ...(isNewMinute ? { lastSyncAt } : {}) });
      if (needsFlush) flush();
      return;
    }
    // syncing: at once while filling an empty replica or coming back; after a moment for the changes of a connected one.
    if (state.status === 'connected' && state.phase === 'ready') syncingTimer = setTimeout(() => set({ status }), options.syncingShownAfterMs ?? SYNCING_SHOWN_AFTER_MS);
    else set({ status });
  };

  const follow = () => {
    const base = httpFetchPage(serverUrl, token, 5000, fetchImpl);
    const fetchPage: FetchPage = async (since, part) => {
      const page = await base(since, part);
      if (state.phase === 'first-sync') set({ received: state.received + page.changes.length }); // the progress shown while filling
      return page;
    };
    const open = options.openStream ?? ((url: string, bearer: string | undefined) => (bearer ? fetchEventStream(url, bearer, fetchImpl) : (new EventSource(url, { withCredentials: true }) as unknown as StreamSource)));
    const mine = ++generation;
    const report = (status: ConnectionStatus) => {
      if (!closed && mine === generation) onStatus(status);
    };
    const onAuditProgress = (received: number, done: boolean) => {
      if (!closed && mine === generation) set({ auditReceived: done ? undefined : received });
    };
    stopFollowing = followServer(db, { streamUrl: `${serverUrl}/api/stream`, fetchPage, onStatus: report, onAuditProgress, openStream: (url) => open(url, token) });
  };

  const beginSession = async (login: string, groups: string[], schemaVersion: number) => {
    const previous = await readReplicaState(db);
    if (previous?.login && previous.login !== login) await holdDraftsOf(previous.login, login);
    // This login's own drafts, held while another one was signed in, go again.
    await db.outbox.filter((e) => e.heldFor === login).modify((e) => {
      delete e.refusal;
      delete e.heldFor;
    });
    if (previous) await db.replicaState.update('server', { serverUrl, login, groups, schemaVersion });
    else await db.replicaState.put({ key: 'server', serverUrl, login, groups, checkpoint: 0, auditCheckpoint: 0, schemaVersion });
    if (closed) return;
    stop();
    needsFlush = true; // every (re)started session sends what waits in the outbox once connected
    set({ login, groups, status: 'syncing', phase: (previous?.checkpoint ?? 0) > 0 ? 'ready' : 'first-sync', received: 0, auditReceived: undefined, lastSyncAt: previous?.lastSyncAt ?? state.lastSyncAt });
    follow();
  };

  // Drafts queued offline by another login are never sent in this one's name (the audit author is the login): kept, with the reason.
  const holdDraftsOf = async (author: string, login: string) => {
    const refusal = `Ciornă salvată de „${author}” cât serverul nu era disponibil; nu se trimite în numele lui „${login}”. Se trimite când „${author}” se autentifică din nou pe această stație.`;
    await db.outbox.filter((e) => !e.refusal).modify({ refusal, heldFor: author });
  };

  const signedOut = () => {
    stop();
    token = undefined;
    stored.remove();
    set({ phase: 'signed-out', status: 'offline', auditReceived: undefined });
  };

  const scheduleProbe = () => {
    if (closed) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void probe(), delays[Math.min(attempt, delays.length - 1)]);
    attempt++;
  };

  const probe = async (): Promise<void> => {
    let res: Response;
    try {
      res = await fetchImpl(`${serverUrl}/api/session`, { credentials: 'include', headers: authHeaders(), cache: 'no-store' });
    } catch {
      return offline();
    }
    if (closed) return;
    if (res.status === 401) return signedOut();
    if (!res.ok) return offline();
    const body = (await res.json().catch(() => undefined)) as { login?: string; groups?: string[]; schemaVersion?: number } | undefined;
    if (!body?.login) return offline();
    await beginSession(body.login, body.groups ?? [], body.schemaVersion ?? 0);
  };

  const offline = async () => {
    if (closed) return;
    if (state.phase === 'starting' || state.phase === 'first-sync') {
      // Unreachable at start: the replica as it was at the last synchronisation, read-only, as its last login.
      const known = await readReplicaState(db);
      set({ phase: 'ready', login: known?.login ?? state.login, groups: known?.groups ?? state.groups, lastSyncAt: known?.lastSyncAt ?? state.lastSyncAt });
    }
    set({ status: 'offline' });
    scheduleProbe();
  };

  return {
    serverUrl,
    isSameOrigin: options.isSameOrigin,
    store,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => probe(),
    async signIn(login, password) {
      let res: Response;
      try {
        res = await fetchImpl(`${serverUrl}/api/login`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
      } catch {
        throw new DomainError(UNREACHABLE_MESSAGE);
      }
      const body = (await res.json().catch(() => ({}))) as { token?: string; login?: string; groups?: string[]; schemaVersion?: number; error?: { message?: string } };
      if (!res.ok || !body.login) throw new DomainError(body.error?.message ?? `Serverul a refuzat autentificarea (cod ${res.status}).`);
      if (!options.isSameOrigin && body.token) {
        token = body.token;
        stored.set(body.token);
      }
      attempt = 0;
      await beginSession(body.login, body.groups ?? [], body.schemaVersion ?? 0);
    },
    async signOut() {
      stop();
      await fetchImpl(`${serverUrl}/api/logout`, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', ...authHeaders() }, body: '{}' }).catch(() => undefined);
      signedOut();
    },
    close() {
      closed = true;
      stop();
      outbox.unsubscribe();
      db.close();
    },
  };
}
