import { describe, expect, it } from 'vitest';
import { auditLines } from '../../../src/audit/describe';

describe('a history people can read', () => {
  it('shows a round budget change in lei with two decimals, named "Buget total"', () => {
    const [line] = auditLines({ entity: 'rounds', action: 'modificare', changes: [{ field: 'budget', before: 100_000_000, after: 153_712_000 }] });
    expect(line?.text).toBe('Buget total: 1.537.120,00 lei (înainte: 1.000.000,00 lei)');
  });

  it('formats dates as dd.mm.yyyy, enums with diacritics, percentages, and names instead of ids', () => {
    const names = new Map([['org-1', 'Asociația Speranța Someșului']]);
    const lines = auditLines(
      {
        entity: 'units',
        action: 'modificare',
        changes: [
          { field: 'licenceExpiryDate', before: '2029-01-14', after: '2030-02-01' },
          { field: 'status', before: 'activa', after: 'inchisa' },
          { field: 'organizationId', before: 'org-0', after: 'org-1' },
        ],
      },
      names,
    ).map((l) => l.text);
    expect(lines).toEqual([
      'Data expirării licenței: 01.02.2030 (înainte: 14.01.2029)',
      'Stare: Închisă (înainte: Activă)',
      'ONG: Asociația Speranța Someșului (înainte: org-0)',
    ]);
    expect(auditLines({ entity: 'rounds', action: 'creare', changes: [{ field: 'maxShareBasisPoints', after: 9000 }] })[0]?.text).toBe('Cota maximă din costuri (%): 90 %');
  });

  it('leaves out the id of a created record', () => {
    expect(auditLines({ entity: 'rounds', action: 'creare', changes: [{ field: 'id', after: 'r1' }, { field: 'year', after: 2027 }] }).map((l) => l.text)).toEqual(['Anul bugetar: 2027']);
  });

  it('names the tables of a restore in Romanian, and a deleted value as such', () => {
    expect(auditLines({ entity: 'database', action: 'restaurare', changes: [{ field: 'units', after: '1 adăugate' }] })[0]?.text).toBe('Unități licențiate: 1 adăugate');
    expect(auditLines({ entity: 'organizations', action: 'stergere', changes: [{ field: 'cui', before: '18547290' }] })[0]?.text).toBe('CUI/CIF: 18547290 (șters)');
  });
});
