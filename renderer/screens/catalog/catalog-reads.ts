// The catalog's NGOs, read live. At start-up on the catalog's address the read starts as soon as the
// database is open (app.tsx preloadScreen), while the screen's code loads and the application's
// frame is drawn; the screen takes that read over when it subscribes (issue 10: cold start).
import { liveQuery } from 'dexie';
import { useObservable } from 'dexie-react-hooks';
import { preloadLiveQuery, type SharedLiveQuery } from '../../components/preloaded-live-query';
import type { StoredOrganization } from '../../db/database';
import type { Store } from '../../db/store';

let preloaded: { store: Store; query: SharedLiveQuery<StoredOrganization[]> } | undefined;

/** Starts reading the NGOs for the catalog screen about to open. */
export function preloadCatalog(store: Store): void {
  preloaded ??= { store, query: preloadLiveQuery(() => store.organizations.list()) };
}

/** The read preloadCatalog started, while it runs. */
function started(store: Store): SharedLiveQuery<StoredOrganization[]> | undefined {
  if (preloaded?.query.isStopped()) preloaded = undefined;
  return preloaded?.store === store ? preloaded.query : undefined;
}

/**
 * Every NGO, live: the read preloadCatalog started, if it is still running when the screen
 * subscribes (in its effect, whichever render React kept), or a live query of its own. What the
 * started read has already read is there for the screen's first render (getValue).
 */
export function catalogOrganizations(store: Store): SharedLiveQuery<StoredOrganization[]> {
  const own = () => liveQuery(() => store.organizations.list());
  return {
    isStopped: () => false,
    hasValue: () => started(store)?.hasValue() ?? false,
    getValue: () => started(store)?.getValue(),
    subscribe: (next, error) => (started(store) ?? own()).subscribe(typeof next === 'function' ? { next, error } : next),
  };
}

/** The catalog screen's NGOs (undefined until read). */
export function useCatalogOrganizations(store: Store): StoredOrganization[] | undefined {
  return useObservable<StoredOrganization[] | undefined>(() => catalogOrganizations(store), [store]);
}
