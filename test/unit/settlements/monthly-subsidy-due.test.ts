import { describe, expect, it } from 'vitest';
import { termsForMonth, type Amendment } from '../../../src/conventions/amendments';
import { bani } from '../../../src/money';
import type { Month } from '../../../src/requests/subsidy-request';
import {
  approveSettlement, editSettlement, emptySettlement, nominalEntry, recordAdjustment, submitSettlement, verifySettlement,
  type ExpenseLine, type MonthlySettlement,
} from '../../../src/settlements/monthly-settlement';
import { buildClaimIndex, computeMonthlyDue, documentKey, OTHER_EXPENSE_CATEGORY, persons, verificationOf, type DueInput, type MonthlyDue } from '../../../src/settlements/monthly-subsidy-due';
import { valid } from '../../../src/validation/result';
import { convention, rules, unit1 } from '../conventions/fixtures';

const conv = convention();
let lineNo = 0;
function line(amount: number, over: Partial<ExpenseLine> = {}): ExpenseLine {
  lineNo++;
  return {
    id: `l${lineNo}`, unitId: unit1.id, category: 'personal', documentType: 'stat_plata', documentNumber: `SP-${lineNo}`, documentDate: '2025-03-31',
    supplier: 'Asociația Speranța', amount: bani(amount), proof: { kind: 'ordin_plata', number: `OP ${lineNo}`, date: '2025-03-31' }, ...over,
  };
}
function settlement(month: Month, served: number, expenses: ExpenseLine[], over: Partial<MonthlySettlement> = {}): MonthlySettlement {
  return { ...emptySettlement(conv.id, 2025, month), id: `s${month}`, createdAt: '', updatedAt: '', version: 1, beneficiaries: [{ unitId: unit1.id, count: served }], expenses, ...over };
}
function due(s: MonthlySettlement, over: Partial<DueInput> = {}, amendments: Amendment[] = []): MonthlyDue {
  const result = computeMonthlyDue({ terms: termsForMonth(conv, amendments, s.month), conventionNumber: conv.number, settlement: s, rules, previouslyAdmitted: bani(0), ...over });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('the amount due for a month (persons × level, expenses, ceiling, remaining amount)', () => {
  it('fewer beneficiaries than contracted: 20 of 25 served × 600 lei = 12.000 lei, although 16.000 lei are documented', () => {
    const d = due(settlement(3, 20, [line(1_600_000)]));
    expect(d.units[0]).toMatchObject({ served: 20, byLevel: 1_200_000, byExpenses: 1_600_000, ceiling: 1_500_000, amount: 1_200_000 });
    expect(d.amount).toBe(1_200_000);
    expect(d.units[0]!.steps[0]).toMatchObject({ detail: '20 de beneficiari × 600,00 lei (contractați: 25)', source: 'Legea 34/1998, art. 2 alin. (1); HCL 788/2022 (valoare de test)' });
  });

  it('expenses below the level: 25 served would give 15.000 lei, but only 9.500 lei are documented and paid', () => {
    const d = due(settlement(3, 25, [line(700_000), line(250_000, { category: 'hrana', documentType: 'factura', supplier: 'Metro SRL' })]));
    expect(d.amount).toBe(950_000);
    expect(d.units[0]!.steps.map((s) => s.result)).toEqual([1_500_000, 950_000, 1_500_000, 950_000]);
  });

  it('a month over the remaining amount: 172.000 of 180.000 lei already admitted leaves 8.000 lei', () => {
    const d = due(settlement(12, 25, [line(1_500_000, { documentDate: '2025-12-20', proof: { kind: 'extras_cont', number: 'EX 12', date: '2025-12-22' } })]), { previouslyAdmitted: bani(17_200_000) });
    expect(d.units[0]!.amount).toBe(1_500_000);
    expect(d.amount).toBe(800_000);
    expect(d.steps.at(-1)!.detail).toBe('limitată la suma rămasă din convenție');
  });

  it('an ineligible expense is refused with its reason, the rest admitted', () => {
    const d = due(settlement(3, 25, [line(1_000_000), line(200_000, { category: 'investitii', documentType: 'factura', supplier: 'Dedeman SRL' })]));
    expect(d.lines[1]).toMatchObject({ admitted: 0, refused: 200_000, reason: 'categoria „investitii” nu este eligibilă în convenție' });
    expect([d.claimed, d.refused, d.amount]).toEqual([1_200_000, 200_000, 1_000_000]);
  });

  it('a refused line names the category by its name in the parameters, and the one outside the convention by its own name', () => {
    const categoryLabels = new Map([['investitii', 'Cheltuieli de investiții'], ['hrana', 'Hrană pentru beneficiari']]);
    const d = due(settlement(3, 25, [
      line(200_000, { category: 'investitii', documentType: 'factura', supplier: 'Dedeman SRL' }),
      line(100_000, { category: OTHER_EXPENSE_CATEGORY, documentType: 'factura', supplier: 'Altex SRL' }),
      line(200_000, { category: 'hrana', documentType: 'factura', supplier: 'Metro SRL' }),
    ]), { categoryLabels, previouslyUsed: { [unit1.id]: { hrana: bani(3_700_000) } } });
    expect(d.lines.map((l) => l.reason)).toEqual([
      'categoria „Cheltuieli de investiții” nu este eligibilă în convenție',
      'categoria „Alte cheltuieli (neprevăzute în convenție)” nu este eligibilă în convenție',
      'depășește bugetul categoriei „Hrană pentru beneficiari” din convenție (rămas 895,00 lei)',
    ]);
  });

  it('refuses a document outside the month, one without proof of payment, and cash paid without the cash-register entry', () => {
    const d = due(settlement(3, 25, [
      line(100_000, { documentDate: '2025-02-27' }),
      line(100_000, { proof: undefined }),
      line(100_000, { proof: { kind: 'dispozitie_plata', number: 'DP 3', date: '2025-03-10' } }),
      line(100_000, { proof: { kind: 'dispozitie_plata', number: 'DP 4', date: '2025-03-10', cashRegisterEntry: 'RC martie, poz. 7' } }),
    ]));
    expect(d.lines.map((l) => l.reason)).toEqual([
      'documentul din 27.02.2025 este în afara lunii decontate',
      'lipsește dovada plății (ordin de plată, extras de cont sau dispoziție de plată)',
      'plata în numerar nu are înregistrarea în registrul de casă',
      undefined,
    ]);
    expect(d.amount).toBe(100_000);
  });

  it('a document claimed twice: the same invoice and supplier (written differently) in another convention\'s February is refused', () => {
    const invoice = line(300_000, { category: 'hrana', documentType: 'factura', documentNumber: 'MTR 0045', supplier: 'METRO Cash & Carry SRL' });
    const claims = buildClaimIndex([{ conventionId: 'conv9', conventionNumber: '31', year: 2025, month: 2, state: 'verificat', expenses: [{ ...invoice, id: 'other', documentNumber: 'mtr-0045', supplier: 'Metro Cash &  Carry S.R.L.' }] }]);
    const d = due(settlement(3, 25, [invoice, line(500_000)]), { claims });
    expect(d.lines[0]!.reason).toBe('documentul nr. MTR 0045 de la METRO Cash & Carry SRL a mai fost decontat (convenția nr. 31, februarie 2025)');
    expect(d.amount).toBe(500_000);
    // The same settlement's own lines in the index do not count against it; a repeat inside it does.
    const own = buildClaimIndex([{ conventionId: conv.id, conventionNumber: conv.number, year: 2025, month: 3, state: 'depus', expenses: [invoice] }]);
    expect(due(settlement(3, 25, [invoice]), { claims: own }).lines[0]!.reason).toBeUndefined();
    expect(due(settlement(3, 25, [invoice, { ...invoice, id: 'dup' }])).lines[1]!.reason).toContain('apare de două ori');
  });

  it('document numbers differing only by where the separators fall ("1-11" and "11-1") are different documents', () => {
    expect(documentKey({ documentNumber: 'F1-1-11', supplier: 'A' })).not.toBe(documentKey({ documentNumber: 'F11-1-1', supplier: 'A' }));
    expect(documentKey({ documentNumber: 'MTR0045', supplier: 'Metro S.R.L.' })).toBe(documentKey({ documentNumber: 'mtr - 0045', supplier: 'METRO SRL' }));
  });

  it('over the line\'s budget: 37.000 of 37.895 lei food already used, a 2.000 lei invoice is admitted for 895 lei', () => {
    const d = due(settlement(3, 25, [line(200_000, { category: 'hrana', documentType: 'factura', supplier: 'Metro SRL' })]), { previouslyUsed: { [unit1.id]: { hrana: bani(3_700_000) } } });
    expect(d.lines[0]).toMatchObject({ admitted: 89_500, refused: 110_500, reason: 'depășește bugetul categoriei „hrana” din convenție (rămas 895,00 lei)' });
  });

  it('other funding for the same costs is taken off the documented expenses', () => {
    const d = due(settlement(3, 25, [line(1_000_000)], { otherFunding: [{ unitId: unit1.id, source: 'Sponsorizare', amount: bani(300_000) }] }));
    expect(d.units[0]!.byExpenses).toBe(700_000);
    expect(d.amount).toBe(700_000);
  });

  it('an amendment mid-year: July is computed with 30 beneficiaries and the 20.000 lei ceiling, March still with 15.000 lei', () => {
    const a: Amendment = {
      id: 'a1', createdAt: '', updatedAt: '', version: 1, conventionId: conv.id, number: '1', date: '2025-06-20', effectiveFrom: '2025-07-01',
      reason: 'Extinderea capacității', decidingAct: 'HCL nr. 202/2025', changes: { units: [{ unitId: unit1.id, beneficiariesPerMonth: 30, annualTotal: bani(21_000_000) }] },
    };
    const july = due(settlement(7, 30, [line(2_500_000, { documentDate: '2025-07-31', proof: { kind: 'ordin_plata', number: 'OP 7', date: '2025-07-31' } })]), {}, [a]);
    expect(july.units[0]).toMatchObject({ byLevel: 1_800_000, ceiling: 2_000_000, amount: 1_800_000 });
    expect(july.steps.find((s) => s.label === 'Suma rămasă din convenție')!.detail).toContain('(inițial 180.000,00 lei)');
    expect(due(settlement(3, 30, [line(2_500_000)]), {}, [a]).amount).toBe(1_500_000);
  });

  it('a level changed by decision from July applies month by month: June at 600 lei, July at 700 lei', () => {
    const changing = { monthlyLevel: (_c: string, date: string) => valid({ amount: bani(date >= '2025-07-01' ? 70_000 : 60_000), source: date >= '2025-07-01' ? 'HCL nouă (valoare de test)' : 'HCL 788/2022 (valoare de test)' }) };
    const june = due(settlement(6, 20, [line(2_000_000, { documentDate: '2025-06-30', proof: { kind: 'ordin_plata', number: 'OP 6', date: '2025-06-30' } })]), { rules: changing });
    const july = due(settlement(7, 20, [line(2_000_000, { documentDate: '2025-07-31', proof: { kind: 'ordin_plata', number: 'OP 7', date: '2025-07-31' } })]), { rules: changing });
    expect([june.units[0]!.byLevel, july.units[0]!.byLevel]).toEqual([1_200_000, 1_400_000]);
    expect(july.units[0]!.steps[0]!.source).toContain('HCL nouă');
  });

  it('a corrected earlier month adds (or withholds) its adjustment in the later month', () => {
    const s = settlement(4, 25, [line(1_000_000, { documentDate: '2025-04-30', proof: { kind: 'ordin_plata', number: 'OP 44', date: '2025-04-30' } })], {
      adjustments: [{ month: 3, amount: bani(-200_000), reason: 'Stat de plată decontat greșit în martie', by: 'inspector', at: '2025-05-05T10:00:00Z' }],
    });
    const d = due(s);
    expect([d.adjustments, d.amount]).toEqual([-200_000, 800_000]);
  });
});

describe('suspension: months that cannot be approved', () => {
  const standing = { accreditedOn: '2015-03-01', suspensions: [{ from: '2025-05-10', to: '2025-06-15', reason: 'lipsa evidenței beneficiarilor', act: 'Nota de constatare nr. 14/09.05.2025' }] };
  it('a recorded suspension from 10.05 to 15.06 stops May and June, April is payable; the reason is shown and approval refused', () => {
    expect(due(settlement(4, 25, []), { standing }).suspensionReasons).toEqual([]);
    const may = due(settlement(5, 25, []), { standing });
    expect(may.suspensionReasons).toEqual(['plata este suspendată între 10.05.2025 și 15.06.2025 (Nota de constatare nr. 14/09.05.2025): lipsa evidenței beneficiarilor']);
    expect(due(settlement(6, 25, []), { standing }).suspensionReasons).toHaveLength(1);
    const verified: MonthlySettlement = { ...settlement(5, 25, []), state: 'verificat' };
    const refused = approveSettlement(verified, { ordonantareNumber: 'ORD 55', ordonantareDate: '2025-06-05', by: 'ordonator', at: '', suspensionReasons: may.suspensionReasons });
    expect(refused).toEqual({ ok: false, message: `Plata pentru mai 2025 este suspendată: ${may.suspensionReasons[0]}.` });
  });

  it('a licence expiring on 20.08 stops August; a withdrawn accreditation stops the months from its withdrawal', () => {
    const licences = { [unit1.id]: { number: '0010073', issuedOn: '2021-08-21', expiresOn: '2025-08-20' } };
    expect(due(settlement(7, 25, []), { standing: { accreditedOn: '2015-03-01', licences } }).suspensionReasons).toEqual([]);
    expect(due(settlement(8, 25, []), { standing: { accreditedOn: '2015-03-01', licences } }).suspensionReasons).toEqual(['licența unității „Centrul de zi Speranța” a expirat la 20.08.2025 (Legea 197/2012, art. 8)']);
    expect(due(settlement(10, 25, []), { standing: { accreditedOn: '2015-03-01', accreditationWithdrawnOn: '2025-09-15' } }).suspensionReasons).toEqual(['acreditarea furnizorului a fost retrasă la 15.09.2025 (Legea 197/2012, art. 8)']);
  });
});

describe('settlement states: draft → submitted → verified (locked) → approved → paid', () => {
  it('a late submission is marked, a verified month is locked, a correction goes to a later month', () => {
    const draft = settlement(3, 25, [line(1_000_000)]);
    const submitted = submitSettlement(draft, { on: '2025-04-14', by: 'ONG', at: '2025-04-14T08:00:00Z', submissionDay: conv.submissionDay });
    if (!submitted.ok) throw new Error(submitted.message);
    expect([submitted.value.state, submitted.value.isLate]).toEqual(['depus', true]);
    expect(submitted.value.history[0]!.note).toBe('depus după termenul din 10.04.2025');
    const onTime = submitSettlement(draft, { on: '2025-04-10', by: 'ONG', at: '', submissionDay: conv.submissionDay });
    expect(onTime.ok && onTime.value.isLate).toBe(false);

    const d = due(submitted.value);
    const verified = verifySettlement(submitted.value, { ...verificationOf(d), by: 'Ana Inspector', at: '2025-04-20T10:00:00Z' });
    if (!verified.ok) throw new Error(verified.message);
    expect(verified.value.verification).toMatchObject({ admitted: 1_000_000, admittedByUnit: { [unit1.id]: 1_000_000 }, by: 'Ana Inspector' });
    const edit = editSettlement(verified.value, { expenses: [] });
    expect(edit.ok).toBe(false);
    expect(!edit.ok && edit.message).toContain('luna verificată este blocată');

    const april = settlement(4, 25, []);
    const adjusted = recordAdjustment(april, verified.value, { amount: bani(-100_000), reason: 'Factură dublă găsită la control', by: 'Ana Inspector', at: '2025-05-02T10:00:00Z' });
    expect(adjusted.ok && adjusted.value.adjustments[0]).toMatchObject({ month: 3, amount: -100_000 });
    expect(recordAdjustment(settlement(2, 25, []), verified.value, { amount: bani(1), reason: 'x', by: 'x', at: '' }).ok).toBe(false);

    const approved = approveSettlement(verified.value, { ordonantareNumber: 'ORD 301', ordonantareDate: '2025-04-25', by: 'ordonator', at: '', suspensionReasons: [] });
    expect(approved.ok && approved.value.approval?.ordonantareNumber).toBe('ORD 301');
  });

  it('keeps only the masked CNP of a nominal list entry and refuses an invalid CNP', () => {
    const entry = nominalEntry({ name: 'Ion Pop', cnp: '1630615123457', daysPresent: 20 });
    expect(entry.ok && entry.value).toEqual({ name: 'Ion Pop', maskedCnp: '•••••••••3457', daysPresent: 20 });
    expect(JSON.stringify(entry)).not.toContain('1630615123457');
    expect(nominalEntry({ name: 'Ion Pop', cnp: '1630615123458', daysPresent: 20 }).ok).toBe(false);
  });

  it('writes the Romanian plural of beneficiaries', () => {
    expect([1, 19, 20, 25, 101, 120, 0].map((n) => persons(n))).toEqual(['1 beneficiar', '19 beneficiari', '20 de beneficiari', '25 de beneficiari', '101 beneficiari', '120 de beneficiari', '0 beneficiari']);
  });
});

