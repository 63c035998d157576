import { describe, expect, it } from 'vitest';
import { canScore, findRecusals, validateManualRecusal, type ScoringPermissionContext } from '../../../src/commission/conflicts';
import type { NgoLinkKind } from '../../../src/commission/members';
import { commissionMembers } from './fixtures';

const requests = [
  { id: 'r1', organizationId: 'org-sansa', organizationName: 'Asociația Șansa' },
  { id: 'r2', organizationId: 'org-lumina', organizationName: 'Fundația Lumina' },
];

function membersWithLink(kind: NgoLinkKind, note = '') {
  return commissionMembers().map((m) => (m.id === 'm3' ? { ...m, ngoLinks: [{ organizationId: 'org-sansa', kind, note }] } : m));
}

describe('recusals', () => {
  it.each([
    ['fondator', 'Cristina Mureșan are calitatea de fondator al organizației „Asociația Șansa”.'],
    ['membru_consiliu', 'Cristina Mureșan are calitatea de membru în consiliul director al organizației „Asociația Șansa”.'],
    ['angajat', 'Cristina Mureșan are calitatea de angajat al organizației „Asociația Șansa”.'],
    ['ruda_reprezentant', 'Cristina Mureșan este rudă a unui reprezentant al organizației „Asociația Șansa”.'],
  ] as const)('recuses automatically a member linked to the NGO as %s, naming the link', (kind, reason) => {
    const result = findRecusals(['r1', 'r2'], membersWithLink(kind), requests);
    expect(result).toEqual([{ memberId: 'm3', requestId: 'r1', kind: 'automata', reason }]);
  });

  it('keeps the note of the link and ignores requests that are not on the agenda', () => {
    expect(findRecusals(['r1'], membersWithLink('ruda_reprezentant', 'soția președintelui'), requests)[0]!.reason).toContain('(soția președintelui)');
    expect(findRecusals(['r2'], membersWithLink('fondator'), requests)).toEqual([]);
  });

  it('adds the recusals the commission records by hand, with their reason', () => {
    const result = findRecusals(['r1', 'r2'], commissionMembers(), requests, [
      { memberId: 'm5', requestId: 'r2', reason: 'a colaborat la întocmirea cererii.' },
    ]);
    expect(result).toEqual([
      { memberId: 'm5', requestId: 'r2', kind: 'manuala', reason: 'Recuzare consemnată de comisie pentru Elena Țurcanu: a colaborat la întocmirea cererii.' },
    ]);
    expect(validateManualRecusal({ memberId: 'm5', requestId: 'r2', reason: '  ' }).errors.reason).toMatch(/obligatoriu/);
  });
});

describe('who may score a request', () => {
  const members = membersWithLink('fondator');
  const present = ['m1', 'm2', 'm3', 'm4', 'sec'];
  const context = (overrides: Partial<ScoringPermissionContext> = {}): ScoringPermissionContext => ({
    session: { id: 'sesiune-1', date: '2026-10-20', agenda: ['r1', 'r2'], attendance: Object.fromEntries(present.map((id) => [id, { isPresent: true }])) },
    members,
    declarations: present.map((memberId) => ({ memberId, sessionId: 'sesiune-1', signedOn: '2026-10-20' })),
    recusals: findRecusals(['r1', 'r2'], members, requests),
    ...overrides,
  });

  it('allows a present member who signed the declaration and is not recused', () => {
    expect(canScore('m1', 'r1', context())).toEqual({ isAllowed: true, reason: 'Ana Pop poate puncta cererea.' });
    expect(canScore('m3', 'r2', context()).isAllowed).toBe(true);
  });

  it('blocks a recused member from that request, quoting the link', () => {
    expect(canScore('m3', 'r1', context())).toEqual({
      isAllowed: false,
      reason: 'Recuzat: Cristina Mureșan are calitatea de fondator al organizației „Asociația Șansa”.',
    });
  });

  it('blocks the secretary', () => {
    expect(canScore('sec', 'r1', context())).toEqual({ isAllowed: false, reason: 'Gabriela Pascu are calitatea de secretar al comisiei și nu punctează.' });
  });

  it('blocks a member without a signed declaration for this session', () => {
    const declarations = [
      ...context().declarations.filter((d) => d.memberId !== 'm2'),
      { memberId: 'm2', sessionId: 'sesiune-1', signedOn: null },
      { memberId: 'm2', sessionId: 'alta-sesiune', signedOn: '2026-10-01' },
    ];
    expect(canScore('m2', 'r1', context({ declarations })).reason).toMatch(/nu a semnat declarația de imparțialitate/);
  });

  it('blocks an absent member, a substitute whose titular is present, and a request not on the agenda', () => {
    expect(canScore('m5', 'r1', context())).toEqual({ isAllowed: false, reason: 'Elena Țurcanu lipsește de la ședință.' });
    const withSubstitute = context();
    withSubstitute.session.attendance.s2 = { isPresent: true };
    expect(canScore('s2', 'r1', withSubstitute).reason).toMatch(/nu ține locul unui membru titular absent/);
    expect(canScore('m1', 'r9', context()).reason).toMatch(/ordinea de zi/);
  });

  it('allows a substitute sitting for an absent titular', () => {
    const ctx = context();
    delete ctx.session.attendance.m2;
    ctx.session.attendance.s2 = { isPresent: true };
    expect(
      canScore('s2', 'r1', { ...ctx, declarations: [...ctx.declarations, { memberId: 's2', sessionId: 'sesiune-1', signedOn: '2026-10-20' }] }).isAllowed,
    ).toBe(true);
  });
});
