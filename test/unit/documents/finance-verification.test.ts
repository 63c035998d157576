import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { termsForMonth } from '../../../src/conventions/amendments';
import { blockText, DRAFT_NOTE } from '../../../src/documents/finance-blocks';
import { buildVerificationNote } from '../../../src/documents/settlement-verification';
import { computeMonthlyDue } from '../../../src/settlements/monthly-subsidy-due';
import { bani } from '../../../src/money';
import { renderVerificationNoteDocx } from '../../../templates/docx/settlement-verification';
import { rules } from '../conventions/fixtures';
import { financeConvention, marchDue, marchSettlement, settings } from './finance-fixtures';

describe('the verification note of a month (notă de verificare, "bun de plată")', () => {
  const c = financeConvention();
  const s = marchSettlement(c);
  const due = marchDue(c, s);
  const model = buildVerificationNote({ convention: c, terms: termsForMonth(c, [], 3), settlement: s, due, settings, mark: { number: '902', registryDate: '10.04.2025' }, verifiedBy: 'Elena Mureșan' });
  const text = blockText(model.blocks);

  it('gives claimed, refused and admitted: 14.600 lei claimed, 1.100 refused, 22 × 600 = 13.200 lei admitted', () => {
    expect([model.claimed, model.refused, model.admitted]).toEqual(['14.600,00 lei', '1.100,00 lei', '13.200,00 lei']);
    const units = model.blocks.find((b) => b.kind === 'table')!;
    if (units.kind !== 'table') throw new Error('no table');
    expect(units.table.rows).toEqual([['Centrul de zi Speranța', '25', '22', '13.200,00 lei', '13.500,00 lei', '15.000,00 lei', '13.200,00 lei']]);
    expect(units.table.totals![0]!.at(-1)).toBe('13.200,00 lei');
  });

  it('cites every limit with its source, and the remaining amount of the convention', () => {
    expect(text).toContain('Centrul de zi Speranța — Beneficiari efectiv asistați × nivelul lunar: 22 de beneficiari × 600,00 lei (contractați: 25) = 13.200,00 lei (Legea 34/1998, art. 2 alin. (1); HCL 788/2022 (valoare de test)).');
    expect(text).toContain('Plafonul lunar al unității');
    expect(text).toContain('Suma rămasă din convenție: 240.000,00 lei contractați − 24.000,00 lei admiși în lunile anterioare = 216.000,00 lei');
  });

  it('lists the refused lines with their reasons', () => {
    const refused = model.blocks.filter((b) => b.kind === 'table')[1]!;
    if (refused.kind !== 'table') throw new Error('no table');
    expect(refused.table.rows.map((r) => [r[1], r[2], r[5], r[6]])).toEqual([
      ['Factură nr. DD 77 din 20.03.2025', 'Dedeman SRL', '800,00 lei', 'categoria „investitii” nu este eligibilă în convenție'],
      ['Bon fiscal nr. BF 9 din 25.03.2025', 'Piața Mihai Viteazu SRL', '300,00 lei', 'lipsește dovada plății (ordin de plată, extras de cont sau dispoziție de plată)'],
    ]);
    expect(refused.table.totals![0]![5]).toBe('1.100,00 lei');
  });

  it('says the settlement was submitted in time, and "bun de plată" with the amount', () => {
    expect(text).toContain('Am verificat decontul pentru luna martie 2025 a Asociației „Șansa Țării Românești”, depus la data de 08.04.2025, în termenul prevăzut de convenție (10.04.2025)');
    expect(text).toContain(`BUN DE PLATĂ pentru suma de 13.200,00 lei, reprezentând subvenția cuvenită pentru luna martie 2025, în contul ${c.provider.iban}.`);
    expect(model.signatures.map((x) => [x.role, x.name])).toEqual([['Întocmit', 'Elena Mureșan'], ['Verificat', 'Ioana Rus'], ['Aprobat', 'Maria Pop']]);
  });

  it('says why a suspended month cannot be approved instead of "bun de plată"', () => {
    const suspended = computeMonthlyDue({ terms: termsForMonth(c, [], 3), conventionNumber: c.number, settlement: s, rules, previouslyAdmitted: bani(0), standing: { accreditedOn: '2015-01-01', suspensions: [{ from: '2025-03-10', reason: 'neconformități la vizita de monitorizare', act: 'Nota de constatare nr. 5/2025' }] } });
    if (!suspended.ok) throw new Error(suspended.message);
    const t = blockText(buildVerificationNote({ convention: c, terms: termsForMonth(c, [], 3), settlement: s, due: suspended.value, settings, mark: {} }).blocks);
    expect(t).not.toContain('BUN DE PLATĂ');
    expect(t).toContain('plata pentru luna martie 2025 nu poate fi aprobată (ordonanțată) cât timp:');
    expect(t).toContain('plata este suspendată din 10.03.2025 (Nota de constatare nr. 5/2025): neconformități la vizita de monitorizare');
  });

  it('renders a DOCX, with the draft note when unnumbered', async () => {
    const draft = buildVerificationNote({ convention: c, terms: termsForMonth(c, [], 3), settlement: s, due, settings, mark: {} });
    const body = await (await JSZip.loadAsync(await renderVerificationNoteDocx(draft))).file('word/document.xml')!.async('string');
    expect(body).toContain(DRAFT_NOTE);
    expect(body).toContain('NOTĂ DE VERIFICARE');
    expect(body).toContain('Verificat,');
    expect(body).toContain('Dedeman SRL');
  });
});
