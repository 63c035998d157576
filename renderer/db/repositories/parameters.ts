import { diffRecords } from '../../../src/audit/diff';
import { ValidationError } from '../../../src/errors';
import { createShippedParameterStore, SHIPPED_PARAMETER_DEFINITIONS } from '../../../src/parameters/shipped';
import type { ParameterStore } from '../../../src/parameters/store';
import type { ParameterValue } from '../../../src/parameters/types';
import { validateParameterValue, type ParameterValueInput } from '../../../src/parameters/validation';
import { appendAudit } from '../audit-log';
import type { StoredParameterValue, SubventiiDb } from '../database';

const ENTITY = 'parameterValues';
export const parameterValueId = (value: Pick<ParameterValue, 'key' | 'validFrom'>) => `${value.key}@${value.validFrom}`;

function withoutId(stored: StoredParameterValue): ParameterValue {
  const { id: _id, ...value } = stored;
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
    async save(input: ParameterValueInput): Promise<ParameterValue> {
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
        const stored: StoredParameterValue = { ...value, origin: 'utilizator', id };
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
