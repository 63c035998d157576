// Small commission records for the commission tests: a Cluj-Napoca-like commission of six voting
// members, a secretary and one substitute, and a complete grid of three criteria (one with two
// sub-criteria) whose figures are made up for the tests, not a legal grid.
import type { CommissionMember } from '../../../src/commission/members';
import type { GridLike } from '../../../src/commission/scoring-grid';
import { gridFingerprint } from '../../../src/commission/scoring-grid';
import type { ScoreSheet } from '../../../src/commission/scores';

export const STAMP = { createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z', version: 1 };

export function member(id: string, overrides: Partial<CommissionMember> = {}): CommissionMember {
  return {
    id,
    ...STAMP,
    commissionId: 'comisia-34',
    name: `Membru ${id}`,
    role: 'membru',
    institution: 'Consiliul Local Cluj-Napoca',
    isSubstitute: false,
    appointmentAct: 'Dispoziția Primarului nr. 1234',
    appointmentDate: '2026-01-10',
    periodFrom: '2026-01-15',
    ngoLinks: [],
    notes: '',
    ...overrides,
  };
}

/** Six titular voting members (m1 president), a secretary and a substitute named for m2. */
export function commissionMembers(): CommissionMember[] {
  return [
    member('m1', { name: 'Ana Pop', role: 'presedinte' }),
    member('m2', { name: 'Bogdan Rus' }),
    member('m3', { name: 'Cristina Mureșan' }),
    member('m4', { name: 'Dan Ilieș' }),
    member('m5', { name: 'Elena Țurcanu' }),
    member('m6', { name: 'Florin Șerban' }),
    member('sec', { name: 'Gabriela Pascu', role: 'secretar', institution: 'DASM Cluj-Napoca' }),
    member('s2', { name: 'Horia Stan', isSubstitute: true, substituteForId: 'm2' }),
  ];
}

/** A: 30 points; B: 20 points = B1 10 + B2 10; C: 50 points, at least 20. Pass mark 60. */
export function testGrid(overrides: Partial<GridLike> = {}): GridLike {
  return {
    id: 'grila-test',
    name: 'Grilă de test',
    law: 'legea_34_1998',
    source: 'Grilă inventată pentru teste',
    references: [],
    notes: '',
    minTotal: 60,
    criteria: [
      { code: 'A', title: 'Experiența organizației', guidance: '', maxPoints: 30 },
      {
        code: 'B',
        title: 'Calitatea serviciilor',
        guidance: '',
        maxPoints: 20,
        subcriteria: [
          { code: 'B1', title: 'Personal', maxPoints: 10 },
          { code: 'B2', title: 'Spații', maxPoints: 10 },
        ],
      },
      { code: 'C', title: 'Costuri și beneficiari', guidance: '', maxPoints: 50, minPoints: 20 },
    ],
    ...overrides,
  };
}

export function sheet(id: string, memberId: string, requestId: string, points: Record<string, number>, overrides: Partial<ScoreSheet> = {}): ScoreSheet {
  const grid = testGrid();
  return {
    id,
    ...STAMP,
    sessionId: 'sesiune-1',
    roundId: 'runda-2027',
    memberId,
    requestId,
    gridId: grid.id,
    gridFingerprint: gridFingerprint(grid),
    points,
    comment: '',
    source: 'ecran',
    state: 'trimisa',
    submittedAt: '2026-10-20T10:00:00.000Z',
    reopenings: [],
    ...overrides,
  };
}
