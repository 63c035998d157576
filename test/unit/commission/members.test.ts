import { describe, expect, it } from 'vitest';
import { emptyCommissionMember, isMemberActiveOn, validateCommissionMember, votingMembers } from '../../../src/commission/members';
import { commissionMembers, member } from './fixtures';

describe('commission members', () => {
  const draft = {
    ...emptyCommissionMember('comisia-34'),
    name: '  Ioana   Rus ',
    institution: 'DASM Cluj-Napoca',
    appointmentAct: 'Dispoziţia Primarului nr. 1234',
    appointmentDate: '10.01.2026',
    periodFrom: '15.01.2026',
    periodTo: '31.12.2027',
    ngoLinks: [{ organizationId: 'org-1', kind: 'fondator' as const, note: '' }],
  };

  it('accepts a member appointed by a mayor’s order, cleaning text and dates', () => {
    const { value, errors } = validateCommissionMember(draft);
    expect(errors).toEqual({});
    expect(value).toMatchObject({
      name: 'Ioana Rus',
      appointmentAct: 'Dispoziția Primarului nr. 1234',
      appointmentDate: '2026-01-10',
      periodFrom: '2026-01-15',
      periodTo: '2027-12-31',
    });
  });

  it('requires name, institution and appointment act, and a mandate that ends after it starts', () => {
    const { errors } = validateCommissionMember({ ...draft, name: '', institution: '', appointmentAct: '', periodTo: '01.01.2026' });
    expect(errors.name).toMatch(/obligatoriu/);
    expect(errors.institution).toMatch(/obligatorie/);
    expect(errors.appointmentAct).toMatch(/Dispoziția Primarului/);
    expect(errors.periodTo).toMatch(/înaintea începutului/);
  });

  it('refuses a substitute link on a titular, to a member who is a substitute, and twice the same NGO link', () => {
    const members = commissionMembers();
    expect(validateCommissionMember({ ...draft, substituteForId: 'm2' }, { members }).errors.substituteForId).toMatch(/Doar un membru supleant/);
    expect(validateCommissionMember({ ...draft, isSubstitute: true, substituteForId: 's2' }, { members }).errors.substituteForId).toMatch(
      /la rândul său calitatea de supleant/,
    );
    expect(validateCommissionMember({ ...draft, isSubstitute: true, substituteForId: 'm2' }, { members }).errors.substituteForId).toBeUndefined();
    const twice = validateCommissionMember({ ...draft, ngoLinks: [...draft.ngoLinks, { organizationId: 'org-1', kind: 'fondator', note: 'x' }] });
    expect(twice.errors.ngoLinks).toMatch(/de două ori/);
  });

  it('is active from the first to the last day of the mandate, both included', () => {
    const m = member('x', { periodFrom: '2026-01-15', periodTo: '2026-12-31' });
    expect(isMemberActiveOn(m, '2026-01-14')).toBe(false);
    expect(isMemberActiveOn(m, '2026-01-15')).toBe(true);
    expect(isMemberActiveOn(m, '2026-12-31')).toBe(true);
    expect(isMemberActiveOn(m, '2027-01-01')).toBe(false);
    expect(isMemberActiveOn(member('y', { periodFrom: '2026-01-15' }), '2030-06-01')).toBe(true);
  });

  it('counts as voting seats only titular presidents and members in office: not the secretary, not substitutes', () => {
    const members = [...commissionMembers(), member('old', { periodTo: '2026-06-30' })];
    expect(votingMembers(members, '2026-10-20').map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(votingMembers(members, '2026-03-01').map((m) => m.id)).toContain('old');
  });
});
