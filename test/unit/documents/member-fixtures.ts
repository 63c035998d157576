// A small evaluation session for the member documents: three members (Bogdan Rus is a founder of
// the NGO behind request 7/2026, so he is recused from it), the test grid of three criteria (B
// with sub-criteria B1 and B2) and three requests on the agenda.
import { findRecusals } from '../../../src/commission/conflicts';
import type { CommissionMember } from '../../../src/commission/members';
import type { ScoreImportContext } from '../../../src/commission/score-import';
import type { GridLike } from '../../../src/commission/scoring-grid';
import type { CommissionSession } from '../../../src/commission/session';
import { member, STAMP, testGrid } from '../commission/fixtures';

export const round = { name: 'Subvenții Legea 34/1998 pentru anul 2027', law: 'legea_34_1998' as const };
export const commission = { name: 'Comisia de evaluare și selecționare (Legea 34/1998)' };

export const members: CommissionMember[] = [
  member('m1', { name: 'Ana Pop', role: 'presedinte', institution: 'Consiliul Local Cluj-Napoca' }),
  member('m2', { name: 'Bogdan Rus', institution: 'DASM Cluj-Napoca', ngoLinks: [{ organizationId: 'org-lumina', kind: 'fondator', note: '' }] }),
  member('m3', { name: 'Cristina Mureșan', institution: 'Consiliul Local Cluj-Napoca' }),
];

export const requests = [
  { id: 'r1', label: '4/2026', organizationId: 'org-sansa', organizationName: 'Asociația Șansa Țării' },
  { id: 'r2', label: '7/2026', organizationId: 'org-lumina', organizationName: 'Fundația „Lumina” Cluj' },
  { id: 'r3', label: '9/2026', organizationId: 'org-paine', organizationName: 'Asociația „Pâine și Îngrijire”' },
];

export const session: CommissionSession = {
  id: 'sesiune-1',
  ...STAMP,
  roundId: 'runda-2027',
  commissionId: 'comisia-34',
  kind: 'evaluare',
  date: '2026-10-20',
  time: '10:00',
  place: 'sala 12, str. Venus nr. 20-22, Cluj-Napoca',
  agenda: ['r1', 'r2', 'r3'],
  attendance: { m1: { isPresent: true }, m2: { isPresent: true }, m3: { isPresent: true } },
  status: 'desfasurata',
  notes: '',
};

/** The test grid with guidance on A and C, as the printed sheets show it. */
export function grid(overrides: Partial<GridLike> = {}): GridLike {
  const base = testGrid();
  return {
    ...base,
    criteria: base.criteria.map((c) =>
      c.code === 'A' ? { ...c, guidance: 'Anii de activitate în asistența socială și serviciile oferite în ultimele 12 luni.' }
      : c.code === 'C' ? { ...c, guidance: 'Costul pe beneficiar față de nivelul aprobat; numărul de beneficiari.' }
      : c,
    ),
    ...overrides,
  };
}

export const recusals = findRecusals(session.agenda, members, requests);

export function importContext(overrides: Partial<ScoreImportContext> = {}): ScoreImportContext {
  return {
    session,
    members,
    grid: grid(),
    declarations: members.map((m) => ({ memberId: m.id, sessionId: session.id, signedOn: session.date })),
    recusals,
    requests,
    ...overrides,
  };
}
