import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatAddress, parseAddress, sameAddress, type Address } from '../src/navigation/address';
import { ConfirmDialog } from './components/confirm-dialog';

export type RouteId =
  | 'acasa'
  | 'catalog'
  | 'registru'
  | 'cereri'
  | 'comisie'
  | 'documente'
  | 'contracte'
  | 'deconturi'
  | 'monitorizare'
  | 'parametri'
  | 'jurnal'
  | 'setari';

export const DEFAULT_ROUTE: RouteId = 'acasa';
const ROUTES: readonly RouteId[] = ['acasa', 'catalog', 'registru', 'cereri', 'comisie', 'documente', 'contracte', 'deconturi', 'monitorizare', 'parametri', 'jurnal', 'setari'];

export function routeFromHash(): RouteId {
  return addressFromHash().route;
}

/** The address in the window's location (an unknown route gives the home screen). */
export function addressFromHash(): AppAddress {
  return parseAddress(window.location.hash, ROUTES, DEFAULT_ROUTE) as AppAddress;
}

export interface AppAddress extends Address {
  route: RouteId;
}

interface HistoryState {
  /** The address this entry was opened from, so that closing a record can go back to it. */
  prev?: string;
}

interface NavigationValue {
  route: RouteId;
  /** What is open: the screen, its record and the record's tab. */
  address: AppAddress;
  /** Opens a screen, or one of its records (and a tab of it), as a new history entry. */
  navigate(route: RouteId, record?: string, tab?: string): void;
  /** Changes the open record's tab in place (no new history entry: Back leaves the record). */
  setTab(tab: string): void;
  /**
   * Changes a screen's own tab in place, held in the record's place while no record is open
   * ("#/monitorizare/suspendari"; see src/navigation/monitoring-address.ts). Like setTab, no new
   * history entry: Back leaves the screen, and coming back (Forward, a reload) finds the tab.
   */
  setSection(section: string): void;
  /**
   * Closes the open record back to its screen's list: browser Back when the record was opened from
   * that list, else a new entry. The caller has already asked about unsaved changes (or saved).
   */
  closeRecord(): void;
  /** Like closeRecord, to another record of the screen (a request's dialog back to its round). */
  goBackTo(record?: string): void;
  /**
   * Runs `action` now when no form holds unsaved changes, otherwise after the user agrees to
   * discard them. Forms register themselves with useUnsavedChanges.
   */
  guard(action: () => void): void;
  setDirty(key: string, isDirty: boolean): void;
}

const NavigationContext = createContext<NavigationValue | null>(null);

export const UNSAVED_TITLE = 'Modificări nesalvate';
export const UNSAVED_TEXT = 'Aveți modificări nesalvate. Dacă continuați, ele se pierd. Continuați fără să salvați?';

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [address, setAddressState] = useState<AppAddress>(addressFromHash);
  const current = useRef(address);
  const dirty = useRef(new Set<string>());
  // Set before a history move the app makes itself (closing a record, a confirmed Back): the
  // location change it causes is accepted without asking again.
  const acceptNext = useRef(false);
  const [pending, setPending] = useState<(() => void) | null>(null);

  const show = useCallback((next: AppAddress) => {
    current.current = next;
    setAddressState(next);
  }, []);

  useEffect(() => {
    // Back, Forward, a link ("#/cereri/<id>") or an address typed: the location changed first.
    const onLocation = () => {
      // An in-page anchor ("#continut", the skip link's) is not an address: keep what is open.
      if (window.location.hash && !window.location.hash.startsWith('#/')) {
        window.history.replaceState(window.history.state, '', formatAddress(current.current));
        return;
      }
      const next = addressFromHash();
      if (sameAddress(next, current.current)) return;
      if (acceptNext.current || dirty.current.size === 0) {
        acceptNext.current = false;
        show(next);
        return;
      }
      // Unsaved changes: put the address back (as a new entry, the one left stays behind it) and
      // ask; agreeing goes back to the entry the user was going to.
      window.history.pushState(window.history.state, '', formatAddress(current.current));
      setPending(() => () => {
        acceptNext.current = true;
        window.history.back();
      });
    };
    window.addEventListener('popstate', onLocation);
    window.addEventListener('hashchange', onLocation);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('popstate', onLocation);
      window.removeEventListener('hashchange', onLocation);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [show]);

  const guard = useCallback((action: () => void) => {
    if (dirty.current.size === 0) action();
    else setPending(() => action);
  }, []);

  const push = useCallback(
    (next: AppAddress) => {
      if (sameAddress(next, current.current)) return;
      const state: HistoryState = { prev: formatAddress(current.current) };
      window.history.pushState(state, '', formatAddress(next));
      show(next);
    },
    [show],
  );

  /** Shows `next` in place of the address (no new history entry). */
  const replace = useCallback(
    (next: AppAddress) => {
      if (sameAddress(next, current.current)) return;
      window.history.replaceState(window.history.state, '', formatAddress(next));
      show(next);
    },
    [show],
  );

  const navigate = useCallback(
    (route: RouteId, record?: string, tab?: string) =>
      guard(() => {
        dirty.current.clear();
        push({ route, ...(record ? { record } : {}), ...(record && tab ? { tab } : {}) });
      }),
    [guard, push],
  );

  const goBackTo = useCallback(
    (record: string | undefined) => {
      const now = current.current;
      const target: AppAddress = record ? { route: now.route, record } : { route: now.route };
      if (sameAddress(target, now)) return;
      dirty.current.clear();
      if ((window.history.state as HistoryState | null)?.prev === formatAddress(target)) {
        acceptNext.current = true;
        window.history.back();
      } else push(target);
    },
    [push],
  );

  const value = useMemo<NavigationValue>(
    () => ({
      route: address.route,
      address,
      guard,
      navigate,
      setTab: (tab) => {
        const now = current.current;
        if (now.record && now.tab !== tab) replace({ ...now, tab });
      },
      setSection: (section) => replace({ route: current.current.route, record: section }),
      closeRecord: () => goBackTo(undefined),
      goBackTo,
      setDirty: (key, isDirty) => {
        if (isDirty) dirty.current.add(key);
        else dirty.current.delete(key);
      },
    }),
    [address, guard, navigate, replace, goBackTo],
  );

  return (
    <NavigationContext.Provider value={value}>
      {children}
      <ConfirmDialog
        open={pending !== null}
        title={UNSAVED_TITLE}
        text={UNSAVED_TEXT}
        confirmLabel="Renunță la modificări"
        cancelLabel="Rămân în formular"
        destructive
        onCancel={() => setPending(null)}
        onConfirm={() => {
          const action = pending;
          dirty.current.clear();
          setPending(null);
          action?.();
        }}
      />
    </NavigationContext.Provider>
  );
}

export function useNavigation(): NavigationValue {
  const value = useContext(NavigationContext);
  if (!value) throw new Error('NavigationProvider lipsește');
  return value;
}

/** Registers a form's dirty state so navigation and window closing ask before losing it. */
export function useUnsavedChanges(key: string, isDirty: boolean): void {
  const { setDirty } = useNavigation();
  useEffect(() => {
    setDirty(key, isDirty);
    return () => setDirty(key, false);
  }, [key, isDirty, setDirty]);
}

/** What is open: the screen, its record and the record's tab. */
export function useAddress(): AppAddress {
  return useNavigation().address;
}
