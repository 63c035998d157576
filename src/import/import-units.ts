import { REGISTER_COLUMNS, type RegisterColumnField } from '../register/columns';
import type { NomenclatureEntry } from '../register/nomenclature';
import { emptyUnit, UNIT_FIELD_LABELS, validateUnit, type UnitDraft, type UnitField } from '../register/unit';
import { validateCui } from '../validation/cui';
import { cleanText, searchKey } from '../validation/diacritics';
import type { ColumnMapping } from './mapping';
import { leadingZeroFixes, runPreview, tableContext, type ImportPreview, type PreviewOptions } from './preview';
import type { RawTable } from './raw-table';

export interface UnitImportContext {
  /** Catalog NGOs: CUI (bare digits, as in Organization.cui) → organization id. */
  organizationIdByCui: ReadonlyMap<string, string>;
  /** Units already in the register, as `unitKey(organizationId, name)`. */
  existingUnitKeys?: ReadonlySet<string>;
  /** The merged service nomenclature (shipped codes + the user's own). */
  nomenclature: readonly NomenclatureEntry[];
}

/** Identifies a unit within its NGO: names compared ignoring case, diacritics and spacing. */
export function unitKey(organizationId: string, name: string): string {
  return `${organizationId}|${searchKey(cleanText(name))}`;
}

/** The starting draft of an imported row: nothing the file does not say (no form defaults). */
function importBase(): UnitDraft {
  const draft = emptyUnit('');
  for (const key of ['name', 'street', 'locality', 'county', 'postalCode', 'serviceCode', 'targetGroup', 'licenceNumber', 'notes'] as const) draft[key] = '';
  return draft;
}

const columnOfField = (field: string): RegisterColumnField =>
  field === 'organizationId' ? 'organizationCui' : (field as RegisterColumnField);

/**
 * Reads, cleans and validates every row of a register sheet: cell conversion per column type, the
 * owner NGO found by its CUI in the catalog, validateUnit with the nomenclature, and the same unit
 * (owner CUI + name) repeated inside the file or already in the register.
 */
export function previewUnitImport(
  table: RawTable,
  mapping: ColumnMapping<RegisterColumnField>,
  context: UnitImportContext,
  options: PreviewOptions<RegisterColumnField> = {},
): ImportPreview<UnitDraft> {
  const labels: Partial<Record<RegisterColumnField, string>> = { ...(UNIT_FIELD_LABELS as Partial<Record<UnitField, string>>), organizationCui: 'CUI ONG' };
  const ctx = tableContext(table, mapping, REGISTER_COLUMNS, labels, {
    multiline: ['notes'],
    numberFix: { postalCode: leadingZeroFixes.postalCode },
    defaults: options.defaults,
  });
  const firstRowOfUnit = new Map<string, number>();
  return runPreview(
    ctx,
    (row) => {
      const draft = importBase();
      const target = draft as unknown as Record<string, unknown>;
      for (const [field, value] of row.values) {
        if (value === undefined || field === 'organizationCui' || field === 'organizationName' || field === 'serviceName') continue;
        target[field] = value;
      }

      // The owner NGO, by its CUI.
      let ownerCui: string | undefined;
      const rawCui = String(row.values.get('organizationCui') ?? '');
      if (!row.failed.has('organizationCui')) {
        if (!rawCui) row.issue('organizationCui', 'Lipsește CUI-ul ONG-ului care administrează unitatea.');
        else {
          const cui = validateCui(rawCui);
          if (!cui.ok) row.issue('organizationCui', cui.message);
          else {
            ownerCui = cui.value;
            const id = context.organizationIdByCui.get(cui.value);
            if (id) draft.organizationId = id;
            else {
              const name = String(row.values.get('organizationName') ?? '');
              const who = name ? `ONG-ul „${name}” (CUI ${cui.value})` : `ONG-ul cu CUI-ul ${cui.value}`;
              row.issue('organizationCui', `${who} nu există în catalog; adăugați-l mai întâi în catalogul ONG.`);
            }
          }
        }
      }

      const { value, errors } = validateUnit(draft, { nomenclature: context.nomenclature });
      // The owner was checked above, with a more precise message.
      delete errors.organizationId;
      row.fieldErrors(errors, columnOfField);

      if (ownerCui && !errors.name) {
        const key = unitKey(ownerCui, value.name);
        const first = firstRowOfUnit.get(key);
        if (first === undefined) firstRowOfUnit.set(key, row.rowNumber);
        else row.issue('name', `Unitatea „${value.name}” a ONG-ului cu CUI-ul ${ownerCui} apare și pe rândul ${first}.`);
        if (value.organizationId && context.existingUnitKeys?.has(unitKey(value.organizationId, value.name))) {
          row.issue('name', `Unitatea „${value.name}” există deja în registru la acest ONG.`);
        }
      }
      return value;
    },
    options,
  );
}
