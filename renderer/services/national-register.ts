// The national register cross-check: reads the Ministry's workbook, compares it with the catalog
// and the local register, exports the differences and applies one update at a time, audited,
// through the organization and unit repositories (which validate it and refuse a stale version).
import type { OrganizationDraft } from '../../src/catalog/organization';
import { documentHeader } from '../../src/documents/document-header';
import { ConflictError, DomainError, ValidationError } from '../../src/errors';
import type { RawTable } from '../../src/import/raw-table';
import { compareWithNationalRegister, withSourceNote, type NationalProvider, type NationalService, type RegisterDifference, type RegisterUpdate } from '../../src/register/national-register';
import type { UnitDraft } from '../../src/register/unit';
import { todayIso, type IsoDate } from '../../src/validation/dates';
import type { Store } from '../db/store';
import { datedFileName, FILTERS, saveFile } from '../platform/files';

/** The remembered mappings' kinds (Settings), one per table of the national register. */
export const PROVIDERS_MAPPING_KIND = 'national-register-providers';
export const SERVICES_MAPPING_KIND = 'national-register-services';

/** Reads every visible sheet of the workbook (exceljs loaded on demand, outside the main bundle). */
export async function readNationalRegisterFile(bytes: Uint8Array, fileName: string): Promise<RawTable[]> {
  const { readTables } = await import('../io/read-table');
  return readTables(bytes, fileName);
}

/** Compares the rows read with the catalog and the local register as stored now. */
export async function compareNationalRegister(store: Store, providers: readonly NationalProvider[] | undefined, services: readonly NationalService[] | undefined): Promise<RegisterDifference[]> {
  const [organizations, units] = await Promise.all([store.organizations.list(), store.units.list()]);
  return compareWithNationalRegister({ providers, services, organizations, units });
}

/**
 * Writes one proposed update: the record as stored, the register's values over it and a line in
 * its notes naming the register and its date (so the audit entry carries the source). Refused,
 * changing nothing, when the record changed since the comparison or the new values are not valid.
 */
export async function applyRegisterUpdate(store: Store, update: RegisterUpdate, registerDate: IsoDate): Promise<void> {
  try {
    await writeUpdate(store, update, registerDate);
  } catch (error) {
    // The register's values do not pass the record's rules: say which, nothing was written.
    if (error instanceof ValidationError) throw new DomainError(`${Object.values(error.fields).filter(Boolean).join(' ')} Nu s-a modificat nimic.`);
    throw error;
  }
}

async function writeUpdate(store: Store, update: RegisterUpdate, registerDate: IsoDate): Promise<void> {
  if (update.entity === 'organizations') {
    const current = await store.organizations.get(update.id);
    if (!current) throw new DomainError('ONG-ul nu mai există în catalog; nu s-a modificat nimic.');
    if (current.version !== update.version) throw stale(current.name);
    const draft: OrganizationDraft = { ...current, ...update.changes, notes: withSourceNote(current.notes, registerDate, update.fields) };
    await store.organizations.update(update.id, draft, update.version);
    return;
  }
  const current = await store.units.get(update.id);
  if (!current) throw new DomainError('Unitatea nu mai există în registrul local; nu s-a modificat nimic.');
  if (current.version !== update.version) throw stale(current.name);
  const draft: UnitDraft = { ...current, ...update.changes, notes: withSourceNote(current.notes, registerDate, update.fields) };
  await store.units.update(update.id, draft, update.version);
}

const stale = (name: string) => new ConflictError(`„${name}” a fost modificat între timp; nu s-a modificat nimic. Refaceți verificarea în registrul național.`);

/** The differences as XLSX, grouped by kind. */
export async function exportRegisterCheck(store: Store, fileName: string, registerDate: IsoDate, differences: readonly RegisterDifference[]): Promise<boolean> {
  const [{ renderRegisterCheckXlsx }, institution] = await Promise.all([import('../../templates/xlsx/national-register-check'), store.settings.getInstitution()]);
  const bytes = await renderRegisterCheckXlsx({ header: documentHeader(institution), fileName, registerDate, date: todayIso(), differences });
  return saveFile(datedFileName('verificare-registru-national', 'xlsx', todayIso()), bytes, FILTERS.xlsx);
}
