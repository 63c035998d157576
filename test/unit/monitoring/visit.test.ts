import { describe, expect, it } from 'vitest';
import { cleanTeam, emptyVisit, isVisitLocked, LEGACY_TEAM_ROLE, parseTeam, teamFromNames, teamRoleHints, upgradeTeam, quarterBounds, quarterOf, validateMonitoringSettings, validateVisit, validateVisitPlan, withAnswer } from '../../../src/monitoring/visit';

const draft = () => ({ ...emptyVisit({ conventionId: 'c1', unitId: 'u1', plannedDate: '2025-05-10', team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }] }), templates: [{ templateId: 't', version: 1, title: 'T' }] });

describe('visit plans and visits', () => {
  it('quarters', () => {
    expect(quarterBounds(2025, 1)).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterBounds(2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(quarterOf('2025-07-01')).toBe(3);
  });

  it('a team typed one per line or with commas, without duplicates', () => {
    expect(parseTeam('Ana Pop, Ion Rus\nana pop; ')).toEqual(['Ana Pop', 'Ion Rus']);
  });

  it('a visit team: each member with a name and a function, no name twice, at least one', () => {
    expect(cleanTeam([{ name: ' Ana  Pop ', role: 'inspector  de specialitate' }, { name: '', role: ' ' }])).toEqual({ team: [{ name: 'Ana Pop', role: 'inspector de specialitate' }] });
    expect(cleanTeam([{ name: ' ', role: '' }]).error).toBe('Indicați cel puțin un membru al echipei de monitorizare.');
    expect(cleanTeam([{ name: 'Ana Pop', role: 'consilier' }, { name: 'Ion Rus', role: '' }]).error).toMatch(/^Indicați funcția lui Ion Rus/);
    expect(cleanTeam([{ name: '', role: 'consilier' }]).error).toMatch(/numele membrului echipei cu funcția „consilier”/);
    expect(cleanTeam([{ name: 'Ana Pop', role: 'consilier' }, { name: 'ana pop', role: 'șef serviciu' }]).error).toMatch(/de două ori/);
    expect(cleanTeam(['Ana Pop'] as never).error).toBe('Fiecare membru al echipei de monitorizare are un nume și o funcție.');
    expect(validateVisit({ ...draft(), team: [{ name: 'Ana Pop', role: '' }] }).errors.team).toMatch(/funcția lui Ana Pop/);
    expect(validateVisit({ ...draft(), team: [{ name: 'Ana Pop ', role: ' consilier' }] }).value.team).toEqual([{ name: 'Ana Pop', role: 'consilier' }]);
  });

  it('a team stored as names (before schema 12) becomes members with the legacy function; members stay as they are', () => {
    expect(upgradeTeam(['Ana Pop', ' ', 'Ion Rus'])).toEqual([{ name: 'Ana Pop', role: LEGACY_TEAM_ROLE }, { name: 'Ion Rus', role: LEGACY_TEAM_ROLE }]);
    expect(LEGACY_TEAM_ROLE).toBe('membru al echipei de monitorizare');
    expect(upgradeTeam([{ name: 'Ana Pop', role: 'consilier' }])).toEqual([{ name: 'Ana Pop', role: 'consilier' }]);
    expect(upgradeTeam(undefined)).toEqual([]);
  });

  it('the functions proposed: the usual ones, then those typed on visits; a plan name comes with the function it last had', () => {
    const hints = teamRoleHints([
      { plannedDate: '2025-01-10', team: [{ name: 'Ana Pop', role: 'referent' }, { name: 'Ion Rus', role: LEGACY_TEAM_ROLE }] },
      { plannedDate: '2025-03-10', team: [{ name: 'Ana Pop', role: 'coordonator de program' }] },
    ]);
    expect(hints.suggestions.slice(0, 2)).toEqual(['inspector de specialitate', 'consilier']);
    expect(hints.suggestions.slice(-2)).toEqual(['coordonator de program', 'referent']);
    expect(hints.suggestions).not.toContain(LEGACY_TEAM_ROLE);
    expect(teamFromNames(['Ana Pop', 'Ion Rus'], hints.known)).toEqual([{ name: 'Ana Pop', role: 'coordonator de program' }, { name: 'Ion Rus', role: '' }]);
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
