import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MEAN_ROUNDING_RULE } from '../../../src/commission/aggregation';
import { buildEvaluationMinutes } from '../../../src/documents/evaluation-minutes';
import { renderEvaluationMinutesDocx, scoreOrientation } from '../../../templates/docx/evaluation-minutes';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { roundResultsFixture } from './round-results-fixture';

describe('evaluation minutes (proces-verbal de evaluare și selecție)', () => {
  const minutes = buildEvaluationMinutes(roundResultsFixture());

  it('gives the session, who came and the quorum from checkQuorum, and the declarations signed', () => {
    const [session] = minutes.sessions;
    expect(session!.details).toBe('Data: 25.11.2026, ora 10:00. Locul: Sala de ședințe a DASM, str. Venus nr. 20-22, Cluj-Napoca.');
    expect(session!.attendance.map((a) => [a.name, a.capacity, a.presence])).toEqual([
      ['Ana Pop', 'Președinte', 'prezent'],
      ['Bogdan Rus', 'Membru', 'prezent'],
      ['Cristina Mureșan', 'Membru', 'prezent'],
      ['Gabriela Pascu', 'Secretar', 'prezent'],
    ]);
    expect(session!.quorum[0]).toContain('Cvorumul este întrunit: sunt prezenți 3 din 3 membri cu drept de vot (necesar: cel puțin 2).');
    expect(session!.declarations[0]).toContain('Ana Pop (25.11.2026), Bogdan Rus (25.11.2026), Cristina Mureșan (25.11.2026)');
    expect(minutes.hasQuorum).toBe(true);
  });

  it('records the recusal of Bogdan Rus (founder of the NGO of 1/2026), who did not score that request', () => {
    expect(minutes.recusals).toEqual([
      {
        member: 'Bogdan Rus',
        request: '1/2026 — Asociația Șansa Țării',
        kind: 'Automată (legătură declarată cu ONG-ul)',
        reason: 'Bogdan Rus are calitatea de fondator al organizației „Asociația Șansa Țării”.',
      },
    ]);
    expect(minutes.recusalStatements[0]).toContain('Membrii recuzați nu au punctat cererile');
    const table = minutes.scores.tables.find((t) => t.requestId === 'r1')!;
    const bogdan = table.memberNames.indexOf('Bogdan Rus');
    expect(table.rows.every((r) => r.cells[bogdan] === 'recuzat')).toBe(true);
    expect(table.rows.at(-1)).toMatchObject({ label: 'Total', cells: ['85,00', 'recuzat', '85,00'], mean: '85,00' });
    expect(table.notes).toContain('Membru recuzat pentru această cerere, care nu a punctat-o: Bogdan Rus.');
  });

  it('records a recusal made by the commission with its reason, and the sheet left out of the mean', () => {
    const m = buildEvaluationMinutes(roundResultsFixture({ hasManualRecusal: true }));
    expect(m.recusals[1]).toMatchObject({ member: 'Cristina Mureșan', kind: 'Consemnată de comisie' });
    expect(m.recusals[1]!.reason).toContain('Soțul său este voluntar în unitatea asociației');
    expect(m.scores.excludedSheets).toEqual([
      'Fișa membrului Cristina Mureșan pentru cererea nr. 4/2026 nu a fost luată în calcul: Membrul este recuzat pentru această cerere.',
    ]);
    expect(m.scores.tables.find((t) => t.requestId === 'r4')!.rows.at(-1)!.mean).toBe('50,00');
  });

  it('states the grid, its thresholds and the rounding rule of the mean: (50 + 50 + 51) / 3 = 50,33', () => {
    expect(minutes.grid.lines.map((l) => [l.code, l.maxPoints, l.minPoints])).toEqual([
      ['A', '30,00', '—'], ['B', '20,00', '—'], ['B1', '10,00', '—'], ['B2', '10,00', '—'], ['C', '50,00', '20,00'],
    ]);
    expect(minutes.grid.statements.join(' ')).toContain('pragul): 60,00 puncte');
    expect(minutes.grid.statements.join(' ')).toContain(MEAN_ROUNDING_RULE);
    expect(minutes.scores.intro).toContain(MEAN_ROUNDING_RULE);
    expect(minutes.scores.tables.find((t) => t.requestId === 'r4')!.rows.at(-1)!.mean).toBe('50,33');
    expect(minutes.scores.notScored).toEqual(['Cererea nr. 5/2026 — Fundația Casa Deschisă: neeligibilă, nu a fost punctată.']);
  });

  it('flags the 15-point spread on criterion A of 3/2026, over the margin of 10', () => {
    expect(minutes.discrepancies).toEqual([
      'Cererea nr. 3/2026, criteriul „A” (Experiența organizației): punctaje între 15,00 și 30,00 (Bogdan Rus, Cristina Mureșan), diferență de 15,00 puncte, peste marja de 10,00 puncte; diferența a fost semnalată și supusă discuției în ședință.',
    ]);
  });

  it('ranks with the tie decided by the commission, and proposes 80.000 lei of the 100.000 lei budget', () => {
    expect(minutes.ranking.lines.map((l) => [l.rank, l.request, l.allocated, l.status])).toEqual([
      ['1', '1/2026', '40.000,00 lei', 'Finanțată'],
      ['2', '3/2026', '40.000,00 lei', 'Finanțată'],
      ['2', '2/2026', '0,00 lei', 'Nefinanțată — buget insuficient'],
      ['—', '4/2026', '0,00 lei', 'Sub pragul de punctaj'],
      ['—', '5/2026', '0,00 lei', 'Neeligibilă'],
    ]);
    expect(minutes.ranking.tieNotes[0]).toContain('între cererile 2/2026 și 3/2026: comisia a stabilit ordinea 3/2026, 2/2026 în ședința din 25.11.2026');
    expect(minutes.budget).toContainEqual(['Total propus spre finanțare', '80.000,00 lei']);
    expect(minutes.budget).toContainEqual(['Rămas nealocat', '20.000,00 lei']);
    expect(minutes.proposedFunding).toEqual([
      'Asociația Șansa Țării (cererea nr. 1/2026): 40.000,00 lei;',
      'Asociația Vârstnicilor Mănăștur (cererea nr. 3/2026): 40.000,00 lei.',
    ]);
    expect(minutes.pendingIssues).toEqual([]);
  });

  it('says a tie left undecided is provisional and keeps the results from being final', () => {
    const m = buildEvaluationMinutes(roundResultsFixture({ isTieDecided: false }));
    expect(m.ranking.tieNotes[0]).toContain('Egalitate de punctaj nedecisă între cererile 2/2026 și 3/2026');
    expect(m.pendingIssues[0]).toMatch(/^Egalitate nedecisă între cererile 2\/2026, 3\/2026/);
  });

  it('without quorum states that no decision could be adopted and proposes nothing', () => {
    const m = buildEvaluationMinutes(roundResultsFixture({ lacksQuorum: true }));
    expect(m.hasQuorum).toBe(false);
    expect(m.sessions[0]!.quorum.join(' ')).toContain('Cvorumul nu este întrunit: este prezent 1 din 3 membri cu drept de vot');
    expect(m.sessions[0]!.quorum.join(' ')).toContain('comisia nu a putut adopta nicio decizie');
    expect(m.conclusions[0]).toContain('nu a avut cvorum; comisia nu a putut adopta nicio decizie');
    expect(m.proposedFunding).toEqual([]);
    expect(m.signatures.map((s) => s.name)).toEqual(['Ana Pop', 'Gabriela Pascu']);
  });

  it('lists a substitute with the member they replace, in attendance, scores and signatures', () => {
    const m = buildEvaluationMinutes(roundResultsFixture({ hasSubstitute: true }));
    expect(m.sessions[0]!.attendance).toContainEqual({ name: 'Cristina Mureșan', capacity: 'Membru', institution: 'Primăria Municipiului Cluj-Napoca', presence: 'absent' });
    expect(m.sessions[0]!.attendance).toContainEqual({
      name: 'Horia Stan', capacity: 'Membru supleant (pentru Cristina Mureșan)', institution: 'Primăria Municipiului Cluj-Napoca', presence: 'prezent — supleant pentru Cristina Mureșan',
    });
    expect(m.sessions[0]!.quorum[0]).toContain('dintre care 1 supleant în locul titularilor absenți');
    expect(m.scores.tables[0]!.memberNames).toEqual(['Ana Pop', 'Bogdan Rus', 'Horia Stan']);
    expect(m.signatures).toEqual([
      { title: 'Președinte', name: 'Ana Pop' },
      { title: 'Membru', name: 'Bogdan Rus' },
      { title: 'Membru supleant (pentru Cristina Mureșan)', name: 'Horia Stan' },
      { title: 'Secretar', name: 'Gabriela Pascu' },
    ]);
  });

  it('signs with every member present: president, members, secretary', () => {
    expect(minutes.signatures).toEqual([
      { title: 'Președinte', name: 'Ana Pop' },
      { title: 'Membru', name: 'Bogdan Rus' },
      { title: 'Membru', name: 'Cristina Mureșan' },
      { title: 'Secretar', name: 'Gabriela Pascu' },
    ]);
  });

  it('turns the score tables landscape only when a column per member no longer fits portrait', () => {
    expect(scoreOrientation(3)).toBe('portrait');
    expect(scoreOrientation(7)).toBe('landscape');
  });

  it('renders a DOCX with the recusal and the signatures that LibreOffice paginates', async () => {
    const bytes = await renderEvaluationMinutesDocx(minutes);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('PROCES-VERBAL de evaluare și selecție');
    expect(xml).toContain('Bogdan Rus are calitatea de fondator al organizației „Asociația Șansa Țării”.');
    expect(xml).toContain('recuzat');
    expect(xml).toContain('Semnăturile membrilor prezenți');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'proces-verbal-evaluare.docx');
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    expect(pdf.pageCount).toBeLessThanOrEqual(5);
    expect(pdf.text).toContain('Cererea nr. 1/2026 — Asociația Șansa Țării');
    expect(pdf.text).toContain('Egalitate de punctaj (75,00 puncte) între cererile 2/2026 și 3/2026');
    expect(pdf.text).toContain('Gabriela Pascu');
    expect(pdf.text).toContain(`Pagina ${pdf.pageCount} din ${pdf.pageCount}`);
  }, 120_000);
});
