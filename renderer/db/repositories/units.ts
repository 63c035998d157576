import { diffRecords } from '../../../src/audit/diff';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { mergeNomenclature } from '../../../src/register/nomenclature';
import { unitSearchText, validateUnit, type SocialServiceUnit, type UnitDraft } from '../../../src/register/unit';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { StoredUnit, SubventiiDb } from '../database';
import { addImported, importTransaction, withoutSearchText } from './import-transaction';

const ENTITY = 'units';

const stripSearch = (unit: StoredUnit): SocialServiceUnit => withoutSearchText(unit);

export function createUnitRepository(db: SubventiiDb) {
  async function validated(draft: UnitDraft): Promise<{ value: UnitDraft; organizationName: string }> {
    const nomenclature = mergeNomenclature(await db.nomenclature.toArray());
    const owner = draft.organizationId ? await db.organizations.get(draft.organizationId) : undefined;
    const { value, errors } = validateUnit(draft, { nomenclature, organizationExists: () => !!owner });
    if (hasErrors(errors)) throw new ValidationError(errors);
    return { value, organizationName: owner?.name ?? '' };
  }

  const tables = () => [db.units, db.organizations, db.nomenclature, db.audit, db.settings];

  return {
    list(): Promise<StoredUnit[]> {
      return db.units.toArray();
    },

    get(id: string): Promise<StoredUnit | undefined> {
      return db.units.get(id);
    },

    listByOrganization(organizationId: string): Promise<StoredUnit[]> {
      return db.units.where('organizationId').equals(organizationId).toArray();
    },

    /** The units with these ids, by id, in one bulk read (unknown ids are left out). */
    async getMany(ids: Iterable<string>): Promise<Map<string, StoredUnit>> {
      const found = await db.units.bulkGet([...new Set(ids)]);
      return new Map(found.flatMap((u) => (u ? [[u.id, u] as const] : [])));
    },

    async create(draft: UnitDraft): Promise<StoredUnit> {
      return db.transaction('rw', tables(), async () => {
        const { value, organizationName } = await validated(draft);
        const entity = stamp(value);
        const record: StoredUnit = { ...entity, searchText: unitSearchText(entity, organizationName) };
        await db.units.add(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: record.id, label: record.name, action: 'creare', after: entity }]);
        return record;
      });
    },

    async update(id: string, draft: UnitDraft, expectedVersion: number): Promise<StoredUnit> {
      return db.transaction('rw', tables(), async () => {
        const current = await db.units.get(id);
        if (!current) throw new DomainError('Unitatea nu mai există în registru (a fost ștearsă între timp).');
        if (current.version !== expectedVersion) {
          throw new ConflictError(`Unitatea „${current.name}” a fost modificată între timp (versiunea ${current.version}). Reîncărcați fișa și refaceți modificarea.`);
        }
        const { value, organizationName } = await validated(draft);
        const before = stripSearch(current);
        const changes = diffRecords(before, { ...before, ...value });
        if (changes.length === 0) return current;
        const entity: SocialServiceUnit = { ...before, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 };
        const record: StoredUnit = { ...entity, searchText: unitSearchText(entity, organizationName) };
        await db.units.put(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: record.name, action: 'modificare', changes }]);
        return record;
      });
    },

    async remove(id: string): Promise<void> {
      await db.transaction('rw', tables(), async () => {
        const current = await db.units.get(id);
        if (!current) return;
        await db.units.delete(id);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: current.name, action: 'stergere', before: stripSearch(current) }]);
      });
    },

    /** Adds many units in one transaction: all of them or, on any failure, none. */
    async importMany(drafts: readonly UnitDraft[], onProgress?: (done: number, total: number) => void): Promise<StoredUnit[]> {
      const now = new Date().toISOString();
      const records: StoredUnit[] = [];
      await importTransaction(() =>
        db.transaction('rw', tables(), async () => {
          const nomenclature = mergeNomenclature(await db.nomenclature.toArray());
          const orgNames = new Map((await db.organizations.toArray()).map((o) => [o.id, o.name]));
          for (const draft of drafts) {
            const { value, errors } = validateUnit(draft, { nomenclature, organizationExists: (id) => orgNames.has(id) });
            if (hasErrors(errors)) throw new ValidationError(errors, `Unitatea „${draft.name}” nu este validă: ${Object.values(errors).join(' ')}`);
            const entity = stamp(value, now);
            records.push({ ...entity, searchText: unitSearchText(entity, orgNames.get(entity.organizationId) ?? '') });
          }
          await addImported<StoredUnit>(db, db.units, ENTITY, records, now, onProgress);
        }),
      );
      return records;
    },
  };
}

export type UnitRepository = ReturnType<typeof createUnitRepository>;
