// Ctrl+K "find anything" at 20,000 NGOs + 30,000 units (plus the demo's requests, rounds,
// conventions and visits scaled with them): building the index when the dialog opens, and one
// keystroke (searchAll: every word matched over precomputed keys, ranked, grouped, capped) against
// a bare Array.filter over the same precomputed keys (no ranking, no groups). Interleaved, warmed,
// several runs; min and median printed, with the ratio. Goal: < 50 ms median per keystroke.
import { it } from 'vitest';
import { generateDemoData } from '../src/demo/demo-data';
import { buildSearchIndex, searchAll, type SearchSources } from '../src/search/global-search';
import { searchKey } from '../src/validation/diacritics';

const NGOS = 20_000;
const UNITS = 30_000;
const RUNS = 7;

function sources(): SearchSources {
  const s = { organizations: [], units: [], requests: [], rounds: [], conventions: [], visits: [], documents: [] } as { [K in keyof SearchSources]: SearchSources[K][number][] };
  for (let seed = 1; s.organizations.length < NGOS || s.units.length < UNITS; seed++) {
    const demo = generateDemoData({ today: '2026-11-23', seed });
    // Each seed's records get their own ids so the copies do not collide.
    const id = (x: string) => `${seed}-${x}`;
    if (s.organizations.length < NGOS) s.organizations.push(...demo.organizations.map((o) => ({ ...o, id: id(o.id) })));
    if (s.units.length < UNITS) s.units.push(...demo.units.map((u) => ({ ...u, id: id(u.id), organizationId: id(u.organizationId) })));
  }
  s.organizations.length = NGOS;
  s.units.length = UNITS;
  return s;
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
};
const fmt = (n: number) => n.toFixed(2).replace('.', ',');

it(`global search over ${NGOS} NGOs + ${UNITS} units`, () => {
  const data = sources();
  const buildMs: number[] = [];
  let index = buildSearchIndex(data);
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    index = buildSearchIndex(data);
    buildMs.push(performance.now() - t0);
  }
  const entries = [...index.groups.values()].flat();
  const typedQueries = [searchKey(data.organizations[Math.floor(NGOS / 3)]!.name), 'centrul de zi', '8891'];
  const keystrokes = typedQueries.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
  const ours = () => {
    for (const q of keystrokes) searchAll(index, q, 5);
  };
  const bare = () => {
    for (const q of keystrokes) {
      const tokens = searchKey(q).split(' ');
      entries.filter((e) => tokens.every((t) => e.key.includes(t)));
    }
  };
  ours();
  bare(); // warm-up
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  const time = (fn: () => void, into: number[]) => {
    const t0 = performance.now();
    fn();
    into.push((performance.now() - t0) / keystrokes.length);
  };
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0) {
      time(ours, oursMs);
      time(bare, bareMs);
    } else {
      time(bare, bareMs);
      time(ours, oursMs);
    }
  }
  const o = stats(oursMs);
  const b = stats(bareMs);
  const build = stats(buildMs);
  console.log(`\nCăutare globală (Ctrl+K), ${NGOS} ONG-uri + ${UNITS} unități = ${index.size} înregistrări, ${keystrokes.length} taste × ${RUNS} rulări`);
  console.log(`  index built when the dialog opens: min ${fmt(build.min)} ms, median ${fmt(build.median)} ms`);
  console.log(`  ours: searchAll per keystroke      min ${fmt(o.min)} ms, median ${fmt(o.median)} ms`);
  console.log(`  bare: Array.filter over the keys   min ${fmt(b.min)} ms, median ${fmt(b.median)} ms`);
  console.log(`  ratio ours/bare (median): ${(o.median / b.median).toFixed(2)} · goal < 50 ms median per keystroke`);
});
