import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0] as RouteId;
  return ROUTES.includes(id) ? id : DEFAULT_ROUTE;
}

interface NavigationValue {
  route: RouteId;
  navigate(route: RouteId): void;
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
  const [route, setRoute] = useState<RouteId>(routeFromHash);
  const dirty = useRef(new Set<string>());
  const [pending, setPending] = useState<(() => void) | null>(null);

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    window.addEventListener('hashchange', onHash);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const guard = useCallback((action: () => void) => {
    if (dirty.current.size === 0) action();
    else setPending(() => action);
  }, []);

  const value = useMemo<NavigationValue>(
    () => ({
      route,
      guard,
      navigate: (next) =>
        guard(() => {
          dirty.current.clear();
          window.location.hash = `#/${next}`;
          setRoute(next);
        }),
      setDirty: (key, isDirty) => {
        if (isDirty) dirty.current.add(key);
        else dirty.current.delete(key);
      },
    }),
    [route, guard],
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
