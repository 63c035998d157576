import type { Dexie } from 'dexie';

/**
 * Version 6: the commission secretariat. Commissions and their members; sessions of a round with
 * their declarations of impartiality and the recusals recorded by hand; scoring grids defined by
 * users; each member's score sheets; one evaluation record per round (commission, grid, rules,
 * results lock); the appeals register (yearly numbers); extra non-working days for deadlines.
 */
export const V6_STORES = {
  commissions: 'id, law',
  commissionMembers: 'id, commissionId',
  commissionSessions: 'id, roundId, commissionId, date',
  declarations: 'id, sessionId, memberId',
  recusals: 'id, sessionId, memberId, requestId',
  scoringGrids: 'id, law',
  scoreSheets: 'id, roundId, sessionId, memberId, requestId',
  roundEvaluations: 'id, &roundId',
  appeals: 'id, roundId, requestId, registration.year',
  nonWorkingDays: 'id, date',
};

export function applyV6(db: Dexie): void {
  db.version(6).stores(V6_STORES);
}
