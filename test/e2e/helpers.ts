import { expect, type Download, type Locator, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';

/** Opens the app on a screen and waits until the frame is there. */
export async function openApp(page: Page, route = 'catalog'): Promise<void> {
  await page.goto(`/#/${route}`);
  await expect(page.getByRole('navigation', { name: 'Navigare principală' })).toBeVisible();
}

export async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigare principală' }).getByText(label, { exact: true }).click();
}

/** A text box of the open dialog, by its accessible name (MUI keeps the required "*" out of it). */
export function textbox(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog').getByRole('textbox', { name, exact: typeof name === 'string' });
}

/** Fills a form field found by its label (MUI text fields). */
export async function fill(page: Page, label: string | RegExp, value: string): Promise<void> {
  const field = textbox(page, label);
  await field.fill(value);
  await field.blur();
}

/** An ISO date `days` from today, and the same as dd.mm.yyyy. */
export function dateFromToday(days: number): { iso: string; ro: string } {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { iso, ro: `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` };
}

export async function addOrganization(page: Page, name: string, cui: string): Promise<void> {
  await goTo(page, 'Catalog ONG');
  await page.getByRole('button', { name: 'Adaugă ONG' }).click();
  await fill(page, 'Denumire', name);
  await fill(page, 'CUI/CIF', cui);
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(`ONG-ul „${name}” a fost adăugat în catalog.`)).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();
}

/** Opens an export menu, picks an item and returns the download it starts. */
export async function downloadFrom(page: Page, menu: string, item: string): Promise<Download> {
  await page.getByRole('button', { name: menu }).click();
  const file = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return file;
}

/** The text of a downloaded DOCX (word/document.xml without its tags). */
export async function docxText(file: Download): Promise<string> {
  const xml = await (await JSZip.loadAsync(await readFile(await file.path()))).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, '');
}

/**
 * Issues a document from a menu: the issuing dialog gives it the next number of the register, and
 * the stored file is downloaded.
 */
export async function issueFrom(page: Page, menu: string, item: string): Promise<Download> {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
  return issueInDialog(page);
}

/** Confirms the open issuing dialog and returns the download of the issued file. */
export async function issueInDialog(page: Page, button: string | RegExp = /^Emite/): Promise<Download> {
  // The issuing dialog is the last one open (it may sit over the appeal or request dialog).
  const dialog = page.getByRole('dialog').last();
  const file = page.waitForEvent('download');
  await dialog.getByRole('button', { name: button }).click();
  return file;
}

/** Enters the Cluj-Napoca monthly level of a service category from a date (the shipped value is "de completat"). */
export async function setMonthlyLevel(page: Page, category: string, from: string, lei: string, act: string): Promise<void> {
  await goTo(page, 'Parametri legali');
  // The Cluj-Napoca level's row, whether "de completat" or holding the demo's fictitious value.
  await page.getByRole('row').filter({ hasText: 'Nivel mediu lunar Cluj-Napoca' }).filter({ hasText: category }).first().click();
  await fill(page, 'În vigoare de la', from);
  await fill(page, /^Valoarea/, lei);
  await fill(page, 'Actul normativ', act);
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează valoarea' }).click();
  await expect(page.getByRole('dialog').getByRole('row').filter({ hasText: 'adăugată în aplicație' }).filter({ hasText: act })).toContainText(lei);
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();
}

/**
 * Opens a select or autocomplete and picks an option, then waits for its menu to close. Under load
 * a click can land while the menu is still opening (or on its fading backdrop) and be lost, leaving
 * the menu open: it is retried until the menu closes, so a lost click never fails a test later.
 */
export async function choose(page: Page, combobox: Locator, option: Locator): Promise<void> {
  const menu = page.getByRole('listbox');
  await expect(async () => {
    if (!(await menu.isVisible())) await combobox.click({ timeout: 5_000 });
    await option.click({ timeout: 5_000 });
    await expect(menu).toBeHidden({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Loads the demo data from Setări (the base set, then last year's round carried to its end by the
 * app's services) and waits for the message; returns how long the load took, in milliseconds.
 */
export async function loadDemo(page: Page): Promise<number> {
  await openApp(page, 'setari');
  const started = Date.now();
  await page.getByRole('button', { name: 'Încarcă date demonstrative' }).click();
  await expect(page.getByText(/^Au fost încărcate 40 ONG-uri, .* Anul \d{4} este încheiat/)).toBeVisible({ timeout: 30_000 });
  return Date.now() - started;
}
