import { ORGANIZATION_COLUMNS } from '../catalog/columns';
import {
  emptyOrganization,
  ORGANIZATION_FIELD_LABELS,
  validateOrganization,
  type LegalForm,
  type OrganizationDraft,
  type OrganizationField,
} from '../catalog/organization';
import { searchKey } from '../validation/diacritics';
import type { ColumnMapping } from './mapping';
import { leadingZeroFixes, runPreview, tableContext, type ImportPreview, type PreviewOptions } from './preview';
import type { RawTable } from './raw-table';

export interface OrganizationImportContext {
  /** CUIs already in the catalog: bare digits, as stored in Organization.cui. */
  existingCuis: ReadonlySet<string>;
}

const LEGAL_FORM_PREFIXES: [string, LegalForm][] = [
  ['asociatia', 'asociatie'],
  ['fundatia', 'fundatie'],
  ['federatia', 'federatie'],
  ['uniunea', 'uniune'],
  // Recognised religious cults and their units (Law 79/2017): "Parohia Ortodoxă …", "Episcopia Reformată …".
  ['cultul', 'cult'],
  ['parohia', 'cult'],
  ['biserica', 'cult'],
  ['episcopia', 'cult'],
  ['arhiepiscopia', 'cult'],
  ['mitropolia', 'cult'],
  ['manastirea', 'cult'],
  ['protopopiatul', 'cult'],
];

/** "Fundația Speranța" → fundatie; used when the file has no legal form for the row. */
export function inferLegalForm(name: string): LegalForm | undefined {
  const key = searchKey(name);
  return LEGAL_FORM_PREFIXES.find(([prefix]) => key.startsWith(prefix))?.[1];
}

/** The starting draft of an imported row: nothing the file does not say (no form defaults). */
function importBase(): OrganizationDraft {
  const draft = emptyOrganization();
  for (const key of Object.keys(draft) as OrganizationField[]) {
    if (typeof draft[key] === 'string' && key !== 'legalForm' && key !== 'status') (draft as unknown as Record<string, unknown>)[key] = '';
  }
  return draft;
}

/**
 * Reads, cleans and validates every row of a catalog sheet: cell conversion per column type,
 * validateOrganization, CUI repeated inside the file (reported on the later row) and CUI already
 * in the catalog. A row with any issue is left out of `validRows`.
 */
export function previewOrganizationImport(
  table: RawTable,
  mapping: ColumnMapping<OrganizationField>,
  context: OrganizationImportContext,
  options: PreviewOptions<OrganizationField> = {},
): ImportPreview<OrganizationDraft> {
  const ctx = tableContext(table, mapping, ORGANIZATION_COLUMNS, ORGANIZATION_FIELD_LABELS, {
    multiline: ['workingAddresses', 'notes'],
    numberFix: leadingZeroFixes,
    defaults: options.defaults,
  });
  const firstRowOfCui = new Map<string, number>();
  return runPreview(
    ctx,
    (row) => {
      const draft = importBase();
      const target = draft as unknown as Record<string, unknown>;
      for (const [field, value] of row.values) if (value !== undefined) target[field] = value;
      if (!row.values.get('legalForm')) draft.legalForm = inferLegalForm(String(row.values.get('name') ?? '')) ?? draft.legalForm;

      const { value, errors } = validateOrganization(draft);
      row.fieldErrors(errors, (field) => field as OrganizationField);
      if (!errors.cui) {
        const first = firstRowOfCui.get(value.cui);
        if (first === undefined) firstRowOfCui.set(value.cui, row.rowNumber);
        else row.issue('cui', `CUI-ul ${value.cui} apare și pe rândul ${first}.`);
        if (context.existingCuis.has(value.cui)) row.issue('cui', `CUI-ul ${value.cui} există deja în catalog.`);
      }
      return value;
    },
    options,
  );
}
