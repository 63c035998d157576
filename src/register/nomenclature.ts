import { searchKey } from '../validation/diacritics';
import { NOMENCLATURE } from './nomenclature-data';

/** The four framework regulations of HG 867/2015: residential, day, at home, in the community. */
export type ServiceForm = 'rezidential' | 'zi' | 'domiciliu' | 'comunitate';

export const SERVICE_FORM_LABELS: Record<ServiceForm, string> = {
  rezidential: 'cu cazare (rezidențial)',
  zi: 'de zi',
  domiciliu: 'la domiciliu',
  comunitate: 'în comunitate',
};

export interface NomenclatureEntry {
  /** e.g. "8790 CR-D-I" */
  code: string;
  name: string;
  form: ServiceForm;
  targetGroup: string;
  /** Checked against the act named in `source`. Unverified rows are shown with a warning. */
  verified: boolean;
  source: string;
  /** Added by a user of the app (stored in the database, merged over the shipped list). */
  isCustom?: boolean;
}

/** "8790cr-d-i" — codes are matched ignoring case, spaces and diacritics. */
export function nomenclatureKey(code: string): string {
  return searchKey(code).replace(/\s+/g, '');
}

/** The shipped list with the user's own codes merged over it (a user row replaces a shipped one). */
export function mergeNomenclature(custom: readonly NomenclatureEntry[] = []): NomenclatureEntry[] {
  const byKey = new Map<string, NomenclatureEntry>();
  for (const entry of NOMENCLATURE) byKey.set(nomenclatureKey(entry.code), entry);
  for (const entry of custom) byKey.set(nomenclatureKey(entry.code), { ...entry, isCustom: true });
  return [...byKey.values()].sort((a, b) => a.code.localeCompare(b.code, 'ro'));
}

// Lookups happen once per row on imports of tens of thousands of rows: index each list once.
const indexes = new WeakMap<readonly NomenclatureEntry[], Map<string, NomenclatureEntry>>();

function indexOf(entries: readonly NomenclatureEntry[]): Map<string, NomenclatureEntry> {
  let index = indexes.get(entries);
  if (!index) {
    index = new Map();
    for (const entry of entries) {
      const key = nomenclatureKey(entry.code);
      if (!index.has(key)) index.set(key, entry);
    }
    indexes.set(entries, index);
  }
  return index;
}

export function findNomenclatureEntry(code: string, entries: readonly NomenclatureEntry[] = NOMENCLATURE): NomenclatureEntry | undefined {
  return indexOf(entries).get(nomenclatureKey(code));
}

export { NOMENCLATURE };
