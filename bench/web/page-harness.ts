// In-page helpers of the browser benchmarks, installed with page.evaluate (the app's
// Content-Security-Policy forbids inline scripts; evaluate is not one) — nothing here is in the
// production bundle. `until` resolves when a check holds, re-checked on every DOM mutation and
// frame; `painted` resolves after the next frame has been produced.
import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __bench: {
      until(check: () => boolean, timeoutMs?: number): Promise<void>;
      painted(): Promise<void>;
      searchKey(text: string): string;
      shownOf(shown: number, total: number, noun: string): string;
      interleaved(app: () => Promise<number>, bare: () => Promise<number>, runs: number): Promise<{ appMs: number[]; bareMs: number[] }>;
      showTable(overlay: HTMLElement, caption: string, rows: readonly (readonly string[])[]): Promise<void>;
      [key: string]: unknown;
    };
  }
}

export async function installHarness(page: Page): Promise<void> {
  await page.evaluate(() => {
    const until = (check: () => boolean, timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        if (check()) return resolve();
        let frame = 0;
        const done = () => {
          observer.disconnect();
          cancelAnimationFrame(frame);
          clearTimeout(timer);
        };
        const observer = new MutationObserver(() => {
          if (!check()) return;
          done();
          resolve();
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const onFrame = () => {
          if (!check()) return void (frame = requestAnimationFrame(onFrame));
          done();
          resolve();
        };
        frame = requestAnimationFrame(onFrame);
        const timer = setTimeout(() => {
          done();
          reject(new Error('until: timed out'));
        }, timeoutMs);
      });
    // After the next frame: a rAF callback runs before that frame's style, layout and paint; a
    // message posted from it is handled once they are done.
    const painted = () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }),
      );
    // The same key as src/validation/diacritics.ts searchKey.
    const searchKey = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[\s\u00A0\u2007\u202F]+/g, ' ').trim();
    // The same text as src/money.ts formatShownOf: "2.645 din 20.000 ONG-uri" (ro-RO thousands grouping).
    const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const shownOf = (shown: number, total: number, noun: string) => `${grouped(shown)} din ${grouped(total)} ${noun}`;
    // One warm-up of each side, then the sides alternate which goes first (the same order as timing.ts interleaved).
    const interleaved = async (app: () => Promise<number>, bare: () => Promise<number>, runs: number) => {
      await app();
      await bare();
      const appMs: number[] = [];
      const bareMs: number[] = [];
      for (let run = 0; run < runs; run++) {
        if (run % 2 === 0) {
          appMs.push(await app());
          bareMs.push(await bare());
        } else {
          bareMs.push(await bare());
          appMs.push(await app());
        }
      }
      return { appMs, bareMs };
    };
    // A baseline's screen: a caption and a plain table of the rows in `overlay`, put on the page, painted.
    const showTable = async (overlay: HTMLElement, caption: string, rows: readonly (readonly string[])[]) => {
      const tbody = document.createElement('tbody');
      for (const cells of rows) {
        const tr = document.createElement('tr');
        for (const v of cells) {
          const td = document.createElement('td');
          td.textContent = v;
          tr.append(td);
        }
        tbody.append(tr);
      }
      const table = document.createElement('table');
      table.append(tbody);
      const note = document.createElement('p');
      note.textContent = caption;
      overlay.replaceChildren(note, table);
      document.body.append(overlay);
      await painted();
    };
    window.__bench = { until, painted, searchKey, shownOf, interleaved, showTable };
  });
}

/** Reads a whole object store with the bare IndexedDB API (setup of expectations and baselines). */
export async function rawGetAll<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('subventii-ong');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => (open.result.close(), resolve(request.result as T[]));
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/**
 * Each side's run right after a reload of the page (the app starts again: nothing it kept in
 * memory survives, and the bare side opens its connection anew too), the sides alternating which
 * goes first, a warm-up of each. `ready` waits for the screen to be usable after the reload (the
 * harness is installed again after it); `once` runs one side once and gives its time;
 * `beforeReload` runs in the page about to be reloaded (before the app starts again).
 */
export async function afterReload(
  page: Page,
  ready: () => Promise<void>,
  once: (side: 'app' | 'bare') => Promise<number>,
  runs: number,
  beforeReload?: () => Promise<void>,
): Promise<{ appMs: number[]; bareMs: number[] }> {
  const appMs: number[] = [];
  const bareMs: number[] = [];
  for (let run = -1; run < runs; run++) {
    for (const side of run % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
      await beforeReload?.();
      await page.reload();
      await ready();
      // The start's own work (the database opened, the copies checked) done before the click.
      await page.waitForTimeout(1000);
      await installHarness(page);
      const ms = await once(side);
      if (run >= 0) (side === 'app' ? appMs : bareMs).push(ms);
    }
  }
  return { appMs, bareMs };
}
