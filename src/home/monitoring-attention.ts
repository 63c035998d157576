// The monitoring items of "Ce necesită atenție": visits overdue and follow-ups past their deadline.
// The rules take plain arrays; the adapters below map the monitoring records (the visit schedule of
// src/monitoring/visit-schedule.ts, the recommendations' states of src/monitoring/findings.ts) onto
// them, and count the year's monitoring for the annual report.
import { countOf } from '../commission/wording';
import type { Convention } from '../conventions/convention';
import type { AnnualMonitoring } from '../documents/annual-report';
import { recommendationStatuses, type Finding, type FollowUp, type RecommendationStatus, type Suspension } from '../monitoring/findings';
import type { MonitoringVisit } from '../monitoring/visit';
import type { UnitScheduleRow } from '../monitoring/visit-schedule';
import { daysBetween, formatRoDate, type IsoDate } from '../validation/dates';
import { sortItems, type AttentionGroup, type AttentionItem } from './attention-types';

/** A funded unit as the visit schedule sees it: when the next visit is due, the last one done. */
export interface UnitVisitDue {
  unitId: string;
  unitName: string;
  organizationName: string;
  /** The convention the unit is funded by (the visit checks it). */
  conventionId: string;
  /** The last day the next visit is due by (from the plan's frequency and the convention's period). */
  dueBy: IsoDate;
  /** The last visit done (efectuată), if any, in the convention's period. */
  lastVisitOn?: IsoDate;
  /** A visit planned and not done, if any. */
  plannedOn?: IsoDate;
  /** Where the visit is opened (the plan or the planned visit): "#/monitorizare/<id>". */
  href: string;
}

/** A recommendation with its deadline and whether a follow-up closed it. */
export interface RecommendationDue {
  id: string;
  text: string;
  organizationName: string;
  unitName?: string;
  deadline: IsoDate;
  isClosed: boolean;
  /** The last follow-up entry, if any. */
  lastFollowUpOn?: IsoDate;
  href: string;
}

/** Units whose visit is overdue on `today` (due date passed); never visited in the period is said so. */
export function overdueVisits(units: readonly UnitVisitDue[], today: IsoDate): AttentionGroup {
  const items = units.filter((u) => u.dueBy < today).map((u): AttentionItem => {
    const late = daysBetween(u.dueBy, today);
    const last = u.lastVisitOn ? `ultima vizită la ${formatRoDate(u.lastVisitOn)}` : 'nevizitată niciodată în perioada convenției';
    const planned = u.plannedOn ? `; planificată la ${formatRoDate(u.plannedOn)}` : '; nicio vizită planificată';
    return {
      key: u.unitId,
      label: `${u.unitName} — ${u.organizationName}`,
      detail: `Vizita de monitorizare era datorată până la ${formatRoDate(u.dueBy)} (restantă de ${countOf(late, 'zi', 'zile')}); ${last}${planned}`,
      href: u.href,
      severity: u.lastVisitOn ? 'warning' : 'error',
      date: u.dueBy,
    };
  });
  return { kind: 'vizite_restante', title: 'Vizite de monitorizare restante', items: sortItems(items), emptyText: 'Nicio vizită de monitorizare restantă.' };
}

/** Recommendations not closed whose deadline has passed on `today`. */
export function overdueFollowUps(recommendations: readonly RecommendationDue[], today: IsoDate): AttentionGroup {
  const items = recommendations.filter((r) => !r.isClosed && r.deadline < today).map((r): AttentionItem => ({
    key: r.id,
    label: `${r.organizationName}${r.unitName ? ` — ${r.unitName}` : ''}`,
    detail: `Recomandarea „${r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text}” avea termen ${formatRoDate(r.deadline)} (depășit cu ${countOf(daysBetween(r.deadline, today), 'zi', 'zile')}); ${r.lastFollowUpOn ? `ultima urmărire la ${formatRoDate(r.lastFollowUpOn)}` : 'nicio urmărire consemnată'}`,
    href: r.href,
    severity: 'error',
    date: r.deadline,
  }));
  return { kind: 'recomandari_restante', title: 'Recomandări cu termenul depășit', items: sortItems(items), emptyText: 'Nicio recomandare cu termenul depășit.' };
}

/** The overdue rows of the monitoring schedule (src/monitoring/visit-schedule.ts) as the home screen lists them. */
export function visitsDueFromSchedule(rows: readonly UnitScheduleRow[]): UnitVisitDue[] {
  return rows.filter((r) => r.isOverdue && r.nextDue).map((r) => ({
    unitId: r.unitId, unitName: r.unitName, organizationName: r.organizationName, conventionId: r.conventionId, dueBy: r.nextDue!,
    ...(r.lastVisitDone ? { lastVisitOn: r.lastVisitDone } : {}),
    ...(r.planned[0] ? { plannedOn: r.planned[0].plannedDate } : {}),
    // A planned visit opens on its page; otherwise the plan of visits, where one is planned.
    href: r.planned[0] ? `#/monitorizare/${r.planned[0].id}` : '#/monitorizare',
  }));
}

type ConventionNames = Pick<Convention, 'id'> & { provider: Pick<Convention['provider'], 'name'>; units: readonly Pick<Convention['units'][number], 'unitId' | 'unitName'>[] };

/** The recommendations with their state (src/monitoring/findings.ts) as the home screen lists them, each opening its visit. */
export function recommendationsDue(statuses: readonly RecommendationStatus[], findings: readonly Pick<Finding, 'id' | 'visitId' | 'conventionId' | 'unitId'>[], conventions: readonly ConventionNames[]): RecommendationDue[] {
  const findingOf = new Map(findings.map((f) => [f.id, f]));
  const conventionOf = new Map(conventions.map((c) => [c.id, c]));
  return statuses.map((s) => {
    const finding = findingOf.get(s.findingId);
    const convention = finding ? conventionOf.get(finding.conventionId) : undefined;
    const unitName = convention?.units.find((u) => u.unitId === finding?.unitId)?.unitName;
    const last = s.followUps.at(-1);
    return {
      id: `${s.findingId}-${s.recommendation.id}`, text: s.recommendation.text, organizationName: convention?.provider.name ?? 'ONG', deadline: s.recommendation.deadline,
      isClosed: s.state === 'inchisa', href: finding ? `#/monitorizare/${finding.visitId}` : '#/monitorizare',
      ...(unitName ? { unitName } : {}), ...(last ? { lastFollowUpOn: last.date } : {}),
    };
  });
}

/**
 * The year's monitoring in counts, for the annual report: the visits of the year's conventions
 * (planned or done, not cancelled), the units visited, the findings by severity with the text of
 * the major and serious ones, the recommendations' state on `today`, the suspensions decided in the year.
 */
export function yearMonitoring(input: {
  year: number;
  today: IsoDate;
  conventions: readonly ConventionNames[];
  visits: readonly Pick<MonitoringVisit, 'id' | 'conventionId' | 'unitId' | 'status'>[];
  findings: readonly Pick<Finding, 'id' | 'visitId' | 'conventionId' | 'unitId' | 'severity' | 'text' | 'recommendations'>[];
  followUps: readonly FollowUp[];
  suspensions: readonly Pick<Suspension, 'conventionId' | 'decision'>[];
}): AnnualMonitoring {
  const conventions = new Map(input.conventions.map((c) => [c.id, c]));
  const visits = input.visits.filter((v) => conventions.has(v.conventionId) && v.status !== 'anulata');
  const done = visits.filter((v) => v.status === 'efectuata');
  const visitIds = new Set(done.map((v) => v.id));
  const findings = input.findings.filter((f) => visitIds.has(f.visitId));
  const statuses = recommendationStatuses(findings, input.followUps, input.today);
  const unitName = (f: Pick<Finding, 'conventionId' | 'unitId'>) => conventions.get(f.conventionId)?.units.find((u) => u.unitId === f.unitId)?.unitName ?? 'unitate';
  return {
    visitsPlanned: visits.length,
    visitsDone: done.length,
    unitsVisited: new Set(done.map((v) => `${v.conventionId}|${v.unitId}`)).size,
    findings: { minor: findings.filter((f) => f.severity === 'minora').length, major: findings.filter((f) => f.severity === 'majora').length, grav: findings.filter((f) => f.severity === 'grava').length },
    mainFindings: findings.filter((f) => f.severity !== 'minora').map((f) => `${unitName(f)} (${f.severity === 'grava' ? 'gravă' : 'majoră'}): ${f.text}`),
    recommendations: {
      total: statuses.length, closed: statuses.filter((s) => s.state === 'inchisa').length,
      open: statuses.filter((s) => s.state !== 'inchisa').length, overdue: statuses.filter((s) => s.state === 'depasita').length,
    },
    suspensions: input.suspensions.filter((s) => conventions.has(s.conventionId) && s.decision?.date.startsWith(String(input.year))).length,
  };
}
