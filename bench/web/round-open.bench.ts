// Opening a round of 500 / 1,000 / 2,000 requests (Cereri de subvenție → the round), with 20,000
// NGOs in the catalog: timed in the page from the click on the round's row to the frame after the
// round's grid shows its first rows and the counter every request (each request assessed: its
// eligibility and subsidy, with the real parameter store and every request of the year).
// Baseline: the same records read with the bare IndexedDB API in one transaction (the round's
// requests by the roundId index, each one's NGO and the NGO's units by the organizationId index)
// and as many rows written as the grid shows. Goal: < 100 ms. Two jobs, as for the commission's
// results: the round "opened again" (back to the list and in again, nothing changed: the app keeps
// the round last opened, round-requests.tsx) and its "first opening" (the page reloaded before
// every run of either side). Sides alternate, a warm-up of each.
import { expect, test } from '@playwright/test';
import { afterReload, installHarness } from './page-harness';
import { REQUESTS_ROUND, restoreSeed, seedFile } from './seed';
import { printTable, summary, type BenchRow } from './timing';

const NGOS = 20_000;
const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [500, 1_000, 2_000];
const RUNS = 7;

type Mode = 'again' | 'app' | 'bare';

/** In the page: `again` runs both sides interleaved (warm-up, then `runs` of each); `app` or `bare` one run of that side. */
async function measure({ roundName, count, runs, mode }: { roundName: string; count: number; runs: number; mode: Mode }): Promise<{ appMs: number[]; bareMs: number[] }> {
  const B = window.__bench;
  const gap = () => new Promise((r) => setTimeout(r, 100));
  const roundRow = () => [...document.querySelectorAll<HTMLElement>('[role="grid"][aria-label="Runde de finanțare"] .MuiDataGrid-row')].find((r) => r.textContent?.includes(roundName));
  const opened = () =>
    !!document.querySelector('[role="grid"][aria-label="Cereri de subvenționare"] .MuiDataGrid-row[data-id]') &&
    [...document.querySelectorAll('p, span')].some((e) => e.textContent === B.shownOf(count, count, 'cereri'));
  const back = () => [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Runde');
  const app = async () => {
    await B.until(() => !!roundRow());
    await B.painted();
    const t0 = performance.now();
    roundRow()!.click();
    await B.until(opened);
    await B.painted();
    const ms = performance.now() - t0;
    back()!.click();
    await gap();
    return ms;
  };

  const overlay = document.createElement('div');
  overlay.style.cssText = 'position:fixed;inset:120px 20px 20px 300px;background:#fff;z-index:99999;overflow:hidden;font:13px sans-serif';
  const rounds = await new Promise<{ id: string; name: string }[]>((resolve) => {
    const open = indexedDB.open('subventii-ong');
    open.onsuccess = () => {
      const r = open.result.transaction('rounds').objectStore('rounds').getAll();
      r.onsuccess = () => (open.result.close(), resolve(r.result));
    };
  });
  const roundId = rounds.find((r) => r.name === roundName)!.id;
  const bare = async () => {
    const t0 = performance.now();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('subventii-ong');
      open.onsuccess = () => resolve(open.result);
    });
    const tx = db.transaction(['requests', 'organizations', 'units']);
    type Req = { id: string; organizationId: string; registration: { sequence: number; year: number }; registeredOn: string };
    const requests = await new Promise<Req[]>((resolve) => {
      const r = tx.objectStore('requests').index('roundId').getAll(roundId);
      r.onsuccess = () => resolve(r.result);
    });
    const names = await Promise.all(
      requests.map(
        (req) =>
          new Promise<string>((resolve) => {
            const units = tx.objectStore('units').index('organizationId').getAll(req.organizationId);
            const org = tx.objectStore('organizations').get(req.organizationId);
            let name = '';
            org.onsuccess = () => (name = org.result?.name ?? '');
            units.onsuccess = () => resolve(name);
          }),
      ),
    );
    db.close();
    const rows = requests.slice(0, 23).map((req, i) => [`${req.registration.sequence}/${req.registration.year}`, req.registeredOn, names[i]!]);
    await B.showTable(overlay, B.shownOf(requests.length, requests.length, 'cereri'), rows);
    const ms = performance.now() - t0;
    overlay.remove();
    await gap();
    return ms;
  };
  if (mode === 'again') return B.interleaved(app, bare, runs);
  const ms = await (mode === 'app' ? app : bare)();
  return mode === 'app' ? { appMs: [ms], bareMs: [] } : { appMs: [], bareMs: [ms] };
}

test('opening a round of requests', async ({ page }) => {
  const table: BenchRow[] = [];
  for (const size of SIZES) {
    await restoreSeed(page, await seedFile({ organizations: NGOS, roundRequests: size }), NGOS);
    await page.goto('/#/cereri');
    const rounds = page.getByRole('grid', { name: 'Runde de finanțare' }).getByText(REQUESTS_ROUND);
    await expect(rounds).toBeVisible();
    await installHarness(page);
    const args = { roundName: REQUESTS_ROUND, count: size, runs: RUNS };
    const again = await page.evaluate(measure, { ...args, mode: 'again' as Mode });
    const first = await afterReload(page, () => expect(rounds).toBeVisible(), (mode) => page.evaluate(measure, { ...args, runs: 1, mode }).then((m) => [...m.appMs, ...m.bareMs][0]!), RUNS);
    table.push({ job: 'open a round, opened again', size: `${size} requests`, app: summary(again.appMs), baseline: summary(again.bareMs), goal: '< 100 ms' });
    table.push({ job: 'open a round, first opening', size: `${size} requests`, app: summary(first.appMs), baseline: summary(first.bareMs), goal: '< 100 ms' });
  }
  printTable(`Opening a round of requests (${NGOS} NGOs in the catalog)`, table);
});
