import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildResultNotifications } from '../../../src/documents/result-notification';
import { renderResultNotificationDocx, renderResultNotificationsDocx } from '../../../templates/docx/result-notification';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { roundResultsFixture } from './round-results-fixture';

const byId = (list: ReturnType<typeof buildResultNotifications>, id: string) => list.find((n) => n.requestId === id)!;

describe('result notifications (notificare privind rezultatul evaluării)', () => {
  const notifications = buildResultNotifications(roundResultsFixture());

  it('writes one per applicant, in registration order, to the NGO’s legal representative', () => {
    expect(notifications.map((n) => [n.requestLabel, n.outcome])).toEqual([
      ['1/2026', 'admisa'], ['2/2026', 'respinsa'], ['3/2026', 'admisa'], ['4/2026', 'respinsa'], ['5/2026', 'respinsa'],
    ]);
    expect(notifications[0]!.addressee).toEqual({
      name: 'Asociația Șansa Țării', address: 'str. Memorandumului nr. 1, Cluj-Napoca, jud. Cluj', representative: 'Președinte Ioana Țăranu',
    });
    expect(notifications[0]!.date).toBe('27.11.2026');
  });

  it('names the applicant in the genitive, or "depuse de" when its name cannot be declined; the round quoted with «» inside', () => {
    const first = notifications[0]!;
    expect(first.intro).toContain('asupra cererii de subvenționare nr. 1/2026 din 10.09.2026 a Asociației Șansa Țării, în cadrul rundei de finanțare „Subvenții Legea 34/1998 pentru anul 2027”');
    const ctx = roundResultsFixture();
    ctx.requests[0] = { ...ctx.requests[0]!, organization: { ...ctx.requests[0]!.organization, name: 'Caritas „Sfânta Maria”' } };
    ctx.round = { ...ctx.round, name: 'Runda „Centre de zi” 2027' };
    const other = buildResultNotifications(ctx).find((n) => n.requestId === ctx.requests[0]!.id)!;
    expect(other.intro).toContain(' depuse de Caritas „Sfânta Maria”, în cadrul rundei de finanțare „Runda «Centre de zi» 2027 (Legea 34/1998)”');
  });

  it('gives an admitted request its amount and score', () => {
    const n = byId(notifications, 'r1');
    expect(n.verdict).toBe('CEREREA ESTE ADMISĂ — suma propusă: 40.000,00 lei');
    expect(n.paragraphs[0]).toBe('Cererea a obținut punctajul de 85,00 puncte (locul 1 în clasament) și a fost admisă la finanțare, cu suma de 40.000,00 lei, egală cu subvenția calculată.');
    expect(n.reasons).toEqual([]);
  });

  it('says when an admitted request is funded only in part, and why', () => {
    const n = byId(buildResultNotifications(roundResultsFixture({ allowPartialLast: true })), 'r2');
    expect(n.outcome).toBe('admisa_partial');
    expect(n.verdict).toBe('CEREREA ESTE ADMISĂ PARȚIAL — suma propusă: 20.000,00 lei');
    expect(n.paragraphs[0]).toContain('a fost admisă la finanțare parțial, cu suma de 20.000,00 lei din subvenția calculată de 30.000,00 lei');
    expect(n.paragraphs[0]).toContain('restul disponibil din bugetul rundei');
  });

  it('gives every eligibility reason of an ineligible request', () => {
    expect(byId(notifications, 'r5').reasons).toEqual([
      'Certificatul de atestare fiscală de la bugetul local lipsește din dosar.',
      'Licența de funcționare a serviciului social „Adăpostul de noapte «Casa Deschisă»” a expirat la 30.06.2026.',
    ]);
  });

  it('gives the score and the threshold of a request below it: (50 + 50 + 51) / 3 = 50,33 < 60', () => {
    expect(byId(notifications, 'r4').reasons).toEqual(['Punctajul obținut, 50,33 puncte, este sub pragul minim de 60,00 puncte prevăzut de grila de evaluare.']);
  });

  it('gives both reasons when a request is ineligible and also scored below the threshold', () => {
    const n = byId(buildResultNotifications(roundResultsFixture({ isRequest4Ineligible: true })), 'r4');
    expect(n.reasons).toEqual([
      'Balanța de verificare pentru luna august lipsește din dosar.',
      'Punctajul obținut, 50,33 puncte, este sub pragul minim de 60,00 puncte prevăzut de grila de evaluare.',
    ]);
  });

  it('gives the rank and the budget of a request left without money, 2/2026 tied and placed after 3/2026', () => {
    const n = byId(notifications, 'r2');
    expect(n.paragraphs[0]).toBe('Cererea a obținut punctajul de 75,00 puncte (locul 2 în clasament, la egalitate de punctaj), dar nu a fost admisă la finanțare, pentru următoarele motive:');
    expect(n.reasons[0]).toBe(
      'Cererea s-a clasat pe locul 2 din 3 cereri care au atins pragul, cu 75,00 puncte, la egalitate de punctaj cu alte cereri; bugetul rundei, de 100.000,00 lei, a fost insuficient pentru finanțarea ei după cererile clasate înaintea sa.',
    );
    expect(n.reasons).toContain('Nefinanțată: subvenția calculată (30.000,00 lei) depășește bugetul rămas (20.000,00 lei).');
    expect(n.summary).toContainEqual(['Locul în clasament', '2 din 3']);
  });

  it('runs the appeal term over the weekend and the holidays of 30.11 and 1.12: notified Friday 27.11.2026, last day Friday 04.12.2026', () => {
    for (const n of notifications) {
      expect(n.appealDeadline).toBe('2026-12-04');
      expect(n.appeal).toContain('în termen de 3 zile lucrătoare de la comunicare, până la data de 04.12.2026 inclusiv');
    }
  });

  it('counts from the documents’ date when the communication date is not recorded: 24.12.2026, over Christmas, to 30.12.2026', () => {
    const ctx = roundResultsFixture();
    const [n] = buildResultNotifications({ ...ctx, evaluation: { ...ctx.evaluation, notifiedOn: undefined }, date: '2026-12-24' });
    expect(n!.date).toBe('24.12.2026');
    expect(n!.appeal).toContain('până la data de 30.12.2026 inclusiv');
  });

  it('renders one letter, and all the letters in one DOCX, a section each with its own page numbers', async () => {
    const single = await renderResultNotificationDocx(byId(notifications, 'r5'));
    const singleXml = await (await JSZip.loadAsync(single)).file('word/document.xml')!.async('string');
    expect(singleXml).toContain('CEREREA NU ESTE ADMISĂ LA FINANȚARE');
    expect(singleXml).toContain('Certificatul de atestare fiscală de la bugetul local lipsește din dosar.');

    const all = await renderResultNotificationsDocx(notifications);
    const xml = await (await JSZip.loadAsync(all)).file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(5);
    expect(xml.match(/<w:pgNumType w:start="1"/g)).toHaveLength(5);
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(all, 'notificari.docx');
    // Each letter fits on one page.
    expect(pdf.pageCount).toBe(5);
    for (const n of notifications) expect(pdf.text).toContain(`Notificarea privind cererea nr. ${n.requestLabel} — pagina 1`);
    expect(pdf.text).toContain('Fundația Îngerii Străzii');
    expect(pdf.text).toContain('până la data de 04.12.2026 inclusiv');
  }, 120_000);
});
