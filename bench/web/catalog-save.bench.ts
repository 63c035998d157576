// One saved NGO, write → shown, at 5,000 / 10,000 / 20,000 NGOs stored (issue 10, the table
// mirror): the catalog's grid shows an NGO, its dialog is open with a new name typed; timed in the
// page from the click on „Salvează” to the frame after the grid shows the new name. The name sorts
// first, so that its row is in the grid's window. Baseline, alternating with the app (the first
// pair a warm-up): the same write with the bare IndexedDB API — the NGO read and put with its new
// name and one audit entry added, in one transaction, in a database of its own holding as many NGOs
// — then the name written into a row of a bare table, to the frame after. Before the mirror the
// catalog read every NGO again on any change: 1,083 ms median at 20,000 (README).
import { expect, test } from '@playwright/test';
import { restoreSeed, seedFile } from './seed';
import { printTable, summary, type BenchRow } from './timing';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [20_000];
const RUNS = 9;

test('one saved NGO: write → shown in the catalog', async ({ page }) => {
  const table: BenchRow[] = [];
  for (const size of SIZES) {
    await restoreSeed(page, await seedFile({ organizations: size }), size);
    const grid = page.getByRole('grid', { name: 'Catalog ONG' });
    const times: number[] = [];
    const bareTimes: number[] = [];
    // The baseline's database: a copy of the NGOs (bare IndexedDB), and its table.
    await page.evaluate(async () => {
      const open = (name: string, upgrade?: (db: IDBDatabase) => void) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open(name, 1);
          r.onupgradeneeded = () => upgrade?.(r.result);
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
      const app = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('subventii-ong').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
      const all = await new Promise<unknown[]>((resolve) => (app.transaction('organizations').objectStore('organizations').getAll().onsuccess = (e) => resolve((e.target as IDBRequest).result)));
      app.close();
      // A fresh copy for each size: the one of an earlier size holds other NGOs.
      await new Promise((resolve) => (indexedDB.deleteDatabase('bench-bare-save').onsuccess = resolve));
      const bare = await open('bench-bare-save', (db) => {
        db.createObjectStore('organizations', { keyPath: 'id' });
        db.createObjectStore('audit', { keyPath: 'id' });
      });
      await new Promise<void>((resolve) => {
        const tx = bare.transaction('organizations', 'readwrite');
        for (const o of all) tx.objectStore('organizations').put(o);
        tx.oncomplete = () => resolve();
      });
      bare.close();
    });
    const bare = (run: number) =>
      page.evaluate(async (n) => {
        const db = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('bench-bare-save', 1).onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
        const first = await new Promise<{ id: string }>((resolve) => (db.transaction('organizations').objectStore('organizations').openCursor().onsuccess = (e) => resolve((e.target as IDBRequest<IDBCursorWithValue>).result.value)));
        const overlay = document.createElement('table');
        overlay.style.cssText = 'position:fixed;top:120px;left:300px;background:#fff;z-index:99999';
        const cell = overlay.insertRow().insertCell();
        document.body.append(overlay);
        await new Promise((r) => requestAnimationFrame(r));
        const start = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['organizations', 'audit'], 'readwrite');
          const store = tx.objectStore('organizations');
          const get = store.get(first.id);
          get.onsuccess = () => {
            const before = get.result as { id: string; name: string; version: number };
            const after = { ...before, name: `Aaa bare ${n}`, version: before.version + 1, updatedAt: new Date().toISOString() };
            store.put(after);
            tx.objectStore('audit').put({ id: crypto.randomUUID(), at: after.updatedAt, entity: 'organizations', entityId: after.id, action: 'modificare', before, after });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        cell.textContent = `Aaa bare ${n}`;
        const ms = await new Promise<number>((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(performance.now() - start);
            channel.port2.postMessage(null);
          }),
        );
        db.close();
        overlay.remove();
        return ms;
      }, run);
    for (let run = 0; run <= RUNS; run++) {
      // The sides alternate which goes first (the app's dialog is opened and typed in before its timing starts).
      const bareFirst = run % 2 === 1 ? await bare(run) : undefined;
      await grid.locator('.MuiDataGrid-row[data-id]').first().locator('.MuiDataGrid-cell').first().click();
      const dialog = page.getByRole('dialog');
      const name = `Aaa Asociația de probă ${size}-${run}`;
      const field = dialog.getByRole('textbox', { name: 'Denumire', exact: true });
      await field.fill(name);
      await field.blur();
      const ms = await page.evaluate(
        (expected) =>
          new Promise<number>((resolve) => {
            const shown = document.querySelector('[role="grid"][aria-label="Catalog ONG"]')!;
            const save = [...document.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Salvează') as HTMLButtonElement;
            const isShown = () => [...shown.querySelectorAll('.MuiDataGrid-cell')].some((c) => c.textContent === expected);
            const observer = new MutationObserver(() => {
              if (!isShown()) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - start);
                channel.port2.postMessage(null);
              });
            });
            observer.observe(shown, { subtree: true, childList: true, characterData: true });
            const start = performance.now();
            save.click();
          }),
        name,
      );
      await expect(page.getByText(/au fost salvate/)).toBeVisible();
      await dialog.getByRole('button', { name: 'Închide' }).click();
      await expect(dialog).toHaveCount(0);
      const bareMs = bareFirst ?? (await bare(run));
      // The first pair is a warm-up.
      if (run > 0) {
        times.push(ms);
        bareTimes.push(bareMs);
      }
    }
    await page.evaluate(() => new Promise((resolve) => (indexedDB.deleteDatabase('bench-bare-save').onsuccess = resolve)));
    table.push({ job: 'save one NGO → shown in the grid', size: `${size} NGOs`, app: summary(times), baseline: summary(bareTimes), goal: '— (before the mirror: 1,083 ms median)' });
  }
  printTable('Catalog: one saved NGO', table);
});
