import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEAL_RULES, type Appeal } from '../../../src/commission/appeals';
import { appealsFiledPhrase, procedureStage, type ProcedureStageInput } from '../../../src/commission/procedure-stage';
import { SHIPPED_HOLIDAY_TABLE } from '../../../src/calendar/public-holidays';

// Communicated on Friday 27.11.2026; 30.11 and 1.12 are public holidays, so 3 working days end on 04.12.2026.
const appeal = (receivedOn: string, status: Appeal['status'], decidedOn?: string): Pick<Appeal, 'receivedOn' | 'status' | 'resolution'> => ({
  receivedOn,
  status,
  resolution: decidedOn ? { sessionId: 's', decidedOn, decision: 'Motivare.', decisionAct: '' } : undefined,
});
const input = (date: string, overrides: Partial<ProcedureStageInput> = {}): ProcedureStageInput => ({
  notifiedOn: '2026-11-27',
  appealRules: DEFAULT_APPEAL_RULES,
  holidays: SHIPPED_HOLIDAY_TABLE,
  appeals: [appeal('2026-12-02', 'respinsa', '2026-12-08'), appeal('2026-12-07', 'tardiva', '2026-12-08')],
  appealSessionDates: ['2026-12-08'],
  date,
  ...overrides,
});

describe('the stage of the procedure on a document’s date', () => {
  it('before the communication: the results are still to be communicated', () => {
    const noDate = procedureStage(input('2026-11-26', { notifiedOn: undefined }));
    expect(noDate).toMatchObject({ stage: 'necomunicate', appealDeadline: null, filed: 0, isFinal: false });
    expect(noDate.sentence).toBe('Rezultatele urmează să fie comunicate solicitanților, care pot depune contestație în termen de 3 zile lucrătoare de la comunicare.');
    // A communication recorded for a later day does not count yet.
    expect(procedureStage(input('2026-11-26')).stage).toBe('necomunicate');
  });

  it('during the appeal term: its last day, and only the appeals filed so far', () => {
    const first = procedureStage(input('2026-11-27'));
    expect(first).toMatchObject({ stage: 'termen_contestatii', appealDeadline: '2026-12-04', filed: 0, isFinal: false });
    expect(first.sentence).toBe(
      'Rezultatele au fost comunicate solicitanților la 27.11.2026; termenul de depunere a contestațiilor, de 3 zile lucrătoare, se împlinește la 04.12.2026, iar până la această dată nu s-au depus contestații.',
    );
    const later = procedureStage(input('2026-12-04'));
    expect(later).toMatchObject({ stage: 'termen_contestatii', filed: 1, pending: 1 });
    expect(later.sentence).toContain('iar până la această dată s-a depus 1 contestație.');
  });

  it('after the term, while appeals wait for the commission', () => {
    const state = procedureStage(input('2026-12-07'));
    expect(state).toMatchObject({ stage: 'contestatii_in_solutionare', filed: 2, pending: 2, isFinal: false });
    expect(state.sentence).toBe(
      'Rezultatele au fost comunicate solicitanților la 27.11.2026; termenul de depunere a contestațiilor s-a împlinit la 04.12.2026; s-au depus 2 contestații, dintre care 2 contestații sunt în curs de soluționare.',
    );
  });

  it('after the appeals were resolved: how many, where, with what outcome', () => {
    const state = procedureStage(input('2026-12-10'));
    expect(state).toMatchObject({ stage: 'incheiata', filed: 2, pending: 0, isFinal: true, outcomes: ['1 respinsă', '1 respinsă ca tardivă'] });
    expect(state.sentence).toBe(
      'Rezultatele au fost comunicate solicitanților la 27.11.2026; termenul de depunere a contestațiilor s-a împlinit la 04.12.2026; s-au depus 2 contestații, soluționate în ședința din 08.12.2026: 1 respinsă, 1 respinsă ca tardivă.',
    );
    const one = procedureStage(input('2026-12-10', { appeals: [appeal('2026-12-02', 'admisa', '2026-12-08')] }));
    expect(one.sentence).toContain('s-a depus 1 contestație, soluționată în ședința din 08.12.2026: 1 admisă.');
  });

  it('after the term with no appeal: only then "nu s-au depus contestații" and final', () => {
    const state = procedureStage(input('2026-12-05', { appeals: [] }));
    expect(state).toMatchObject({ stage: 'incheiata', isFinal: true });
    expect(state.sentence).toBe('Rezultatele au fost comunicate solicitanților la 27.11.2026; termenul de depunere a contestațiilor s-a împlinit la 04.12.2026 și nu s-au depus contestații.');
  });

  it('counts an appeal withdrawn as settled, and one still registered as pending', () => {
    const state = procedureStage(input('2026-12-10', { appeals: [appeal('2026-12-02', 'retrasa'), appeal('2026-12-03', 'inregistrata')] }));
    expect(state).toMatchObject({ stage: 'contestatii_in_solutionare', filed: 2, pending: 1, outcomes: ['1 retrasă'] });
  });

  it('says the number of appeals the Romanian way', () => {
    expect(appealsFiledPhrase(0)).toBe('nu s-au depus contestații');
    expect(appealsFiledPhrase(1)).toBe('s-a depus 1 contestație');
    expect(appealsFiledPhrase(2)).toBe('s-au depus 2 contestații');
    expect(appealsFiledPhrase(20)).toBe('s-au depus 20 de contestații');
  });
});
