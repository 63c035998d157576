// The home screen: what needs attention today, the year at a glance and the annual report. Reads
// the repositories and hands plain records to the pure rules of src/home and src/documents;
// nothing here is a rule of its own.
import { createHolidayTable } from '../../src/calendar/public-holidays';
import { buildAnnualReport, type AnnualReportDocument, type ChartImage } from '../../src/documents/annual-report';
import { serviceCategoryLabel } from '../../src/documents/finance-labels';
import type { RegistryMark } from '../../src/documents/issued-document';
import {
  appealTermsThisWeek, approvedUnpaid, isRoundInProgress, licencesAndAccreditations, parametersToFill, requestsWithMissingDocuments, roundsInProgress, settlementsAwaitingVerification,
} from '../../src/home/attention';
import type { AttentionGroup } from '../../src/home/attention-types';
import { overdueFollowUps, overdueVisits, recommendationsDue, visitsDueFromSchedule, yearMonitoring } from '../../src/home/monitoring-attention';
import { yearCharts, type YearCharts } from '../../src/home/year-charts';
import { recommendationStatuses } from '../../src/monitoring/findings';
import { visitSchedule } from '../../src/monitoring/visit-schedule';
import { serviceCategories } from '../../src/requests/parameter-rules';
import type { Reconciliation } from '../../src/settlements/reconciliation';
import { formatRoDate, todayIso, type IsoDate } from '../../src/validation/dates';
import type { Store } from '../db/store';
import { FILTERS, saveFile } from '../platform/files';
import type { DocumentToIssue } from './issued-documents';
import { DRAFT_NOTE } from './issued-documents';
import { yearReconciliation } from './settlements';

const unique = <T>(list: Iterable<T>) => [...new Set(list)];

/** Every group of "Ce necesită atenție" on `today`, in the screen's order. */
export async function loadAttention(store: Store, today: IsoDate = todayIso()): Promise<AttentionGroup[]> {
  const year = Number(today.slice(0, 4));
  const [rounds, units, extraDays, params, conventionsNow, conventionsBefore, settlementsNow, settlementsBefore, monitoring, visits, findings, followUps] = await Promise.all([
    store.rounds.list(), store.units.list(), store.nonWorkingDays.list(), store.parameters.store(),
    store.conventions.listByYear(year), store.conventions.listByYear(year - 1), store.settlements.listByYear(year), store.settlements.listByYear(year - 1),
    store.monitoring.getSettings(), store.monitoring.listVisits(), store.monitoring.listFindings(), store.monitoring.listFollowUps(),
  ]);
  const holidays = createHolidayTable(extraDays);
  const active = rounds.filter(isRoundInProgress);
  const [evaluations, appeals, requests, documents] = await Promise.all([
    Promise.all(active.map((r) => store.evaluations.getByRound(r.id))).then((list) => list.filter((e) => e !== undefined)),
    Promise.all(active.map((r) => store.appeals.listByRound(r.id))).then((list) => list.flat()),
    Promise.all(active.map((r) => store.requests.listByRound(r.id))).then((list) => list.flat()),
    Promise.all(active.map((r) => store.issuedDocuments.listByRound(r.id))).then((list) => list.flat()),
  ]);
  const conventions = [...conventionsNow, ...conventionsBefore];
  const instalments = (await Promise.all(conventions.map((c) => store.conventions.listInstalments(c.id)))).flat();
  const concerned = new Set([
    ...conventionsNow.filter((c) => c.state !== 'incetata').map((c) => c.provider.organizationId),
    ...requests.filter((r) => r.status === 'inregistrata').map((r) => r.organizationId),
  ]);
  const organizations = await store.organizations.getMany(unique([...concerned, ...appeals.map((a) => a.organizationId), ...units.map((u) => u.organizationId)]));
  const organizationNames = new Map([...organizations.values()].map((o) => [o.id, o.name]));
  const requestCounts = new Map<string, number>();
  for (const r of requests) requestCounts.set(r.roundId, (requestCounts.get(r.roundId) ?? 0) + 1);
  return [
    roundsInProgress({ rounds: active, evaluations, appeals, requestCounts, holidays, today }),
    requestsWithMissingDocuments({
      rounds: active, evaluations, requests, holidays, today, organizationNames,
      unitNames: new Map(units.map((u) => [u.id, u.name])),
      notices: documents.filter((d) => d.kind === 'notificare_documente_lipsa' && !d.replacedById).map((d) => ({ requestId: d.requestId, number: d.number, issuedOn: d.issuedOn })),
    }),
    appealTermsThisWeek({ rounds: active, evaluations, appeals, organizationNames, holidays, today }),
    licencesAndAccreditations({ units, organizations: [...organizations.values()], concernedOrganizationIds: concerned, today }),
    settlementsAwaitingVerification({ conventions, settlements: [...settlementsNow, ...settlementsBefore], today }),
    approvedUnpaid({ conventions, settlements: [...settlementsNow, ...settlementsBefore], instalments }),
    // Visits: the funded units of this year's conventions, at the monitoring settings' frequency.
    overdueVisits(visitsDueFromSchedule(visitSchedule({ conventions: conventionsNow, visits, year, visitsPerYear: monitoring.value.visitsPerYear, today })), today),
    overdueFollowUps(recommendationsDue(recommendationStatuses(findings, followUps, today), findings, conventions), today),
    parametersToFill(params, [{ date: today, why: `astăzi, ${formatRoDate(today)}` }, ...unique(active.map((r) => r.year)).map((y) => ({ date: `${y}-01-01`, why: `anul bugetar ${y}` }))]),
  ];
}

/**
 * The years the home screen offers (this one and those of the rounds), and the one it opens on: the
 * latest year up to this one that has conventions, else this one.
 */
export async function chartYears(store: Store, today: IsoDate = todayIso()): Promise<{ years: number[]; preferred: number }> {
  const thisYear = Number(today.slice(0, 4));
  const rounds = await store.rounds.list();
  const years = unique([thisYear, ...rounds.map((r) => r.year)]).sort((a, b) => b - a);
  for (const y of years.filter((x) => x <= thisYear)) if ((await store.conventions.listByYear(y)).length > 0) return { years, preferred: y };
  return { years, preferred: thisYear };
}

export interface YearData {
  charts: YearCharts;
  reconciliation: Reconciliation;
}

/** The year's chart data, from its reconciliation as of `asOf` (the same the finance workbook reads). */
export async function loadYearCharts(store: Store, year: number, asOf: IsoDate = todayIso()): Promise<YearData> {
  const [{ reconciliation, conventions }, settlements, params] = await Promise.all([yearReconciliation(store, year, asOf), store.settlements.listByYear(year), store.parameters.store()]);
  const labels = Object.fromEntries(serviceCategories(params).map((c) => [c.category, c.label]));
  return { reconciliation, charts: yearCharts({ reconciliation, conventions, settlements, categoryLabel: (code) => serviceCategoryLabel(code, labels) }) };
}

/** The annual report's model for `year` as of `date`: the reconciliation then, the rounds and appeals of the year. */
export async function annualReportModel(store: Store, year: number, date: IsoDate, mark: RegistryMark, chartImages: readonly ChartImage[]): Promise<AnnualReportDocument> {
  const [{ reconciliation, charts }, conventions, rounds, settings, visits, findings, followUps, suspensions] = await Promise.all([
    loadYearCharts(store, year, date), store.conventions.listByYear(year), store.rounds.list(), store.settings.getInstitution(),
    store.monitoring.listVisits(), store.monitoring.listFindings(), store.monitoring.listFollowUps(), store.monitoring.listSuspensions(),
  ]);
  const yearRounds = rounds.filter((r) => r.year === year).sort((a, b) => a.submissionEnd.localeCompare(b.submissionEnd));
  const [requests, appeals, terms] = await Promise.all([
    Promise.all(yearRounds.map((r) => store.requests.listByRound(r.id))),
    Promise.all(yearRounds.map((r) => store.appeals.listByRound(r.id))).then((list) => list.flat()),
    Promise.all(conventions.map((c) => store.conventions.terms(c.id, `${year}-12-31`))),
  ]);
  return buildAnnualReport({
    year, settings, date, mark, reconciliation, charts, chartImages,
    conventions: conventions.map((convention, i) => ({ convention, terms: terms[i]! })),
    rounds: yearRounds.map((r, i) => ({ name: r.name, budget: r.budget, requests: requests[i]!.filter((q) => q.status === 'inregistrata').length, funded: unique(conventions.filter((c) => c.roundId === r.id).map((c) => c.requestId)).length })),
    appeals,
    monitoring: yearMonitoring({ year, today: date, conventions, visits, findings, followUps, suspensions }),
  });
}

/** The annual report of `year` as an act of the register (raport_anual, about the year). */
export function annualReportDocument(store: Store, year: number, chartImages: () => Promise<ChartImage[]>): DocumentToIssue {
  return {
    kind: 'raport_anual',
    period: String(year),
    title: `Raport anual privind programul de subvenționare (Legea nr. 34/1998) — anul ${year}`,
    addressee: 'Consiliul Local al Municipiului Cluj-Napoca',
    stem: `raport-anual-subventii-${year}`,
    async render(date, mark) {
      const [{ renderAnnualReportDocx }, images] = await Promise.all([import('../../templates/docx/annual-report'), chartImages()]);
      const model = await annualReportModel(store, year, date, mark, images);
      return { bytes: await renderAnnualReportDocx(model), model };
    },
  };
}

/** The report's data as a workbook: from the issued report's stored model when issued, else a draft of today. */
export async function downloadAnnualReportXlsx(store: Store, year: number): Promise<boolean> {
  const doc = annualReportDocument(store, year, async () => []);
  const [{ renderAnnualReportXlsx }, issued] = await Promise.all([import('../../templates/xlsx/annual-report'), store.issuedDocuments.inForce(doc)]);
  const model = issued ? (JSON.parse(issued.sourceData) as AnnualReportDocument) : await annualReportModel(store, year, todayIso(), { number: '', registryNote: DRAFT_NOTE }, []);
  const bytes = await renderAnnualReportXlsx(model);
  return saveFile(`${issued ? '' : 'ciorna-'}raport-anual-subventii-${year}${issued ? `-nr-${issued.number.replace(/[^0-9A-Za-z]+/g, '-')}` : ''}.xlsx`, bytes, FILTERS.xlsx);
}
