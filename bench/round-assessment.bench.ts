// A round's assessment as the screens run it (issue 10): `loadRoundRequests` (what the round's list
// calls; the commission's results run the same assessment) on the round's requests
// stored in fake-indexeddb, with every other request of the year (a second selection that asks for
// some of the same units), the real shipped parameter store plus the demo's user values, against a
// baseline reading the same records with bare Dexie and doing the same arithmetic in a plain loop.
// Sides interleaved, one warm-up each, several runs, min and median; both totals must agree.
import { it } from 'vitest';
import { createStore, type DbStore as Store } from '../renderer/db/store';
import { createDatabase } from '../renderer/db/database';
import { loadRoundRequests } from '../renderer/services/round-evaluation';
import { parameterValueId } from '../renderer/db/repositories/parameters';
import { generateDemoParameterValues } from '../src/demo/demo-parameters';
import { bani } from '../src/money';
import { DOSSIER_ITEMS } from '../src/requests/dossier';
import type { Month, SubsidyRequest } from '../src/requests/subsidy-request';
import { emptyFundingRound, type FundingRound } from '../src/rounds/funding-round';
import { organization, unit } from '../test/unit/templates/fixtures';

const SIZES = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map(Number) : [500, 1_000, 2_000, 4_000];
const RUNS = 5;
const YEAR = 2027;
const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LATE_MONTHS: Month[] = [10, 11, 12];
const TODAY = '2026-11-23';

async function seed(n: number): Promise<{ store: Store; round: FundingRound }> {
  const db = createDatabase(`bench-assessment-${n}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  const store = createStore(db);
  const at = '2026-09-01T08:00:00.000Z';
  const round: FundingRound = { ...emptyFundingRound(YEAR), id: 'round-a', createdAt: at, updatedAt: at, version: 1, budget: bani(500_000_000), submissionStart: '2026-08-01', submissionEnd: '2026-09-30' };
  const second: FundingRound = { ...round, id: 'round-b', name: 'Selecția a doua', submissionStart: '2027-06-01', submissionEnd: '2027-06-30' };
  const orgs = Array.from({ length: n }, (_, i) => organization(i + 1));
  // Every seventh licence ends on 30.06 (half the months); every fifth unit is also asked for in the second selection.
  const units = orgs.map((o, i) => unit(i + 1, o.id, { licenceIssueDate: '2024-01-15', licenceExpiryDate: i % 7 === 0 ? `${YEAR}-06-30` : '2029-01-14' }));
  const dossier = (unitId: string) => DOSSIER_ITEMS.map((item) => ({ code: item.code, unitId: item.isPerUnit ? unitId : undefined, status: 'primit' as const, validUntil: item.hasValidity ? '2027-12-31' : undefined }));
  const request = (i: number, roundId: string, sequence: number, months: Month[], registeredOn: string): SubsidyRequest => ({
    id: `${roundId}-${i}`, createdAt: at, updatedAt: at, version: 1, roundId, organizationId: orgs[i]!.id, registration: { year: Number(registeredOn.slice(0, 4)), sequence },
    registeredOn, year: YEAR, status: 'inregistrata', notes: '',
    units: [{ unitId: units[i]!.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 10 + (i % 40), months,
      budgetByCategory: { personal: bani(5_000_000 + i * 1000), hrana: bani(1_500_000), investitii: bani(500_000) }, ownContribution: bani(1_000_000), otherFunding: bani(0) }],
    dossier: dossier(units[i]!.id),
  });
  const requests = orgs.map((_, i) => request(i, round.id, i + 1, ALL_YEAR, '2026-09-20'));
  const others = orgs.flatMap((_, i) => (i % 5 === 0 ? [request(i, second.id, i + 1, LATE_MONTHS, '2027-06-10')] : []));
  const values = generateDemoParameterValues(TODAY);
  await db.transaction('rw', [db.organizations, db.units, db.rounds, db.requests, db.parameterValues], async () => {
    await db.organizations.bulkAdd(orgs.map((o) => ({ ...o, searchText: o.name.toLowerCase() })));
    await db.units.bulkAdd(units.map((u) => ({ ...u, searchText: u.name.toLowerCase() })));
    await db.rounds.bulkAdd([round, second]);
    await db.requests.bulkAdd([...requests, ...others]);
    await db.parameterValues.bulkAdd(values.map((v) => ({ ...v, id: parameterValueId(v) })));
  });
  return { store, round };
}

/** Ours: what the round's list calls (requests, their NGOs and assessments). */
async function ours(store: Store, roundId: string): Promise<number> {
  const { assessments } = await loadRoundRequests(store, roundId);
  let total = 0;
  for (const a of assessments) if (a?.computation.ok) total += a.computation.total;
  return total;
}

const monthStart = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}-01`;
const monthEnd = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}-${String(new Date(Date.UTC(YEAR, m, 0)).getUTCDate()).padStart(2, '0')}`;

/** Bare: the same records read with plain Dexie, the same arithmetic in a plain loop. */
async function bare(store: Store, roundId: string): Promise<number> {
  const { db } = store;
  const requests = await db.requests.where('roundId').equals(roundId).toArray();
  const organizationIds = [...new Set(requests.map((r) => r.organizationId))];
  const wanted = new Set(organizationIds);
  const [orgs, units, ofYear, values, round] = await Promise.all([
    db.organizations.bulkGet(organizationIds),
    // The most direct bare read of a round's units: one pass over the table (anyOf with thousands of keys is quadratic in fake-indexeddb).
    db.units.filter((u) => wanted.has(u.organizationId)).toArray(),
    db.requests.where('year').equals(YEAR).toArray(),
    db.parameterValues.toArray(),
    db.rounds.get(roundId),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const active = new Set(orgs.filter((o) => o?.status === 'activ').map((o) => o!.id));
  // Months each unit is asked for, by request.
  const taken = new Map<string, { id: string; months: Set<number> }[]>();
  for (const r of ofYear) for (const l of r.units) (taken.get(l.unitId) ?? taken.set(l.unitId, []).get(l.unitId)!).push({ id: r.id, months: new Set(l.months) });
  // The level in force on each month's first day: the latest value that started by then.
  const levels = values.filter((v) => v.key === 'hcl788.nivel_mediu_lunar.centre_de_zi').sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  const levelOf = ALL_YEAR.map((m) => levels.filter((v) => v.validFrom <= monthStart(m)).at(-1)!.value as number);
  const eligible = new Set(['personal', 'hrana']);
  let total = 0;
  for (const r of requests) {
    if (!active.has(r.organizationId) || r.registeredOn > round!.submissionEnd) continue;
    if (DOSSIER_ITEMS.some((item) => !r.dossier.some((e) => e.code === item.code && e.status === 'primit' && (!e.validUntil || e.validUntil >= round!.submissionEnd)))) continue;
    for (const l of r.units) {
      const u = unitById.get(l.unitId)!;
      let byLevel = 0;
      let months = 0;
      for (const m of l.months) {
        if (!(u.licenceIssueDate! <= monthStart(m) && monthEnd(m) <= u.licenceExpiryDate!)) continue;
        if (taken.get(u.id)!.some((t) => t.id !== r.id && t.months.has(m))) continue;
        byLevel += levelOf[m - 1]! * l.beneficiariesPerMonth;
        months++;
      }
      let requested = 0;
      for (const [code, amount] of Object.entries(l.budgetByCategory)) if (eligible.has(code)) requested += amount;
      total += Math.floor(Math.min(byLevel, Math.floor((requested * months) / l.months.length)) / 100) * 100;
    }
  }
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it(`a round's assessment with the real inputs at ${SIZES.join(' / ')} requests`, async () => {
  const rows: string[] = [];
  let sink = 0;
  for (const n of SIZES) {
    const { store, round } = await seed(n);
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    const expected = await bare(store, round.id);
    const got = await ours(store, round.id);
    if (got !== expected) throw new Error(`totals differ at ${n}: ours ${got}, bare ${expected}`);
    for (let run = 0; run < RUNS; run++) {
      // Interleaved, and the order alternated, so neither side always runs on a warmer heap.
      for (const side of run % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const)) {
        const start = performance.now();
        sink += side === 'ours' ? await ours(store, round.id) : await bare(store, round.id);
        (side === 'ours' ? oursMs : bareMs).push(performance.now() - start);
      }
    }
    store.db.close();
    const fmt = (ms: number) => ms.toFixed(1).padStart(8);
    rows.push(
      `  ${String(n).padStart(5)} │ ${fmt(Math.min(...oursMs))} ${fmt(median(oursMs))} │ ${fmt(Math.min(...bareMs))} ${fmt(median(bareMs))} │ ${(median(oursMs) / median(bareMs)).toFixed(2).padStart(6)}× │ ${(median(oursMs) / n * 1000).toFixed(0).padStart(5)} µs   total ${(expected / 100).toLocaleString('ro-RO')} lei`,
    );
  }
  console.log(
    [
      `\nEvaluarea unei runde (loadRoundRequests, IndexedDB, parametrii livrați + valorile demonstrative, ${RUNS} rulări după o încălzire)`,
      '  cereri │ ours min   median │ bare min   median │  ratio │ ours/cerere',
      ...rows,
      `  (target: ≤ 3× the bare baseline, linear growth)   [sink ${sink > 0 ? 'ok' : 'empty'}]`,
    ].join('\n'),
  );
});
