import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { validateOrganization, type Organization } from '../../../src/catalog/organization';
import { buildLicensedNgoList } from '../../../src/documents/licensed-ngo-list';
import { columnLetter } from '../../../src/import/raw-table';
import { REGISTER_COLUMNS } from '../../../src/register/columns';
import { validateUnit, type SocialServiceUnit } from '../../../src/register/unit';
import { isoToUtcDate } from '../../../src/validation/dates';
import { readAndPreview } from '../../../renderer/io/import-core';
import { renderCatalogXlsx } from '../../../templates/xlsx/catalog';
import { columnPoints, INTEGER_FORMAT, pagePoints, wrappedLines } from '../../../templates/xlsx/common';
import { LICENSED_NGO_LIST_COLUMNS, renderLicensedNgoListXlsx } from '../../../templates/xlsx/licensed-ngo-list';
import { renderRegisterXlsx } from '../../../templates/xlsx/register';
import { bigList, CANTEEN, institution, NOMENCLATURE, organization, TODAY, unit } from './fixtures';

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
const columnOf = (columns: readonly { field: string }[], field: string) => columns.findIndex((c) => c.field === field) + 1;

const orgs: Organization[] = [
  organization(1, { name: 'Asociația Șansa Țării Românești', workingAddresses: 'str. Horea nr. 1\nstr. Dorobanților nr. 2', notes: 'Membră a federației' }),
  organization(2, { name: 'Fundația Sfântul Ioan', legalForm: 'fundatie', status: 'suspendat', registryDate: undefined }),
  organization(3, { name: 'Federația „Împreună”', legalForm: 'federatie', accreditationSeries: '', accreditationNumber: '', accreditationDate: undefined }),
];
const units: SocialServiceUnit[] = [
  unit(1, orgs[0]!.id, { capacity: 1250 }),
  unit(2, orgs[0]!.id, { name: 'Cantina socială „Pâinea”', serviceCode: CANTEEN, capacityUnit: 'beneficiari_luna', licenceExpiryDate: '2026-12-31' }),
  unit(3, orgs[1]!.id, { name: 'Centrul vechi', licenceType: 'provizorie', licenceExpiryDate: '2026-01-31', status: 'suspendata' }),
];

function expectTableSheet(sheet: ExcelJS.Worksheet, headers: readonly string[], widths: readonly (number | undefined)[], rowCount: number) {
  expect(rowValues(sheet, 1)).toEqual(headers);
  expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
  expect(sheet.getRow(1).getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBe(`A1:${columnLetter(headers.length - 1)}${1 + rowCount}`);
  headers.forEach((header, i) => {
    const width = sheet.getColumn(i + 1).width ?? 0;
    expect(width).toBeGreaterThanOrEqual(header.length);
    expect(width).toBeGreaterThanOrEqual(widths[i] ?? 0);
    expect(width).toBeLessThanOrEqual(Math.max(60, widths[i] ?? 0));
  });
  expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToHeight: 0, printTitlesRow: '1:1' });
  // As many pages side by side as it takes to print at 80 % or more, the first columns repeated on each.
  const totalWidth = headers.reduce((s, _, i) => s + columnPoints(sheet.getColumn(i + 1).width ?? 0), 0);
  expect(sheet.pageSetup.fitToWidth).toBe(Math.max(1, Math.ceil(totalWidth / pagePoints('landscape'))));
  if ((sheet.pageSetup.fitToWidth ?? 1) > 1) expect(sheet.pageSetup.printTitlesColumn).toMatch(/^A:[A-C]$/);
}

describe('catalog workbook', () => {
  it('has the importer headers, typed cells, a frozen filtered header and fitted widths', async () => {
    const workbook = await readWorkbook(await renderCatalogXlsx(orgs));
    expect(workbook.creator).toBe('Subvenții ONG');
    const sheet = workbook.getWorksheet('Catalog ONG')!;
    expectTableSheet(sheet, ORGANIZATION_COLUMNS.map((c) => c.header), ORGANIZATION_COLUMNS.map((c) => c.width), orgs.length);
    const row = sheet.getRow(2);
    expect(row.getCell(columnOf(ORGANIZATION_COLUMNS, 'name')).value).toBe('Asociația Șansa Țării Românești');
    const registryDate = row.getCell(columnOf(ORGANIZATION_COLUMNS, 'registryDate'));
    expect(registryDate.value).toEqual(isoToUtcDate('2010-03-15'));
    expect(registryDate.numFmt).toBe('dd.mm.yyyy');
    expect(row.getCell(columnOf(ORGANIZATION_COLUMNS, 'accreditationDate')).value).toEqual(isoToUtcDate('2015-06-01'));
    expect(row.getCell(columnOf(ORGANIZATION_COLUMNS, 'legalForm')).value).toBe('Asociație');
    expect(row.getCell(columnOf(ORGANIZATION_COLUMNS, 'status')).value).toBe('Activ');
    expect(row.getCell(columnOf(ORGANIZATION_COLUMNS, 'cui')).value).toBe(orgs[0]!.cui);
    expect(row.getCell(columnOf(ORGANIZATION_COLUMNS, 'workingAddresses')).alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(3).getCell(columnOf(ORGANIZATION_COLUMNS, 'status')).value).toBe('Suspendat');
    expect(sheet.getRow(3).getCell(columnOf(ORGANIZATION_COLUMNS, 'registryDate')).value).toBeNull();
  });

  it('imports back into the same NGOs', async () => {
    const { preview, mapping } = await readAndPreview(await renderCatalogXlsx(orgs), 'catalog.xlsx', 'organizations', { existingCuis: [] });
    expect(mapping).toEqual(ORGANIZATION_COLUMNS.map((c) => c.field));
    expect(preview.issues).toEqual([]);
    expect(preview.validRows.map((r) => r.draft)).toEqual(orgs.map((o) => validateOrganization(o).value));
  });
});

describe('register workbook', () => {
  const byId = new Map(orgs.map((o) => [o.id, o]));

  it('names the owner by CUI and the service from the nomenclature, with numbers and dates typed', async () => {
    const workbook = await readWorkbook(await renderRegisterXlsx(units, byId, NOMENCLATURE, TODAY));
    const sheet = workbook.getWorksheet('Registru unități')!;
    expectTableSheet(sheet, [...REGISTER_COLUMNS.map((c) => c.header), 'Stare licență'], [...REGISTER_COLUMNS.map((c) => c.width), 16], units.length);
    const col = (field: string) => columnOf(REGISTER_COLUMNS, field);
    const row = sheet.getRow(2);
    expect(row.getCell(col('organizationCui')).value).toBe(orgs[0]!.cui);
    expect(row.getCell(col('organizationName')).value).toBe('Asociația Șansa Țării Românești');
    expect(row.getCell(col('capacity')).value).toBe(1250);
    expect(row.getCell(col('capacity')).numFmt).toBe(INTEGER_FORMAT);
    expect(row.getCell(col('capacityUnit')).value).toBe('locuri');
    expect(row.getCell(col('licenceIssueDate')).value).toEqual(isoToUtcDate('2024-01-15'));
    expect(row.getCell(col('licenceExpiryDate')).value).toEqual(isoToUtcDate('2029-01-14'));
    expect(row.getCell(col('licenceExpiryDate')).numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getRow(3).getCell(col('serviceName')).value).toBe('Cantină socială');
    expect(sheet.getRow(4).getCell(col('licenceType')).value).toBe('Licență provizorie');
    expect(sheet.getRow(4).getCell(col('status')).value).toBe('Suspendată');
    const state = REGISTER_COLUMNS.length + 1;
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(state).value)).toEqual(['Validă', 'Expiră curând', 'Expirată']);
    expect(sheet.getRow(4).getCell(state).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFF4B6B6' } });
  });

  it('imports back into the same units, the licence state column ignored', async () => {
    const bytes = await renderRegisterXlsx(units, byId, NOMENCLATURE, TODAY);
    const { preview, tables } = await readAndPreview(bytes, 'registru.xlsx', 'units', { organizationIdByCui: orgs.map((o) => [o.cui, o.id]), nomenclature: [...NOMENCLATURE] });
    expect(tables[0]!.headers.at(-1)).toBe('Stare licență');
    expect(preview.issues).toEqual([]);
    expect(preview.validRows.map((r) => r.draft)).toEqual(units.map((u) => validateUnit(u).value));
  });
});

describe('licensed NGO list workbook', () => {
  it('has the institution header and title above the table, the pane frozen under its header, totals and signatures', async () => {
    const { organizations, units: bigUnits } = bigList(3);
    const model = buildLicensedNgoList({ organizations, units: bigUnits, nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });
    const workbook = await readWorkbook(await renderLicensedNgoListXlsx(model));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Lista ONG licențiate');
    expect([1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value)).toEqual([...model.header.lines, model.header.contactLine]);
    expect(sheet.getCell(1, 1).font).toMatchObject({ bold: true });
    expect(sheet.getCell(6, 1).value).toBe('Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca');
    expect(sheet.getCell(7, 1).value).toBe('actualizată la 23.11.2026');

    const headerRow = (sheet.views[0] as ExcelJS.WorksheetViewFrozen).ySplit!;
    expect(headerRow).toBe(9);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
    expect(rowValues(sheet, headerRow)).toEqual(LICENSED_NGO_LIST_COLUMNS.map((c) => c.header));
    expect(sheet.autoFilter).toBe(`A${headerRow}:N${headerRow + 6}`);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);

    const first = sheet.getRow(headerRow + 1);
    expect(rowValues(sheet, headerRow + 1)).toEqual([
      1, 'Asociația Exemplu 2', organizations[1]!.cui, 'seria AF nr. 005002 din 01.06.2015', 'Cantina socială „Pâinea zilnică” nr. 2',
      'str. Horea nr. 4, Cluj-Napoca', CANTEEN, 'Cantină socială', 150, 'beneficiari/lună', 'Licență de funcționare', '0010004',
      isoToUtcDate('2024-01-15'), isoToUtcDate('2029-01-14'),
    ]);
    expect(first.getCell(13).numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getRow(headerRow + 5).getCell(2).value).toBe('Asociația Șansa Țării Românești — Învățăm împreună');
    expect(first.getCell(9).numFmt).toBe(INTEGER_FORMAT);

    const cells = sheet.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(cells).toContain('Total: 3 ONG-uri, 6 unități licențiate, capacitate totală 69 de locuri și 450 de beneficiari/lună.');
    expect(cells).toEqual(expect.arrayContaining(['Aprobat,', 'Director executiv', 'Maria Pop', 'Avizat,', 'Șef serviciu', 'Întocmit,', 'Secretarul comisiei', 'Andrei Șerban']));
  });

  it('says so when nobody is on the list', async () => {
    const model = buildLicensedNgoList({ organizations: [], units: [], nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });
    const sheet = (await readWorkbook(await renderLicensedNgoListXlsx(model))).worksheets[0]!;
    const cells = sheet.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(cells).toContain(model.emptyText);
    expect(cells).toContain('Total: 0 ONG-uri, 0 unități licențiate.');
  });
});

describe('wrappedLines', () => {
  it('counts the lines of text wrapped at spaces in a column', () => {
    expect(wrappedLines('scurt', 10)).toBe(1);
    expect(wrappedLines('unu\ndoi', 10)).toBe(2);
    expect(wrappedLines('aaaa bbbb cccc dddd', 10)).toBe(2);
    expect(wrappedLines('x'.repeat(30), 10)).toBe(3);
  });
});
