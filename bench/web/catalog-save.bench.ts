// One saved NGO, write → shown, at 5,000 / 10,000 / 20,000 NGOs stored (issue 10, the table
// mirror): the catalog's grid shows an NGO, its dialog is open with a new name typed; timed in the
// page from the click on „Salvează” to the frame after the grid shows the new name. The name sorts
// first, so that its row is in the grid's window. No baseline side: the number to compare is the
// same job before the mirror (the catalog read every NGO again on any change), ~0.3–0.5 s at 20,000.
import { expect, test } from '@playwright/test';
import { restoreSeed, seedFile } from './seed';
import { printTable, summary, type BenchRow } from './timing';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [20_000];
const RUNS = 9;

test('one saved NGO: write → shown in the catalog', async ({ page }) => {
  const table: BenchRow[] = [];
  for (const size of SIZES) {
    await restoreSeed(page, await seedFile({ organizations: size }), size);
    const grid = page.getByRole('grid', { name: 'Catalog ONG' });
    const times: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await grid.locator('.MuiDataGrid-row[data-id]').first().locator('.MuiDataGrid-cell').first().click();
      const dialog = page.getByRole('dialog');
      const name = `Aaa Asociația de probă ${size}-${run}`;
      const field = dialog.getByRole('textbox', { name: 'Denumire', exact: true });
      await field.fill(name);
      await field.blur();
      const ms = await page.evaluate(
        (expected) =>
          new Promise<number>((resolve) => {
            const shown = document.querySelector('[role="grid"][aria-label="Catalog ONG"]')!;
            const save = [...document.querySelectorAll('[role="dialog"] button')].find((b) => b.textContent === 'Salvează') as HTMLButtonElement;
            const isShown = () => [...shown.querySelectorAll('.MuiDataGrid-cell')].some((c) => c.textContent === expected);
            const observer = new MutationObserver(() => {
              if (!isShown()) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now() - start);
                channel.port2.postMessage(null);
              });
            });
            observer.observe(shown, { subtree: true, childList: true, characterData: true });
            const start = performance.now();
            save.click();
          }),
        name,
      );
      if (run > 0) times.push(ms); // the first is a warm-up
      await expect(page.getByText(/au fost salvate/)).toBeVisible();
      await dialog.getByRole('button', { name: 'Închide' }).click();
      await expect(dialog).toHaveCount(0);
    }
    const app = summary(times);
    table.push({ job: 'save one NGO → shown in the grid', size: `${size} NGOs`, app, baseline: app, goal: 'before the mirror: the whole catalog read again' });
  }
  printTable('Catalog: one saved NGO', table);
});
