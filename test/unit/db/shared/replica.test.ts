import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../../../renderer/db/database';
import { applyChanges, followServer, pullChanges, type ChangePage, type ConnectionStatus, type FeedPart, type FetchPage } from '../../../../renderer/db/shared/replica';
import type { StreamSource } from '../../../../renderer/db/shared/event-stream';
import type { SharedRow } from '../../../../renderer/db/shared/protocol';

async function replica() {
  const db = createDatabase(`replica-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await db.replicaState.put({ key: 'server', serverUrl: 'https://server.dasm.local', login: 'fin_ioana', groups: ['finance'], checkpoint: 0, schemaVersion: 5 });
  return db;
}

const org = (id: string, name: string, serverSeq: number, deleted = false): SharedRow => ({
  table: 'organizations', id, version: 1, deleted, serverSeq, modifiedBy: 'sec_ana',
  record: { id, name, cui: `${10_000_000 + serverSeq}`, locality: 'Cluj-Napoca', representativeName: 'Ana Pop', email: '', registryNumber: '', status: 'activ', version: 1, createdAt: '', updatedAt: '' },
});

describe('the replica applies the change feed', () => {
  it('pulls page by page: rows put, tombstones delete, units get the search text with their NGO, the checkpoint follows', async () => {
    const db = await replica();
    const pages: Record<number, ChangePage> = {
      0: { changes: [org('o1', 'Asociația Șansa', 1), org('o2', 'Fundația Doi', 2)], last: 2, more: true },
      2: {
        changes: [
          { table: 'units', id: 'u1', version: 1, deleted: false, serverSeq: 3, modifiedBy: 'sec_ana', record: { id: 'u1', organizationId: 'o1', name: 'Cantina Mănăștur', serviceCode: '8899 CPDH-I', locality: 'Cluj-Napoca', licenceNumber: '1', targetGroup: '' } },
          org('o2', 'Fundația Doi', 4, true),
          { table: 'audit', id: 'a1', version: 1, deleted: false, serverSeq: 5, modifiedBy: 'sec_ana', record: { id: 'a1', at: '2027-01-01T00:00:00.000Z', seq: 5, user: 'sec_ana', entity: 'organizations', entityId: 'o2', label: 'Fundația Doi', action: 'stergere', changes: [] } },
        ],
        last: 5,
        more: false,
      },
    };
    const asked: string[] = [];
    const applied = await pullChanges(db, async (since, part) => {
      asked.push(`${part}@${since}`);
      if (part === 'audit') {
        const changes = Object.values(pages).flatMap((p) => p.changes).filter((c) => c.table === 'audit' && c.serverSeq > since);
        return { changes, last: changes.at(-1)?.serverSeq ?? since, more: false };
      }
      const page = pages[since] ?? { changes: [], last: since, more: false };
      return { ...page, changes: page.changes.filter((c) => c.table !== 'audit') };
    });
    expect(applied).toBe(5);
    expect(asked).toEqual(['records@0', 'records@2', 'audit@0']);
    expect((await db.organizations.toArray()).map((o) => o.id)).toEqual(['o1']);
    expect((await db.organizations.get('o1'))?.searchText).toContain('asociatia sansa');
    expect((await db.units.get('u1'))?.searchText).toContain('asociatia sansa');
    expect(await db.audit.count()).toBe(1);
    expect((await db.replicaState.get('server'))).toMatchObject({ checkpoint: 4, auditCheckpoint: 5 });
  });

  it('saves the checkpoint in the same transaction as the rows: a chunk that fails leaves neither', async () => {
    const db = await replica();
    await applyChanges(db, [org('o1', 'Asociația Șansa', 1)]);
    const broken: SharedRow = { ...org('x', 'Fără cheie', 3), record: { name: 'Fără cheie' } }; // no id: IndexedDB refuses the put
    await expect(applyChanges(db, [org('o2', 'Fundația Doi', 2), broken])).rejects.toThrow();
    expect(await db.organizations.get('o2')).toBeUndefined();
    expect((await db.replicaState.get('server'))?.checkpoint).toBe(1);
  });

  it('applies 20,000 NGOs in chunks of a few thousand rows per transaction', async () => {
    const db = await replica();
    const changes = Array.from({ length: 20_000 }, (_, i) => org(`o${i}`, `Asociația ${i}`, i + 1));
    const started = performance.now();
    await applyChanges(db, changes);
    const ms = performance.now() - started;
    expect(await db.organizations.count()).toBe(20_000);
    expect((await db.replicaState.get('server'))?.checkpoint).toBe(20_000);
    expect(ms).toBeLessThan(20_000); // fake-indexeddb in Node; the browser figure is measured by the bench/e2e
  });
});

const auditEntry = (n: number, entityId: string): SharedRow => ({
  table: 'audit', id: `a${n}`, version: 1, deleted: false, serverSeq: n, modifiedBy: 'sec_ana',
  record: { id: `a${n}`, at: '2027-01-01T00:00:00.000Z', seq: n, user: 'sec_ana', entity: 'organizations', entityId, label: entityId, action: 'creare', changes: [] },
});

/** A feed as server/feed.ts serves it: each part in serverSeq order from `since`, `limit` rows a page; `asked` logs every request. */
function fakeFeed(rows: SharedRow[], limit = 3) {
  const asked: string[] = [];
  const fetchPage: FetchPage = async (since, part) => {
    asked.push(`${part}@${since}`);
    const after = rows.filter((c) => (c.table === 'audit') === (part === 'audit') && c.serverSeq > since);
    const changes = after.slice(0, limit);
    return { changes, last: changes.at(-1)?.serverSeq ?? since, more: after.length > limit };
  };
  return { asked, fetchPage };
}

/** Each NGO written and audited: the NGO at 2n-1, its audit entry at 2n. */
const written = (from: number, count: number) => Array.from({ length: count }, (_, i) => [org(`o${from + i}`, `Asociația ${from + i}`, 2 * (from + i) - 1), auditEntry(2 * (from + i), `o${from + i}`)]).flat();

describe('the records first, the audit log after (issue 13)', () => {
  it('a fresh replica gets every record and every audit entry, the records all before the first audit page', async () => {
    const db = await replica();
    const feed = fakeFeed(written(1, 10));
    let auditAtRecordsEnd = -1;
    const applied = await pullChanges(db, feed.fetchPage, () => {
      auditAtRecordsEnd = feed.asked.filter((a) => a.startsWith('audit')).length;
    });
    expect(applied).toBe(20);
    expect(auditAtRecordsEnd).toBe(0);
    expect(feed.asked).toEqual(['records@0', 'records@5', 'records@11', 'records@17', 'audit@0', 'audit@6', 'audit@12', 'audit@18']);
    expect((await db.organizations.toArray()).map((o) => o.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `o${i + 1}`).sort());
    expect((await db.audit.toArray()).map((a) => a.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `a${2 * (i + 1)}`).sort());
    expect(await db.replicaState.get('server')).toMatchObject({ checkpoint: 19, auditCheckpoint: 20 });
  });

  it('an existing replica without auditCheckpoint (filled by the feed of both) misses no audit entry, even when the audit pull fails after the records', async () => {
    const db = await replica();
    await applyChanges(db, written(1, 3)); // as before the split: both parts up to 6
    await db.replicaState.update('server', { auditCheckpoint: undefined });
    expect((await db.replicaState.get('server'))?.auditCheckpoint).toBeUndefined();
    const rows = written(1, 8);
    const feed = fakeFeed(rows);
    // The records arrive, then the audit pull fails: the audit log's checkpoint stays where its entries are.
    const failing: FetchPage = async (since, part) => {
      if (part === 'audit') throw new Error('changes: 503');
      return feed.fetchPage(since, part);
    };
    await expect(pullChanges(db, failing)).rejects.toThrow('503');
    expect(await db.replicaState.get('server')).toMatchObject({ checkpoint: 15, auditCheckpoint: 6 });
    expect(await db.organizations.count()).toBe(8);
    expect(await db.audit.count()).toBe(3);
    await pullChanges(db, feed.fetchPage);
    expect(feed.asked.filter((a) => a.startsWith('audit'))).toEqual(['audit@6', 'audit@12']);
    expect((await db.audit.toArray()).map((a) => a.id).sort()).toEqual(rows.filter((r) => r.table === 'audit').map((r) => r.id).sort());
    expect(await db.replicaState.get('server')).toMatchObject({ checkpoint: 15, auditCheckpoint: 16 });
  });
});

/** A stream the test announces on. */
function fakeStream() {
  const listeners = new Map<string, (() => void)[]>();
  const source: StreamSource = { addEventListener: (type, l) => listeners.set(type, [...(listeners.get(type) ?? []), l as () => void]), onerror: null, close: () => undefined };
  return { open: () => source, emit: (type: string) => listeners.get(type)?.forEach((l) => l()) };
}

describe('following the server: the audit log in the background', () => {
  it('is connected (the first-sync phase ends) once the records are in, before the audit log; then receives it, telling the progress', async () => {
    const db = await replica();
    const rows = written(1, 10);
    const feed = fakeFeed(rows);
    let releaseAudit!: () => void;
    const auditGate = new Promise<void>((r) => (releaseAudit = r));
    const fetchPage: FetchPage = async (since, part) => {
      if (part === 'audit') await auditGate;
      return feed.fetchPage(since, part);
    };
    const statuses: ConnectionStatus[] = [];
    const progress: [number, boolean][] = [];
    const stream = fakeStream();
    const stop = followServer(db, { streamUrl: 'x', fetchPage, onStatus: (s) => statuses.push(s), onAuditProgress: (n, done) => progress.push([n, done]), openStream: stream.open });
    stream.emit('ready');
    await expect.poll(() => statuses).toEqual(['syncing', 'connected']);
    expect(await db.organizations.count()).toBe(10);
    expect(await db.audit.count()).toBe(0);
    releaseAudit();
    await expect.poll(() => db.audit.count()).toBe(10);
    await expect.poll(() => progress).toEqual([[3, false], [6, false], [9, false], [10, true]]);
    expect(statuses).toEqual(['syncing', 'connected']);
    stop();
  });

  it('a records pull announced while the audit log arrives goes before its next page; nothing skipped, nothing twice', async () => {
    const db = await replica();
    const rows = written(1, 10);
    const feed = fakeFeed(rows);
    const gates: (() => void)[] = [];
    const fetchPage: FetchPage = async (since, part: FeedPart) => {
      if (part === 'audit') await new Promise<void>((r) => gates.push(r));
      return feed.fetchPage(since, part);
    };
    const stream = fakeStream();
    const stop = followServer(db, { streamUrl: 'x', fetchPage, onStatus: () => undefined, openStream: stream.open });
    stream.emit('ready');
    await expect.poll(() => gates.length).toBe(1);
    gates.shift()!(); // first audit page
    await expect.poll(() => gates.length).toBe(1);
    // A new NGO and its entry are committed, and announced while the second audit page is asked.
    rows.push(org('o11', 'Asociația Nouă', 21), auditEntry(22, 'o11'));
    stream.emit('changes');
    gates.shift()!();
    await expect.poll(async () => (await db.organizations.get('o11'))?.name).toBe('Asociația Nouă');
    const afterSecondAudit = feed.asked.slice(feed.asked.indexOf('audit@6') + 1);
    expect(afterSecondAudit[0]).toBe('records@19');
    for (let waited = 0; (await db.audit.count()) < 11 && waited < 2000; waited++) {
      if (gates.length > 0) gates.shift()!();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(await db.audit.count()).toBe(11);
    expect(feed.asked.filter((a) => a.startsWith('audit'))).toEqual(['audit@0', 'audit@6', 'audit@12', 'audit@18']);
    expect(feed.asked.filter((a) => a.startsWith('records'))).toEqual(['records@0', 'records@5', 'records@11', 'records@17', 'records@19']);
    expect(await db.replicaState.get('server')).toMatchObject({ checkpoint: 21, auditCheckpoint: 22 });
    stop();
  });
});
