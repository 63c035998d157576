// Exports a screen asks for: read through the repositories, build the document model in src/,
// render it with the template (loaded on demand: exceljs and docx stay out of the start-up bundle)
// and hand the bytes to the platform's save dialog or download.
import { buildLicensedNgoList } from '../../src/documents/licensed-ngo-list';
import { buildMissingDocumentsNotice, buildRegistrationReceipt } from '../../src/documents/request-notices';
import { buildRequestSummary } from '../../src/documents/request-summary';
import { buildRoundRequestsList } from '../../src/documents/round-requests';
import { ELIGIBLE_EXPENSES_KEY, serviceCategories } from '../../src/requests/parameter-rules';
import type { SubsidyRequest } from '../../src/requests/subsidy-request';
import { assessmentDate, roundCompletionWorkingDays } from '../../src/rounds/funding-round';
import { createHolidayTable } from '../../src/calendar/public-holidays';
import { sortByText } from '../../src/tabular/search';
import { todayIso } from '../../src/validation/dates';
import type { Store } from '../db/store';
import type { DocumentToIssue } from './issued-documents';
import { datedFileName, FILTERS, saveFile } from '../platform/files';
import { assessRoundRequests } from './round-evaluation';


export async function exportCatalogXlsx(store: Store): Promise<boolean> {
  const [{ renderCatalogXlsx }, organizations] = await Promise.all([import('../../templates/xlsx/catalog'), store.organizations.list()]);
  const bytes = await renderCatalogXlsx(sortByText(organizations, (o) => o.name));
  return saveFile(datedFileName('catalog-ong', 'xlsx', todayIso()), bytes, FILTERS.xlsx);
}

export async function exportRegisterXlsx(store: Store): Promise<boolean> {
  const [{ renderRegisterXlsx }, units, organizations, nomenclature] = await Promise.all([
    import('../../templates/xlsx/register'),
    store.units.list(),
    store.organizations.list(),
    store.nomenclature.list(),
  ]);
  const orgs = new Map(organizations.map((o) => [o.id, o]));
  // One shared collator, each key computed once (localeCompare builds a collator per comparison).
  const sorted = sortByText(units, (u) => orgs.get(u.organizationId)?.name ?? '', (u) => u.name);
  const bytes = await renderRegisterXlsx(sorted, orgs, nomenclature, todayIso());
  return saveFile(datedFileName('registru-unitati', 'xlsx', todayIso()), bytes, FILTERS.xlsx);
}

async function licensedListModel(store: Store) {
  const [organizations, units, nomenclature, institution] = await Promise.all([
    store.organizations.list(),
    store.units.list(),
    store.nomenclature.list(),
    store.settings.getInstitution(),
  ]);
  return buildLicensedNgoList({ organizations, units, nomenclature, institution, date: todayIso() });
}

export async function exportLicensedListDocx(store: Store): Promise<boolean> {
  const [{ renderLicensedNgoListDocx }, model] = await Promise.all([import('../../templates/docx/licensed-ngo-list'), licensedListModel(store)]);
  return saveFile(datedFileName('lista-ong-licentiate', 'docx', todayIso()), await renderLicensedNgoListDocx(model), FILTERS.docx);
}

export async function exportLicensedListXlsx(store: Store): Promise<boolean> {
  const [{ renderLicensedNgoListXlsx }, model] = await Promise.all([import('../../templates/xlsx/licensed-ngo-list'), licensedListModel(store)]);
  return saveFile(datedFileName('lista-ong-licentiate', 'xlsx', todayIso()), await renderLicensedNgoListXlsx(model), FILTERS.xlsx);
}

/** The round's requests with eligibility and computed subsidy, and the budget's use, as XLSX. */
export async function exportRoundRequestsXlsx(store: Store, roundId: string): Promise<boolean> {
  const round = await store.rounds.get(roundId);
  if (!round) return false;
  const [{ renderRoundRequestsXlsx }, requests, institution] = await Promise.all([
    import('../../templates/xlsx/round-requests'),
    store.requests.listByRound(roundId),
    store.settings.getInstitution(),
  ]);
  // Only the round's NGOs and units, in bulk reads, not the whole catalog and register.
  const [organizationsById, units, assessments] = await Promise.all([
    store.organizations.getMany(requests.map((r) => r.organizationId)),
    store.units.getMany(requests.flatMap((r) => r.units.map((line) => line.unitId))),
    assessRoundRequests(store, roundId, requests),
  ]);
  const organizations = [...organizationsById.values()];
  const assessed = requests.map((request, i) => {
    const assessment = assessments[i];
    if (!assessment) throw new Error('ONG-ul cererii nu mai există în catalog.');
    return { request, ...assessment };
  });
  const list = buildRoundRequestsList({ round, requests: assessed, organizations, unitNames: new Map([...units.values()].map((u) => [u.id, u.name])), institution, date: todayIso() });
  return saveFile(datedFileName(`cereri-runda-${round.year}`, 'xlsx', todayIso()), await renderRoundRequestsXlsx(list), FILTERS.xlsx);
}

async function requestContext(store: Store, request: SubsidyRequest) {
  const [organization, units, institution] = await Promise.all([
    store.organizations.get(request.organizationId),
    store.units.listByOrganization(request.organizationId),
    store.settings.getInstitution(),
  ]);
  if (!organization) throw new Error('ONG-ul cererii nu mai există în catalog.');
  return { request, organization, units: units.filter((u) => request.units.some((l) => l.unitId === u.id)), institution };
}

/** The registration receipt of a request, ready to preview as a draft or to issue with a number. */
export function registrationReceiptDocument(store: Store, request: SubsidyRequest, organizationName: string): DocumentToIssue {
  return {
    kind: 'confirmare_inregistrare',
    roundId: request.roundId,
    organizationId: request.organizationId,
    requestId: request.id,
    title: `Confirmare de înregistrare a cererii nr. ${request.registration.sequence}/${request.registration.year}`,
    addressee: organizationName,
    stem: `confirmare-cerere-${request.registration.sequence}-${request.registration.year}`,
    async render(_date, mark) {
      const [{ renderRegistrationReceiptDocx }, context] = await Promise.all([import('../../templates/docx/request-notices'), requestContext(store, request)]);
      const model = { ...buildRegistrationReceipt(context), ...mark };
      return { bytes: await renderRegistrationReceiptDocx(model), model };
    },
  };
}

/**
 * The notice of missing documents: the term is the round's number of working days (the app's
 * default when the round sets none), counted over the public holidays and the user's non-working days.
 */
export function missingDocumentsNoticeDocument(store: Store, request: SubsidyRequest, organizationName: string): DocumentToIssue {
  return {
    kind: 'notificare_documente_lipsa',
    roundId: request.roundId,
    organizationId: request.organizationId,
    requestId: request.id,
    title: `Notificare privind documentele lipsă din dosarul cererii nr. ${request.registration.sequence}/${request.registration.year}`,
    addressee: organizationName,
    stem: `notificare-documente-lipsa-${request.registration.sequence}-${request.registration.year}`,
    async render(date, mark) {
      const [{ renderMissingDocumentsNoticeDocx }, context, round, extraDays] = await Promise.all([
        import('../../templates/docx/request-notices'),
        requestContext(store, request),
        store.rounds.get(request.roundId),
        store.nonWorkingDays.list(),
      ]);
      const notice = buildMissingDocumentsNotice({
        ...context,
        date,
        completionWorkingDays: roundCompletionWorkingDays(round),
        holidays: createHolidayTable(extraDays),
        assessedOn: round ? assessmentDate(round, request) : undefined,
      });
      const model = { ...notice, ...mark };
      return { bytes: await renderMissingDocumentsNoticeDocx(model), model };
    },
  };
}

/** The request's summary for the commission (DOCX): NGO, units and budgets, dossier, verdict, computation. */
export async function exportRequestSummaryDocx(store: Store, request: SubsidyRequest): Promise<boolean> {
  const [{ renderRequestSummaryDocx }, context, round, params, assessment] = await Promise.all([
    import('../../templates/docx/request-summary'),
    requestContext(store, request),
    store.rounds.get(request.roundId),
    store.parameters.store(),
    assessRoundRequests(store, request.roundId, [request]).then((a) => a[0]!),
  ]);
  if (!round) throw new Error('Runda cererii nu mai există.');
  const expenses = params.listItemsAt(ELIGIBLE_EXPENSES_KEY, `${request.year}-01-01`);
  const summary = buildRequestSummary({
    ...context,
    ...assessment,
    round,
    categoryLabels: new Map(serviceCategories(params).map((c) => [c.category, c.label])),
    expenseLabels: new Map(expenses.ok ? expenses.value.map((e) => [e.code, e.label]) : []),
    date: todayIso(),
  });
  return saveFile(`fisa-cerere-${request.registration.sequence}-${request.registration.year}.docx`, await renderRequestSummaryDocx(summary), FILTERS.docx);
}
