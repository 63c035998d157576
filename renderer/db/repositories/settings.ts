import { diffRecords } from '../../../src/audit/diff';
import { ConflictError, ValidationError } from '../../../src/errors';
import { defaultInstitutionSettings, validateInstitutionSettings, type InstitutionSettings } from '../../../src/settings/institution';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { SettingRow, SubventiiDb } from '../database';

const INSTITUTION_KEY = 'institution';

/** Rows written before settings carried a version count as version 1; no row is version 0. */
const rowVersion = (row: SettingRow | undefined): number => (row ? (row.version ?? 1) : 0);

export function createSettingsRepository(db: SubventiiDb) {
  return {
    async getInstitution(): Promise<InstitutionSettings> {
      const row = await db.settings.get(INSTITUTION_KEY);
      return { ...defaultInstitutionSettings(), ...((row?.value as Partial<InstitutionSettings> | undefined) ?? {}) };
    },

    /** The settings with the version they were read at (0 while never saved), for saveInstitution. */
    async getInstitutionVersioned(): Promise<{ value: InstitutionSettings; version: number }> {
      const row = await db.settings.get(INSTITUTION_KEY);
      return { value: { ...defaultInstitutionSettings(), ...((row?.value as Partial<InstitutionSettings> | undefined) ?? {}) }, version: rowVersion(row) };
    },

    /**
     * Saves the institution's settings. With `expectedVersion` (what a form read), a save over a
     * change made meanwhile in another window is refused with a conflict; the form keeps its input.
     */
    async saveInstitution(input: InstitutionSettings, expectedVersion?: number): Promise<InstitutionSettings> {
      const { value, errors } = validateInstitutionSettings(input);
      if (hasErrors(errors)) throw new ValidationError(errors);
      await db.transaction('rw', [db.settings, db.audit], async () => {
        const row = await db.settings.get(INSTITUTION_KEY);
        const version = rowVersion(row);
        if (expectedVersion !== undefined && expectedVersion !== version) {
          throw new ConflictError(
            'Setările instituției au fost modificate între timp în altă fereastră sau filă. Modificările dvs. au rămas în formular: copiați-le, reîncărcați pagina și salvați-le din nou.',
          );
        }
        const before = { ...defaultInstitutionSettings(), ...((row?.value as Partial<InstitutionSettings> | undefined) ?? {}) };
        const changes = diffRecords(before, value);
        await db.settings.put({ key: INSTITUTION_KEY, value, version: version + 1 });
        if (changes.length > 0) {
          await appendAudit(db, [{ entity: 'settings', entityId: INSTITUTION_KEY, label: 'Setări instituție', action: row ? 'modificare' : 'creare', changes }]);
        }
      });
      return value;
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
