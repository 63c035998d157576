import { describe, expect, it } from 'vitest';
import { overdueFollowUps, overdueVisits, type RecommendationDue, type UnitVisitDue } from '../../../src/home/monitoring-attention';

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
