import { TABLE_BY_NAME } from '../backup/schema';

/**
 * Who may change what in shared mode: the PostgreSQL group of the login → the tables it writes.
 * The server enforces the same table (server/migrations: replicated_tables.writers, GRANTs; a
 * server test keeps the two equal); the workstation uses it to disable, with the reason, what the
 * signed-in login may not change. `admin` writes every table.
 */
export const TABLE_WRITERS: Readonly<Record<string, readonly string[]>> = {
  organizations: ['secretariat'], units: ['secretariat'], rounds: ['secretariat'], requests: ['secretariat'], parameterValues: ['secretariat'],
  settings: [], nomenclature: ['secretariat'], commissions: ['secretariat'], commissionMembers: ['secretariat'], commissionSessions: ['secretariat'],
  declarations: ['secretariat'], recusals: ['secretariat'], scoringGrids: ['secretariat'], scoreSheets: ['secretariat'], roundEvaluations: ['secretariat'],
  appeals: ['secretariat'], nonWorkingDays: ['secretariat'], resultSnapshots: ['secretariat'],
  issuedDocuments: ['secretariat', 'finance', 'monitoring'], documentFiles: ['secretariat', 'finance', 'monitoring'], commissionDecisions: ['secretariat'],
  conventions: ['finance'], conventionAmendments: ['finance'], instalments: ['finance'], budgetCommitments: ['finance'], settlements: ['finance'],
  payments: ['finance'], paymentImports: ['finance'], recoveries: ['finance'],
  visitPlans: ['monitoring'], visits: ['monitoring'], visitAttachments: ['monitoring'], findings: ['monitoring'], followUps: ['monitoring'],
  suspensions: ['monitoring'], checklistTemplates: ['monitoring'],
};

/** The groups as the status menu names them. */
export const GROUP_LABELS: Readonly<Record<string, string>> = { secretariat: 'Secretariat', monitoring: 'Monitorizare', finance: 'Financiar', admin: 'Administrator' };

const GROUP_NAMES: Record<string, string> = { secretariat: 'secretariatul', monitoring: 'monitorizarea', finance: 'serviciul financiar', admin: 'administratorul aplicației' };
// The articulated plural the reasons need ("modifica ONG-urile"); other tables are named by their label.
const ARTICULATED: Record<string, string> = {
  organizations: 'ONG-urile', units: 'unitățile licențiate', rounds: 'rundele de finanțare', requests: 'cererile de subvenție',
  conventions: 'convențiile', settlements: 'deconturile', payments: 'plățile', visits: 'vizitele de monitorizare', findings: 'constatările', settings: 'setările',
};

export function mayWrite(groups: readonly string[], table: string): boolean {
  if (groups.includes('admin')) return true;
  return (TABLE_WRITERS[table] ?? []).some((g) => groups.includes(g));
}

/** Why the login may not change the table (undefined: it may), e.g. „Doar secretariatul poate modifica ONG-urile.” */
export function writeRefusal(groups: readonly string[], table: string): string | undefined {
  if (mayWrite(groups, table)) return undefined;
  const who = [...(TABLE_WRITERS[table] ?? []), 'admin'].map((g) => GROUP_NAMES[g] ?? g);
  const what = ARTICULATED[table] ?? `datele din „${TABLE_BY_NAME.get(table)?.label ?? table}”`;
  const list = who.length === 1 ? who[0]! : `${who.slice(0, -1).join(', ')} sau ${who.at(-1)!}`;
  return `Doar ${list} ${who.length === 1 ? 'poate' : 'pot'} modifica ${what}.`;
}

export const RESTORE_DISABLED_REASON = 'În modul partajat, restaurarea unei copii se face pe server, de către administrator; copiile bazei de date sunt sarcina lui.';
