import type { Organization } from '../../src/catalog/organization';
import { findNomenclatureEntry, type NomenclatureEntry } from '../../src/register/nomenclature';
import { REGISTER_COLUMNS, type RegisterColumnField } from '../../src/register/columns';
import { LICENCE_STATE_LABELS, licenceState, type LicenceState, type SocialServiceUnit } from '../../src/register/unit';
import type { IsoDate } from '../../src/validation/dates';
import { cellValue, createWorkbook, workbookToBytes, writeTable, type TableColumnSpec } from './common';

/** Not one of REGISTER_COLUMNS: the importer ignores it. */
export const LICENCE_STATE_COLUMN: TableColumnSpec = { header: 'Stare licență', type: 'text', width: 16 };

/** Background of the "Stare licență" cell, as the register screen colours it. */
const STATE_FILL: Partial<Record<LicenceState, string>> = {
  expira_curand: 'FFFFE699',
  expirata: 'FFF4B6B6',
  neinceputa: 'FFE7E6E6',
  lipsa: 'FFF4B6B6',
};

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
  const workbook = createWorkbook('Registrul unităților de asistență socială');
  const sheet = workbook.addWorksheet('Registru unități');
  const valueOf = (unit: SocialServiceUnit, field: RegisterColumnField): unknown => {
    const owner = organizationsById.get(unit.organizationId);
    if (field === 'organizationCui') return owner?.cui;
    if (field === 'organizationName') return owner?.name;
    if (field === 'serviceName') return findNomenclatureEntry(unit.serviceCode, nomenclature)?.name;
    return unit[field];
  };
  const states = units.map((u) => licenceState(u, date));
  writeTable(
    sheet,
    [...REGISTER_COLUMNS, LICENCE_STATE_COLUMN],
    units.map((u, i) => [...REGISTER_COLUMNS.map((c) => cellValue(valueOf(u, c.field), c)), LICENCE_STATE_LABELS[states[i]!]]),
    1,
    // Printed over several pages side by side, the NGO and the unit repeated on each.
    { repeatColumns: 3 },
  );
  states.forEach((state, i) => {
    const fill = STATE_FILL[state];
    if (fill) sheet.getRow(i + 2).getCell(REGISTER_COLUMNS.length + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  });
  return workbookToBytes(workbook);
}
