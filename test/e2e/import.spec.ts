import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { openApp } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

test('importing a workbook with bad rows shows a row-by-row report and imports only the valid rows', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Importă' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import catalog ONG' });

  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  await (await chooser).setFiles(fixture('catalog-mixed.xlsx'));

  // Column mapping: headers written differently are recognised, unknown ones reported.
  await expect(dialog.getByText('Coloana „Responsabil dosar” nu corespunde niciunui câmp și va fi ignorată.')).toBeVisible();
  await expect(dialog.getByText(/13 rânduri cu date, 2 rânduri goale ignorate/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Verifică rândurile' }).click();

  const report = dialog.getByRole('table', { name: 'Raportul importului' });
  await expect(dialog.getByText('13 rânduri verificate: 8 valide, 5 cu erori (8 probleme).')).toBeVisible();
  const badCui = report.getByRole('row').filter({ hasText: 'are cifra de control greșită' });
  await expect(badCui.getByRole('cell').nth(1)).toHaveText('5');
  await expect(badCui.getByRole('cell').nth(2)).toHaveText('Cod fiscal');
  await expect(report.getByText('CUI-ul 18547290 apare și pe rândul 4.')).toBeVisible();
  await expect(report.getByText('Data înscrierii: „31.02.2023” nu este o dată din calendar.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Importă doar rândurile valide (8)' }).click();
  await expect(dialog.getByText(/Import încheiat: 8 ONG-uri adăugate\. 5 rânduri cu erori nu au fost importate; lista lor se poate descărca pentru corectare\./)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  await expect(page.getByText('8 din 8 ONG-uri')).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(grid.getByText('Asociația Șansa pentru Toți')).toBeVisible();
});

test('a file that is not a workbook is refused with a clear message and nothing changes', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Importă' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import catalog ONG' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  await (await chooser).setFiles(fixture('not-a-workbook.xlsx'));
  await expect(dialog.getByRole('alert')).toContainText(/fișier/i);
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByText('0 din 0 ONG-uri')).toBeVisible();
});
