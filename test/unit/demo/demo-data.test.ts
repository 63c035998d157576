import { describe, expect, it } from 'vitest';
import { isAccredited, validateOrganization, type LegalForm } from '../../../src/catalog/organization';
import {
  DEMO_EXPIRED_LICENCES,
  DEMO_EXPIRING_LICENCES,
  DEMO_NOTE,
  generateDemoData,
} from '../../../src/demo/demo-data';
import type { Entity } from '../../../src/entity';
import { findNomenclatureEntry } from '../../../src/register/nomenclature';
import { licenceState, validateUnit } from '../../../src/register/unit';
import { validateCui } from '../../../src/validation/cui';
import { addDays, addYears, daysBetween } from '../../../src/validation/dates';
import { ibanBankCode, validateIban } from '../../../src/validation/iban';

const TODAY = '2025-03-15';
const data = generateDemoData({ today: TODAY, seed: 42 });
const { organizations, units } = data;

/** The record without id, timestamps and version, as the validators take it. */
function draftOf<T extends Entity>(record: T): Omit<T, keyof Entity> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...draft } = record;
  return draft;
}

describe('generateDemoData: size and determinism', () => {
  it('makes 40 NGOs and 60 units', () => {
    expect(organizations).toHaveLength(40);
    expect(units).toHaveLength(60);
  });

  it('gives the same data for the same seed and today', () => {
    expect(generateDemoData({ today: TODAY, seed: 42 })).toEqual(data);
  });

  it('gives different data for another seed', () => {
    const other = generateDemoData({ today: TODAY, seed: 7 });
    expect(other.organizations.map((o) => o.cui)).not.toEqual(organizations.map((o) => o.cui));
    expect(other.organizations.map((o) => o.id)).not.toEqual(organizations.map((o) => o.id));
  });

  it('works without a seed, deterministically', () => {
    expect(generateDemoData({ today: TODAY })).toEqual(generateDemoData({ today: TODAY }));
  });

  it('refuses a malformed today', () => {
    expect(() => generateDemoData({ today: '15.03.2025' })).toThrow(/Dată invalidă/);
  });
});

describe('generateDemoData: entities', () => {
  const records: Entity[] = [...organizations, ...units];

  it('gives every record a distinct UUID v4-shaped id', () => {
    for (const r of records) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('stamps version 1 and a creation time before today', () => {
    for (const r of records) {
      expect(r.version).toBe(1);
      expect(r.updatedAt).toBe(r.createdAt);
      expect(Number.isNaN(Date.parse(r.createdAt))).toBe(false);
      expect(r.createdAt.slice(0, 10) < TODAY).toBe(true);
    }
  });

  it('marks every record as fictitious in its notes', () => {
    for (const r of [...organizations, ...units]) expect(r.notes).toBe(DEMO_NOTE);
  });
});

describe('generateDemoData: NGOs', () => {
  it('passes validateOrganization unchanged', () => {
    for (const org of organizations) {
      const draft = draftOf(org);
      const { value, errors } = validateOrganization(draft);
      expect(errors, org.name).toEqual({});
      expect(value, org.name).toEqual(draft);
    }
  });

  it('has distinct, valid CUIs that are not the real example CUIs', () => {
    const cuis = organizations.map((o) => o.cui);
    expect(new Set(cuis).size).toBe(cuis.length);
    for (const cui of cuis) expect(validateCui(cui)).toEqual({ ok: true, value: cui });
    for (const real of ['4305857', '18547290', '13548146']) expect(cuis).not.toContain(real);
  });

  it('has distinct names and distinct valid IBANs at real Romanian banks', () => {
    expect(new Set(organizations.map((o) => o.name)).size).toBe(organizations.length);
    expect(new Set(organizations.map((o) => o.iban)).size).toBe(organizations.length);
    for (const org of organizations) {
      expect(validateIban(org.iban).ok).toBe(true);
      expect(['BTRL', 'RNCB', 'BRDE', 'INGB', 'RZBR', 'CECE']).toContain(ibanBankCode(org.iban));
    }
  });

  it('uses every legal form and names that start with it', () => {
    const prefix: Record<LegalForm, string> = { asociatie: 'Asociația ', fundatie: 'Fundația ', federatie: 'Federația ', uniune: 'Uniunea ', cult: 'Parohia ' };
    for (const org of organizations) expect(org.name.startsWith(prefix[org.legalForm]), org.name).toBe(true);
    expect(new Set(organizations.map((o) => o.legalForm))).toEqual(new Set(['asociatie', 'fundatie', 'federatie', 'uniune']));
  });

  it('places most NGOs in Cluj-Napoca and a few in Florești and Apahida', () => {
    const count = (locality: string) => organizations.filter((o) => o.locality === locality).length;
    expect(count('Cluj-Napoca')).toBeGreaterThanOrEqual(30);
    expect(count('Florești')).toBeGreaterThanOrEqual(2);
    expect(count('Apahida')).toBeGreaterThanOrEqual(2);
    expect(new Set(organizations.map((o) => o.locality))).toEqual(new Set(['Apahida', 'Cluj-Napoca', 'Florești']));
  });

  it('has registry numbers like „123/2010” dated in the year of the number, before today', () => {
    for (const org of organizations) {
      const match = /^(\d{1,3})\/(\d{4})$/.exec(org.registryNumber);
      expect(match, org.registryNumber).not.toBeNull();
      expect(org.registryDate?.slice(0, 4)).toBe(match?.[2]);
      expect(org.registryDate! < TODAY).toBe(true);
    }
  });

  it('accredits most NGOs with series AF, a six-digit number and a date after registration', () => {
    const accredited = organizations.filter(isAccredited);
    expect(accredited.length).toBeGreaterThanOrEqual(30);
    expect(accredited.length).toBeLessThan(organizations.length);
    for (const org of accredited) {
      expect(org.accreditationSeries).toBe('AF');
      expect(org.accreditationNumber).toMatch(/^\d{6}$/);
      expect(org.accreditationDate! > org.registryDate!).toBe(true);
      expect(org.accreditationDate! < TODAY).toBe(true);
    }
    for (const org of organizations.filter((o) => !isAccredited(o))) {
      expect([org.accreditationSeries, org.accreditationNumber, org.accreditationDate]).toEqual(['', '', undefined]);
    }
  });

  it('has mostly active NGOs, some suspended and some struck off', () => {
    const count = (status: string) => organizations.filter((o) => o.status === status).length;
    expect(count('activ')).toBeGreaterThanOrEqual(30);
    expect(count('suspendat')).toBeGreaterThanOrEqual(2);
    expect(count('radiat')).toBeGreaterThanOrEqual(1);
  });

  it('has Cluj landline or mobile phones and e-mails on example.ro', () => {
    for (const org of organizations) {
      expect(org.phone).toMatch(/^(0264 \d{3} \d{3}|07\d{2} \d{3} \d{3})$/);
      expect(org.email).toMatch(/^[a-z0-9-]+@example\.ro$/);
    }
  });

  it('lists the addresses of its units as working addresses', () => {
    for (const org of organizations) {
      const lines = units.filter((u) => u.organizationId === org.id).map((u) => `${u.street}, ${u.locality}`);
      expect(org.workingAddresses).toBe([...new Set(lines)].join('\n'));
    }
  });
});

describe('generateDemoData: units', () => {
  const ids = new Set(organizations.map((o) => o.id));

  it('passes validateUnit unchanged, against the catalog', () => {
    for (const unit of units) {
      const draft = draftOf(unit);
      const { value, errors } = validateUnit(draft, { organizationExists: (id) => ids.has(id) });
      expect(errors, unit.name).toEqual({});
      expect(value, unit.name).toEqual(draft);
    }
  });

  it('belongs to an NGO of the catalog that is accredited and not struck off', () => {
    const byId = new Map(organizations.map((o) => [o.id, o]));
    for (const unit of units) {
      const owner = byId.get(unit.organizationId);
      expect(owner, unit.name).toBeDefined();
      expect(isAccredited(owner!)).toBe(true);
      expect(owner!.status).not.toBe('radiat');
    }
  });

  it('was licensed after its NGO was accredited', () => {
    const byId = new Map(organizations.map((o) => [o.id, o]));
    for (const unit of units) expect(unit.licenceIssueDate! > byId.get(unit.organizationId)!.accreditationDate!, unit.name).toBe(true);
  });

  it('gives every active accredited NGO at least one unit and a suspended NGO one suspended unit', () => {
    for (const org of organizations.filter((o) => isAccredited(o) && o.status !== 'radiat')) {
      const own = units.filter((u) => u.organizationId === org.id);
      if (org.status === 'suspendat') expect(own.map((u) => u.status)).toEqual(['suspendata']);
      else expect(own.length, org.name).toBeGreaterThanOrEqual(1);
    }
  });

  it('has distinct names and licence numbers', () => {
    expect(new Set(units.map((u) => u.name)).size).toBe(units.length);
    expect(new Set(units.map((u) => u.licenceNumber)).size).toBe(units.length);
  });

  it('covers at least 10 service codes of the shipped nomenclature, with their target groups', () => {
    const codes = new Set(units.map((u) => u.serviceCode));
    expect(codes.size).toBeGreaterThanOrEqual(10);
    for (const unit of units) expect(unit.targetGroup).toBe(findNomenclatureEntry(unit.serviceCode)?.targetGroup);
    for (const code of ['8730 CR-V-I', '8891 CZ-C-IV', '8810 ID-I', '8790 CR-PFA-I', '8899 CPDH-I', '8790 CR-VD-I', '8790 CR-D-I']) {
      expect(codes, code).toContain(code);
    }
  });

  it('has plausible capacities: positive integers, small for protected housing, large for canteens', () => {
    for (const unit of units) {
      expect(Number.isInteger(unit.capacity) && unit.capacity > 0).toBe(true);
      if (unit.serviceCode === '8790 CR-LP-I') expect(unit.capacity).toBeLessThanOrEqual(12);
      if (unit.serviceCode === '8899 CPDH-I') {
        expect(unit.capacity).toBeGreaterThanOrEqual(80);
        expect(unit.capacityUnit).toBe('beneficiari_luna');
      }
    }
  });

  it(`has ${DEMO_EXPIRED_LICENCES} licences expired and ${DEMO_EXPIRING_LICENCES} expiring within 60 days on ${TODAY}, the rest valid longer`, () => {
    const states = units.map((u) => licenceState(u, TODAY));
    const count = (state: string) => states.filter((s) => s === state).length;
    expect(count('expirata')).toBe(DEMO_EXPIRED_LICENCES);
    expect(count('expira_curand')).toBe(DEMO_EXPIRING_LICENCES);
    expect(count('valida')).toBe(units.length - DEMO_EXPIRED_LICENCES - DEMO_EXPIRING_LICENCES);
    expect(DEMO_EXPIRED_LICENCES).toBeGreaterThanOrEqual(5);
    expect(DEMO_EXPIRING_LICENCES).toBeGreaterThanOrEqual(5);
  });

  it('keeps the licence counts for any today and seed', () => {
    for (const [today, seed] of [['2024-02-29', 1], ['2026-12-31', 99], ['2030-01-01', 123456]] as const) {
      const generated = generateDemoData({ today, seed }).units.map((u) => licenceState(u, today));
      expect(generated.filter((s) => s === 'expirata')).toHaveLength(DEMO_EXPIRED_LICENCES);
      expect(generated.filter((s) => s === 'expira_curand')).toHaveLength(DEMO_EXPIRING_LICENCES);
    }
  });

  it('gives provisional licences one year and functioning licences five years', () => {
    const types = new Set(units.map((u) => u.licenceType));
    expect(types).toEqual(new Set(['provizorie', 'functionare']));
    for (const unit of units) {
      const years = unit.licenceType === 'provizorie' ? 1 : 5;
      const expectedExpiry = addDays(addYears(unit.licenceIssueDate!, years), -1);
      expect(Math.abs(daysBetween(expectedExpiry, unit.licenceExpiryDate!)), unit.name).toBeLessThanOrEqual(1);
    }
    expect(units.filter((u) => u.licenceType === 'functionare').length).toBeGreaterThan(units.length / 2);
  });

  it('has mostly active units and a couple suspended', () => {
    const suspended = units.filter((u) => u.status === 'suspendata');
    expect(suspended.length).toBeGreaterThanOrEqual(2);
    expect(suspended.length).toBeLessThanOrEqual(5);
    expect(units.filter((u) => u.status === 'activa').length).toBeGreaterThanOrEqual(50);
  });
});
