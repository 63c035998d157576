import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { partitionByRecusal } from '../../../src/documents/member-documents';
import { buildScoreSheetDocument } from '../../../src/documents/score-sheet';
import { DomainError } from '../../../src/errors';
import { renderScoreSheetDocx } from '../../../templates/docx/score-sheet';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { sheet } from '../commission/fixtures';
import { institution } from '../templates/fixtures';
import { grid, members, recusals, requests, round, session } from './member-fixtures';

const bogdan = members[1]!;
const { toScore, recused } = partitionByRecusal(bogdan.id, requests, recusals);

describe('printed score sheets (fișe de evaluare)', () => {
  const document = buildScoreSheetDocument({ institution: institution(), round, session, member: bogdan, grid: grid(), requests: toScore, recused });

  it('leaves the recused request out and names it on the cover as not to evaluate', () => {
    expect(toScore.map((r) => r.id)).toEqual(['r1', 'r3']);
    expect(document.pages.map((p) => p.subtitle)).toEqual(['Cererea nr. 4/2026 — Asociația Șansa Țării', 'Cererea nr. 9/2026 — Asociația „Pâine și Îngrijire”']);
    expect(document.cover.recusedLine).toBe('Nu evaluați (recuzare): 7/2026 — Fundația „Lumina” Cluj.');
    expect(document.cover.toScore).toEqual(['4/2026 — Asociația Șansa Țării', '9/2026 — Asociația „Pâine și Îngrijire”']);
    expect(document.cover.fields).toContainEqual(['Membrul comisiei', 'Bogdan Rus (membru), DASM Cluj-Napoca']);
  });

  it('lists each criterion with its guidance and maximum, sub-criteria under their criterion, and a blank points column', () => {
    const page = document.pages[0]!;
    expect(page.rows.map((r) => [r.level, r.code, r.title, r.maxPoints, r.awarded, r.isInput])).toEqual([
      ['criteriu', 'A', 'Experiența organizației', '30', '', true],
      ['criteriu', 'B', 'Calitatea serviciilor', '20', '', false],
      ['subcriteriu', 'B1', 'Personal', '10', '', true],
      ['subcriteriu', 'B2', 'Spații', '10', '', true],
      ['criteriu', 'C', 'Costuri și beneficiari', '50', '', true],
    ]);
    expect(page.rows[0]!.guidance).toBe('Anii de activitate în asistența socială și serviciile oferite în ultimele 12 luni.');
    expect(page.total).toEqual({ maxPoints: '100', awarded: '' });
    expect(page.thresholds).toBe('Pentru finanțare, grila cere (media punctajelor membrilor): total de cel puțin 60 puncte; criteriul „C” cel puțin 20 puncte.');
    expect(page.signature).toEqual({ title: 'Membrul comisiei', name: 'Bogdan Rus' });
    expect(page.status).toBeNull();
  });

  it('prints the points of a stored sheet, the criterion as the sum of its sub-criteria, and the total', () => {
    const stored = sheet('s1', 'm2', 'r1', { A: 27.5, B1: 8, B2: 7.25, C: 41 }, { comment: 'Servicii bine documentate.' });
    const filled = buildScoreSheetDocument({ institution: institution(), round, session, member: bogdan, grid: grid(), requests: toScore, sheets: [stored] });
    const page = filled.pages[0]!;
    expect(page.rows.map((r) => r.awarded)).toEqual(['27,50', '15,25', '8', '7,25', '41']);
    expect(page.total.awarded).toBe('83,75');
    expect(page.comment).toBe('Servicii bine documentate.');
    expect(page.status).toMatch(/^Fișă trimisă la \d{2}\.\d{2}\.2026, \d{2}:\d{2}; punctaje: introdus pe ecran\.$/);
    expect(filled.pages[1]!.total.awarded).toBe('');
  });

  it('does not print points given on an earlier version of the grid', () => {
    const stale = sheet('s1', 'm2', 'r1', { A: 27.5, B1: 8, B2: 7, C: 41 }, { gridFingerprint: 'fnv1a32:00000000' });
    const page = buildScoreSheetDocument({ institution: institution(), round, session, member: bogdan, grid: grid(), requests: toScore, sheets: [stale] }).pages[0]!;
    expect(page.rows.every((r) => r.awarded === '')).toBe(true);
    expect(page.status).toMatch(/versiune anterioară a grilei/);
  });

  it('refuses a grid with values still to be filled in, naming the grid', () => {
    const unready = grid({ minTotal: null });
    expect(() => buildScoreSheetDocument({ institution: institution(), round, session, member: bogdan, grid: unready, requests: toScore })).toThrow(DomainError);
    expect(() => buildScoreSheetDocument({ institution: institution(), round, session, member: bogdan, grid: unready, requests: toScore })).toThrow(
      /^Fișa de evaluare nu se poate genera până la completarea grilei „Grilă de test”: Punctajul total minim pentru finanțare — de completat/,
    );
  });

  it('renders a DOCX with a cover and one page per request that LibreOffice opens', async () => {
    const bytes = await renderScoreSheetDocx(document);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Nu evaluați (recuzare): 7/2026 — Fundația „Lumina” Cluj.');
    expect(xml).toContain('Punctaj acordat');
    expect(xml).toContain('Costul pe beneficiar față de nivelul aprobat');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'fise-evaluare.docx');
    expect(pdf.pageCount).toBe(3);
    expect(pdf.text).toContain('Cererea nr. 9/2026 — Asociația „Pâine și Îngrijire”');
    expect(pdf.text).toContain('Observații / motivarea punctajului:');
    expect(pdf.text).toContain('Pagina 3 din 3');
    expect(pdf.text).not.toContain('Cererea nr. 7/2026');
  }, 120_000);
});
