import { ORGANIZATION_COLUMNS } from '../../src/catalog/columns';
import type { Organization } from '../../src/catalog/organization';
import { cellValue, createWorkbook, workbookToBytes, writeTable } from './common';

/** The NGO catalog as XLSX, with the columns the importer reads back. */
export async function renderCatalogXlsx(organizations: readonly Organization[]): Promise<Uint8Array> {
  const workbook = createWorkbook('Catalogul ONG-urilor');
  const sheet = workbook.addWorksheet('Catalog ONG');
  writeTable(
    sheet,
    ORGANIZATION_COLUMNS,
    organizations.map((o) => ORGANIZATION_COLUMNS.map((c) => cellValue(o[c.field], c))),
  );
  return workbookToBytes(workbook);
}
