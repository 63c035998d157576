import { expect, test, type Page } from '@playwright/test';
import { addOrganization, fill, loadDemo, openApp, textbox } from './helpers';

test('a secretary adds an NGO: a wrong CUI is refused with a reason, the fixed one is saved and found by a search without diacritics', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Adaugă ONG' }).click();
  const dialog = page.getByRole('dialog');
  await fill(page, 'Denumire', 'Asociaţia Şansa Vârstnicilor'); // cedilla forms, as old files have them
  await fill(page, 'CUI/CIF', '18547291');
  await fill(page, 'IBAN', 'RO49 AAAA 1B31 0075 9384 0000');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(dialog.getByText('CUI/CIF „18547291” are cifra de control greșită (ar trebui să fie 0).')).toBeVisible();

  await fill(page, 'CUI/CIF', 'RO 18547290');
  await expect(dialog.getByText(/cifra de control greșită/)).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('ONG-ul „Asociația Șansa Vârstnicilor” a fost adăugat în catalog.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(grid.getByText('Asociația Șansa Vârstnicilor')).toBeVisible();
  await expect(grid.getByText('18547290')).toBeVisible();

  await page.getByLabel('Căutare rapidă').fill('sansa varstnic');
  await expect(grid.getByText('Asociația Șansa Vârstnicilor')).toBeVisible();
  await page.getByLabel('Căutare rapidă').fill('speranta');
  await expect(grid.getByText('Asociația Șansa Vârstnicilor')).toHaveCount(0);
});

test('leaving a form with unsaved changes asks first and keeps the typing when the user stays', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Adaugă ONG' }).click();
  await fill(page, 'Denumire', 'Fundația Pași Împreună');
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();
  const confirm = page.getByRole('dialog', { name: 'Modificări nesalvate' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Rămân în formular' }).click();
  await expect(textbox(page, 'Denumire')).toHaveValue('Fundația Pași Împreună');
});

test('editing an NGO opened from the grid logs exactly the field that changed', async ({ page }) => {
  await openApp(page);
  await addOrganization(page, 'Fundația Casa Luminii', '13548146');
  await page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Fundația Casa Luminii').click();
  const dialog = page.getByRole('dialog', { name: 'Fundația Casa Luminii' });
  await fill(page, 'Telefon', '0264 555 123');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Modificările pentru „Fundația Casa Luminii” au fost salvate.')).toBeVisible();
  await dialog.getByRole('tab', { name: 'Istoric modificări' }).click();
  const history = dialog.getByRole('table', { name: 'Istoricul modificărilor' });
  const change = history.getByRole('row').filter({ hasText: 'Modificare' });
  await expect(change).toHaveCount(1);
  await expect(change.getByRole('cell')).toHaveText([/\d{2}\.\d{2}\.\d{4}/, 'utilizator nespecificat', 'Modificare', 'Telefon', '—', '0264 555 123']);
});

test('quick search on the demo catalog: typing narrows, erasing widens again; the units column counts each NGO’s units', async ({ page }) => {
  await loadDemo(page);
  await openApp(page, 'catalog');
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(page.getByText('40 din 40 ONG-uri')).toBeVisible();
  const search = page.getByLabel('Căutare rapidă');
  const counted = async () => Number((await page.getByText(/^\d+ din 40 ONG-uri$/).innerText()).split(' ')[0]);
  await search.fill('asociatia');
  await expect(page.getByText('40 din 40 ONG-uri')).toHaveCount(0);
  const associations = await counted();
  expect(associations).toBeGreaterThan(1);
  // Letter by letter, as typed: each keystroke searches the hits of the previous one.
  await search.pressSequentially(' pasi impr');
  await expect(page.getByText('1 din 40 ONG-uri')).toBeVisible();
  const row = grid.getByRole('row', { name: /Asociația Pași Împreună/ });
  await expect(row).toBeVisible();
  // The NGO's units, counted from the register (the demo gives it at least one).
  expect(Number(await row.locator('[data-field="unitCount"]').innerText())).toBeGreaterThan(0);
  // Erased back to "asociatia": every association again, not only the last hit.
  for (let i = 0; i < ' pasi impr'.length; i++) await search.press('Backspace');
  await expect(search).toHaveValue('asociatia');
  await expect(page.getByText(`${associations} din 40 ONG-uri`)).toBeVisible();
  await search.fill('');
  await expect(page.getByText('40 din 40 ONG-uri')).toBeVisible();
  await page.screenshot({ path: 'test-results/catalog-quick-search.png' });
});

test('the grid pages, sorts and counts what the search finds, and says so when it finds nothing', async ({ page }) => {
  await loadDemo(page);
  await openApp(page, 'catalog');
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  // The pagination (below the grid's own element): "first–last din count".
  const shown = page.getByText(/^\d+–\d+ din \d+$/);
  const names = () => grid.locator('.MuiDataGrid-row [data-field="name"]').allInnerTexts();
  await expect(shown).toHaveText('1–40 din 40');
  await page.getByRole('combobox', { name: 'Rânduri pe pagină:' }).click();
  await page.getByRole('option', { name: '25' }).click();
  await expect(shown).toHaveText('1–25 din 40');
  const firstPage = await names();
  await page.getByRole('button', { name: /pagina următoare/i }).click();
  await expect(shown).toHaveText('26–40 din 40');
  expect((await names())[0]).not.toBe(firstPage[0]);

  // A search starts again from the first page, with the count of what it found.
  const search = page.getByLabel('Căutare rapidă');
  await search.fill('asociatia');
  const found = Number((await page.getByText(/^\d+ din 40 ONG-uri$/).innerText()).split(' ')[0]);
  await expect(shown).toHaveText(`1–${Math.min(found, 25)} din ${found}`);
  // Sorted by name, Z to A: the first row is the last in the alphabet.
  const ascending = await names();
  await grid.getByRole('columnheader', { name: 'Denumire' }).click();
  await grid.getByRole('columnheader', { name: 'Denumire' }).click();
  await expect.poll(async () => (await names())[0]).not.toBe(ascending[0]);
  const descending = await names();
  expect([...descending].sort((a, b) => b.localeCompare(a, 'ro'))).toEqual(descending);

  await search.fill('zzz nimic');
  await expect(page.getByText('0 din 40 ONG-uri')).toBeVisible();
  await expect(grid.getByText('Lipsă date')).toBeVisible();
  await expect(grid.locator('.MuiDataGrid-row')).toHaveCount(0);
  await search.fill('');
  await expect(shown).toHaveText('1–25 din 40');
  await expect(grid.getByText('Lipsă date')).toHaveCount(0);
});

/** The app's copy of a table read at start (renderer/db/table-snapshots.ts): its meta row, read with the bare API. */
const copyMeta = (page: Page, table: string) =>
  page.evaluate(
    (name) =>
      new Promise<{ valid: boolean; count: number } | undefined>((resolve) => {
        const open = indexedDB.open('subventii-ong');
        open.onsuccess = () => {
          const get = open.result.transaction('tableSnapshots').objectStore('tableSnapshots').get(name);
          get.onsuccess = () => (open.result.close(), resolve(get.result));
        };
      }),
    table,
  );

test('after a restart the catalog shows the NGO as last saved: the start reads the copy each save patched', async ({ page }) => {
  await loadDemo(page);
  await openApp(page, 'catalog');
  await expect(page.getByText('40 din 40 ONG-uri')).toBeVisible();
  // The demo's load is a bulk write: the copy is rebuilt a moment after the catalog read the table.
  await expect.poll(async () => (await copyMeta(page, 'organizations'))?.valid, { timeout: 15_000 }).toBe(true);

  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  const first = (await grid.locator('.MuiDataGrid-row').first().locator('[data-field="name"]').textContent())!;
  await grid.getByText(first, { exact: true }).click();
  const dialog = page.getByRole('dialog', { name: first });
  await fill(page, 'Denumire', `${first} Nouă`);
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(`Modificările pentru „${first} Nouă” au fost salvate.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await addOrganization(page, 'Fundația Casa Luminii', '13548146');
  expect(await copyMeta(page, 'organizations')).toMatchObject({ valid: true, count: 41 }); // patched, not invalidated

  await page.reload();
  await expect(page.getByText('41 din 41 ONG-uri')).toBeVisible();
  await page.getByLabel('Căutare rapidă').fill(`${first} Nouă`);
  await expect(grid.getByText(`${first} Nouă`, { exact: true })).toBeVisible();
  await page.getByLabel('Căutare rapidă').fill('casa luminii');
  await expect(grid.getByText('Fundația Casa Luminii')).toBeVisible();
});
