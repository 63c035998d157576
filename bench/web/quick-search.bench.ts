// Quick search in the catalog and in the register of units, keystroke → grid updated, at 5,000 /
// 10,000 / 20,000 NGOs (the register holds about 1.5 units per NGO).
// App: a keystroke typed in the screen's "Căutare rapidă" box (an input event, as the browser
// sends it), timed in the page from the event to the frame after the grid shows the matching
// rows and the counter their number. Baseline, in the same page: a bare Array.filter over the
// same search keys in the same order, then writing as many DOM rows as the grid shows, timed the
// same way. Each query is typed letter by letter; a keystroke that leaves the first page and the
// count as they were is typed but not timed (the grid has nothing to change). Sides alternate
// run by run after a warm-up of each. Goal: < 50 ms median, < 100 ms worst. Printed too: the
// medians of the timed keystrokes' input event handled (React renders in it) and grid shown.
import { expect, test } from '@playwright/test';
import { installHarness } from './page-harness';
import { copyBuilt, restoreSeed, seedFile } from './seed';
import { printTable, summary, type BenchRow } from './timing';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [5_000, 10_000, 20_000];
const RUNS = 5;

const SCREENS = [
  { route: 'catalog', grid: 'Catalog ONG', noun: 'ONG-uri', title: 'Catalog quick search' },
  { route: 'registru', grid: 'Registru unități licențiate', noun: 'unități', title: 'Register quick search' },
] as const;
const ONLY = process.env.BENCH_SCREENS?.split(',');

for (const screen of SCREENS.filter((s) => !ONLY || ONLY.includes(s.route))) test(`${screen.route}: quick search keystroke → grid updated`, async ({ page }) => {
  const table: BenchRow[] = [];
  for (const size of SIZES) {
    await restoreSeed(page, await seedFile({ organizations: size }), size);
    if (screen.route !== 'catalog') await page.goto(`/#/${screen.route}`);
    await expect(page.getByRole('grid', { name: screen.grid }).locator('.MuiDataGrid-row').first()).toBeVisible();
    // The copy of the units the register rebuilds after the seed's restore (restoreSeed waits for
    // the NGOs') is done before any keystroke is timed, as on every day but the first after an import.
    if (screen.route === 'registru') await copyBuilt(page, 'units');
    // Typed in the app as a day starts it (the page loaded again), not in the page that restored
    // the seed: the restore's hundreds of megabytes of garbage are not what a working day's searches
    // run beside (the register's worst keystrokes were the major collections they caused).
    await page.reload();
    await expect(page.getByRole('grid', { name: screen.grid }).locator('.MuiDataGrid-row').first()).toBeVisible();
    await installHarness(page);
    const result = await page.evaluate(async ({ runs, screen }) => {
      const B = window.__bench;
      // A row as the bare side shows it: the columns on screen, the search text, the name typed.
      type Row = { id: string; name: string; locality: string; searchText: string; cells: string[] };
      const getAll = <T,>(store: string) =>
        new Promise<T[]>((resolve, reject) => {
          const open = indexedDB.open('subventii-ong');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => (open.result.close(), resolve(request.result as T[]));
          };
        });
      type Org = { id: string; name: string; legalForm: string; cui: string; locality: string; representativeName: string; phone: string; email: string; status: string; searchText: string };
      type Unit = { id: string; organizationId: string; name: string; serviceCode: string; licenceExpiryDate: string; capacity: number; licenceNumber: string; licenceIssueDate: string; status: string; locality: string; searchText: string };
      const orgs = await getAll<Org>('organizations');
      const collator = new Intl.Collator('ro');
      let sorted: Row[];
      if (screen.route === 'catalog') {
        // The catalog's order (name, Romanian alphabet; equal names in stored order).
        sorted = orgs
          .map((o, i) => [o, i] as const)
          .sort((a, b) => collator.compare(a[0].name, b[0].name) || a[1] - b[1])
          .map(([o]) => ({ id: o.id, name: o.name, locality: o.locality, searchText: o.searchText, cells: [o.name, o.legalForm, o.cui, o.locality, o.representativeName, o.phone, o.email, o.status] }));
      } else {
        // The register's order (the NGO's name, then the unit's; equal keys in stored order).
        const names = new Map(orgs.map((o) => [o.id, o.name]));
        const units = (await getAll<Unit>('units')).map((u, i) => ({ u, i, owner: names.get(u.organizationId) ?? '' }));
        sorted = units
          .sort((a, b) => collator.compare(a.owner, b.owner) || collator.compare(a.u.name, b.u.name) || a.i - b.i)
          .map(({ u, owner }) => ({ id: u.id, name: u.name, locality: u.locality, searchText: u.searchText, cells: [owner, u.name, u.serviceCode, u.status, u.licenceExpiryDate, String(u.capacity), u.licenceNumber, u.licenceIssueDate] }));
      }
      const total = sorted.length;
      const tokensOf = (q: string) => B.searchKey(q).split(' ').filter(Boolean);
      const bareFilter = (q: string) => {
        const tokens = tokensOf(q);
        return tokens.length === 0 ? sorted : sorted.filter((r) => tokens.every((t) => r.searchText.includes(t)));
      };

      const grid = document.querySelector(`[role="grid"][aria-label="${screen.grid}"]`)!;
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Căutare rapidă"]')!;
      const counterText = (n: number) => B.shownOf(n, total, screen.noun);
      const counter = [...document.querySelectorAll('p, span')].find((e) => e.textContent === counterText(total))!;
      const renderedIds = () =>
        [...grid.querySelectorAll<HTMLElement>('.MuiDataGrid-row[data-id]')].sort((a, b) => Number(a.dataset.rowindex) - Number(b.dataset.rowindex)).map((r) => r.dataset.id!);
      const shows = (hits: readonly Row[]) => {
        if (counter.textContent !== counterText(hits.length)) return false;
        const ids = renderedIds();
        if (hits.length === 0) return ids.length === 0;
        return ids.length > 0 && ids.every((id, i) => id === hits[i]?.id);
      };
      const visibleRows = renderedIds().length;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const gap = () => new Promise((r) => setTimeout(r, 40));

      // The bare side's screen: a plain table over the app, as many rows as the grid shows.
      const overlay = document.createElement('div');
      overlay.style.cssText = 'position:fixed;inset:120px 20px 20px 300px;background:#fff;z-index:99999;overflow:hidden;display:none;font:13px sans-serif';
      const bareCounter = document.createElement('p');
      const tbody = document.createElement('tbody');
      const tableEl = document.createElement('table');
      tableEl.append(tbody);
      overlay.append(bareCounter, tableEl);
      document.body.append(overlay);
      const bareWrite = (hits: readonly Row[]) => {
        const rows = hits.slice(0, visibleRows).map((o) => {
          const tr = document.createElement('tr');
          tr.dataset.id = o.id;
          for (const v of o.cells) {
            const td = document.createElement('td');
            td.textContent = v;
            tr.append(td);
          }
          return tr;
        });
        tbody.replaceChildren(...rows);
        bareCounter.textContent = counterText(hits.length);
      };
      const bareShows = (hits: readonly Row[]) =>
        bareCounter.textContent === counterText(hits.length) && tbody.children.length === Math.min(visibleRows, hits.length) && (hits.length === 0 || (tbody.firstElementChild as HTMLElement).dataset.id === hits[0]!.id);

      // Queries typed: an NGO's name from the middle of the catalog, and a locality with a word.
      const probe = sorted[Math.floor(total / 3)]!;
      const queries = [B.searchKey(probe.name), B.searchKey(`${probe.locality} ${probe.name.split(' ')[1] ?? ''}`)];
      const plan = queries.flatMap((q) => {
        let previous = '';
        return Array.from({ length: q.length }, (_, i) => {
          const value = q.slice(0, i + 1);
          const hits = bareFilter(value);
          const signature = `${hits.length}|${hits.slice(0, visibleRows).map((h) => h.id).join(',')}`;
          const timed = signature !== previous;
          previous = signature;
          return { value, timed, query: q };
        });
      });

      // Where a keystroke's time goes: the input event's own handling (React renders in it), then
      // until the grid shows the hits, then until the frame is painted.
      let last = { handled: 0, shown: 0 };
      const app = async (value: string, expected: readonly Row[]) => {
        const t0 = performance.now();
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const handled = performance.now() - t0;
        await B.until(() => shows(expected));
        const shown = performance.now() - t0;
        await B.painted();
        last = { handled, shown };
        return performance.now() - t0;
      };
      const bare = async (value: string) => {
        const t0 = performance.now();
        const hits = bareFilter(value);
        bareWrite(hits);
        await B.until(() => bareShows(hits));
        await B.painted();
        return performance.now() - t0;
      };
      const appSteps: { ms: number; value: string; handled: number; shown: number }[] = [];
      const typeApp = async (record: number[] | null) => {
        for (const step of plan) {
          if (step.value.length === 1) {
            await app('', sorted);
            await gap();
          }
          const ms = await app(step.value, bareFilter(step.value));
          if (record && step.timed) {
            record.push(ms);
            appSteps.push({ ms, value: step.value, ...last });
          }
          await gap();
        }
        await app('', sorted);
      };
      const typeBare = async (record: number[] | null) => {
        overlay.style.display = 'block';
        await B.painted();
        for (const step of plan) {
          const ms = await bare(step.value);
          if (record && step.timed) record.push(ms);
          await gap();
        }
        overlay.style.display = 'none';
        await B.painted();
      };
      await typeApp(null);
      await typeBare(null);
      const appMs: number[] = [];
      const bareMs: number[] = [];
      for (let run = 0; run < runs; run++) {
        if (run % 2 === 0) {
          await typeApp(appMs);
          await typeBare(bareMs);
        } else {
          await typeBare(bareMs);
          await typeApp(appMs);
        }
      }
      overlay.remove();
      const phases = { handled: appSteps.map((s) => s.handled), shown: appSteps.map((s) => s.shown) };
      const slowest = appSteps.sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `„${s.value}” ${s.ms.toFixed(0)} ms (handled ${s.handled.toFixed(0)}, shown ${s.shown.toFixed(0)})`);
      return { appMs, bareMs, keystrokes: plan.length, timed: plan.filter((s) => s.timed).length, visibleRows, queries, slowest, phases };
    }, { runs: RUNS, screen });
    console.log(`  ${size} NGOs: queries ${result.queries.map((q) => `„${q}”`).join(', ')}; ${result.timed} of ${result.keystrokes} keystrokes change the grid (timed), ${result.visibleRows} rows on screen; slowest ${result.slowest.join(', ')}; medians: input event handled ${summary(result.phases.handled).median.toFixed(1)} ms, grid shown ${summary(result.phases.shown).median.toFixed(1)} ms`);
    table.push({ job: 'quick search keystroke → grid', size: `${size} NGOs`, app: summary(result.appMs), baseline: summary(result.bareMs), goal: '< 50 ms median, < 100 ms worst' });
  }
  printTable(screen.title, table);
});
