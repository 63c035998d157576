// The worker client's main-thread fallback (no Worker in Node) gives what the direct calls give.
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { previewOrganizationImport } from '../../../src/import/import-organizations';
import { previewUnitImport } from '../../../src/import/import-units';
import { suggestMapping } from '../../../src/import/mapping';
import { REGISTER_COLUMNS } from '../../../src/register/columns';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { handleImportRequest, summarize, type ImportResponse } from '../../../renderer/io/import-core';
import { previewWithMapping, readAndPreviewInWorker } from '../../../renderer/io/import-client';
import { ImportFileError, readTables } from '../../../renderer/io/read-table';
import { fixture } from './helpers';

const unitContext = {
  organizationIdByCui: new Map([
    ['14235864', 'org-sansa'],
    ['18547290', 'org-soare'],
    ['28741195', 'org-speranta'],
  ]),
  existingUnitKeys: new Set<string>(),
  nomenclature: NOMENCLATURE,
};

describe('import client (main-thread fallback)', () => {
  it('runs on the main thread here: there is no Worker in Node', () => {
    expect(typeof Worker).toBe('undefined');
  });

  it('organizations: same result as readTables + suggestMapping + previewOrganizationImport', async () => {
    const progress: [number, number][] = [];
    const result = await readAndPreviewInWorker(fixture('catalog-mixed.xlsx'), 'catalog-mixed.xlsx', 'organizations', { existingCuis: ['30124574'] }, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    const tables = await readTables(fixture('catalog-mixed.xlsx'), 'catalog-mixed.xlsx');
    const mapping = suggestMapping(tables[0]!.headers, ORGANIZATION_COLUMNS);
    // The mapping step gets summaries of the sheets; the rows stay where they were read.
    expect(result.tables).toEqual(tables.map(summarize));
    expect(result.tables[0]).toMatchObject({ sheet: 'ONG-uri', rowCount: 13, emptyRowsSkipped: 2 });
    expect(result.tableIndex).toBe(0);
    expect(result.remembered).toBe(false);
    expect(result.mapping).toEqual(mapping);
    expect(result.preview).toEqual(previewOrganizationImport(tables[0]!, mapping, { existingCuis: new Set(['30124574']) }));
    expect(progress).toEqual([[13, 13]]);
  });

  it('units: picks the data sheet over the instructions sheet; same result as the direct call', async () => {
    const result = await readAndPreviewInWorker(fixture('register-mixed.xlsx'), 'register-mixed.xlsx', 'units', unitContext);
    const tables = await readTables(fixture('register-mixed.xlsx'), 'register-mixed.xlsx');
    expect(result.tableIndex).toBe(1);
    const mapping = suggestMapping(tables[1]!.headers, REGISTER_COLUMNS);
    expect(result.preview).toEqual(previewUnitImport(tables[1]!, mapping, unitContext));
    // Nothing in the register yet, so row 10 is valid here too.
    expect(result.preview.validRows.map((r) => r.rowNumber)).toEqual([3, 4, 10, 11, 13]);
  });

  it('accepts the context as arrays as well as Set/Map', async () => {
    const withArrays = await readAndPreviewInWorker(fixture('register-mixed.xlsx'), 'register-mixed.xlsx', 'units', {
      organizationIdByCui: [...unitContext.organizationIdByCui],
      existingUnitKeys: [],
      nomenclature: NOMENCLATURE,
    });
    const withMaps = await readAndPreviewInWorker(fixture('register-mixed.xlsx'), 'register-mixed.xlsx', 'units', unitContext);
    expect(withArrays).toEqual(withMaps);
  });

  it('previewWithMapping recomputes the file last read with the edited mapping and constants, without sending its rows again', async () => {
    const { tableIndex, mapping } = await readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'catalog-utf8-bom.csv', 'organizations', { existingCuis: [] });
    const [table] = await readTables(fixture('catalog-utf8-bom.csv'), 'catalog-utf8-bom.csv');
    const edited = mapping.map((f) => (f === 'iban' ? null : f));
    const preview = await previewWithMapping<'organizations'>(tableIndex, edited, { county: 'Cluj' });
    expect(preview).toEqual(previewOrganizationImport(table!, edited, { existingCuis: new Set() }, { defaults: { county: 'Cluj' } }));
    expect(preview.validRows[0]!.draft.iban).toBe('');
    expect(preview.validRows.every((r) => r.draft.county)).toBe(true);
  });

  it('the mapping remembered for a file layout is used instead of the suggested one', async () => {
    const first = await readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'catalog-utf8-bom.csv', 'organizations', { existingCuis: [] });
    const edited = first.mapping.map((f) => (f === 'iban' ? null : f));
    const again = await readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'alt.csv', 'organizations', { existingCuis: [] }, {
      remembered: { [first.layout]: { mapping: edited, defaults: { county: 'Cluj' } }, 'alt-layout': { mapping: [], defaults: {} } },
    });
    expect(again).toMatchObject({ remembered: true, mapping: edited, defaults: { county: 'Cluj' } });
    expect(again.preview.validRows[0]!.draft).toMatchObject({ iban: '', county: 'Cluj' });
    // A remembered mapping that no longer fits (other column count) is not used.
    const stale = await readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'x.csv', 'organizations', { existingCuis: [] }, { remembered: { [first.layout]: { mapping: ['name'], defaults: {} } } });
    expect(stale).toMatchObject({ remembered: false, mapping: first.mapping });
  });

  it('a file over the size limit is refused before it is read', async () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    const error = await readAndPreviewInWorker(big, 'C:\\date\\uriaș.csv', 'organizations', { existingCuis: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe('Fișierul „uriaș.csv” are 50,1 MiB, peste limita de 50 MiB a unui import. Împărțiți-l în fișiere mai mici (de exemplu câte 50.000 de rânduri) și importați-le pe rând.');
  });

  it('an unreadable file rejects with ImportFileError (Romanian message)', async () => {
    const error = await readAndPreviewInWorker(fixture('not-a-workbook.xlsx'), 'not-a-workbook.xlsx', 'organizations', { existingCuis: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toContain('nu este un registru Excel valid');
  });

  it('a file without data rows rejects with ImportFileError', async () => {
    const csv = new TextEncoder().encode('Denumire;CUI\n');
    const error = await readAndPreviewInWorker(csv, 'gol.csv', 'organizations', { existingCuis: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe('Fișierul „gol.csv” nu conține date: nicio foaie nu are, sub rândul de antet, rânduri completate.');
  });

  it('an aborted request rejects with AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await readAndPreviewInWorker(fixture('catalog-mixed.xlsx'), 'x.xlsx', 'organizations', { existingCuis: [] }, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
  });

  it('the worker protocol: progress messages, then the result, all with the request id', async () => {
    const posted: ImportResponse[] = [];
    const rows = Array.from({ length: 450 }, (_, i) => `Asociația ${i};;Dej`).join('\n');
    const bytes = new TextEncoder().encode(`Denumire;CUI;Localitate\n${rows}\n`);
    await handleImportRequest({ type: 'read', id: 7, bytes, fileName: 'mare.csv', kind: 'organizations', context: { existingCuis: [] } }, (r) => posted.push(r));
    expect(posted.slice(0, 3)).toEqual([
      { type: 'progress', id: 7, done: 200, total: 450 },
      { type: 'progress', id: 7, done: 400, total: 450 },
      { type: 'progress', id: 7, done: 450, total: 450 },
    ]);
    expect(posted[3]).toMatchObject({ type: 'result', id: 7 });
    expect(posted).toHaveLength(4);

    const errors: ImportResponse[] = [];
    await handleImportRequest({ type: 'read', id: 8, bytes: new Uint8Array([1, 2, 3]), fileName: 'x.xlsx', kind: 'units', context: { organizationIdByCui: [], nomenclature: [] } }, (r) => errors.push(r));
    expect(errors).toEqual([{ type: 'error', id: 8, name: 'ImportFileError', message: expect.stringContaining('nu este un registru Excel valid') }]);
  });
});
