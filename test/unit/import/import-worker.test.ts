// The import client with a worker (a stand-in Worker that runs the same core, or fails): one
// long-lived worker for every request, the rows kept there, and a failed worker reported without
// a second run on the main thread.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleImportRequest, type ImportRequest, type ImportResponse } from '../../../renderer/io/import-core';
import { previewOrganizationImport } from '../../../src/import/import-organizations';
import { readTables } from '../../../renderer/io/read-table';
import { fixture } from './helpers';

class FakeWorker {
  static instances: FakeWorker[] = [];
  static mode: 'work' | 'crash' = 'work';
  onmessage: ((event: MessageEvent<ImportResponse>) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  posted: ImportRequest['type'][] = [];
  terminated = false;
  constructor() {
    FakeWorker.instances.push(this);
  }
  postMessage(request: ImportRequest): void {
    this.posted.push(request.type);
    if (FakeWorker.mode === 'crash') {
      setTimeout(() => this.onerror?.({ preventDefault() {} }), 0);
      return;
    }
    void handleImportRequest(request, (response) => setTimeout(() => this.onmessage?.({ data: response } as MessageEvent<ImportResponse>), 0));
  }
  terminate(): void {
    this.terminated = true;
    // A real worker's memory goes with it: the file it held is gone.
    void handleImportRequest({ type: 'forget', id: 0 }, () => undefined);
  }
}

beforeEach(() => {
  vi.resetModules();
  FakeWorker.instances = [];
  FakeWorker.mode = 'work';
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('import client with a worker', () => {
  it('one worker serves the read and the checks after it; only the mapping crosses, not the rows', async () => {
    const client = await import('../../../renderer/io/import-client');
    client.warmUpImportWorker();
    expect(FakeWorker.instances).toHaveLength(1);
    const read = await client.readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'a.csv', 'organizations', { existingCuis: [] });
    const again = await client.previewWithMapping<'organizations'>(read.tableIndex, read.mapping, { county: 'Cluj' });
    await client.readAndPreviewInWorker(fixture('catalog-semicolon.csv'), 'b.csv', 'organizations', { existingCuis: [] });
    expect(FakeWorker.instances).toHaveLength(1);
    expect(FakeWorker.instances[0]!.posted).toEqual(['read', 'preview', 'read']);
    const [table] = await readTables(fixture('catalog-utf8-bom.csv'), 'a.csv');
    expect(again).toEqual(previewOrganizationImport(table!, read.mapping, { existingCuis: new Set() }, { defaults: { county: 'Cluj' } }));
  });

  it('a worker that crashes is reported in Romanian and the file is not read again on the main thread', async () => {
    FakeWorker.mode = 'crash';
    const core = await import('../../../renderer/io/import-core');
    const spy = vi.spyOn(core, 'handleImportRequest');
    const client = await import('../../../renderer/io/import-client');
    const error = await client.readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'a.csv', 'organizations', { existingCuis: [] }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Citirea fișierului s-a oprit neașteptat .* Nimic nu a fost importat\./);
    expect(spy).not.toHaveBeenCalled();
    expect(FakeWorker.instances[0]!.terminated).toBe(true);
    // The next import starts a new worker.
    FakeWorker.mode = 'work';
    await client.readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'a.csv', 'organizations', { existingCuis: [] });
    expect(FakeWorker.instances).toHaveLength(2);
  });

  it('cancelling stops the worker; a check after it asks for the file again', async () => {
    const client = await import('../../../renderer/io/import-client');
    const read = await client.readAndPreviewInWorker(fixture('catalog-utf8-bom.csv'), 'a.csv', 'organizations', { existingCuis: [] });
    const controller = new AbortController();
    const pending = client.previewWithMapping<'organizations'>(read.tableIndex, read.mapping, {}, { signal: controller.signal });
    controller.abort();
    expect(((await pending.catch((e: unknown) => e)) as Error).name).toBe('AbortError');
    expect(FakeWorker.instances[0]!.terminated).toBe(true);
    const error = await client.previewWithMapping<'organizations'>(read.tableIndex, read.mapping, {}).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Fișierul nu mai este încărcat (importul a fost anulat sau întrerupt). Alegeți fișierul din nou.');
  });
});
