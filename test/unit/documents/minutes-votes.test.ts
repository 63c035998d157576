import { describe, expect, it } from 'vitest';
import type { CommissionDecision } from '../../../src/commission/decisions';
import { buildAppealsMinutes } from '../../../src/documents/appeals-minutes';
import { buildEvaluationMinutes } from '../../../src/documents/evaluation-minutes';
import { renderEvaluationMinutesDocx } from '../../../templates/docx/evaluation-minutes';
import JSZip from 'jszip';
import { STAMP } from '../commission/fixtures';
import { APPEALS_SESSION, EVALUATION_SESSION, roundResultsFixture } from './round-results-fixture';

const outcome = (sentence: string): NonNullable<CommissionDecision['outcome']> => ({ isAdopted: true, for: 2, against: 0, abstentions: 1, required: 2, recused: [], sentence });

function withDecisions() {
  const ctx = roundResultsFixture();
  const decisions: CommissionDecision[] = [
    {
      id: 'd1', ...STAMP, roundId: ctx.round.id, sessionId: EVALUATION_SESSION, kind: 'clasament_final', text: 'Se aprobă clasamentul final și sumele propuse.',
      votes: [{ memberId: 'm1', vote: 'pentru' }, { memberId: 'm2', vote: 'pentru' }, { memberId: 'm3', vote: 'abtinere' }],
      outcome: outcome('Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 1 abținere (majoritatea membrilor prezenți: cel puțin 2 voturi pentru).'),
    },
    {
      id: 'd2', ...STAMP, roundId: ctx.round.id, sessionId: APPEALS_SESSION, kind: 'solutionare_contestatie', appealId: 'a1', requestId: 'r4', text: 'Se respinge contestația.',
      votes: [{ memberId: 'm1', vote: 'pentru' }, { memberId: 'm3', vote: 'pentru' }],
      outcome: { ...outcome('Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 0 abțineri; membrul Bogdan Rus nu a votat, fiind recuzat (majoritatea membrilor prezenți: cel puțin 2 voturi pentru).'), abstentions: 0 },
    },
  ];
  ctx.appeals[0]!.resolution = { ...ctx.appeals[0]!.resolution!, decisionId: 'd2' };
  return { ...ctx, decisions };
}

describe('the minutes state the vote of each decision', () => {
  it('evaluation minutes: the final ranking with its outcome and the nominal vote; appeal decisions are left to the appeals minutes', async () => {
    const minutes = buildEvaluationMinutes(withDecisions());
    expect(minutes.decisions).toEqual([
      'Aprobarea clasamentului final și a sumelor propuse, în ședința din 25.11.2026: „Se aprobă clasamentul final și sumele propuse”. ' +
        'Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 1 abținere (majoritatea membrilor prezenți: cel puțin 2 voturi pentru). ' +
        'Vot nominal: Ana Pop — pentru; Bogdan Rus — pentru; Cristina Mureșan — abținere.',
    ]);
    const xml = await (await JSZip.loadAsync(await renderEvaluationMinutesDocx(minutes))).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Vot nominal: Ana Pop — pentru; Bogdan Rus — pentru; Cristina Mureșan — abținere.');
  });

  it('evaluation minutes: say when no vote is recorded, or when votes are not kept in the app', () => {
    expect(buildEvaluationMinutes({ ...roundResultsFixture(), decisions: [] }).decisions).toEqual(['Nu este consemnată nicio decizie adoptată prin vot.']);
    expect(buildEvaluationMinutes(roundResultsFixture()).decisions[0]).toMatch(/^Voturile membrilor nu sunt consemnate în aplicație/);
  });

  it('appeals minutes: each appeal with the vote that resolved it, the recused member named', () => {
    const minutes = buildAppealsMinutes(withDecisions());
    const vote = (i: number) => minutes.appeals[i]!.fields.find(([l]) => l === 'Votul comisiei')?.[1];
    expect(vote(0)).toBe(
      'Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 0 abțineri; membrul Bogdan Rus nu a votat, fiind recuzat (majoritatea membrilor prezenți: cel puțin 2 voturi pentru). ' +
        'Vot nominal: Ana Pop — pentru; Cristina Mureșan — pentru.',
    );
    expect(vote(1)).toBe('Votul comisiei asupra contestației nu este consemnat.');
  });

  it('appeals minutes: name the member recused from the contested request as recused from the appeal', () => {
    const ctx = withDecisions();
    ctx.appeals[0]!.requestId = 'r1';
    const minutes = buildAppealsMinutes(ctx);
    expect(minutes.appeals[0]!.fields.find(([l]) => l === 'Membri recuzați, care nu au votat')?.[1]).toMatch(/^Bogdan Rus are calitatea de fondator al organizației „Asociația Șansa Țării”/);
    expect(minutes.appeals[1]!.fields.some(([l]) => l === 'Membri recuzați, care nu au votat')).toBe(false);
  });
});
