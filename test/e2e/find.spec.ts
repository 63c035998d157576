import { expect, test, type Locator, type Page } from '@playwright/test';
import { dateFromToday, fill, loadDemo } from './helpers';

/** Presses Tab until `target` has the focus (keyboard only), at most `max` times. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Navigare principală' });

test('Ctrl+K finds an NGO typed without diacritics; a round, its tab and Back live in the address; skip link and aria-current', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await loadDemo(page);

  // The current screen is marked in the sidebar; the skip link comes first and jumps to the content.
  await expect(nav(page).getByRole('button', { name: 'Setări' })).toHaveAttribute('aria-current', 'page');
  await expect(nav(page).getByRole('button', { name: 'Catalog ONG' })).not.toHaveAttribute('aria-current');
  await page.reload(); // the focus starts at the top of the page
  await expect(nav(page)).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Sari la conținut' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#continut')).toBeFocused();
  await expect(page).toHaveURL(/#\/setari$/);

  // Ctrl+K, a name typed without its diacritics, Enter: the NGO opens at its address.
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Căutare în toată aplicația' });
  const box = dialog.getByRole('combobox', { name: 'Caută' });
  await expect(box).toBeFocused();
  await expect(dialog.getByRole('status')).toHaveText(/^Căutați în [\d.]+ de înregistrări$/);
  // A broad query: hits grouped by kind, each group capped with its count.
  await box.fill('asociatia');
  await expect(dialog.getByRole('group', { name: 'ONG-uri' })).toContainText(/ONG-uri — 5 din \d+/);
  await expect(dialog.getByRole('group', { name: 'Unități' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('cautare-grupuri.png') });
  await box.fill('speranta somesului');
  const ngos = dialog.getByRole('group', { name: 'ONG-uri' });
  await expect(ngos.getByRole('option').first()).toContainText('Asociația Speranța Someșului');
  await expect(ngos.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ rezultate?$|^\d+ de rezultate$/);
  await page.screenshot({ path: testInfo.outputPath('cautare.png') });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/catalog\/[^/]+$/);
  const ngo = page.getByRole('dialog');
  await expect(ngo.getByRole('textbox', { name: 'Denumire' })).toHaveValue('Asociația Speranța Someșului');
  // Closing the NGO shows the catalog (marked in the sidebar); Back reopens the NGO.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page).toHaveURL(/#\/catalog$/);
  await expect(nav(page).getByRole('button', { name: 'Catalog ONG' })).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  const name = ngo.getByRole('textbox', { name: 'Denumire' });
  await expect(name).toHaveValue('Asociația Speranța Someșului');
  // Back with unsaved changes asks first: staying keeps the NGO and what was typed, leaving goes
  // back to where the search was opened.
  await name.fill('Asociația Speranța Someșului Nouă');
  await page.goBack();
  const unsaved = page.getByRole('dialog', { name: 'Modificări nesalvate' });
  await unsaved.getByRole('button', { name: 'Rămân în formular' }).click();
  await expect(unsaved).toBeHidden();
  await expect(page).toHaveURL(/#\/catalog\/[^/]+$/);
  await expect(name).toHaveValue('Asociația Speranța Someșului Nouă');
  await page.goBack();
  await unsaved.getByRole('button', { name: 'Renunță la modificări' }).click();
  await expect(page).toHaveURL(/#\/setari$/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(nav(page).getByRole('button', { name: 'Setări' })).toHaveAttribute('aria-current', 'page');
  // Esc closes the search.
  await page.keyboard.press('Control+k');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Keyboard only: to the commission, open this year's round (being evaluated), its Punctaj tab.
  await page.locator('body').focus();
  await tabTo(page, nav(page).getByRole('button', { name: 'Comisie' }));
  await page.keyboard.press('Enter');
  const rounds = page.getByRole('grid', { name: 'Runde de evaluat' });
  await expect(rounds.getByRole('row').nth(2)).toBeVisible();
  await tabTo(page, rounds);
  const evaluated = rounds.getByRole('row').filter({ hasText: 'În evaluare' });
  await expect(evaluated).toHaveCount(1);
  for (let i = 0; i < 5 && !(await evaluated.evaluate((row) => row.contains(document.activeElement))); i++) await page.keyboard.press('ArrowDown');
  const roundName = (await evaluated.getByRole('gridcell').nth(2).textContent())!;
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Evaluarea: ${roundName}` })).toBeVisible();
  await expect(page).toHaveURL(/#\/comisie\/[^/]+$/);
  // Set-up (not the point here): the demo round's first session, so that its members can score.
  await page.getByRole('button', { name: 'Ședință nouă' }).click();
  const session = page.getByRole('dialog');
  await fill(page, 'Data ședinței', dateFromToday(0).ro);
  await fill(page, 'Locul', 'Sala de ședințe a DASM');
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) await session.getByRole('checkbox', { name: `Prezent: ${name}` }).check();
  await session.getByRole('button', { name: 'Salvează ședința' }).click();
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) {
    const row = session.getByRole('table', { name: 'Prezența membrilor' }).getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Semnată la data ședinței' }).click();
    await expect(row.getByText('semnată', { exact: true })).toBeVisible();
  }
  await session.getByRole('button', { name: 'Închide' }).click();
  await expect(session).toBeHidden();

  await page.locator('body').focus();
  await tabTo(page, page.getByRole('tab', { name: 'Ședințe' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Punctaj' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Punctaj' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/comisie\/[^/]+\/punctaj$/);

  // A reload keeps the round and its tab.
  await page.reload();
  await expect(page.getByRole('heading', { name: `Evaluarea: ${roundName}` })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Punctaj' })).toHaveAttribute('aria-selected', 'true');

  // A score cell reached and typed by keyboard.
  const cell = page.getByRole('table', { name: /^Punctajele acordate de / }).getByRole('row').nth(1).getByRole('textbox').first();
  await expect(cell).toBeVisible();
  await page.locator('body').focus();
  await tabTo(page, cell, 120);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('12');
  await expect(cell).toHaveValue('12');
  const scored = page.getByRole('table', { name: /^Punctajele acordate de / }).getByRole('row').nth(1);
  for (const points of ['20', '25']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(points);
  }
  await tabTo(page, scored.getByRole('button', { name: /^Trimite punctajul/ }), 6);
  await page.keyboard.press('Enter');
  await expect(scored.getByText('trimisă')).toBeVisible();
  await expect(scored).toContainText('57');
  await page.screenshot({ path: testInfo.outputPath('punctaj-tastatura.png') });

  // Alt+← lands on the round list.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(rounds).toBeVisible();
  await expect(page).toHaveURL(/#\/comisie$/);
  await expect(nav(page).getByRole('button', { name: 'Comisie' })).toHaveAttribute('aria-current', 'page');
  // Forward reopens the round on its tab.
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'Punctaj' })).toHaveAttribute('aria-selected', 'true');
  // The sidebar entry of the current screen goes back to its list.
  await nav(page).getByRole('button', { name: 'Comisie' }).click();
  await expect(rounds).toBeVisible();
  await expect(page).toHaveURL(/#\/comisie$/);
});
