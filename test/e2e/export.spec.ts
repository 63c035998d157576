import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { addOrganization, openApp } from './helpers';

test('the catalog exported to XLSX holds the NGOs in typed cells under the import headers', async ({ page }) => {
  await openApp(page);
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await addOrganization(page, 'Fundația Casa Luminii', '13548146');

  await page.getByRole('button', { name: 'Exportă' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Catalog ONG (XLSX)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^catalog-ong-\d{4}-\d{2}-\d{2}\.xlsx$/);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(0, 3)).toEqual(['Denumire', 'Formă juridică', 'CUI/CIF']);
  const names = [sheet.getRow(2).getCell(1).value, sheet.getRow(3).getCell(1).value];
  expect(names).toEqual(['Asociația Speranța Someșului', 'Fundația Casa Luminii']);
  expect(sheet.getRow(2).getCell(3).value).toBe('18547290');
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(sheet.autoFilter).toBeTruthy();
});
