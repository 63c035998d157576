import { expect, test } from '@playwright/test';
import { formatLei, parseLei } from '../../src/money';
import { docxText, fill, goTo, issueInDialog, loadDemo } from './helpers';

// Starts from the demo's finished year (last year's round with final results and four of its five
// awards contracted): the spec concludes the fifth, as the office does from the frozen award.
test('a convention from a frozen award: units and ceilings shown before saving, an amendment changing the amount, the commitment with the CFP visa, the convention and the amendment issued', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);

  // The finance settings are shown as defaults to confirm.
  await goTo(page, 'Setări');
  const finance = page.getByRole('region', { name: 'Convenții și buget' });
  await expect(finance.getByRole('alert', { name: 'Valori implicite de confirmat' })).toContainText('59.11');
  await expect(finance.getByLabel('Titlul/articolul bugetar')).toHaveValue('59.11');
  await finance.screenshot({ path: testInfo.outputPath('setari-financiare.png') });

  await goTo(page, 'Convenții');
  await expect(page.getByRole('heading', { name: 'Convenții de subvenționare' })).toBeVisible();
  // The year with final results comes first: the demo's four conventions, one award still to contract.
  await expect(page.getByRole('table', { name: 'Convenții 2025' }).getByRole('row')).toHaveCount(5);
  const awards = page.getByRole('table', { name: 'Convenții de încheiat' });
  const first = awards.getByRole('row').nth(1);
  const ngo = (await first.getByRole('cell').nth(1).innerText()).trim();
  const allocatedText = (await first.getByRole('cell').nth(3).innerText()).split('\n')[0]!.trim();
  const allocated = parseLei(allocatedText)!;
  expect(allocated).toBeGreaterThan(0);
  const awardCount = await awards.getByRole('row').count();
  await first.getByRole('button', { name: `Încheie convenția: ${ngo}` }).click();

  // Nothing is computed until the council decision and the convention's number and date are typed.
  const create = page.getByRole('dialog', { name: `Convenție nouă: ${ngo}` });
  await create.getByRole('button', { name: 'Încheie convenția' }).click();
  await expect(create.getByText('Numărul hotărârii consiliului local lipsește.')).toBeVisible();
  await fill(page, 'Numărul HCL', '903/2024');
  await fill(page, 'Data HCL', '18.12.2024');
  await fill(page, 'Numărul convenției', '12');
  await fill(page, 'Data convenției', '15.01.2025');
  await fill(page, 'Responsabilul financiar al furnizorului', 'Ana Pop');
  const computed = create.getByRole('table', { name: 'Unitățile convenției (calculate)' });
  await expect(computed).toBeVisible();
  await expect(computed.getByRole('row').filter({ hasText: 'Suma convenției' })).toContainText(formatLei(allocated));
  // Each unit shows its months, level, monthly ceiling and total.
  await expect(computed.getByRole('row').nth(1)).toContainText(/lei.*lei.*lei/);
  await page.screenshot({ path: testInfo.outputPath('conventie-noua.png') });
  await create.getByRole('button', { name: 'Încheie convenția' }).click();
  await expect(page.getByText('Convenția nr. 12 a fost încheiată (provizorie), cu planul de plăți.')).toBeVisible();

  // The convention page: the final HCL makes it definitive.
  await expect(page.getByRole('heading', { name: `Convenția nr. 12 din 15.01.2025 — ${ngo}` })).toBeVisible();
  const general = page.getByRole('table', { name: 'Datele convenției' });
  await expect(general).toContainText('HCL nr. 903/2024 din 18.12.2024');
  await expect(general).toContainText('Ana Pop');
  await page.getByRole('button', { name: 'Devine definitivă' }).click();
  await fill(page, 'Numărul HCL', '119/2025');
  await fill(page, 'Data HCL', '20.02.2025');
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText('Convenția nr. 12 este definitivă.')).toBeVisible();
  await expect(general).toContainText('HCL nr. 119/2025 din 20.02.2025');
  await page.screenshot({ path: testInfo.outputPath('date-generale.png') });

  // Its units with their ceilings.
  await page.getByRole('tab', { name: 'Unități' }).click();
  const units = page.getByRole('table', { name: 'Unitățile convenției' });
  await expect(units.getByRole('row')).not.toHaveCount(1);
  const unitTotals = await units.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => (r.children[7] as HTMLElement).innerText.split('\n')[0]!));
  expect(unitTotals.reduce((s, t) => s + parseLei(t)!, 0)).toBe(allocated);
  await page.screenshot({ path: testInfo.outputPath('unitati.png'), fullPage: true });

  // An amendment raising the amount by 12.000 lei from June: the original stays beside the current.
  const raised = allocated + 1_200_000;
  await page.getByRole('tab', { name: 'Acte adiționale' }).click();
  await page.getByRole('button', { name: 'Adaugă act adițional' }).click();
  await fill(page, 'Data actului adițional', '20.05.2025');
  await fill(page, 'Se aplică de la', '01.06.2025');
  await fill(page, 'Actul care a decis modificarea', 'HCL nr. 202/2025');
  await fill(page, 'Motivul modificării', 'Suplimentarea numărului de beneficiari');
  await fill(page, 'Suma nouă a convenției (lei)', formatLei(raised).replace(' lei', ''));
  await page.getByRole('dialog').getByRole('button', { name: 'Înregistrează actul adițional' }).click();
  await expect(page.getByText('Actul adițional nr. 1 a fost înregistrat.')).toBeVisible();
  const both = page.getByLabel('Suma inițială și suma în vigoare');
  await expect(both).toContainText(`Suma inițială: ${formatLei(allocated)}`);
  await expect(both).toContainText(`Suma în vigoare: ${formatLei(raised)}`);
  await expect(page.getByRole('table', { name: 'Acte adiționale' }).getByRole('row').nth(1)).toContainText(formatLei(raised));
  // The terms in force on any date: before June the original amount, from June the raised one.
  await page.getByRole('tab', { name: 'Unități' }).click();
  await expect(page.getByLabel('Suma la data aleasă')).toContainText(formatLei(raised));
  await page.getByRole('textbox', { name: 'Termenii în vigoare la data' }).fill('31.05.2025');
  await expect(page.getByLabel('Suma la data aleasă')).toContainText(`Suma convenției: ${formatLei(allocated)}`);
  await page.getByRole('textbox', { name: 'Termenii în vigoare la data' }).fill('01.06.2025');
  await expect(page.getByLabel('Suma la data aleasă')).toContainText(`Suma convenției: ${formatLei(raised)}`);
  await page.screenshot({ path: testInfo.outputPath('termeni-la-data.png') });

  // The payment plan follows the amendment; January is approved; the commitment covers the new amount.
  await page.getByRole('tab', { name: 'Plan de plăți' }).click();
  const plan = page.getByRole('table', { name: 'Plan de plăți' });
  await expect(plan.getByRole('row').filter({ hasText: 'Total' })).toContainText(formatLei(raised));
  const firstMonth = (await plan.getByRole('row').nth(1).getByRole('cell').first().innerText()).trim();
  await plan.getByRole('button', { name: `Aprobă: ${firstMonth}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Salvează' }).click();
  await expect(plan.getByRole('row').nth(1)).toContainText('Aprobată');
  await expect(plan.getByRole('row').nth(1)).toContainText('Programată → Aprobată');
  await expect(page.getByLabel('Titlul/articolul')).toHaveValue('59.11');
  await expect(page.getByText('[I] valoare implicită din Setări — de confirmat cu Direcția Economică')).toBeVisible();
  await page.getByLabel('Numărul angajamentului bugetar').fill('AB 45');
  await page.getByLabel('Data angajamentului').fill('16.01.2025');
  await page.getByLabel('Suma angajată (lei)').fill(formatLei(allocated).replace(' lei', ''));
  await page.getByLabel('Viza CFP acordată de').fill('Elena Rus');
  await page.getByLabel('Data vizei CFP').fill('16.01.2025');
  await page.getByRole('button', { name: 'Înregistrează angajamentul' }).click();
  await expect(page.getByText(/Suma angajată \(.*\) este mai mică decât suma convenției/)).toBeVisible();
  await page.getByLabel('Suma angajată (lei)').fill(formatLei(raised).replace(' lei', ''));
  await page.getByRole('button', { name: 'Înregistrează angajamentul' }).click();
  await expect(page.getByText(/Înregistrat: nr\. AB 45 din 16\.01\.2025/)).toBeVisible();
  await expect(page.getByText(/Viză CFP: Elena Rus, 16\.01\.2025/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('plan-de-plati.png'), fullPage: true });

  // The convention and the amendment, issued through the register.
  await page.getByRole('tab', { name: 'Documente' }).click();
  await page.getByRole('button', { name: 'Emite: Convenția nr. 12 din 15.01.2025' }).click();
  const conventionFile = await issueInDialog(page);
  await conventionFile.saveAs(testInfo.outputPath('conventie.docx'));
  const convention = await docxText(conventionFile);
  expect(convention).toContain('nr. 12');
  expect(convention).toContain(ngo);
  expect(convention).toContain('Municipiul Cluj-Napoca');
  expect(convention).toContain(formatLei(allocated));
  expect(convention).toContain('903/2024');
  expect(convention).toContain('Viză CFP');
  expect(convention).toContain('acordată de Elena Rus la 16.01.2025');
  await page.getByRole('button', { name: 'Emite: Actul adițional nr. 1 din 20.05.2025' }).click();
  const amendmentFile = await issueInDialog(page);
  await amendmentFile.saveAs(testInfo.outputPath('act-aditional.docx'));
  const amendment = await docxText(amendmentFile);
  expect(amendment).toContain('HCL nr. 202/2025');
  expect(amendment).toContain(formatLei(raised));
  const documents = page.getByRole('table', { name: 'Documentele convenției' });
  await expect(documents.getByRole('row').filter({ hasText: 'Convenția nr. 12' })).toContainText('nr. 1 din 23.11.2026');
  await expect(documents.getByRole('row').filter({ hasText: 'Actul adițional nr. 1' })).toContainText('nr. 2 din 23.11.2026');
  await page.screenshot({ path: testInfo.outputPath('documente.png'), fullPage: true });

  // The year's list: original and current amount, the commitment; the award is no longer to contract.
  await page.getByRole('main').getByRole('button', { name: 'Convenții', exact: true }).click();
  const row = page.getByRole('table', { name: 'Convenții 2025' }).getByRole('row').filter({ hasText: ngo });
  await expect(row).toContainText(ngo);
  await expect(row).toContainText(formatLei(allocated));
  await expect(row).toContainText(formatLei(raised));
  await expect(row).toContainText('nr. AB 45 · viză CFP');
  await expect(page.getByText('Nicio cerere finanțată fără convenție.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('conventii.png'), fullPage: true });

  // Ended, it stays on record; the scheduled months after it are cancelled and the award may be contracted again.
  await page.getByRole('button', { name: 'Deschide convenția nr. 12' }).click();
  await page.getByRole('button', { name: 'Încetează convenția' }).click();
  await fill(page, 'Data încetării', '30.09.2025');
  await page.getByRole('dialog').getByRole('textbox', { name: 'Motivul încetării' }).fill('Închiderea centrului');
  await page.getByRole('dialog').getByRole('button', { name: 'Încetează convenția' }).click();
  await expect(page.getByText('Convenția nr. 12 a încetat; ratele programate după încetare au fost anulate.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Datele convenției' })).toContainText('Încetată la 30.09.2025: Închiderea centrului');
  await page.getByRole('tab', { name: 'Plan de plăți' }).click();
  await expect(page.getByRole('table', { name: 'Plan de plăți' }).getByRole('row').filter({ hasText: 'decembrie' })).toContainText('Anulată');
  await page.getByRole('main').getByRole('button', { name: 'Convenții', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Convenții 2025' }).getByRole('row').filter({ hasText: ngo })).toContainText('Încetată');
  await expect(page.getByRole('table', { name: 'Convenții de încheiat' }).getByRole('row')).toHaveCount(awardCount);
});
