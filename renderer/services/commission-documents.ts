// The commission's documents: each built from the round's loaded records by a pure model builder
// of src/documents and rendered by a template loaded on demand (docx and exceljs stay out of the
// start-up bundle), then handed to the save dialog or download.
import { findRecusals } from '../../src/commission/conflicts';
import { checkScoreWorkbook, type ScoreImportProblem } from '../../src/commission/score-import';
import { DomainError } from '../../src/errors';
import { buildImpartialityDeclaration } from '../../src/documents/impartiality-declaration';
import { partitionByRecusal } from '../../src/documents/member-documents';
import { buildScoreSheetDocument } from '../../src/documents/score-sheet';
import { buildScoreWorkbook } from '../../src/documents/score-workbook';
import { buildAppealsMinutes } from '../../src/documents/appeals-minutes';
import { buildEvaluationMinutes } from '../../src/documents/evaluation-minutes';
import { buildResultNotifications } from '../../src/documents/result-notification';
import { buildResultsCentraliser } from '../../src/documents/results-centraliser';
import { buildResultsReport } from '../../src/documents/results-report';
import type { RoundResultsContext } from '../../src/documents/round-results-context';
import { serviceCategories } from '../../src/requests/parameter-rules';
import { describeMonths } from '../../src/requests/subsidy-request';
import { todayIso } from '../../src/validation/dates';
import type { Store } from '../db/store';
import { datedFileName, FILTERS, openFile, saveFile } from '../platform/files';
import type { RoundEvaluationData } from './round-evaluation';

/** "Ioan Pop" → "ioan-pop" for file names. */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function memberContext(data: RoundEvaluationData, sessionId: string, memberId: string) {
  const session = data.sessions.find((s) => s.id === sessionId);
  const member = data.members.find((m) => m.id === memberId);
  if (!session || !member) throw new DomainError('Ședința sau membrul nu mai există.');
  const agenda = session.agenda.flatMap((id) => data.requests.filter((r) => r.id === id));
  const recusals = findRecusals(session.agenda, data.members, data.requests, data.manualRecusals.filter((r) => r.sessionId === session.id));
  const { toScore, recused } = partitionByRecusal(member.id, agenda, recusals);
  return { session, member, agenda, recusals, toScore, recused, fileStem: `${slug(member.name)}-${session.date}` };
}

export async function exportImpartialityDeclarationDocx(store: Store, data: RoundEvaluationData, sessionId: string, memberId: string): Promise<boolean> {
  const { session, member, agenda, recused, fileStem } = memberContext(data, sessionId, memberId);
  const [{ renderImpartialityDeclarationDocx }, institution] = await Promise.all([import('../../templates/docx/impartiality-declaration'), store.settings.getInstitution()]);
  const model = buildImpartialityDeclaration({
    institution,
    commission: data.commission ?? { name: 'Comisia de evaluare și selecționare' },
    member,
    session,
    round: data.round,
    requests: agenda.map((r) => ({ label: r.label, organizationName: r.organizationName, isRecused: recused.includes(r) })),
  });
  return saveFile(`declaratie-impartialitate-${fileStem}.docx`, await renderImpartialityDeclarationDocx(model), FILTERS.docx);
}

export async function exportScoreSheetDocx(store: Store, data: RoundEvaluationData, sessionId: string, memberId: string): Promise<boolean> {
  const { session, member, toScore, recused, fileStem } = memberContext(data, sessionId, memberId);
  if (!data.grid) throw new DomainError('Runda nu are o grilă de evaluare.');
  const [{ renderScoreSheetDocx }, institution] = await Promise.all([import('../../templates/docx/score-sheet'), store.settings.getInstitution()]);
  const model = buildScoreSheetDocument({ institution, round: data.round, session, member, grid: data.grid, requests: toScore, recused, sheets: data.sheets });
  return saveFile(`fisa-evaluare-${fileStem}.docx`, await renderScoreSheetDocx(model), FILTERS.docx);
}

/** The workbook a member fills in on their own computer: the grid and the requests they may score. */
export async function exportScoreWorkbookXlsx(store: Store, data: RoundEvaluationData, sessionId: string, memberId: string): Promise<boolean> {
  const { session, member, toScore, recused, fileStem } = memberContext(data, sessionId, memberId);
  if (!data.grid) throw new DomainError('Runda nu are o grilă de evaluare.');
  const [{ renderScoreWorkbookXlsx }, institution] = await Promise.all([import('../../templates/xlsx/score-workbook'), store.settings.getInstitution()]);
  const model = buildScoreWorkbook({ institution, round: data.round, session, member, grid: data.grid, requests: toScore, recused, sheets: data.sheets, generatedAt: new Date().toISOString() });
  return saveFile(`punctaje-${fileStem}.xlsx`, await renderScoreWorkbookXlsx(model), FILTERS.xlsx);
}

export type ScoreImportOutcome = { status: 'cancelled' } | { status: 'refused'; fileName: string; problems: ScoreImportProblem[] } | { status: 'imported'; fileName: string; count: number };

/**
 * Reads a member's score workbook, checks every row against the session, the grid and the
 * member's right to score, and stores the sheets in one transaction, or nothing when any row is
 * refused (the problems say sheet, row, column, value and reason).
 */
export async function importScoreWorkbook(store: Store, data: RoundEvaluationData, sessionId: string, memberId: string): Promise<ScoreImportOutcome> {
  const file = await openFile(FILTERS.xlsx);
  if (!file) return { status: 'cancelled' };
  const { session, recusals } = memberContext(data, sessionId, memberId);
  if (!data.grid) throw new DomainError('Runda nu are o grilă de evaluare.');
  const { readScoreWorkbook } = await import('../../templates/xlsx/score-workbook');
  const raw = await readScoreWorkbook(file.data);
  const result = checkScoreWorkbook(raw, {
    session,
    members: data.members,
    declarations: data.declarations.filter((d) => d.sessionId === session.id),
    recusals,
    grid: data.grid,
    requests: data.requests,
    expectedMemberId: memberId,
    existingSheets: data.sheets.filter((s) => s.sessionId === session.id && s.memberId === memberId),
    importedAt: new Date().toISOString(),
  });
  if (result.problems.length > 0) return { status: 'refused', fileName: file.name, problems: result.problems };
  const saved = await store.scoreSheets.saveMany(result.sheets);
  return { status: 'imported', fileName: file.name, count: saved.length };
}


/** The context every results document is built from: the round's records, their results, labels. */
async function resultsContext(store: Store, data: RoundEvaluationData): Promise<RoundResultsContext> {
  if (!data.evaluation || !data.commission || !data.grid || !data.results) throw new DomainError('Alegeți mai întâi comisia și grila rundei.');
  const unitIds = data.requests.flatMap((r) => r.request.units.map((line) => line.unitId));
  const [institution, units, params] = await Promise.all([store.settings.getInstitution(), store.units.getMany(unitIds), store.parameters.store()]);
  const categoryLabels = new Map(serviceCategories(params).map((c) => [c.category, c.label]));
  return {
    institution,
    round: data.round,
    commission: data.commission,
    members: data.members,
    sessions: data.sessions,
    grid: data.grid,
    requests: data.requests.map((r) => ({
      ...r,
      unitLines: r.request.units.map((line) => {
        const unit = units.get(line.unitId);
        return {
          unitName: unit?.name ?? line.unitId,
          serviceLabel: `${categoryLabels.get(line.serviceCategory) ?? line.serviceCategory}${unit ? ` (${unit.serviceCode})` : ''}`,
          beneficiariesPerMonth: line.beneficiariesPerMonth,
          months: describeMonths(line.months),
        };
      }),
    })),
    results: data.results,
    appeals: data.appeals,
    evaluation: data.evaluation,
    date: todayIso(),
    declarations: data.declarations,
    holidays: data.holidays,
  };
}

const stem = (data: RoundEvaluationData) => `runda-${data.round.year}`;

export async function exportEvaluationMinutesDocx(store: Store, data: RoundEvaluationData): Promise<boolean> {
  const [{ renderEvaluationMinutesDocx }, ctx] = await Promise.all([import('../../templates/docx/evaluation-minutes'), resultsContext(store, data)]);
  return saveFile(datedFileName(`proces-verbal-evaluare-${stem(data)}`, 'docx', todayIso()), await renderEvaluationMinutesDocx(buildEvaluationMinutes(ctx)), FILTERS.docx);
}

/** The report with the annex: to the local council (draft decision) or for the director's decision. */
export async function exportResultsReportDocx(store: Store, data: RoundEvaluationData, recipient: 'consiliul_local' | 'director' = 'consiliul_local'): Promise<boolean> {
  const [{ renderResultsReportDocx }, ctx] = await Promise.all([import('../../templates/docx/results-report'), resultsContext(store, data)]);
  const name = recipient === 'director' ? `referat-dispozitie-${stem(data)}` : `raport-propunere-${stem(data)}`;
  return saveFile(datedFileName(name, 'docx', todayIso()), await renderResultsReportDocx(buildResultsReport(ctx, { recipient })), FILTERS.docx);
}

/** Every applicant's notification in one DOCX, one letter per section, for printing at once. */
export async function exportResultNotificationsDocx(store: Store, data: RoundEvaluationData): Promise<boolean> {
  const [{ renderResultNotificationsDocx }, ctx] = await Promise.all([import('../../templates/docx/result-notification'), resultsContext(store, data)]);
  return saveFile(datedFileName(`notificari-rezultat-${stem(data)}`, 'docx', todayIso()), await renderResultNotificationsDocx(buildResultNotifications(ctx)), FILTERS.docx);
}

export async function exportAppealsMinutesDocx(store: Store, data: RoundEvaluationData): Promise<boolean> {
  const [{ renderAppealsMinutesDocx }, ctx] = await Promise.all([import('../../templates/docx/appeals-minutes'), resultsContext(store, data)]);
  return saveFile(datedFileName(`proces-verbal-contestatii-${stem(data)}`, 'docx', todayIso()), await renderAppealsMinutesDocx(buildAppealsMinutes(ctx)), FILTERS.docx);
}

export async function exportResultsCentraliserXlsx(store: Store, data: RoundEvaluationData): Promise<boolean> {
  const [{ renderResultsCentraliserXlsx }, ctx] = await Promise.all([import('../../templates/xlsx/results-centraliser'), resultsContext(store, data)]);
  return saveFile(datedFileName(`centralizator-rezultate-${stem(data)}`, 'xlsx', todayIso()), await renderResultsCentraliserXlsx(buildResultsCentraliser(ctx)), FILTERS.xlsx);
}
