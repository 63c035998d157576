// Import of a 20,000-row register workbook: our whole pipeline (read with exceljs, map headers,
// validate every row once against the catalog and the nomenclature, one audited Dexie transaction)
// against bare exceljs reading the same file plus a Dexie bulkPut of the raw rows.
import Dexie from 'dexie';
import ExcelJS from 'exceljs';
import { it } from 'vitest';
import { emptyOrganization } from '../src/catalog/organization';
import { newId, stamp } from '../src/entity';
import { previewUnitImport } from '../src/import/import-units';
import { suggestMapping } from '../src/import/mapping';
import { NOMENCLATURE } from '../src/register/nomenclature';
import { REGISTER_COLUMNS } from '../src/register/columns';
import { organizationSearchText } from '../src/catalog/organization';
import { createDatabase } from '../renderer/db/database';
import { V1_STORES } from '../renderer/db/migrations/v1-initial';
import { createStore } from '../renderer/db/store';
import { readTables } from '../renderer/io/read-table';
import { makeCui, printRatio } from './report';

const ROWS = 20_000;
const NGOS = 2_000;
let dbCounter = 0;

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Registru unități');
  sheet.addRow(REGISTER_COLUMNS.map((c) => c.header));
  const codes = NOMENCLATURE.map((n) => n.code);
  for (let i = 0; i < ROWS; i++) {
    const issue = new Date(Date.UTC(2021 + (i % 4), i % 12, 1 + (i % 27)));
    const expiry = new Date(Date.UTC(2026 + (i % 4), i % 12, 1 + (i % 27)));
    sheet.addRow([
      makeCui(i % NGOS), `Asociația Bench ${i % NGOS}`, `Centrul social nr. ${i}`, codes[i % codes.length], '',
      `str. Memorandumului nr. ${i}`, 'Cluj-Napoca', 'Cluj', '400114', '', 10 + (i % 90), 'locuri',
      'Licență de funcționare', String(100000 + i), issue, expiry, 'Activă', '',
    ]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function storeWithNgos() {
  const db = createDatabase(`bench-import-${dbCounter++}`);
  await db.open();
  const now = new Date().toISOString();
  await db.organizations.bulkAdd(
    Array.from({ length: NGOS }, (_, i) => {
      const org = stamp({ ...emptyOrganization(), name: `Asociația Bench ${i}`, cui: makeCui(i) }, now);
      return { ...org, searchText: organizationSearchText(org) };
    }),
  );
  return createStore(db);
}

const REPEAT = 3;

async function bareImport(bytes: Uint8Array): Promise<number> {
  // The bare importer: the same file read by exceljs, each row turned into an object with the
  // register's fields, and stored with one bulkPut into a table with the register's indexes.
  const bareDb = new Dexie(`bench-bare-${dbCounter++}`);
  bareDb.version(1).stores({ units: V1_STORES.units });
  await bareDb.open();
  const start = performance.now();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: Record<string, unknown>[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    if (n === 1) return;
    const record: Record<string, unknown> = { id: newId() };
    REGISTER_COLUMNS.forEach((column, i) => (record[column.field] = row.getCell(i + 1).value));
    rows.push(record);
  });
  await bareDb.table('units').bulkPut(rows);
  const ms = performance.now() - start;
  bareDb.close();
  return ms;
}

async function ourImport(bytes: Uint8Array): Promise<{ ms: number; phases: string }> {
  const store = await storeWithNgos();
  const organizations = await store.organizations.list();
  const start = performance.now();
  const [table] = await readTables(bytes, 'registru.xlsx');
  const readMs = performance.now() - start;
  const mapping = suggestMapping(table!.headers, REGISTER_COLUMNS);
  const preview = previewUnitImport(table!, mapping, {
    organizationIdByCui: new Map(organizations.map((o) => [o.cui, o.id])),
    nomenclature: NOMENCLATURE,
  });
  const previewMs = performance.now() - start - readMs;
  if (preview.validRows.length !== ROWS) throw new Error(`only ${preview.validRows.length} valid rows: ${JSON.stringify(preview.issues.slice(0, 3))}`);
  // As the dialog does: the preview's rows, validated once, checked against the database in the transaction.
  await store.units.importMany(preview.validRows.map((r) => r.draft), undefined, { validated: true });
  const ms = performance.now() - start;
  store.db.close();
  return { ms, phases: `read ${readMs.toFixed(0)} ms, map+validate ${previewMs.toFixed(0)} ms, store ${(ms - readMs - previewMs).toFixed(0)} ms` };
}

it(`import of a ${ROWS.toLocaleString('ro-RO')}-row register workbook`, async () => {
  const bytes = await workbookBytes();
  // Interleaved runs, the fastest of each side: both see the same machine load.
  let bareMs = Infinity;
  let ours = { ms: Infinity, phases: '' };
  for (let i = 0; i < REPEAT; i++) {
    bareMs = Math.min(bareMs, await bareImport(bytes));
    const run = await ourImport(bytes);
    if (run.ms < ours.ms) ours = run;
  }
  console.log(`  fastest of ${REPEAT}; phases of ours: ${ours.phases}`);
  printRatio(
    `Import registru, ${ROWS} rânduri`,
    { label: 'ours: read + map + validate + audited transaction', ms: ours.ms },
    { label: 'bare: exceljs load + rows to objects + Dexie bulkPut', ms: bareMs },
    'within 1.5×',
  );
});
