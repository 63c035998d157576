import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildAppealsMinutes } from '../../../src/documents/appeals-minutes';
import { renderAppealsMinutesDocx } from '../../../templates/docx/appeals-minutes';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { roundResultsFixture } from './round-results-fixture';

const field = (entry: { fields: [string, string][] }, label: string) => entry.fields.find(([l]) => l === label)?.[1];

describe('appeals minutes (proces-verbal de soluționare a contestațiilor)', () => {
  const minutes = buildAppealsMinutes(roundResultsFixture());

  it('describes the appeals session: members present and quorum', () => {
    expect(minutes.date).toBe('08.12.2026');
    expect(minutes.sessions).toHaveLength(1);
    expect(minutes.sessions[0]!.heading).toBe('Ședință de soluționare a contestațiilor din 08.12.2026');
    expect(minutes.sessions[0]!.quorum[0]).toContain('Cvorumul este întrunit');
    expect(minutes.signatures.map((s) => s.name)).toEqual(['Ana Pop', 'Bogdan Rus', 'Cristina Mureșan', 'Gabriela Pascu']);
  });

  it('gives each appeal its number and date, NGO, grounds, timeliness, decision and reasons', () => {
    const [first, second] = minutes.appeals;
    expect(first!.heading).toBe('Contestația nr. 1/2026 — Asociația Prietenii Copiilor');
    expect(field(first!, 'Număr și dată de înregistrare')).toBe('nr. 1/2026 din 02.12.2026');
    expect(field(first!, 'Motivele contestației')).toContain('lista de așteptare');
    expect(field(first!, 'Termenul de depunere')).toBe(
      'Contestația a fost depusă pe 02.12.2026, în termenul care se împlinește la 04.12.2026 (3 zile lucrătoare de la comunicare).',
    );
    expect(first!.decision).toBe('respinsă');
    expect(field(first!, 'Motivarea')).toContain('beneficiarii efectiv deserviți');
    expect(field(first!, 'Rezultatul comunicat')).toBe('27.11.2026; sub pragul de punctaj');

    expect(second!.decision).toBe('respinsă ca tardivă');
    expect(field(second!, 'Termenul de depunere')).toBe('Contestația a fost depusă pe 07.12.2026, după termenul din 04.12.2026 (3 zile lucrătoare de la comunicare).');
    expect(second!.checks).toEqual([]);
  });

  it('says the ranking does not change when no appeal is admitted', () => {
    expect(minutes.changes).toEqual([]);
    expect(minutes.finalStatement[0]).toMatch(/^Nicio contestație nu modifică punctajele sau sumele/);
  });

  it('records an admitted appeal with its revised score, the act that records it, and what it changes for the others', () => {
    const m = buildAppealsMinutes(roundResultsFixture({ hasAdmittedAppeal: true }));
    const admitted = m.appeals.find((a) => a.heading.includes('3/2026'))!;
    expect(admitted.decision).toBe('admisă parțial');
    expect(field(admitted, 'Punctajul revizuit')).toBe('76,00 puncte (anterior 75,00)');
    expect(field(admitted, 'Actul care consemnează decizia')).toBe('PV nr. 2/08.12.2026');
    expect(field(admitted, 'Rezultatul comunicat')).toBe('27.11.2026; nefinanțată — buget insuficient');
    expect(field(admitted, 'Situația cererii după soluționare')).toBe('finanțată, 30.000,00 lei');
    expect(m.changes).toEqual([
      'Prin PV nr. 2/08.12.2026, pentru cererea nr. 2/2026 (Fundația Îngerii Străzii) punctajul devine 76,00 puncte; după recalcularea clasamentului cererea este finanțată, pe locul 2, cu suma propusă de 30.000,00 lei.',
      'Ca urmare a recalculării clasamentului, cererea nr. 3/2026 (Asociația Vârstnicilor Mănăștur) trece de la „finanțată, 40.000,00 lei” la „nefinanțată — buget insuficient”.',
    ]);
    expect(m.finalStatement[0]).toMatch(/^Clasamentul și sumele propuse se modifică numai prin deciziile consemnate în actele indicate/);
  });

  it('changes nothing for an admitted appeal whose decision is not yet recorded in an act', () => {
    const ctx = roundResultsFixture({ hasAdmittedAppeal: true, admittedAppealAct: '' });
    expect(ctx.results.appealChanges.size).toBe(0);
    const m = buildAppealsMinutes(ctx);
    expect(m.changes).toEqual(['Contestația nr. 3/2026 este admisă, dar decizia nu este încă consemnată într-un act: clasamentul nu se modifică până atunci.']);
    expect(field(m.appeals[2]!, 'Actul care consemnează decizia')).toMatch(/^neînregistrat/);
  });

  it('renders a DOCX that LibreOffice prints with every appeal and the signatures', async () => {
    const bytes = await renderAppealsMinutesDocx(buildAppealsMinutes(roundResultsFixture({ hasAdmittedAppeal: true })));
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('PROCES-VERBAL de soluționare a contestațiilor');
    expect(xml).toContain('respinsă ca tardivă');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'proces-verbal-contestatii.docx');
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.pageCount).toBeLessThanOrEqual(4);
    expect(pdf.text).toContain('Contestația nr. 2/2026 — Fundația Casa Deschisă — respinsă ca tardivă');
    expect(pdf.text).toContain('Prin PV nr. 2/08.12.2026');
    expect(pdf.text).toContain('Semnăturile membrilor prezenți');
    expect(pdf.text).toContain(`Pagina ${pdf.pageCount} din ${pdf.pageCount}`);
  }, 120_000);
});
