// A year of monthly settlements: 200 conventions × 12 months (2,400 months) × 20 expense lines,
// every amount due computed with its explanation and the reconciliation built, against a plain
// loop doing the same arithmetic bare. Runs interleaved (ours, bare, ours, …) after a warm-up;
// prints min and median of each and their ratio.
import { it } from 'vitest';
import { termsForMonth, termsInForce } from '../src/conventions/amendments';
import { unitCeilingForMonth, type Convention } from '../src/conventions/convention';
import { bani, type Bani } from '../src/money';
import type { Month } from '../src/requests/subsidy-request';
import { emptySettlement, type ExpenseLine, type MonthlySettlement } from '../src/settlements/monthly-settlement';
import { buildClaimIndex, computeMonthlyDue, verificationOf } from '../src/settlements/monthly-subsidy-due';
import { reconcile, type ReconciledConvention } from '../src/settlements/reconciliation';
import { valid } from '../src/validation/result';
import { convention as baseConvention } from '../test/unit/conventions/fixtures';

const CONVENTIONS = 200;
const LINES = 20;
const LEVEL = 60_000;
const CATEGORIES = ['personal', 'hrana', 'utilitati'];
const rules = { monthlyLevel: () => valid({ amount: bani(LEVEL), source: 'bench' }) };

const base = baseConvention();
const conventions: Convention[] = Array.from({ length: CONVENTIONS }, (_, i) => ({ ...base, id: `c${i}`, number: String(i + 1), provider: { ...base.provider, organizationId: `o${i % 150}` } }));
const settlements: MonthlySettlement[] = [];
for (const c of conventions) {
  for (let m = 1; m <= 12; m++) {
    const month = m as Month;
    const mm = String(m).padStart(2, '0');
    const expenses: ExpenseLine[] = Array.from({ length: LINES }, (_, l) => ({
      id: `${c.id}-${m}-${l}`, unitId: c.units[0]!.unitId, category: l === 19 ? 'investitii' : CATEGORIES[l % 3]!, documentType: 'factura',
      documentNumber: `F${c.id}-${m}-${l}`, documentDate: `2025-${mm}-15`, supplier: `Furnizor ${l}`, amount: bani(40_000 + ((l * 7919 + m * 104_729) % 60_000)),
      proof: l === 18 ? undefined : { kind: 'ordin_plata', number: `OP${l}`, date: `2025-${mm}-20` },
    }));
    settlements.push({ ...emptySettlement(c.id, 2025, month), id: `${c.id}-${m}`, createdAt: '', updatedAt: '', version: 1, state: 'depus', beneficiaries: [{ unitId: c.units[0]!.unitId, count: 18 + ((m + Number(c.id.slice(1))) % 10) }], expenses });
  }
}
const numberOf = new Map(conventions.map((c) => [c.id, c.number]));

function ours(): number {
  const claims = buildClaimIndex(settlements.map((s) => ({ ...s, conventionNumber: numberOf.get(s.conventionId)! })));
  let total = 0;
  const verified: MonthlySettlement[] = [];
  for (let ci = 0; ci < CONVENTIONS; ci++) {
    const c = conventions[ci]!;
    let admitted = 0;
    const used: Record<string, Record<string, Bani>> = {};
    for (let m = 1; m <= 12; m++) {
      const s = settlements[ci * 12 + m - 1]!;
      const result = computeMonthlyDue({ terms: termsForMonth(c, [], m as Month), conventionNumber: c.number, settlement: s, rules, previouslyAdmitted: admitted as Bani, previouslyUsed: used, claims, standing: { accreditedOn: '2015-01-01' } });
      if (!result.ok) throw new Error(result.message);
      const due = result.value;
      for (const line of due.lines) {
        const cat = s.expenses.find((e) => e.id === line.lineId)!.category;
        const unitUsed = (used[line.unitId] ??= {});
        unitUsed[cat] = (unitUsed[cat] ?? 0) + line.admitted as Bani;
      }
      admitted += due.amount;
      total += due.amount;
      verified.push({ ...s, state: 'verificat', verification: { ...verificationOf(due), by: 'b', at: '' } });
    }
  }
  const reconciled: ReconciledConvention[] = conventions.map((c) => ({ conventionId: c.id, number: c.number, organizationId: c.provider.organizationId, organizationName: c.provider.name, budgetLine: '68.02.59.11', submissionDay: 10, termsByMonth: (m) => termsForMonth(c, [], m), finalTerms: termsInForce(c, [], '2025-12-31') }));
  const r = reconcile({ year: 2025, asOf: '2026-01-31', conventions: reconciled, settlements: verified, payments: [] });
  if (r.total.admitted !== total) throw new Error('reconciliation total differs');
  return total;
}

// The same rules, bare: per line eligible category, proof, within budget; per month min(level × served, expenses, ceiling, remaining).
function bare(): number {
  let total = 0;
  const budget = base.units[0]!.expenseBudget;
  for (let ci = 0; ci < CONVENTIONS; ci++) {
    const c = conventions[ci]!;
    const unit = c.units[0]!;
    let admitted = 0;
    const used: Record<string, number> = {};
    for (let m = 1; m <= 12; m++) {
      const s = settlements[ci * 12 + m - 1]!;
      let expenses = 0;
      for (const line of s.expenses) {
        const b = budget[line.category];
        if (b === undefined || !line.proof) continue;
        const take = Math.max(0, Math.min(line.amount, b - (used[line.category] ?? 0)));
        used[line.category] = (used[line.category] ?? 0) + take;
        expenses += take;
      }
      const due = Math.min(LEVEL * s.beneficiaries[0]!.count, expenses, unitCeilingForMonth(unit, m as Month), c.amount - admitted);
      admitted += due;
      total += due;
    }
  }
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it(`a year of settlements: ${CONVENTIONS} conventions × 12 months × ${LINES} lines`, () => {
  const expected = bare();
  if (ours() !== expected) throw new Error(`ours ${ours()} ≠ bare ${expected}`);
  for (let i = 0; i < 2; i++) { ours(); bare(); }
  const oursMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now(); ours(); oursMs.push(performance.now() - t);
    t = performance.now(); bare(); bareMs.push(performance.now() - t);
  }
  const line = (label: string, xs: number[]) => `  ${label.padEnd(62)} min ${Math.min(...xs).toFixed(2).padStart(9)} ms   median ${median(xs).toFixed(2).padStart(9)} ms`;
  console.log([
    `\nMonthly settlements, ${CONVENTIONS * 12} months, ${CONVENTIONS * 12 * LINES} expense lines (interleaved, 2 warm-up rounds, 7 measured)`,
    line('amounts due explained + verification records + reconciliation', oursMs),
    line('bare arithmetic (same limits, no explanation, no reconciliation)', bareMs),
    `  ratio ${(Math.min(...oursMs) / Math.min(...bareMs)).toFixed(1)}× (min), ${(median(oursMs) / median(bareMs)).toFixed(1)}× (median)`,
  ].join('\n'));
});
