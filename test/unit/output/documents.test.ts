import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_COLUMNS } from '../../../src/catalog/columns';
import { buildLicensedNgoList } from '../../../src/documents/licensed-ngo-list';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { REGISTER_COLUMNS } from '../../../src/register/columns';
import { renderLicensedNgoListDocx } from '../../../templates/docx/licensed-ngo-list';
import { renderCatalogXlsx } from '../../../templates/xlsx/catalog';
import { renderLicensedNgoListXlsx } from '../../../templates/xlsx/licensed-ngo-list';
import { renderRegisterXlsx } from '../../../templates/xlsx/register';
import { convertToPdf, sofficeAvailable } from '../../support/libreoffice';
import { institution, organization, TODAY, unit } from './fixtures';

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

const orgs = Array.from({ length: 30 }, (_, i) => organization(i + 1, i === 0 ? { name: 'Asociația Șansa Țării Românești' } : {}));
const units = orgs.flatMap((o, i) => [unit(2 * i + 1, o.id), unit(2 * i + 2, o.id, { name: `Cantina socială nr. ${i + 1}`, serviceCode: '8899 CPDH-I' })]);
const list = buildLicensedNgoList({ organizations: orgs, units, nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });

describe('catalog and register workbooks', () => {
  it('write the importer headers, typed cells, a frozen header with an autofilter and fitted widths', async () => {
    const workbook = await readWorkbook(await renderCatalogXlsx(orgs));
    const sheet = workbook.getWorksheet('Catalog ONG')!;
    expect(rowValues(sheet, 1)).toEqual(ORGANIZATION_COLUMNS.map((c) => c.header));
    expect(sheet.getCell('A2').value).toBe('Asociația Șansa Țării Românești');
    const registryDate = sheet.getRow(2).getCell(ORGANIZATION_COLUMNS.findIndex((c) => c.field === 'registryDate') + 1);
    expect(registryDate.value).toEqual(new Date(Date.UTC(2010, 2, 15)));
    expect(registryDate.numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getRow(2).getCell(ORGANIZATION_COLUMNS.findIndex((c) => c.field === 'legalForm') + 1).value).toBe('Asociație');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    ORGANIZATION_COLUMNS.forEach((c, i) => expect(sheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(Math.min(60, c.header.length)));
  });

  it('register: owner by CUI, capacity as a number, licence dates as dates, licence state last', async () => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const workbook = await readWorkbook(await renderRegisterXlsx(units, byId, NOMENCLATURE, TODAY));
    const sheet = workbook.getWorksheet('Registru unități')!;
    expect(rowValues(sheet, 1)).toEqual([...REGISTER_COLUMNS.map((c) => c.header), 'Stare licență']);
    const col = (field: string) => REGISTER_COLUMNS.findIndex((c) => c.field === field) + 1;
    expect(sheet.getRow(2).getCell(col('organizationCui')).value).toBe(orgs[0]!.cui);
    expect(sheet.getRow(2).getCell(col('capacity')).value).toBe(21);
    expect(sheet.getRow(2).getCell(col('licenceExpiryDate')).value).toEqual(new Date(Date.UTC(2029, 0, 14)));
    expect(sheet.getRow(3).getCell(col('serviceName')).value).toBe('Cantină socială');
    expect(sheet.getRow(2).getCell(REGISTER_COLUMNS.length + 1).value).toBe('Validă');
  });
});

describe('the published list of licensed NGOs', () => {
  it('DOCX: landscape A4, header, title, table with repeated header row, page numbers, signatures', async () => {
    const zip = await JSZip.loadAsync(await renderLicensedNgoListDocx(list));
    const body = await zip.file('word/document.xml')!.async('string');
    expect(body).toContain('Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca');
    expect(body).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    expect(body).toContain('Asociația Șansa Țării Românești');
    expect(body).toContain('w:orient="landscape"');
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('Andrei Șerban');
    const footers = await Promise.all(Object.keys(zip.files).filter((f) => /word\/footer\d*\.xml/.test(f)).map((f) => zip.file(f)!.async('string')));
    expect(footers.join('')).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('XLSX: header block, title, table under it with a frozen pane, totals', async () => {
    const workbook = await readWorkbook(await renderLicensedNgoListXlsx(list));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('MUNICIPIUL CLUJ-NAPOCA');
    const cells = sheet.getSheetValues().flat().filter((v) => typeof v === 'string') as string[];
    expect(cells).toContain('Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca');
    expect(cells).toContain('Total: 30 ONG-uri, 60 unități licențiate, capacitate totală 3.030.');
    const headerRow = (sheet.views[0] as { ySplit: number }).ySplit;
    expect(sheet.getRow(headerRow).getCell(1).value).toBe('Nr. crt.');
    expect(sheet.getRow(headerRow + 1).getCell(2).value).toBe('Asociația Șansa Țării Românești');
  });

  it('opens in LibreOffice: the DOCX paginates with its text and the XLSX converts too', () => {
    if (!sofficeAvailable()) {
      // CI installs LibreOffice; only a developer machine without it may pass over this check.
      expect(process.env.CI).not.toBe('true');
      return;
    }
    return (async () => {
      const docx = convertToPdf(await renderLicensedNgoListDocx(list), 'lista-ong-licentiate.docx');
      expect(docx.pageCount).toBeGreaterThan(1);
      expect(docx.text).toContain('Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca');
      expect(docx.text).toContain('Asociația Șansa Țării Românești');
      expect(docx.text).toMatch(/Pagina 1 din \d+/);
      const xlsx = convertToPdf(await renderCatalogXlsx(orgs), 'catalog-ong.xlsx');
      expect(xlsx.pageCount).toBeGreaterThan(0);
      expect(xlsx.text).toContain('Asociația Șansa Țării Românești');
    })();
  }, 120_000);
});
