import { DomainError } from '../../../src/errors';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

/** A stored record without the precomputed search text (what the audit log keeps). */
export function withoutSearchText<T extends { searchText: string }>(record: T): Omit<T, 'searchText'> {
  const { searchText: _searchText, ...rest } = record;
  return rest;
}

/**
 * Runs an import's transaction and turns a storage failure into a Romanian message that says the
 * whole import was rolled back.
 */
export async function importTransaction<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const name = (error as { name?: string }).name ?? '';
    const reason = name === 'BulkError' || name === 'ConstraintError'
      ? 'o înregistrare intră în conflict cu una existentă (de exemplu un CUI adăugat între timp)'
      : ((error as Error).message ?? String(error));
    throw new DomainError(`Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată. Motiv: ${reason}.`);
  }
}

const CHUNK = 1000;

/**
 * Inside an import's transaction: adds the records in chunks, each with its "import" audit entry,
 * reporting progress after every chunk.
 */
export async function addImported<R extends { id: string; name: string; searchText: string }>(
  db: SubventiiDb,
  table: { bulkAdd(items: R[]): Promise<unknown> },
  entity: string,
  records: readonly R[],
  at: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    const slice = records.slice(i, i + CHUNK);
    await table.bulkAdd(slice);
    await appendAudit(db, slice.map((r) => ({ entity, entityId: r.id, label: r.name, action: 'import' as const, after: withoutSearchText(r) })), at);
    onProgress?.(Math.min(i + CHUNK, records.length), records.length);
  }
}
