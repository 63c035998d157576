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

test('a second message stays its full time on screen, also when the clock stands still', async ({ page }) => {
  // Messages were keyed by Date.now(): under a fixed clock (and within one millisecond) the second
  // message inherited the first one's 6-second timer and vanished soon after it appeared.
  // The page's timers are fake (run forward below instead of waited for in real time); Date stays fixed.
  await page.clock.install({ time: new Date('2026-11-23T10:00:00+02:00') });
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await openApp(page, 'setari');
  const save = page.getByRole('button', { name: 'Salvează setările' });
  await page.getByRole('textbox', { name: 'Șeful serviciului' }).fill('Maria Ionescu');
  await save.click();
  await expect(page.getByText('Setările instituției au fost salvate.')).toBeVisible();
  await page.clock.runFor(4_000);
  await page.getByRole('textbox', { name: 'Șeful serviciului' }).fill('Ioana Rus');
  await save.click();
  await expect(page.getByText('Setările instituției au fost salvate.')).toBeVisible();
  // 7 s after the first message, 3 s after the second: the first one's 6-second timer has run out, the second is still shown.
  await page.clock.runFor(3_000);
  await expect(page.getByText('Setările instituției au fost salvate.')).toBeVisible({ timeout: 1 });
  // …and it goes after its own 6 seconds.
  await page.clock.runFor(3_500);
  await expect(page.getByText('Setările instituției au fost salvate.')).toBeHidden();
});

test('Settings warn, before anything is issued, which signers have no name', async ({ page }, testInfo) => {
  await openApp(page, 'setari');
  const alert = page.getByRole('alert', { name: 'Semnături incomplete' });
  await expect(alert).toContainText('Documentele emise ar avea semnături fără nume');
  await expect(alert).toContainText('Lipsește numele pentru semnătura „Director executiv”');
  await expect(alert).toContainText('Lipsește numele pentru semnătura „Șef serviciu”');
  await expect(alert).toContainText('Lipsește numele pentru semnătura „Întocmit”');
  await page.screenshot({ path: testInfo.outputPath('setari-semnaturi.png'), fullPage: false });

  await page.getByRole('textbox', { name: 'Conducătorul instituției' }).fill('Maria Pop');
  await page.getByRole('textbox', { name: 'Șeful serviciului' }).fill('Ioana Rus');
  await expect(alert).not.toContainText('„Director executiv”');
  await expect(alert).toContainText('„Întocmit”');
  await page.getByRole('textbox', { name: 'Secretarul comisiei' }).fill('Andrei Șerban');
  await expect(alert).toBeHidden();
});
