import { cleanText, searchKey } from '../validation/diacritics';
import type { FieldErrors } from '../validation/result';
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

/**
 * The keys of the codes met so far: the same few hundred codes are keyed again and again (each new
 * read of the nomenclature is indexed anew, each request line looks its unit's code up: issue 10,
 * about 4 ms of a 300-request round's results), and the key's Unicode normalisation is the cost.
 */
const keyCache = new Map<string, string>();
/** Codes keyed before the cache is emptied (an import's free text cannot grow it without bound). */
const KEY_CACHE_SIZE = 10_000;

/** "8790cr-d-i" — codes are matched ignoring case, spaces and diacritics. */
export function nomenclatureKey(code: string): string {
  let key = keyCache.get(code);
  if (key === undefined) {
    key = searchKey(code).replace(/\s+/g, '');
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(code, key);
  }
  return key;
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

/** Validates a service code a user adds to the nomenclature (e.g. one listed by a newer act). */
export function validateNomenclatureEntry(input: NomenclatureEntry): { value: NomenclatureEntry; errors: FieldErrors<keyof NomenclatureEntry> } {
  const value: NomenclatureEntry = {
    code: cleanText(input.code).toUpperCase().replace(/^(\d{4})\s*/, '$1 '),
    name: cleanText(input.name),
    form: input.form,
    targetGroup: cleanText(input.targetGroup),
    verified: !!input.verified,
    source: cleanText(input.source),
    isCustom: true,
  };
  const errors: FieldErrors<keyof NomenclatureEntry> = {};
  if (!/^\d{4} [A-Z]{2,5}(-[A-Z]{1,4})*-[IVX]+$/.test(value.code)) {
    errors.code = 'Codul trebuie să aibă forma „8790 CR-D-I” (clasa CAEN, forma, grupul țintă, subtipul cu cifre romane).';
  }
  if (value.name.length < 3) errors.name = 'Denumirea serviciului este obligatorie.';
  if (!Object.hasOwn(SERVICE_FORM_LABELS, value.form)) errors.form = 'Alegeți forma serviciului.';
  if (value.verified && !value.source) errors.source = 'Pentru un cod verificat indicați actul normativ sursă.';
  return { value, errors };
}

export { NOMENCLATURE };
