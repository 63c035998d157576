import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMISSION_RULES } from '../../../src/commission/commission';
import { checkQuorum, emptyCommissionSession, validateCommissionSession, type Attendance } from '../../../src/commission/session';
import { commissionMembers, member } from './fixtures';

const rule = DEFAULT_COMMISSION_RULES.quorum;
const members = commissionMembers();
const present = (...ids: string[]): Record<string, Attendance> => Object.fromEntries(ids.map((id) => [id, { isPresent: true }]));
const session = (attendance: Record<string, Attendance>) => ({ date: '2026-10-20', attendance });

describe('quorum of a session (more than half of the members with voting rights)', () => {
  it('is not met by exactly half: 3 of 6 present', () => {
    const q = checkQuorum(session(present('m1', 'm2', 'm3')), members, rule);
    expect(q).toMatchObject({ hasQuorum: false, present: 3, required: 4, votingTotal: 6 });
    expect(q.message).toBe(
      'Cvorumul nu este întrunit: sunt prezenți 3 din 6 membri cu drept de vot, iar regula „mai mult de jumătate din membrii cu drept de vot” cere cel puțin 4.',
    );
  });

  it('is met by 4 of 6', () => {
    const q = checkQuorum(session(present('m1', 'm2', 'm3', 'm4')), members, rule);
    expect(q.hasQuorum).toBe(true);
    expect(q.message).toMatch(/^Cvorumul este întrunit: sunt prezenți 4 din 6 membri/);
  });

  it('never counts the secretary, present or not', () => {
    const q = checkQuorum(session(present('m1', 'm2', 'm3', 'sec')), members, rule);
    expect(q).toMatchObject({ hasQuorum: false, present: 3, votingTotal: 6 });
    expect(q.notCounted.map((n) => n.memberId)).toEqual(['sec']);
  });

  it('counts a substitute in place of the absent titular', () => {
    const q = checkQuorum(session(present('m1', 'm3', 'm4', 's2')), members, rule);
    expect(q).toMatchObject({ hasQuorum: true, present: 4 });
    expect(q.seats.find((s) => s.titularId === 'm2')).toEqual({ titularId: 'm2', sittingMemberId: 's2', isSubstitute: true });
    expect(q.message).toContain('dintre care 1 supleant în locul titularilor absenți');
  });

  it('counts a seat once when both the titular and the substitute are present', () => {
    const q = checkQuorum(session(present('m1', 'm2', 'm3', 's2')), members, rule);
    expect(q).toMatchObject({ hasQuorum: false, present: 3 });
    expect(q.notCounted[0]!.reason).toMatch(/nu se numără a doua oară/);
  });

  it('does not count a member outside the mandate, nor as a voting seat', () => {
    const withExpired = [...members, member('m7', { periodTo: '2026-06-30' })];
    const q = checkQuorum(session(present('m1', 'm2', 'm3', 'm7')), withExpired, rule);
    expect(q).toMatchObject({ votingTotal: 6, present: 3, hasQuorum: false });
  });

  it('can leave out members recused for one agenda item', () => {
    const q = checkQuorum(session(present('m1', 'm2', 'm3', 'm4')), members, rule, { excludedMemberIds: new Set(['m4']) });
    expect(q).toMatchObject({ present: 3, hasQuorum: false });
  });
});

describe('session records', () => {
  const draft = {
    ...emptyCommissionSession('runda-2027', 'comisia-34'),
    date: '20.10.2026',
    time: '9.30',
    place: 'Sala de ședințe DASM, str. Venus 20-22',
    agenda: ['r1', 'r2'],
  };

  it('normalises date and time', () => {
    const { value, errors } = validateCommissionSession(draft, { members });
    expect(errors).toEqual({});
    expect(value).toMatchObject({ date: '2026-10-20', time: '09:30' });
  });

  it('refuses a request twice on the agenda and a substitute replacing a titular who is present', () => {
    const { errors } = validateCommissionSession(
      { ...draft, agenda: ['r1', 'r1'], attendance: { m2: { isPresent: true }, s2: { isPresent: true, replacesMemberId: 'm2' } } },
      { members },
    );
    expect(errors.agenda).toMatch(/de două ori/);
    expect(errors.attendance).toBe('Bogdan Rus participă la ședință; supleantul Horia Stan nu poate ține locul titularului.');
  });

  it('refuses a substitute sitting for a member other than the one named in the appointment', () => {
    const { errors } = validateCommissionSession({ ...draft, attendance: { s2: { isPresent: true, replacesMemberId: 'm3' } } }, { members });
    expect(errors.attendance).toMatch(/alt membru decât Cristina Mureșan/);
  });
});
