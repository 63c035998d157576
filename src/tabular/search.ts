import { searchKey } from '../validation/diacritics';

/**
 * The one collator every list sorts Romanian text with ("Șansa" after "Sansa", before "T").
 * Creating a collator is costly and `localeCompare(…, 'ro')` builds one per call: share this one.
 */
export const RO_COLLATOR = new Intl.Collator('ro');

/**
 * Rows sorted by text keys with the Romanian collator, each key computed once per row (not once
 * per comparison). Lists sort when their data changes; the quick search keeps that order.
 */
export function sortByText<T>(rows: readonly T[], ...keys: ((row: T) => string)[]): T[] {
  const columns = keys.map((key) => rows.map(key));
  const order = rows.map((_row, i) => i);
  order.sort((a, b) => {
    for (const column of columns) {
      const c = RO_COLLATOR.compare(column[a]!, column[b]!);
      if (c !== 0) return c;
    }
    return a - b;
  });
  return order.map((i) => rows[i]!);
}

/** The words of a quick-search query, as search keys ("Șansa  cluj" → ["sansa", "cluj"]). */
export function queryTokens(query: string): string[] {
  return searchKey(query).split(' ').filter(Boolean);
}

/** Every word of the query appears somewhere in the record's search text. */
export function matchesTokens(searchText: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!searchText.includes(token)) return false;
  return true;
}

/**
 * Quick search: rows whose precomputed search text contains every word of the query and that
 * `keep` accepts, in their order, in one pass. With no query and no `keep` the rows themselves are
 * returned (no copy): an empty search over 20,000 rows costs nothing.
 */
export function filterByQuery<T extends { searchText: string }>(rows: readonly T[], query: string, keep?: (row: T) => boolean): readonly T[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0 && !keep) return rows;
  const out: T[] = [];
  for (const row of rows) if (matchesTokens(row.searchText, tokens) && (!keep || keep(row))) out.push(row);
  return out;
}
