import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { CommissionDecision } from '../../../src/commission/decisions';
import { buildAppealDecisionLetters, buildChangedResultNotifications } from '../../../src/documents/appeal-letters';
import { renderAppealDecisionLettersDocx, renderChangedResultNotificationsDocx } from '../../../templates/docx/appeal-letters';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { STAMP } from '../commission/fixtures';
import { APPEALS_SESSION, roundResultsFixture } from './round-results-fixture';

/** The fixture's appeals, each resolved by a recorded vote; Bogdan Rus is recused from none of them. */
function withVotes(options: Parameters<typeof roundResultsFixture>[0] = {}) {
  const ctx = roundResultsFixture(options);
  const decisions: CommissionDecision[] = ctx.appeals.map((a, i) => ({
    id: `d${i + 1}`, ...STAMP, roundId: ctx.round.id, sessionId: APPEALS_SESSION, kind: 'solutionare_contestatie', appealId: a.id, requestId: a.requestId, text: a.resolution!.decision,
    votes: [{ memberId: 'm1', vote: 'pentru' }, { memberId: 'm2', vote: 'pentru' }, { memberId: 'm3', vote: 'abtinere' }],
    outcome: { isAdopted: true, for: 2, against: 0, abstentions: 1, required: 2, recused: [], sentence: 'Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 1 abținere (majoritatea membrilor prezenți: cel puțin 2 voturi pentru).' },
  }));
  ctx.appeals.forEach((a, i) => { a.resolution = { ...a.resolution!, decisionId: `d${i + 1}` }; });
  return { ...ctx, decisions };
}

const docxText = async (bytes: Uint8Array) => (await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');

describe('decision letters to the appellants', () => {
  const ctx = withVotes({ hasAdmittedAppeal: true });
  const letters = buildAppealDecisionLetters(ctx, { date: '2026-12-09', numbers: { a3: '1450' } });

  it('writes one letter per decided appeal, with the verdict, the reasons, the session and the vote, and the remedy', () => {
    expect(letters.map((l) => [l.appealLabel, l.verdict])).toEqual([
      ['1/2026', 'CONTESTAȚIA SE RESPINGE'],
      ['2/2026', 'CONTESTAȚIA SE RESPINGE CA TARDIVĂ'],
      ['3/2026', 'CONTESTAȚIA SE ADMITE ÎN PARTE'],
    ]);
    const [rejected] = letters;
    expect(rejected!.addressee.name).toBe('Asociația Prietenii Copiilor');
    expect(rejected!.reasons).toContain('beneficiarii efectiv deserviți');
    expect(rejected!.vote[0]).toBe(
      'Contestația a fost soluționată de Comisia de evaluare și selecționare (Legea 34/1998) în ședința de soluționare a contestațiilor din 08.12.2026. ' +
        'Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 1 abținere (majoritatea membrilor prezenți: cel puțin 2 voturi pentru).',
    );
    expect(rejected!.effect).toEqual(['Rezultatul comunicat la 27.11.2026 rămâne neschimbat: sub pragul de punctaj, suma propusă 0,00 lei.']);
    expect(rejected!.remedy).toContain('Legii contenciosului administrativ nr. 554/2004');
    expect(rejected!.intro[1]).toBe('Motivele contestației: „Punctajul pe criteriul C nu ține seama de cei 18 copii din lista de așteptare”.');
  });

  it('gives the admitted appeal its new score and amount, and takes the number and the date from the register', () => {
    const admitted = letters[2]!;
    expect([admitted.number, admitted.date]).toEqual(['1450', '09.12.2026']);
    expect(letters[0]!.number).toBe('');
    expect(admitted.comparison).toContainEqual(['Punctajul', '75,00 puncte', '76,00 puncte']);
    expect(admitted.comparison).toContainEqual(['Suma propusă', '0,00 lei', '30.000,00 lei']);
    expect(admitted.effect[0]).toBe('Prin PV nr. 2/08.12.2026, punctajul cererii devine 76,00 puncte. După recalcularea clasamentului, cererea este finanțată, pe locul 2, cu suma propusă de 30.000,00 lei.');
  });

  it('says when the vote is not recorded, and writes no letter for an appeal still registered', () => {
    const plain = roundResultsFixture();
    plain.appeals.push({ ...plain.appeals[0]!, id: 'a9', status: 'inregistrata', resolution: undefined, registration: { year: 2026, sequence: 9 } });
    const list = buildAppealDecisionLetters(plain);
    expect(list.map((l) => l.appealLabel)).toEqual(['1/2026', '2/2026']);
    // Documents dated 27.11.2026, appeals decided on 08.12.2026: the letter is not dated before the decision.
    expect(list[0]!.date).toBe('08.12.2026');
    expect(buildChangedResultNotifications(withVotes({ hasAdmittedAppeal: true }))[0]!.date).toBe('08.12.2026');
    expect(list[0]!.vote[0]).toMatch(/votul membrilor nu este consemnat în aplicație\.$/);
  });
});

describe('notifications of a result changed by another applicant’s appeal', () => {
  it('go to the applicant pushed out of the budget, with the old and new rank and amount and the appeal that caused it', () => {
    const list = buildChangedResultNotifications(withVotes({ hasAdmittedAppeal: true }), { numbers: { r3: '1451' } });
    expect(list.map((n) => n.requestLabel)).toEqual(['3/2026']);
    const [n] = list;
    expect(n!.number).toBe('1451');
    expect(n!.causes).toEqual([
      'Contestația nr. 3/2026, depusă de Fundația Îngerii Străzii pentru cererea nr. 2/2026, a fost admisă în parte în ședința din 08.12.2026, prin PV nr. 2/08.12.2026: punctajul devine 76,00 puncte.',
    ]);
    expect(n!.comparison).toContainEqual(['Locul în clasament', '2 din 3', '3 din 3']);
    expect(n!.comparison).toContainEqual(['Suma propusă', '40.000,00 lei', '0,00 lei']);
    expect(n!.effect[0]).toContain('cererea trece de pe locul 2 pe locul 3, iar suma propusă se modifică de la 40.000,00 lei la 0,00 lei');
  });

  it('are none when no admitted appeal changed the ranking, or its act is not recorded yet', () => {
    expect(buildChangedResultNotifications(withVotes())).toEqual([]);
    expect(buildChangedResultNotifications(withVotes({ hasAdmittedAppeal: true, admittedAppealAct: '' }))).toEqual([]);
  });
});

describe('the letters as DOCX, through LibreOffice', () => {
  const ctx = withVotes({ hasAdmittedAppeal: true });

  it('open with the header, number, vote, remedy and signatures, one letter per section with page numbers', async () => {
    const letters = buildAppealDecisionLetters(ctx, { date: '2026-12-09', numbers: { a3: '1450' } });
    const notifications = buildChangedResultNotifications(ctx, { date: '2026-12-09' });
    const decisionsDocx = await renderAppealDecisionLettersDocx(letters);
    const notificationsDocx = await renderChangedResultNotificationsDocx(notifications);
    const text = await docxText(decisionsDocx);
    expect(text).toContain('CONTESTAȚIA SE ADMITE ÎN PARTE');
    expect(text).toContain('Nr. 1450 / 09.12.2026');
    expect(text).toContain('Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 1 abținere');
    expect(await docxText(notificationsDocx)).toContain('3 din 3');
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(decisionsDocx, 'decizii-contestatii.docx');
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    expect(pdf.text).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    expect(pdf.text).toContain('DECIZIE');
    expect(pdf.text).toContain('privind soluționarea contestației nr. 3/2026');
    expect(pdf.text).toContain('Legii contenciosului administrativ nr. 554/2004');
    expect(pdf.text).toContain('Decizia privind contestația nr. 1/2026 — pagina 1');
    expect(pdf.text).toContain('Întocmit');
    const notice = convertToPdf(notificationsDocx, 'notificari-modificare.docx');
    expect(notice.pageCount).toBe(1);
    expect(notice.text).toContain('privind modificarea rezultatului evaluării cererii de subvenționare nr. 3/2026');
    expect(notice.text).toContain('După soluționarea contestațiilor');
    expect(notice.text).toContain('40.000,00 lei');
  }, 120_000);
});
