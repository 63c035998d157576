import { documentHeader } from '../../src/documents/document-header';
import { unitKey } from '../../src/import/import-units';
import type { ImportIssue } from '../../src/import/preview';
import { todayIso } from '../../src/validation/dates';
import type { Store } from '../db/store';
import type { DraftByKind, ImportContextByKind, ImportKind, RememberedMapping } from '../io/import-client';
import { datedFileName, FILTERS, saveFile } from '../platform/files';

const CONTEXT_BUILDERS: { [K in ImportKind]: (store: Store) => Promise<ImportContextByKind[K]> } = {
  organizations: async (store) => ({ existingCuis: new Set((await store.organizations.list()).map((o) => o.cui)) }),
  units: async (store) => {
    const [organizations, units, nomenclature] = await Promise.all([store.organizations.list(), store.units.list(), store.nomenclature.list()]);
    return {
      organizationIdByCui: new Map(organizations.map((o) => [o.cui, o.id])),
      existingUnitKeys: new Set(units.map((u) => unitKey(u.organizationId, u.name))),
      nomenclature,
    };
  },
};

/** What the import checks compare against: the CUIs, owners and units already stored. */
export function importContext<K extends ImportKind>(store: Store, kind: K): Promise<ImportContextByKind[K]> {
  return CONTEXT_BUILDERS[kind](store);
}

// The drafts come from the import preview, validated once in the worker: the repositories only
// check them against the database (duplicates, owners) inside the write transaction.
const COMMITTERS: { [K in ImportKind]: (store: Store, drafts: DraftByKind[K][], onProgress?: (done: number, total: number) => void) => Promise<unknown[]> } = {
  organizations: (store, drafts, onProgress) => store.organizations.importMany(drafts, onProgress, { validated: true }),
  units: (store, drafts, onProgress) => store.units.importMany(drafts, onProgress, { validated: true }),
};

/** Stores the valid rows of an import preview in one transaction: all of them, or none. */
export async function commitImport<K extends ImportKind>(
  store: Store,
  kind: K,
  drafts: DraftByKind[K][],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  return (await COMMITTERS[kind](store, drafts, onProgress)).length;
}

/** The mappings remembered for this kind of import, by file layout. */
export async function rememberedMappings(store: Store, kind: ImportKind): Promise<Record<string, RememberedMapping>> {
  return store.settings.getImportMappings(kind);
}

/** Remembers the mapping used for a file layout, for the next file with the same headers. */
export function rememberMapping(store: Store, kind: ImportKind, layout: string, value: RememberedMapping): Promise<void> {
  return store.settings.rememberImportMapping(kind, layout, value);
}

const REFUSED_TITLES: Record<ImportKind, string> = {
  organizations: 'Rânduri refuzate la importul în catalogul ONG',
  units: 'Rânduri refuzate la importul în registrul unităților licențiate',
};

/** The refused rows of an import (sheet, row, column, value, reason) as XLSX, to fix the file and import it again. */
export async function exportRefusedRows(store: Store, kind: ImportKind, fileName: string, issues: readonly ImportIssue[]): Promise<boolean> {
  const [{ renderRefusedRowsXlsx }, institution] = await Promise.all([import('../../templates/xlsx/import-refused'), store.settings.getInstitution()]);
  const bytes = await renderRefusedRowsXlsx({
    header: documentHeader(institution),
    title: REFUSED_TITLES[kind],
    fileName,
    date: todayIso(),
    issues,
  });
  const stem = (fileName.split(/[/\\]/).pop() ?? fileName).replace(/\.[^.]+$/, '');
  return saveFile(datedFileName(`randuri-refuzate-${stem}`, 'xlsx', todayIso()), bytes, FILTERS.xlsx);
}
