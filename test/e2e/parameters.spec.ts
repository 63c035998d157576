import { expect, test } from '@playwright/test';
import { fill, goTo, openApp } from './helpers';

test('a level still "de completat" is filled in with next year’s value, dated and sourced', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Parametri legali');
  await page.getByLabel('Valori în vigoare la').fill('01.01.2027');
  const row = page.getByRole('row').filter({ hasText: 'centre de zi' }).filter({ hasText: 'de completat' }).first();
  await expect(row).toBeVisible();
  await row.click();

  const dialog = page.getByRole('dialog');
  await fill(page, 'În vigoare de la', '01.01.2027');
  await fill(page, /^Valoarea/, '650,00');
  await fill(page, 'Actul normativ', 'HCL 1/2027');
  await fill(page, 'Articol / anexă', 'anexa 1');
  await dialog.getByRole('button', { name: 'Salvează valoarea' }).click();
  await expect(page.getByText(/a fost salvată\./)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Istoricul valorilor' }).getByRole('row').filter({ hasText: 'HCL 1/2027' })).toContainText('650,00 lei');
  await dialog.getByRole('button', { name: 'Închide' }).click();

  const updated = page.getByRole('row').filter({ hasText: 'HCL 1/2027, anexa 1' }).first();
  await expect(updated).toContainText('650,00 lei/beneficiar/lună');
  await expect(updated).toContainText('adăugată în aplicație');
});
