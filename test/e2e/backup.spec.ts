import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { addOrganization, goTo, openApp } from './helpers';

test('a backup restores the data as it was, after showing what will change', async ({ page }, testInfo) => {
  await openApp(page);
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');

  await goTo(page, 'Setări');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Salvează copia de siguranță' }).click();
  const backupPath = testInfo.outputPath('copie.json');
  await (await download).saveAs(backupPath);
  const backup = JSON.parse(await readFile(backupPath, 'utf8'));
  expect(backup.format).toBe('subventii-ong-backup');
  expect(backup.tables.organizations).toHaveLength(1);

  // A change made after the backup…
  await addOrganization(page, 'Fundația Casa Luminii', '13548146');
  await expect(page.getByText('2 din 2 ONG-uri')).toBeVisible();

  // …is undone by restoring it.
  await goTo(page, 'Setări');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restaurează din copie…' }).click();
  await (await chooser).setFiles(backupPath);
  const confirm = page.getByRole('dialog', { name: 'Restaurare din copia de siguranță' });
  const orgRow = confirm.getByRole('row').filter({ hasText: 'ONG-uri' });
  await expect(orgRow.getByRole('cell')).toHaveText(['ONG-uri', '0', '0', '1', '1']);
  await confirm.getByRole('button', { name: 'Restaurează' }).click();
  await expect(page.getByText('Datele au fost restaurate din copia de siguranță.')).toBeVisible();

  await goTo(page, 'Catalog ONG');
  await expect(page.getByText('1 din 1 ONG-uri')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Asociația Speranța Someșului')).toBeVisible();
});

test('an altered backup file is refused and the data stays as it was', async ({ page }, testInfo) => {
  await openApp(page);
  await addOrganization(page, 'Asociația Speranța Someșului', '18547290');
  await goTo(page, 'Setări');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Salvează copia de siguranță' }).click();
  const path = testInfo.outputPath('copie.json');
  await (await download).saveAs(path);
  const tampered = testInfo.outputPath('copie-modificata.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(tampered, (await readFile(path, 'utf8')).replace('Speranța', 'Sperantza'));

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restaurează din copie…' }).click();
  await (await chooser).setFiles(tampered);
  await expect(page.getByRole('alert').filter({ hasText: 'suma de control nu se potrivește' })).toBeVisible();
  await goTo(page, 'Catalog ONG');
  await expect(page.getByRole('grid', { name: 'Catalog ONG' }).getByText('Asociația Speranța Someșului')).toBeVisible();
});
