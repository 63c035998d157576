// The data the browser benchmarks run on, stored in the page the way a user stores it: a backup
// file generated here (seed-data.ts, in Node) and restored through Setări → Copie de siguranță,
// so that no bench-only code enters the production bundle.
import { expect, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { formatShownOf } from '../../src/money';
import type { SeedSize, seedBackupText } from './seed-data';

export { COMMISSION_ROUND, EMPTY_ROUND, REQUESTS_ROUND } from './seed-names';
export type { SeedSize };

/** Where generated seed files are kept between runs (generating 20,000 NGOs takes a few seconds). */
const SEED_DIR = fileURLToPath(new URL('../../test-results/bench-seeds/', import.meta.url));

// A seed kept from a run of older generator code would be restored as it was (and refused by a
// stricter restore), and one written for an older schema version is refused: the file name carries
// a hash of the generator's source and of the schema's list of versions (renderer/db/database.ts).
const SEED_SOURCE = fileURLToPath(new URL('./seed-data.ts', import.meta.url));
const SCHEMA_SOURCE = fileURLToPath(new URL('../../renderer/db/database.ts', import.meta.url));
const GENERATOR_HASH = createHash('sha256').update(readFileSync(SEED_SOURCE)).update(readFileSync(SCHEMA_SOURCE)).digest('hex').slice(0, 12);

/** Writes (once per version of the generator) the backup file of a size and returns its path. */
export async function seedFile(size: SeedSize, dir = SEED_DIR): Promise<string> {
  const key = `seed-${size.organizations}-${size.units ?? 'u'}-${size.roundRequests ?? 0}-${size.commissionRequests ?? 0}${size.emptyRound ? '-e' : ''}-${GENERATOR_HASH}.json`;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, key);
  if (existsSync(path)) return path;
  const { module } = await runnerImport<{ seedBackupText: typeof seedBackupText }>(SEED_SOURCE, { configFile: false, logLevel: 'error' });
  // Written aside and renamed: another worker reading the same seed never sees half a file.
  const partial = `${path}.${process.pid}.partial`;
  writeFileSync(partial, await module.seedBackupText(size));
  renameSync(partial, path);
  return path;
}
/**
 * Restores a seed file through Setări → Copie de siguranță, waits until the catalog holds it and
 * until the app has rebuilt its copy of the NGOs (a 20 MB write, about 100 ms of the page's main
 * thread, 1.5 s after the catalog read the table): a bench timing a screen right after a restore
 * would otherwise find that write inside its runs, which no day but the first after an import has.
 */
export async function restoreSeed(page: Page, path: string, organizations: number): Promise<void> {
  await page.goto('/#/setari');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restaurează din copie…' }).click();
  await (await chooser).setFiles(path);
  const confirm = page.getByRole('dialog', { name: 'Restaurare din copia de siguranță' });
  await confirm.getByRole('button', { name: 'Restaurează' }).click({ timeout: 300_000 });
  await expect(page.getByText('Datele au fost restaurate din copia de siguranță.')).toBeVisible({ timeout: 300_000 });
  await page.goto('/#/catalog');
  await expect(page.getByText(formatShownOf(organizations, organizations, 'ONG-uri'))).toBeVisible({ timeout: 120_000 });
  await copyBuilt(page, 'organizations', organizations);
}

/**
 * Waits until the app has rebuilt its copy of a table read at start (renderer/db/table-snapshots.ts;
 * read with the bare API, a second connection): what every start but the first after a bulk change finds.
 */
export async function copyBuilt(page: Page, table: 'organizations' | 'units', count?: number): Promise<void> {
  const built = () =>
    page.evaluate(
      ([name, n]) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open('subventii-ong');
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('tableSnapshots')) return (db.close(), resolve(false));
            const get = db.transaction('tableSnapshots').objectStore('tableSnapshots').get(name);
            get.onsuccess = () => (db.close(), resolve(get.result?.valid === true && (n === undefined || get.result.count === n)));
            get.onerror = () => (db.close(), resolve(false));
          };
          open.onerror = () => resolve(false);
        }),
      [table, count] as const,
    );
  // page.waitForFunction would take the returned promise itself for a truthy answer: polled here.
  for (const started = Date.now(); !(await built()); ) {
    if (Date.now() - started > 60_000) throw new Error(`the copy of ${table} was not rebuilt within 60 s`);
    await page.waitForTimeout(250);
  }
}

/**
 * Removes every value kept of the commission's rounds (renderer/db/persisted-read.ts: the slot's
 * row `c:round-evaluation`, which lists the rounds kept, and each one's row `c:round-evaluation@<id>`):
 * a start then finds nothing kept of any round.
 */
export async function dropKeptRound(): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('subventii-ong').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('tableSnapshots', 'readwrite');
    const store = tx.objectStore('tableSnapshots');
    store.delete('c:round-evaluation');
    store.delete(IDBKeyRange.bound('c:round-evaluation@', 'c:round-evaluation@\uffff'));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** The rounds whose evaluation is kept (renderer/db/persisted-read.ts: the slot's row lists them, the latest first). */
export async function keptRounds(): Promise<string[]> {
  const db = await new Promise<IDBDatabase>((resolve) => (indexedDB.open('subventii-ong').onsuccess = (e) => resolve((e.target as IDBOpenDBRequest).result)));
  const row = await new Promise<{ ids?: string[] } | undefined>((resolve, reject) => {
    const get = db.transaction('tableSnapshots').objectStore('tableSnapshots').get('c:round-evaluation');
    get.onsuccess = () => resolve(get.result as { ids?: string[] } | undefined);
    get.onerror = () => reject(get.error);
  });
  db.close();
  return row?.ids ?? [];
}
