import { ConflictError, ValidationError } from '../../../src/errors';
import { mergeNomenclature, validateNomenclatureEntry, type NomenclatureEntry } from '../../../src/register/nomenclature';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

/** A user code as stored: with the version of optimistic concurrency. */
type StoredNomenclatureEntry = NomenclatureEntry & { version?: number };

export function createNomenclatureRepository(db: SubventiiDb) {
  return {
    async list(): Promise<NomenclatureEntry[]> {
      return mergeNomenclature(await db.nomenclature.toArray());
    },

    /** The stored version of a user code (0: none), for save(). */
    async versionOf(code: string): Promise<number> {
      const row = (await db.nomenclature.get(code)) as StoredNomenclatureEntry | undefined;
      return row ? (row.version ?? 1) : 0;
    },

    /**
     * Adds or replaces a user code. `expectedVersion` is the version of the stored code the form saw
     * (0: none); a code changed meanwhile in another window is refused with a conflict.
     */
    async save(input: NomenclatureEntry, expectedVersion?: number): Promise<NomenclatureEntry> {
      const { value, errors } = validateNomenclatureEntry(input);
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await db.transaction('rw', [db.nomenclature, db.audit, db.settings], async () => {
        const before = (await db.nomenclature.get(value.code)) as StoredNomenclatureEntry | undefined;
        const version = before ? (before.version ?? 1) : 0;
        if (expectedVersion !== undefined && expectedVersion !== version) {
          throw new ConflictError(`Codul ${value.code} a fost adăugat sau modificat între timp, în altă fereastră sau filă. Datele introduse au rămas în formular: verificați lista și salvați din nou.`);
        }
        await db.nomenclature.put({ ...value, version: version + 1 } as StoredNomenclatureEntry);
        const { version: _version, ...previous } = before ?? {};
        await appendAudit(db, [{ entity: 'nomenclature', entityId: value.code, label: `${value.code} ${value.name}`, action: before ? 'modificare' : 'creare', before: before ? previous : undefined, after: value }]);
      });
      return value;
    },
  };
}
