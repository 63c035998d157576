// Where the main thread spends the time of the commission's results screen, of opening a round and
// of the cold start to a usable catalog (the screens of bench/web/commission-results.bench.ts,
// round-open.bench.ts and cold-start.bench.ts): one warm-up, then one run recorded with a Chrome
// trace and a CPU profile (CDP), printed as the longest trace events, the forced layouts with the
// script that forced them, the time by function between performance marks, and the functions with
// the most time. Run: npx playwright test --config bench/web/profile.config.ts [-g "cold start"]
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { formatShownOf } from '../../src/money';
import { installHarness } from './page-harness';
import { COMMISSION_ROUND, REQUESTS_ROUND, dropKeptRound, restoreSeed, seedFile } from './seed';

const NGOS = 20_000;

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] }; beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] } } }
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

async function record(page: Page, cdp: CDPSession, action: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'blink.user_timing,devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack' + (process.env.PROFILE_V8 ? ',v8,disabled-by-default-v8.compile,IndexedDB' : ''), transferMode: 'ReportEvents' });
  // PROFILE_V8=1: V8's compile and IndexedDB's events in the trace, without the CPU profile (whose start
  // parses every script again), counted from the first performance mark.
  if (!process.env.PROFILE_V8) await cdp.send('Profiler.start');
  const t0 = Date.now();
  await action();
  const wall = Date.now() - t0;
  const { profile } = (process.env.PROFILE_V8 ? { profile: { nodes: [], samples: [], timeDeltas: [], startTime: 0 } } : await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number } };
  await cdp.send('Tracing.end');
  await done;
  // The page's main thread: of the renderers' main threads (a navigation may start a new renderer), the busiest.
  const busyness = new Map<string, number>();
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask') busyness.set(`${e.pid}:${e.tid}`, (busyness.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = events
    .filter((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain')
    .sort((a, b) => (busyness.get(`${b.pid}:${b.tid}`) ?? 0) - (busyness.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  const onMain = events.filter((e) => e.ph === 'X' && (!main || (e.tid === main.tid && e.pid === main.pid)));
  const byName = new Map<string, number>();
  const firstMark = Math.min(...events.filter((e) => (e as { cat?: string }).cat === 'blink.user_timing' && e.name.includes(':')).map((e) => e.ts));
  for (const e of onMain) if (!process.env.PROFILE_V8 || e.ts >= firstMark) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  console.log(`\nwall ${wall} ms; trace events on the main thread (inclusive ms):`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, process.env.PROFILE_V8 ? 40 : 14)) console.log(`  ${name.padEnd(36)} ${ms.toFixed(1).padStart(8)}`);
  // The main thread's tasks in time order: busy stretches and the waits between them (IndexedDB answers, frames).
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > 1000).sort((a, b) => a.ts - b.ts);
  const origin = tasks[0]?.ts ?? 0;
  let busy = 0;
  console.log('tasks over 1 ms (start ms: duration ms, longest child events):');
  for (const t of tasks) {
    busy += (t.dur ?? 0) / 1000;
    const inside = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && e.name !== 'RunTask' && !e.name.startsWith('V8.GC'));
    const top = [...inside].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 3).map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`);
    console.log(`  ${((t.ts - origin) / 1000).toFixed(1).padStart(8)}: ${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)}  ${top.join(', ')}`);
  }
  console.log(`  busy in tasks over 1 ms: ${busy.toFixed(1)} ms`);
  console.log('layouts (ms, forced by):');
  for (const e of onMain.filter((x) => x.name === 'Layout').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0)).slice(0, 8)) {
    const stack = e.args?.beginData?.stackTrace ?? [];
    console.log(`  ${((e.dur ?? 0) / 1000).toFixed(1).padStart(8)}  ${stack.slice(0, 4).map((f) => `${f.functionName || '(anon)'}@${f.url.split('/').pop()}:${f.lineNumber}`).join(' < ') || '(frame)'}`);
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i]! / 1000);
  });
  // Inclusive time: each sample counted once for every distinct function on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The distinct functions (with a URL) on a sample's stack, as keys. */
  const onStack = (id: number) => {
    const keys = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const f = byId.get(node)!.callFrame;
      if (f.url) keys.add(`${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`);
    }
    return keys;
  };
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    for (const key of onStack(id)) inclusive.set(key, (inclusive.get(key) ?? 0) + profile.timeDeltas[i]! / 1000);
  });
  // Time by function (and rendering by trace event) between performance marks: the benchmark's own
  // ("bench:click-row"), any added to the app while profiling (performance.mark('name:…'), removed
  // after), and the page's first contentful paint. User timing is in the trace, on the CPU profile's clock.
  const marks = events
    .filter((e) => (e as { cat?: string }).cat === 'blink.user_timing' && (e.name.includes(':') || e.name === 'firstContentfulPaint'))
    .map((e) => ({ name: e.name, ts: e.ts }))
    .sort((a, b) => a.ts - b.ts);
  if (marks.length > 0) {
    const phases = new Map<string, Map<string, number>>();
    let ts = profile.startTime;
    profile.samples.forEach((id, i) => {
      ts += profile.timeDeltas[i]!;
      const f = byId.get(id)!.callFrame;
      if (f.functionName === '(idle)') return;
      let k = -1;
      while (k + 1 < marks.length && marks[k + 1]!.ts <= ts) k++;
      const phase = k < 0 ? '(before marks)' : `${k} after ${marks[k]!.name}`;
      const m = phases.get(phase) ?? new Map<string, number>();
      phases.set(phase, m);
      // the innermost frame with a URL (the app's code), or the native one
      let node: number | undefined = id;
      let key = `${f.functionName || '(anon)'}`;
      for (; node !== undefined; node = parent.get(node)) { const c = byId.get(node)!.callFrame; if (c.url) { key = `${key} < ${c.functionName || '(anon)'} ${c.url.split('/').pop()}:${c.lineNumber}`; break; } }
      m.set(key, (m.get(key) ?? 0) + profile.timeDeltas[i]! / 1000);
      // PROFILE_PHASE_INCLUSIVE=1: also each phase's inclusive time by function (which component costs what)
      if (process.env.PROFILE_PHASE_INCLUSIVE) for (const k of onStack(id)) m.set(`[incl] ${k}`, (m.get(`[incl] ${k}`) ?? 0) + profile.timeDeltas[i]! / 1000);
    });
    console.log('marks:', marks.map((m) => `${m.name}@${((m.ts - marks[0]!.ts) / 1000).toFixed(1)}`).join(' '));
    const RENDERING = new Set(['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_MC_BACKGROUND_MARKING', 'ParseHTML', 'HitTest', 'IntersectionObserverController::computeIntersections', 'ResizeObserver::BroadcastObservations']);
    for (const e of onMain.filter((x) => RENDERING.has(x.name))) {
      let k = -1;
      while (k + 1 < marks.length && marks[k + 1]!.ts <= e.ts) k++;
      const phase = k < 0 ? '(before marks)' : `${k} after ${marks[k]!.name}`;
      const m = phases.get(phase) ?? new Map<string, number>();
      phases.set(phase, m);
      m.set(`[trace] ${e.name}`, (m.get(`[trace] ${e.name}`) ?? 0) + (e.dur ?? 0) / 1000);
    }
    for (const [phase, m] of phases) {
      const total = [...m].filter(([k]) => !k.startsWith('[trace]') && !k.startsWith('[incl]')).reduce((a, [, b]) => a + b, 0);
      console.log(`phase ${phase}: ${total.toFixed(1)} ms busy`);
      for (const [name, ms] of [...m].filter(([k]) => !k.startsWith('[incl]')).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${name}`);
      for (const [name, ms] of [...m].filter(([k]) => k.startsWith('[incl]')).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`    ${ms.toFixed(1).padStart(7)}  ${name}`);
    }
  }
  console.log('inclusive time by function (ms):');
  for (const [name, ms] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
  console.log('self time by function (ms):');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(8)}  ${name}`);
}

test('profile: commission results screen', async ({ page }) => {
  const size = Number(process.env.PROFILE_SIZE ?? 300);
  await restoreSeed(page, await seedFile({ organizations: NGOS, commissionRequests: size }), NGOS);
  await page.goto('/#/comisie');
  const rounds = page.getByRole('grid', { name: 'Runde de evaluat' });
  await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
  await installHarness(page);
  page.on('console', (m) => m.text().startsWith('TIMING') && console.log(m.text()));
  const cdp = await page.context().newCDPSession(page);
  const open = async () => {
    const times = await page.evaluate(async (roundName) => {
      const B = window.__bench;
      const row = () => [...document.querySelectorAll<HTMLElement>('[role="grid"][aria-label="Runde de evaluat"] .MuiDataGrid-row')].find((r) => r.textContent?.includes(roundName));
      const tab = () => [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((t) => t.textContent === 'Clasament și alocare');
      await B.until(() => !!row());
      await B.painted();
      const t0 = performance.now();
      performance.mark('bench:click-row');
      row()!.click();
      await B.until(() => !!tab());
      performance.mark('bench:click-tab');
      const loaded = performance.now() - t0;
      tab()!.click();
      await B.until(() => !!document.querySelector('table[aria-label="Clasament și alocare"] tbody tr'));
      const table = performance.now() - t0;
      await B.painted();
      performance.mark('bench:painted');
      const painted = performance.now() - t0;
      const marks = performance.getEntriesByType('mark').filter((m) => m.startTime >= t0).map((m) => `${m.name}@${(m.startTime - t0).toFixed(1)}`).join(' ');
      performance.clearMarks();
      return { loaded, table, painted, marks };
    }, COMMISSION_ROUND);
    console.log(`click → tabs shown ${times.loaded.toFixed(1)} ms, → table in the DOM ${times.table.toFixed(1)} ms, → painted ${times.painted.toFixed(1)} ms\n  ${times.marks}`);
  };
  const back = async () => {
    await page.getByRole('button', { name: 'Runde', exact: true }).click();
    await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
  };
  await open();
  await back();
  // The round opened again is kept (round-evaluation-reads.ts) and reads nothing: the first opening
  // after a start is profiled unless PROFILE_OPENING=again.
  // PROFILE_OPENING=cold: with nothing kept of the round (renderer/db/persisted-read.ts), everything read and computed.
  if (process.env.PROFILE_OPENING !== 'again') {
    // The value of the round's read is kept 1.5 s after it was read.
    await page.waitForTimeout(2000);
    // Removed before the start, so that the list's read-ahead finds nothing (as the benchmark does).
    if (process.env.PROFILE_OPENING === 'cold') await page.evaluate(dropKeptRound);
    await page.reload();
    await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
    await page.waitForTimeout(1000);
    await installHarness(page);
  }
  await record(page, cdp, open);
  await page.screenshot({ path: test.info().outputPath('commission-results.png') });
  const text = await page.locator('main').innerText();
  console.log(`text on the results screen: ${text.length} characters`);
});

test('profile: opening a round of requests', async ({ page }) => {
  const size = Number(process.env.PROFILE_SIZE ?? 2000);
  await restoreSeed(page, await seedFile({ organizations: NGOS, roundRequests: size }), NGOS);
  await page.goto('/#/cereri');
  const rounds = page.getByRole('grid', { name: 'Runde de finanțare' });
  await expect(rounds.getByText(REQUESTS_ROUND)).toBeVisible();
  await installHarness(page);
  const cdp = await page.context().newCDPSession(page);
  const open = async () => {
    await page.evaluate(async ({ roundName, count }) => {
      const B = window.__bench;
      const row = () => [...document.querySelectorAll<HTMLElement>('[role="grid"][aria-label="Runde de finanțare"] .MuiDataGrid-row')].find((r) => r.textContent?.includes(roundName));
      await B.until(() => !!row());
      await B.painted();
      row()!.click();
      await B.until(() => !!document.querySelector('[role="grid"][aria-label="Cereri de subvenționare"] .MuiDataGrid-row[data-id]') && [...document.querySelectorAll('p, span')].some((e) => e.textContent === B.shownOf(count, count, 'cereri')));
      await B.painted();
    }, { roundName: REQUESTS_ROUND, count: size });
  };
  const back = async () => {
    await page.getByRole('button', { name: 'Runde', exact: true }).click();
    await expect(rounds.getByText(REQUESTS_ROUND)).toBeVisible();
  };
  await open();
  await back();
  await record(page, cdp, open);
});

test('profile: cold start to a usable catalog', async ({ page }) => {
  const size = Number(process.env.PROFILE_SIZE ?? 20_000);
  await restoreSeed(page, await seedFile({ organizations: size }), size);
  await expect(page.getByRole('grid', { name: 'Catalog ONG' }).locator('.MuiDataGrid-row').first()).toBeVisible();
  // As bench/web/cold-start.bench.ts: the frame after the grid shows rows and the counter every NGO.
  await page.addInitScript((counterText: string) => {
    const w = window as unknown as { __usableAt?: number };
    const observer = new MutationObserver(() => {
      const grid = document.querySelector('[role="grid"][aria-label="Catalog ONG"]');
      if (w.__usableAt !== undefined || !grid?.querySelector('.MuiDataGrid-row[data-id]') || ![...document.querySelectorAll('p')].some((p) => p.textContent === counterText)) return;
      observer.disconnect();
      performance.mark('bench:usable-dom');
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => ((w.__usableAt = performance.now()), performance.mark('bench:painted'));
        channel.port2.postMessage(null);
      });
    });
    if (location.pathname.endsWith('/') || location.pathname.endsWith('index.html')) observer.observe(document, { subtree: true, childList: true, characterData: true });
  }, formatShownOf(size, size, 'ONG-uri'));
  const load = async () => {
    await page.goto('/#/catalog');
    await page.waitForFunction(() => (window as unknown as { __usableAt?: number }).__usableAt !== undefined, undefined, { timeout: 60_000, polling: 50 });
    console.log(`usable at ${(await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt)).toFixed(1)} ms`);
  };
  await page.goto('about:blank');
  await load();
  await page.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await record(page, cdp, load);
});

test('profile: catalog quick search keystrokes', async ({ page }) => {
  const size = Number(process.env.PROFILE_SIZE ?? 20_000);
  await restoreSeed(page, await seedFile({ organizations: size }), size);
  const grid = page.getByRole('grid', { name: 'Catalog ONG' });
  await expect(grid.locator('.MuiDataGrid-row').first()).toBeVisible();
  await installHarness(page);
  // The letters of a locality typed one by one, each waited for until the counter changes and a frame is painted.
  const type = async (query: string) =>
    page.evaluate(async (q) => {
      const B = window.__bench;
      const input = document.querySelector<HTMLInputElement>('input[aria-label="Căutare rapidă"]')!;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const times: string[] = [];
      const counter = () => [...document.querySelectorAll('p')].map((p) => p.textContent).find((t) => t?.includes(' din ')) ?? '';
      for (let i = 1; i <= q.length; i++) {
        const before = counter();
        const t0 = performance.now();
        performance.mark(`bench:key-${q.slice(0, i)}`);
        setValue.call(input, q.slice(0, i));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // A prefix that leaves the count unchanged waits out 500 ms; the printed times show which.
        await B.until(() => counter() !== before, 500).catch(() => undefined);
        await B.painted();
        times.push(`${q.slice(0, i)} ${(performance.now() - t0).toFixed(1)}`);
        await new Promise((r) => setTimeout(r, 40));
      }
      setValue.call(input, '');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 300));
      return times.join(', ');
    }, query);
  console.log(`warm-up: ${await type('clu')}`);
  const cdp = await page.context().newCDPSession(page);
  await record(page, cdp, async () => console.log(`recorded: ${await type('cluj')}`));
});
