import { buildSearchIndex, type SearchIndex } from '../../src/search/global-search';
import type { Store } from '../db/store';

/**
 * Reads what the global search finds and builds its index. Called in a live query while the search
 * dialog is open: a change to any table read builds the index again, a keystroke never reads.
 */
export async function loadSearchIndex(store: Store): Promise<SearchIndex> {
  const [organizations, units, requests, rounds, conventions, visits, documents] = await Promise.all([
    store.organizations.list(),
    store.units.list(),
    store.requests.list(),
    store.rounds.list(),
    store.conventions.list(),
    store.monitoring.listVisits(),
    store.issuedDocuments.list(),
  ]);
  return buildSearchIndex({ organizations, units, requests, rounds, conventions, visits, documents });
}
