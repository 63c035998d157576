import { organizationSearchText, validateOrganization, type Organization, type OrganizationDraft } from '../../../src/catalog/organization';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { diffRecords } from '../../../src/audit/diff';
import { unitSearchText } from '../../../src/register/unit';
import { cleanText } from '../../../src/validation/diacritics';
import { todayIso } from '../../../src/validation/dates';
import { hasErrors } from '../../../src/validation/result';
import type { StoredOrganization, SubventiiDb } from '../database';
import { appendAudit } from '../audit-log';
import { deleteRecord, dependantTables } from '../integrity';
import { idTableMirror } from '../table-mirror';
import { wholeTableReader } from '../table-snapshots';
import { addImported, importTransaction, withoutSearchText } from './import-transaction';

const ENTITY = 'organizations';

function withSearch(org: Organization): StoredOrganization {
  return { ...org, searchText: organizationSearchText(org) };
}

const stripSearch = (org: StoredOrganization): Organization => withoutSearchText(org);

export function createOrganizationRepository(db: SubventiiDb) {
  async function assertUniqueCui(cui: string, exceptId?: string): Promise<void> {
    const other = await db.organizations.where('cui').equals(cui).first();
    if (other && other.id !== exceptId) {
      throw new ValidationError({ cui: `CUI-ul ${cui} aparține deja ONG-ului „${other.name}”.` });
    }
  }

  function validated(draft: OrganizationDraft): OrganizationDraft {
    const { value, errors } = validateOrganization(draft);
    if (hasErrors(errors)) throw new ValidationError(errors);
    return value;
  }

  const readAll = wholeTableReader<StoredOrganization>(db, db.organizations);

  const repository = {
    /**
     * Every record, in id order: outside a transaction from the table's copy when it is valid
     * (renderer/db/table-snapshots.ts, issue 10), else, and inside a caller's transaction, from the table.
     */
    list(): Promise<StoredOrganization[]> {
      return readAll();
    },

    /**
     * Every NGO, live (issue 10): read in full once through list(), then only the NGOs a change
     * touched are read again (renderer/db/table-mirror.ts), not the whole table on every save.
     */
    live: idTableMirror<StoredOrganization>(db, db.organizations, (): Promise<StoredOrganization[]> => repository.list()),

    /**
     * Every NGO's id, name and CUI, live, as the same kind of mirror: what the register and its unit
     * dialog show of the NGOs. The register holds these instead of the whole records (issue 10:
     * 20,000 NGOs are about 35 MB of the page's heap, and a larger heap means longer pauses of the
     * garbage collector while the user types).
     */
    labels: idTableMirror<OrganizationLabel>(
      db,
      { name: db.organizations.name, bulkGet: (keys) => db.organizations.bulkGet(keys).then((found) => found.map((o) => o && labelOf(o))) },
      async (): Promise<OrganizationLabel[]> => (await repository.list()).map(labelOf),
    ),

    /** The NGOs with these ids, by id, in one bulk read (not the whole catalog; unknown ids are left out). */
    async getMany(ids: Iterable<string>): Promise<Map<string, StoredOrganization>> {
      const found = await db.organizations.bulkGet([...new Set(ids)]);
      return new Map(found.flatMap((o) => (o ? [[o.id, o] as const] : [])));
    },

    get(id: string): Promise<StoredOrganization | undefined> {
      return db.organizations.get(id);
    },

    async create(draft: OrganizationDraft): Promise<StoredOrganization> {
      const value = validated(draft);
      return db.transaction('rw', [db.organizations, db.audit, db.settings], async () => {
        await assertUniqueCui(value.cui);
        const record = withSearch(stamp(value));
        await db.organizations.add(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: record.id, label: record.name, action: 'creare', after: stripSearch(record) }]);
        return record;
      });
    },

    async update(id: string, draft: OrganizationDraft, expectedVersion: number): Promise<StoredOrganization> {
      const value = validated(draft);
      return db.transaction('rw', [db.organizations, db.units, db.audit, db.settings], async () => {
        const current = await db.organizations.get(id);
        if (!current) throw new DomainError('ONG-ul nu mai există în catalog (a fost șters între timp).');
        if (current.version !== expectedVersion) {
          throw new ConflictError(`ONG-ul „${current.name}” a fost modificat între timp (versiunea ${current.version}). Reîncărcați fișa și refaceți modificarea.`);
        }
        await assertUniqueCui(value.cui, id);
        const before = stripSearch(current);
        const changes = diffRecords(before, { ...before, ...value });
        if (changes.length === 0) return current;
        const record = withSearch({ ...before, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 });
        await db.organizations.put(record);
        if (record.name !== current.name) {
          await db.units
            .where('organizationId')
            .equals(id)
            .modify((unit) => {
              unit.searchText = unitSearchText(unit, record.name);
            });
        }
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: record.name, action: 'modificare', changes }]);
        return record;
      });
    },

    /**
     * Ends an NGO's life in the catalog without losing it: status „Radiat”, the date and the reason,
     * audited. Its units, requests and history stay (kept at least 5 years after the funding ends).
     */
    async archive(id: string, reason: string, expectedVersion: number): Promise<StoredOrganization> {
      const why = cleanText(reason);
      if (why.length < 3) throw new ValidationError({ archiveReason: 'Scrieți motivul arhivării.' });
      return db.transaction('rw', [db.organizations, db.audit, db.settings], async () => {
        const current = await db.organizations.get(id);
        if (!current) throw new DomainError('ONG-ul nu mai există în catalog.');
        if (current.version !== expectedVersion) throw new ConflictError(`ONG-ul „${current.name}” a fost modificat între timp (versiunea ${current.version}). Reîncărcați fișa și refaceți arhivarea.`);
        const before = stripSearch(current);
        const record = withSearch({ ...before, status: 'radiat', archivedOn: todayIso(), archiveReason: why, updatedAt: new Date().toISOString(), version: current.version + 1 });
        await db.organizations.put(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: record.name, action: 'modificare', changes: diffRecords(before, stripSearch(record)) }]);
        return record;
      });
    },

    /** Deleting an NGO that units, requests, members' links or any other record point at is refused, naming them. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [db.organizations, ...dependantTables(db, ENTITY), db.audit, db.settings], async () => {
        const current = await db.organizations.get(id);
        if (!current) return;
        await deleteRecord(db, ENTITY, id, current.name);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: current.name, action: 'stergere', before: stripSearch(current) }]);
      });
    },

    /**
     * Adds many NGOs in one transaction: either all are stored, or (on any failure, e.g. a CUI
     * that appeared meanwhile) none is. Rows from an import preview (`validated: true`) were
     * checked by the same rules in the import worker and are not validated again; the CUIs are
     * still checked against the catalog inside the transaction.
     */
    async importMany(
      drafts: readonly OrganizationDraft[],
      onProgress?: (done: number, total: number) => void,
      options: { validated?: boolean } = {},
    ): Promise<StoredOrganization[]> {
      const now = new Date().toISOString();
      const records = drafts.map((d) => withSearch(stamp(options.validated ? d : validated(d), now)));
      await importTransaction(() =>
        db.transaction('rw', [db.organizations, db.audit, db.settings], async () => {
          const taken = await db.organizations.where('cui').anyOf(records.map((r) => r.cui)).limit(3).toArray();
          if (taken.length > 0) {
            throw new DomainError(
              `Importul a eșuat și a fost anulat în întregime; nicio înregistrare nu a fost modificată. Motiv: ${taken.map((o) => `CUI-ul ${o.cui} aparține deja ONG-ului „${o.name}”`).join('; ')} (adăugat între timp). Alegeți fișierul din nou.`,
            );
          }
          await addImported<StoredOrganization>(db, db.organizations, ENTITY, records, now, onProgress);
        }),
      );
      return records;
    },
  };
  return repository;
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;

/** An NGO as a list to choose from shows it. */
export type OrganizationLabel = Pick<StoredOrganization, 'id' | 'name' | 'cui'>;

function labelOf({ id, name, cui }: StoredOrganization): OrganizationLabel {
  return { id, name, cui };
}
