import { describe, expect, it } from 'vitest';
import { overdueFollowUps, overdueVisits, recommendationsDue, visitsDueFromSchedule, yearMonitoring, type RecommendationDue, type UnitVisitDue } from '../../../src/home/monitoring-attention';
import { recommendationStatuses, type Finding, type FollowUp } from '../../../src/monitoring/findings';
import { emptyVisit, type MonitoringVisit } from '../../../src/monitoring/visit';
import { visitSchedule } from '../../../src/monitoring/visit-schedule';
import { convention, unit1 } from '../conventions/fixtures';

const unit = (id: string, over: Partial<UnitVisitDue>): UnitVisitDue => ({
  unitId: id, unitName: `Centrul ${id}`, organizationName: 'Asociația Delta', conventionId: 'c1', dueBy: '2026-12-31', href: `#/monitorizare/${id}`, ...over,
});
const recommendation = (id: string, over: Partial<RecommendationDue>): RecommendationDue => ({
  id, text: 'Completarea dosarelor beneficiarilor cu planul individualizat', organizationName: 'Asociația Delta', deadline: '2026-11-15', isClosed: false, href: `#/monitorizare/v1`, ...over,
});

describe('overdue monitoring visits', () => {
  it('lists the units whose visit was due before today, the never visited ones as errors', () => {
    const g = overdueVisits([
      unit('u1', { dueBy: '2026-11-30', lastVisitOn: '2025-11-20', plannedOn: '2026-12-10' }),
      unit('u2', { dueBy: '2026-09-30' }),
      unit('u3', { dueBy: '2026-12-02' }), // due today: not yet overdue
      unit('u4', { dueBy: '2027-03-31' }),
    ], '2026-12-02');
    expect(g.items.map((i) => i.key)).toEqual(['u2', 'u1']);
    expect(g.items[0]).toMatchObject({ severity: 'error', href: '#/monitorizare/u2' });
    expect(g.items[0]!.detail).toContain('nevizitată niciodată în perioada convenției; nicio vizită planificată');
    expect(g.items[0]!.detail).toContain('restantă de 63 de zile');
    expect(g.items[1]!.detail).toContain('ultima vizită la 20.11.2025; planificată la 10.12.2026');
    expect(g.items[1]!.severity).toBe('warning');
  });
});

describe('follow-ups past their deadline', () => {
  it('lists the open recommendations whose deadline passed, with the last follow-up', () => {
    const g = overdueFollowUps([
      recommendation('r1', { lastFollowUpOn: '2026-11-20' }),
      recommendation('r2', { isClosed: true }),
      recommendation('r3', { deadline: '2026-12-02' }),
      recommendation('r4', { deadline: '2026-10-01', unitName: 'Cantina' }),
    ], '2026-12-02');
    expect(g.items.map((i) => i.key)).toEqual(['r4', 'r1']);
    expect(g.items[0]!.label).toBe('Asociația Delta — Cantina');
    expect(g.items[0]!.detail).toContain('nicio urmărire consemnată');
    expect(g.items[1]!.detail).toContain('depășit cu 17 zile');
    expect(g.items[1]!.detail).toContain('ultima urmărire la 20.11.2026');
  });
});

describe('from the monitoring records', () => {
  const c = convention();
  const visit = (id: string, over: Partial<MonitoringVisit>): MonitoringVisit => ({ ...emptyVisit({ conventionId: c.id, unitId: unit1.id, plannedDate: '2025-03-10' }), id, createdAt: '', updatedAt: '', version: 1, ...over } as MonitoringVisit);
  const finding = (id: string, visitId: string, severity: Finding['severity'], deadline: string): Finding => ({
    id, createdAt: '', updatedAt: '', version: 1, visitId, conventionId: c.id, unitId: unit1.id, severity, source: 'manual', text: `Constatarea ${id}`, noteDocumentIds: [],
    recommendations: [{ id: `${id}-r`, text: `Recomandarea ${id}`, responsible: 'Coordonatorul', deadline }],
  });
  const followUp = (findingId: string, date: string, closes: boolean): FollowUp => ({ id: `${findingId}-${date}`, createdAt: '', updatedAt: '', version: 1, findingId, recommendationId: `${findingId}-r`, date, evidence: 'dovadă', by: 'Ana', closes });

  it('a funded unit never visited is overdue once its due date passed, and opens its planned visit', () => {
    // One visit a year, convention January–December 2025: due by 31.12.2025.
    const rows = visitSchedule({ conventions: [c], visits: [visit('v1', { plannedDate: '2026-01-20', status: 'planificata' })], year: 2025, visitsPerYear: 1, today: '2026-01-10' });
    const g = overdueVisits(visitsDueFromSchedule(rows), '2026-01-10');
    expect(g.items).toHaveLength(1);
    expect(g.items[0]).toMatchObject({ href: '#/monitorizare/v1', severity: 'error', date: '2025-12-31' });
    const before = visitSchedule({ conventions: [c], visits: [], year: 2025, visitsPerYear: 1, today: '2025-06-10' });
    expect(overdueVisits(visitsDueFromSchedule(before), '2025-06-10').items).toEqual([]);
    const visited = visitSchedule({ conventions: [c], visits: [visit('v2', { status: 'efectuata', actualDate: '2025-05-05' })], year: 2025, visitsPerYear: 1, today: '2026-01-10' });
    expect(visitsDueFromSchedule(visited)).toEqual([]);
  });

  it('recommendations past their deadline and not closed by a follow-up open their visit', () => {
    const findings = [finding('f1', 'v2', 'majora', '2025-06-30'), finding('f2', 'v2', 'minora', '2025-06-30'), finding('f3', 'v2', 'grava', '2025-09-30')];
    const followUps = [followUp('f1', '2025-06-20', false), followUp('f2', '2025-06-25', true)];
    const due = recommendationsDue(recommendationStatuses(findings, followUps, '2025-07-15'), findings, [c]);
    const g = overdueFollowUps(due, '2025-07-15');
    expect(g.items.map((i) => i.key)).toEqual(['f1-f1-r']);
    expect(g.items[0]).toMatchObject({ href: '#/monitorizare/v2', label: `${c.provider.name} — ${unit1.name}` });
    expect(g.items[0]!.detail).toContain('ultima urmărire la 20.06.2025');
  });

  it('counts the year for the annual report: visits, findings by severity, recommendations, suspensions decided', () => {
    const m = yearMonitoring({
      year: 2025, today: '2025-07-15', conventions: [c],
      visits: [visit('v1', { status: 'efectuata' }), visit('v2', { status: 'planificata' }), visit('v3', { status: 'anulata' }), visit('v4', { status: 'efectuata', conventionId: 'other' })],
      findings: [finding('f1', 'v1', 'majora', '2025-06-30'), finding('f2', 'v1', 'minora', '2025-08-30'), finding('f9', 'v4', 'grava', '2025-06-30')],
      followUps: [followUp('f2', '2025-07-01', true)],
      suspensions: [{ conventionId: c.id, decision: { number: '12', date: '2025-07-01', effectiveFrom: '2025-07-01' } }, { conventionId: c.id }],
    });
    expect(m).toEqual({
      visitsPlanned: 2, visitsDone: 1, unitsVisited: 1, findings: { minor: 1, major: 1, grav: 0 },
      mainFindings: [`${unit1.name} (majoră): Constatarea f1`], recommendations: { total: 2, closed: 1, open: 1, overdue: 1 }, suspensions: 1,
    });
  });
});
