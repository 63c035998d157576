import { expect, test } from '@playwright/test';
import { addOrganization, choose, dateFromToday, fill, goTo, openApp } from './helpers';

test('a unit whose licence expires next month is flagged in the register and found by the filter', async ({ page }) => {
  await openApp(page);
  await addOrganization(page, 'Fundația Casa Luminii', '13548146');

  await goTo(page, 'Registru unități licențiate');
  await page.getByRole('button', { name: 'Adaugă unitate' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByRole('combobox', { name: 'ONG', exact: true }), page.getByRole('option', { name: /Fundația Casa Luminii/ }));
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
  await fill(page, 'Autoritatea emitentă a licenței', 'Autoritatea Națională pentru Protecția Drepturilor Copilului şi Adopţie');
  await page.screenshot({ path: test.info().outputPath('unit-dialog.png') });
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Unitatea „Centrul de zi „Lumina”” a fost adăugată în registru.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  const grid = page.getByRole('grid', { name: 'Registru unități licențiate' });
  const row = grid.getByRole('row').filter({ hasText: 'Centrul de zi „Lumina”' });
  await expect(row.getByText('Expiră curând')).toBeVisible();
  await expect(page.getByText('1 licență expiră în următoarele 60 de zile.')).toBeVisible();
  // The issuer is kept with the comma-below letters, as every text is.
  await row.getByText("Centrul de zi „Lumina”").click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Autoritatea emitentă a licenței' })).toHaveValue('Autoritatea Națională pentru Protecția Drepturilor Copilului și Adopție');
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();

  await page.getByLabel('Licență expirată').check();
  await expect(grid.getByText('Centrul de zi „Lumina”')).toHaveCount(0);
  await page.getByLabel('Expiră în 60 de zile').check();
  await expect(grid.getByText('Centrul de zi „Lumina”')).toBeVisible();
});

test('an NGO that runs units cannot be deleted, and the message names the units', async ({ page }) => {
  await openApp(page, 'setari');
  await page.getByRole('button', { name: 'Încarcă date demonstrative' }).click();
  await expect(page.getByText(/Au fost încărcate 40 ONG-uri/)).toBeVisible();
  await goTo(page, 'Catalog ONG');
  await page.getByLabel('Căutare rapidă').fill('casa luminii');
  await expect(page.getByText('1 din 40 ONG-uri')).toBeVisible();
  await page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Asociația Casa Luminii').click();
  const dialog = page.getByRole('dialog', { name: 'Asociația Casa Luminii' });
  await dialog.getByRole('button', { name: 'Șterge ONG-ul' }).click();
  await page.getByRole('dialog', { name: 'Ștergere ONG' }).getByRole('button', { name: 'Șterge' }).click();
  await expect(page.getByText(/ONG-ul „Asociația Casa Luminii” nu poate fi șters: îl folosesc \d+ unități licențiate \(„/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Asociația Casa Luminii')).toBeVisible();
});

test('a user adds a service code from a newer act to the nomenclature, flagged as theirs', async ({ page }) => {
  await openApp(page, 'registru');
  await page.getByRole('button', { name: 'Nomenclator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nomenclatorul serviciilor sociale (HG 867/2015)' });
  const row = (code: string) => dialog.getByRole('row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
  await expect(row('8790 CR-D-I').getByText('HG 1433/2022')).toBeVisible();
  await expect(row('8790 CR-C-I').getByText('neverificat')).toBeVisible();
  await fill(page, 'Cod', '8899 cz-vd-iii');
  await fill(page, 'Denumirea serviciului', 'Centru de consiliere telefonică');
  await dialog.getByRole('button', { name: 'Salvează codul' }).click();
  await expect(page.getByText('Codul 8899 CZ-VD-III a fost salvat în nomenclator.')).toBeVisible();
  await expect(row('8899 CZ-VD-III').getByText('adăugat de utilizator')).toBeVisible();
});
