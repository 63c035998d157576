import { expect, test, type Page } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { createBackup, serializeBackup, type BackupFile } from '../../src/backup/backup-file';
import { addOrganization, choose, dateFromToday, fill, goTo, openApp } from './helpers';

async function addUnit(page: Page, organization: string, name: string): Promise<void> {
  await goTo(page, 'Registru unități licențiate');
  await page.getByRole('button', { name: 'Adaugă unitate' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByRole('combobox', { name: 'ONG', exact: true }), page.getByRole('option', { name: new RegExp(organization) }));
  await fill(page, 'Denumirea unității', name);
  const service = dialog.getByRole('combobox', { name: 'Cod serviciu (HG 867/2015)' });
  await service.click();
  await service.fill('8891 CZ-C-IV');
  await page.getByRole('option', { name: /8891 CZ-C-IV/ }).click();
  await fill(page, 'Capacitate', '30');
  await fill(page, 'Nr. licenței', '0010073');
  await fill(page, 'Data eliberării licenței', dateFromToday(-365).ro);
  await fill(page, 'Data expirării licenței', dateFromToday(4 * 365).ro);
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(`Unitatea „${name}” a fost adăugată în registru.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
}

/** Saves a backup through Settings and returns its path. */
async function saveBackup(page: Page, path: string): Promise<BackupFile> {
  await goTo(page, 'Setări');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Salvează copia de siguranță' }).click();
  await (await download).saveAs(path);
  return JSON.parse(await readFile(path, 'utf8')) as BackupFile;
}

/** The file with its tables changed and the checksum made anew, as a careful forger would. */
async function forge(file: BackupFile, path: string, change: (tables: BackupFile['tables']) => void): Promise<string> {
  const tables = structuredClone(file.tables);
  change(tables);
  await writeFile(path, serializeBackup(await createBackup({ schemaVersion: file.schemaVersion, appVersion: file.appVersion, createdAt: file.createdAt, tables })));
  return path;
}

async function chooseRestore(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restaurează din copie…' }).click();
  await (await chooser).setFiles(path);
}

test('deleting an NGO that a unit points at is refused, naming the unit', async ({ page }) => {
  await openApp(page);
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await addUnit(page, 'Asociația Speranța Someșului', 'Centrul de zi „Lumina”');
  await goTo(page, 'Catalog ONG');
  await page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Asociația Speranța Someșului').click();
  const dialog = page.getByRole('dialog', { name: 'Asociația Speranța Someșului' });
  await dialog.getByRole('button', { name: 'Șterge ONG-ul' }).click();
  await page.getByRole('dialog', { name: 'Ștergere ONG' }).getByRole('button', { name: 'Șterge' }).click();
  await expect(page.getByText('ONG-ul „Asociația Speranța Someșului” nu poate fi șters: îl folosesc 1 unitate licențiată („Centrul de zi „Lumina””). Marcați ONG-ul ca „Radiat”')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByText('1 din 1 ONG-uri')).toBeVisible();
});

test('a backup with a missing table, and one with wrong field types, are refused before any confirmation; the data stays', async ({ page }, testInfo) => {
  await openApp(page);
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await addUnit(page, 'Asociația Speranța Someșului', 'Centrul de zi „Lumina”');
  const file = await saveBackup(page, testInfo.outputPath('copie.json'));

  const missing = await forge(file, testInfo.outputPath('fara-unitati.json'), (t) => delete t['units']);
  await chooseRestore(page, missing);
  await expect(page.getByRole('alert').filter({ hasText: 'lipsește tabelul „Unități licențiate”' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Restaurare din copia de siguranță' })).toHaveCount(0);

  const wrongTypes = await forge(file, testInfo.outputPath('tipuri-gresite.json'), (t) => {
    t['units']![0]!['capacity'] = 'treizeci';
  });
  await chooseRestore(page, wrongTypes);
  await expect(page.getByRole('alert').filter({ hasText: 'tabelul „Unități licențiate”, înregistrarea 1: câmpul „capacity” nu este un număr' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Restaurare din copia de siguranță' })).toHaveCount(0);

  await goTo(page, 'Registru unități licențiate');
  await expect(page.getByRole('grid').getByText('Centrul de zi „Lumina”')).toBeVisible();
});

test('a restore keeps a safety copy of the data before it, listed in Settings, that undoes it', async ({ page }, testInfo) => {
  await openApp(page);
  const path = testInfo.outputPath('copie.json');
  await saveBackup(page, path); // an empty database
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await goTo(page, 'Setări');
  await chooseRestore(page, path);
  const confirm = page.getByRole('dialog', { name: 'Restaurare din copia de siguranță' });
  await expect(confirm.getByRole('row').filter({ hasText: 'Unități licențiate' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Restaurează' }).click();
  await expect(page.getByText(/Datele au fost restaurate din copia de siguranță/)).toBeVisible();

  const copies = page.getByRole('table', { name: 'Copii automate' });
  await expect(copies.getByRole('row').filter({ hasText: 'înainte de restaurare' })).toHaveCount(1);
  await copies.getByRole('button', { name: /^Restaurează copia din/ }).click();
  await page.getByRole('dialog', { name: 'Restaurare din copia de siguranță' }).getByRole('button', { name: 'Restaurează' }).click();
  await goTo(page, 'Catalog ONG');
  await expect(page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Asociația Speranța Someșului')).toBeVisible();
});

test('two tabs editing Settings: the second save gets the conflict message and keeps its input', async ({ page, context }) => {
  await openApp(page, 'setari');
  const other = await context.newPage();
  await openApp(other, 'setari');
  const field = (p: Page) => p.getByRole('textbox', { name: 'Șeful serviciului' });
  await expect(field(page)).toBeVisible();
  await expect(field(other)).toBeVisible();

  await field(page).fill('Maria Ionescu');
  await page.getByRole('button', { name: 'Salvează setările' }).click();
  await expect(page.getByText('Setările instituției au fost salvate.')).toBeVisible();

  await field(other).fill('Ion Pop');
  await other.getByRole('button', { name: 'Salvează setările' }).click();
  await expect(other.getByText(/Setările instituției au fost modificate între timp în altă fereastră sau filă/)).toBeVisible();
  await expect(field(other)).toHaveValue('Ion Pop');
  await other.close();
});

test('the audit screen shows a budget change as "Buget total: 1.537.120,00 lei"', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Cereri de subvenție');
  await page.getByRole('button', { name: 'Rundă nouă' }).click();
  const dialog = page.getByRole('dialog');
  await fill(page, 'Anul bugetar', '2027');
  await fill(page, 'Denumirea rundei', 'Subvenții 2027');
  await fill(page, 'Bugetul disponibil (lei)', '1.000.000');
  await fill(page, 'Depunere de la', '01.08.2026');
  await fill(page, 'Depunere până la', '30.09.2026');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Runda „Subvenții 2027” a fost creată.')).toBeVisible();
  await fill(page, 'Bugetul disponibil (lei)', '1.537.120');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Runda „Subvenții 2027” a fost actualizată.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  await goTo(page, 'Jurnal modificări');
  const row = page.getByRole('grid', { name: 'Jurnal modificări' }).getByRole('row').filter({ hasText: 'Modificare' }).filter({ hasText: 'Subvenții 2027' });
  await expect(row).toContainText('Buget total: 1.537.120,00 lei (înainte: 1.000.000,00 lei)');
});

test('a record that cannot be shown gives a Romanian message and the way back, never a blank page', async ({ page }) => {
  await openApp(page);
  // Two damaged rounds (a date stored as a number), written past the app as a faulty tool would.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('subventii-ong');
        request.onsuccess = () => {
          const tx = request.result.transaction('rounds', 'readwrite');
          for (const id of ['r1', 'r2']) tx.objectStore('rounds').put({ id, year: 2027, name: `Runda ${id}`, submissionEnd: 20270930, budget: 0 });
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await goTo(page, 'Cereri de subvenție');
  const alert = page.getByRole('alert').filter({ hasText: 'Ecranul „Cereri de subvenție” nu poate fi afișat' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Datele nu au fost modificate');
  await alert.getByRole('button', { name: 'Mergi la Setări' }).click();
  await expect(page.getByRole('heading', { name: 'Setări', level: 1 })).toBeVisible();
  await goTo(page, 'Catalog ONG');
  await expect(page.getByRole('grid', { name: 'Catalog ONG' })).toBeVisible();
});
