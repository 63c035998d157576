import { describe, expect, it } from 'vitest';
import { createHolidayTable } from '../../../src/calendar/public-holidays';
import { checkDossier, completionDeadline, DOSSIER_ITEMS, type DossierEntry } from '../../../src/requests/dossier';
import { formatRegistrationNumber, nextRegistrationNumber, parseRegistrationNumber } from '../../../src/requests/registration-number';

const units = [
  { id: 'u1', name: 'Centrul de zi „Lumina”' },
  { id: 'u2', name: 'Cantina socială' },
];

function completeDossier(): DossierEntry[] {
  return DOSSIER_ITEMS.flatMap((item) =>
    item.isPerUnit
      ? units.map((u) => ({ code: item.code, unitId: u.id, status: 'primit' as const, receivedOn: '2026-09-20', validUntil: item.hasValidity ? '2027-12-31' : undefined }))
      : [{ code: item.code, status: 'primit' as const, receivedOn: '2026-09-20', validUntil: item.hasValidity ? '2026-10-20' : undefined }],
  );
}

describe('the request dossier (HG 1153/2001, art. 4)', () => {
  it('is complete when every item, and each per-unit item for each unit, was received and is valid', () => {
    expect(checkDossier(completeDossier(), units, '2026-09-30')).toEqual({ isComplete: true, hasRequiredItems: true, problems: [] });
  });

  it('lists a missing tax certificate and a missing technical sheet of one unit, by name', () => {
    const entries = completeDossier().filter((e) => e.code !== 'certificat_fiscal_local' && !(e.code === 'fisa_tehnica' && e.unitId === 'u2'));
    const check = checkDossier(entries, units, '2026-09-30');
    expect(check.isComplete).toBe(false);
    expect(check.problems.map((p) => p.text)).toEqual([
      'Fișa tehnică a unității de asistență socială — Cantina socială',
      'Certificat de atestare fiscală de la bugetul local (fără datorii), original',
    ]);
  });

  it('treats an item marked missing like an absent one', () => {
    const entries = completeDossier().map((e) => (e.code === 'bilant' ? { ...e, status: 'lipsa' as const } : e));
    expect(checkDossier(entries, units, '2026-09-30').problems.map((p) => [p.code, p.kind])).toEqual([['bilant', 'lipsa']]);
  });

  it('flags a certificate valid until the day before, and accepts one valid until that very day', () => {
    expect(checkDossier(completeDossier(), units, '2026-10-20').isComplete).toBe(true);
    const check = checkDossier(completeDossier(), units, '2026-10-21');
    expect(check.problems.map((p) => p.text)).toEqual([
      'Certificat de atestare fiscală de la bugetul local (fără datorii), original (expirat la 20.10.2026)',
      'Certificat de atestare fiscală de la bugetul de stat (fără datorii), original (expirat la 20.10.2026)',
    ]);
    expect(check.problems.every((p) => p.kind === 'expirat')).toBe(true);
  });

  it('counts a document as received once it arrives, even if it was first recorded as missing', () => {
    const entries: DossierEntry[] = [{ code: 'bilant', status: 'lipsa' }, ...completeDossier()];
    expect(checkDossier(entries, units, '2026-09-30').isComplete).toBe(true);
  });

  it('sets the completion deadline in working days over the holiday calendar', () => {
    // Monday 28.09.2026 + 5 working days = Monday 05.10.2026 (not Saturday 03.10, as in calendar days).
    expect(completionDeadline('2026-09-28', 5, createHolidayTable())).toBe('2026-10-05');
    // Friday 27.11.2026 + 2 working days: 28–29.11 a weekend, 30.11 and 1.12 public holidays → 02.12, 03.12: Thursday 03.12.2026.
    expect(completionDeadline('2026-11-27', 2, createHolidayTable())).toBe('2026-12-03');
    // A day the user added as non-working counts too.
    expect(completionDeadline('2026-09-28', 1, createHolidayTable([{ date: '2026-09-29', name: 'zi liberă', source: 'HG test' }]))).toBe('2026-09-30');
  });

  it('HG 1153/2001 art. 4 alin. (1): only the request, balance sheet, trial balance and tax certificates are refusal grounds; other items go into the notice unless the round makes them mandatory', () => {
    const withoutSupporting = completeDossier().filter((e) => e.code !== 'raport_activitate' && e.code !== 'fisa_tehnica');
    const check = checkDossier(withoutSupporting, units, '2026-09-30');
    expect(check.isComplete).toBe(false);
    expect(check.hasRequiredItems).toBe(true);
    expect(check.problems.map((p) => [p.code, p.isRefusalGround])).toEqual([['fisa_tehnica', false], ['fisa_tehnica', false], ['raport_activitate', false]]);
    expect(checkDossier(withoutSupporting, units, '2026-09-30', DOSSIER_ITEMS, ['raport_activitate']).hasRequiredItems).toBe(false);
    const withoutBalance = completeDossier().filter((e) => e.code !== 'bilant');
    expect(checkDossier(withoutBalance, units, '2026-09-30').hasRequiredItems).toBe(false);
    expect(DOSSIER_ITEMS.filter((i) => i.isRefusalGround).map((i) => i.code)).toEqual(['cerere', 'bilant', 'balanta', 'certificat_fiscal_local', 'certificat_fiscal_anaf']);
  });
});

describe('registration numbers', () => {
  it('continue the sequence of the year, start again at 1 in a new year and keep gaps', () => {
    const existing = [{ year: 2026, sequence: 1 }, { year: 2026, sequence: 3 }, { year: 2025, sequence: 40 }];
    expect(nextRegistrationNumber(existing, 2026)).toEqual({ year: 2026, sequence: 4 });
    expect(nextRegistrationNumber(existing, 2027)).toEqual({ year: 2027, sequence: 1 });
  });

  it('read and write as "12/2026"', () => {
    expect(formatRegistrationNumber({ year: 2026, sequence: 12 })).toBe('12/2026');
    expect(parseRegistrationNumber(' 12 / 2026 ')).toEqual({ year: 2026, sequence: 12 });
    expect(parseRegistrationNumber('12-2026')).toBeUndefined();
  });
});
