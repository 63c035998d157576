// The catalog's NGOs, read live. At start-up on the catalog's address the read starts as soon as the
// database is open (app.tsx preloadScreen), while the screen's code loads and the application's
// frame is drawn; the screen takes that read over when it subscribes (issue 10: cold start). The
// read is the table's mirror: a saved NGO is read again alone, not the whole catalog.
import { useObservable } from 'dexie-react-hooks';
import { liveQueryAhead, startAhead, type SharedLiveQuery } from '../../components/preloaded-live-query';
import type { StoredOrganization } from '../../db/database';
import type { Store } from '../../db/store';

const KEY = 'catalog';

/** Starts reading the NGOs for the catalog screen about to open. */
export function preloadCatalog(store: Store): void {
  startAhead(KEY, store, store.organizations.live);
}

/** Every NGO, live: the read preloadCatalog started (if it still runs when the screen subscribes), or one of its own. */
export function catalogOrganizations(store: Store): SharedLiveQuery<StoredOrganization[]> {
  return liveQueryAhead(KEY, store, store.organizations.live);
}

/** The catalog screen's NGOs (undefined until read). */
export function useCatalogOrganizations(store: Store): StoredOrganization[] | undefined {
  return useObservable<StoredOrganization[] | undefined>(() => catalogOrganizations(store), [store]);
}
