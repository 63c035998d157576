import { diffRecords } from '../../../src/audit/diff';
import { ValidationError } from '../../../src/errors';
import { defaultInstitutionSettings, validateInstitutionSettings, type InstitutionSettings } from '../../../src/settings/institution';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

const INSTITUTION_KEY = 'institution';

export function createSettingsRepository(db: SubventiiDb) {
  return {
    async getInstitution(): Promise<InstitutionSettings> {
      const row = await db.settings.get(INSTITUTION_KEY);
      return { ...defaultInstitutionSettings(), ...((row?.value as Partial<InstitutionSettings> | undefined) ?? {}) };
    },

    async saveInstitution(input: InstitutionSettings): Promise<InstitutionSettings> {
      const { value, errors } = validateInstitutionSettings(input);
      if (hasErrors(errors)) throw new ValidationError(errors);
      await db.transaction('rw', [db.settings, db.audit], async () => {
        const row = await db.settings.get(INSTITUTION_KEY);
        const before = { ...defaultInstitutionSettings(), ...((row?.value as Partial<InstitutionSettings> | undefined) ?? {}) };
        const changes = diffRecords(before, value);
        await db.settings.put({ key: INSTITUTION_KEY, value });
        if (changes.length > 0) {
          await appendAudit(db, [{ entity: 'settings', entityId: INSTITUTION_KEY, label: 'Setări instituție', action: row ? 'modificare' : 'creare', changes }]);
        }
      });
      return value;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
