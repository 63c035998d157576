// Main-thread API of the import: one long-lived module Web Worker (bundled by Vite) reads the file,
// keeps its tables and validates the rows; the main thread runs the same code only where no
// worker can start (tests, Node). A worker that fails mid-run is reported, never run again here.
import { assertFileSize } from '../../src/import/limits';
import type { ColumnMapping, FieldDefaults } from '../../src/import/mapping';
import type { ImportPreview } from '../../src/import/preview';
import { ImportFileError } from '../../src/import/raw-table';
import type { NomenclatureEntry } from '../../src/register/nomenclature';
import type {
  DraftByKind,
  FieldByKind,
  ImportKind,
  ImportRequest,
  ImportResponse,
  ReadAndPreviewResult,
  RememberedMapping,
  SerializableContextByKind,
  TableSummary,
} from './import-core';

export type { DraftByKind, FieldByKind, ImportKind, ReadAndPreviewResult, RememberedMapping, SerializableContextByKind, TableSummary };

/** The import context as the caller has it: Set/Map or plain arrays. */
export interface ImportContextByKind {
  organizations: { existingCuis: ReadonlySet<string> | readonly string[] };
  units: {
    organizationIdByCui: ReadonlyMap<string, string> | readonly (readonly [string, string])[];
    existingUnitKeys?: ReadonlySet<string> | readonly string[];
    nomenclature: readonly NomenclatureEntry[];
  };
}

export interface ImportRunOptions {
  /** Rows validated so far; called every 200 rows and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Aborting terminates the worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** false forces the main thread (default: a worker when the environment has one). */
  useWorker?: boolean;
}

export function toSerializableContext<K extends ImportKind>(kind: K, context: ImportContextByKind[K]): SerializableContextByKind[K] {
  if (kind === 'organizations') {
    const c = context as ImportContextByKind['organizations'];
    return { existingCuis: [...c.existingCuis] } as SerializableContextByKind[K];
  }
  const c = context as ImportContextByKind['units'];
  return {
    organizationIdByCui: [...c.organizationIdByCui].map(([cui, id]) => [cui, id] as [string, string]),
    existingUnitKeys: c.existingUnitKeys ? [...c.existingUnitKeys] : undefined,
    nomenclature: c.nomenclature.map((e) => ({ ...e })),
  } as SerializableContextByKind[K];
}

/**
 * Reads an .xlsx/.csv file and previews its import: a summary of every sheet with data, the
 * chosen sheet, the mapping (remembered for this layout, else suggested) and the validation of
 * every row. The worker keeps the tables for previewWithMapping. Rejects with ImportFileError
 * (Romanian message) when the file cannot be read; a file over the size limit is refused here,
 * before it is copied anywhere.
 */
export function readAndPreviewInWorker<K extends ImportKind>(
  bytes: Uint8Array,
  fileName: string,
  kind: K,
  context: ImportContextByKind[K],
  options: ImportRunOptions & { remembered?: Record<string, RememberedMapping> } = {},
): Promise<ReadAndPreviewResult<K>> {
  try {
    assertFileSize(fileName.split(/[/\\]/).pop() ?? fileName, bytes.length);
  } catch (error) {
    return Promise.reject(error);
  }
  return run({ type: 'read', bytes, fileName, kind, context: toSerializableContext(kind, context), remembered: options.remembered }, options) as Promise<
    ReadAndPreviewResult<K>
  >;
}

/** Validates the last file read again, with an edited mapping, constant values or another sheet. */
export function previewWithMapping<K extends ImportKind>(
  tableIndex: number,
  mapping: ColumnMapping<FieldByKind[K]>,
  defaults: FieldDefaults<FieldByKind[K]>,
  options: ImportRunOptions = {},
): Promise<ImportPreview<DraftByKind[K]>> {
  return run({ type: 'preview', tableIndex, mapping, defaults }, options) as Promise<ImportPreview<DraftByKind[K]>>;
}

let nextId = 0;

type Request = ImportRequest extends infer R ? (R extends ImportRequest ? Omit<R, 'id'> : never) : never;
type Listener = (response: ImportResponse) => void;

/** The one import worker, started on first use and kept until it fails or a run is cancelled. */
let shared: { worker: Worker; listeners: Map<number, Listener>; fail(message: string): void } | undefined;

const WORKER_FAILED =
  'Citirea fișierului s-a oprit neașteptat (probabil memoria disponibilă nu a ajuns pentru un fișier atât de mare). Nimic nu a fost importat. Împărțiți fișierul în fișiere mai mici și importați-le pe rând.';

function sharedWorker(): typeof shared {
  if (shared) return shared;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  const listeners = new Map<number, Listener>();
  const current = {
    worker,
    listeners,
    fail(message: string) {
      if (shared === current) shared = undefined;
      worker.terminate();
      for (const [id, listener] of listeners) listener({ type: 'error', id, name: 'ImportFileError', message });
      listeners.clear();
    },
  };
  worker.onmessage = (event: MessageEvent<ImportResponse>) => listeners.get(event.data.id)?.(event.data);
  // A crash (out of memory) or a worker that cannot load: report it; the work is not redone here.
  worker.onerror = (event) => {
    event.preventDefault();
    current.fail(WORKER_FAILED);
  };
  worker.onmessageerror = () => current.fail(WORKER_FAILED);
  shared = current;
  return current;
}

/**
 * Starts the import worker ahead of the first file (the dialog calls it when it opens): the worker
 * loads its code, exceljs included, while the user is still choosing the file.
 */
export function warmUpImportWorker(): void {
  if (typeof Worker !== 'undefined') sharedWorker();
}

/** The worker lets go of the file it holds; the worker itself stays for the next import. */
export function forgetImportFile(): void {
  if (shared) void run({ type: 'forget' }, {}).catch(() => undefined);
  else if (typeof Worker === 'undefined') void run({ type: 'forget' }, {}).catch(() => undefined);
}

/** Stops the worker (and forgets the file it holds); the next request starts a new one. */
export function stopImportWorker(): void {
  shared?.fail('Importul a fost anulat.');
}

function run(partial: Request, options: ImportRunOptions): Promise<unknown> {
  const request = { ...partial, id: ++nextId } as ImportRequest;
  const { signal } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = () => {
      settled = true;
      shared?.listeners.delete(request.id);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      // The worker is busy with this run and cannot be interrupted otherwise.
      stopImportWorker();
      reject(new DOMException('Importul a fost anulat.', 'AbortError'));
    };
    const onResponse: Listener = (response) => {
      if (settled || response.id !== request.id) return;
      if (response.type === 'progress') options.onProgress?.(response.done, response.total);
      else if (response.type === 'result') {
        finish();
        resolve(response.result);
      } else {
        finish();
        reject(toError(response));
      }
    };

    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    const target = options.useWorker === false || typeof Worker === 'undefined' ? undefined : sharedWorker();
    if (!target) {
      // No worker in this environment: the same code here, loaded on demand (exceljs stays out of the main bundle).
      import('./import-core')
        .then(({ handleImportRequest }) => handleImportRequest(request, onResponse))
        .catch((error: unknown) => onResponse({ type: 'error', id: request.id, name: 'Error', message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    target.listeners.set(request.id, onResponse);
    target.worker.postMessage(request);
  });
}

function toError(response: Extract<ImportResponse, { type: 'error' }>): Error {
  if (response.name === 'ImportFileError') return new ImportFileError(response.message);
  return new Error(`Fișierul nu a putut fi pregătit pentru import din cauza unei erori neașteptate: ${response.message}`);
}
