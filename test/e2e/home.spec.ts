import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { annualReportTotals, reconciliationTotals } from '../helpers/annual-totals';
import { choose, goTo, issueInDialog, loadDemo } from './helpers';

const bytesOf = async (file: Download) => new Uint8Array(readFileSync((await file.path())!));
const card = (page: Page, kind: string) => page.getByTestId(`atentie-${kind}`);
const countOf = async (page: Page, kind: string) => Number((await card(page, kind).getByTestId('numar').textContent())!.replace(/\./g, ''));

/** Shows every item of a card and returns the addresses of its links. */
async function linksOf(page: Page, kind: string): Promise<string[]> {
  const more = card(page, kind).getByRole('button', { name: /^Arată toate/ });
  if (await more.isVisible()) await more.click();
  return card(page, kind).getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href') ?? ''));
}

test('the home screen counts what the records hold, opens them, and the annual report totals match the reconciliation', async ({ page }, testInfo) => {
  test.setTimeout(120_000); // ~55 s on the shared 2-core machine under load
  // The demo places licences, rounds and settlements around today: fix the day so the figures hold.
  await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+02:00'));
  await loadDemo(page);

  // What the records say, read independently through the other screens' lists.
  await goTo(page, 'Registru unități licențiate');
  // Licences expired or expiring within 60 days, of the units not closed (a closed unit's licence is no longer a concern).
  const alert = (await page.getByText(/unități au licența expirată/).textContent())!;
  const flagged = Number(/(\d+) unități au licența expirată/.exec(alert)![1]) + Number(/(\d+) licențe expiră/.exec(alert)![1]);
  const counter = page.getByText(/^\d+ din 60 unități$/);
  await page.getByRole('checkbox', { name: 'Licență expirată' }).check();
  await page.getByRole('checkbox', { name: 'Expiră în 60 de zile' }).check();
  await expect(counter).toHaveText(`${flagged} din 60 unități`);
  await choose(page, page.getByRole('combobox', { name: 'Stare' }), page.getByRole('option', { name: 'Închisă' }));
  await expect(counter).not.toHaveText(`${flagged} din 60 unități`);
  const shown = async () => Number(/^(\d+) din/.exec((await counter.textContent())!)![1]);
  const flaggedClosed = await shown();
  await goTo(page, 'Cereri de subvenție');
  const roundRows = page.getByRole('grid', { name: 'Runde de finanțare' }).getByRole('row');
  await expect(roundRows.nth(1)).toBeVisible();
  const roundsInProgress = (await roundRows.allTextContents()).slice(1).filter((t) => !t.includes('Finalizată')).length;
  await goTo(page, 'Deconturi și plăți');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  const grid = page.getByRole('table', { name: 'Deconturile lunare ale convențiilor' });
  await expect(grid.getByRole('button', { name: /: Plătit$/ }).first()).toBeVisible();
  const submitted = await grid.getByRole('button', { name: /^Decont .*: Depus$/ }).count();
  const approved = await grid.getByRole('button', { name: /^Decont .*: Aprobat la plată/ }).count();

  await goTo(page, 'Acasă');
  await expect(page.getByRole('heading', { name: 'Ce necesită atenție' })).toBeVisible();
  await expect(card(page, 'runde').getByTestId('numar')).toHaveText(String(roundsInProgress));
  expect(roundsInProgress).toBeGreaterThan(0);
  expect(await countOf(page, 'deconturi_de_verificat')).toBe(submitted);
  expect(submitted).toBeGreaterThan(0);
  expect(await countOf(page, 'plati_neefectuate')).toBe(approved);
  const licenceLinks = (await linksOf(page, 'licente')).filter((h) => h.startsWith('#/registru/'));
  expect(licenceLinks).toHaveLength(flagged - flaggedClosed);
  expect(flagged - flaggedClosed).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.screenshot({ path: testInfo.outputPath('acasa.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A link opens its record: the settlement waiting for verification, then a unit whose licence expired.
  const settlementLink = card(page, 'deconturi_de_verificat').getByRole('link').first();
  const settlementLabel = (await settlementLink.textContent())!; // "Convenția nr. 1 — …, iunie 2025"
  await settlementLink.click();
  const number = /Convenția nr\. (\S+) —/.exec(settlementLabel)![1]!;
  const month = /, (\S+ \d{4})$/.exec(settlementLabel)![1]!;
  await expect(page.locator('#settlement-title')).toContainText(`Decontul convenției nr. ${number} — ${month}Depus`);
  await page.keyboard.press('Escape');
  await goTo(page, 'Acasă');
  const unitLink = card(page, 'licente').locator('a[href^="#/registru/"]').first();
  const unitName = (await unitLink.textContent())!.split(' — ')[0]!;
  await unitLink.click();
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Denumirea unității' })).toHaveValue(unitName);
  await page.keyboard.press('Escape');

  // The charts of last year: a table view with the same figures, and a PNG.
  await goTo(page, 'Acasă');
  await expect(page.getByRole('combobox', { name: 'Anul' })).toHaveText('2025');
  const monthly = page.getByRole('region', { name: 'Buget contractat și plătit, pe luni' });
  await monthly.getByRole('button', { name: 'Tabel' }).click();
  await expect(monthly.getByRole('table').getByRole('row')).toHaveCount(13);
  const png = page.waitForEvent('download');
  await monthly.getByRole('button', { name: /^Descarcă PNG/ }).click();
  const pngBytes = await bytesOf(await png);
  writeFileSync(testInfo.outputPath('grafic-luni.png'), pngBytes);
  expect([...pngBytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(pngBytes.length).toBeGreaterThan(5_000);
  await monthly.getByRole('button', { name: 'Grafic' }).click();

  // The annual report: issued with a number, its DOCX holds the charts; its data workbook's totals equal the reconciliation workbook's.
  await page.getByRole('button', { name: 'Emite raportul anual' }).click();
  const docx = await bytesOf(await issueInDialog(page));
  writeFileSync(testInfo.outputPath('raport-anual.docx'), docx);
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(docx);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml.match(/<w:drawing>/g)?.length).toBe(4);
  expect(xml).toContain('RAPORT ANUAL');
  await expect(page.getByText(/Emis: nr\. \d+ din 23\.11\.2026\./)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Raport anual' })).toBeHidden(); // the notice sits over the buttons until it fades
  const annualFile = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Datele raportului (XLSX)' }).click();
  const annualBytes = await bytesOf(await annualFile);
  writeFileSync(testInfo.outputPath('raport-anual.xlsx'), annualBytes);
  const annual = await annualReportTotals(annualBytes);

  await goTo(page, 'Deconturi și plăți');
  await choose(page, page.getByRole('combobox', { name: 'Anul' }), page.getByRole('option', { name: '2025' }));
  await page.getByRole('tab', { name: 'Reconciliere' }).click();
  const reconFile = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Descarcă registrul de reconciliere (XLSX)' }).click();
  const recon = await reconciliationTotals(await bytesOf(await reconFile));
  expect(recon.paid).toBeGreaterThan(0);
  expect(annual).toEqual(recon);
});
