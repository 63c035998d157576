import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { choose, docxText, downloadFrom, fill, goTo, issueFrom, issueInDialog, loadDemo, setMonthlyLevel } from './helpers';

async function importWorkbook(page: Page, workbook: ExcelJS.Workbook) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Importă punctajele (XLSX)' }).click();
  await (await chooser).setFiles({ name: 'punctaje-elena-moldovan.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await workbook.xlsx.writeBuffer()) });
}

/** Points per member (rows in agenda order, criteria C1–C3): the third request stays under the 50-point threshold. */
const SCORES: Record<string, [string, string, string][]> = {
  'Maria Ionescu': [['35', '25', '25'], ['30', '20', '20'], ['10', '10', '10'], ['32', '24', '24'], ['28', '22', '20'], ['38', '28', '27']],
  'Ioan Pop': [['33', '26', '24'], ['', '', ''], ['12', '8', '10'], ['30', '25', '25'], ['27', '21', '22'], ['36', '27', '29']],
  'Elena Moldovan': [['36', '24', '26'], ['31', '21', '19'], ['11', '9', '12'], ['31', '23', '25'], ['29', '20', '21'], ['37', '29', '28']],
};

async function scoreAs(page: Page, member: string) {
  await choose(page, page.getByRole('combobox', { name: 'Membrul care punctează' }), page.getByRole('option', { name: member }));
  const table = page.getByRole('table', { name: `Punctajele acordate de ${member}` });
  await expect(table).toBeVisible();
  const rows = table.getByRole('row');
  for (const [i, points] of SCORES[member]!.entries()) {
    const row = rows.nth(i + 1);
    if (points[0] === '') {
      await expect(row).toContainText('Nu punctează: Recuzat: Ioan Pop are calitatea de fondator al organizației');
      continue;
    }
    const inputs = row.getByRole('textbox');
    for (const [k, value] of points.entries()) await inputs.nth(k).fill(value);
    await row.getByRole('button', { name: /^Trimite punctajul/ }).click();
    await expect(row.getByText('trimisă')).toBeVisible();
  }
}

test('the commission scores a round, with a recused member, ranks and allocates, locks the results and resolves an appeal', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);
  await expect(page.getByText(/6 cereri fictive, cu o comisie de evaluare/)).toBeVisible();

  // The council's day-centre level for 2026, entered by the secretariat over the demo's fictitious values.
  await setMonthlyLevel(page, 'centre de zi', '01.01.2026', '650', 'HCL 1/2026');

  await goTo(page, 'Comisie');
  await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText('Subvenții Legea 34/1998 pentru anul 2026').click();
  await expect(page.getByText(/Comisia: Comisia de evaluare și selecționare/)).toBeVisible();

  // The session: three voting members present (the substitute stays home), declarations signed.
  await page.getByRole('button', { name: 'Ședință nouă' }).click();
  const dialog = page.getByRole('dialog');
  await fill(page, 'Data ședinței', '15.10.2026');
  await fill(page, 'Locul', 'Sala de ședințe a DASM, str. Venus nr. 20-22');
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan', 'Andreea Câmpean']) await dialog.getByRole('checkbox', { name: `Prezent: ${name}` }).check();
  await expect(dialog.getByRole('status')).toContainText('Cvorumul este întrunit');
  await expect(dialog.getByText(/Ioan Pop are calitatea de fondator al organizației/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Salvează ședința' }).click();
  await expect(page.getByText('Ședința din 15.10.2026 a fost salvată.')).toBeVisible();
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) {
    const row = dialog.getByRole('table', { name: 'Prezența membrilor' }).getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Semnată la data ședinței' }).click();
    await expect(row.getByText('semnată', { exact: true })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath('sedinta.png') });
  await dialog.getByRole('button', { name: 'Închide' }).click();

  // Scores: points above the maximum are refused; the recused member cannot score his NGO.
  await page.getByRole('tab', { name: 'Punctaj' }).click();
  await choose(page, page.getByRole('combobox', { name: 'Membrul care punctează' }), page.getByRole('option', { name: 'Maria Ionescu' }));
  const first = page.getByRole('table', { name: 'Punctajele acordate de Maria Ionescu' }).getByRole('row').nth(1);
  const cell = first.getByRole('textbox').nth(0);
  await cell.fill('45');
  // Flagged as it is typed, at the cell, from the grid's maximum (before any "Trimite").
  await expect(cell).toHaveAttribute('aria-invalid', 'true');
  await expect(cell).toHaveAccessibleDescription('Punctajul trebuie să fie între 0 și 40,00.');
  await expect(first.getByRole('cell').nth(4)).toHaveText('0'); // the running total leaves the refused value out
  await page.screenshot({ path: testInfo.outputPath('score-cell-over-max.png') });
  await cell.fill('40');
  await expect(cell).toHaveAttribute('aria-invalid', 'false');
  await cell.fill('45');
  await first.getByRole('button', { name: /^Trimite punctajul/ }).click();
  await expect(first).toContainText('Criteriul „C1”: punctajul trebuie să fie între 0 și 40,00.');
  await expect(first).toContainText('neînceput');
  for (const member of ['Maria Ionescu', 'Ioan Pop']) await scoreAs(page, member);

  // Elena Moldovan scores on her own computer: the workbook goes out and comes back.
  await choose(page, page.getByRole('combobox', { name: 'Membrul care punctează' }), page.getByRole('option', { name: 'Elena Moldovan' }));
  const declaration = await downloadFrom(page, 'Documentele membrului', 'Declarație de imparțialitate și confidențialitate (DOCX)');
  expect(await docxText(declaration)).toContain('DECLARAȚIE DE IMPARȚIALITATE ȘI CONFIDENȚIALITATE');
  const exported = await downloadFrom(page, 'Documentele membrului', 'Registrul de punctaje de completat (XLSX)');
  expect(exported.suggestedFilename()).toBe('punctaje-elena-moldovan-2026-10-15.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(await exported.path())) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Punctaje')!;
  let firstRow = 0;
  sheet.eachRow((row, n) => { if (!firstRow && String(row.getCell(2).value ?? '').startsWith('1/2025')) firstRow = n; });
  SCORES['Elena Moldovan']!.forEach((points, i) => points.forEach((value, k) => { sheet.getCell(firstRow + i, 4 + k).value = Number(value); }));
  sheet.getCell(firstRow, 4).value = 45;
  await importWorkbook(page, workbook);
  const refused = page.getByRole('dialog');
  await expect(refused.getByText('Nu s-a importat nimic.', { exact: false })).toBeVisible();
  await expect(refused.getByRole('table', { name: 'Probleme la import' })).toContainText('între 0 și 40');
  await expect(refused.getByRole('table', { name: 'Probleme la import' })).toContainText(String(firstRow));
  await refused.getByRole('button', { name: 'Închide' }).click();
  sheet.getCell(firstRow, 4).value = 36;
  await importWorkbook(page, workbook);
  await expect(page.getByText('Au fost importate 6 fișe de evaluare din punctaje-elena-moldovan.xlsx.')).toBeVisible();
  const imported = page.getByRole('table', { name: 'Punctajele acordate de Elena Moldovan' });
  await expect(imported.getByText('trimisă')).toHaveCount(6);
  // The imported points show in the rows, with their total: 36 + 24 + 26 = 86.
  await expect(imported.getByRole('row').nth(1).getByRole('textbox').first()).toHaveValue('36');
  await expect(imported.getByRole('row').nth(1)).toContainText('86');
  await page.screenshot({ path: testInfo.outputPath('punctaj.png'), fullPage: true });

  // Ranking: means, the recused cell, the request under the threshold, the budget used.
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  const ranking = page.getByRole('table', { name: 'Clasament și alocare' });
  await expect(ranking.getByText('recuzat')).toBeVisible();
  await expect(ranking.getByRole('row').filter({ hasText: 'Sub pragul de punctaj' })).toHaveCount(1);
  await expect(ranking.getByRole('row').filter({ hasText: /Finanțată/ })).toHaveCount(5);
  await page.screenshot({ path: testInfo.outputPath('clasament.png'), fullPage: true });

  // The results become final only after the commission adopts the final ranking by vote.
  await expect(page.getByText(/comisia nu a adoptat prin vot clasamentul final/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Declară rezultatele finale' })).toBeDisabled();
  await page.getByRole('tab', { name: 'Decizii și voturi' }).click();
  await page.getByRole('button', { name: 'Consemnează o decizie' }).click();
  const vote = page.getByRole('dialog');
  await vote.getByRole('textbox', { name: 'Textul deciziei (ca în procesul-verbal)' }).fill('Se aprobă clasamentul final și sumele propuse spre finanțare.');
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) await vote.getByRole('radiogroup', { name: `Votul: ${name}` }).getByRole('radio', { name: 'pentru' }).check();
  await expect(vote.getByRole('status')).toContainText('Decizia a fost adoptată cu 3 voturi pentru, 0 împotrivă și 0 abțineri');
  await vote.getByRole('button', { name: 'Consemnează votul' }).click();
  await expect(page.getByText('Decizia a fost consemnată: adoptată.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Deciziile comisiei' })).toContainText('adoptată (3–0–0)');
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await page.getByRole('button', { name: 'Declară rezultatele finale' }).click();
  const confirmFinal = page.getByRole('dialog', { name: 'Declarați rezultatele finale?' });
  await confirmFinal.getByRole('button', { name: /^Declară/ }).click();
  await expect(page.getByText('Rezultatele rundei sunt finale și au fost păstrate așa cum au fost declarate.')).toBeVisible();

  // The minutes name the recusal and every member present; the notifications give each applicant its result.
  const minutesFile = await issueFrom(page, 'Documentele rundei', 'Procesul-verbal de evaluare și selecție (DOCX)');
  await expect(page.getByText(/emis cu nr\. 1 din 23\.11\.2026/)).toBeVisible();
  await minutesFile.saveAs(testInfo.outputPath('proces-verbal-evaluare.docx'));
  const minutes = await docxText(minutesFile);
  expect(minutes).toContain('Ioan Pop are calitatea de fondator al organizației');
  for (const name of ['Maria Ionescu', 'Elena Moldovan', 'Andreea Câmpean']) expect(minutes).toContain(name);
  expect(minutes).toContain('Vot nominal: Maria Ionescu — pentru; Ioan Pop — pentru; Elena Moldovan — pentru.');
  await page.getByRole('button', { name: 'Documentele rundei' }).click();
  await page.getByRole('menuitem', { name: 'Notificările către solicitanți (DOCX)' }).click();
  await expect(page.getByRole('dialog')).toContainText('Se vor emite acum 6 notificări.');
  const notificationsFile = await issueInDialog(page, 'Emite');
  await expect(page.getByText('Au fost emise 6 notificări, cu numerele 2–7.')).toBeVisible();
  await notificationsFile.saveAs(testInfo.outputPath('notificari.docx'));
  const notifications = await docxText(notificationsFile);
  await (await issueFrom(page, 'Documentele rundei', 'Raportul de specialitate la proiectul de hotărâre, cu anexa (DOCX)')).saveAs(testInfo.outputPath('raport.docx'));
  expect(notifications.match(/NOTIFICARE/g)?.length).toBeGreaterThanOrEqual(6);
  expect(notifications).toContain('sub pragul minim de 50,00');
  expect(notifications).toContain('zile lucrătoare');
  const centraliser = await downloadFrom(page, 'Documentele rundei', 'Centralizatorul rezultatelor (XLSX)');
  await centraliser.saveAs(testInfo.outputPath('centralizator.xlsx'));
  const results = new ExcelJS.Workbook();
  await results.xlsx.load((await readFile(await centraliser.path())) as unknown as ArrayBuffer);
  expect(results.worksheets.map((w) => w.name)).toEqual(['Rezultate', 'Buget']);

  // Final results: scores can no longer change.
  await page.getByRole('tab', { name: 'Punctaj' }).click();
  await expect(page.getByText('Rezultatele rundei sunt finale: punctajele nu se mai pot modifica.')).toBeVisible();

  // Results communicated on Friday 20.11.2026: 3 working days → Wednesday 25.11.2026.
  await page.getByRole('button', { name: 'Setările evaluării' }).click();
  await fill(page, 'Data comunicării rezultatelor', '20.11.2026');
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Setările evaluării au fost salvate.')).toBeVisible();

  // An appeals session, then the appeal of the request under the threshold.
  await page.getByRole('tab', { name: 'Ședințe' }).click();
  await page.getByRole('button', { name: 'Ședință nouă' }).click();
  await choose(page, page.getByRole('dialog').getByRole('combobox', { name: 'Tipul ședinței' }), page.getByRole('option', { name: /contestați/i }));
  await fill(page, 'Data ședinței', '26.11.2026');
  await fill(page, 'Locul', 'Sala de ședințe a DASM');
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) await page.getByRole('dialog').getByRole('checkbox', { name: `Prezent: ${name}` }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează ședința' }).click();
  await expect(page.getByText('Ședința din 26.11.2026 a fost salvată.')).toBeVisible();
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) {
    const row = page.getByRole('dialog').getByRole('table', { name: 'Prezența membrilor' }).getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: 'Semnată la data ședinței' }).click();
    await expect(row.getByText('semnată', { exact: true })).toBeVisible();
  }
  await page.getByRole('dialog').getByRole('button', { name: 'Închide' }).click();

  await page.getByRole('tab', { name: 'Contestații' }).click();
  await page.getByRole('button', { name: 'Înregistrează contestație' }).click();
  const appeal = page.getByRole('dialog');
  await choose(page, appeal.getByRole('combobox', { name: 'Cererea al cărei rezultat se contestă' }), page.getByRole('option').nth(2));
  await appeal.getByRole('textbox', { name: 'Contestație depusă la' }).fill('25.11.2026');
  await expect(appeal.getByText('Contestația a fost depusă pe 25.11.2026, în termenul care se împlinește la 25.11.2026 (3 zile lucrătoare de la comunicare).')).toBeVisible();
  await appeal.getByRole('textbox', { name: 'Motivele contestației' }).fill('Punctajul la criteriul C1 nu ține seama de raportul de monitorizare.');
  await appeal.getByRole('button', { name: 'Înregistrează' }).click();
  await expect(page.getByText(/Contestația a fost înregistrată cu nr\. 1\/2026\./)).toBeVisible();

  // The appeal's own row: until the register reads the new appeal, its only row is "Nicio contestație".
  await page.getByRole('table', { name: 'Registrul contestațiilor' }).getByRole('cell', { name: '1/2026', exact: true }).click();
  await choose(page, appeal.getByRole('combobox', { name: 'Soluția' }), page.getByRole('option', { name: 'Admisă', exact: true }));
  await choose(page, appeal.getByRole('combobox', { name: 'Ședința de soluționare' }), page.getByRole('option', { name: /26\.11\.2026/ }));
  await appeal.getByRole('textbox', { name: 'Data soluționării' }).fill('26.11.2026');
  await appeal.getByRole('textbox', { name: 'Soluția comisiei (ca în procesul-verbal)' }).fill('Se admite; punctajul se recalculează la 55 de puncte.');
  await appeal.getByRole('textbox', { name: 'Punctaj revizuit' }).fill('55');
  await appeal.getByRole('textbox', { name: 'Actul noii decizii' }).fill('PV nr. 2/26.11.2026');
  // The resolution rests on the commission's vote on the appeal, recorded from the appeal dialog.
  await appeal.getByRole('button', { name: 'Consemnează votul' }).click();
  const appealVote = page.getByRole('dialog', { name: 'Consemnează decizia și votul' });
  await expect(appealVote.getByRole('textbox', { name: 'Textul deciziei (ca în procesul-verbal)' })).toHaveValue('Se admite; punctajul se recalculează la 55 de puncte.');
  for (const name of ['Maria Ionescu', 'Ioan Pop', 'Elena Moldovan']) await appealVote.getByRole('radiogroup', { name: `Votul: ${name}` }).getByRole('radio', { name: 'pentru' }).check();
  await appealVote.getByRole('button', { name: 'Consemnează votul' }).click();
  await expect(page.getByText('Decizia a fost consemnată: adoptată.')).toBeVisible();
  await expect(appeal.getByText(/Decizia a fost adoptată cu 3 voturi pentru/)).toBeVisible();
  await appeal.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(/Contestația nr\. 1\/2026 a fost actualizată\./)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Registrul contestațiilor' })).toContainText('Admisă — PV nr. 2/26.11.2026');
  await page.getByRole('button', { name: 'Procesul-verbal de soluționare (DOCX)' }).click();
  const appealsMinutes = await docxText(await issueInDialog(page));
  expect(appealsMinutes).toContain('PV nr. 2/26.11.2026');
  expect(appealsMinutes).toContain('Punctajul la criteriul C1 nu ține seama de raportul de monitorizare.');

  // The admitted appeal, with its recorded decision, moves the request above the threshold.
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await expect(ranking.getByText('după contestație (PV nr. 2/26.11.2026)')).toBeVisible();
  await expect(ranking.getByRole('row').filter({ hasText: /Finanțată/ })).toHaveCount(6);
  await page.screenshot({ path: testInfo.outputPath('dupa-contestatie.png'), fullPage: true });
  const rankingAfterAppeal = await ranking.getByRole('row').allInnerTexts();

  // A year later the council lowers the level from July: the locked round and its documents stay as issued.
  await page.clock.setFixedTime(new Date('2027-11-23T10:00:00+02:00'));
  await setMonthlyLevel(page, 'centre de zi', '01.07.2026', '300', 'HCL 9/2026');
  await goTo(page, 'Comisie');
  await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText('Subvenții Legea 34/1998 pentru anul 2026').click();
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await expect(page.getByText(/Rezultate păstrate așa cum au fost declarate/)).toBeVisible();
  expect(await ranking.getByRole('row').allInnerTexts()).toEqual(rankingAfterAppeal);
  await page.getByRole('tab', { name: 'Documente emise' }).click();
  const register = page.getByRole('table', { name: 'Documentele emise în rundă' });
  await expect(register.getByRole('row')).toHaveCount(1 + 1 + 6 + 1 + 1);
  const again = page.waitForEvent('download');
  await register.getByRole('row').filter({ hasText: 'Proces-verbal de evaluare și selecție' }).getByRole('button', { name: /^Descarcă/ }).click();
  expect(await readFile(await (await again).path())).toEqual(await readFile(await minutesFile.path()));
  await page.getByRole('textbox', { name: 'Caută în Documentele emise în rundă' }).fill('notificare');
  await expect(register.getByRole('row')).toHaveCount(1 + 6);
  await page.screenshot({ path: testInfo.outputPath('documente-emise.png'), fullPage: true });
  // The office's whole register, and one NGO's documents in its record.
  await goTo(page, 'Documente emise');
  // This round's 9 documents and the demo's finished year's 10 (6 result notifications, 4 conventions).
  await expect(page.getByRole('table', { name: 'Registrul documentelor emise' }).getByRole('row')).toHaveCount(1 + 9 + 10);
});
