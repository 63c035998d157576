import { ValidationError } from '../../../src/errors';
import { mergeNomenclature, SERVICE_FORM_LABELS, type NomenclatureEntry } from '../../../src/register/nomenclature';
import { cleanText } from '../../../src/validation/diacritics';
import type { FieldErrors } from '../../../src/validation/result';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';

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

export function createNomenclatureRepository(db: SubventiiDb) {
  return {
    async list(): Promise<NomenclatureEntry[]> {
      return mergeNomenclature(await db.nomenclature.toArray());
    },

    async save(input: NomenclatureEntry): Promise<NomenclatureEntry> {
      const { value, errors } = validateNomenclatureEntry(input);
      if (Object.keys(errors).length > 0) throw new ValidationError(errors);
      await db.transaction('rw', [db.nomenclature, db.audit, db.settings], async () => {
        const before = await db.nomenclature.get(value.code);
        await db.nomenclature.put(value);
        await appendAudit(db, [{ entity: 'nomenclature', entityId: value.code, label: `${value.code} ${value.name}`, action: before ? 'modificare' : 'creare', before, after: value }]);
      });
      return value;
    },
  };
}
