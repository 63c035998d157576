import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { formatLei, parseLei } from '../../src/money';
import { choose, docxText, fill, goTo, issueInDialog, loadDemo } from './helpers';

/** Fills the open settlement: each unit's persons as contracted, then the expense lines. */
async function enterMonth(page: Page, month: string, lines: { number: string; date: string; supplier: string; lei: string; category?: string; paidOn: string }[]) {
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Decontul convenției nr\\. 12 — ${month} 2025`) });
  const units = dialog.getByRole('table', { name: 'Beneficiari pe unități' }).getByRole('row');
  await expect(units.nth(1)).toBeVisible();
  const count = await units.count();
  for (let i = 1; i < count; i++) {
    const row = units.nth(i);
    const contracted = (await row.getByRole('cell').nth(1).innerText()).trim();
    await row.getByRole('textbox', { name: /^Beneficiari / }).fill(contracted);
    await expect(row.getByRole('textbox', { name: /^Beneficiari / })).toHaveValue(contracted);
  }
  for (const [i, line] of lines.entries()) {
    await dialog.getByRole('button', { name: 'Adaugă cheltuială' }).click();
    const box = dialog.getByLabel(`Cheltuiala ${i + 1}`);
    await box.getByRole('textbox', { name: 'Nr. document' }).fill(line.number);
    await box.getByRole('textbox', { name: 'Data documentului' }).fill(line.date);
    await box.getByRole('textbox', { name: 'Furnizor' }).fill(line.supplier);
    await box.getByRole('textbox', { name: 'Suma (lei)' }).fill(line.lei);
    if (line.category) {
      await choose(page, box.getByRole('combobox', { name: 'Categoria' }), page.getByRole('option', { name: line.category }));
    }
    await box.getByRole('textbox', { name: 'Nr. dovadă' }).fill(`OP ${line.number}`);
    await box.getByRole('textbox', { name: 'Data plății' }).fill(line.paidOn);
  }
  return dialog;
}

/** Submit (on the date given), verify, approve with the ordonanțare; the dialog stays open. */
async function settle(page: Page, dialog: ReturnType<Page['getByRole']>, submittedOn: string, ordonantare: string, approvedOn: string) {
  await dialog.getByRole('button', { name: 'Depune' }).click();
  await fill(page, 'Data depunerii', submittedOn);
  await page.getByRole('dialog', { name: 'Depunerea decontului' }).getByRole('button', { name: 'Confirmă' }).click();
  await expect(page.locator('#settlement-title').getByText('Depus', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Verifică (bun de plată)' }).click();
  await expect(page.locator('#settlement-title').getByText('Verificat (bun de plată)', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'Aprobă (ordonanțare)' }).click();
  const approve = page.getByRole('dialog', { name: 'Aprobarea la plată (ordonanțare)' });
  await approve.getByRole('textbox', { name: 'Nr. ordonanțării de plată' }).fill(ordonantare);
  await approve.getByRole('textbox', { name: 'Data ordonanțării' }).fill(approvedOn);
  await approve.getByRole('button', { name: 'Confirmă' }).click();
  await expect(page.locator('#settlement-title').getByText('Aprobat la plată (ordonanțat)', { exact: true })).toBeVisible();
}

/** Valid CNPs for made-up persons born on 01.01.1990 in Cluj (county 12): sequence 001, 002, … with the check digit of the key 279146358279. */
function cnps(n: number): string[] {
  const key = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  return Array.from({ length: n }, (_, i) => {
    const first12 = `190010112${String(i + 1).padStart(3, '0')}`;
    const rest = [...first12].reduce((sum, d, j) => sum + Number(d) * key[j]!, 0) % 11;
    return `${first12}${rest === 10 ? 1 : rest}`;
  });
}

/** A nominal list workbook as an NGO sends it: a title row is not needed, the header first. */
async function nominalWorkbook(path: string, rows: (string | number)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lista nominală');
  sheet.addRow(['Nr. crt.', 'Nume și prenume', 'CNP', 'Zile prezent']);
  rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  sheet.getColumn(3).numFmt = '@';
  await workbook.xlsx.writeFile(path);
}

async function importNominal(page: Page, row: ReturnType<Page['getByRole']>, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await row.getByRole('button', { name: /^Importă lista nominală \(XLSX\)/ }).click();
  await (await chooser).setFiles(path);
}

async function importPayments(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importă plăți' }).click();
  await (await chooser).setFiles(path);
  return page.getByRole('dialog', { name: 'Raportul importului „plati-trezorerie.xlsx”' });
}

// Starts from the demo's finished year (last year's round with final results, four conventions and
// their settlements): the spec contracts the award left open, then settles three of its months.
test('a year of settlements from a frozen award: three months entered (one with an ineligible expense), verified and approved, payments imported twice, the reconciliation workbook matching the screen', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);

  // The convention, made from the first frozen award through the contracts screen.
  await goTo(page, 'Convenții');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  const award = page.getByRole('table', { name: 'Convenții de încheiat' }).getByRole('row').nth(1);
  const ngo = (await award.getByRole('cell').nth(1).innerText()).trim();
  await award.getByRole('button', { name: `Încheie convenția: ${ngo}` }).click();
  await fill(page, 'Numărul HCL', '903/2024');
  await fill(page, 'Data HCL', '18.12.2024');
  await fill(page, 'Numărul convenției', '12');
  await fill(page, 'Data convenției', '15.01.2025');
  await fill(page, 'Responsabilul financiar al furnizorului', 'Ana Pop');
  await page.getByRole('dialog', { name: `Convenție nouă: ${ngo}` }).getByRole('button', { name: 'Încheie convenția' }).click();
  await expect(page.getByText('Convenția nr. 12 a fost încheiată (provizorie), cu planul de plăți.')).toBeVisible();

  await goTo(page, 'Deconturi și plăți');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  // What the demo's settlements already total, before this convention's months.
  await page.getByRole('tab', { name: 'Reconciliere' }).click();
  const total = page.getByTestId('reconciliation-total');
  const onScreen = async (column: string) => parseLei((await total.locator(`[data-column="${column}"]`).innerText()).trim())!;
  const before = Object.fromEntries(await Promise.all(['claimed', 'admitted', 'refused', 'approved', 'paid'].map(async (c) => [c, await onScreen(c)] as const)));
  expect(before['paid']).toBeGreaterThan(0);
  await page.getByRole('tab', { name: 'Plăți' }).click();
  const payments = page.getByRole('table', { name: 'Plățile anului' });
  await expect(payments.getByRole('row').nth(1)).toBeVisible();
  // The year's payments arrive with the screen's live query: counted once the table stops growing.
  let paymentRows = -1;
  await expect(async () => {
    const now = await payments.getByRole('row').count();
    const settled = now === paymentRows;
    paymentRows = now;
    expect(settled).toBe(true);
  }).toPass({ intervals: [300, 300, 500, 1000] });
  await page.getByRole('tab', { name: 'Deconturi' }).click();
  const grid = page.getByRole('table', { name: 'Deconturile lunare ale convențiilor' });
  await expect(grid.getByRole('row').filter({ hasText: 'nr. 12' })).toContainText(ngo);

  // August: one paid personnel expense of 1.000 lei; the amount due is the expenses (under the level and the ceiling).
  await grid.getByRole('button', { name: 'Decont nou august — convenția nr. 12' }).click();
  let dialog = await enterMonth(page, 'august', [{ number: 'SP-08', date: '31.08.2025', supplier: ngo, lei: '1.000,00', paidOn: '31.08.2025' }]);
  const cui = /CUI (\S+)/.exec(await dialog.getByTestId('settlement-party').innerText())![1]!;
  await expect(dialog.getByTestId('due-amount')).toHaveText(formatLei(100_000));
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Decontul a fost salvat.')).toBeVisible();
  await settle(page, dialog, '07.09.2025', 'ORD 1', '14.09.2025');
  await expect(dialog.getByTestId('due-amount')).toHaveText(formatLei(100_000));
  // The verified month is locked: nothing to edit, no save.
  await expect(dialog.getByRole('button', { name: 'Salvează' })).toBeDisabled();
  await expect(dialog.getByText('Luna este verificată și blocată')).toBeVisible();
  // The verification note, issued from what the verification froze.
  await dialog.getByRole('button', { name: 'Emite nota de verificare' }).click();
  const note = await issueInDialog(page);
  await note.saveAs(testInfo.outputPath('nota-verificare-august.docx'));
  const noteText = await docxText(note);
  expect(noteText).toContain('NOTĂ DE VERIFICARE');
  expect(noteText).toContain(`BUN DE PLATĂ pentru suma de ${formatLei(100_000)}`);
  await expect(dialog.getByText(/^Nota de verificare: nr\. \d+ din 23\.11\.2026/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  // September: the same, plus a line outside the convention's categories, refused with its reason; submitted late.
  await grid.getByRole('button', { name: 'Decont nou septembrie — convenția nr. 12' }).click();
  dialog = await enterMonth(page, 'septembrie', [
    { number: 'SP-09', date: '30.09.2025', supplier: ngo, lei: '1.000,00', paidOn: '30.09.2025' },
    { number: 'F-77', date: '14.09.2025', supplier: 'SC Vinuri și Tutun SRL', lei: '200,00', category: 'Alte cheltuieli (neprevăzute în convenție)', paidOn: '20.09.2025' },
  ]);
  await expect(dialog.getByLabel('Cheltuiala 2').getByText(/Refuzat 200,00 lei: categoria „Alte cheltuieli \(neprevăzute în convenție\)” nu este eligibilă în convenție/)).toBeVisible();
  await expect(dialog.getByTestId('due-amount')).toHaveText(formatLei(100_000));
  await page.screenshot({ path: testInfo.outputPath('decont-septembrie.png'), fullPage: true });
  await settle(page, dialog, '16.10.2025', 'ORD 2', '20.10.2025');
  await expect(dialog.getByText('depus cu întârziere')).toBeVisible();
  await expect(dialog.getByText(/Refuzat 200,00 lei: categoria „Alte cheltuieli \(neprevăzute în convenție\)” nu este eligibilă/).first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();

  // October, the first unit's persons imported from the NGO's nominal list (XLSX) instead of typed.
  await grid.getByRole('button', { name: 'Decont nou octombrie — convenția nr. 12' }).click();
  dialog = await enterMonth(page, 'octombrie', [{ number: 'SP-10', date: '30.10.2025', supplier: ngo, lei: '1.000,00', paidOn: '30.10.2025' }]);
  const firstUnit = dialog.getByRole('table', { name: 'Beneficiari pe unități' }).getByRole('row').nth(1);
  const contracted = Number((await firstUnit.getByRole('cell').nth(1).innerText()).trim());
  const countBox = firstUnit.getByRole('textbox', { name: /^Beneficiari / });
  await countBox.fill('');
  const people = cnps(contracted).map((cnp, i) => [`Beneficiar ${i + 1} Popescu`, cnp, 20 + (i % 3)]);
  // A list whose first person has a mistyped CNP (last digit changed) and 32 days: refused as a whole, nothing changes.
  const badCnp = `${people[0]![1]!.toString().slice(0, 12)}${(Number(people[0]![1]!.toString()[12]) + 1) % 10}`;
  const badFile = testInfo.outputPath('lista-nominala-gresita.xlsx');
  await nominalWorkbook(badFile, [[people[0]![0]!, badCnp, 32], ...people.slice(1)]);
  await importNominal(page, firstUnit, badFile);
  const refused = page.getByRole('dialog', { name: 'Lista nominală nu a fost importată' });
  await expect(refused.getByText(/Lista nominală din „lista-nominala-gresita\.xlsx” are 2 probleme; nu s-a preluat nimic/)).toBeVisible();
  const issues = refused.getByRole('table', { name: 'Problemele listei nominale' }).getByRole('row');
  await expect(issues).toHaveCount(3);
  await expect(issues.nth(1)).toContainText('2C „CNP”CNP-ul are cifra de control greșită.');
  await expect(issues.nth(2)).toContainText('2D „Zile prezent”Zilele de prezență trebuie să fie între 0 și 31 (octombrie are 31 de zile).');
  await page.screenshot({ path: testInfo.outputPath('lista-nominala-refuzata.png') });
  await refused.getByRole('button', { name: 'Închide' }).click();
  await expect(countBox).toHaveValue('');
  await expect(firstUnit.getByRole('button', { name: 'Adaugă', exact: true })).toBeVisible();
  // The corrected list: the persons fill the unit's list and its empty count; only masked CNPs are kept.
  const goodFile = testInfo.outputPath('lista-nominala.xlsx');
  await nominalWorkbook(goodFile, people);
  await importNominal(page, firstUnit, goodFile);
  await expect(page.getByText(`Lista nominală din „lista-nominala.xlsx”: ${contracted} ${contracted >= 20 ? 'de ' : ''}persoane. Numărul de beneficiari a fost completat cu ${contracted}.`)).toBeVisible();
  await expect(countBox).toHaveValue(String(contracted));
  await firstUnit.getByRole('button', { name: new RegExp(`^${contracted} (de )?persoane$`) }).click();
  const list = page.getByRole('dialog', { name: 'Lista nominală a beneficiarilor' });
  const listRows = list.getByRole('table').getByRole('row');
  await expect(listRows).toHaveCount(contracted + 1);
  await expect(listRows.nth(1)).toContainText(`Beneficiar 1 Popescu•••••••••${people[0]![1]!.toString().slice(9)}20`);
  await page.screenshot({ path: testInfo.outputPath('lista-nominala-importata.png') });
  await list.getByRole('button', { name: 'Închide' }).click();
  expect(await page.content()).not.toContain(String(people[0]![1]));
  await expect(dialog.getByTestId('due-amount')).toHaveText(formatLei(100_000));
  await settle(page, dialog, '06.11.2025', 'ORD 3', '12.11.2025');
  await dialog.getByRole('button', { name: 'Închide' }).click();
  await expect(grid.getByRole('button', { name: /^Decont (august|septembrie|octombrie) — convenția nr\. 12: Aprobat la plată/ })).toHaveCount(3);
  await page.screenshot({ path: testInfo.outputPath('grila-deconturi.png'), fullPage: true });

  // The treasury's export: August and September in full, October in part, one row of an unknown payee.
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Plăți');
  sheet.addRow(['Data', 'Nr. OP', 'Nr. ordonanțare', 'CUI', 'Suma']);
  sheet.addRow([new Date(Date.UTC(2025, 8, 16)), '1101', 'ORD 1', cui, 1000]);
  sheet.addRow([new Date(Date.UTC(2025, 9, 22)), '1102', 'ORD 2', cui, 1000]);
  sheet.addRow([new Date(Date.UTC(2025, 10, 16)), '1103', 'ORD 3', cui, 600]);
  sheet.addRow([new Date(Date.UTC(2025, 10, 16)), '1104', '', '99999999', 250]);
  const file = testInfo.outputPath('plati-trezorerie.xlsx');
  await workbook.xlsx.writeFile(file);

  await page.getByRole('tab', { name: 'Plăți' }).click();
  let report = await importPayments(page, file);
  await expect(report.getByRole('alert')).toHaveText('Au fost înregistrate 3 plăți din 4 rânduri; 1 rând nu a fost înregistrat (vezi raportul); 2 deconturi marcate plătite.');
  const rows = report.getByRole('table', { name: 'Rândurile importului' });
  await expect(rows.getByRole('row').filter({ hasText: 'Plată parțială' })).toContainText('plătit 600,00 lei din 1.000,00 lei aprobați');
  await expect(rows.getByRole('row').filter({ hasText: 'CUI / convenție necunoscută' })).toContainText('„99999999”');
  await page.screenshot({ path: testInfo.outputPath('raport-import-plati.png') });
  await report.getByRole('button', { name: 'Închide' }).click();
  await expect(payments.getByRole('row')).toHaveCount(paymentRows + 3);

  // The same file again: nothing changes, and the report says so.
  report = await importPayments(page, file);
  await expect(report.getByRole('alert')).toContainText('a mai fost importat la 23.11.2026');
  await expect(report.getByRole('alert')).toContainText('nu s-a adăugat nicio plată, nimic nu s-a schimbat');
  await expect(report.getByRole('table', { name: 'Rândurile importului' }).getByText('Importată anterior')).toHaveCount(3);
  await report.getByRole('button', { name: 'Închide' }).click();
  await expect(payments.getByRole('row')).toHaveCount(paymentRows + 3);

  // The grid: August and September paid, October still approved (paid in part).
  await page.getByRole('tab', { name: 'Deconturi' }).click();
  await expect(grid.getByRole('button', { name: /^Decont (august|septembrie) — convenția nr\. 12: Plătit$/ })).toHaveCount(2);
  await expect(grid.getByRole('button', { name: 'Decont octombrie — convenția nr. 12: Aprobat la plată (ordonanțat)' })).toBeVisible();

  // Reconciliation: the totals on screen, then the same totals in the downloaded workbook.
  await page.getByRole('tab', { name: 'Reconciliere' }).click();
  // This convention's three months on top of what the demo's settlements totalled.
  expect(await onScreen('claimed')).toBe(before['claimed']! + 320_000);
  expect(await onScreen('admitted')).toBe(before['admitted']! + 300_000);
  expect(await onScreen('refused')).toBe(before['refused']! + 20_000);
  expect(await onScreen('approved')).toBe(before['approved']! + 300_000);
  expect(await onScreen('paid')).toBe(before['paid']! + 260_000);
  await page.screenshot({ path: testInfo.outputPath('reconciliere.png'), fullPage: true });
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Descarcă registrul de reconciliere (XLSX)' }).click();
  const download = await downloadPromise;
  const saved = testInfo.outputPath('reconciliere.xlsx');
  await download.saveAs(saved);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(saved);
  const byNgo = book.getWorksheet('Pe furnizori')!;
  const headerRow = [...Array(byNgo.rowCount).keys()].map((i) => byNgo.getRow(i + 1)).find((r) => r.getCell(2).value === 'Contractat')!;
  const columnOf = (header: string) => (headerRow.values as unknown[]).indexOf(header);
  let totalRow: ExcelJS.Row | undefined;
  byNgo.eachRow((row) => { if (row.getCell(1).value === 'Total') totalRow = row; });
  const cellLei = (header: string) => {
    const value = totalRow!.getCell(columnOf(header)).value as number | { result: number };
    return Math.round((typeof value === 'number' ? value : value.result) * 100);
  };
  expect(cellLei('Solicitat')).toBe(await onScreen('claimed'));
  expect(cellLei('Admis (lichidat)')).toBe(await onScreen('admitted'));
  expect(cellLei('Refuzat')).toBe(await onScreen('refused'));
  expect(cellLei('Aprobat (ordonanțat)')).toBe(await onScreen('approved'));
  expect(cellLei('Plătit')).toBe(await onScreen('paid'));
  expect(cellLei('Contractat')).toBe(await onScreen('contracted'));
});
