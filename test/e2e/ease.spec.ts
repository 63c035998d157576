import { expect, test } from '@playwright/test';
import { goTo, loadDemo } from './helpers';

test('everyday ease: a round name follows its year until edited and a duplicate is flagged as typed, a refused save focuses the first wrong field, no prompt without edits, the whole dossier marked received at once', async ({ page }, testInfo) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);
  await goTo(page, 'Cereri de subvenție');

  // Typing and erasing leaves nothing to lose: closing asks nothing.
  await page.getByRole('button', { name: 'Rundă nouă' }).click();
  let dialog = page.getByRole('dialog', { name: 'Rundă de finanțare nouă' });
  const notes = dialog.getByRole('textbox', { name: 'Observații' });
  await notes.fill('de șters');
  await expect(dialog.getByText('nesalvat')).toBeVisible();
  await notes.fill('');
  await expect(dialog.getByText('nesalvat')).toBeHidden();
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // The name follows the budget year; the demo's 2026 round already has that name: flagged at once.
  await page.getByRole('button', { name: 'Rundă nouă' }).click();
  dialog = page.getByRole('dialog', { name: 'Rundă de finanțare nouă' });
  const name = dialog.getByRole('textbox', { name: 'Denumirea rundei' });
  const year = dialog.getByRole('textbox', { name: 'Anul bugetar' });
  await expect(name).toHaveValue('Subvenții Legea 34/1998 pentru anul 2027');
  // A select's field id is on its focusable combobox, so a wrong choice can take the focus too.
  await expect(dialog.getByRole('combobox', { name: 'Legea' })).toHaveAttribute('id', 'field-law');
  await year.fill('2026');
  await expect(name).toHaveValue('Subvenții Legea 34/1998 pentru anul 2026');
  await expect(dialog.getByText('Există deja o rundă cu numele „Subvenții Legea 34/1998 pentru anul 2026”. Alegeți alt nume.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  // A refused save puts the focus on the first wrong field on screen (the name), not on the button.
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(name).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('round-duplicate-name.png') });

  // Once the user writes a name of their own, the year no longer changes it.
  await name.fill('Runda a doua 2026');
  await year.fill('2028');
  await expect(name).toHaveValue('Runda a doua 2026');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Bugetul disponibil (lei)' })).toBeFocused();
  // Edited for real: closing asks first.
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(page.getByText('Aveți modificări nesalvate.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Renunță la modificări' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  // A request of the 2026 round: every dossier document marked received in one go, one audited change.
  await page.getByRole('grid', { name: 'Runde de finanțare' }).getByText('Subvenții Legea 34/1998 pentru anul 2026').click();
  const requests = page.getByRole('grid', { name: 'Cereri de subvenționare' });
  await requests.getByRole('row').nth(1).getByRole('gridcell').first().click();
  const request = page.getByRole('dialog', { name: /^Cererea nr\./ });
  await request.getByRole('tab', { name: 'Dosarul' }).click();
  const received = request.getByRole('checkbox', { name: /^Primit: / });
  await expect(received.first()).toBeVisible();
  // Uncheck one so the button has something to do (the demo's first request may be complete).
  if (await received.first().isChecked()) {
    await received.first().uncheck();
    await request.getByRole('button', { name: 'Salvează' }).click();
    await expect(request.getByText('nesalvat')).toBeHidden();
  }
  await expect(received.first()).not.toBeChecked();
  await request.getByRole('button', { name: 'Marchează toate primite' }).click();
  await expect(page.getByText('Toate documentele dosarului au fost marcate primite.')).toBeVisible();
  for (const box of await received.all()) await expect(box).toBeChecked();
  await expect(request.getByText('nesalvat')).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath('dossier-all-received.png') });
});
