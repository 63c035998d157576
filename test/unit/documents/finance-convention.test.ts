import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { termsInForce } from '../../../src/conventions/amendments';
import { buildConventionDocument } from '../../../src/documents/convention-document';
import { blockText, DRAFT_NOTE } from '../../../src/documents/finance-blocks';
import { renderConventionDocx } from '../../../templates/docx/convention';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { amendment, commitment, financeConvention, NGO, settings, signedTerms } from './finance-fixtures';

async function docxText(bytes: Uint8Array): Promise<{ body: string; footers: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
  return { body: await zip.file('word/document.xml')!.async('string'), footers: footers.join('') };
}

describe('the convention of subsidy (convenție de subvenționare)', () => {
  const c = financeConvention();
  const model = buildConventionDocument({ convention: c, terms: signedTerms(c), settings, commitment: commitment(c), mark: { number: '415', registryDate: '15.01.2025' } });
  const text = blockText(model.blocks);

  it('states the number, date, legal basis and the HCL the convention rests on', () => {
    expect(model.title).toBe('CONVENȚIE DE SUBVENȚIONARE');
    expect(model.subtitle).toBe('nr. 12 din 15.01.2025, pentru anul 2025');
    expect(text).toContain('Legea nr. 34/1998');
    expect(text).toContain('art. 1 alin. (3)');
    expect(text).toContain('Hotărârea Guvernului nr. 1153/2001');
    expect(text).toContain('Hotărârea Consiliului Local al Municipiului Cluj-Napoca nr. 818/2024 din 19.12.2024');
  });

  it('names both parties, the provider with CUI, IBAN, bank, representative and financial officer, in the genitive where declined', () => {
    expect(text).toContain(`${NGO}, cod de identificare fiscală (CUI) ${c.provider.cui}, cont IBAN ${c.provider.iban} deschis la Banca Transilvania, reprezentată legal prin Ion Țăranu, în calitate de președinte, și prin Maria Pop, în calitate de responsabil financiar`);
    expect(text).toContain('pentru unitățile de asistență socială ale Asociației „Șansa Țării Românești”');
    expect(text).toContain('Municipiul Cluj-Napoca, prin Primar');
  });

  it('tabulates the units with their totals: 180.000 + 60.000 = 240.000 lei', () => {
    const units = model.blocks.find((b) => b.kind === 'table')!;
    if (units.kind !== 'table') throw new Error('no table');
    expect(units.table.rows.map((r) => [r[1], r[4], r[5], r[7], r[8]])).toEqual([
      ['Centrul de zi Speranța', '25', '600,00 lei', '15.000,00 lei', '180.000,00 lei'],
      ['Cantina socială Sf. Ioan', '40', '600,00 lei', '10.000,00 lei', '60.000,00 lei'],
    ]);
    expect(units.table.totals![0]![8]).toBe('240.000,00 lei');
    expect(units.table.totals![0]![4]).toBe('65');
    expect(model.amount).toBe('240.000,00 lei');
    expect(text).toContain('Valoarea totală a subvenției este de 240.000,00 lei, din bugetul local, capitolul 68.02, titlul/articolul 59.11 „Asociații și fundații”, angajamentul bugetar nr. AB-118 din 14.01.2025.');
  });

  it('lists the eligible categories with their budgets summing to the units’ totals, and the period to 31 December', () => {
    const budget = model.blocks.filter((b) => b.kind === 'table')[1]!;
    if (budget.kind !== 'table') throw new Error('no table');
    expect(budget.table.rows).toContainEqual(['Cantina socială Sf. Ioan', 'Hrană', '50.000,00 lei']);
    expect(budget.table.totals![0]![2]).toBe('240.000,00 lei');
    expect(text).toContain('perioada 01.01.2025 – 31.12.2025');
    expect(text).toContain('până la data de 10 a lunii următoare');
  });

  it('has the clauses, the annexes, both parties’ signatures and the CFP visa', () => {
    for (const heading of ['OBLIGAȚIILE PĂRȚILOR', 'CONTROLUL', 'SUSPENDAREA PLĂȚII', 'ÎNCETAREA CONVENȚIEI', 'RECUPERAREA SUMELOR']) expect(text).toContain(heading);
    expect(text).toContain('Anexa nr. 2 — Lista nominală a beneficiarilor');
    expect(model.parties!.map((p) => p.name)).toEqual(['Municipiul Cluj-Napoca', NGO]);
    expect(model.parties![0]!.signers.map((s) => s.name)).toContain('Maria Pop');
    expect(model.parties![1]!.signers).toEqual([{ title: 'Președinte', name: 'Ion Țăranu' }, { title: 'Responsabil financiar', name: 'Maria Pop' }]);
    expect(model.footnote).toBe('Viză CFP (control financiar preventiv propriu): acordată de Ana Câmpean la 14.01.2025.');
    // Articles are numbered in order, without gaps.
    const numbers = model.blocks.flatMap((b) => (b.kind === 'article' ? [b.number] : []));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('labels the default budget title/article and shows the original amount beside an amended one', () => {
    const amended = termsInForce(c, [amendment(c)], '2025-12-31');
    const m = buildConventionDocument({ convention: c, terms: amended, settings, mark: {} });
    const t = blockText(m.blocks);
    expect(t).toContain('Valoarea totală a subvenției este de 258.000,00 lei (suma inițială a convenției: 240.000,00 lei; modificată prin Act adițional nr. 1 din 20.06.2025)');
    expect(t).toContain('de confirmat cu Direcția Economică');
    expect(m.footnote).toContain('Viză CFP (control financiar preventiv propriu): ____');
  });

  it('renders an A4 DOCX with page numbers, the draft note when unnumbered', async () => {
    const draft = buildConventionDocument({ convention: c, terms: signedTerms(c), settings, mark: {} });
    const { body, footers } = await docxText(await renderConventionDocx(draft));
    expect(body).toContain(DRAFT_NOTE);
    expect(body).toContain('CONVENȚIE DE SUBVENȚIONARE');
    expect(body).toContain('Centrul de zi Speranța');
    expect(body).toContain('Viză CFP');
    expect(body).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(body).toContain('<w:tblHeader/>');
    expect(footers).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    const issued = await docxText(await renderConventionDocx(model));
    expect(issued.body).toContain('Nr. 415 / 15.01.2025');
    expect(issued.body).not.toContain(DRAFT_NOTE);
  });

  it('opens in LibreOffice as A4 pages numbered "Pagina X din Y", with the tables and both parties', async () => {
    const bytes = await renderConventionDocx(model);
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'conventie.docx');
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(pdf.text).toContain('CONVENȚIE DE SUBVENȚIONARE');
    expect(pdf.text).toContain(`Pagina 1 din ${pdf.pageCount}`);
    expect(pdf.text).toContain(`Pagina ${pdf.pageCount} din ${pdf.pageCount}`);
    expect(pdf.text).toContain('240.000,00 lei');
    expect(pdf.text).toContain('AUTORITATEA FINANȚATOARE');
    expect(pdf.text).toContain('Viză CFP');
  }, 120_000);
});
