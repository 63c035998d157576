import { describe, expect, it } from 'vitest';
import { emptyVisit, isVisitLocked, parseTeam, quarterBounds, quarterOf, validateMonitoringSettings, validateVisit, validateVisitPlan, withAnswer } from '../../../src/monitoring/visit';

const draft = () => ({ ...emptyVisit({ conventionId: 'c1', unitId: 'u1', plannedDate: '2025-05-10', team: ['Ana Pop'] }), templates: [{ templateId: 't', version: 1, title: 'T' }] });

describe('visit plans and visits', () => {
  it('quarters', () => {
    expect(quarterBounds(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterBounds(2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(quarterOf('2025-07-01')).toBe(3);
  });

  it('a team typed one per line or with commas, without duplicates', () => {
    expect(parseTeam('Ana Pop, Ion Rus\nana pop; ')).toEqual(['Ana Pop', 'Ion Rus']);
  });

  it('a plan needs a team and a frequency between 1 and 12 (the settings default is 1, margin 10 %)', () => {
    expect(validateMonitoringSettings({ visitsPerYear: '1', discrepancyMarginPercent: '10' })).toEqual({ value: { visitsPerYear: 1, discrepancyMarginPercent: 10 }, errors: {} });
    expect(Object.keys(validateMonitoringSettings({ visitsPerYear: '0', discrepancyMarginPercent: '-1' }).errors).sort()).toEqual(['discrepancyMarginPercent', 'visitsPerYear']);
    expect(Object.keys(validateVisitPlan({ year: 2025, quarter: 2, team: [], visitsPerYear: 13, notes: '' }).errors).sort()).toEqual(['team', 'visitsPerYear']);
  });

  it('a done visit needs its actual date, a cancelled one its reason; dates in the convention period', () => {
    expect(validateVisit({ ...draft(), status: 'efectuata' }).errors.actualDate).toBe('O vizită efectuată are data efectuării.');
    expect(validateVisit({ ...draft(), status: 'anulata' }).errors.cancelReason).toMatch(/motivul anulării/);
    expect(validateVisit(draft(), { conventionPeriod: { from: '2025-06-01', to: '2025-12-31' } }).errors.plannedDate).toMatch(/01\.06\.2025 – 31\.12\.2025/);
    expect(validateVisit(draft(), { unitIds: ['u2'] }).errors.unitId).toMatch(/nu face parte din convenția aleasă/);
    expect(validateVisit(draft()).errors).toEqual({});
  });

  it('answers typed later from paper: only for applied templates, one per requirement, counts whole', () => {
    expect(validateVisit({ ...draft(), answers: [{ key: 'x#1', result: 'conform' }] }).errors.answers).toMatch(/nu ține de o listă/);
    expect(validateVisit({ ...draft(), answers: [{ key: 't#1' }, { key: 't#1' }] }).errors.answers).toMatch(/două răspunsuri/);
    expect(validateVisit({ ...draft(), observed: { present: 2.5 as number } }).errors['observed.present']).toMatch(/număr întreg/);
    const answers = withAnswer(withAnswer([], { key: 't#1', result: 'conform' }), { key: 't#1', evidence: 'văzut' });
    expect(answers).toEqual([{ key: 't#1', result: 'conform', evidence: 'văzut' }]);
  });

  it('locked once a report was issued', () => {
    expect(isVisitLocked(draft())).toBe(false);
    expect(isVisitLocked({ reportDocumentIds: ['d1'] })).toBe(true);
  });
});
