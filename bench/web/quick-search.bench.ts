// Quick search in the catalog, keystroke → grid updated, at 5,000 / 10,000 / 20,000 NGOs.
// App: a keystroke typed in the screen's "Căutare rapidă" box (an input event, as the browser
// sends it), timed in the page from the event to the frame after the grid shows the matching
// rows and the counter their number. Baseline, in the same page: a bare Array.filter over the
// same search keys in the same order, then writing as many DOM rows as the grid shows, timed the
// same way. Each query is typed letter by letter; a keystroke that leaves the first page and the
// count as they were is typed but not timed (the grid has nothing to change). Sides alternate
// run by run after a warm-up of each. Goal: < 50 ms median, < 100 ms worst.
import { expect, test } from '@playwright/test';
import { installHarness } from './page-harness';
import { restoreSeed, seedFile } from './seed';
import { printTable, summary, type BenchRow } from './timing';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [5_000, 10_000, 20_000];
const RUNS = 5;

test('quick search keystroke → grid updated', async ({ page }) => {
  const table: BenchRow[] = [];
  for (const size of SIZES) {
    await restoreSeed(page, await seedFile({ organizations: size }), size);
    await expect(page.getByRole('grid', { name: 'Catalog ONG' }).locator('.MuiDataGrid-row').first()).toBeVisible();
    await installHarness(page);
    const result = await page.evaluate(async ({ runs }) => {
      const B = window.__bench;
      type Org = { id: string; name: string; legalForm: string; cui: string; locality: string; representativeName: string; phone: string; email: string; status: string; searchText: string };
      const orgs = await new Promise<Org[]>((resolve, reject) => {
        const open = indexedDB.open('subventii-ong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('organizations').objectStore('organizations').getAll();
          request.onsuccess = () => (open.result.close(), resolve(request.result as Org[]));
        };
      });
      // The catalog's order (name, Romanian alphabet; equal names in stored order).
      const collator = new Intl.Collator('ro');
      const sorted = orgs.map((o, i) => [o, i] as const).sort((a, b) => collator.compare(a[0].name, b[0].name) || a[1] - b[1]).map(([o]) => o);
      const total = sorted.length;
      const tokensOf = (q: string) => B.searchKey(q).split(' ').filter(Boolean);
      const bareFilter = (q: string) => {
        const tokens = tokensOf(q);
        return tokens.length === 0 ? sorted : sorted.filter((r) => tokens.every((t) => r.searchText.includes(t)));
      };

      const grid = document.querySelector('[role="grid"][aria-label="Catalog ONG"]')!;
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Căutare rapidă"]')!;
      const counter = [...document.querySelectorAll('p, span')].find((e) => /^\d+ din \d+ ONG-uri$/.test(e.textContent ?? ''))!;
      const renderedIds = () =>
        [...grid.querySelectorAll<HTMLElement>('.MuiDataGrid-row[data-id]')].sort((a, b) => Number(a.dataset.rowindex) - Number(b.dataset.rowindex)).map((r) => r.dataset.id!);
      const shows = (hits: readonly Org[]) => {
        if (counter.textContent !== `${hits.length} din ${total} ONG-uri`) return false;
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
      const bareWrite = (hits: readonly Org[]) => {
        const rows = hits.slice(0, visibleRows).map((o) => {
          const tr = document.createElement('tr');
          tr.dataset.id = o.id;
          for (const v of [o.name, o.legalForm, o.cui, o.locality, o.representativeName, o.phone, o.email, o.status]) {
            const td = document.createElement('td');
            td.textContent = v;
            tr.append(td);
          }
          return tr;
        });
        tbody.replaceChildren(...rows);
        bareCounter.textContent = `${hits.length} din ${total} ONG-uri`;
      };
      const bareShows = (hits: readonly Org[]) =>
        bareCounter.textContent === `${hits.length} din ${total} ONG-uri` && tbody.children.length === Math.min(visibleRows, hits.length) && (hits.length === 0 || (tbody.firstElementChild as HTMLElement).dataset.id === hits[0]!.id);

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

      const app = async (value: string, expected: readonly Org[]) => {
        const t0 = performance.now();
        setValue.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await B.until(() => shows(expected));
        await B.painted();
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
      const typeApp = async (record: number[] | null) => {
        for (const step of plan) {
          if (step.value.length === 1) {
            await app('', sorted);
            await gap();
          }
          const ms = await app(step.value, bareFilter(step.value));
          if (record && step.timed) record.push(ms);
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
      return { appMs, bareMs, keystrokes: plan.length, timed: plan.filter((s) => s.timed).length, visibleRows, queries };
    }, { runs: RUNS });
    console.log(`  ${size} NGOs: queries ${result.queries.map((q) => `„${q}”`).join(', ')}; ${result.timed} of ${result.keystrokes} keystrokes change the grid (timed), ${result.visibleRows} rows on screen`);
    table.push({ job: 'quick search keystroke → grid', size: `${size} NGOs`, app: summary(result.appMs), baseline: summary(result.bareMs), goal: '< 50 ms median, < 100 ms worst' });
  }
  printTable('Catalog quick search', table);
});
