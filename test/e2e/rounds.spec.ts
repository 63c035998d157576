import { expect, test } from '@playwright/test';
import { fill, goTo, openApp } from './helpers';

test('the secretariat opens a funding round with its budget and submission window', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Cereri de subvenție');
  await page.getByRole('button', { name: 'Rundă nouă' }).click();
  const dialog = page.getByRole('dialog');
  await fill(page, 'Anul bugetar', '2027');
  await fill(page, 'Denumirea rundei', 'Subvenții Legea 34/1998 pentru anul 2027');
  await fill(page, 'Bugetul disponibil (lei)', '2.215.615,5');
  await fill(page, 'Depunere de la', '01.08.2026');
  await fill(page, 'Depunere până la', '31.07.2026');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(dialog.getByText('Termenul de depunere nu poate fi înaintea datei de început.')).toBeVisible();

  await fill(page, 'Depunere până la', '30.09.2026');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Runda „Subvenții Legea 34/1998 pentru anul 2027” a fost creată.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  const row = page.getByRole('grid', { name: 'Runde de finanțare' }).getByRole('row').filter({ hasText: 'Subvenții Legea 34/1998 pentru anul 2027' });
  await expect(row).toContainText('2.215.615,50 lei');
  await expect(row).toContainText('01.08.2026 – 30.09.2026');
  await expect(row).toContainText('Deschisă');
});
