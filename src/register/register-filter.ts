import { filterByQuery } from '../tabular/search';
import type { IsoDate } from '../validation/dates';
import { LICENCE_WARNING_DAYS, licenceState, type LicenceState, type SocialServiceUnit, type UnitStatus } from './unit';

export interface RegisterFilter {
  query: string;
  /** Only units whose licence has expired. */
  isExpiredOnly: boolean;
  /** Only units whose licence expires within the warning window. */
  isExpiringOnly: boolean;
  serviceCode: string;
  organizationId: string;
  status: UnitStatus | '';
}

export const EMPTY_REGISTER_FILTER: RegisterFilter = { query: '', isExpiredOnly: false, isExpiringOnly: false, serviceCode: '', organizationId: '', status: '' };

/** Quick search and the register's filters, keeping the rows' order; the two licence flags combine with "or". */
export function filterRegister<T extends SocialServiceUnit & { searchText: string }>(
  rows: readonly T[],
  filter: RegisterFilter,
  today: IsoDate,
  warningDays = LICENCE_WARNING_DAYS,
): readonly T[] {
  const wanted = new Set<LicenceState>();
  if (filter.isExpiredOnly) wanted.add('expirata');
  if (filter.isExpiringOnly) wanted.add('expira_curand');
  const hasFilters = wanted.size > 0 || !!(filter.serviceCode || filter.organizationId || filter.status);
  return filterByQuery(
    rows,
    filter.query,
    hasFilters
      ? (unit) =>
          (wanted.size === 0 || wanted.has(licenceState(unit, today, warningDays))) &&
          (!filter.serviceCode || unit.serviceCode === filter.serviceCode) &&
          (!filter.organizationId || unit.organizationId === filter.organizationId) &&
          (!filter.status || unit.status === filter.status)
      : undefined,
  );
}

/** How many units have an expired licence and how many expire soon, for the register's header. */
export function licenceAlerts(rows: readonly SocialServiceUnit[], today: IsoDate, warningDays = LICENCE_WARNING_DAYS): { expired: number; expiring: number } {
  let expired = 0;
  let expiring = 0;
  for (const unit of rows) {
    const state = licenceState(unit, today, warningDays);
    if (state === 'expirata') expired++;
    else if (state === 'expira_curand') expiring++;
  }
  return { expired, expiring };
}
