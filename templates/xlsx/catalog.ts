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
    1,
    // Printed over several pages side by side, the NGO's name repeated on each.
    { repeatColumns: 1 },
  );
  return workbookToBytes(workbook);
}
