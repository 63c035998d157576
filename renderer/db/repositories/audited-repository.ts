import type { Table } from 'dexie';
import { diffRecords } from '../../../src/audit/diff';
import { stamp, type Draft, type Entity } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import type { FieldErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';
import { deleteRecord, dependantTables } from '../integrity';

/**
 * Create, update and delete for a record type without cross-record rules: validation by a pure
 * function from src/, optimistic concurrency by version, and an audit entry in the same transaction.
 */
export function createAuditedRepository<T extends Entity>(
  db: SubventiiDb,
  options: {
    table: Table<T, string>;
    entity: string;
    /** The noun in messages: "Runda". */
    noun: string;
    /** What the user calls the record in messages and in the audit log; may read other records. */
    label(record: Draft<T>): string | Promise<string>;
    /** May read other records (it runs inside the write transaction, over `readTables`). */
    validate(draft: Draft<T>, id?: string): { value: Draft<T>; errors: FieldErrors } | Promise<{ value: Draft<T>; errors: FieldErrors }>;
    /** Tables the validation reads. */
    readTables?: Table[];
    /** Refuses the change (throws a DomainError) when the record may not change, e.g. final results. */
    guard?(record: Draft<T>): Promise<void>;
  },
) {
  const { table, entity, noun } = options;
  async function validated(draft: Draft<T>, id?: string): Promise<Draft<T>> {
    const { value, errors } = await options.validate(draft, id);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    await options.guard?.(value);
    return value;
  }
  const tables = [table, db.audit, db.settings, ...(options.readTables ?? [])];
  return {
    list(): Promise<T[]> {
      return table.toArray();
    },
    get(id: string): Promise<T | undefined> {
      return table.get(id);
    },
    async create(draft: Draft<T>): Promise<T> {
      return db.transaction('rw', tables, async () => {
        const record = stamp(await validated(draft)) as T;
        await table.add(record);
        await appendAudit(db, [{ entity, entityId: record.id, label: await options.label(record), action: 'creare', after: record }]);
        return record;
      });
    },
    async update(id: string, draft: Draft<T>, expectedVersion: number): Promise<T> {
      return db.transaction('rw', tables, async () => {
        const value = await validated(draft, id);
        const current = await table.get(id);
        if (!current) throw new DomainError(`${noun} nu mai există (a fost ștearsă între timp).`);
        if (current.version !== expectedVersion) {
          throw new ConflictError(`${noun} „${await options.label(current)}” a fost modificată între timp (versiunea ${current.version}). Reîncărcați fișa și refaceți modificarea.`);
        }
        const changes = diffRecords(current, { ...current, ...value });
        if (changes.length === 0) return current;
        const record = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 } as T;
        await table.put(record);
        await appendAudit(db, [{ entity, entityId: id, label: await options.label(record), action: 'modificare', changes }]);
        return record;
      });
    },
    /** Refused, naming them, when other records point at this one (src/backup/schema.ts references). */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', [...tables, ...dependantTables(db, table.name)], async () => {
        const current = await table.get(id);
        if (!current) return;
        await options.guard?.(current);
        await deleteRecord(db, table.name, id, await options.label(current));
        await appendAudit(db, [{ entity, entityId: id, label: await options.label(current), action: 'stergere', before: current }]);
      });
    },
  };
}
