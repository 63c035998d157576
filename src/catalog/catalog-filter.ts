import { filterByQuery } from '../tabular/search';
import { isAccredited, type LegalForm, type Organization, type OrganizationStatus } from './organization';

export interface CatalogFilter {
  query: string;
  legalForm: LegalForm | '';
  status: OrganizationStatus | '';
  accredited: 'da' | 'nu' | '';
}

export const EMPTY_CATALOG_FILTER: CatalogFilter = { query: '', legalForm: '', status: '', accredited: '' };

/** Quick search (diacritics-insensitive) and the catalog's filters, keeping the rows' order. */
export function filterCatalog<T extends Organization & { searchText: string }>(rows: readonly T[], filter: CatalogFilter): readonly T[] {
  const hasFilters = !!(filter.legalForm || filter.status || filter.accredited);
  return filterByQuery(
    rows,
    filter.query,
    hasFilters
      ? (org) =>
          (!filter.legalForm || org.legalForm === filter.legalForm) &&
          (!filter.status || org.status === filter.status) &&
          (!filter.accredited || isAccredited(org) === (filter.accredited === 'da'))
      : undefined,
  );
}
