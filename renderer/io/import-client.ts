// Main-thread API of the import: runs the work in a module Web Worker (bundled by Vite), or on
// the main thread when Worker is not available (tests, Node) or the worker cannot start. Both
// paths run handleImportRequest from import-core.ts, so they give the same result.
import type { ColumnMapping } from '../../src/import/mapping';
import type { ImportPreview } from '../../src/import/preview';
import { ImportFileError, type RawTable } from '../../src/import/raw-table';
import type { NomenclatureEntry } from '../../src/register/nomenclature';
import type {
  DraftByKind,
  FieldByKind,
  ImportKind,
  ImportRequest,
  ImportResponse,
  ReadAndPreviewResult,
  SerializableContextByKind,
} from './import-core';

export type { DraftByKind, FieldByKind, ImportKind, ReadAndPreviewResult, SerializableContextByKind };

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
 * Reads an .xlsx/.csv file and previews its import: all sheets with data, the chosen sheet, the
 * suggested mapping and the validation of every row. Rejects with ImportFileError (Romanian
 * message) when the file cannot be read.
 */
export function readAndPreviewInWorker<K extends ImportKind>(
  bytes: Uint8Array,
  fileName: string,
  kind: K,
  context: ImportContextByKind[K],
  options: ImportRunOptions = {},
): Promise<ReadAndPreviewResult<K>> {
  return run({ type: 'read', bytes, fileName, kind, context: toSerializableContext(kind, context) }, options) as Promise<ReadAndPreviewResult<K>>;
}

/** Validates a table again after the user changed the mapping (or chose another sheet). */
export function previewWithMapping<K extends ImportKind>(
  table: RawTable,
  mapping: ColumnMapping<FieldByKind[K]>,
  kind: K,
  context: ImportContextByKind[K],
  options: ImportRunOptions = {},
): Promise<ImportPreview<DraftByKind[K]>> {
  return run({ type: 'preview', table, mapping, kind, context: toSerializableContext(kind, context) }, options) as Promise<
    ImportPreview<DraftByKind[K]>
  >;
}

let nextId = 0;

type Request = ImportRequest extends infer R ? (R extends ImportRequest ? Omit<R, 'id'> : never) : never;

function run(partial: Request, options: ImportRunOptions): Promise<unknown> {
  const request = { ...partial, id: ++nextId } as ImportRequest;
  const { signal } = options;
  return new Promise((resolve, reject) => {
    let settled = false;
    let worker: Worker | undefined;
    const finish = () => {
      settled = true;
      worker?.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (settled) return;
      finish();
      reject(new DOMException('Importul a fost anulat.', 'AbortError'));
    };
    const onResponse = (response: ImportResponse) => {
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
    // Loaded on demand, so exceljs stays out of the main bundle when the worker does the work.
    const onMainThread = () => {
      if (settled) return;
      import('./import-core')
        .then(({ handleImportRequest }) => handleImportRequest(request, onResponse))
        .catch((error: unknown) => onResponse({ type: 'error', id: request.id, name: 'Error', message: error instanceof Error ? error.message : String(error) }));
    };

    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    if (options.useWorker === false || typeof Worker === 'undefined') return onMainThread();
    try {
      worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = undefined;
      return onMainThread();
    }
    worker.onmessage = (event: MessageEvent<ImportResponse>) => onResponse(event.data);
    // The worker could not start (or crashed): do the work here instead.
    worker.onerror = (event) => {
      event.preventDefault();
      worker?.terminate();
      worker = undefined;
      onMainThread();
    };
    worker.postMessage(request);
  });
}

function toError(response: Extract<ImportResponse, { type: 'error' }>): Error {
  if (response.name === 'ImportFileError') return new ImportFileError(response.message);
  return new Error(`Fișierul nu a putut fi pregătit pentru import din cauza unei erori neașteptate: ${response.message}`);
}
