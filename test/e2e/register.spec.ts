import { expect, test } from '@playwright/test';
import { addOrganization, dateFromToday, fill, goTo, openApp } from './helpers';

test('a unit whose licence expires next month is flagged in the register and found by the filter', async ({ page }) => {
  await openApp(page);
  await addOrganization(page, 'Fundația Casa Luminii', '13548146');

  await goTo(page, 'Registru unități licențiate');
  await page.getByRole('button', { name: 'Adaugă unitate' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'ONG', exact: true }).click();
  await page.getByRole('option', { name: /Fundația Casa Luminii/ }).click();
  await fill(page, 'Denumirea unității', 'Centrul de zi „Lumina”');
  const service = dialog.getByRole('combobox', { name: 'Cod serviciu (HG 867/2015)' });
  await service.click();
  await service.fill('8891 CZ-C-IV');
  await page.getByRole('option', { name: /8891 CZ-C-IV/ }).click();
  await fill(page, 'Capacitate', '30');
  await fill(page, 'Nr. licenței', '0010073');
  await fill(page, 'Data eliberării licenței', dateFromToday(-5 * 365 + 30).ro);
  await fill(page, 'Data expirării licenței', dateFromToday(30).ro);
  await expect(dialog.getByText('Expiră curând')).toBeVisible();
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Unitatea „Centrul de zi „Lumina”” a fost adăugată în registru.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  const grid = page.getByRole('grid', { name: 'Registru unități licențiate' });
  const row = grid.getByRole('row').filter({ hasText: 'Centrul de zi „Lumina”' });
  await expect(row.getByText('Expiră curând')).toBeVisible();
  await expect(page.getByText('1 licență expiră în următoarele 60 de zile.')).toBeVisible();

  await page.getByLabel('Licență expirată').check();
  await expect(grid.getByText('Centrul de zi „Lumina”')).toHaveCount(0);
  await page.getByLabel('Expiră în 60 de zile').check();
  await expect(grid.getByText('Centrul de zi „Lumina”')).toBeVisible();
});
