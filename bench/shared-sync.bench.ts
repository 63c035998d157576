// Fresh sync of 20,000 NGOs into a workstation replica (issue 13): our applyChanges (the entry
// point pullChanges uses for every page of /api/changes: chunked rw transactions, search text in
// bulk, checkpoint in the same transaction) against bare IndexedDB doing the same work: the same
// pages put into the object store, one transaction per page, no search text, no checkpoint.
// In Node on fake-indexeddb (the browser figure differs; the server side is timed by the server tests).
import { it } from 'vitest';
import { createDatabase } from '../renderer/db/database';
import { applyChanges } from '../renderer/db/shared/replica';
import type { SharedRow } from '../renderer/db/shared/protocol';
import { makeCui } from './report';

const COUNT = 20_000;
const PAGE = 5000;

const rows: SharedRow[] = Array.from({ length: COUNT }, (_, i) => ({
  table: 'organizations', id: `o${i}`, version: 1, deleted: false, serverSeq: i + 1, modifiedBy: 'sec_ana',
  record: { id: `o${i}`, name: `Asociația Speranța ${i}`, cui: makeCui(i), locality: 'Cluj-Napoca', representativeName: 'Maria Pop', email: `contact${i}@ong.ro`, registryNumber: `${i}/2010`, status: 'activ', version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
}));
const pages = Array.from({ length: COUNT / PAGE }, (_, p) => rows.slice(p * PAGE, (p + 1) * PAGE));

async function ours(): Promise<number> {
  const db = createDatabase(`bench-sync-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await db.replicaState.put({ key: 'server', serverUrl: 'x', login: 'x', groups: [], checkpoint: 0, schemaVersion: 5 });
  const start = performance.now();
  for (const page of pages) await applyChanges(db, page);
  const ms = performance.now() - start;
  db.close();
  return ms;
}

async function bare(): Promise<number> {
  const name = `bench-bare-${Math.random().toString(36).slice(2)}`;
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name, 1);
    req.onupgradeneeded = () => req.result.createObjectStore('organizations', { keyPath: 'id' }).createIndex('cui', 'cui', { unique: true });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const start = performance.now();
  for (const page of pages) {
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('organizations', 'readwrite');
      const store = tx.objectStore('organizations');
      for (const r of page) store.put(r.record);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  const ms = performance.now() - start;
  idb.close();
  return ms;
}

it(`fresh sync of ${COUNT} NGOs into the replica`, async () => {
  await ours();
  await bare(); // warm-up
  const o: number[] = [];
  const b: number[] = [];
  for (let run = 0; run < 4; run++) {
    o.push(await ours());
    b.push(await bare());
  }
  const stats = (xs: number[]) => {
    const s = [...xs].sort((x, y) => x - y);
    return { min: s[0]!, median: (s[1]! + s[2]!) / 2 };
  };
  const so = stats(o);
  const sb = stats(b);
  console.log(
    [
      `\nSincronizare inițială, ${COUNT} ONG-uri (pagini de ${PAGE}), fake-indexeddb`,
      `  ours: applyChanges per page (chunks, search text, checkpoint)   min ${so.min.toFixed(0)} ms   median ${so.median.toFixed(0)} ms`,
      `  bare: IndexedDB put per row, one transaction per page          min ${sb.min.toFixed(0)} ms   median ${sb.median.toFixed(0)} ms`,
      `  ratio min ${(so.min / sb.min).toFixed(2)}×   median ${(so.median / sb.median).toFixed(2)}×   (target: < 10 s in the browser)`,
    ].join('\n'),
  );
});
