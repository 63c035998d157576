import { expect, test } from '@playwright/test';
import { choose, goTo, loadDemo } from './helpers';

test('demo data fills an empty database, flags licences in the register, carries last year to its end, and is refused a second time', async ({ page }, testInfo) => {
  // The demo places licences and rounds around today: fix the day so the figures below hold.
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  const ms = await loadDemo(page);
  testInfo.annotations.push({ type: 'demo-load-ms', description: String(ms) });
  console.log(`demo load: ${ms} ms`);
  expect(ms).toBeLessThan(15_000);
  await expect(page.getByText('Au fost încărcate 40 ONG-uri, 60 unități, 3 runde de finanțare și 6 cereri fictive, cu o comisie de evaluare. Anul 2025 este încheiat: rezultate finale, 4 convenții și 12 deconturi.')).toBeVisible();

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

  // Last year's round: final results, its conventions (one award still to contract) and settlements in every state.
  await goTo(page, 'Convenții');
  await expect(page.getByRole('table', { name: 'Convenții de încheiat' }).getByRole('button', { name: /^Încheie convenția:/ })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('conventii.png'), fullPage: true });
  await goTo(page, 'Deconturi și plăți');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  const grid = page.getByRole('table', { name: 'Deconturile lunare ale convențiilor' });
  await expect(grid.getByRole('button', { name: /^Decont .* — convenția nr\. \d+: Plătit$/ })).toHaveCount(7);
  await expect(grid.getByRole('button', { name: /^Decont .* — convenția nr\. \d+: Depus/ })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('deconturi.png'), fullPage: true });

  await goTo(page, 'Setări');
  await page.getByRole('button', { name: 'Încarcă date demonstrative' }).click();
  await expect(page.getByText(/Baza de date conține deja ONG-uri sau unități; nu s-a modificat nimic\./)).toBeVisible();
});
