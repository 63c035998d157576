import { expect, test } from '@playwright/test';
import { addOrganization, goTo, openApp } from './helpers';

test('the user named in Settings signs every change in the audit log', async ({ page }) => {
  await openApp(page, 'setari');
  await page.getByRole('button', { name: 'Completați numele utilizatorului pentru jurnal' }).click();
  await page.getByRole('textbox', { name: 'Utilizatorul acestui calculator (pentru jurnalul de modificări)' }).fill('Ioana Pop');
  await page.getByRole('textbox', { name: 'Șeful serviciului' }).fill('Maria Ionescu');
  await page.getByRole('button', { name: 'Salvează setările' }).click();
  await expect(page.getByText('Setările instituției au fost salvate.')).toBeVisible();
  await expect(page.getByLabel('Utilizator', { exact: true })).toHaveText('Ioana Pop');

  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await goTo(page, 'Jurnal modificări');
  const log = page.getByRole('grid', { name: 'Jurnal modificări' });
  const creation = log.getByRole('row').filter({ hasText: 'Asociația Speranța Someșului' });
  await expect(creation).toContainText('Ioana Pop');
  await expect(creation).toContainText('Creare');
  await expect(log.getByRole('row').filter({ hasText: 'Setări instituție' })).toContainText('Șeful serviciului: Maria Ionescu');
});
