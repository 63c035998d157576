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
import { buildAppealDecisionLetters, buildChangedResultNotifications, type AppealDecisionLetter, type ChangedResultNotification } from '../../src/documents/appeal-letters';
import { buildAppealsMinutes } from '../../src/documents/appeals-minutes';
import { buildEvaluationMinutes } from '../../src/documents/evaluation-minutes';
import { buildResultNotifications } from '../../src/documents/result-notification';
import { buildResultsCentraliser } from '../../src/documents/results-centraliser';
import { buildResultsReport } from '../../src/documents/results-report';
import type { RoundResultsContext } from '../../src/documents/round-results-context';
import { serviceCategories } from '../../src/requests/parameter-rules';
import { describeMonths } from '../../src/requests/subsidy-request';
import { todayIso, type IsoDate } from '../../src/validation/dates';
import { fileSlug, type IssuedDocument, type IssueRequest } from '../../src/documents/issued-document';
import type { ResultNotification } from '../../src/documents/result-notification';
import { issueDocument, issueDocuments, type DocumentToIssue } from './issued-documents';
import type { Store } from '../db/store';
import { datedFileName, FILTERS, openFile, saveFile } from '../platform/files';
import type { RoundEvaluationData } from './round-evaluation';


function memberContext(data: RoundEvaluationData, sessionId: string, memberId: string) {
  const session = data.sessions.find((s) => s.id === sessionId);
  const member = data.members.find((m) => m.id === memberId);
  if (!session || !member) throw new DomainError('Ședința sau membrul nu mai există.');
  const agenda = session.agenda.flatMap((id) => data.requests.filter((r) => r.id === id));
  const recusals = findRecusals(session.agenda, data.members, data.requests, data.manualRecusals.filter((r) => r.sessionId === session.id));
  const { toScore, recused } = partitionByRecusal(member.id, agenda, recusals);
  return { session, member, agenda, recusals, toScore, recused, fileStem: `${fileSlug(member.name)}-${session.date}` };
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
async function resultsContext(store: Store, data: RoundEvaluationData, date: IsoDate = todayIso()): Promise<RoundResultsContext> {
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
    date,
    declarations: data.declarations,
    holidays: data.holidays,
    decisions: data.decisions,
  };
}

const stem = (data: RoundEvaluationData) => `runda-${data.round.year}`;

/** Acts rest on final results: a document of the round is issued only once its results are frozen. */
function assertFrozen(data: RoundEvaluationData, what: string): void {
  if (!data.snapshot) {
    throw new DomainError(`${what} se emite după ce rezultatele rundei sunt declarate finale (și păstrate așa). Până atunci se poate doar previzualiza ca ciornă.`);
  }
}

/** The round's results documents, each ready to preview as a draft or to issue with a number. */
export function evaluationMinutesDocument(store: Store, data: RoundEvaluationData): DocumentToIssue {
  return {
    kind: 'proces_verbal_evaluare',
    roundId: data.round.id,
    title: `Proces-verbal de evaluare și selecție — ${data.round.name}`,
    addressee: data.commission?.name ?? 'Comisia de evaluare și selecționare',
    stem: `proces-verbal-evaluare-${stem(data)}`,
    async render(date, mark) {
      const [{ renderEvaluationMinutesDocx }, ctx] = await Promise.all([import('../../templates/docx/evaluation-minutes'), resultsContext(store, data, date)]);
      const model = { ...buildEvaluationMinutes(ctx), ...mark };
      return { bytes: await renderEvaluationMinutesDocx(model), model };
    },
  };
}

/** The report with the annex: to the local council (draft decision) or for the director's approval. */
export function resultsReportDocument(store: Store, data: RoundEvaluationData, recipient: 'consiliul_local' | 'director' = 'consiliul_local'): DocumentToIssue {
  const isDirector = recipient === 'director';
  return {
    kind: isDirector ? 'referat_director' : 'raport_consiliu',
    roundId: data.round.id,
    title: `${isDirector ? 'Referat de aprobare' : 'Raport de specialitate'} — ${data.round.name}`,
    addressee: isDirector ? 'Directorul executiv al DASM' : 'Consiliul Local',
    stem: isDirector ? `referat-aprobare-${stem(data)}` : `raport-specialitate-${stem(data)}`,
    async render(date, mark) {
      const [{ renderResultsReportDocx }, ctx] = await Promise.all([import('../../templates/docx/results-report'), resultsContext(store, data, date)]);
      const model = { ...buildResultsReport(ctx, { recipient }), ...mark };
      return { bytes: await renderResultsReportDocx(model), model };
    },
  };
}

/** One notification per applicant, each its own act with its own number. */
export function resultNotificationDocuments(store: Store, data: RoundEvaluationData): DocumentToIssue[] {
  return data.requests.map((request) => ({
    kind: 'notificare_rezultat' as const,
    roundId: data.round.id,
    organizationId: request.organizationId,
    requestId: request.id,
    title: `Notificare privind rezultatul evaluării cererii nr. ${request.label}`,
    addressee: request.organizationName,
    stem: `notificare-rezultat-cererea-${request.label.replace('/', '-')}`,
    async render(date, mark) {
      const [{ renderResultNotificationDocx }, ctx] = await Promise.all([import('../../templates/docx/result-notification'), resultsContext(store, data, date)]);
      const letter = buildResultNotifications(ctx).find((n) => n.requestId === request.id);
      if (!letter) throw new DomainError(`Cererea nr. ${request.label} nu mai este în rundă.`);
      const model = { ...letter, ...mark };
      return { bytes: await renderResultNotificationDocx(model), model };
    },
  }));
}

export function appealsMinutesDocument(store: Store, data: RoundEvaluationData): DocumentToIssue {
  return {
    kind: 'proces_verbal_contestatii',
    roundId: data.round.id,
    title: `Proces-verbal de soluționare a contestațiilor — ${data.round.name}`,
    addressee: data.commission?.name ?? 'Comisia de evaluare și selecționare',
    stem: `proces-verbal-contestatii-${stem(data)}`,
    async render(date, mark) {
      const [{ renderAppealsMinutesDocx }, ctx] = await Promise.all([import('../../templates/docx/appeals-minutes'), resultsContext(store, data, date)]);
      const model = { ...buildAppealsMinutes(ctx), ...mark };
      return { bytes: await renderAppealsMinutesDocx(model), model };
    },
  };
}

/** Issues one results document of a locked round (see issueDocument), or refuses while the results are open. */
export async function issueRoundDocument(store: Store, data: RoundEvaluationData, doc: DocumentToIssue, request: IssueRequest): Promise<IssuedDocument> {
  assertFrozen(data, doc.title);
  const replaces = await store.issuedDocuments.inForce(doc);
  return issueDocument(store, doc, request, replaces);
}

/**
 * Issues the notifications of the applicants who have none in force yet, numbered one after the
 * other, and saves them in one DOCX for printing (each letter with its own number).
 */
export async function issueResultNotifications(store: Store, data: RoundEvaluationData, issuedOn: string): Promise<IssuedDocument[]> {
  return issuePendingDocuments(store, data, resultNotificationDocuments(store, data), issuedOn);
}

/** Issues, numbered one after the other, those of the documents with none in force on their subject yet. */
export async function issuePendingDocuments(store: Store, data: RoundEvaluationData, all: readonly DocumentToIssue[], issuedOn: string): Promise<IssuedDocument[]> {
  if (all[0]) assertFrozen(data, all[0].title);
  const docs: DocumentToIssue[] = [];
  for (const doc of all) if (!(await store.issuedDocuments.inForce(doc))) docs.push(doc);
  return issueDocuments(store, docs, issuedOn);
}

/**
 * The round's issued letters of one kind in one DOCX for printing, from the models stored with
 * them (each letter with its own number and date, as issued).
 */
export async function printIssuedLetters(store: Store, roundId: string, kind: 'notificare_rezultat' | 'decizie_contestatie' | 'notificare_modificare_rezultat'): Promise<boolean> {
  const issued = (await store.issuedDocuments.listByRound(roundId)).filter((d) => d.kind === kind && !d.replacedById).sort((a, b) => a.sequence - b.sequence);
  if (issued.length === 0) throw new DomainError('Nu există scrisori emise de acest fel în rundă.');
  const models = issued.map((d) => JSON.parse(d.sourceData) as unknown);
  const name = (stemName: string, bytes: Uint8Array) => saveFile(datedFileName(`${stemName}-tiparire`, 'docx', todayIso()), bytes, FILTERS.docx);
  if (kind === 'notificare_rezultat') {
    const { renderResultNotificationsDocx } = await import('../../templates/docx/result-notification');
    return name('notificari-emise', await renderResultNotificationsDocx(models as ResultNotification[]));
  }
  const letters = await import('../../templates/docx/appeal-letters');
  return kind === 'decizie_contestatie'
    ? name('decizii-contestatii-emise', await letters.renderAppealDecisionLettersDocx(models as AppealDecisionLetter[]))
    : name('notificari-modificare-rezultat-emise', await letters.renderChangedResultNotificationsDocx(models as ChangedResultNotification[]));
}

export async function exportResultsCentraliserXlsx(store: Store, data: RoundEvaluationData): Promise<boolean> {
  const [{ renderResultsCentraliserXlsx }, ctx] = await Promise.all([import('../../templates/xlsx/results-centraliser'), resultsContext(store, data)]);
  return saveFile(datedFileName(`centralizator-rezultate-${stem(data)}`, 'xlsx', todayIso()), await renderResultsCentraliserXlsx(buildResultsCentraliser(ctx)), FILTERS.xlsx);
}

/** A decision letter to each appellant whose appeal the commission decided, each its own act. */
export function appealDecisionLetterDocuments(store: Store, data: RoundEvaluationData): DocumentToIssue[] {
  return data.appeals
    .filter((a) => a.resolution && a.status !== 'inregistrata' && a.status !== 'retrasa')
    .map((appeal) => {
      const request = data.requests.find((r) => r.id === appeal.requestId);
      const number = `${appeal.registration.sequence}/${appeal.registration.year}`;
      return {
        kind: 'decizie_contestatie' as const,
        roundId: data.round.id,
        organizationId: appeal.organizationId,
        requestId: appeal.requestId,
        appealId: appeal.id,
        title: `Decizia privind contestația nr. ${number}`,
        addressee: request?.organizationName ?? '',
        stem: `decizie-contestatie-${number.replace('/', '-')}`,
        async render(date, mark) {
          const [{ renderAppealDecisionLetterDocx }, ctx] = await Promise.all([import('../../templates/docx/appeal-letters'), resultsContext(store, data, date)]);
          const letter = buildAppealDecisionLetters(ctx, { date, numbers: { [appeal.id]: mark.number } }).find((l) => l.appealId === appeal.id);
          if (!letter) throw new DomainError(`Contestația nr. ${number} nu este soluționată.`);
          const model = { ...letter, registryNote: mark.registryNote };
          return { bytes: await renderAppealDecisionLetterDocx(model), model };
        },
      };
    });
}

/** The notifications to applicants whose rank or amount changed because of another applicant's admitted appeal. */
export async function changedResultNotificationDocuments(store: Store, data: RoundEvaluationData): Promise<DocumentToIssue[]> {
  const ctx = await resultsContext(store, data);
  return buildChangedResultNotifications(ctx).map((n) => ({
    kind: 'notificare_modificare_rezultat' as const,
    roundId: data.round.id,
    organizationId: data.requests.find((r) => r.id === n.requestId)?.organizationId,
    requestId: n.requestId,
    title: `Notificare privind modificarea rezultatului cererii nr. ${n.requestLabel}`,
    addressee: data.requests.find((r) => r.id === n.requestId)?.organizationName ?? '',
    stem: `notificare-modificare-rezultat-${n.requestLabel.replace('/', '-')}`,
    async render(date, mark) {
      const [{ renderChangedResultNotificationDocx }, context] = await Promise.all([import('../../templates/docx/appeal-letters'), resultsContext(store, data, date)]);
      const letter = buildChangedResultNotifications(context, { date, numbers: { [n.requestId]: mark.number } }).find((l) => l.requestId === n.requestId);
      if (!letter) throw new DomainError(`Rezultatul cererii nr. ${n.requestLabel} nu s-a modificat.`);
      const model = { ...letter, registryNote: mark.registryNote };
      return { bytes: await renderChangedResultNotificationDocx(model), model };
    },
  }));
}
