import { describe, expect, it } from 'vitest';
import { addMonths, dueDates, quarterSummary, visitSchedule } from '../../../src/monitoring/visit-schedule';
import type { ScheduleInput } from '../../../src/monitoring/visit-schedule';
import { visit } from './fixtures';

const unit = (unitId: string, unitName: string) => ({ unitId, unitName, serviceCode: '8899 CZ-V-II' }) as ScheduleInput['conventions'][number]['units'][number];
const conv = (over: Partial<ScheduleInput['conventions'][number]> = {}) => ({
  id: 'c1', number: '12/2025', year: 2025, firstMonth: 1, lastMonth: 12, state: 'definitiva', provider: { name: 'Asociația Speranța' }, units: [unit('u1', 'Centrul de zi Speranța')], ...over,
}) as ScheduleInput['conventions'][number];

describe('due dates of the visits (frequency a plan parameter)', () => {
  it('1 a year: due by the end of the convention period; 2 a year: every 6 months from the start', () => {
    expect(dueDates({ from: '2025-01-01', to: '2025-12-31' }, 1)).toEqual(['2025-12-31']);
    expect(dueDates({ from: '2025-01-01', to: '2025-12-31' }, 2)).toEqual(['2025-06-30', '2025-12-31']);
    expect(dueDates({ from: '2025-03-01', to: '2025-12-31' }, 4)).toEqual(['2025-05-31', '2025-08-31', '2025-11-30', '2025-12-31']);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
  });
});

describe('overdue and never visited', () => {
  it('frequency 1: not overdue before 31 December, overdue after; never visited flagged all along', () => {
    const base = { conventions: [conv()], visits: [], year: 2025, visitsPerYear: 1 };
    const june = visitSchedule({ ...base, today: '2025-06-15' })[0]!;
    expect([june.isNeverVisited, june.isOverdue, june.nextDue]).toEqual([true, false, '2025-12-31']);
    expect(june.flags).toEqual(['niciodata_vizitata']);
    const january = visitSchedule({ ...base, today: '2026-01-05' })[0]!;
    expect(january.flags).toEqual(['niciodata_vizitata', 'restanta']);
  });

  it('frequency 2: one visit done in March covers the first; in July the second is not due yet, after 31 Dec it is', () => {
    const visits = [visit({ status: 'efectuata', actualDate: '2025-03-10', plannedDate: '2025-03-10' }), visit({ status: 'planificata', plannedDate: '2025-11-10' }), visit({ status: 'anulata', plannedDate: '2025-02-01', cancelReason: 'x' })];
    const row = visitSchedule({ conventions: [conv()], visits, year: 2025, visitsPerYear: 2, today: '2025-07-15' })[0]!;
    expect([row.doneInYear, row.required, row.dueByToday, row.isOverdue, row.lastVisitDone, row.nextDue]).toEqual([1, 2, 1, false, '2025-03-10', '2025-12-31']);
    expect(row.planned.map((p) => p.plannedDate)).toEqual(['2025-11-10']);
    const row2 = visitSchedule({ conventions: [conv()], visits: visits.slice(2), year: 2025, visitsPerYear: 2, today: '2025-07-15' })[0]!;
    expect([row2.isOverdue, row2.isNeverVisited]).toEqual([true, true]);
  });

  it('only units of conventions in force in the quarter; a visit done outside the period does not count', () => {
    const conventions = [conv(), conv({ id: 'c2', number: '13/2025', terminatedOn: '2025-02-15', units: [unit('u2', 'Cantina')] }), conv({ id: 'c3', year: 2024 })];
    const q2 = visitSchedule({ conventions, visits: [visit({ status: 'efectuata', actualDate: '2024-12-20' })], year: 2025, quarter: 2, visitsPerYear: 1, today: '2025-05-01' });
    expect(q2.map((r) => r.unitId)).toEqual(['u1']);
    expect(q2[0]!.isNeverVisited).toBe(true);
    const q1 = visitSchedule({ conventions, visits: [], year: 2025, quarter: 1, visitsPerYear: 1, today: '2025-05-01' });
    expect(q1.map((r) => r.unitId).sort()).toEqual(['u1', 'u2']);
    // The terminated convention's only visit was due by its termination day: overdue.
    expect(q1.find((r) => r.unitId === 'u2')!.isOverdue).toBe(true);
  });

  it('the quarter view counts the visits of the quarter by status', () => {
    const visits = [visit({ plannedDate: '2025-04-02' }), visit({ status: 'efectuata', plannedDate: '2025-05-01', actualDate: '2025-05-02' }), visit({ plannedDate: '2025-08-01' })];
    const s = quarterSummary(visitSchedule({ conventions: [conv()], visits, year: 2025, quarter: 2, visitsPerYear: 1, today: '2025-05-03' }));
    expect(s).toEqual({ units: 1, planned: 1, done: 1, cancelled: 0, overdue: 0, neverVisited: 0 });
  });
});
