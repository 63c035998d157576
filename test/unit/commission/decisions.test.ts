import { describe, expect, it } from 'vitest';
import { appealRecusals, recusalsForDecision, resolutionSessionProblems } from '../../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES } from '../../../src/commission/commission';
import { decisionOutcome, describeCounts, emptyCommissionDecision, validateCommissionDecision, type Vote } from '../../../src/commission/decisions';
import type { Attendance } from '../../../src/commission/session';
import { commissionMembers, member } from './fixtures';

const members = commissionMembers();
const rules = DEFAULT_COMMISSION_RULES;
const present = (...ids: string[]): Record<string, Attendance> => Object.fromEntries(ids.map((id) => [id, { isPresent: true }]));
const session = (attendance: Record<string, Attendance>) => ({ id: 's1', date: '2026-10-20', attendance });
const votes = (entries: Record<string, Vote>) => Object.entries(entries).map(([memberId, vote]) => ({ memberId, vote }));

describe('the outcome of a vote of the commission (majority of the members present)', () => {
  it('adopts with 3 for, 0 against and 1 abstention of 4 present, and says so for the minutes', () => {
    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru', m4: 'abtinere' }), session: session(present('m1', 'm2', 'm3', 'm4')), members, rules });
    expect(outcome).toMatchObject({ isAdopted: true, hasQuorum: true, counts: { for: 3, against: 0, abstentions: 1 }, required: 3, problems: [] });
    expect(outcome.sentence).toBe('Decizia a fost adoptată cu 3 voturi pentru, 0 împotrivă și 1 abținere (majoritatea membrilor prezenți: cel puțin 3 voturi pentru).');
  });

  it('does not adopt on a tie of votes: 2 for, 2 against', () => {
    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'impotriva', m4: 'impotriva' }), session: session(present('m1', 'm2', 'm3', 'm4')), members, rules });
    expect(outcome.isAdopted).toBe(false);
    expect(outcome.problems).toEqual([]);
    expect(outcome.sentence).toMatch(/^Decizia nu a fost adoptată cu 2 voturi pentru, 2 împotrivă și 0 abțineri/);
  });

  it('counts abstentions as not "for": 2 for and 2 abstentions of 4 do not adopt', () => {
    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'abtinere', m4: 'abtinere' }), session: session(present('m1', 'm2', 'm3', 'm4')), members, rules });
    expect(outcome).toMatchObject({ isAdopted: false, counts: { for: 2, against: 0, abstentions: 2 } });
  });

  it('refuses the vote of a recused member, and counts the majority on the members present and not recused', () => {
    const recusals = [{ memberId: 'm4', reason: 'Dan Ilieș are calitatea de fondator al organizației „Asociația Șansa”.' }];
    const attendance = present('m1', 'm2', 'm3', 'm4', 'm5');
    const refused = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru', m4: 'pentru', m5: 'impotriva' }), session: session(attendance), members, rules, recusals });
    expect(refused.isAdopted).toBe(false);
    expect(refused.problems).toEqual(['Dan Ilieș este recuzat și nu poate vota: Dan Ilieș are calitatea de fondator al organizației „Asociația Șansa”.']);

    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru', m5: 'impotriva' }), session: session(attendance), members, rules, recusals });
    expect(outcome).toMatchObject({ isAdopted: true, required: 3, problems: [] });
    expect(outcome.voters.map((v) => v.memberId)).toEqual(['m1', 'm2', 'm3', 'm5']);
    expect(outcome.recused).toEqual([{ memberId: 'm4', name: 'Dan Ilieș', reason: recusals[0]!.reason }]);
    expect(outcome.sentence).toContain('3 voturi pentru, 1 împotrivă și 0 abțineri; membrul Dan Ilieș nu a votat, fiind recuzat');
  });

  it('refuses the vote of an absent member, of the secretary, and of a substitute whose titular is present', () => {
    const outcome = decisionOutcome({
      votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru', m4: 'pentru', m6: 'pentru', sec: 'pentru', s2: 'pentru' }),
      session: session(present('m1', 'm2', 'm3', 'm4', 'sec', 's2')),
      members,
      rules,
    });
    expect(outcome.isAdopted).toBe(false);
    expect(outcome.problems).toEqual([
      'Florin Șerban lipsește de la ședință și nu poate vota.',
      'Gabriela Pascu are calitatea de secretar al comisiei, fără drept de vot.',
      'Horia Stan are calitatea de supleant și nu ține locul unui membru titular absent: nu poate vota.',
    ]);
  });

  it('lets a substitute vote in place of the absent titular', () => {
    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', s2: 'pentru', m3: 'pentru', m4: 'impotriva' }), session: session(present('m1', 's2', 'm3', 'm4')), members, rules });
    expect(outcome).toMatchObject({ isAdopted: true, problems: [] });
  });

  it('adopts nothing at a session without quorum, whatever the votes', () => {
    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru' }), session: session(present('m1', 'm2', 'm3')), members, rules });
    expect(outcome).toMatchObject({ isAdopted: false, hasQuorum: false });
    expect(outcome.problems[0]).toMatch(/^Ședința nu are cvorum pentru această decizie: cvorumul nu este întrunit: sunt prezenți 3 din 6/);
    expect(outcome.sentence).toBe('Decizia nu a putut fi adoptată: ședința nu a avut cvorum.');
  });

  it('loses the quorum of one item when recused members leave too few: 4 present, 1 recused', () => {
    const outcome = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru' }), session: session(present('m1', 'm2', 'm3', 'm4')), members, rules, recusals: [{ memberId: 'm4', reason: 'legătură declarată' }] });
    expect(outcome).toMatchObject({ isAdopted: false, hasQuorum: false });
  });

  it('asks for the vote of every member present, and refuses a member without a signed declaration when declarations are given', () => {
    const attendance = present('m1', 'm2', 'm3', 'm4');
    const missing = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru' }), session: session(attendance), members, rules });
    expect(missing.problems).toEqual(['Lipsește votul: Dan Ilieș.']);
    expect(missing.isAdopted).toBe(false);
    const declarations = ['m1', 'm2', 'm3'].map((memberId) => ({ memberId, sessionId: 's1', signedOn: '2026-10-20' }));
    const unsigned = decisionOutcome({ votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru', m4: 'pentru' }), session: session(attendance), members, rules, declarations });
    expect(unsigned.problems).toEqual(['Dan Ilieș nu a semnat declarația de imparțialitate și confidențialitate pentru această ședință și nu poate vota.']);
  });

  it('follows the rule "majority of the members with voting rights": 3 for of 4 present is not enough for 6 members', () => {
    const outcome = decisionOutcome({
      votes: votes({ m1: 'pentru', m2: 'pentru', m3: 'pentru', m4: 'impotriva' }),
      session: session(present('m1', 'm2', 'm3', 'm4')),
      members,
      rules: { ...rules, decision: { kind: 'majoritatea_membrilor' } },
    });
    expect(outcome).toMatchObject({ isAdopted: false, required: 4 });
  });

  it('writes the counts in Romanian', () => {
    expect(describeCounts({ for: 1, against: 0, abstentions: 0 })).toBe('1 vot pentru, 0 împotrivă și 0 abțineri');
    expect(describeCounts({ for: 20, against: 1, abstentions: 2 })).toBe('20 de voturi pentru, 1 împotrivă și 2 abțineri');
  });
});

describe('a decision record', () => {
  it('needs the session, the text, the request of an admission and the appeal of an appeal decision', () => {
    const { errors } = validateCommissionDecision({ ...emptyCommissionDecision('runda', '', 'admitere_cerere'), text: '' });
    expect(errors).toMatchObject({ sessionId: expect.any(String), requestId: expect.any(String), text: expect.any(String) });
    expect(validateCommissionDecision({ ...emptyCommissionDecision('runda', 's1', 'solutionare_contestatie'), text: 'Se respinge contestația.' }).errors.appealId).toBeDefined();
    expect(validateCommissionDecision({ ...emptyCommissionDecision('runda', 's1', 'altceva' as never), text: 'Text' }).errors.kind).toBeDefined();
    const tie = { ...emptyCommissionDecision('runda', 's1', 'ordine_egalitate'), text: 'Cererea 3 înaintea cererii 2.' };
    expect(validateCommissionDecision({ ...tie, requestIds: ['r3'] }).errors.requestIds).toBeDefined();
    expect(validateCommissionDecision({ ...tie, requestIds: ['r3', 'r2'] }).errors).toEqual({});
  });

  it('refuses a vote recorded twice for the same member, or a vote that is not for, against or abstention', () => {
    const base = { ...emptyCommissionDecision('runda', 's1'), text: 'Se aprobă clasamentul final.' };
    expect(validateCommissionDecision({ ...base, votes: votes({ m1: 'pentru' }).concat(votes({ m1: 'impotriva' })) }).errors.votes).toMatch(/de două ori/);
    expect(validateCommissionDecision({ ...base, votes: [{ memberId: 'm1', vote: 'da' as Vote }] }).errors.votes).toBeDefined();
    expect(validateCommissionDecision({ ...base, votes: votes({ m1: 'pentru' }) }).errors).toEqual({});
  });
});

describe('appeals: recusals and the resolving session', () => {
  const requests = [{ id: 'r1', organizationId: 'ong-1', organizationName: 'Asociația Șansa' }, { id: 'r2', organizationId: 'ong-2', organizationName: 'Fundația Casa' }];
  const linked = [...members.filter((m) => m.id !== 'm2'), member('m2', { name: 'Bogdan Rus', ngoLinks: [{ organizationId: 'ong-1', kind: 'fondator', note: '' }] })];

  it('recuses from an appeal the member linked to the NGO, and the member the commission recused at any session for that request', () => {
    const manual = [
      { memberId: 'm3', requestId: 'r1', reason: 'Soțul său este voluntar în unitate' },
      { memberId: 'm4', requestId: 'r2', reason: 'Alt motiv, altă cerere' },
    ];
    const recusals = appealRecusals({ requestId: 'r1' }, linked, requests, manual);
    expect(recusals.map((r) => [r.memberId, r.kind])).toEqual([['m2', 'automata'], ['m3', 'manuala']]);
    expect(recusals[0]!.reason).toContain('fondator al organizației „Asociația Șansa”');
    expect(appealRecusals({ requestId: 'r2' }, linked, requests, manual).map((r) => r.memberId)).toEqual(['m4']);
  });

  it('keeps out of a tie-order vote every member recused from any of the tied requests', () => {
    const context = { appeals: [], members: linked, requests, manualRecusals: [{ memberId: 'm3', requestId: 'r2', reason: 'Rudă cu directorul' }] };
    expect(recusalsForDecision({ requestIds: ['r1', 'r2'] }, context).map((r) => r.memberId)).toEqual(['m2', 'm3']);
    expect(recusalsForDecision({}, context)).toEqual([]);
  });

  it('resolves appeals only in an appeals session with quorum and signed declarations', () => {
    const attendance = present('m1', 'm2', 'm3', 'm4');
    const signed = ['m1', 'm2', 'm3', 'm4'].map((memberId) => ({ memberId, sessionId: 's1', signedOn: '2026-10-20' }));
    const appealsSession = { ...session(attendance), kind: 'contestatii' as const };
    expect(resolutionSessionProblems(appealsSession, members, rules, signed)).toEqual([]);
    expect(resolutionSessionProblems({ ...appealsSession, kind: 'evaluare' }, members, rules, signed)[0]).toBe(
      'Contestațiile se soluționează într-o „Ședință de soluționare a contestațiilor”, nu într-o „Ședință de evaluare și selecție”.',
    );
    expect(resolutionSessionProblems(appealsSession, members, rules, signed.slice(0, 3))).toEqual([
      'Nu au semnat declarația de imparțialitate și confidențialitate pentru ședința de soluționare: Dan Ilieș.',
    ]);
    expect(resolutionSessionProblems(appealsSession, members, rules, signed, [{ memberId: 'm4' }])[0]).toMatch(/^Ședința de soluționare nu are cvorum/);
    expect(resolutionSessionProblems(undefined, members, rules, signed)).toEqual(['Ședința de soluționare nu mai există.']);
  });
});
