import { searchKey } from '../validation/diacritics';

/** The words of a quick-search query, as search keys ("Șansa  cluj" → ["sansa", "cluj"]). */
export function queryTokens(query: string): string[] {
  return searchKey(query).split(' ').filter(Boolean);
}

/** Every word of the query appears somewhere in the record's search text. */
export function matchesTokens(searchText: string, tokens: readonly string[]): boolean {
  for (const token of tokens) if (!searchText.includes(token)) return false;
  return true;
}

/** Quick search: rows whose precomputed search text contains every word of the query. */
export function filterByQuery<T extends { searchText: string }>(rows: readonly T[], query: string): T[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [...rows];
  return rows.filter((row) => matchesTokens(row.searchText, tokens));
}
