import { describe, expect, it } from 'vitest';
import type { DbStore } from '../../../renderer/db/store';
import type { Convention } from '../../../src/conventions/convention';
import { bani } from '../../../src/money';
import { stamp } from '../../../src/entity';
import { termsInForce } from '../../../src/conventions/amendments';
import { paymentPlan } from '../../../src/conventions/payment-plan';
import type { PaymentRow } from '../../../src/settlements/payment-matching';
import { yearEndStatement } from '../../../src/settlements/reconciliation';
import { org } from '../conventions/fixtures';
import { expectAllOrNothing } from './fault-injection';
import { financeStore, line, verifiedMonth } from './finance-fixture';
import { freshStore } from './helpers';

async function approvedMonths(store: DbStore): Promise<Convention> {
  const c = (await store.db.conventions.toArray())[0] ?? (await financeStore(store));
  for (const month of [1, 2] as const) {
    const s = await verifiedMonth(store, c, month, [line(month, 12_000)]);
    await store.settlements.approveSettlement(s.id, { ordonantareNumber: `ORD ${month}`, ordonantareDate: `2025-0${month + 1}-10` }, s.version);
  }
  return c;
}

const rows: PaymentRow[] = [
  { row: 2, date: '2025-02-12', paymentOrderNumber: 'OP 501', ordonantareNumber: 'ORD 1', cuiOrConvention: org.cui, amount: bani(1_200_000) },
  { row: 3, date: '2025-03-12', paymentOrderNumber: 'OP 502', ordonantareNumber: '', cuiOrConvention: org.cui, amount: bani(700_000) },
  { row: 4, date: '2025-03-13', paymentOrderNumber: 'OP 503', ordonantareNumber: '', cuiOrConvention: '99999999', amount: bani(100_000) },
];

describe('payments repository', () => {
  it('records the matched rows, marks the fully paid month paid and keeps the rest on the import record', async () => {
    const store = await freshStore();
    await approvedMonths(store);
    const outcome = await store.payments.recordImport({ fileName: 'plati.xlsx', sha256: 'abc', rows });
    expect(outcome.newCount).toBe(1);
    expect(outcome.matches.map((m) => m.status)).toEqual(['potrivita', 'neidentificata', 'cui_necunoscut']);
    expect(outcome.message).toBe('A fost înregistrată 1 plată din 3 rânduri; 2 rânduri nu au fost înregistrate (vezi raportul); 1 decont marcat plătit.');
    const [january, february] = (await store.settlements.listByYear(2025)).sort((a, b) => a.month - b.month);
    expect(january).toMatchObject({ state: 'platit', payment: { paymentOrderNumber: 'OP 501', date: '2025-02-12' } });
    expect(february!.state).toBe('aprobat');
    const [record] = await store.payments.imports();
    expect(record!.unmatched.map((u) => u.row)).toEqual([3, 4]);
    expect(await store.payments.listBySettlement(january!.id)).toMatchObject([{ amount: bani(1_200_000), ordonantareNumber: 'ORD 1', year: 2025, month: 1, importId: record!.id }]);
  });

  it('keeps the payment plan in step: the approved month\'s instalment is approved with the admitted amount, then paid by the import', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    await store.db.instalments.bulkAdd(paymentPlan(termsInForce(c, [], '2025-12-31')).map((i) => stamp(i)));
    await approvedMonths(store);
    const january = () => store.db.instalments.where('[conventionId+month]').equals([c.id, 1]).first();
    expect(await january()).toMatchObject({ state: 'aprobata', amount: bani(1_200_000) });
    await store.payments.recordImport({ fileName: 'plati.xlsx', sha256: 'abc', rows });
    expect(await january()).toMatchObject({ state: 'platita', amount: bani(1_200_000), paymentOrderNumber: 'OP 501' });
    expect((await january())!.history.map((h) => h.to)).toEqual(['aprobata', 'platita']);
    expect((await store.db.instalments.where('[conventionId+month]').equals([c.id, 2]).first())!.state).toBe('aprobata');
  });

  it('importing the same file a second time adds nothing and says so', async () => {
    const store = await freshStore();
    await approvedMonths(store);
    await store.payments.recordImport({ fileName: 'plati.xlsx', sha256: 'abc', rows });
    const before = { payments: await store.db.payments.toArray(), imports: await store.db.paymentImports.toArray(), settlements: await store.db.settlements.toArray(), audit: await store.db.audit.count() };
    const again = await store.payments.recordImport({ fileName: 'plati.xlsx', sha256: 'abc', rows });
    expect(again.newCount).toBe(0);
    expect(again.record).toBeUndefined();
    expect(again.matches[0]!.status).toBe('deja_importata');
    expect(again.message).toMatch(/a mai fost importat la .*nu s-a adăugat nicio plată/);
    expect({ payments: await store.db.payments.toArray(), imports: await store.db.paymentImports.toArray(), settlements: await store.db.settlements.toArray(), audit: await store.db.audit.count() }).toEqual(before);
  });

  it('a partial payment leaves the month approved; the rest of it completes the payment', async () => {
    const store = await freshStore();
    await approvedMonths(store);
    await store.payments.recordImport({ fileName: 'a.csv', sha256: 'a', rows: [{ ...rows[0]!, amount: bani(200_000) }] });
    let january = (await store.settlements.listByYear(2025)).find((s) => s.month === 1)!;
    expect(january.state).toBe('aprobat');
    await store.payments.recordImport({ fileName: 'b.csv', sha256: 'b', rows: [{ ...rows[0]!, row: 7, date: '2025-02-20', paymentOrderNumber: 'OP 777', amount: bani(1_000_000) }] });
    january = (await store.settlements.get(january.id))!;
    expect(january).toMatchObject({ state: 'platit', payment: { paymentOrderNumber: 'OP 777', date: '2025-02-20' } });
  });

  it('a failed import changes nothing, whichever write fails', async () => {
    const writes = await expectAllOrNothing(
      async (store) => { await approvedMonths(store); },
      (store) => store.payments.recordImport({ fileName: 'plati.xlsx', sha256: 'abc', rows }),
      (actual, expected, message) => expect(actual, message).toEqual(expected),
    );
    expect(writes).toBeGreaterThanOrEqual(4);
  });

  it('records a recovery from the year-end statement and its repayments', async () => {
    const store = await freshStore();
    const c = await approvedMonths(store);
    const statement = { ...yearEndStatement({ conventionId: c.id, number: c.number, finalTerms: { ...c, conventionId: c.id, originalAmount: c.amount, applied: [] } }, []), paid: bani(300_000), toReturn: bani(300_000) };
    await expect(store.payments.recoveries.create({ statement, year: 2025, reason: '', dueDate: '2026-01-31' })).rejects.toThrow(/Motivul recuperării lipsește/);
    const record = await store.payments.recoveries.create({ statement, year: 2025, reason: 'plătit peste suma admisă', dueDate: '2026-01-31' });
    expect(record).toMatchObject({ amount: bani(300_000), dueDate: '2026-01-31', year: 2025 });
    await expect(store.payments.recoveries.create({ statement, year: 2025, reason: 'a doua oară', dueDate: '2026-01-31' })).rejects.toThrow(/există deja/);
    const repaid = await store.payments.recoveries.recordRepayment(record.id, { on: '2026-01-20', amount: bani(100_000) }, record.version);
    expect(repaid).toMatchObject({ paidAmount: bani(100_000), paidOn: '2026-01-20', version: 2 });
    await expect(store.payments.recoveries.recordRepayment(record.id, { on: '2026-01-21', amount: bani(300_000) }, repaid.version)).rejects.toThrow(/depășește/);
  });
});
