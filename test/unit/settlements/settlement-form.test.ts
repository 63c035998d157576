import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import { emptyExpense, settlementForm, settlementFromForm, withImportedNominalList } from '../../../src/settlements/settlement-form';

describe('settlement form', () => {
  it('reads counts, Romanian amounts and dates, and round-trips what it stored', () => {
    const form = {
      beneficiaries: [{ unitId: 'u1', count: '25', serviceDays: '20', nominalList: [] }, { unitId: 'u2', count: '', serviceDays: '', nominalList: [] }],
      expenses: [{ ...emptyExpense('l1', 'u1', 'personal'), documentType: 'stat_plata' as const, documentNumber: 'SP 1', documentDate: '31.01.2025', supplier: 'Asociația X', amount: '1.500,50', proofNumber: 'OP 4', proofDate: '05.02.2025' }],
      otherFunding: [{ unitId: 'u1', source: 'Sponsorizare', amount: '100,00' }],
    };
    const { value, errors } = settlementFromForm(form);
    expect(errors).toEqual({});
    expect(value.beneficiaries).toEqual([{ unitId: 'u1', count: 25, serviceDays: 20 }]);
    expect(value.expenses[0]).toMatchObject({ documentDate: '2025-01-31', amount: bani(150_050), proof: { kind: 'ordin_plata', number: 'OP 4', date: '2025-02-05' } });
    expect(value.otherFunding).toEqual([{ unitId: 'u1', source: 'Sponsorizare', amount: bani(10_000) }]);
    expect(settlementForm({ ...value, beneficiaries: value.beneficiaries }, ['u1', 'u2'])).toEqual({ ...form, beneficiaries: [form.beneficiaries[0], { unitId: 'u2', count: '', serviceDays: '', nominalList: [] }] });
  });

  it('names the field of each problem; a line without proof of payment is kept (the computation refuses it with its reason)', () => {
    const { value, errors } = settlementFromForm({
      beneficiaries: [{ unitId: 'u1', count: 'douăzeci', serviceDays: '', nominalList: [] }],
      expenses: [{ ...emptyExpense('l1', 'u1', 'hrana'), documentNumber: 'F 1', documentDate: '10.02.2025', supplier: 'SC A SRL', amount: '-3', proofKind: '' }, { ...emptyExpense('l2', 'u1', 'hrana'), documentNumber: 'F 2', documentDate: '10.02.2025', supplier: 'SC A SRL', amount: '30', proofKind: '' }],
      otherFunding: [],
    });
    expect(errors).toEqual({ 'beneficiaries.u1': 'Numărul de beneficiari trebuie să fie un număr întreg.', 'expenses.0.amount': expect.stringMatching(/pozitivă/) });
    expect(value.expenses).toEqual([expect.objectContaining({ id: 'l2', amount: bani(3_000) })]);
    expect(value.expenses[0]!.proof).toBeUndefined();
  });

  it('fills a unit with an imported nominal list: the count when empty, a typed count kept and the difference named', () => {
    const entries = [{ name: 'Ana Pop', maskedCnp: '•••••••••3459', daysPresent: 20 }, { name: 'Ion Rus', maskedCnp: '•••••••••3465', daysPresent: 18 }];
    const form = {
      beneficiaries: [{ unitId: 'u1', count: '', serviceDays: '', nominalList: [] }, { unitId: 'u2', count: '5', serviceDays: '', nominalList: [entries[0]!] }],
      expenses: [],
      otherFunding: [],
    };
    const first = withImportedNominalList(form, 'u1', entries);
    expect(first.form.beneficiaries[0]).toEqual({ unitId: 'u1', count: '2', serviceDays: '', nominalList: entries });
    expect(first.form.beneficiaries[1]).toBe(form.beneficiaries[1]);
    expect(first.note).toBe('numărul de beneficiari a fost completat cu 2.');
    const second = withImportedNominalList(form, 'u2', entries);
    expect(second.form.beneficiaries[1]).toEqual({ unitId: 'u2', count: '5', serviceDays: '', nominalList: entries });
    expect(second.note).toBe('lista anterioară (1 persoană) a fost înlocuită; numărul declarat (5) diferă de listă (2); corectați-l înainte de salvare.');
    expect(withImportedNominalList({ ...form, beneficiaries: [{ ...form.beneficiaries[0]!, count: '2' }] }, 'u1', entries).note).toBe('');
  });
});
