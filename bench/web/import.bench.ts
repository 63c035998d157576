// Import through the dialog on the web build, as the user waits for it: from the file chosen in
// the file picker to the "Import încheiat" message (read in the worker, mapping, row checks,
// the audited transaction), for 5,000 / 10,000 / 20,000 catalog rows and register rows. The
// baseline does the same work with the bare libraries in the same page: the app's own exceljs
// chunk loads the same file, each row becomes an object with the same fields, and a raw
// IndexedDB transaction puts the records (with the app's indexes) and one audit entry each.
// Both sides start with their code loaded (the app starts its import worker when the dialog opens,
// while the user picks the file). Sides interleaved, one warm-up run of each, min and median of
// BENCH_RUNS (default 3) runs; BENCH_SIZES=5000,10000 picks the sizes.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ORGANIZATION_COLUMNS } from '../../src/catalog/columns';
import { REGISTER_COLUMNS } from '../../src/register/columns';
import { NOMENCLATURE } from '../../src/register/nomenclature';
import { makeCui } from '../report';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [5_000, 10_000, 20_000];
const RUNS = Number(process.env.BENCH_RUNS) || 3;
const NGOS = 2_000;
const DB_NAME = 'subventii-ong';

type Kind = 'organizations' | 'units';

const ROUTE: Record<Kind, string> = { organizations: 'catalog', units: 'registru' };
const DIALOG: Record<Kind, string> = { organizations: 'Import catalog ONG', units: 'Import registru unități licențiate' };

function catalogRow(i: number): Record<string, unknown> {
  return {
    name: `Asociația Bench ${i}`, legalForm: 'Asociație', cui: makeCui(i), registryNumber: `${i}/2020`,
    registryDate: new Date(Date.UTC(2015 + (i % 8), i % 12, 1 + (i % 27))), street: `str. Memorandumului nr. ${i}`,
    locality: 'Cluj-Napoca', county: 'Cluj', postalCode: '400114', representativeName: `Ion Popescu ${i}`,
    representativeRole: 'Președinte', phone: '0740123456', email: `office${i}@example.ro`, status: 'Activ',
  };
}

function registerRow(i: number): Record<string, unknown> {
  const codes = NOMENCLATURE.map((n) => n.code);
  return {
    organizationCui: makeCui(i % NGOS), organizationName: `Asociația Bench ${i % NGOS}`, name: `Centrul social nr. ${i}`,
    serviceCode: codes[i % codes.length], street: `str. Memorandumului nr. ${i}`, locality: 'Cluj-Napoca', county: 'Cluj',
    postalCode: '400114', capacity: 10 + (i % 90), capacityUnit: 'locuri', licenceType: 'Licență de funcționare',
    licenceNumber: String(100000 + i), licenceIssueDate: new Date(Date.UTC(2021 + (i % 4), i % 12, 1 + (i % 27))),
    licenceExpiryDate: new Date(Date.UTC(2026 + (i % 4), i % 12, 1 + (i % 27))), status: 'Activă',
  };
}

const COLUMNS: Record<Kind, readonly { field: string; header: string }[]> = {
  organizations: ORGANIZATION_COLUMNS.filter((c) => c.field in catalogRow(0)),
  units: REGISTER_COLUMNS.filter((c) => c.field in registerRow(0)),
};

async function workbook(kind: Kind, rows: number, dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind === 'organizations' ? 'ONG-uri' : 'Unități');
  const columns = COLUMNS[kind];
  sheet.addRow(columns.map((c) => c.header));
  for (let i = 0; i < rows; i++) {
    const row = kind === 'organizations' ? catalogRow(i) : registerRow(i);
    sheet.addRow(columns.map((c) => row[c.field] ?? null));
  }
  const path = join(dir, `${kind}-${rows}.xlsx`);
  await writeFile(path, new Uint8Array(await book.xlsx.writeBuffer()));
  return path;
}

/** An empty database: the app's is deleted (Dexie closes on versionchange), then the page reloads. */
async function resetApp(page: Page, route: string): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    DB_NAME,
  );
  await page.goto(`/#/${route}`);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Navigare principală' })).toBeVisible();
}

/**
 * Marks taken in the page: when the file input changes, when each button the user must press
 * appears enabled and when it is pressed, when "Import încheiat" appears. The app's time is from
 * the file chosen to the done message, less the time the robot took to press the two buttons
 * once they were there (a person's think time is not the app's).
 */
async function installMarks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
    const button = (re: RegExp) => [...document.querySelectorAll('[role="dialog"] button')].find((b) => re.test(b.textContent ?? '') && !(b as HTMLButtonElement).disabled);
    document.addEventListener('change', (e) => {
      if ((e.target as HTMLInputElement).type === 'file') marks.chosen ??= performance.now();
    }, true);
    document.addEventListener('click', (e) => {
      const text = (e.target as Element).closest('button')?.textContent ?? '';
      if (/Verifică rândurile/.test(text)) marks.checkPressed ??= performance.now();
      if (/^Importă (toate|doar)/.test(text)) marks.importPressed ??= performance.now();
    }, true);
    new MutationObserver(() => {
      const now = performance.now();
      if (marks.chosen === undefined) return;
      if (marks.checkReady === undefined && button(/Verifică rândurile/)) marks.checkReady = now;
      if (marks.importReady === undefined && button(/^Importă (toate|doar)/)) marks.importReady = now;
      if (marks.done === undefined && document.querySelector('[role="dialog"]')?.textContent?.includes('Import încheiat')) marks.done = now;
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** The user's path: Importă → Alege fișierul… → (Verifică rândurile) → Importă … → "Import încheiat". */
async function importThroughDialog(page: Page, kind: Kind, file: string, rows: number): Promise<number> {
  await page.getByRole('button', { name: 'Importă', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: DIALOG[kind] });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  const picker = await chooser;
  // A person takes more than a second to pick a file; the baseline too starts with its code loaded.
  await page.waitForTimeout(1000);
  await installMarks(page);
  await picker.setFiles(file);
  const check = dialog.getByRole('button', { name: 'Verifică rândurile' });
  const commit = dialog.getByRole('button', { name: /^Importă (toate|doar)/ });
  await check.or(commit).first().waitFor({ timeout: 600_000 });
  if (await check.isVisible()) await check.click();
  await commit.click({ timeout: 600_000 });
  await dialog.getByText(/Import încheiat/).waitFor({ timeout: 600_000 });
  await expect(dialog.getByText(new RegExp(`Import încheiat: ${rows.toLocaleString('ro-RO')} `))).toBeVisible();
  const m = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
  if (m.chosen === undefined || m.done === undefined || m.importReady === undefined || m.importPressed === undefined) throw new Error(`marks missing: ${JSON.stringify(m)}`);
  const robot = (m.checkPressed !== undefined && m.checkReady !== undefined ? m.checkPressed - m.checkReady : 0) + (m.importPressed - m.importReady);
  await dialog.getByRole('button', { name: 'Închide' }).click();
  return m.done - m.chosen - robot;
}

let bareCounter = 0;

/** The bare baseline in the page: the app's exceljs chunk + raw IndexedDB, one audit entry per record. */
async function bareImport(page: Page, kind: Kind, file: string, exceljsChunk: string): Promise<number> {
  const bytes = (await import('node:fs/promises')).readFile(file);
  await page.evaluate((b64) => {
    (window as unknown as { benchBytes: Uint8Array }).benchBytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  }, (await bytes).toString('base64'));
  const fields = COLUMNS[kind].map((c) => c.field);
  const indexes = kind === 'organizations' ? [['cui', true] as const] : [['organizationId', false] as const];
  return page.evaluate(
    async ({ chunk, fields, indexes, dbName }) => {
      const idb = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
      const open = indexedDB.open(dbName, 1);
      open.onupgradeneeded = () => {
        const records = open.result.createObjectStore('records', { keyPath: 'id' });
        for (const [name, unique] of indexes) records.createIndex(name, name, { unique });
        const audit = open.result.createObjectStore('audit', { keyPath: 'id' });
        audit.createIndex('at', 'at');
        audit.createIndex('[entity+entityId]', ['entity', 'entityId']);
      };
      const db = await idb(open);
      const bytes = (window as unknown as { benchBytes: Uint8Array }).benchBytes;
      // The chunk loaded before the clock starts, as the app's worker is loaded when its dialog opens.
      const module = (await import(/* @vite-ignore */ chunk)) as Record<string, unknown>;
      const exports = Object.values(module).map((v) => (typeof v === 'function' ? (v as () => unknown)() : v));

      const start = performance.now();
      const Excel = exports.find((v) => !!v && typeof v === 'object' && 'Workbook' in v) as { Workbook: new () => { xlsx: { load(b: Uint8Array): Promise<unknown> }; worksheets: { eachRow(f: (row: { getCell(i: number): { value: unknown } }, n: number) => void): void }[] } };
      const book = new Excel.Workbook();
      await book.xlsx.load(bytes);
      const records: Record<string, unknown>[] = [];
      book.worksheets[0]!.eachRow((row, n) => {
        if (n === 1) return;
        const record: Record<string, unknown> = { id: crypto.randomUUID() };
        fields.forEach((field, i) => (record[field] = row.getCell(i + 1).value));
        if (record.organizationCui !== undefined) record.organizationId = record.organizationCui;
        records.push(record);
      });
      const at = new Date().toISOString();
      const tx = db.transaction(['records', 'audit'], 'readwrite');
      const store = tx.objectStore('records');
      const audit = tx.objectStore('audit');
      for (const record of records) {
        store.put(record);
        audit.put({
          id: crypto.randomUUID(), at, user: 'bench', entity: 'bench', entityId: record.id, label: String(record.name), action: 'import',
          changes: fields.map((field) => ({ field, after: record[field] })),
        });
      }
      await new Promise<void>((resolve, reject) => ((tx.oncomplete = () => resolve()), (tx.onerror = () => reject(tx.error))));
      const ms = performance.now() - start;
      db.close();
      indexedDB.deleteDatabase(dbName);
      if (records.length === 0) throw new Error('no rows read');
      return ms;
    },
    { chunk: exceljsChunk, fields, indexes, dbName: `bench-bare-${bareCounter++}` },
  );
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]! };
};

const lines: string[] = [];

// One test per kind, so that each has the harness's whole time limit on a loaded machine; the
// table of both is printed at the end.
for (const kind of ['organizations', 'units'] as const) {
  test(`${kind === 'organizations' ? 'catalog' : 'register'} import through the dialog vs exceljs + raw IndexedDB with one audit entry per record`, async ({ page }) => {
    const chunkFile = readdirSync(new URL('../../dist-web/assets/', import.meta.url)).find((f) => /^exceljs.*\.js$/.test(f));
    if (!chunkFile) throw new Error('no exceljs chunk in dist-web/assets');
    const exceljsChunk = `./assets/${chunkFile}`;
    const dir = await mkdtemp(join(tmpdir(), 'bench-import-'));
    const catalogSeed = await workbook('organizations', NGOS, dir);
    await page.goto('/#/catalog');
    for (const size of SIZES) {
      const file = await workbook(kind, size, dir);
      const app: number[] = [];
      const bare: number[] = [];
      for (let run = 0; run <= RUNS; run++) {
        await resetApp(page, ROUTE.organizations);
        if (kind === 'units') await importThroughDialog(page, 'organizations', catalogSeed, NGOS);
        if (kind === 'units') await page.goto(`/#/${ROUTE.units}`);
        const a = await importThroughDialog(page, kind, file, size);
        // The baseline in a page as fresh as the app's was: no catalog of 20,000 rows on screen.
        await resetApp(page, ROUTE.organizations);
        const b = await bareImport(page, kind, file, exceljsChunk);
        // Run 0 warms both sides up.
        if (run > 0) {
          app.push(a);
          bare.push(b);
        }
      }
      const s = summary(app);
      const t = summary(bare);
      const line = `${kind === 'organizations' ? 'catalog ' : 'registru'} | ${String(size).padStart(6)} | app ${s.min.toFixed(0).padStart(6)} / ${s.median.toFixed(0).padStart(6)} ms | bare ${t.min.toFixed(0).padStart(6)} / ${t.median.toFixed(0).padStart(6)} ms | ratio ${(s.median / t.median).toFixed(2)}× (min ${(s.min / t.min).toFixed(2)}×)`;
      console.log(line);
      lines.push(line);
    }
  });
}

test.afterAll(() => {
  console.log(['', `Import through the dialog (goal ≤ 1.5×), ${RUNS} runs after a warm-up, min / median`, 'job      |   size | app min / median | bare min / median | ratio (median)', ...lines].join('\n'));
});
