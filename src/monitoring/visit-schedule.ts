import type { Convention } from '../conventions/convention';
import { addDays, daysInMonth, isoFromParts, type IsoDate } from '../validation/dates';
import { quarterBounds, visitDate, type MonitoringVisit, type Quarter } from './visit';

/**
 * Which funded units are due for a monitoring visit. A unit is funded in a period when a convention
 * in force in it (not terminated before the period starts) lists it. With a frequency of n visits a
 * year (a plan parameter, domain.md §10), the k-th visit is due 12/n × k months after the
 * convention's first day, at the latest by the end of the convention's period; with 1 visit a year
 * it is therefore due by the period's end (31 December).
 */

export interface ConventionPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** From the first day of the convention's first month to the last of its last month, or its termination. */
export function conventionPeriod(c: Pick<Convention, 'year' | 'firstMonth' | 'lastMonth' | 'terminatedOn'>): ConventionPeriod {
  const to = isoFromParts(c.year, c.lastMonth, daysInMonth(c.year, c.lastMonth));
  return { from: isoFromParts(c.year, c.firstMonth, 1), to: c.terminatedOn && c.terminatedOn < to ? c.terminatedOn : to };
}

/** `date` plus whole months, the day clamped to the month's length. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  return isoFromParts(year, month, Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)));
}

/** The due dates of the n visits of a convention's period (the last one no later than the period's end). */
export function dueDates(period: ConventionPeriod, visitsPerYear: number): IsoDate[] {
  const n = Math.max(1, Math.floor(visitsPerYear));
  const out: IsoDate[] = [];
  for (let k = 1; k <= n; k++) {
    const due = addDays(addMonths(period.from, Math.round((12 / n) * k)), -1);
    out.push(due < period.to ? due : period.to);
  }
  // Visits whose interval starts after the period ends (a short period) are due at its end: keep them, the count is the frequency's.
  return out;
}

export type UnitVisitFlag = 'niciodata_vizitata' | 'restanta' | 'la_zi';
export const UNIT_VISIT_FLAG_LABELS: Record<UnitVisitFlag, string> = {
  niciodata_vizitata: 'Niciodată vizitată în perioada convenției',
  restanta: 'Restantă',
  la_zi: 'La zi',
};

export interface UnitScheduleRow {
  conventionId: string;
  conventionNumber: string;
  organizationName: string;
  unitId: string;
  unitName: string;
  serviceCode: string;
  period: ConventionPeriod;
  /** Last visit done in the convention's period. */
  lastVisitDone?: IsoDate;
  /** Visits done in the convention's period (its year). */
  doneInYear: number;
  /** Visits required in the year (the plan's frequency). */
  required: number;
  /** Visits already due by `today`. */
  dueByToday: number;
  /** The next due date not yet covered by a visit done. */
  nextDue?: IsoDate;
  isNeverVisited: boolean;
  isOverdue: boolean;
  flags: UnitVisitFlag[];
  /** Visits planned (not done, not cancelled) for the unit, in order. */
  planned: Pick<MonitoringVisit, 'id' | 'plannedDate' | 'team' | 'kind' | 'place'>[];
  /** The unit's visits falling in the quarter asked for (any status). */
  inQuarter: MonitoringVisit[];
}

export interface ScheduleInput {
  conventions: readonly Pick<Convention, 'id' | 'number' | 'year' | 'firstMonth' | 'lastMonth' | 'state' | 'terminatedOn' | 'provider' | 'units'>[];
  visits: readonly MonitoringVisit[];
  year: number;
  quarter?: Quarter;
  visitsPerYear: number;
  today: IsoDate;
}

/** The funded units of the year (quarter) with their visit state on `today`. */
export function visitSchedule(input: ScheduleInput): UnitScheduleRow[] {
  const window = input.quarter ? quarterBounds(input.year, input.quarter) : { from: isoFromParts(input.year, 1, 1), to: isoFromParts(input.year, 12, 31) };
  const rows: UnitScheduleRow[] = [];
  for (const convention of input.conventions) {
    if (convention.year !== input.year) continue;
    const period = conventionPeriod(convention);
    // In force in the window: the period overlaps it and it was not terminated before it starts.
    if (period.to < window.from || period.from > window.to) continue;
    for (const unit of convention.units) {
      const visits = input.visits.filter((v) => v.conventionId === convention.id && v.unitId === unit.unitId);
      const done = visits.filter((v) => v.status === 'efectuata' && visitDate(v) >= period.from && visitDate(v) <= period.to).map(visitDate).sort();
      const dues = dueDates(period, input.visitsPerYear);
      const dueByToday = dues.filter((d) => d < input.today).length;
      const isNeverVisited = done.length === 0;
      const isOverdue = done.length < dueByToday;
      const flags: UnitVisitFlag[] = [];
      if (isNeverVisited) flags.push('niciodata_vizitata');
      if (isOverdue) flags.push('restanta');
      if (flags.length === 0) flags.push('la_zi');
      rows.push({
        conventionId: convention.id,
        conventionNumber: convention.number,
        organizationName: convention.provider.name,
        unitId: unit.unitId,
        unitName: unit.unitName,
        serviceCode: unit.serviceCode,
        period,
        lastVisitDone: done.at(-1),
        doneInYear: done.length,
        required: dues.length,
        dueByToday,
        nextDue: dues[done.length],
        isNeverVisited,
        isOverdue,
        flags,
        planned: visits.filter((v) => v.status === 'planificata').sort((a, b) => a.plannedDate.localeCompare(b.plannedDate)).map((v) => ({ id: v.id, plannedDate: v.plannedDate, team: v.team, kind: v.kind, place: v.place })),
        inQuarter: visits.filter((v) => visitDate(v) >= window.from && visitDate(v) <= window.to).sort((a, b) => visitDate(a).localeCompare(visitDate(b))),
      });
    }
  }
  return rows.sort((a, b) => Number(b.isOverdue) - Number(a.isOverdue) || a.organizationName.localeCompare(b.organizationName, 'ro') || a.unitName.localeCompare(b.unitName, 'ro'));
}

/** The quarter's counts: units, visits planned / done / cancelled, units overdue or never visited. */
export function quarterSummary(rows: readonly UnitScheduleRow[]): { units: number; planned: number; done: number; cancelled: number; overdue: number; neverVisited: number } {
  const visits = rows.flatMap((r) => r.inQuarter);
  return {
    units: rows.length,
    planned: visits.filter((v) => v.status === 'planificata').length,
    done: visits.filter((v) => v.status === 'efectuata').length,
    cancelled: visits.filter((v) => v.status === 'anulata').length,
    overdue: rows.filter((r) => r.isOverdue).length,
    neverVisited: rows.filter((r) => r.isNeverVisited).length,
  };
}
