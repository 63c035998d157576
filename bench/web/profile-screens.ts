// Where the main thread spends the time of the commission's results screen and of opening a
// round (the two screens of bench/web/commission-results.bench.ts and round-open.bench.ts): one
// warm-up, then one run recorded with a Chrome trace and a CPU profile (CDP), printed as the
// longest trace events, the forced layouts with the script that forced them, and the functions with
// the most self time. Run: npx playwright test --config bench/web/profile.config.ts
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { installHarness } from './page-harness';
import { COMMISSION_ROUND, REQUESTS_ROUND, restoreSeed, seedFile } from './seed';

const NGOS = 20_000;

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { data?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] }; beginData?: { stackTrace?: { functionName: string; url: string; lineNumber: number }[] } } }
interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

async function record(page: Page, cdp: CDPSession, action: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await action();
  const wall = Date.now() - t0;
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && (!main || (e.tid === main.tid && e.pid === main.pid)));
  const byName = new Map<string, number>();
  for (const e of onMain) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  console.log(`\nwall ${wall} ms; trace events on the main thread (inclusive ms):`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${name.padEnd(36)} ${ms.toFixed(1).padStart(8)}`);
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
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const f = byId.get(node)!.callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + profile.timeDeltas[i]! / 1000);
    }
  });
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
      row()!.click();
      await B.until(() => !!tab());
      const loaded = performance.now() - t0;
      tab()!.click();
      await B.until(() => !!document.querySelector('table[aria-label="Clasament și alocare"] tbody tr'));
      const table = performance.now() - t0;
      await B.painted();
      return { loaded, table, painted: performance.now() - t0 };
    }, COMMISSION_ROUND);
    console.log(`click → tabs shown ${times.loaded.toFixed(1)} ms, → table in the DOM ${times.table.toFixed(1)} ms, → painted ${times.painted.toFixed(1)} ms`);
  };
  const back = async () => {
    await page.getByRole('button', { name: 'Runde', exact: true }).click();
    await expect(rounds.getByText(COMMISSION_ROUND)).toBeVisible();
  };
  await open();
  await back();
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
      await B.until(() => !!document.querySelector('[role="grid"][aria-label="Cereri de subvenționare"] .MuiDataGrid-row[data-id]') && [...document.querySelectorAll('p, span')].some((e) => e.textContent === `${count} din ${count} cereri`));
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
