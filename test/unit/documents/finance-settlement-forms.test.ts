import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../../src/documents/finance-blocks';
import { buildSettlementForms } from '../../../src/documents/settlement-forms';
import { renderSettlementFormsDocx } from '../../../templates/docx/settlement-forms';
import { financeConvention, NGO, settings } from './finance-fixtures';

describe('the blank settlement forms (anexele convenției)', () => {
  const c = financeConvention();
  const forms = buildSettlementForms({ convention: c, settings });
  const [settlement, nominal, expenses] = forms.annexes.map((a) => ({ ...a, text: blockText(a.blocks) }));

  it('are the three annexes the convention lists, headed by the provider, signed by its representative and financial officer', () => {
    expect(forms.annexes.map((a) => a.title)).toEqual(['DECONT LUNAR', 'LISTA NOMINALĂ A BENEFICIARILOR', 'SITUAȚIA CHELTUIELILOR']);
    expect(settlement!.subtitle).toBe('Anexa nr. 1 la Convenția de subvenționare nr. 12 din 15.01.2025 — decontul subvenției pentru o lună');
    expect(settlement!.header.lines).toEqual([NGO]);
    expect(settlement!.signatures.map((s) => s.name)).toEqual(['Ion Țăranu', 'Maria Pop']);
    expect(forms.annexes.map((a) => a.orientation)).toEqual(['portrait', 'portrait', 'landscape']);
  });

  it('pre-fill the units, contracted beneficiaries, ceilings and category budgets of the settlement form', () => {
    const [units, categories] = settlement!.blocks.filter((b) => b.kind === 'table');
    if (units?.kind !== 'table' || categories?.kind !== 'table') throw new Error('no tables');
    expect(units.table.rows.map((r) => [r[1], r[4]])).toEqual([['25', '15.000,00 lei'], ['40', '10.000,00 lei']]);
    expect(categories.table.rows).toContainEqual(['Cantina socială Sf. Ioan', 'Utilități: încălzire, iluminat, apă, canalizare, salubritate', '10.000,00 lei', '', '', '']);
    expect(categories.table.totals![0]![2]).toBe('240.000,00 lei');
    expect(settlement!.text).toContain('până la data de 10 a lunii următoare');
    expect(settlement!.text).toContain('Nr. de înregistrare la Direcția de Asistență Socială și Medicală Cluj-Napoca');
  });

  it('give the nominal list a row per contracted beneficiary and five more, the CNP masked to its last four digits', () => {
    const tables = nominal!.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => (t.kind === 'table' ? t.table.rows.length : 0))).toEqual([30, 45]);
    expect(nominal!.text).toContain('Numele și prenumele');
    expect(nominal!.text).toContain('•••••••••3457');
    expect(nominal!.text).not.toContain('1630615123457');
    expect(nominal!.text).toContain('Centrul de zi Speranța (8891 CZ-C-IV; licența nr. 0010001) — 25 de beneficiari contractați pe lună');
  });

  it('give the expense statement its columns and the legend of documents, proofs and eligible categories', () => {
    const table = expenses!.blocks.find((b) => b.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.table.columns.map((x) => x.header)).toEqual(['Nr.', 'Unitatea', 'Tipul documentului', 'Nr. document', 'Data', 'Furnizorul', 'Suma (lei)', 'Categoria de cheltuieli', 'Dovada plății: tip', 'Nr. / data plății', 'Registrul de casă (numerar)']);
    expect(expenses!.text).toContain('Dispoziție de plată (numerar), cu înregistrarea în registrul de casă');
    expect(expenses!.text).toContain('Categorii eligibile în convenție: Cheltuieli de personal ale serviciului (salarii și contribuții); Hrană; Utilități');
  });

  it('render as one DOCX, landscape for the expense statement, without the office registration line', async () => {
    const body = await (await JSZip.loadAsync(await renderSettlementFormsDocx({ convention: c, settings }))).file('word/document.xml')!.async('string');
    expect(body).toContain('DECONT LUNAR');
    expect(body).toContain('LISTA NOMINALĂ A BENEFICIARILOR');
    expect(body.match(/<w:pgSz /g)).toHaveLength(3);
    expect(body).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    expect(body).not.toContain('Nr. __________ /');
  });
});
