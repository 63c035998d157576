import { compareBeneficiaries, type BeneficiaryComparison } from '../../src/monitoring/beneficiary-discrepancy';
import type { ChecklistTemplate } from '../../src/monitoring/checklist';
import { scoreVisit, type ScoreTotals, type TemplateScore } from '../../src/monitoring/checklist-scoring';
import { recommendationStatuses, type Finding, type FollowUp, type RecommendationStatus, type Suspension } from '../../src/monitoring/findings';
import { visitSchedule, type UnitScheduleRow } from '../../src/monitoring/visit-schedule';
import { teamRoleHints, visitDate, type MonitoringSettings, type MonitoringVisit, type Quarter } from '../../src/monitoring/visit';
import type { Convention, ConventionUnit } from '../../src/conventions/convention';
import type { Month } from '../../src/requests/subsidy-request';
import { todayIso } from '../../src/validation/dates';
import { openFile, saveFile, type FileFilter } from '../platform/files';
import { MAX_ATTACHMENT_BYTES } from '../../src/monitoring/attachments';
import type { Store } from '../db/store';

/** Orchestration of the monitoring screens: reads gathered in one place, files in and out. */

export interface PlanView {
  settings: MonitoringSettings;
  settingsVersion: number;
  visitsPerYear: number;
  planTeam: string[];
  /** The functions to propose for a team, and the one each name last had on a visit. */
  teamRoles: ReturnType<typeof teamRoleHints>;
  rows: UnitScheduleRow[];
  conventions: Convention[];
}

export async function loadPlanView(store: Store, year: number, quarter: Quarter, today: string = todayIso()): Promise<PlanView> {
  const [{ value: settings, version }, conventions, visits, plan] = await Promise.all([
    store.monitoring.getSettings(), store.conventions.listByYear(year), store.monitoring.listVisits(), store.monitoring.getPlan(year, quarter),
  ]);
  const visitsPerYear = plan?.visitsPerYear ?? settings.visitsPerYear;
  return { settings, settingsVersion: version, visitsPerYear, planTeam: plan?.team ?? [], teamRoles: teamRoleHints(visits), rows: visitSchedule({ conventions, visits, year, quarter, visitsPerYear, today }), conventions };
}

/** The functions to propose when typing a visit's team (the usual ones, then those typed before). */
export async function loadTeamRoleSuggestions(store: Store): Promise<string[]> {
  return teamRoleHints(await store.monitoring.listVisits()).suggestions;
}

export interface VisitRow {
  visit: MonitoringVisit;
  conventionNumber: string;
  organizationName: string;
  unitName: string;
}

export async function loadVisitList(store: Store, year: number): Promise<VisitRow[]> {
  const [visits, conventions] = await Promise.all([store.monitoring.listVisits(), store.conventions.listByYear(year)]);
  const byId = new Map(conventions.map((c) => [c.id, c]));
  return visits
    .filter((v) => byId.has(v.conventionId))
    .map((visit) => {
      const c = byId.get(visit.conventionId)!;
      return { visit, conventionNumber: c.number, organizationName: c.provider.name, unitName: c.units.find((u) => u.unitId === visit.unitId)?.unitName ?? '' };
    })
    .sort((a, b) => visitDate(b.visit).localeCompare(visitDate(a.visit)));
}

export interface VisitPageData {
  visit: MonitoringVisit;
  convention: Convention;
  unit: ConventionUnit;
  templates: ChecklistTemplate[];
  scores: { templates: TemplateScore[]; total: ScoreTotals };
  comparison?: BeneficiaryComparison;
  findings: Finding[];
  statuses: RecommendationStatus[];
  attachments: Awaited<ReturnType<Store['monitoring']['listAttachments']>>;
  suspensions: Suspension[];
}

/** The month a visit's counts are compared with: the one typed, else the month before the visit. */
export function comparedMonth(visit: Pick<MonitoringVisit, 'observed' | 'actualDate' | 'plannedDate'>): { year: number; month: Month } {
  if (visit.observed.month && visit.observed.year) return { year: visit.observed.year, month: visit.observed.month };
  const date = visitDate(visit);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) as Month };
}

export async function loadVisitPage(store: Store, visitId: string): Promise<VisitPageData | undefined> {
  const visit = await store.monitoring.getVisit(visitId);
  if (!visit) return undefined;
  const convention = await store.conventions.get(visit.conventionId);
  const unit = convention?.units.find((u) => u.unitId === visit.unitId);
  if (!convention || !unit) return undefined;
  const all = await store.monitoring.allTemplates();
  const templates = visit.templates.map((a) => all.find((t) => t.id === a.templateId && t.version === a.version)).filter((t): t is ChecklistTemplate => !!t);
  const { year, month } = comparedMonth(visit);
  const [settings, settlement, findings, attachments, suspensions] = await Promise.all([
    store.monitoring.getSettings(), store.settlements.find(convention.id, month), store.monitoring.listFindingsByVisit(visit.id), store.monitoring.listAttachments(visit.id),
    store.monitoring.listSuspensionsByConvention(convention.id),
  ]);
  const followUps = (await Promise.all(findings.map((f) => store.monitoring.listFollowUpsByFinding(f.id)))).flat();
  const hasCounts = visit.observed.present !== undefined || visit.observed.onRegister !== undefined;
  const comparison = hasCounts
    ? compareBeneficiaries({ observed: visit.observed, year, month, unitId: unit.unitId, unitName: unit.unitName, settlement: settlement && settlement.year === year ? settlement : undefined, margin: { percent: settings.value.discrepancyMarginPercent, source: 'parametru de plan (nu s-a identificat o normă legală)' } })
    : undefined;
  return { visit, convention, unit, templates, scores: scoreVisit(templates, visit.answers), comparison, findings, statuses: recommendationStatuses(findings, followUps, todayIso()), attachments, suspensions };
}

export interface FindingRow {
  finding: Finding;
  status: RecommendationStatus;
  conventionNumber: string;
  organizationName: string;
  unitName: string;
}

/** Every recommendation with its state, for the follow-up tab. */
export async function loadFollowUpView(store: Store, today: string = todayIso()): Promise<{ rows: FindingRow[]; findings: Finding[]; followUps: FollowUp[] }> {
  const [findings, followUps] = await Promise.all([store.monitoring.listFindings(), store.monitoring.listFollowUps()]);
  const names = new Map<string, Convention | undefined>();
  for (const f of findings) if (!names.has(f.conventionId)) names.set(f.conventionId, await store.conventions.get(f.conventionId));
  const statuses = recommendationStatuses(findings, followUps, today);
  const rows = statuses.map((status) => {
    const finding = findings.find((f) => f.id === status.findingId)!;
    const c = names.get(finding.conventionId);
    return { finding, status, conventionNumber: c?.number ?? '?', organizationName: c?.provider.name ?? '', unitName: c?.units.find((u) => u.unitId === finding.unitId)?.unitName ?? '' };
  });
  return { rows, findings, followUps };
}

export async function loadSuspensionView(store: Store): Promise<{ suspensions: (Suspension & { conventionNumber: string; organizationName: string; findingText?: string })[]; seriousFindings: (Finding & { conventionNumber: string; organizationName: string })[] }> {
  const [suspensions, findings] = await Promise.all([store.monitoring.listSuspensions(), store.monitoring.listFindings()]);
  const conventions = new Map<string, Convention | undefined>();
  for (const id of new Set([...suspensions.map((s) => s.conventionId), ...findings.map((f) => f.conventionId)])) conventions.set(id, await store.conventions.get(id));
  return {
    suspensions: suspensions.map((s) => ({ ...s, conventionNumber: conventions.get(s.conventionId)?.number ?? '?', organizationName: conventions.get(s.conventionId)?.provider.name ?? '', findingText: findings.find((f) => f.id === s.findingId)?.text })),
    seriousFindings: findings.filter((f) => f.severity === 'grava').map((f) => ({ ...f, conventionNumber: conventions.get(f.conventionId)?.number ?? '?', organizationName: conventions.get(f.conventionId)?.provider.name ?? '' })),
  };
}

const ATTACHMENT_FILTER: FileFilter = { name: 'Fotografii și documente scanate (JPEG, PNG, PDF)', extensions: ['jpg', 'jpeg', 'png', 'pdf'] };

/** Picks a file and attaches it to the visit (checked by the repository: type by bytes, size, count). */
export async function pickAndAttach(store: Store, visitId: string, options: { caption?: string; answerKey?: string } = {}): Promise<string | null> {
  const file = await openFile(ATTACHMENT_FILTER, { maxBytes: MAX_ATTACHMENT_BYTES, message: 'Fișierul depășește limita de 10 MB pe fișier. Micșorați fotografia sau scanați cu o rezoluție mai mică.' });
  if (!file) return null;
  await store.monitoring.addAttachment(visitId, { name: file.name, bytes: file.data, ...options });
  return file.name;
}

export async function downloadAttachment(store: Store, id: string): Promise<boolean> {
  const { attachment, bytes } = await store.monitoring.attachmentBytes(id);
  const extension = attachment.fileName.split('.').pop() ?? '';
  return saveFile(attachment.fileName, bytes, { name: attachment.type, extensions: [extension || (attachment.type === 'application/pdf' ? 'pdf' : 'jpg')] });
}

