import { describe, expect, it } from 'vitest';
import { applicableTemplates, matchesServiceCode, scoreTemplate, scoreVisit } from '../../../src/monitoring/checklist-scoring';
import type { ChecklistTemplate } from '../../../src/monitoring/checklist';
import { dayCentreTemplate, obligationsTemplate } from './fixtures';

describe('checklist scoring by module (3 / 2 / 0 / —)', () => {
  it('module I: conform + parțial = 5 of 6; module II: neconform + nu se aplică = 0 of 3; the whole template 5 of 9', () => {
    const s = scoreTemplate(dayCentreTemplate, [
      { key: 'test-centru-zi#M.I-S1.1', result: 'conform' },
      { key: 'test-centru-zi#M.I-S1.2', result: 'partial' },
      { key: 'test-centru-zi#M.II-S1.1', result: 'neconform' },
      { key: 'test-centru-zi#M.II-S1.2', result: 'nu_se_aplica' },
    ]);
    expect(s.modules.map((m) => [m.code, m.points, m.maxPoints])).toEqual([['M.I', 5, 6], ['M.II', 0, 3]]);
    expect(s.modules[1]!.notApplicable).toBe(1);
    expect([s.points, s.maxPoints, s.percent, s.unanswered]).toEqual([5, 9, 55.6, 0]);
    expect(s.counts).toEqual({ conform: 1, partial: 1, neconform: 1, nu_se_aplica: 1 });
  });

  it('unanswered requirements are counted and named, not scored as zero', () => {
    const s = scoreTemplate(dayCentreTemplate, [{ key: 'test-centru-zi#M.I-S1.1', result: 'conform' }]);
    expect([s.points, s.maxPoints, s.unanswered]).toEqual([3, 3, 3]);
    expect(s.unansweredCodes).toEqual(['M.I-S1.2', 'M.II-S1.1', 'M.II-S1.2']);
    expect(s.modules[1]!.percent).toBeUndefined();
  });

  it('answers of another template do not count; the visit total adds the templates', () => {
    const v = scoreVisit([dayCentreTemplate, obligationsTemplate], [{ key: 'obligatii-conventie#OC-1.1', result: 'neconform' }, { key: 'alt#M.I-S1.1', result: 'conform' }]);
    expect(v.templates[0]!.answered).toBe(0);
    expect([v.total.points, v.total.maxPoints, v.total.unanswered]).toEqual([0, 3, 4]);
  });
});

describe('which templates a visit applies', () => {
  const v2: ChecklistTemplate = { ...dayCentreTemplate, version: 2, act: { ...dayCentreTemplate.act, validFrom: '2026-01-01' } };
  const old: ChecklistTemplate = { ...dayCentreTemplate, id: 'vechi', act: { ...dayCentreTemplate.act, validFrom: '2010-01-01', validTo: '2019-01-16' } };
  const homeCare: ChecklistTemplate = { ...dayCentreTemplate, id: 'ingrijire', serviceCodes: ['8810 ID-I'] };

  it('service code exact or by prefix*', () => {
    expect(matchesServiceCode(['8899 CZ-*'], '8899 cz-v-ii')).toBe(true);
    expect(matchesServiceCode(['8810 ID-I'], '8810 ID-II')).toBe(false);
    expect(matchesServiceCode(['8810 ID-I'], '8810 ID-I')).toBe(true);
  });

  it('by the act in force on the visit date, the latest version, always with the convention obligations', () => {
    const all = [dayCentreTemplate, v2, old, homeCare, obligationsTemplate];
    expect(applicableTemplates(all, '8899 CZ-V-II', '2025-05-10').map((t) => `${t.id}@${t.version}`)).toEqual(['test-centru-zi@1', 'obligatii-conventie@1']);
    expect(applicableTemplates(all, '8899 CZ-V-II', '2026-02-01').map((t) => `${t.id}@${t.version}`)).toEqual(['test-centru-zi@2', 'obligatii-conventie@1']);
    expect(applicableTemplates(all, '8810 ID-I', '2025-05-10').map((t) => t.id)).toEqual(['ingrijire', 'obligatii-conventie']);
    expect(applicableTemplates(all, '8790 CR-D-I', '2025-05-10').map((t) => t.id)).toEqual(['obligatii-conventie']);
  });
});
