// A year of monthly settlements: 200 conventions × 12 months (2,400 months) × 20 expense lines,
// every amount due computed with its explanation and the reconciliation built, against a plain
// loop doing the same arithmetic bare. Runs interleaved (ours, bare, ours, …) after a warm-up;
// prints min and median of each and their ratio. The second test writes that year's
// reconciliation workbook against bare exceljs writing the same cells.
import ExcelJS from 'exceljs';
import { it } from 'vitest';
import { termsForMonth, termsInForce } from '../src/conventions/amendments';
import { unitCeilingForMonth, type Convention } from '../src/conventions/convention';
import { bani, type Bani } from '../src/money';
import type { Month } from '../src/requests/subsidy-request';
import { emptySettlement, type ExpenseLine, type MonthlySettlement } from '../src/settlements/monthly-settlement';
import { buildClaimIndex, computeMonthlyDue, verificationOf } from '../src/settlements/monthly-subsidy-due';
import type { RecordedPayment } from '../src/settlements/payment-matching';
import { reconcile, type ReconciledConvention, type Reconciliation, type Totals } from '../src/settlements/reconciliation';
import { MONTH_NAMES } from '../src/requests/subsidy-request';
import { defaultInstitutionSettings } from '../src/settings/institution';
import { LEI_FORMAT } from '../templates/xlsx/common';
import { RECONCILIATION_COLUMNS, renderReconciliationXlsx } from '../templates/xlsx/reconciliation';
import { interleaved, printTable, summary } from './web/timing';
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

// The reconciliation workbook of that year (2,400 rows, totals per NGO, category and budget line,
// exceptions) written with renderReconciliationXlsx, against bare exceljs writing the same cells
// (same values, the lei number format per column, the same SUM formulas) without the heading,
// styles, protection and print setup.
const LEI_COLUMNS_ROWS = [6, 7, 8, 9, 10, 11, 12, 13, 14];

function yearReconciliation(): Reconciliation {
  const verified: MonthlySettlement[] = [];
  const claims = buildClaimIndex(settlements.map((s) => ({ ...s, conventionNumber: numberOf.get(s.conventionId)! })));
  for (let ci = 0; ci < CONVENTIONS; ci++) {
    const c = conventions[ci]!;
    let admitted = 0;
    for (let m = 1; m <= 12; m++) {
      const s = settlements[ci * 12 + m - 1]!;
      const result = computeMonthlyDue({ terms: termsForMonth(c, [], m as Month), conventionNumber: c.number, settlement: s, rules, previouslyAdmitted: admitted as Bani, claims, isExplained: false });
      if (!result.ok) throw new Error(result.message);
      admitted += result.value.amount;
      verified.push({ ...s, state: m % 3 === 0 ? 'verificat' : 'platit', verification: { ...verificationOf(result.value), by: 'b', at: '' } });
    }
  }
  const payments: RecordedPayment[] = verified.filter((s) => s.state === 'platit').map((s, i) => ({ key: `p${i}`, settlementId: s.id, conventionId: s.conventionId, date: '2025-12-01', paymentOrderNumber: `OP${i}`, amount: s.verification!.admitted, row: i + 2 }));
  const reconciled: ReconciledConvention[] = conventions.map((c) => ({ conventionId: c.id, number: c.number, organizationId: c.provider.organizationId, organizationName: `${c.provider.name} ${c.provider.organizationId}`, budgetLine: '68.02.59.11', submissionDay: 10, termsByMonth: (m) => termsForMonth(c, [], m), finalTerms: termsInForce(c, [], '2025-12-31') }));
  return reconcile({ year: 2025, asOf: '2026-01-31', conventions: reconciled, settlements: verified, payments });
}

/** (a) Every month's due with its explanation, each limit cited (no verification records, no reconciliation). */
function duesOnly(): number {
  const claims = buildClaimIndex(settlements.map((s) => ({ ...s, conventionNumber: numberOf.get(s.conventionId)! })));
  let total = 0;
  for (let ci = 0; ci < CONVENTIONS; ci++) {
    const c = conventions[ci]!;
    let admitted = 0;
    const used: Record<string, Record<string, Bani>> = {};
    for (let m = 1; m <= 12; m++) {
      const s = settlements[ci * 12 + m - 1]!;
      const result = computeMonthlyDue({ terms: termsForMonth(c, [], m as Month), conventionNumber: c.number, settlement: s, rules, previouslyAdmitted: admitted as Bani, previouslyUsed: used, claims });
      if (!result.ok) throw new Error(result.message);
      for (const line of result.value.lines) {
        const cat = s.expenses.find((e) => e.id === line.lineId)!.category;
        const unitUsed = (used[line.unitId] ??= {});
        unitUsed[cat] = (unitUsed[cat] ?? 0) + line.admitted as Bani;
      }
      admitted += result.value.amount;
      total += result.value.amount;
    }
  }
  return total;
}

async function bareWorkbook(r: Reconciliation): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Reconciliere');
  sheet.addRow(RECONCILIATION_COLUMNS.map((c) => c.header));
  for (const i of LEI_COLUMNS_ROWS) sheet.getColumn(i).numFmt = LEI_FORMAT;
  r.rows.forEach((x, i) => sheet.addRow([i + 1, x.conventionNumber, x.organizationName, `${MONTH_NAMES[x.month - 1]} 2025`, x.state, x.contracted / 100, x.claimed / 100, x.admitted / 100, x.refused / 100, x.approved / 100, x.paid / 100, x.difference / 100, x.cumulativePaid / 100, x.remaining / 100, null]));
  const last = r.rows.length + 1;
  sheet.addRow([null, null, 'Total', null, null, ...['F', 'G', 'H', 'I', 'J', 'K', 'L'].map((l) => ({ formula: `SUM(${l}2:${l}${last})` }))]);
  const totals = (name: string, lines: { label: string; values: number[] }[]) => {
    const s = workbook.addWorksheet(name);
    s.addRow(['', 'Contractat', 'Solicitat', 'Admis', 'Refuzat', 'Aprobat', 'Plătit', 'Observații']);
    for (let i = 2; i <= 7; i++) s.getColumn(i).numFmt = LEI_FORMAT;
    for (const l of lines) s.addRow([l.label, ...l.values, null]);
    s.addRow(['Total', ...['B', 'C', 'D', 'E', 'F', 'G'].map((c) => ({ formula: `SUM(${c}2:${c}${lines.length + 1})` }))]);
  };
  const values = (t: Totals) => [t.contracted / 100, t.claimed / 100, t.admitted / 100, t.refused / 100, t.approved / 100, t.paid / 100];
  totals('Pe furnizori', r.byOrganization.map((o) => ({ label: o.organizationName, values: values(o) })));
  totals('Pe categorii de servicii', r.byServiceCategory.map((c) => ({ label: c.serviceCategory, values: [c.contracted / 100, c.admitted / 100] })));
  totals('Pe linii bugetare', r.byBudgetLine.map((l) => ({ label: l.budgetLine, values: values(l) })));
  const exceptions = workbook.addWorksheet('Excepții');
  exceptions.addRow(['Nr.', 'Tipul', 'Convenția', 'Luna', 'Suma', 'Descrierea', 'Observații']);
  exceptions.getColumn(5).numFmt = LEI_FORMAT;
  r.exceptions.forEach((e, i) => exceptions.addRow([i + 1, e.kind, e.conventionNumber, e.month ?? '', e.amount / 100, e.message, null]));
  return (await workbook.xlsx.writeBuffer()).byteLength;
}

it(`the reconciliation workbook of that year: ${CONVENTIONS * 12} rows`, async () => {
  const started = performance.now();
  const r = yearReconciliation();
  const context = { year: 2025, settings: defaultInstitutionSettings(), generatedOn: '2026-01-31' };
  const timed = (fn: () => Promise<unknown>) => async () => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const { appMs, bareMs } = await interleaved(timed(() => renderReconciliationXlsx(r, context)), timed(() => bareWorkbook(r)), 5);
  const dueMs: number[] = [];
  const bareDueMs: number[] = [];
  if (duesOnly() !== bare()) throw new Error('dues differ from the bare arithmetic');
  const dues = await interleaved(timed(async () => duesOnly()), timed(async () => bare()), 3);
  dueMs.push(...dues.appMs);
  bareDueMs.push(...dues.bareMs);
  printTable(`A year of settlements (${CONVENTIONS} conventions, ${CONVENTIONS * 12} months, ${CONVENTIONS * 12 * LINES} expense lines)`, [
    { job: 'all dues, explained (computeMonthlyDue)', size: `${CONVENTIONS * 12} months`, app: summary(dueMs), baseline: summary(bareDueMs), goal: 'bare arithmetic, same limits' },
    { job: 'reconciliation workbook (exceljs)', size: `${r.rows.length} rows`, app: summary(appMs), baseline: summary(bareMs), goal: '≤ 1.5× bare exceljs, same cells' },
  ]);
  const oneOfEach = summary(dueMs).median + summary(appMs).median;
  console.log(`  one computation and one workbook: ${(oneOfEach / 1000).toFixed(2)} s (target < 10 s); this benchmark ran ${((performance.now() - started) / 1000).toFixed(1)} s`);
});
