import type { Dexie, Transaction } from 'dexie';
import { upgradeTeam } from '../../../src/monitoring/visit';

/**
 * Version 12: a visit's team is stored as members with their function (`{ name, role }`), so
 * that the visit's documents sign each member with their own function instead of "Inspector".
 * Visits recorded before held the names only: each name becomes a member with the function
 * LEGACY_TEAM_ROLE ("membru al echipei de monitorizare"), the one thing known about them; the
 * user corrects it on the visit's page (an issued report keeps what it printed). Drafts of visits
 * waiting in the offline outbox (shared mode) are converted the same way. No index changes; the
 * records keep their version (the conversion is not an edit).
 */
export const V12_STORES = {};

export async function upgradeToV12(tx: Transaction): Promise<void> {
  await tx.table<{ team: unknown }>('visits').toCollection().modify((visit) => {
    visit.team = upgradeTeam(visit.team);
  });
  await tx.table<{ table: string; record: Record<string, unknown> }>('outbox').where('table').equals('visits').modify((entry) => {
    if ('team' in entry.record) entry.record = { ...entry.record, team: upgradeTeam(entry.record['team']) };
  });
}

export function applyV12(db: Dexie): void {
  db.version(12).stores(V12_STORES).upgrade(upgradeToV12);
}
