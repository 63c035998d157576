import { ValidationError } from '../../../src/errors';
import { mergeNomenclature, validateNomenclatureEntry, type NomenclatureEntry } from '../../../src/register/nomenclature';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

export function createNomenclatureRepository(db: SubventiiDb) {
  return {
    async list(): Promise<NomenclatureEntry[]> {
      return mergeNomenclature(await db.nomenclature.toArray());
    },

    async save(input: NomenclatureEntry): Promise<NomenclatureEntry> {
      const { value, errors } = validateNomenclatureEntry(input);
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await db.transaction('rw', [db.nomenclature, db.audit, db.settings], async () => {
        const before = await db.nomenclature.get(value.code);
        await db.nomenclature.put(value);
        await appendAudit(db, [{ entity: 'nomenclature', entityId: value.code, label: `${value.code} ${value.name}`, action: before ? 'modificare' : 'creare', before, after: value }]);
      });
      return value;
    },
  };
}
