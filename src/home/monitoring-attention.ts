// The monitoring items of "Ce necesită atenție": visits overdue and follow-ups past their deadline.
// Plain arrays in, so that the rule does not depend on how monitoring stores its records: the
// home service maps the monitoring tables (visit schedule per funded unit, recommendations and
// their follow-ups) onto these shapes.
import { countOf } from '../commission/wording';
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
