import { diffRecords } from '../../../src/audit/diff';
import { ConflictError, ValidationError } from '../../../src/errors';
import { defaultFinanceSettings, validateFinanceSettings, type FinanceSettings } from '../../../src/settings/finance';
import { defaultInstitutionSettings, validateInstitutionSettings, type InstitutionSettings } from '../../../src/settings/institution';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { SettingRow, SubventiiDb } from '../database';

const INSTITUTION_KEY = 'institution';
const FINANCE_KEY = 'finance';

/** Rows written before settings carried a version count as version 1; no row is version 0. */
const rowVersion = (row: SettingRow | undefined): number => (row ? (row.version ?? 1) : 0);

/** The mapping an import used for a file layout (headers), offered again for the next such file. */
export interface StoredImportMapping {
  mapping: (string | null)[];
  defaults: Partial<Record<string, string>>;
  /** The file's headers, in the order the mapping follows. */
  headers?: string[];
  savedAt: string;
}

/** Layouts remembered per kind of import; the oldest are forgotten beyond this. */
const MAX_LAYOUTS = 30;
const importMappingsKey = (kind: string) => `import-mappings:${kind}`;

export function createSettingsRepository(db: SubventiiDb) {
  async function readFinance(): Promise<{ value: FinanceSettings; version: number }> {
    const row = await db.settings.get(FINANCE_KEY);
    return { value: { ...defaultFinanceSettings(), ...((row?.value as Partial<FinanceSettings> | undefined) ?? {}) }, version: rowVersion(row) };
  }
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

    /** The finance settings for conventions (budget title/article, submission day), with the version they were read at. */
    getFinanceVersioned: readFinance,

    async getFinance(): Promise<FinanceSettings> {
      return (await readFinance()).value;
    },

    /** Saves the finance settings; a save over a change made meanwhile elsewhere is refused as a conflict. */
    async saveFinance(input: FinanceSettings, expectedVersion?: number): Promise<FinanceSettings> {
      const { value, errors } = validateFinanceSettings(input);
      if (hasErrors(errors)) throw new ValidationError(errors);
      await db.transaction('rw', [db.settings, db.audit], async () => {
        const row = await db.settings.get(FINANCE_KEY);
        const version = rowVersion(row);
        if (expectedVersion !== undefined && expectedVersion !== version) {
          throw new ConflictError('Setările financiare au fost modificate între timp în altă fereastră sau filă. Reîncărcați pagina și salvați-le din nou.');
        }
        const before = { ...defaultFinanceSettings(), ...((row?.value as Partial<FinanceSettings> | undefined) ?? {}) };
        const changes = diffRecords(before, value);
        await db.settings.put({ key: FINANCE_KEY, value, version: version + 1 });
        if (changes.length > 0) {
          await appendAudit(db, [{ entity: 'settings', entityId: FINANCE_KEY, label: 'Setări financiare (convenții)', action: row ? 'modificare' : 'creare', changes }]);
        }
      });
      return value;
    },

    /** The import mappings remembered for a kind of import ("organizations", "units"), by layout key. */
    async getImportMappings(kind: string): Promise<Record<string, StoredImportMapping>> {
      const row = await db.settings.get(importMappingsKey(kind));
      const value = row?.value;
      return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, StoredImportMapping>) } : {};
    },

    /** Remembers the mapping of a file layout; audited when it changes what was remembered. */
    async rememberImportMapping(
      kind: string,
      layout: string,
      input: { mapping: readonly (string | null)[]; defaults: Partial<Record<string, string>>; headers?: readonly string[] },
    ): Promise<void> {
      const key = importMappingsKey(kind);
      await db.transaction('rw', [db.settings, db.audit], async () => {
        const row = await db.settings.get(key);
        const all = { ...((row?.value as Record<string, StoredImportMapping> | undefined) ?? {}) };
        const before = all[layout];
        const defaults = Object.fromEntries(Object.entries(input.defaults).filter(([, v]) => typeof v === 'string' && v.trim()));
        const after: StoredImportMapping = { mapping: [...input.mapping], defaults, headers: input.headers ? [...input.headers] : undefined, savedAt: new Date().toISOString() };
        const describe = (m?: StoredImportMapping) =>
          m ? { coloane: m.mapping.map((f) => f ?? '—').join(', '), valoriConstante: Object.entries(m.defaults).map(([f, v]) => `${f} = ${v}`).join(', ') } : undefined;
        const changes = diffRecords(describe(before), describe(after));
        all[layout] = after;
        const layouts = Object.entries(all).sort(([, a], [, b]) => (a.savedAt < b.savedAt ? 1 : -1));
        await db.settings.put({ key, value: Object.fromEntries(layouts.slice(0, MAX_LAYOUTS)) });
        if (changes.length > 0) {
          await appendAudit(db, [{ entity: 'settings', entityId: `${key}:${layout}`, label: 'Asocierea coloanelor la import', action: before ? 'modificare' : 'creare', changes }]);
        }
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
