import type { Organization } from '../../src/catalog/organization';
import { findNomenclatureEntry, type NomenclatureEntry } from '../../src/register/nomenclature';
import { REGISTER_COLUMNS, type RegisterColumnField } from '../../src/register/columns';
import { LICENCE_STATE_LABELS, licenceState, type SocialServiceUnit } from '../../src/register/unit';
import type { IsoDate } from '../../src/validation/dates';
import { cellValue, createWorkbook, workbookToBytes, writeTable } from './common';

/**
 * The licensed-unit register as XLSX: the importer's columns (owner NGO by CUI) plus a last
 * column "Stare licență" on `date`, which the importer ignores.
 */
export async function renderRegisterXlsx(
  units: readonly SocialServiceUnit[],
  organizationsById: ReadonlyMap<string, Organization>,
  nomenclature: readonly NomenclatureEntry[],
  date: IsoDate,
): Promise<Uint8Array> {
  const workbook = createWorkbook();
  const sheet = workbook.addWorksheet('Registru unități');
  const valueOf = (unit: SocialServiceUnit, field: RegisterColumnField): unknown => {
    const owner = organizationsById.get(unit.organizationId);
    if (field === 'organizationCui') return owner?.cui;
    if (field === 'organizationName') return owner?.name;
    if (field === 'serviceName') return findNomenclatureEntry(unit.serviceCode, nomenclature)?.name;
    return unit[field];
  };
  writeTable(
    sheet,
    [...REGISTER_COLUMNS, { header: 'Stare licență', type: 'text' as const, width: 16 }],
    units.map((u) => [...REGISTER_COLUMNS.map((c) => cellValue(valueOf(u, c.field), c)), LICENCE_STATE_LABELS[licenceState(u, date)]]),
  );
  return workbookToBytes(workbook);
}
