import { expect, test } from '@playwright/test';
import { addOrganization, choose, fill, goTo, openApp } from './helpers';

test('the secretariat fills in the shipped grid from the council decision and sets up a commission with its members', async ({ page }, testInfo) => {
  await openApp(page);
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await goTo(page, 'Comisie');

  // The shipped Law 34/1998 grid has no criteria: scoring on it is refused until it is filled in.
  await page.getByRole('tab', { name: 'Grile de evaluare' }).click();
  const grids = page.getByRole('grid', { name: 'Grile de evaluare' });
  await expect(grids.getByRole('row').filter({ hasText: 'livrată' })).toContainText('de completat');
  await grids.getByRole('row').filter({ hasText: 'livrată' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/Nu se poate puncta pe această grilă până nu se completează/)).toBeVisible();
  await fill(page, 'Denumirea grilei', 'Grila de evaluare 2027 (HCL 1/2026, anexa 2)');
  await fill(page, 'Temeiul grilei (actul de aprobare)', 'HCL nr. 1/2026, anexa 2');
  await dialog.getByRole('button', { name: 'Adaugă criteriu' }).click();
  await dialog.getByRole('textbox', { name: 'Criteriul 1', exact: true }).fill('Calitatea serviciilor');
  await dialog.getByRole('textbox', { name: 'Maxim (criteriul 1)' }).fill('60');
  await dialog.getByRole('button', { name: 'Adaugă criteriu' }).click();
  await dialog.getByRole('textbox', { name: 'Criteriul 2', exact: true }).fill('Sustenabilitate');
  await dialog.getByRole('textbox', { name: 'Maxim (criteriul 2)' }).fill('40');
  await fill(page, 'Punctajul total minim pentru finanțare', '120');
  await dialog.getByRole('button', { name: 'Salvează grila' }).click();
  await expect(dialog.getByText('Punctajul total minim (120,00) depășește punctajul maxim al grilei (100,00).')).toBeVisible();
  await fill(page, 'Punctajul total minim pentru finanțare', '50');
  await expect(dialog.getByText('Grila este completă: 2 criterii, maximum 100 puncte.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('grila.png') });
  await dialog.getByRole('button', { name: 'Salvează grila' }).click();
  await expect(page.getByText('Grila „Grila de evaluare 2027 (HCL 1/2026, anexa 2)” a fost creată.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(grids.getByRole('row').filter({ hasText: 'HCL 1/2026, anexa 2' })).toContainText('gata de punctare');

  // A commission, and a member who declares she is on the board of an applicant.
  await page.getByRole('tab', { name: 'Comisii și membri' }).click();
  await page.getByRole('button', { name: 'Comisie nouă' }).click();
  await fill(page, 'Actul de constituire și regulamentul', 'HCL 632/2016');
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(/Comisia „Comisia de evaluare și selecționare \(Legea 34\/1998\)” a fost creată\./)).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();

  await page.getByRole('button', { name: 'Adaugă membru' }).click();
  await fill(page, 'Numele și prenumele', 'Ioana Rus');
  await fill(page, 'Instituția reprezentată', 'Consiliul Local Cluj-Napoca');
  await fill(page, 'Actul de numire', 'Dispoziția Primarului nr. 1234');
  await fill(page, 'Data actului de numire', '10.01.2026');
  await fill(page, 'Mandat de la', '15.01.2026');
  await page.getByRole('dialog').getByRole('button', { name: 'Adaugă o legătură cu un ONG' }).click();
  await choose(page, page.getByRole('dialog').getByRole('combobox', { name: 'ONG (legătura 1)' }), page.getByRole('option', { name: /Asociația Speranța Someșului/ }));
  await choose(page, page.getByRole('dialog').getByRole('combobox', { name: 'Legătura 1', exact: true }), page.getByRole('option', { name: 'Membru în consiliul director' }));
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('A fost adăugat în comisie: Ioana Rus.')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();
  const members = page.getByRole('grid', { name: 'Membrii comisiei' });
  await expect(members.getByRole('row').filter({ hasText: 'Ioana Rus' })).toContainText('Membru în consiliul director: Asociația Speranța Someșului');
  await page.screenshot({ path: testInfo.outputPath('membri.png') });
});

test("a round's page answers an address that names no round, and is left by its back button", async ({ page }, testInfo) => {
  await openApp(page, 'comisie/runda-care-nu-exista');
  await expect(page.getByRole('alert')).toHaveText('Runda cerută nu există (a fost ștearsă sau adresa este greșită).');
  await page.screenshot({ path: testInfo.outputPath('runda-inexistenta.png') });
  await page.getByRole('button', { name: 'Runde', exact: true }).click();
  await expect(page.getByRole('grid', { name: 'Runde de evaluat' })).toBeVisible();
  await expect(page).toHaveURL(/#\/comisie$/);
});
