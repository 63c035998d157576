import { organizationSearchText, validateOrganization, type Organization, type OrganizationDraft } from '../../../src/catalog/organization';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { diffRecords } from '../../../src/audit/diff';
import { unitSearchText } from '../../../src/register/unit';
import { hasErrors } from '../../../src/validation/result';
import type { StoredOrganization, SubventiiDb } from '../database';
import { appendAudit } from '../audit-log';
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

  return {
    list(): Promise<StoredOrganization[]> {
      return db.organizations.toArray();
    },

    get(id: string): Promise<StoredOrganization | undefined> {
      return db.organizations.get(id);
    },

    /** The NGOs with these ids, by id, in one bulk read (not the whole catalog; unknown ids are left out). */
    async getMany(ids: Iterable<string>): Promise<Map<string, StoredOrganization>> {
      const found = await db.organizations.bulkGet([...new Set(ids)]);
      return new Map(found.flatMap((o) => (o ? [[o.id, o] as const] : [])));
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

    /** Deleting an NGO that still owns units is refused, naming them. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [db.organizations, db.units, db.audit, db.settings], async () => {
        const current = await db.organizations.get(id);
        if (!current) return;
        const units = await db.units.where('organizationId').equals(id).toArray();
        if (units.length > 0) {
          const names = units.map((u) => `„${u.name}”`).sort((a, b) => a.localeCompare(b, 'ro'));
          throw new DomainError(
            `ONG-ul „${current.name}” nu poate fi șters: administrează ${units.length === 1 ? 'unitatea' : `${units.length} unități`} ${names.join(', ')}. Ștergeți sau mutați mai întâi unitățile ori marcați ONG-ul ca „Radiat”.`,
          );
        }
        await db.organizations.delete(id);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: current.name, action: 'stergere', before: stripSearch(current) }]);
      });
    },

    /**
     * Adds many already-validated NGOs in one transaction: either all are stored, or (on any
     * failure, e.g. a CUI that appeared meanwhile) none is.
     */
    async importMany(drafts: readonly OrganizationDraft[], onProgress?: (done: number, total: number) => void): Promise<StoredOrganization[]> {
      const now = new Date().toISOString();
      const records = drafts.map((d) => withSearch(stamp(validated(d), now)));
      await importTransaction(() =>
        db.transaction('rw', [db.organizations, db.audit, db.settings], () => addImported<StoredOrganization>(db, db.organizations, ENTITY, records, now, onProgress)),
      );
      return records;
    },
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
