import { expect, test } from '@playwright/test';
import { goTo, openApp } from './helpers';

test('demo data fills an empty database, flags licences in the register, and is refused a second time', async ({ page }, testInfo) => {
  await openApp(page, 'setari');
  await page.getByRole('button', { name: 'Încarcă date demonstrative' }).click();
  await expect(page.getByText('Au fost încărcate 40 ONG-uri, 60 unități, 3 runde de finanțare și 6 cereri fictive, cu o comisie de evaluare.')).toBeVisible();

  await goTo(page, 'Catalog ONG');
  await expect(page.getByText('40 din 40 ONG-uri')).toBeVisible();
  await expect(page.getByText('1–40 din 40', { exact: true })).toBeVisible();
  await expect(page.getByText('Rânduri pe pagină:')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('catalog.png') });

  await goTo(page, 'Registru unități licențiate');
  await expect(page.getByText('60 din 60 unități')).toBeVisible();
  await expect(page.getByText(/6 unități au licența expirată\. 6 licențe expiră în următoarele 60 de zile\./)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('registru.png') });

  await goTo(page, 'Cereri de subvenție');
  await expect(page.getByText('3 runde', { exact: true })).toBeVisible();

  await goTo(page, 'Setări');
  await page.getByRole('button', { name: 'Încarcă date demonstrative' }).click();
  await expect(page.getByText(/Baza de date conține deja ONG-uri sau unități; nu s-a modificat nimic\./)).toBeVisible();
});
