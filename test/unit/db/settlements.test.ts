import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { bani } from '../../../src/money';
import { unit1 } from '../conventions/fixtures';
import { freshStore } from './helpers';
import { financeStore, line, verifiedMonth } from './finance-fixture';

describe('settlements repository', () => {
  it('freezes the verification: 25 × 600 lei limited by 10.000 lei of paid expenses; an ineligible line is refused with its reason', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    const s = await verifiedMonth(store, c, 1, [line(1, 10_000), line(1, 800, { category: 'alcool', documentType: 'factura', supplier: 'SC Vinuri SRL' })]);
    expect(s.state).toBe('verificat');
    expect(s.verification).toMatchObject({ claimed: bani(1_080_000), admitted: bani(1_000_000), refused: bani(80_000), admittedByUnit: { [unit1.id]: bani(1_000_000) } });
    expect(s.verification!.usedByCategory).toEqual({ [unit1.id]: { personal: bani(1_000_000) } });
    expect(s.verification!.explanation.join('\n')).toMatch(/categoria „alcool” nu este eligibilă/);
    expect(s.isLate).toBe(false);
    const audit = await auditFor(store.db, 'settlements', s.id);
    expect(audit.map((a) => a.action)).toEqual(['creare', 'modificare', 'modificare', 'modificare']);
  });

  it('a refused line names the category as the parameters in force that month list it, not by its code', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    const s = await verifiedMonth(store, c, 1, [line(1, 10_000), line(1, 500, { category: 'chirie', documentType: 'factura', supplier: 'Imobiliara SRL' })]);
    expect(s.verification!.explanation.join('\n')).toMatch(/categoria „Chirie” nu este eligibilă în convenție/);
    expect(s.verification!.explanation.join('\n')).not.toMatch(/„chirie”/);
  });

  it('a verified month cannot be edited; the correction is an adjustment recorded in a later month', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    const january = await verifiedMonth(store, c, 1, [line(1, 10_000)]);
    await expect(store.settlements.editSettlement(january.id, { expenses: [] }, january.version)).rejects.toThrow(/verificată este blocată/);
    expect(await store.settlements.get(january.id)).toEqual(january);

    let february = await store.settlements.createDraft(c.id, 2);
    february = await store.settlements.recordAdjustment(february.id, { correctedMonth: 1, amount: bani(-50_000), reason: 'stat de plată decontat în plus' }, february.version);
    expect(february.adjustments).toMatchObject([{ month: 1, amount: bani(-50_000), reason: 'stat de plată decontat în plus' }]);
    february = await store.settlements.editSettlement(february.id, { beneficiaries: [{ unitId: unit1.id, count: 25 }], expenses: [line(2, 20_000)] }, february.version);
    february = await store.settlements.submitSettlement(february.id, { on: '2025-03-05' }, february.version);
    february = await store.settlements.verifySettlement(february.id, february.version);
    // Ceiling 15.000 lei (level 25 × 600 lei = 15.000 lei) minus the 500 lei correction.
    expect(february.verification!.admitted).toBe(bani(1_450_000));
    expect(await store.settlements.get(january.id)).toEqual(january);
  });

  it('one settlement per convention and month; a stale version is a conflict', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    const s = await store.settlements.createDraft(c.id, 3);
    await expect(store.settlements.createDraft(c.id, 3)).rejects.toThrow(/există deja/);
    await store.settlements.editSettlement(s.id, { beneficiaries: [{ unitId: unit1.id, count: 20 }] }, s.version);
    await expect(store.settlements.editSettlement(s.id, { beneficiaries: [{ unitId: unit1.id, count: 21 }] }, s.version)).rejects.toThrow(/modificat între timp/);
    expect((await store.settlements.get(s.id))!.beneficiaries[0]!.count).toBe(20);
  });

  it('refuses a document claimed in an earlier month and flags a late submission', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    const first = line(1, 5_000, { documentNumber: 'F-100', supplier: 'SC Alimente SRL', category: 'hrana', documentType: 'factura' });
    await verifiedMonth(store, c, 1, [first]);
    let s = await store.settlements.createDraft(c.id, 2);
    s = await store.settlements.editSettlement(s.id, { beneficiaries: [{ unitId: unit1.id, count: 25 }], expenses: [{ ...first, id: 'again', documentDate: '2025-02-03', proof: { kind: 'ordin_plata', number: 'OP 9', date: '2025-02-04' } }] }, s.version);
    s = await store.settlements.submitSettlement(s.id, { on: '2025-03-20' }, s.version);
    expect(s.isLate).toBe(true);
    s = await store.settlements.verifySettlement(s.id, s.version);
    expect(s.verification!.admitted).toBe(bani(0));
    expect(s.verification!.explanation.join('\n')).toMatch(/a mai fost decontat \(convenția nr\. 12, Ianuarie 2025\)/i);
  });

  it('refuses approval while the unit licence is not valid that month, with the reason, and approves once it is renewed', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    const march = await verifiedMonth(store, c, 3, [line(3, 9_000)]);
    await store.db.units.update(unit1.id, { licenceExpiryDate: '2025-03-15' });
    const approve = () => store.settlements.approveSettlement(march.id, { ordonantareNumber: 'ORD 31', ordonantareDate: '2025-04-10' }, march.version);
    expect(await store.settlements.suspensionReasons(march)).toEqual([expect.stringMatching(/a expirat la 15\.03\.2025/)]);
    await expect(approve()).rejects.toThrow(/suspendată: licența unității „Centrul de zi Speranța” a expirat la 15\.03\.2025/);
    expect((await store.settlements.get(march.id))!.state).toBe('verificat');
    await store.db.units.update(unit1.id, { licenceExpiryDate: '2030-01-01' });
    const approved = await approve();
    expect(approved).toMatchObject({ state: 'aprobat', approval: { ordonantareNumber: 'ORD 31', ordonantareDate: '2025-04-10' } });
  });

  it('a rejected month is reworked as a draft and its documents no longer count as claimed', async () => {
    const store = await freshStore();
    const c = await financeStore(store);
    let s = await store.settlements.createDraft(c.id, 4);
    s = await store.settlements.editSettlement(s.id, { beneficiaries: [{ unitId: unit1.id, count: 25 }], expenses: [line(4, 1_000)] }, s.version);
    s = await store.settlements.submitSettlement(s.id, { on: '2025-05-02' }, s.version);
    await expect(store.settlements.rejectSettlement(s.id, { reason: ' ' }, s.version)).rejects.toThrow(/Motivul respingerii lipsește/);
    s = await store.settlements.rejectSettlement(s.id, { reason: 'lipsesc copiile documentelor' }, s.version);
    expect(s).toMatchObject({ state: 'respins', rejection: { reason: 'lipsesc copiile documentelor' } });
    s = await store.settlements.reworkRejected(s.id, s.version);
    expect(s.state).toBe('ciorna');
    expect(s.history.map((h) => h.to)).toEqual(['depus', 'respins', 'ciorna']);
  });

  it('a month outside the convention period has no settlement', async () => {
    const store = await freshStore();
    const c = await financeStore(store, { firstMonth: 7 });
    await expect(store.settlements.createDraft(c.id, 6)).rejects.toThrow(/nu este în perioada convenției nr\. 12/);
    expect(await store.db.settlements.count()).toBe(0);
  });
});
