// Shared mode end to end: browser contexts as workstations (secretariat, finance, monitoring) on
// the address of the service (test/e2e/shared/harness.ts), which serves the web app and its API.
// Skipped, saying why, when PostgreSQL is unavailable.
import { expect, test as localTest, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runnerImport } from 'vite';
import { addOrganization, choose, goTo, loadDemo, openApp } from './helpers';
import { PASSWORDS, requirePostgres, sharedTest as test, startSharedServer, type LoginName, type SharedServer } from './shared/harness';
import type * as ServerSide from './shared/server-side';

const SHOTS = '/tmp/shots-shared';
mkdirSync(SHOTS, { recursive: true });

/** A workstation: a browser context of its own (its own IndexedDB and cookie) on the server's address. */
async function workstation(browser: Browser, server: SharedServer, login?: LoginName): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'ro-RO', timezoneId: 'Europe/Bucharest', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/#/catalog`);
  if (login) await signIn(page, login);
  return { context, page };
}

async function signIn(page: Page, login: LoginName, password: string = PASSWORDS[login]): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Autentificare pe server' });
  await dialog.getByRole('textbox', { name: 'Utilizator' }).fill(login);
  await dialog.getByLabel('Parolă').fill(password);
  await dialog.getByRole('button', { name: 'Intră' }).click();
  if (password === PASSWORDS[login]) await expect(status(page)).toHaveText(`Conectat · ${login}`, { timeout: 30_000 });
}

// includeHidden: a modal dialog hides the app bar from the accessibility tree, not from the eye.
const status = (page: Page) => page.getByRole('button', { name: /^Starea legăturii cu serverul/, includeHidden: true });
const catalogGrid = (page: Page) => page.getByRole('grid', { name: 'Catalog ONG' });

async function openOrganization(page: Page, name: string) {
  await catalogGrid(page).getByText(name, { exact: true }).dblclick();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Denumire', exact: true })).toHaveValue(name);
  return dialog;
}

/** The demo data (made in a local-mode page, as a backup) uploaded into the empty server: conventions and funded units to visit. */
async function uploadDemo(browser: Browser, baseURL: string, server: SharedServer): Promise<void> {
  const context = await browser.newContext({ baseURL, locale: 'ro-RO', timezoneId: 'Europe/Bucharest', acceptDownloads: true });
  const page = await context.newPage();
  await loadDemo(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Salvează copia de siguranță' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  await context.close();
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const { uploadBackup } = (await runnerImport<typeof ServerSide>(fileURLToPath(new URL('./shared/server-side.ts', import.meta.url)), { configFile: false, logLevel: 'error', root })).module;
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    await uploadBackup(client, text);
  } finally {
    await client.end();
  }
}

test.describe('two workstations on one server', () => {
  let server: SharedServer;
  test.beforeAll(async ({ postgres, browser }, testInfo) => {
    test.setTimeout(180_000);
    server = await startSharedServer({ postgres: requirePostgres(postgres) });
    await uploadDemo(browser, String(testInfo.project.use.baseURL), server);
  });
  test.afterAll(async () => {
    await server?.dispose();
  });

  test('secretariat and finance: sign-in, a change seen on the other within a second, finance read-only on NGOs (and refused by the server), the conflict of two editors', async ({ browser }) => {
    test.setTimeout(120_000);
    const sec = await workstation(browser, server);
    await expect(sec.page.getByRole('heading', { name: 'Autentificare pe server' })).toBeVisible();
    await sec.page.screenshot({ path: `${SHOTS}/sign-in.png` });
    await signIn(sec.page, 'secretar1', 'nu-este-parola');
    await expect(sec.page.getByRole('alert')).toHaveText('Autentificare eșuată: numele de utilizator sau parola nu sunt corecte.');
    await signIn(sec.page, 'secretar1');
    const fin = await workstation(browser, server, 'financiar1');
    await expect(sec.page.getByText('40 din 40 ONG-uri')).toBeVisible();
    await expect(fin.page.getByText('40 din 40 ONG-uri')).toBeVisible();

    // The status menu: server, groups, last synchronisation, sign-out.
    await status(fin.page).click();
    const menu = fin.page.getByRole('menu', { name: 'Serverul partajat' });
    await expect(menu).toContainText(server.url);
    await expect(menu).toContainText('Financiar');
    await expect(menu).toContainText('Ultima sincronizare');
    await expect(menu).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    await expect(menu.getByRole('menuitem', { name: 'Deconectare' })).toBeVisible();
    await fin.page.screenshot({ path: `${SHOTS}/status-menu.png` });
    await fin.page.keyboard.press('Escape');

    // Secretariat adds an NGO; finance sees it within a second of the save.
    await sec.page.getByRole('button', { name: 'Adaugă ONG' }).click();
    const form = sec.page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Denumire', exact: true }).fill('Asociația Două Stații');
    await form.getByRole('textbox', { name: 'CUI/CIF' }).fill('RO49203849');
    await form.getByRole('button', { name: 'Salvează' }).click();
    await expect(sec.page.getByText('ONG-ul „Asociația Două Stații” a fost adăugat în catalog.')).toBeVisible();
    const saved = Date.now();
    await expect(catalogGrid(fin.page).getByText('Asociația Două Stații', { exact: true })).toBeVisible({ timeout: 1000 });
    console.log(`[shared-mode e2e] a new NGO appeared on the other workstation ${Date.now() - saved} ms after the save was confirmed`);
    await form.getByRole('button', { name: 'Închide' }).click();

    // Finance: the catalog says why it is read-only, its buttons are disabled, the form cannot be saved.
    const reason = 'Doar secretariatul sau administratorul aplicației pot modifica ONG-urile.';
    await expect(fin.page.getByText(`Doar vizualizare: ${reason}`)).toBeVisible();
    await expect(fin.page.getByRole('button', { name: 'Adaugă ONG' })).toBeDisabled();
    await expect(fin.page.getByRole('button', { name: 'Importă' })).toBeDisabled();
    const finForm = await openOrganization(fin.page, 'Asociația Două Stații');
    await expect(finForm.getByRole('button', { name: 'Salvează' })).toBeDisabled();
    await expect(finForm.getByText(reason)).toBeVisible();
    await fin.page.screenshot({ path: `${SHOTS}/read-only.png` });
    // A write forced past the screen is refused by the server, with its reason.
    const forced = await fin.page.evaluate(async () => {
      const res = await fetch('/api/command', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ table: 'organizations', operation: 'put', record: { id: 'forced', name: 'Forțat', cui: '13548146' } }) });
      return { status: res.status, body: (await res.json()) as { error: { message: string } } };
    });
    expect(forced.status).toBe(403);
    expect(forced.body.error.message).toContain('Permisiune refuzată');
    await finForm.getByRole('button', { name: 'Închide' }).click();

    // Two secretariat workstations edit the same NGO: the second save gets the conflict and keeps its input.
    const sec2 = await workstation(browser, server, 'secretar1');
    const first = await openOrganization(sec.page, 'Asociația Două Stații');
    const second = await openOrganization(sec2.page, 'Asociația Două Stații');
    await first.getByRole('textbox', { name: 'Telefon' }).fill('0264 111 222');
    await first.getByRole('button', { name: 'Salvează' }).click();
    await expect(sec.page.getByText('Modificările pentru „Asociația Două Stații” au fost salvate.')).toBeVisible();
    await second.getByRole('textbox', { name: 'Observații' }).fill('Notă de pe a doua stație');
    await second.getByRole('button', { name: 'Salvează' }).click();
    await expect(sec2.page.getByText(/modificat între timp/)).toBeVisible();
    await expect(second.getByRole('textbox', { name: 'Observații' })).toHaveValue('Notă de pe a doua stație');
    const owner = new pg.Client({ connectionString: server.databaseUrl });
    await owner.connect();
    const { rows } = await owner.query(`SELECT version, modified_by, record ->> 'phone' AS phone, record ->> 'notes' AS notes FROM organizations WHERE record ->> 'name' = $1`, ['Asociația Două Stații']);
    await owner.end();
    expect(rows).toEqual([{ version: 2, modified_by: 'secretar1', phone: '0264 111 222', notes: expect.not.stringContaining('a doua stație') }]);
    for (const w of [sec, fin, sec2]) await w.context.close();
  });

  test('Setări in shared mode: the server fixed by the page, the login as the audit author, restore and demo data disabled with the reason', async ({ browser }) => {
    const fin = await workstation(browser, server, 'financiar1');
    await goTo(fin.page, 'Setări');
    await expect(fin.page.getByRole('region', { name: 'Server partajat' })).toContainText(`Această pagină este deschisă de la serverul ${server.url}`);
    await expect(fin.page.getByRole('textbox', { name: 'Autorul modificărilor în jurnal' })).toHaveValue('financiar1');
    await expect(fin.page.getByRole('textbox', { name: 'Utilizatorul acestui calculator (pentru jurnalul de modificări)' })).toHaveCount(0);
    for (const panel of ['Instituția', 'Convenții și buget']) await expect(fin.page.getByRole('region', { name: panel }).getByText('Doar administratorul aplicației poate modifica setările.')).toBeVisible();
    const backup = fin.page.getByRole('region', { name: 'Copie de siguranță' });
    await expect(backup.getByRole('button', { name: 'Restaurează din copie…' })).toBeDisabled();
    await expect(backup).toContainText('În modul partajat, restaurarea unei copii se face pe server, de către administrator');
    await expect(backup.getByRole('button', { name: 'Salvează copia de siguranță' })).toBeEnabled();
    await expect(fin.page.getByRole('button', { name: 'Încarcă date demonstrative' })).toBeDisabled();
    await expect(fin.page.getByText('Datele demonstrative se încarcă doar în modul local.')).toBeVisible();
    await fin.context.close();
  });

  test('the server stops: every workstation shows it; a visit draft made offline is sent when it is back', async ({ browser }) => {
    test.setTimeout(150_000);
    const year = new Date().getFullYear() - 1; // the demo's finished year, with conventions
    const mon = await workstation(browser, server, 'monitor1');
    const fin = await workstation(browser, server, 'financiar1');
    await mon.page.getByRole('navigation', { name: 'Navigare principală' }).getByText('Monitorizare', { exact: true }).click();
    await choose(mon.page, mon.page.getByRole('combobox', { name: 'Anul' }), mon.page.getByRole('option', { name: String(year) }));
    await choose(mon.page, mon.page.getByRole('combobox', { name: 'Trimestrul' }), mon.page.getByRole('option', { name: 'Trimestrul al II-lea' }));
    const plan = mon.page.getByRole('table', { name: 'Unitățile finanțate și vizitele lor' });
    const planButton = plan.getByRole('button', { name: /^Planifică o vizită: / }).first();
    const unitName = (await planButton.getAttribute('aria-label'))!.replace('Planifică o vizită: ', '');
    await planButton.click();
    const planDialog = mon.page.getByRole('dialog', { name: `Planificarea unei vizite — ${unitName}` });
    await planDialog.getByRole('textbox', { name: 'Data planificată' }).fill(`12.05.${year}`);
    await planDialog.getByRole('textbox', { name: 'Numele membrului 1' }).fill('Ana Pop');
    await planDialog.getByRole('combobox', { name: 'Funcția membrului 1' }).fill('inspector de specialitate');
    await planDialog.getByRole('button', { name: 'Adaugă un membru' }).click();
    await planDialog.getByRole('textbox', { name: 'Numele membrului 2' }).fill('Sorin Bogdan');
    await planDialog.getByRole('combobox', { name: 'Funcția membrului 2' }).fill('consilier');
    await planDialog.getByRole('combobox', { name: 'Funcția membrului 2' }).press('Tab');
    await choose(mon.page, planDialog.getByRole('combobox', { name: 'Tipul vizitei' }), mon.page.getByRole('option', { name: 'Inopinată (neanunțată)' }));
    await planDialog.getByRole('button', { name: 'Planifică vizita' }).click();
    const visit = mon.page.getByRole('dialog', { name: `Vizita din 12.05.${year} — ${unitName}` });
    await expect(visit).toBeVisible();
    await expect(status(mon.page)).toHaveText('Conectat · monitor1');

    await server.stop();
    for (const w of [mon, fin]) {
      await expect(status(w.page)).toHaveText('Server indisponibil');
      await expect(w.page.getByRole('alert', { includeHidden: true }).filter({ hasText: 'Serverul nu este disponibil.' })).toContainText(/ultima sincronizare \(\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}\); modificările nu pot fi salvate acum, în afară de ciornele vizitelor de monitorizare și ale fișelor de punctaj, care se trimit când serverul revine\./);
    }
    await fin.page.screenshot({ path: `${SHOTS}/offline-banner.png` });
    // A screen finance never opened still opens: its code was loaded while the server was there.
    await fin.page.getByRole('navigation', { name: 'Navigare principală' }).getByText('Deconturi și plăți', { exact: true }).click();
    await expect(fin.page.getByRole('heading', { level: 1 })).toContainText('Deconturi');
    // The visit's checklist is a personal draft: kept and queued.
    await visit.getByRole('textbox', { name: 'Numele membrului 2' }).fill('Dan Offline');
    await visit.getByRole('button', { name: 'Salvează datele vizitei' }).click();
    await expect(mon.page.getByText('1 ciornă așteaptă să fie trimisă.')).toBeVisible();
    // The short notice stays in sight above the visit's page, which covers the banner (the modal hides the frame from the accessibility tree, not from the eye).
    await expect(mon.page.getByRole('status', { includeHidden: true }).filter({ hasText: 'Server indisponibil · 1 ciornă în așteptare' })).toBeVisible();
    await mon.page.screenshot({ path: `${SHOTS}/offline-draft.png` });

    // Back on the same address. Its sessions were in the service's memory: the workstations sign in again, then the draft goes.
    await server.restart();
    await signIn(mon.page, 'monitor1');
    await expect(mon.page.getByText('ciornă așteaptă')).toHaveCount(0, { timeout: 15_000 });
    const owner = new pg.Client({ connectionString: server.databaseUrl });
    await owner.connect();
    await expect
      .poll(async () => (await owner.query(`SELECT record -> 'team' AS team, modified_by FROM visits WHERE record ->> 'plannedDate' = $1`, [`${year}-05-12`])).rows, { timeout: 10_000 })
      .toEqual([{ team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }, { name: 'Dan Offline', role: 'consilier' }], modified_by: 'monitor1' }]);
    await owner.end();
    await signIn(fin.page, 'financiar1');
    for (const w of [mon, fin]) await w.context.close();
  });
});

test.describe('a fresh workstation', () => {
  test.use({ sharedSeed: { organizations: 20_000, units: 0 } });
  test('signs in and receives 20,000 NGOs; the catalog shows them', async ({ browser, sharedServer }) => {
    test.setTimeout(180_000);
    const { context, page } = await workstation(browser, sharedServer);
    const started = Date.now();
    const dialog = page.getByRole('dialog', { name: 'Autentificare pe server' });
    await dialog.getByRole('textbox', { name: 'Utilizator' }).fill('financiar1');
    await dialog.getByLabel('Parolă').fill(PASSWORDS.financiar1);
    await dialog.getByRole('button', { name: 'Intră' }).click();
    await expect(page.getByText(/^Se sincronizează: [\d.]+ de înregistrări primite$/)).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/first-sync.png` });
    await expect(page.getByText('20.000 din 20.000 ONG-uri')).toBeVisible({ timeout: 120_000 });
    console.log(`[shared-mode e2e] sign-in → catalog with 20,000 NGOs: ${Date.now() - started} ms`);
    await expect(status(page)).toHaveText('Conectat · financiar1');
    await page.screenshot({ path: `${SHOTS}/status-chip.png` });
    await context.close();
  });
});

// No PostgreSQL needed: the setting itself, and the local database left as it was.
localTest('Setări → Server partajat: the address is checked; a server gets a replica of its own, and „Lucrează local” finds the local database untouched', async ({ page }) => {
  await openApp(page, 'catalog');
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await goTo(page, 'Setări');
  const panel = page.getByRole('region', { name: 'Server partajat' });
  const address = panel.getByRole('textbox', { name: 'Adresa serverului' });
  await address.fill('http://10.0.0.5:8080');
  await panel.getByRole('button', { name: 'Folosește serverul' }).click();
  await expect(panel.getByText(/Pe un server din rețea folosiți https:\/\//)).toBeVisible();
  // A server that is not there: the check says so, in Romanian.
  await address.fill('http://127.0.0.1:9');
  await panel.getByRole('button', { name: 'Verifică legătura' }).click();
  await expect(panel.getByRole('alert')).toContainText('Serverul nu poate fi contactat la această adresă');
  await panel.getByRole('button', { name: 'Folosește serverul' }).click();

  // Shared mode on that (unreachable) server: its own, empty replica, read-only.
  await expect(status(page)).toHaveText('Server indisponibil');
  await goTo(page, 'Catalog ONG');
  await expect(page.getByText('0 din 0 ONG-uri')).toBeVisible();
  await goTo(page, 'Setări');
  await expect(panel).toContainText('Stația lucrează pe serverul http://127.0.0.1:9');
  await panel.getByRole('button', { name: 'Lucrează local' }).click();

  await expect(page.getByRole('navigation', { name: 'Navigare principală' })).toBeVisible();
  await expect(status(page)).toHaveCount(0);
  await goTo(page, 'Catalog ONG');
  await expect(page.getByText('1 din 1 ONG-uri')).toBeVisible();
  await expect(catalogGrid(page).getByText('Asociația Speranța Someșului')).toBeVisible();
});
