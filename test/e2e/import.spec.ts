import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { choose, goTo, openApp } from './helpers';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Opens the import dialog of the current screen and hands it a file made in the test. */
async function chooseFile(page: Page, title: string, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<Locator> {
  await page.getByRole('button', { name: 'Importă', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  await (await chooser).setFiles(file);
  return dialog;
}

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });

test('importing a workbook with bad rows shows a row-by-row report and imports only the valid rows', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Importă' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import catalog ONG' });

  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  await (await chooser).setFiles(fixture('catalog-mixed.xlsx'));

  // Column mapping: headers written differently are recognised, unknown ones reported.
  await expect(dialog.getByText('Coloana „Responsabil dosar” nu corespunde niciunui câmp și va fi ignorată.')).toBeVisible();
  await expect(dialog.getByText(/13 rânduri cu date, 2 rânduri goale ignorate/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Verifică rândurile' }).click();

  const report = dialog.getByRole('table', { name: 'Raportul importului' });
  await expect(dialog.getByText('13 rânduri verificate: 8 valide, 5 cu erori (8 probleme).')).toBeVisible();
  const badCui = report.getByRole('row').filter({ hasText: 'are cifra de control greșită' });
  await expect(badCui.getByRole('cell').nth(1)).toHaveText('5');
  await expect(badCui.getByRole('cell').nth(2)).toHaveText('Cod fiscal');
  await expect(report.getByText('CUI-ul 18547290 apare și pe rândul 4.')).toBeVisible();
  await expect(report.getByText('Data înscrierii: „31.02.2023” nu este o dată din calendar.')).toBeVisible();

  await dialog.getByRole('button', { name: 'Importă doar rândurile valide (8)' }).click();
  await expect(dialog.getByText(/Import încheiat: 8 ONG-uri adăugate\. 5 rânduri cu erori nu au fost importate; lista lor se poate descărca pentru corectare\./)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  await expect(page.getByText('8 din 8 ONG-uri')).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(grid.getByText('Asociația Șansa pentru Toți')).toBeVisible();
});

test('a file that is not a workbook is refused with a clear message and nothing changes', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Importă' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import catalog ONG' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  await (await chooser).setFiles(fixture('not-a-workbook.xlsx'));
  await expect(dialog.getByRole('alert')).toContainText(/fișier/i);
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByText('0 din 0 ONG-uri')).toBeVisible();
});

test('a CSV of a million columns is refused within 5 seconds and the tab stays usable', async ({ page }, testInfo) => {
  await openApp(page);
  // About 7 MB, written in the test's output folder: one header line of 1,000,000 fields, then one data row.
  const path = testInfo.outputPath('un-milion-de-coloane.csv');
  await writeFile(path, `${Array.from({ length: 1_000_000 }, (_, i) => `C${i}`).join(';')}\r\n1;2;3\r\n`);
  await page.getByRole('button', { name: 'Importă', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import catalog ONG' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Alege fișierul…' }).click();
  const picker = await chooser;
  const started = Date.now();
  await picker.setFiles(path);
  await expect(dialog.getByRole('alert')).toHaveText(
    'Fișierul CSV are mai mult de 200 de coloane, peste limita de 200 de coloane a unui import. Păstrați doar coloanele catalogului sau ale registrului și importați din nou.',
    { timeout: 5_000 },
  );
  expect(Date.now() - started).toBeLessThan(5_000);
  // The page still answers: the dialog closes and another screen opens.
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await goTo(page, 'Registru unități licențiate');
  await expect(page.getByRole('heading', { name: /Registru/ }).first()).toBeVisible();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
});

test('while a file is read the progress bar moves by transforms alone (no layout of the page in every frame), as far as MUI moves its bars', async ({ page }, testInfo) => {
  await openApp(page);
  // 80,000 rows: the worker reads for a while before its first count of rows checked.
  const path = testInfo.outputPath('optzeci-de-mii.csv');
  const rows = Array.from({ length: 80_000 }, (_, i) => `Asociația Citire ${i};${String(10_000_000 + i)};Cluj-Napoca;str. Lungă nr. ${i}`);
  await writeFile(path, `Denumire;CUI;Localitate;Stradă\r\n${rows.join('\r\n')}\r\n`);
  const dialog = await chooseFile(page, 'Import catalog ONG', path);
  // The bar while the file is read (indeterminate): its animations, caught in the first frames.
  const animated = await page.waitForFunction(
    () => {
      const bar = document.querySelector('[role="dialog"] [role="progressbar"]');
      if (!bar || bar.getAttribute('aria-valuenow') !== null) return null;
      const animations = document.getAnimations().filter((a) => a.effect instanceof KeyframeEffect && bar.contains(a.effect.target as Node));
      if (animations.length < 2) return null;
      const track = bar.getBoundingClientRect();
      return animations.map((a) => {
        const effect = a.effect as KeyframeEffect;
        a.pause();
        // Halfway through the delay (bar 2 waits 1.15 s), where MUI shows no bar 2 at all: it must
        // not stand over the track, whole and still, until its animation starts.
        a.currentTime = Number(effect.getTiming().delay) / 2;
        const waiting = (effect.target as HTMLElement).getBoundingClientRect();
        // 60% into each bar's cycle (after its delay), where MUI's keyframes put bar 1 at left 100% /
        // right −90% (from 100% of the track, 90% of it wide) and bar 2 at 107% / −8% (1% wide).
        a.currentTime = Number(effect.getTiming().delay) + 0.6 * 2_100;
        const box = (effect.target as HTMLElement).getBoundingClientRect();
        return {
          properties: [...new Set(effect.getKeyframes().flatMap((k) => Object.keys(k).filter((p) => !['offset', 'computedOffset', 'easing', 'composite'].includes(p))))],
          left: Math.round((100 * (box.left - track.left)) / track.width),
          width: Math.round((100 * box.width) / track.width),
          delay: effect.getTiming().delay,
          overTrackWhileWaiting: Math.max(0, Math.min(waiting.right, track.right) - Math.max(waiting.left, track.left)),
        };
      });
    },
    undefined,
    { polling: 'raf', timeout: 10_000 },
  );
  const bars = await animated.jsonValue();
  expect(bars).toHaveLength(2);
  for (const bar of bars!) expect(bar.properties).toEqual(['transform']);
  expect(bars!.find((b) => b.delay === 0)).toMatchObject({ left: 100, width: 90 });
  expect(bars!.find((b) => b.delay === 1_150)).toMatchObject({ left: 107, width: 1, overTrackWhileWaiting: 0 });
  await dialog.getByRole('button', { name: 'Anulează' }).click();
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
});

test('a CSV with the values users really write is imported: full address split, licence types in their words, a constant locality, the mapping remembered', async ({ page }) => {
  await openApp(page);
  const catalog = [
    'Denumire;CUI;Nr. înregistrare Registrul asociațiilor și fundațiilor;Data eliberării certificatului;Adresa completă',
    'Asociația Lumina;14235864;12/2015;15.03.2015;"Str. Memorandumului nr. 21, Cluj-Napoca, jud. Cluj, 400114"',
    'Fundația\u200B Speranța;18547290;7/A/2018;;"Calea Turzii 12, mun. Cluj-Napoca, județul Cluj"',
  ].join('\r\n');
  let dialog = await chooseFile(page, 'Import catalog ONG', csv('ong-uri.csv', catalog));
  await expect(dialog.getByText(/2 rânduri cu date/)).toBeVisible();
  // The long registry header is recognised by its beginning.
  await expect(dialog.getByRole('combobox', { name: 'Câmp pentru coloana Nr. înregistrare Registrul asociațiilor și fundațiilor' })).toHaveText('Nr. Registrul asociațiilor și fundațiilor');
  await choose(page, dialog.getByRole('combobox', { name: 'Câmp pentru coloana Adresa completă' }), page.getByRole('option', { name: 'Adresă completă (stradă, localitate, județ, cod poștal)' }));
  await expect(dialog.getByText('Stradă: Str. Memorandumului nr. 21; Localitate: Cluj-Napoca; Județ: Cluj; Cod poștal: 400114')).toBeVisible();
  await dialog.getByRole('button', { name: 'Verifică rândurile' }).click();
  await expect(dialog.getByText('2 rânduri verificate: 2 valide, 0 cu erori (0 probleme).')).toBeVisible();
  await dialog.getByRole('button', { name: 'Importă toate rândurile (2)' }).click();
  await expect(dialog.getByText('Import încheiat: 2 ONG-uri adăugate.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(grid.getByText('Fundația Speranța')).toBeVisible();
  await expect(grid.getByText('Cluj-Napoca').first()).toBeVisible();

  // The same layout again: the address mapping is remembered.
  dialog = await chooseFile(page, 'Import catalog ONG', csv('ong-uri-2.csv', catalog));
  await expect(dialog.getByText(/Coloanele sunt asociate ca la importul anterior/)).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Câmp pentru coloana Adresa completă' })).toHaveText('Adresă completă (stradă, localitate, județ, cod poștal)');
  await dialog.getByRole('button', { name: 'Renunță' }).click();

  await goTo(page, 'Registru unități licențiate');
  const register = [
    'CUI;Denumire unitate;Cod serviciu;Capacitate;Tip licență;Nr. licență;Data eliberării;Valabilitate;Stare',
    '14235864;Centrul de zi Lumina;8891CZ-C-I;20;de funcționare;101;15.03.2024;15.03.2029;activă',
    '14235864;Centrul de zi Lumina 2;8891CZ-C-I;25;funcționare;102;2024-04-01;01.04.2029;Activă',
    '18547290;Cantina Speranța;8899CPDH-I;40;Licență de funcționare;103;01.02.2024;01.02.2029;activa',
    '18547290;Centrul de zi Speranța;8891CZ-C-I;15;provizorie;104;10.05.2025;10.05.2026;Activă',
  ].join('\r\n');
  dialog = await chooseFile(page, 'Import registru unități licențiate', csv('unitati.csv', register));
  await expect(dialog.getByText('Lipsește coloana obligatorie „Localitate”', { exact: false })).toBeVisible();
  await choose(page, dialog.getByRole('combobox', { name: 'Câmpul' }), page.getByRole('option', { name: 'Localitate', exact: true }));
  await dialog.getByRole('textbox', { name: 'Valoarea constantă' }).fill('Cluj-Napoca');
  await dialog.getByRole('button', { name: 'Adaugă valoarea' }).click();
  await expect(dialog.getByText('Localitate = Cluj-Napoca', { exact: true })).toBeVisible();
  await expect(dialog.getByText('15.03.2024')).toBeVisible();
  await dialog.getByRole('button', { name: 'Verifică rândurile' }).click();
  await expect(dialog.getByText('4 rânduri verificate: 4 valide, 0 cu erori (0 probleme).')).toBeVisible();
  await dialog.getByRole('button', { name: 'Importă toate rândurile (4)' }).click();
  await expect(dialog.getByText('Import încheiat: 4 unități adăugate.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByText('4 din 4 unități')).toBeVisible();
  const units = page.getByRole('grid', { name: 'Registru unități licențiate' });
  await expect(units.getByRole('row').filter({ hasText: 'Centrul de zi Speranța' })).toContainText('8891 CZ-C-I');
  await expect(units.getByRole('row').filter({ hasText: 'Cantina Speranța' })).toContainText('01.02.2024');
});

test('after an import the refused rows can be downloaded as XLSX: row, column, value, reason', async ({ page }) => {
  await openApp(page);
  const dialog = await chooseFile(page, 'Import catalog ONG', fixture('catalog-mixed.xlsx'));
  await dialog.getByRole('button', { name: 'Verifică rândurile' }).click();
  await dialog.getByRole('button', { name: 'Importă doar rândurile valide (8)' }).click();
  await expect(dialog.getByText(/Import încheiat: 8 ONG-uri adăugate/)).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Descarcă rândurile refuzate (XLSX)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^randuri-refuzate-catalog-mixed-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await file.path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Rânduri refuzate')!;
  const rows = sheet.getSheetValues().filter(Array.isArray).map((r) => (r as unknown[]).slice(1, 6));
  const headerAt = rows.findIndex((r) => r[0] === 'Foaia');
  expect(rows[headerAt]).toEqual(['Foaia', 'Rândul', 'Coloana', 'Valoarea', 'Motivul']);
  const problems = rows.slice(headerAt + 1);
  expect(problems).toHaveLength(8);
  expect(problems).toContainEqual(['ONG-uri', 10, 'Cod fiscal', '18547290', 'CUI-ul 18547290 apare și pe rândul 4.']);
  expect(problems).toContainEqual(['ONG-uri', 8, 'Data inscrierii', '31.02.2023', 'Data înscrierii: „31.02.2023” nu este o dată din calendar.']);
});
