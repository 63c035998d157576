// The import work shared by the Web Worker and the main-thread fallback: one code path for both.
// A read keeps the file's tables and the import context here (in the worker's memory), so that a
// later check with an edited mapping sends only the mapping, not the 20,000 rows again.
import { ORGANIZATION_COLUMNS } from '../../src/catalog/columns';
import type { OrganizationDraft, OrganizationField } from '../../src/catalog/organization';
import { previewOrganizationImport } from '../../src/import/import-organizations';
import { previewUnitImport } from '../../src/import/import-units';
import { fitsHeaders, layoutKey, remapByHeaders, suggestMapping, type ColumnMapping, type FieldDefaults } from '../../src/import/mapping';
import type { ImportPreview } from '../../src/import/preview';
import { isBlankCell, type CellValue, type RawTable } from '../../src/import/raw-table';
import { REGISTER_COLUMNS, type RegisterColumnField } from '../../src/register/columns';
import type { NomenclatureEntry } from '../../src/register/nomenclature';
import type { UnitDraft } from '../../src/register/unit';
import type { ColumnDef } from '../../src/tabular/columns';
import { headerKey } from '../../src/tabular/columns';
import { ImportFileError, readTables } from './read-table';

export type ImportKind = 'organizations' | 'units';

export interface DraftByKind {
  organizations: OrganizationDraft;
  units: UnitDraft;
}

export interface FieldByKind {
  organizations: OrganizationField;
  units: RegisterColumnField;
}

/** The import context in a form that crosses to a worker (arrays instead of Set/Map). */
export interface SerializableContextByKind {
  organizations: { existingCuis: string[] };
  units: { organizationIdByCui: [cui: string, organizationId: string][]; existingUnitKeys?: string[]; nomenclature: NomenclatureEntry[] };
}

/** A mapping the user confirmed for a file layout (see layoutKey), remembered in Settings. */
export interface RememberedMapping<F extends string = string> {
  mapping: ColumnMapping<F>;
  defaults: FieldDefaults<F>;
  /** The headers the mapping was made for (the same set may come in another order). */
  headers?: string[];
}

/** What the mapping step needs of a sheet: its headers, counts and a sample per column (not its rows). */
export interface TableSummary {
  sheet: string;
  headers: string[];
  rowCount: number;
  emptyRowsSkipped: number;
  /** Per column: the first non-blank cell of the first 50 data rows. */
  samples: CellValue[];
}

export interface ReadAndPreviewResult<K extends ImportKind> {
  /** Every sheet with data (a CSV file gives one table). */
  tables: TableSummary[];
  /** The table previewed: the sheet with data whose headers match the most columns (first on ties). */
  tableIndex: number;
  layout: string;
  mapping: ColumnMapping<FieldByKind[K]>;
  defaults: FieldDefaults<FieldByKind[K]>;
  /** The mapping is the one remembered for this layout, not the suggested one. */
  remembered: boolean;
  preview: ImportPreview<DraftByKind[K]>;
}

export const COLUMNS_BY_KIND: { [K in ImportKind]: readonly ColumnDef<FieldByKind[K]>[] } = {
  organizations: ORGANIZATION_COLUMNS,
  units: REGISTER_COLUMNS,
};

export type ImportRequest =
  | {
      type: 'read';
      id: number;
      bytes: Uint8Array;
      fileName: string;
      kind: ImportKind;
      context: SerializableContextByKind[ImportKind];
      remembered?: Record<string, RememberedMapping>;
    }
  | { type: 'preview'; id: number; tableIndex: number; mapping: ColumnMapping; defaults: FieldDefaults }
  /** Lets go of the file last read (the dialog was closed). */
  | { type: 'forget'; id: number };

export type ImportResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: ReadAndPreviewResult<ImportKind> | ImportPreview<DraftByKind[ImportKind]> | null }
  | { type: 'error'; id: number; name: string; message: string };

export type ProgressListener = (done: number, total: number) => void;

type LiveContext = Parameters<typeof previewOrganizationImport>[2] | Parameters<typeof previewUnitImport>[2];

function liveContext(kind: ImportKind, context: SerializableContextByKind[ImportKind]): LiveContext {
  if (kind === 'organizations') return { existingCuis: new Set((context as SerializableContextByKind['organizations']).existingCuis) };
  const ctx = context as SerializableContextByKind['units'];
  return {
    organizationIdByCui: new Map(ctx.organizationIdByCui),
    existingUnitKeys: ctx.existingUnitKeys ? new Set(ctx.existingUnitKeys) : undefined,
    nomenclature: ctx.nomenclature,
  };
}

function previewLive<K extends ImportKind>(
  kind: K,
  table: RawTable,
  mapping: ColumnMapping<FieldByKind[K]>,
  context: LiveContext,
  defaults: FieldDefaults<FieldByKind[K]>,
  onProgress?: ProgressListener,
): ImportPreview<DraftByKind[K]> {
  if (kind === 'organizations') {
    return previewOrganizationImport(table, mapping as ColumnMapping<OrganizationField>, context as Parameters<typeof previewOrganizationImport>[2], {
      onProgress,
      defaults: defaults as FieldDefaults<OrganizationField>,
    }) as ImportPreview<DraftByKind[K]>;
  }
  return previewUnitImport(table, mapping as ColumnMapping<RegisterColumnField>, context as Parameters<typeof previewUnitImport>[2], {
    onProgress,
    defaults: defaults as FieldDefaults<RegisterColumnField>,
  }) as ImportPreview<DraftByKind[K]>;
}

/** Validates a table with a (possibly user-edited) mapping. */
export function previewTable<K extends ImportKind>(
  kind: K,
  table: RawTable,
  mapping: ColumnMapping<FieldByKind[K]>,
  context: SerializableContextByKind[K],
  onProgress?: ProgressListener,
  defaults: FieldDefaults<FieldByKind[K]> = {},
): ImportPreview<DraftByKind[K]> {
  return previewLive(kind, table, mapping, liveContext(kind, context), defaults, onProgress);
}

/** The sheet to preview: with data rows, the most headers matching a column, the first on ties. */
export function pickTable(tables: readonly RawTable[], columns: readonly ColumnDef[]): number {
  const keys = new Set(columns.flatMap((c) => [c.header, ...(c.aliases ?? [])].map(headerKey)));
  let best = -1;
  let bestScore = -1;
  tables.forEach((table, i) => {
    if (table.rows.length === 0) return;
    const score = table.headers.filter((h) => keys.has(headerKey(h))).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

export function summarize(table: RawTable): TableSummary {
  const samples: CellValue[] = table.headers.map(() => null);
  const rows = table.rows.slice(0, 50);
  table.headers.forEach((_, c) => {
    const row = rows.find((r) => !isBlankCell(r.cells[c]));
    samples[c] = row?.cells[c] ?? null;
  });
  return { sheet: table.sheet, headers: table.headers, rowCount: table.rows.length, emptyRowsSkipped: table.emptyRowsSkipped, samples };
}

/** The mapping a table starts with: the one remembered for its layout if it still fits, else the suggested one. */
export function startingMapping<K extends ImportKind>(
  kind: K,
  table: RawTable,
  remembered: Record<string, RememberedMapping> = {},
): { layout: string; mapping: ColumnMapping<FieldByKind[K]>; defaults: FieldDefaults<FieldByKind[K]>; remembered: boolean } {
  const columns = COLUMNS_BY_KIND[kind] as readonly ColumnDef<FieldByKind[K]>[];
  const layout = layoutKey(table.headers);
  const saved = Object.hasOwn(remembered, layout) ? remembered[layout] : undefined;
  if (saved && fitsHeaders(saved.mapping, table.headers, columns)) {
    const mapping = remapByHeaders(saved.mapping, saved.headers, table.headers);
    return { layout, mapping, defaults: { ...(saved.defaults as FieldDefaults<FieldByKind[K]>) }, remembered: true };
  }
  return { layout, mapping: suggestMapping(table.headers, columns), defaults: {}, remembered: false };
}

async function readAll<K extends ImportKind>(
  bytes: Uint8Array,
  fileName: string,
  kind: K,
  context: LiveContext,
  onProgress?: ProgressListener,
  remembered?: Record<string, RememberedMapping>,
): Promise<{ tables: RawTable[]; result: ReadAndPreviewResult<K> }> {
  const tables = await readTables(bytes, fileName);
  const columns = COLUMNS_BY_KIND[kind] as readonly ColumnDef<FieldByKind[K]>[];
  const tableIndex = pickTable(tables, columns);
  const table = tables[tableIndex];
  if (!table) {
    const name = fileName.split(/[/\\]/).pop() ?? fileName;
    throw new ImportFileError(`Fișierul „${name}” nu conține date: nicio foaie nu are, sub rândul de antet, rânduri completate.`);
  }
  const start = startingMapping(kind, table, remembered);
  const preview = previewLive(kind, table, start.mapping, context, start.defaults, onProgress);
  return { tables, result: { tables: tables.map(summarize), tableIndex, ...start, preview } };
}

/** Reads the file, picks the sheet, takes the remembered or suggested mapping and validates every row. */
export async function readAndPreview<K extends ImportKind>(
  bytes: Uint8Array,
  fileName: string,
  kind: K,
  context: SerializableContextByKind[K],
  onProgress?: ProgressListener,
  remembered?: Record<string, RememberedMapping>,
): Promise<ReadAndPreviewResult<K>> {
  return (await readAll(bytes, fileName, kind, liveContext(kind, context), onProgress, remembered)).result;
}

/** The file last read, kept for checks with another mapping or sheet. */
let session: { kind: ImportKind; tables: RawTable[]; context: LiveContext } | undefined;

/** Serves one request, posting progress and then the result or the error. Used by both paths. */
export async function handleImportRequest(request: ImportRequest, post: (response: ImportResponse) => void): Promise<void> {
  const onProgress: ProgressListener = (done, total) => post({ type: 'progress', id: request.id, done, total });
  try {
    let result: ReadAndPreviewResult<ImportKind> | ImportPreview<DraftByKind[ImportKind]> | null = null;
    if (request.type === 'forget') session = undefined;
    else if (request.type === 'read') {
      session = undefined;
      const context = liveContext(request.kind, request.context);
      const read = await readAll(request.bytes, request.fileName, request.kind, context, onProgress, request.remembered);
      session = { kind: request.kind, tables: read.tables, context };
      result = read.result;
    } else {
      const table = session?.tables[request.tableIndex];
      if (!session || !table) throw new ImportFileError('Fișierul nu mai este încărcat (importul a fost anulat sau întrerupt). Alegeți fișierul din nou.');
      result = previewLive(session.kind, table, request.mapping as ColumnMapping<FieldByKind[ImportKind]>, session.context, request.defaults as FieldDefaults<FieldByKind[ImportKind]>, onProgress);
    }
    post({ type: 'result', id: request.id, result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', id: request.id, name: e.name, message: e.message });
  }
}
