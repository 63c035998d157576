import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { termsInForce } from '../../../src/conventions/amendments';
import { buildAmendmentDocument } from '../../../src/documents/amendment-document';
import { blockText, DRAFT_NOTE } from '../../../src/documents/finance-blocks';
import { renderAmendmentDocx } from '../../../templates/docx/amendment';
import { amendment, financeConvention, NGO, settings } from './finance-fixtures';

describe('the amendment (act adițional)', () => {
  const c = financeConvention();
  const a = amendment(c);
  const before = termsInForce(c, [], a.effectiveFrom);
  const after = termsInForce(c, [a], a.effectiveFrom);
  const model = buildAmendmentDocument({ convention: c, amendment: a, before, after, settings, mark: { number: '731', registryDate: '20.06.2025' } });
  const text = blockText(model.blocks);

  it('shows before and after: 25 → 30 beneficiaries, 180.000 → 198.000 lei, the convention 240.000 → 258.000 lei', () => {
    const table = model.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.table.rows[0]).toEqual(['Valoarea totală a convenției', '240.000,00 lei', '258.000,00 lei', '+18.000,00 lei']);
    expect(table.table.rows).toContainEqual(['Centrul de zi Speranța — beneficiari pe lună', '25', '30', '+5']);
    expect(table.table.rows).toContainEqual(['Centrul de zi Speranța — total pe perioadă', '180.000,00 lei', '198.000,00 lei', '+18.000,00 lei']);
    // Six months at 15.000 lei kept, the other six share 108.000 lei: 18.000 lei a month.
    expect(table.table.rows).toContainEqual(['Centrul de zi Speranța — plafon lunar', '15.000,00 lei', '18.000,00 lei', '+3.000,00 lei']);
    expect(table.table.rows).toContainEqual(['Cantina socială Sf. Ioan — total pe perioadă', '60.000,00 lei', '60.000,00 lei', 'nemodificat']);
    expect(model.changedRows).toEqual(['Valoarea totală a convenției', 'Centrul de zi Speranța — beneficiari pe lună', 'Centrul de zi Speranța — plafon lunar', 'Centrul de zi Speranța — total pe perioadă']);
  });

  it('says from when, by which act and why, keeps the original amount visible and the other clauses unchanged', () => {
    expect(model.title).toBe('ACT ADIȚIONAL nr. 1');
    expect(model.subtitle).toBe('din 20.06.2025 la Convenția de subvenționare nr. 12 din 15.01.2025');
    expect(text).toContain('începând cu data de 01.07.2025');
    expect(text).toContain('în temeiul HCL nr. 202/2025, din următorul motiv: suplimentarea numărului de beneficiari ai centrului de zi.');
    expect(text).toContain('Suma inițială a convenției, de 240.000,00 lei, rămâne consemnată');
    expect(text).toContain('Celelalte clauze ale convenției rămân neschimbate.');
    expect(text).toContain('Convenția de subvenționare nr. 12 din 15.01.2025 a Asociației „Șansa Țării Românești” se modifică astfel:');
    expect(model.parties!.map((p) => p.name)).toEqual(['Municipiul Cluj-Napoca', NGO]);
  });

  it('renders a DOCX with the table and the draft note when unnumbered', async () => {
    const draft = buildAmendmentDocument({ convention: c, amendment: a, before, after, settings, mark: {} });
    const body = await (await JSZip.loadAsync(await renderAmendmentDocx(draft))).file('word/document.xml')!.async('string');
    expect(body).toContain(DRAFT_NOTE);
    expect(body).toContain('ACT ADIȚIONAL nr. 1');
    expect(body).toContain('198.000,00 lei');
    expect(body).toContain('<w:tblHeader/>');
  });
});
