// The documents of a monitoring visit, issued through the register of issued documents: the visit
// report (raport_monitorizare, about the visit), the note of a serious finding (nota_constatare,
// about the finding) and the follow-up letter (scrisoare_monitorizare, about the visit). A report
// once issued is stored and re-downloads byte-identical; a correction is a new report naming the
// one it replaces. The blank checklist (a printout, not an act) and the summary (XLSX) are plain
// downloads.
import type { Convention } from '../../src/conventions/convention';
import { DomainError } from '../../src/errors';
import { describeIssued, type IssuedDocument, type IssueRequest } from '../../src/documents/issued-document';
import { buildBlankChecklist } from '../../src/documents/monitoring-blank-checklist';
import type { FindingEntry, MonitoredParty, RecommendationEntry, ReportChecklist, TeamMember, VisitData } from '../../src/documents/monitoring-common';
import { buildFindingNote, type ProposedMeasure } from '../../src/documents/monitoring-finding-note';
import { buildFollowUpLetter } from '../../src/documents/monitoring-follow-up-letter';
import { buildMonitoringReport, type BeneficiaryCheck } from '../../src/documents/monitoring-report';
import { buildMonitoringSummary } from '../../src/documents/monitoring-summary';
import { compareBeneficiaries } from '../../src/monitoring/beneficiary-discrepancy';
import type { ChecklistTemplate } from '../../src/monitoring/checklist';
import { templateRequirements } from '../../src/monitoring/checklists';
import { scoreTemplate } from '../../src/monitoring/checklist-scoring';
import { actLabel, FINDING_SEVERITY_LABELS, recommendationStatuses, suspensionPeriod, type Finding } from '../../src/monitoring/findings';
import { visitSchedule } from '../../src/monitoring/visit-schedule';
import { teamNames, type MonitoringVisit, type Quarter, type VisitPlace } from '../../src/monitoring/visit';
import { monthLabel } from '../../src/settlements/monthly-settlement';
import type { Month } from '../../src/requests/subsidy-request';
import { todayIso, type IsoDate } from '../../src/validation/dates';
import type { Store } from '../db/store';
import { FILTERS, saveFile } from '../platform/files';
import { issueDocument, previewDocument, type DocumentToIssue } from './issued-documents';

/** Where the visit took place, as the documents' sentences say it ("o vizită … la sediul unității"). */
const PLACE_PHRASES: Record<VisitPlace, string> = {
  sediu: 'la sediul unității',
  domiciliu_beneficiar: 'la domiciliul unui beneficiar',
  eveniment: 'la un eveniment al programului finanțat',
};

const fileStem = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^0-9A-Za-z]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
const visitDay = (v: Pick<MonitoringVisit, 'actualDate' | 'plannedDate'>): IsoDate => v.actualDate ?? v.plannedDate;

interface VisitContext {
  visit: MonitoringVisit;
  convention: Convention;
  party: MonitoredParty;
  data: VisitData;
  templates: ChecklistTemplate[];
  findings: Finding[];
}

/** Everything the documents of a visit are built from, read now from the store. */
async function visitContext(store: Store, visitId: string): Promise<VisitContext> {
  const visit = await store.monitoring.getVisit(visitId);
  if (!visit) throw new DomainError('Vizita nu mai există.');
  const convention = await store.conventions.get(visit.conventionId);
  if (!convention) throw new DomainError('Convenția vizitei nu a fost găsită.');
  const cu = convention.units.find((u) => u.unitId === visit.unitId);
  const [unit, organization, findings, ...templates] = await Promise.all([
    store.units.get(visit.unitId),
    store.organizations.get(convention.provider.organizationId),
    store.monitoring.listFindingsByVisit(visit.id),
    ...visit.templates.map((t) => store.monitoring.template(t.templateId, t.version)),
  ]);
  const missing = visit.templates.find((_, i) => !templates[i]);
  if (missing) throw new DomainError(`Lista de verificare „${missing.title}” (versiunea ${missing.version}) nu mai este în aplicație.`);
  const party: MonitoredParty = {
    organization: {
      name: convention.provider.name,
      cui: convention.provider.cui,
      address: organization ? [organization.street, organization.locality, organization.county ? `jud. ${organization.county}` : ''].filter(Boolean).join(', ') : '',
      representativeName: convention.provider.representativeName,
      representativeRole: convention.provider.representativeRole,
    },
    unit: {
      name: cu?.unitName ?? unit?.name ?? '',
      address: unit ? [unit.street, unit.locality].filter(Boolean).join(', ') : '',
      serviceCode: cu?.serviceCode ?? unit?.serviceCode ?? '',
      licenceNumber: cu?.licenceNumber ?? unit?.licenceNumber ?? '',
      licenceIssueDate: cu?.licenceIssueDate ?? unit?.licenceIssueDate,
      licenceExpiryDate: cu?.licenceExpiryDate ?? unit?.licenceExpiryDate,
      licensingAuthority: unit?.licensingAuthority || undefined,
    },
    convention: { number: convention.number, date: convention.date },
  };
  const team: TeamMember[] = visit.team;
  const data: VisitData = { date: visitDay(visit), announced: visit.kind === 'anuntata', place: PLACE_PHRASES[visit.place], team };
  return { visit, convention, party, data, templates: templates as ChecklistTemplate[], findings };
}

function reportChecklists(templates: readonly ChecklistTemplate[], visit: MonitoringVisit): ReportChecklist[] {
  const answers = new Map(visit.answers.map((a) => [a.key, a]));
  return templates.map((template) => {
    const score = scoreTemplate(template, visit.answers);
    const items = templateRequirements(template);
    return {
      title: template.title,
      act: template.act.name,
      modules: template.modules.map((module, i) => {
        const t = score.modules[i]!;
        return {
          code: module.code,
          title: module.title,
          items: items.filter((x) => x.module === module).map(({ requirement: r }) => {
            const a = answers.get(`${template.id}#${r.code}`);
            return { code: r.code, text: r.text, result: a?.result, evidence: a?.evidence };
          }),
          totals: { points: t.points, maxPoints: t.maxPoints, conform: t.counts.conform, partial: t.counts.partial, nonCompliant: t.counts.neconform, notApplicable: t.counts.nu_se_aplica, unanswered: t.unanswered },
        };
      }),
    };
  });
}

/** The requirement a finding refers to: "M.I-S1.1 (Ordinul … anexa nr. 9)". */
function findingEntries(findings: readonly Finding[], templates: readonly ChecklistTemplate[]): FindingEntry[] {
  return findings.map((f, i) => {
    const [templateId, code] = (f.requirementKey ?? '').split('#');
    const template = templates.find((t) => t.id === templateId);
    return { number: String(i + 1), severity: FINDING_SEVERITY_LABELS[f.severity].toLocaleLowerCase('ro'), description: f.text, reference: code ? `${code}${template ? ` (${template.act.name})` : ''}` : undefined };
  });
}

function recommendationEntries(findings: readonly Finding[], only?: ReadonlySet<string>): RecommendationEntry[] {
  return findings.flatMap((f, i) => f.recommendations.filter((r) => !only || only.has(r.id)).map((r) => ({ text: r.text, responsible: r.responsible, deadline: r.deadline, findingNumber: String(i + 1) })));
}

async function beneficiaryCheck(store: Store, ctx: VisitContext): Promise<BeneficiaryCheck> {
  const { visit, convention } = ctx;
  const year = visit.observed.year ?? Number(visitDay(visit).slice(0, 4));
  const month = (visit.observed.month ?? Number(visitDay(visit).slice(5, 7))) as Month;
  const [settlements, settings] = await Promise.all([store.settlements.listByConvention(convention.id), store.monitoring.getSettings()]);
  const settlement = settlements.find((s) => s.year === year && s.month === month);
  const margin = { percent: settings.value.discrepancyMarginPercent, source: 'parametru de plan' };
  const c = compareBeneficiaries({ observed: visit.observed, year, month, unitId: visit.unitId, unitName: ctx.party.unit.name, settlement, margin });
  return { month: monthLabel(year, month), present: c.present ?? 0, onRegister: c.onRegister ?? 0, claimed: c.claimed, margin: `${margin.percent.toLocaleString('ro-RO')}%`, discrepancy: c.isBeyondMargin, note: c.explanation };
}

/** The visit report as a document to issue: rendered with its number from what is stored now. */
export function visitReportDocument(store: Store, visitId: string, title: string, addressee: string, conventionId: string, organizationId: string): DocumentToIssue {
  return {
    kind: 'raport_monitorizare',
    visitId,
    conventionId,
    organizationId,
    title,
    addressee,
    stem: `raport-monitorizare-${fileStem(title.replace(/^Raport de monitorizare — /, ''))}`,
    async render(date, mark) {
      const ctx = await visitContext(store, visitId);
      const [{ renderMonitoringReportDocx }, settings, check] = await Promise.all([import('../../templates/docx/monitoring-report'), store.settings.getInstitution(), beneficiaryCheck(store, ctx)]);
      const model = buildMonitoringReport({
        ...ctx.party, settings, mark, date, visit: ctx.data, checklists: reportChecklists(ctx.templates, ctx.visit), beneficiaryCheck: check,
        findings: findingEntries(ctx.findings, ctx.templates), recommendations: recommendationEntries(ctx.findings), conclusions: ctx.visit.conclusions,
      });
      return { bytes: await renderMonitoringReportDocx(model), model };
    },
  };
}

/** The visit report as the issuing dialog shows it (title, addressee, draft preview). */
export async function reportToIssue(store: Store, visitId: string): Promise<DocumentToIssue> {
  const ctx = await visitContext(store, visitId);
  const title = `Raport de monitorizare — ${ctx.party.unit.name}, vizita din ${ctx.data.date.split('-').reverse().join('.')}`;
  return visitReportDocument(store, visitId, title, ctx.convention.provider.name, ctx.convention.id, ctx.convention.provider.organizationId);
}

export interface IssueOptions {
  /** dd.mm.yyyy or ISO; today by default. */
  issuedOn?: string;
  numberSource?: IssueRequest['numberSource'];
  typedNumber?: string;
  /** Required when the document replaces one already issued (a correction). */
  replacementReason?: string;
}

const request = (o: IssueOptions): IssueRequest => ({ numberSource: o.numberSource ?? 'secventa', typedNumber: o.typedNumber ?? '', issuedOn: o.issuedOn ?? todayIso(), replacementReason: o.replacementReason ?? '' });

/**
 * Issues the visit report: numbered in the register, stored, and the visit locked. When a report
 * is already in force, the new one is a correction that names it (a reason is required).
 */
export async function issueVisitReport(store: Store, visitId: string, options: IssueOptions = {}): Promise<IssuedDocument> {
  const visit = await store.monitoring.getVisit(visitId);
  if (!visit) throw new DomainError('Vizita nu mai există.');
  if (visit.status !== 'efectuata') throw new DomainError('Raportul se emite pentru o vizită efectuată: înregistrați întâi data efectuării.');
  const doc = await reportToIssue(store, visitId);
  const replaces = await store.issuedDocuments.inForce(doc);
  const issued = await issueDocument(store, doc, request(options), replaces);
  await store.monitoring.attachReport(visitId, issued.id);
  return issued;
}

/** A draft of the report (today's date, no number, marked CIORNĂ), for the screen's preview. */
export async function previewVisitReport(store: Store, visitId: string): Promise<boolean> {
  return previewDocument(await reportToIssue(store, visitId));
}

/** The note of a serious finding, with the measure proposed (suspension of payments by default). */
export function findingNoteDocument(store: Store, finding: Finding, convention: Pick<Convention, 'id' | 'number' | 'provider'>, measure: ProposedMeasure): DocumentToIssue {
  return {
    kind: 'nota_constatare',
    findingId: finding.id,
    visitId: finding.visitId,
    conventionId: convention.id,
    organizationId: convention.provider.organizationId,
    title: `Notă de constatare — convenția nr. ${convention.number}`,
    addressee: convention.provider.name,
    stem: `nota-constatare-conventia-${fileStem(convention.number)}`,
    async render(date, mark) {
      const ctx = await visitContext(store, finding.visitId);
      const [{ renderFindingNoteDocx }, settings] = await Promise.all([import('../../templates/docx/monitoring-finding-note'), store.settings.getInstitution()]);
      const report = ctx.visit.reportDocumentIds.length > 0 ? await store.issuedDocuments.get(ctx.visit.reportDocumentIds.at(-1)!) : undefined;
      const entries = findingEntries(ctx.findings, ctx.templates);
      const entry = entries[ctx.findings.findIndex((f) => f.id === finding.id)] ?? findingEntries([finding], ctx.templates)[0]!;
      const evidence = finding.requirementKey ? (ctx.visit.answers.find((a) => a.key === finding.requirementKey)?.evidence ?? '') : '';
      const model = buildFindingNote({ ...ctx.party, settings, mark, date, visit: ctx.data, finding: entry, evidence, measure, ...(report ? { reportRef: describeIssued(report) } : {}) });
      return { bytes: await renderFindingNoteDocx(model), model };
    },
  };
}

/** Issues the note of a serious finding and records it on the finding. */
export async function issueFindingNote(store: Store, findingId: string, options: IssueOptions & { measure?: ProposedMeasure } = {}): Promise<IssuedDocument> {
  const finding = await store.monitoring.getFinding(findingId);
  if (!finding) throw new DomainError('Constatarea nu mai există.');
  if (finding.severity !== 'grava') throw new DomainError('Nota de constatare se emite pentru o constatare gravă.');
  const convention = await store.conventions.get(finding.conventionId);
  if (!convention) throw new DomainError('Convenția constatării nu a fost găsită.');
  const doc = findingNoteDocument(store, finding, convention, options.measure ?? { kind: 'suspendare_plati' });
  const issued = await issueDocument(store, doc, request(options), await store.issuedDocuments.inForce(doc));
  await store.monitoring.attachFindingNote(findingId, issued.id);
  return issued;
}

/** The follow-up letter asking the NGO to report on the open recommendations of the visit. */
export async function followUpLetterToIssue(store: Store, visitId: string): Promise<DocumentToIssue> {
  const ctx = await visitContext(store, visitId);
  return {
    kind: 'scrisoare_monitorizare',
    visitId,
    conventionId: ctx.convention.id,
    organizationId: ctx.convention.provider.organizationId,
    title: `Scrisoare privind îndeplinirea recomandărilor — ${ctx.party.unit.name}`,
    addressee: ctx.convention.provider.name,
    stem: `scrisoare-recomandari-${fileStem(ctx.party.unit.name)}`,
    async render(date, mark) {
      const now = await visitContext(store, visitId);
      const [{ renderFollowUpLetterDocx }, settings, followUps] = await Promise.all([import('../../templates/docx/monitoring-follow-up-letter'), store.settings.getInstitution(), store.monitoring.listFollowUps()]);
      const open = new Set(recommendationStatuses(now.findings, followUps, date).filter((s) => s.state !== 'inchisa').map((s) => s.recommendation.id));
      const report = now.visit.reportDocumentIds.length > 0 ? await store.issuedDocuments.get(now.visit.reportDocumentIds.at(-1)!) : undefined;
      const model = buildFollowUpLetter({ ...now.party, settings, mark, date, visit: now.data, recommendations: recommendationEntries(now.findings, open), ...(report ? { reportRef: describeIssued(report) } : {}) });
      return { bytes: await renderFollowUpLetterDocx(model), model };
    },
  };
}

export async function issueFollowUpLetter(store: Store, visitId: string, options: IssueOptions = {}): Promise<IssuedDocument> {
  const doc = await followUpLetterToIssue(store, visitId);
  return issueDocument(store, doc, request(options), await store.issuedDocuments.inForce(doc));
}

/** The checklist to print for the visit on paper (a printout: no number, not in the register). */
export async function blankChecklist(store: Store, visitId: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const ctx = await visitContext(store, visitId);
  const [{ renderBlankChecklistDocx }, settings] = await Promise.all([import('../../templates/docx/monitoring-blank-checklist'), store.settings.getInstitution()]);
  const model = buildBlankChecklist({ ...ctx.party, settings, visit: ctx.data, templates: ctx.templates, printedOn: todayIso() });
  return { fileName: `lista-verificare-${fileStem(ctx.party.unit.name)}-${ctx.data.date}.docx`, bytes: await renderBlankChecklistDocx(model) };
}

export async function downloadBlankChecklist(store: Store, visitId: string): Promise<boolean> {
  const { fileName, bytes } = await blankChecklist(store, visitId);
  return saveFile(fileName, bytes, FILTERS.docx);
}

/** The quarterly or yearly summary (XLSX) as of today (or `asOf`). */
export async function monitoringSummary(store: Store, year: number, quarter?: Quarter, asOf: IsoDate = todayIso()): Promise<{ fileName: string; bytes: Uint8Array }> {
  const [{ renderMonitoringSummaryXlsx }, settings, visits, findings, followUps, suspensions, conventions, monitoringSettings] = await Promise.all([
    import('../../templates/xlsx/monitoring-summary'), store.settings.getInstitution(), store.monitoring.listVisits(), store.monitoring.listFindings(), store.monitoring.listFollowUps(),
    store.monitoring.listSuspensions(), store.conventions.listByYear(year), store.monitoring.getSettings(),
  ]);
  const byId = new Map(conventions.map((c) => [c.id, c]));
  const unitName = (conventionId: string, unitId: string) => byId.get(conventionId)?.units.find((u) => u.unitId === unitId)?.unitName ?? unitId;
  const orgName = (conventionId: string) => byId.get(conventionId)?.provider.name ?? '';
  const visitById = new Map(visits.map((v) => [v.id, v]));
  const yearVisits = visits.filter((v) => byId.has(v.conventionId));
  const templates = await store.monitoring.allTemplates();
  const statuses = recommendationStatuses(findings.filter((f) => byId.has(f.conventionId)), followUps, asOf);
  const findingById = new Map(findings.map((f) => [f.id, f]));
  const schedule = visitSchedule({ conventions, visits: yearVisits, year, quarter, visitsPerYear: monitoringSettings.value.visitsPerYear, today: asOf });
  const model = buildMonitoringSummary({
    settings, year, quarter, asOf,
    visits: yearVisits.filter((v) => v.status !== 'anulata').map((v) => ({ unitName: unitName(v.conventionId, v.unitId), organizationName: orgName(v.conventionId), officers: teamNames(v.team), plannedOn: v.plannedDate, doneOn: v.status === 'efectuata' ? v.actualDate : undefined })),
    findings: findings.filter((f) => byId.has(f.conventionId)).map((f) => {
      const [templateId, code] = (f.requirementKey ?? '').split('#');
      const template = templates.find((t) => t.id === templateId);
      const standard = template && code ? templateRequirements(template).find((x) => x.requirement.code === code)?.standard.code : undefined;
      const v = visitById.get(f.visitId);
      return { unitName: unitName(f.conventionId, f.unitId), foundOn: v ? visitDay(v) : f.createdAt.slice(0, 10), severity: FINDING_SEVERITY_LABELS[f.severity].toLocaleLowerCase('ro'), checklist: template?.act.name ?? 'Constatare a echipei', standardCode: standard ?? '' };
    }),
    recommendations: statuses.map((s) => {
      const f = findingById.get(s.findingId)!;
      return { unitName: unitName(f.conventionId, f.unitId), organizationName: orgName(f.conventionId), text: s.recommendation.text, responsible: s.recommendation.responsible, deadline: s.recommendation.deadline, closedOn: s.closedOn };
    }),
    overdueUnits: schedule.filter((r) => r.isOverdue).map((r) => ({ unitName: r.unitName, organizationName: r.organizationName, lastVisit: r.lastVisitDone, dueBy: r.nextDue ?? asOf })),
    suspensions: suspensions.filter((s) => s.decision && byId.has(s.conventionId)).map((s) => {
      const period = suspensionPeriod(s)!;
      return { organizationName: orgName(s.conventionId), conventionNumber: byId.get(s.conventionId)!.number, from: period.from, to: period.to, decision: actLabel(s.decision!), liftedBy: s.lifting ? actLabel(s.lifting) : undefined, reason: s.reason };
    }),
  });
  return { fileName: `sinteza-monitorizare-${year}${quarter ? `-T${quarter}` : ''}-${asOf}.xlsx`, bytes: await renderMonitoringSummaryXlsx(model) };
}

export async function downloadMonitoringSummary(store: Store, year: number, quarter?: Quarter): Promise<boolean> {
  const { fileName, bytes } = await monitoringSummary(store, year, quarter);
  return saveFile(fileName, bytes, FILTERS.xlsx);
}
