import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import { matchPayments, paymentRowKey, readPaymentRow, type PaymentRow, type PaymentTarget } from '../../../src/settlements/payment-matching';

const targets: PaymentTarget[] = [
  { settlementId: 's-jan', conventionId: 'c12', conventionNumber: '12', cui: '18547290', year: 2025, month: 1, ordonantareNumber: 'ORD 101', approved: bani(1_200_000) },
  { settlementId: 's-feb', conventionId: 'c12', conventionNumber: '12', cui: '18547290', year: 2025, month: 2, ordonantareNumber: 'ORD 140', approved: bani(1_500_000) },
  { settlementId: 's-feb-b', conventionId: 'c13', conventionNumber: '13', cui: '13548146', year: 2025, month: 2, ordonantareNumber: 'ORD 141', approved: bani(900_000) },
];
const row = (n: number, over: Partial<PaymentRow>): PaymentRow => ({ row: n, date: '2025-03-05', paymentOrderNumber: `OP ${n}`, ordonantareNumber: '', cuiOrConvention: '', amount: bani(0), ...over });

describe('matching the payments made to the months approved', () => {
  it('exact: on the ordonanțare number, then on CUI + amount + month', () => {
    const result = matchPayments([
      row(2, { date: '2025-02-12', ordonantareNumber: 'ord 101', amount: bani(1_200_000) }),
      row(3, { date: '2025-03-06', cuiOrConvention: 'RO 13548146', amount: bani(900_000) }),
    ], targets, []);
    expect(result.matches.map((m) => [m.row, m.status, m.settlementId])).toEqual([[2, 'potrivita', 's-jan'], [3, 'potrivita', 's-feb-b']]);
    expect(result.matches[0]!.message).toBe('convenția nr. 12, ianuarie 2025, după nr. ordonanțării ord 101.');
    expect(result.matches[1]!.message).toContain('după CUI/convenție, sumă și lună (februarie 2025)');
    expect(result.newPayments.map((p) => [p.settlementId, p.amount])).toEqual([['s-jan', 1_200_000], ['s-feb-b', 900_000]]);
    expect(result.unmatched).toEqual([]);
  });

  it('partial: two payments of one ordonanțare, the first partial, the second completing it; a third over the approved amount is a mismatch', () => {
    const result = matchPayments([
      row(2, { ordonantareNumber: 'ORD 140', amount: bani(1_000_000) }),
      row(3, { ordonantareNumber: 'ORD 140', amount: bani(500_000) }),
      row(4, { ordonantareNumber: 'ORD 140', amount: bani(10_000) }),
    ], targets, []);
    expect(result.matches.map((m) => m.status)).toEqual(['partiala', 'potrivita', 'diferenta']);
    expect(result.matches[0]!.message).toContain('plătit 10.000,00 lei din 15.000,00 lei aprobați');
    expect(result.mismatched.map((m) => m.row)).toEqual([2, 4]);
  });

  it('duplicate: the same row twice in the file counts once', () => {
    const r = row(2, { ordonantareNumber: 'ORD 101', amount: bani(1_200_000) });
    const result = matchPayments([r, { ...r, row: 3 }], targets, []);
    expect(result.matches.map((m) => m.status)).toEqual(['potrivita', 'duplicat']);
    expect(result.newPayments).toHaveLength(1);
  });

  it('unknown CUI, and a known CUI with no month of that amount, are listed unmatched', () => {
    const result = matchPayments([
      row(2, { cuiOrConvention: '4305857', amount: bani(100_000) }),
      row(3, { cuiOrConvention: '18547290', amount: bani(777_700) }),
    ], targets, []);
    expect(result.unmatched.map((m) => [m.row, m.status])).toEqual([[2, 'cui_necunoscut'], [3, 'neidentificata']]);
    expect(result.unmatched[0]!.message).toBe('CUI-ul sau convenția „4305857” nu corespunde niciunei convenții.');
    expect(result.newPayments).toEqual([]);
  });

  it('the idempotent import: importing the same rows twice changes nothing the second time', () => {
    const rows = [row(2, { ordonantareNumber: 'ORD 101', amount: bani(1_200_000) }), row(3, { ordonantareNumber: 'ORD 140', amount: bani(1_000_000) })];
    const first = matchPayments(rows, targets, []);
    const second = matchPayments(rows.map((r) => ({ ...r, row: r.row + 10 })), targets, first.newPayments);
    expect(second.newPayments).toEqual([]);
    expect(second.matches.map((m) => m.status)).toEqual(['deja_importata', 'deja_importata']);
    // The key does not depend on spelling: "RO 185 472 90" and "18547290" are the same beneficiary.
    expect(paymentRowKey({ ...rows[0]!, cuiOrConvention: 'RO 185 472 90' })).toBe(paymentRowKey({ ...rows[0]!, cuiOrConvention: '18547290' }));
  });

  it('reads a raw exported row, refusing bad dates and amounts in Romanian', () => {
    expect(readPaymentRow(2, { date: '05.03.2025', paymentOrderNumber: 'OP 9', ordonantareNumber: 'ORD 140', cuiOrConvention: '18547290', amount: '15.000,00' })).toEqual({
      ok: true, value: { row: 2, date: '2025-03-05', paymentOrderNumber: 'OP 9', ordonantareNumber: 'ORD 140', cuiOrConvention: '18547290', amount: 1_500_000 },
    });
    expect(readPaymentRow(3, { date: '31.02.2025', paymentOrderNumber: '', ordonantareNumber: '', cuiOrConvention: '1', amount: 1 }).ok).toBe(false);
    expect(readPaymentRow(4, { date: '05.03.2025', paymentOrderNumber: 'OP', ordonantareNumber: '', cuiOrConvention: '1', amount: 'zece' })).toEqual({ ok: false, message: 'Rândul 4: suma „zece” nu este o sumă pozitivă în lei.' });
  });
});
