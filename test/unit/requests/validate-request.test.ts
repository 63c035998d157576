import { describe, expect, it } from 'vitest';
import { bani } from '../../../src/money';
import type { Month, SubsidyRequestDraft } from '../../../src/requests/subsidy-request';
import { validateRequest } from '../../../src/requests/validate-request';

const units = [{ id: 'u1', name: 'Cantina socială' }];
const draft = (overrides: Partial<SubsidyRequestDraft> = {}): SubsidyRequestDraft => ({
  roundId: 'r', organizationId: 'o', registration: { year: 2026, sequence: 0 }, registeredOn: '25.09.2026', year: 2027, status: 'inregistrata', notes: '', dossier: [],
  units: [{ unitId: 'u1', serviceCategory: 'cantine_sociale', beneficiariesPerMonth: 80, months: [3, 1, 2, 2] as Month[], budgetByCategory: { hrana: bani(5_000_000) }, ownContribution: bani(100_000), otherFunding: bani(0) }],
  ...overrides,
});

describe('request validation', () => {
  it('accepts a well-formed request, sorting and de-duplicating its months', () => {
    const { value, errors } = validateRequest(draft(), { unitsOfOrganization: units, roundExists: true });
    expect(errors).toEqual({});
    expect(value.units[0]?.months).toEqual([1, 2, 3]);
    expect(value.registeredOn).toBe('2026-09-25');
  });

  it('names the unit in every problem of its line', () => {
    const bad = draft({ units: [{ ...draft().units[0]!, beneficiariesPerMonth: 0, months: [], budgetByCategory: { hrana: -1 as never } }] });
    const { errors } = validateRequest(bad, { unitsOfOrganization: units, roundExists: true });
    expect(errors).toEqual({
      'units.0.beneficiariesPerMonth': 'Numărul de beneficiari pe lună pentru „Cantina socială” trebuie să fie un număr întreg pozitiv.',
      'units.0.months': 'Alegeți lunile pentru care se cere subvenția pentru „Cantina socială”.',
      'units.0.budget': 'Sumele pentru „Cantina socială” trebuie să fie în lei, cu cel mult două zecimale, și nu pot fi negative.',
    });
  });

  it('refuses a unit of another NGO, a repeated unit, no units and no round', () => {
    expect(validateRequest(draft({ units: [{ ...draft().units[0]!, unitId: 'x' }] }), { unitsOfOrganization: units, roundExists: true }).errors['units.0.unitId']).toMatch(/nu aparține/);
    expect(validateRequest(draft({ units: [draft().units[0]!, draft().units[0]!] }), { unitsOfOrganization: units, roundExists: true }).errors['units.1.unitId']).toMatch(/de două ori/);
    expect(validateRequest(draft({ units: [] }), { unitsOfOrganization: units, roundExists: false }).errors).toMatchObject({ units: expect.any(String), roundId: expect.any(String) });
  });

  it('keeps the technical sheet with its text normalised, and refuses negative or fractional counts', () => {
    const sheet = { premises: 'str. Horea nr. 3,  parter  (120 mp)', tenure: 'comodat' as const, staffCount: 6, volunteerCount: null, capacity: 80, servicesProvided: 'masă caldă;\nconsiliere și sprijin' };
    const { value, errors } = validateRequest(draft({ units: [{ ...draft().units[0]!, technicalSheet: { ...sheet, premises: 'str. Horea nr. 3,  parter  (120 mp)', servicesProvided: 'masă caldă;\nconsiliere şi sprijin' } }] }), { unitsOfOrganization: units, roundExists: true });
    expect(errors).toEqual({});
    expect(value.units[0]!.technicalSheet).toEqual({ ...sheet, premises: 'str. Horea nr. 3, parter (120 mp)' });
    const bad = validateRequest(draft({ units: [{ ...draft().units[0]!, technicalSheet: { ...sheet, staffCount: -1 } }] }), { unitsOfOrganization: units, roundExists: true });
    expect(bad.errors['units.0.technicalSheet']).toBe('În fișa tehnică a unității „Cantina socială”, personalul, voluntarii și capacitatea sunt numere întregi, nu negative.');
    expect(validateRequest(draft({ units: [{ ...draft().units[0]!, technicalSheet: { ...sheet, capacity: 2.5 } }] }), { unitsOfOrganization: units, roundExists: true }).errors['units.0.technicalSheet']).toBeDefined();
  });
});
