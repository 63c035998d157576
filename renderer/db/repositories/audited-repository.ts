import type { Table } from 'dexie';
import { diffRecords } from '../../../src/audit/diff';
import { stamp, type Draft, type Entity } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import type { FieldErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

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
    label(record: Draft<T>): string;
    validate(draft: Draft<T>): { value: Draft<T>; errors: FieldErrors };
  },
) {
  const { table, entity, noun } = options;
  function validated(draft: Draft<T>): Draft<T> {
    const { value, errors } = options.validate(draft);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return value;
  }
  const tables = [table, db.audit, db.settings];
  return {
    list(): Promise<T[]> {
      return table.toArray();
    },
    get(id: string): Promise<T | undefined> {
      return table.get(id);
    },
    async create(draft: Draft<T>): Promise<T> {
      const record = stamp(validated(draft)) as T;
      await db.transaction('rw', tables, async () => {
        await table.add(record);
        await appendAudit(db, [{ entity, entityId: record.id, label: options.label(record), action: 'creare', after: record }]);
      });
      return record;
    },
    async update(id: string, draft: Draft<T>, expectedVersion: number): Promise<T> {
      const value = validated(draft);
      return db.transaction('rw', tables, async () => {
        const current = await table.get(id);
        if (!current) throw new DomainError(`${noun} nu mai există (a fost ștearsă între timp).`);
        if (current.version !== expectedVersion) {
          throw new ConflictError(`${noun} „${options.label(current)}” a fost modificată între timp (versiunea ${current.version}). Reîncărcați fișa și refaceți modificarea.`);
        }
        const changes = diffRecords(current, { ...current, ...value });
        if (changes.length === 0) return current;
        const record = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 } as T;
        await table.put(record);
        await appendAudit(db, [{ entity, entityId: id, label: options.label(record), action: 'modificare', changes }]);
        return record;
      });
    },
    async remove(id: string): Promise<void> {
      await db.transaction('rw', tables, async () => {
        const current = await table.get(id);
        if (!current) return;
        await table.delete(id);
        await appendAudit(db, [{ entity, entityId: id, label: options.label(current), action: 'stergere', before: current }]);
      });
    },
  };
}
