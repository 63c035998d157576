import { diffRecords } from '../../../src/audit/diff';
import { ConflictError, ValidationError } from '../../../src/errors';
import { createShippedParameterStore, SHIPPED_PARAMETER_DEFINITIONS } from '../../../src/parameters/shipped';
import type { ParameterStore } from '../../../src/parameters/store';
import type { ParameterValue } from '../../../src/parameters/types';
import { validateParameterValue, type ParameterValueInput } from '../../../src/parameters/validation';
import { appendAudit } from '../audit-log';
import type { StoredParameterValue, SubventiiDb } from '../database';

const ENTITY = 'parameterValues';
export const parameterValueId = (value: Pick<ParameterValue, 'key' | 'validFrom'>) => `${value.key}@${value.validFrom}`;

function withoutId(stored: StoredParameterValue): ParameterValue {
  const { id: _id, version: _version, ...value } = stored;
  return value;
}

/** Legal parameters: the shipped values with the ones users added, as one dated store. */
export function createParameterRepository(db: SubventiiDb) {
  return {
    async userValues(): Promise<ParameterValue[]> {
      return (await db.parameterValues.toArray()).map(withoutId);
    },

    async store(): Promise<ParameterStore> {
      return createShippedParameterStore(await this.userValues());
    },

    /**
     * Adds (or corrects) a dated value: validated against its definition and the other user values,
     * stored with an audit entry. A value with a later start date closes the previous period.
     */
    /** validFrom → stored version of the user values of a key, as a form sees them. */
    async userVersions(key: string): Promise<Map<string, number>> {
      return new Map((await db.parameterValues.where('key').equals(key).toArray()).map((v) => [v.validFrom, v.version ?? 1]));
    },

    /** The stored version of a user value (0: none), for save(). */
    async versionOf(key: string, validFrom: string): Promise<number> {
      const row = await db.parameterValues.get(parameterValueId({ key, validFrom }));
      return row ? (row.version ?? 1) : 0;
    },

    /** `expectedVersion`: the version of the value for that date the form saw (0: none); a change made meanwhile is a conflict. */
    async save(input: ParameterValueInput, expectedVersion?: number): Promise<ParameterValue> {
      return db.transaction('rw', [db.parameterValues, db.audit, db.settings], async () => {
        const others = (await db.parameterValues.toArray()).map(withoutId);
        const draftId = parameterValueId({ key: input.key, validFrom: String(input.validFrom ?? '') });
        const { value, errors } = validateParameterValue(
          { ...input, createdAt: input.createdAt ?? new Date().toISOString() },
          SHIPPED_PARAMETER_DEFINITIONS,
          others.filter((o) => parameterValueId(o) !== draftId),
        );
        if (Object.keys(errors).length > 0) throw new ValidationError(errors);
        const id = parameterValueId(value);
        const before = await db.parameterValues.get(id);
        const version = before ? (before.version ?? 1) : 0;
        if (expectedVersion !== undefined && expectedVersion !== version) {
          throw new ConflictError('Valoarea pentru această dată a fost adăugată sau modificată între timp, în altă fereastră sau filă. Datele introduse au rămas în formular: verificați istoricul parametrului și salvați din nou.');
        }
        const stored: StoredParameterValue = { ...value, origin: 'utilizator', id, version: version + 1 };
        await db.parameterValues.put(stored);
        const label = SHIPPED_PARAMETER_DEFINITIONS.find((d) => d.key === value.key)?.label ?? value.key;
        await appendAudit(db, [{
          entity: ENTITY,
          entityId: id,
          label: `${label} (de la ${value.validFrom})`,
          action: before ? 'modificare' : 'creare',
          changes: diffRecords(before ? withoutId(before) : undefined, withoutId(stored)),
        }]);
        return withoutId(stored);
      });
    },
  };
}

export type ParameterRepository = ReturnType<typeof createParameterRepository>;
