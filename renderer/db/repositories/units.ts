import { diffRecords } from '../../../src/audit/diff';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { mergeNomenclature } from '../../../src/register/nomenclature';
import { unitSearchText, validateUnit, type SocialServiceUnit, type UnitDraft } from '../../../src/register/unit';
import { cleanText } from '../../../src/validation/diacritics';
import { todayIso } from '../../../src/validation/dates';
import { unitKey } from '../../../src/import/import-units';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { StoredUnit, SubventiiDb } from '../database';
import { deleteRecord, dependantTables } from '../integrity';
import { idTableMirror } from '../table-mirror';
import { wholeTableReader } from '../table-snapshots';
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

  const readAll = wholeTableReader<StoredUnit>(db, db.units);

  const repository = {
    /**
     * Every record, in id order: outside a transaction from the table's copy when it is valid
     * (renderer/db/table-snapshots.ts, issue 10), else, and inside a caller's transaction, from the table.
     */
    list(): Promise<StoredUnit[]> {
      return readAll();
    },

    /**
     * Every unit, live (issue 10): read in full once through list(), then only the units a change
     * touched are read again (renderer/db/table-mirror.ts), not the whole table on every save.
     */
    live: idTableMirror<StoredUnit>(db, db.units, (): Promise<StoredUnit[]> => repository.list()),

    /**
     * How many units each NGO has, by organization id, read from the organizationId index alone
     * (its keys, not the records): the catalog's "Unități" column costs a fraction of reading the
     * whole register, and does not hold up the NGOs' own read at start-up.
     */
    async countsByOrganization(): Promise<Map<string, number>> {
      const owners = (await db.units.orderBy('organizationId').keys()) as string[];
      const counts = new Map<string, number>();
      for (const id of owners) counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    },

    /** The units with these ids, by id, in one bulk read (unknown ids are left out). */
    async getMany(ids: Iterable<string>): Promise<Map<string, StoredUnit>> {
      const found = await db.units.bulkGet([...new Set(ids)]);
      return new Map(found.flatMap((u) => (u ? [[u.id, u] as const] : [])));
    },

    /**
     * The units of these NGOs, in one read transaction: one indexed read per NGO, all issued at
     * once (IndexedDB pipelines them; a cursor over the index, as anyOf uses, waits for every step
     * in turn); for a large part of the register (a whole round), the whole table read at once and
     * filtered here, which costs less than as many indexed reads.
     */
    async listByOrganizations(organizationIds: readonly string[]): Promise<StoredUnit[]> {
      const wanted = [...new Set(organizationIds)];
      if (wanted.length === 0) return [];
      return db.transaction('r', db.units, async () => {
        if (wanted.length > 20 && wanted.length * 4 >= (await db.units.count())) {
          const set = new Set(wanted);
          return (await db.units.toArray()).filter((u) => set.has(u.organizationId));
        }
        const lists = await Promise.all(wanted.map((id) => db.units.where('organizationId').equals(id).toArray()));
        return lists.flat();
      });
    },

    get(id: string): Promise<StoredUnit | undefined> {
      return db.units.get(id);
    },

    listByOrganization(organizationId: string): Promise<StoredUnit[]> {
      return db.units.where('organizationId').equals(organizationId).toArray();
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

    /** Closes a unit without losing it: status „Închisă”, the date and the reason, audited. */
    async archive(id: string, reason: string, expectedVersion: number): Promise<StoredUnit> {
      const why = cleanText(reason);
      if (why.length < 3) throw new ValidationError({ archiveReason: 'Scrieți motivul arhivării.' });
      return db.transaction('rw', tables(), async () => {
        const current = await db.units.get(id);
        if (!current) throw new DomainError('Unitatea nu mai există în registru.');
        if (current.version !== expectedVersion) throw new ConflictError(`Unitatea „${current.name}” a fost modificată între timp (versiunea ${current.version}). Reîncărcați fișa și refaceți arhivarea.`);
        const before = stripSearch(current);
        const record: StoredUnit = { ...current, status: 'inchisa', archivedOn: todayIso(), archiveReason: why, updatedAt: new Date().toISOString(), version: current.version + 1 };
        await db.units.put(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: record.name, action: 'modificare', changes: diffRecords(before, stripSearch(record)) }]);
        return record;
      });
    },

    /** Refused, naming them, when requests (or any other record) point at the unit. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [...tables(), ...dependantTables(db, ENTITY)], async () => {
        const current = await db.units.get(id);
        if (!current) return;
        await deleteRecord(db, ENTITY, id, current.name);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: current.name, action: 'stergere', before: stripSearch(current) }]);
      });
    },

    /**
     * Adds many units in one transaction: all of them or, on any failure, none. Rows from an
     * import preview (`validated: true`) were checked by the same rules in the import worker and
     * are not validated again; their owners and names are still checked against the database
     * inside the transaction (an NGO deleted or a unit added meanwhile).
     */
    async importMany(
      drafts: readonly UnitDraft[],
      onProgress?: (done: number, total: number) => void,
      options: { validated?: boolean } = {},
    ): Promise<StoredUnit[]> {
      const now = new Date().toISOString();
      const records: StoredUnit[] = [];
      await importTransaction(() =>
        db.transaction('rw', tables(), async () => {
          const ownerIds = [...new Set(drafts.map((d) => d.organizationId))];
          const owners = await db.organizations.bulkGet(ownerIds);
          const orgNames = new Map(owners.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
          const nomenclature = options.validated ? [] : mergeNomenclature(await db.nomenclature.toArray());
          const existing = new Set((await db.units.where('organizationId').anyOf(ownerIds).toArray()).map((u) => unitKey(u.organizationId, u.name)));
          for (const draft of drafts) {
            let value = draft;
            if (!options.validated) {
              const result = validateUnit(draft, { nomenclature, organizationExists: (id) => orgNames.has(id) });
              if (hasErrors(result.errors)) throw new ValidationError(result.errors, `Unitatea „${draft.name}” nu este validă: ${Object.values(result.errors).join(' ')}`);
              value = result.value;
            } else if (!orgNames.has(draft.organizationId)) {
              throw new DomainError(`Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată. Motiv: ONG-ul unității „${draft.name}” nu mai există în catalog (a fost șters între timp). Alegeți fișierul din nou.`);
            }
            if (existing.has(unitKey(value.organizationId, value.name))) {
              throw new DomainError(
                `Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată. Motiv: unitatea „${value.name}” există deja în registru la ONG-ul „${orgNames.get(value.organizationId) ?? ''}” (adăugată între timp). Alegeți fișierul din nou.`,
              );
            }
            const entity = stamp(value, now);
            records.push({ ...entity, searchText: unitSearchText(entity, orgNames.get(entity.organizationId) ?? '') });
          }
          await addImported<StoredUnit>(db, db.units, ENTITY, records, now, onProgress);
        }),
      );
      return records;
    },
  };
  return repository;
}

export type UnitRepository = ReturnType<typeof createUnitRepository>;
