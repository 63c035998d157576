import { writeRefusal } from '../src/shared/roles';
import type { ConnectionState } from './db/shared/connection';
import type { SharedModeSession } from './shared-session';

/** The roles rule bound to the login's groups (one function per set of groups, so the roles context stays put). */
export function rolesOf(groups: readonly string[]): (table: string) => string | undefined {
  return (table) => writeRefusal(groups, table);
}

/** What the screens see of the connection (renderer/shared-session.tsx), the roles rule bound to the login's groups. */
export function sharedSessionValue(
  connection: { serverUrl: string; isSameOrigin: boolean; signOut(): Promise<void> },
  state: Pick<ConnectionState, 'login' | 'groups' | 'status' | 'lastSyncAt' | 'pendingDrafts' | 'refusedDrafts' | 'auditReceived'>,
  refusal: (table: string) => string | undefined = rolesOf(state.groups),
): SharedModeSession {
  const groups = state.groups;
  return {
    mode: 'shared',
    serverUrl: connection.serverUrl,
    isServerFixed: connection.isSameOrigin,
    login: state.login,
    groups,
    status: state.status,
    ...(state.lastSyncAt ? { lastSyncAt: state.lastSyncAt } : {}),
    ...(state.auditReceived !== undefined ? { auditReceived: state.auditReceived } : {}),
    pendingDrafts: state.pendingDrafts,
    refusedDrafts: state.refusedDrafts,
    writeRefusal: refusal,
    signOut: () => connection.signOut(),
  };
}
