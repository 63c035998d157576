import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { choose, docxText, downloadFrom, goTo, issueFrom, loadDemo, setMonthlyLevel } from './helpers';

test('a request with a missing document is not eligible; once complete, its subsidy is computed and explained', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // The demo data places licences and rounds around today: fix the day so the figures below hold.
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);

  // The council's day-centre level for 2027, entered by the secretariat (over the demo's fictitious values).
  await setMonthlyLevel(page, 'centre de zi', '01.01.2027', '650', 'HCL 1/2027');

  await goTo(page, 'Cereri de subvenție');
  await page.getByRole('grid', { name: 'Runde de finanțare' }).getByText('Subvenții Legea 34/1998 pentru anul 2027').click();
  await page.getByRole('button', { name: 'Cerere nouă' }).click();
  const dialog = page.getByRole('dialog');
  await choose(page, dialog.getByRole('combobox', { name: 'ONG' }), page.getByRole('option', { name: /Asociația Casa Luminii/ }));
  // Filed on paper within the round's window (the deadline, 30.09.2026, has passed by "today").
  await dialog.getByRole('textbox', { name: 'Data înregistrării' }).fill('25.09.2026');
  await dialog.getByRole('checkbox', { name: /8891 CZ-C-IV/ }).check();
  await choose(page, dialog.getByRole('combobox', { name: /^Categoria de serviciu/ }), page.getByRole('option', { name: /centre de zi/ }));
  await dialog.getByRole('textbox', { name: /^Beneficiari pe lună/ }).fill('25');
  await dialog.getByRole('textbox', { name: /^Cheltuieli de personal/ }).fill('150.000');
  await dialog.getByRole('textbox', { name: /^Contribuție proprie/ }).fill('10.000');
  await dialog.getByRole('textbox', { name: /^Capacitate \(locuri\)/ }).fill('30');
  await dialog.getByRole('textbox', { name: /^Servicii oferite/ }).fill('Consiliere şi activităţi educative');
  await dialog.getByRole('button', { name: 'Înregistrează cererea' }).click();
  await expect(page.getByText('Cererea a fost înregistrată cu nr. 1/2026.')).toBeVisible();

  // Nothing in the dossier yet: not eligible, and the missing documents are listed.
  await dialog.getByRole('tab', { name: 'Eligibilitate și calcul' }).click();
  await expect(dialog.getByText('Cererea nu este eligibilă.')).toBeVisible();
  // Judged on the round's deadline (HG 1153/2001 art. 4), not on "today".
  await expect(dialog.getByText(/Dosarul nu conține, valabile la 30\.09\.2026, documentele obligatorii: Cererea de subvenționare \(model anexa 1\)/)).toBeVisible();
  await expect(dialog.getByText(/Documente suplimentare de cerut prin notificare: Fișa tehnică/)).toBeVisible();
  await expect(dialog.getByText('Cererea nu poate merge la comisie până la completarea dosarului.')).toBeVisible();
  // The notice is an issued document: numbered from the register, stored, listed with the NGO.
  const notice = await issueFrom(page, 'Documente', 'Notificare privind documentele lipsă (DOCX)');
  await expect(page.getByText(/emis cu nr\. 1 din /)).toBeVisible();
  expect(notice.suggestedFilename()).toMatch(/^notificare-documente-lipsa-1-2026-nr-1-\d{4}-\d{2}-\d{2}\.docx$/);
  const noticeText = await docxText(notice);
  expect(noticeText).toContain('NOTIFICARE privind documentele lipsă din dosarul cererii de subvenționare nr. 1/2026');
  expect(noticeText).toContain('Asociația Casa Luminii');

  await dialog.getByRole('tab', { name: 'Dosarul' }).click();
  for (const box of await dialog.getByRole('checkbox', { name: /^Primit:/ }).all()) await box.check();
  for (const field of await dialog.getByRole('textbox', { name: /^Valabil până la:/ }).all()) await field.fill('31.12.2027');
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Cererea nr. 1/2026 a fost actualizată.')).toBeVisible();

  // The unit's licence ends on 07.11.2027: January–October are subsidised.
  // 650 lei × 25 × 10 = 162.500 lei; requested 150.000 lei × 10/12 = 125.000 lei → 125.000 lei.
  await dialog.getByRole('tab', { name: 'Eligibilitate și calcul' }).click();
  await expect(dialog.getByText('Cererea este eligibilă.')).toBeVisible();
  await expect(dialog.getByText(/nu are licență valabilă pentru noiembrie–decembrie 2027/)).toBeVisible();
  await expect(dialog.getByText('650,00 lei × 25 de beneficiari × 10 luni (ianuarie–octombrie)')).toBeVisible();
  await expect(dialog.getByText('Regula aplicației: rotunjire în jos la leu întreg')).toBeVisible();
  await expect(dialog.getByText('Subvenția calculată: 125.000,00 lei')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('calcul.png'), fullPage: true });
  const summary = await downloadFrom(page, 'Documente', 'Fișa sintetică a cererii (DOCX)');
  expect(summary.suggestedFilename()).toBe('fisa-cerere-1-2026.docx');
  const summaryText = await docxText(summary);
  expect(summaryText).toContain('Subvenția calculată: 125.000,00 lei');
  // Typed with the old cedilla letters, stored and printed with the comma below.
  expect(summaryText).toContain('Consiliere și activități educative');
  await dialog.getByRole('button', { name: 'Închide' }).click();

  const row = page.getByRole('grid', { name: 'Cereri de subvenționare' }).getByRole('row').filter({ hasText: 'Asociația Casa Luminii' });
  await expect(row).toContainText('complet');
  await expect(row).toContainText('eligibilă');
  await expect(row).toContainText('125.000,00 lei');

  // The filters narrow the list; the count says how many are shown.
  await choose(page, page.getByRole('combobox', { name: 'Eligibilitate' }), page.getByRole('option', { name: 'neeligibilă' }));
  await expect(page.getByText('0 din 1 cereri')).toBeVisible();
  await choose(page, page.getByRole('combobox', { name: 'Eligibilitate' }), page.getByRole('option', { name: 'eligibilă', exact: true }));
  await expect(page.getByText('1 din 1 cereri')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('lista.png') });

  // The round's list, as the finance department and the commission receive it.
  const list = await downloadFrom(page, 'Exportă', 'Lista cererilor cu eligibilitate și sume (XLSX)');
  expect(list.suggestedFilename()).toMatch(/^cereri-runda-2027-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await list.path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Cereri')!;
  const rows: unknown[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const header = rows.findIndex((r) => r[0] === 'Nr. cerere');
  expect(rows[header + 1]).toEqual(expect.arrayContaining(['1/2026', 'Asociația Casa Luminii', 25, 150_000, 'complet', 'da', 125_000]));
  expect(rows.find((r) => r[2] === 'Rămas din buget')).toBeTruthy();
});
