// The address of what is open: "#/<route>/<recordId>/<tab>". The route names a screen, the record
// one of its records (a round, a request, an NGO…), the tab a tab inside that record's page. The
// address is the source of truth: the screens read it and change it, so that browser Back, a
// reload and a link all land on the same thing.

export interface Address {
  route: string;
  /** The open record's id, when one is open. */
  record?: string;
  /** The tab inside the open record's page (a slug, e.g. "punctaj"). */
  tab?: string;
}

function decode(part: string): string | undefined {
  if (!part) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined; // a malformed escape: as if the part were missing
  }
}

/**
 * Reads an address from a location hash ("#/comisie/r1/punctaj"). A route not in `routes` (or
 * none) gives `fallback` with no record. A tab without a record is dropped.
 */
export function parseAddress(hash: string, routes: readonly string[], fallback: string): Address {
  const [routePart = '', recordPart = '', tabPart = ''] = hash.replace(/^#?\/?/, '').split('?')[0]!.split('/');
  const route = decode(routePart);
  if (!route || !routes.includes(route)) return { route: fallback };
  const record = decode(recordPart);
  if (!record) return { route };
  const tab = decode(tabPart);
  return tab ? { route, record, tab } : { route, record };
}

/** Writes an address as a location hash: "#/<route>[/<record>[/<tab>]]". */
export function formatAddress(address: Address): string {
  let hash = `#/${encodeURIComponent(address.route)}`;
  if (address.record) {
    hash += `/${encodeURIComponent(address.record)}`;
    if (address.tab) hash += `/${encodeURIComponent(address.tab)}`;
  }
  return hash;
}

export function sameAddress(a: Address, b: Address): boolean {
  return formatAddress(a) === formatAddress(b);
}

/**
 * A record page's tabs by slug: the index of the address's tab (0 when it is missing or unknown),
 * and the slug of an index.
 */
export function tabIndex(slugs: readonly string[], tab: string | undefined): number {
  const index = tab ? slugs.indexOf(tab) : -1;
  return index < 0 ? 0 : index;
}

export function tabSlug(slugs: readonly string[], index: number): string | undefined {
  return slugs[index];
}
