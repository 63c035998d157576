import { createContext, useContext, type ReactNode } from 'react';

/**
 * What the screens know about shared mode. The default value is local mode, so every screen works
 * without a provider (tests, the local app); shared mode's provider is set up by shared-start.tsx,
 * loaded only in shared mode. Nothing here imports the engine.
 */

export type SharedStatus = 'connected' | 'syncing' | 'offline';

export interface RefusedDraftView {
  table: string;
  recordId: string;
  refusal: string;
}

export type SharedSession =
  | { mode: 'local' }
  | {
      mode: 'shared';
      serverUrl: string;
      /** The page was served by the server itself: its address cannot be changed here. */
      isServerFixed: boolean;
      login: string;
      groups: string[];
      status: SharedStatus;
      lastSyncAt?: string;
      /** Audit entries received so far while the audit log still arrives in the background after the records (absent otherwise). */
      auditReceived?: number;
      pendingDrafts: number;
      refusedDrafts: RefusedDraftView[];
      /** Why the login may not change the table (src/shared/roles.ts), undefined when it may. */
      writeRefusal(table: string): string | undefined;
      signOut(): Promise<void>;
    };

export type SharedModeSession = Extract<SharedSession, { mode: 'shared' }>;

export const LOCAL_SESSION: SharedSession = { mode: 'local' };
export const SharedSessionContext = createContext<SharedSession>(LOCAL_SESSION);

/**
 * The roles alone, in a context of their own: it changes only with the login, so the screens that
 * disable buttons are not re-rendered at each status or synchronisation time the session shows.
 */
const WriteRefusalContext = createContext<((table: string) => string | undefined) | undefined>(undefined);

/** Shared mode's provider (shared-start.tsx; tests): the session and, apart, its roles rule. */
export function SharedSessionProvider({ value, children }: { value: SharedSession; children: ReactNode }) {
  return (
    <SharedSessionContext.Provider value={value}>
      <WriteRefusalContext.Provider value={value.mode === 'shared' ? value.writeRefusal : undefined}>{children}</WriteRefusalContext.Provider>
    </SharedSessionContext.Provider>
  );
}

/** Shared mode or local, from the roles context: what the frame needs, without re-rendering at each status change. */
export function useIsSharedMode(): boolean {
  return useContext(WriteRefusalContext) !== undefined;
}

export function useSharedSession(): SharedSession {
  return useContext(SharedSessionContext);
}

/** Why the signed-in login may not change `table` (local mode: undefined, everything may be changed). */
export function useWriteRefusal(table: string | undefined): string | undefined {
  const refusal = useContext(WriteRefusalContext);
  return refusal && table ? refusal(table) : undefined;
}

/** Each screen's main table: the route-level "Doar vizualizare" notice and its dialogs' save buttons follow it. */
export const ROUTE_TABLES: Readonly<Partial<Record<string, string>>> = {
  catalog: 'organizations', registru: 'units', cereri: 'requests', comisie: 'rounds', contracte: 'conventions', deconturi: 'settlements', monitorizare: 'visits', parametri: 'parameterValues',
};

const ScreenTableContext = createContext<string | undefined>(undefined);

export function ScreenTableProvider({ table, children }: { table: string | undefined; children: ReactNode }) {
  return <ScreenTableContext.Provider value={table}>{children}</ScreenTableContext.Provider>;
}

/** The main table of the screen on show (undefined outside the eight screens that have one). */
export function useScreenTable(): string | undefined {
  return useContext(ScreenTableContext);
}

/** Why the login may not change the screen's main table: toolbar buttons ("Adaugă…", "Importă") are disabled with it. */
export function useScreenWriteRefusal(): string | undefined {
  return useWriteRefusal(useScreenTable());
}
