/**
 * The monitoring screen's address. The screen's own tabs are not a record's: with no visit open,
 * the record's place holds the tab's slug ("#/monitorizare/suspendari"); a visit opens at its id
 * ("#/monitorizare/<visitId>", as the home screen's and the search's links write it), on the
 * visits tab. A slug is a short Romanian word without diacritics and a visit's id a UUID, so the
 * two never meet.
 */
export const MONITORING_TABS = ['plan', 'vizite', 'constatari', 'suspendari', 'liste'] as const;
export type MonitoringTab = (typeof MONITORING_TABS)[number];

/** The tab with the visits, where an open visit belongs. */
export const VISITS_TAB: MonitoringTab = 'vizite';

const isMonitoringTab = (value: string): value is MonitoringTab => (MONITORING_TABS as readonly string[]).includes(value);

/** What the address's record names: no record, the first tab; a tab's slug, that tab; anything else, a visit on the visits tab. */
export function monitoringView(record: string | undefined): { tab: MonitoringTab; visitId?: string } {
  if (!record) return { tab: MONITORING_TABS[0] };
  return isMonitoringTab(record) ? { tab: record } : { tab: VISITS_TAB, visitId: record };
}
