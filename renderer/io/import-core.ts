// The import work shared by the Web Worker and the main-thread fallback: one code path for both.
import { ORGANIZATION_COLUMNS } from '../../src/catalog/columns';
import type { OrganizationDraft, OrganizationField } from '../../src/catalog/organization';
import { previewOrganizationImport } from '../../src/import/import-organizations';
import { previewUnitImport } from '../../src/import/import-units';
import { suggestMapping, type ColumnMapping } from '../../src/import/mapping';
import type { ImportPreview } from '../../src/import/preview';
import type { RawTable } from '../../src/import/raw-table';
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

export interface ReadAndPreviewResult<K extends ImportKind> {
  /** Every sheet with data (a CSV file gives one table). */
  tables: RawTable[];
  /** The table previewed: the sheet with data whose headers match the most columns (first on ties). */
  tableIndex: number;
  mapping: ColumnMapping<FieldByKind[K]>;
  preview: ImportPreview<DraftByKind[K]>;
}

export const COLUMNS_BY_KIND: { [K in ImportKind]: readonly ColumnDef<FieldByKind[K]>[] } = {
  organizations: ORGANIZATION_COLUMNS,
  units: REGISTER_COLUMNS,
};

export type ImportRequest =
  | { type: 'read'; id: number; bytes: Uint8Array; fileName: string; kind: ImportKind; context: SerializableContextByKind[ImportKind] }
  | { type: 'preview'; id: number; table: RawTable; mapping: ColumnMapping; kind: ImportKind; context: SerializableContextByKind[ImportKind] };

export type ImportResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; result: ReadAndPreviewResult<ImportKind> | ImportPreview<DraftByKind[ImportKind]> }
  | { type: 'error'; id: number; name: string; message: string };

export type ProgressListener = (done: number, total: number) => void;

/** Validates a table with a (possibly user-edited) mapping. */
export function previewTable<K extends ImportKind>(
  kind: K,
  table: RawTable,
  mapping: ColumnMapping<FieldByKind[K]>,
  context: SerializableContextByKind[K],
  onProgress?: ProgressListener,
): ImportPreview<DraftByKind[K]> {
  const options = { onProgress };
  if (kind === 'organizations') {
    const ctx = context as SerializableContextByKind['organizations'];
    return previewOrganizationImport(table, mapping as ColumnMapping<OrganizationField>, { existingCuis: new Set(ctx.existingCuis) }, options) as ImportPreview<DraftByKind[K]>;
  }
  const ctx = context as SerializableContextByKind['units'];
  return previewUnitImport(
    table,
    mapping as ColumnMapping<RegisterColumnField>,
    {
      organizationIdByCui: new Map(ctx.organizationIdByCui),
      existingUnitKeys: ctx.existingUnitKeys ? new Set(ctx.existingUnitKeys) : undefined,
      nomenclature: ctx.nomenclature,
    },
    options,
  ) as ImportPreview<DraftByKind[K]>;
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

/** Reads the file, picks the sheet, suggests the mapping and validates every row. */
export async function readAndPreview<K extends ImportKind>(
  bytes: Uint8Array,
  fileName: string,
  kind: K,
  context: SerializableContextByKind[K],
  onProgress?: ProgressListener,
): Promise<ReadAndPreviewResult<K>> {
  const tables = await readTables(bytes, fileName);
  const columns = COLUMNS_BY_KIND[kind] as readonly ColumnDef<FieldByKind[K]>[];
  const tableIndex = pickTable(tables, columns);
  const table = tables[tableIndex];
  if (!table) {
    const name = fileName.split(/[/\\]/).pop() ?? fileName;
    throw new ImportFileError(`Fișierul „${name}” nu conține date: nicio foaie nu are, sub rândul de antet, rânduri completate.`);
  }
  const mapping = suggestMapping(table.headers, columns);
  const preview = previewTable(kind, table, mapping, context, onProgress);
  return { tables, tableIndex, mapping, preview };
}

/** Serves one request, posting progress and then the result or the error. Used by both paths. */
export async function handleImportRequest(request: ImportRequest, post: (response: ImportResponse) => void): Promise<void> {
  const onProgress: ProgressListener = (done, total) => post({ type: 'progress', id: request.id, done, total });
  try {
    const result =
      request.type === 'read'
        ? await readAndPreview(request.bytes, request.fileName, request.kind, request.context, onProgress)
        : previewTable(request.kind, request.table, request.mapping as ColumnMapping<FieldByKind[ImportKind]>, request.context, onProgress);
    post({ type: 'result', id: request.id, result });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ type: 'error', id: request.id, name: e.name, message: e.message });
  }
}
