import { CssBaseline, ThemeProvider } from '@mui/material';
import { StrictMode, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { Root } from 'react-dom/client';
import { App, preloadAllScreens } from './app';
import { ConnectingPage, FirstSyncPage, SignInPage } from './components/shared-mode/sign-in';
import { DATABASE_OUTDATED_EVENT } from './components/outdated-banner';
import { closeOnUpgrade } from './db/database';
import { openConnection, type Connection } from './db/shared/connection';
import type { WorkstationServer } from './db/shared/workstation';
import { requestPersistentStorage } from './platform/storage';
import { SharedSessionProvider } from './shared-session';
import { rolesOf, sharedSessionValue } from './shared-session-value';
import { StoreProvider } from './store-context';
import { theme } from './theme';

/**
 * Shared mode's start (loaded only when a server is configured or the page is the server's):
 * the replica database of that server, then sign-in, the first synchronisation, and the app.
 */
export async function startShared(root: Root, server: WorkstationServer): Promise<void> {
  const connection = await openConnection({ serverUrl: server.serverUrl, isSameOrigin: server.isSameOrigin, tokenStorage: sessionStorage });
  void requestPersistentStorage();
  closeOnUpgrade(connection.store.db, () => window.dispatchEvent(new Event(DATABASE_OUTDATED_EVENT)));
  root.render(
    <StrictMode>
      <SharedRoot connection={connection} />
    </StrictMode>,
  );
  await connection.start();
}

function Bare({ children }: { children: React.ReactNode }) {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {children}
    </ThemeProvider>
  );
}

function SharedRoot({ connection }: { connection: Connection }) {
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  const { login, groups, status, lastSyncAt, pendingDrafts, refusedDrafts, auditReceived } = state;
  const roles = useMemo(() => rolesOf(groups), [groups]);
  const session = useMemo(
    () => sharedSessionValue(connection, { login, groups, status, lastSyncAt, pendingDrafts, refusedDrafts, auditReceived }, roles),
    [connection, login, groups, status, lastSyncAt, pendingDrafts, refusedDrafts, auditReceived, roles],
  );
  // One element: a new state of the connection re-renders only what reads the session, not the whole app.
  const app = useMemo(() => <App />, []);
  const isReady = state.phase === 'ready';
  useEffect(() => {
    // The page's code comes from the server: load every screen once signed in, while it is there.
    if (!isReady || !connection.isSameOrigin) return;
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(preloadAllScreens, 2000);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(() => preloadAllScreens(), { timeout: 5000 });
    return () => window.cancelIdleCallback(idle);
  }, [isReady, connection]);
  if (state.phase === 'starting') return <Bare><ConnectingPage serverUrl={connection.serverUrl} /></Bare>;
  if (state.phase === 'signed-out') return <Bare><SignInPage serverUrl={connection.serverUrl} isServerFixed={connection.isSameOrigin} onSignIn={connection.signIn} /></Bare>;
  if (state.phase === 'first-sync') return <Bare><FirstSyncPage received={state.received} /></Bare>;
  return (
    <StoreProvider store={connection.store}>
      <SharedSessionProvider value={session}>{app}</SharedSessionProvider>
    </StoreProvider>
  );
}
