// Issue 14 (the results table stays readable with seven or more members) and issue 10 (a large
// round's table draws only the rows in view): a round of 60 requests scored by 7 members, restored
// from a backup written by the benchmarks' seed generator (bench/web/seed-data.ts, 120 NGOs).
import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { COMMISSION_ROUND, REQUESTS_ROUND, keptRounds, restoreSeed, seedFile } from '../../bench/web/seed';
import { rawGetAll } from '../../bench/web/page-harness';
import { fill } from './helpers';

const NGOS = 120;
const REQUESTS = 60;
const MEMBERS = ['Ana Pop', 'Bogdan Rus', 'Cristina Mureșan', 'Dan Ilieș', 'Elena Țurcanu', 'Florin Șerban', 'Gelu Bârsan'];
const SEEDS = fileURLToPath(new URL('../../test-results/e2e-seeds/', import.meta.url));

test('the ranking table of seven members keeps its header and first columns in view and draws the rows in view', async ({ page }, testInfo) => {
  await restoreSeed(page, await seedFile({ organizations: NGOS, commissionRequests: REQUESTS }, SEEDS), NGOS);
  await page.goto('/#/comisie');
  await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText(COMMISSION_ROUND).click();
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  const table = page.getByRole('table', { name: 'Clasament și alocare' });
  const box = page.getByRole('region', { name: 'Tabelul clasamentului (derulare)' });
  await expect(table).toHaveAttribute('aria-rowcount', String(REQUESTS + 1));
  for (const name of MEMBERS) await expect(table.getByRole('columnheader', { name })).toBeVisible();

  // Only the rows in view (and a margin) are drawn, each of the height the window assumes.
  const rows = table.locator('tbody tr:not([aria-hidden])');
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(REQUESTS);
  for (const height of await rows.evaluateAll((trs) => trs.slice(0, 5).map((tr) => tr.getBoundingClientRect().height))) expect(height).toBeCloseTo(37, 0);
  await page.screenshot({ path: testInfo.outputPath('clasament-7-membri.png') });

  // The score differences beyond the margin: the first ten written out, the rest on request.
  const note = page.getByRole('alert').filter({ hasText: 'Diferențe de punctaj peste marja stabilită' });
  const more = note.getByRole('button', { name: /^Arată toate \((\d+)\)$/ });
  const total = Number((await more.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(10);
  const listed = async () => ((await note.textContent())!.match(/cererea \d+\/2026, criteriul C\d+: \d+,\d{2}–\d+,\d{2}/g) ?? []).length;
  expect(await listed()).toBe(10);
  await expect(note).toContainText(`și încă ${total - 10} `);
  await more.click();
  expect(await listed()).toBe(total);
  await note.getByRole('button', { name: 'Arată mai puține' }).click();
  expect(await listed()).toBe(10);

  // Scrolled to the right end: the place, request and NGO columns stay where they were; the last columns come into view.
  const firstRow = rows.first();
  const ngoCell = firstRow.getByRole('cell').nth(2);
  const before = (await ngoCell.boundingBox())!;
  await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(table.getByRole('columnheader', { name: 'Suma propusă' })).toBeInViewport();
  await expect.poll(async () => (await ngoCell.boundingBox())!.x).toBeCloseTo(before.x, 0);
  await expect(table.getByRole('columnheader', { name: 'ONG' })).toBeInViewport();
  await page.screenshot({ path: testInfo.outputPath('clasament-derulat-dreapta.png') });

  // Scrolled to the bottom: the header stays on top, and the last request's row is drawn and shown.
  const header = table.getByRole('columnheader', { name: 'Loc' });
  const headerTop = (await header.boundingBox())!.y;
  await box.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const last = table.locator(`tbody tr[aria-rowindex="${REQUESTS + 1}"]`);
  await expect(last).toContainText(/\d+\/2026/);
  // Inside the scroll box's visible part (the page around it may scroll too).
  const [rowRect, boxRect] = [(await last.boundingBox())!, (await box.boundingBox())!];
  expect(rowRect.y + rowRect.height).toBeLessThanOrEqual(boxRect.y + boxRect.height + 1);
  expect(rowRect.y).toBeGreaterThan(boxRect.y);
  expect((await header.boundingBox())!.y).toBeCloseTo(headerTop, 0);
  await expect(rows).not.toHaveCount(REQUESTS);
  await page.screenshot({ path: testInfo.outputPath('clasament-derulat-jos.png') });
});

/** Renames an NGO through the catalog's dialog; the seed's names repeat, so it is found by its CUI. */
async function renameInCatalog(page: Page, organizationId: string, name: string, newName: string): Promise<void> {
  const { cui } = (await rawGetAll<{ id: string; cui: string }>(page, 'organizations')).find((o) => o.id === organizationId)!;
  await page.goto('/#/catalog');
  await page.getByLabel('Căutare rapidă').fill(cui);
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(grid.locator('.MuiDataGrid-row')).toHaveCount(1);
  await grid.getByText(name, { exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await fill(page, 'Denumire', newName);
  await dialog.getByRole('button', { name: 'Salvează' }).click();
  await expect(page.getByText(`Modificările pentru „${newName}” au fost salvate.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Închide' }).click();
}

// Issue 10: the round last opened is kept while nothing it read changes, so that it opens again at
// once; a change to what it shows (an NGO renamed in the catalog) drops it and the round is read again.
test('a round opened again shows what changed in between: an NGO renamed in the catalog appears in the ranking', async ({ page }) => {
  await restoreSeed(page, await seedFile({ organizations: NGOS, commissionRequests: REQUESTS }, SEEDS), NGOS);
  const openResults = async () => {
    await page.goto('/#/comisie');
    await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText(COMMISSION_ROUND).click();
    await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
    return page.getByRole('table', { name: 'Clasament și alocare' });
  };
  let table = await openResults();
  const ngoCell = table.locator('tbody tr[aria-rowindex="2"] td').nth(2);
  const name = (await ngoCell.textContent())!;
  expect(name.length).toBeGreaterThan(3);
  // Back to the list and in again: the same round, as it was.
  await page.getByRole('button', { name: 'Runde', exact: true }).click();
  await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText(COMMISSION_ROUND).click();
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await expect(ngoCell).toHaveText(name);

  // The request's NGO: request label → NGO id (the seed's names repeat).
  const label = (await table.locator('tbody tr[aria-rowindex="2"] td').nth(1).textContent())!;
  const [sequence, year] = label.split('/').map(Number);
  const requests = await rawGetAll<{ organizationId: string; roundId: string; registration: { sequence: number; year: number } }>(page, 'requests');
  const organizationId = requests.find((r) => r.registration.sequence === sequence && r.registration.year === year)!.organizationId;
  await renameInCatalog(page, organizationId, name, `${name} Redenumită`);

  table = await openResults();
  await expect(table.locator('tbody tr[aria-rowindex="2"] td').nth(2)).toHaveText(`${name} Redenumită`);
});

/** The round whose evaluation the app kept last across starts (renderer/db/persisted-read.ts: the first the slot's row lists), if any. */
const keptRoundId = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('subventii-ong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('tableSnapshots').objectStore('tableSnapshots').get('c:round-evaluation');
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { ids?: string[] } | undefined)?.ids?.[0] ?? null);
          };
        };
      }),
  );

// Issue 10: the evaluation of the round last read is kept across starts and shown at the first
// opening after a start while no table it read has been written since; after a change (an NGO
// renamed in the catalog) the next start reads the round again and shows the change.
test('the round opened first after a start is as its records are: kept while nothing changed, read again after a change', async ({ page }) => {
  await restoreSeed(page, await seedFile({ organizations: NGOS, commissionRequests: REQUESTS }, SEEDS), NGOS);
  const openResults = async () => {
    await page.getByRole('grid', { name: 'Runde de evaluat' }).getByText(COMMISSION_ROUND).click();
    await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
    return page.getByRole('table', { name: 'Clasament și alocare' }).locator('tbody tr[aria-rowindex="2"] td');
  };
  await page.goto('/#/comisie');
  const cells = await openResults();
  const name = (await cells.nth(2).textContent())!;
  const label = (await cells.nth(1).textContent())!;
  const requests = await rawGetAll<{ id: string; roundId: string; organizationId: string; registration: { sequence: number; year: number } }>(page, 'requests');
  const [sequence, year] = label.split('/').map(Number);
  const request = requests.find((r) => r.registration.sequence === sequence && r.registration.year === year)!;
  // Kept a moment after it was read.
  await expect.poll(() => keptRoundId(page), { timeout: 10_000 }).toBe(request.roundId);

  // Started again: the same ranking, from what was kept.
  await page.goto('/#/comisie');
  await page.reload();
  const again = await openResults();
  await expect(again.nth(2)).toHaveText(name);
  await expect(again.nth(1)).toHaveText(label);

  // The NGO renamed (through the catalog), then started again: the round is read again.
  await renameInCatalog(page, request.organizationId, name, `${name} după repornire`);
  await page.goto('/#/comisie');
  await page.reload();
  await expect((await openResults()).nth(2)).toHaveText(`${name} după repornire`);
});

// Issue 10: the evaluations of the last rounds read are kept, not only the last one's: after
// another round was opened, the first round opened after a start is still shown from what was kept
// of it (the unit tests count the reads), and is then the round read ahead at the next start. The
// pointer resting on its row before the click reads it ahead without opening it.
test('going between two rounds: after a start, the round opened before the last one is shown as kept and becomes the one read ahead', async ({ page }) => {
  await restoreSeed(page, await seedFile({ organizations: NGOS, roundRequests: 5, commissionRequests: REQUESTS }, SEEDS), NGOS);
  const rounds = page.getByRole('grid', { name: 'Runde de evaluat' });
  const open = async (name: string) => {
    await rounds.getByText(name).click();
    await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  };
  const back = async () => {
    await page.getByRole('button', { name: 'Runde', exact: true }).click();
    await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
  };
  const firstRow = () => page.getByRole('table', { name: 'Clasament și alocare' }).locator('tbody tr[aria-rowindex="2"] td');
  await page.goto('/#/comisie');
  await open(COMMISSION_ROUND);
  const name = (await firstRow().nth(2).textContent())!;
  const label = (await firstRow().nth(1).textContent())!;
  await expect.poll(() => page.evaluate(keptRounds), { timeout: 10_000 }).toEqual(['runda-bench-comisie']);
  await back();
  await open(REQUESTS_ROUND);
  await expect(page.getByRole('heading', { name: REQUESTS_ROUND })).toBeVisible();
  await expect.poll(() => page.evaluate(keptRounds), { timeout: 10_000 }).toEqual(['runda-bench-cereri', 'runda-bench-comisie']);
  await back();

  await page.reload();
  // The pointer resting on the round's row reads it ahead (point-intent.ts) and opens nothing; the click opens it.
  await rounds.getByText(COMMISSION_ROUND).hover();
  await page.waitForTimeout(300);
  await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Clasament și alocare' })).toHaveCount(0);
  await open(COMMISSION_ROUND);
  await expect(firstRow().nth(2)).toHaveText(name);
  await expect(firstRow().nth(1)).toHaveText(label);
  await expect.poll(() => page.evaluate(keptRounds), { timeout: 10_000 }).toEqual(['runda-bench-comisie', 'runda-bench-cereri']);
});

// Issue 10: a round's row where the pointer or the keyboard's focus rests is read ahead (its
// evaluation read and computed, then kept as any read's: what the click or Enter then finds),
// without the round being opened.
test("the pointer or the keyboard's focus resting on a round's row reads that round ahead without opening it; Enter opens it", async ({ page }) => {
  await restoreSeed(page, await seedFile({ organizations: NGOS, roundRequests: 5, commissionRequests: REQUESTS }, SEEDS), NGOS);
  const rounds = page.getByRole('grid', { name: 'Runde de evaluat' });
  await page.goto('/#/comisie');
  await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
  expect(await page.evaluate(keptRounds)).toEqual([]);
  // The pointer: the round of requests read ahead, then kept.
  await rounds.getByText(REQUESTS_ROUND).hover();
  await expect.poll(() => page.evaluate(keptRounds), { timeout: 10_000 }).toEqual(['runda-bench-cereri']);
  await page.mouse.move(5, 5);
  // The keyboard: the focus moved with the arrow keys to the commission's round, resting there.
  const focusedRow = () => page.locator('[role="grid"][aria-label="Runde de evaluat"] .MuiDataGrid-row:has(:focus)');
  await rounds.getByRole('gridcell').first().focus();
  for (let i = 0; i < 5 && !((await focusedRow().textContent()) ?? '').includes(COMMISSION_ROUND); i++) await page.keyboard.press('ArrowDown');
  await expect(focusedRow()).toContainText(COMMISSION_ROUND);
  await expect.poll(() => page.evaluate(keptRounds), { timeout: 10_000 }).toEqual(['runda-bench-comisie', 'runda-bench-cereri']);
  await expect(page.getByRole('tab', { name: 'Clasament și alocare' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Clasament și alocare' }).click();
  await expect(page.getByRole('table', { name: 'Clasament și alocare' })).toHaveAttribute('aria-rowcount', String(REQUESTS + 1));
});
