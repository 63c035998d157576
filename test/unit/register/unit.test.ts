import { describe, expect, it } from 'vitest';
import {
  type CapacityUnit,
  daysUntilLicenceExpiry,
  emptyUnit,
  isLicenceExpiringWithin,
  isLicenceValidOn,
  LICENCE_WARNING_DAYS,
  licenceState,
  type LicenceType,
  type UnitDraft,
  type UnitStatus,
  unitSearchText,
  validateUnit,
} from '../../../src/register/unit';
import { mergeNomenclature } from '../../../src/register/nomenclature';

const ORG_ID = '6f1c1b8e-2a44-4c1e-9d53-0c1f5a7e9b21';

function draft(overrides: Partial<UnitDraft> = {}): UnitDraft {
  return {
    ...emptyUnit(ORG_ID),
    name: 'Centrul de zi „Pași Împreună”',
    street: 'str. Horea nr. 10',
    postalCode: '400174',
    serviceCode: '8891 CZ-C-IV',
    targetGroup: 'copii',
    capacity: 25,
    licenceNumber: '0010073',
    licenceIssueDate: '2024-01-15',
    licenceExpiryDate: '2029-01-14',
    notes: '',
    ...overrides,
  };
}

const licence = { licenceNumber: '0010073', licenceIssueDate: '2024-01-15', licenceExpiryDate: '2029-01-14' };

describe('isLicenceValidOn', () => {
  it('is valid on the issue day and on the expiry day (both inclusive)', () => {
    expect(isLicenceValidOn(licence, '2024-01-15')).toBe(true);
    expect(isLicenceValidOn(licence, '2029-01-14')).toBe(true);
  });

  it('is not valid the day before issue nor the day after expiry', () => {
    expect(isLicenceValidOn(licence, '2024-01-14')).toBe(false);
    expect(isLicenceValidOn(licence, '2029-01-15')).toBe(false);
  });

  it('is not valid without a number or either date', () => {
    expect(isLicenceValidOn({ ...licence, licenceNumber: '' }, '2025-01-01')).toBe(false);
    expect(isLicenceValidOn({ ...licence, licenceIssueDate: undefined }, '2025-01-01')).toBe(false);
    expect(isLicenceValidOn({ ...licence, licenceExpiryDate: undefined }, '2025-01-01')).toBe(false);
  });
});

describe('isLicenceExpiringWithin', () => {
  it('flags a licence expiring exactly 60 days later, not one expiring 61 days later', () => {
    // 2029-01-14 is 60 days after 2028-11-15.
    expect(isLicenceExpiringWithin(licence, '2028-11-15', 60)).toBe(true);
    expect(isLicenceExpiringWithin(licence, '2028-11-14', 60)).toBe(false);
  });

  it('flags a licence that expires today', () => {
    expect(isLicenceExpiringWithin(licence, '2029-01-14', 60)).toBe(true);
  });

  it('does not flag a licence already expired', () => {
    expect(isLicenceExpiringWithin(licence, '2029-01-15', 60)).toBe(false);
  });
});

describe('licenceState', () => {
  it('is „valida” well before expiry', () => {
    expect(licenceState(licence, '2026-06-01')).toBe('valida');
    expect(licenceState(licence, '2028-11-14')).toBe('valida');
  });

  it(`is „expira_curand” within ${LICENCE_WARNING_DAYS} days of expiry, boundaries included`, () => {
    expect(LICENCE_WARNING_DAYS).toBe(60);
    expect(licenceState(licence, '2028-11-15')).toBe('expira_curand');
    expect(licenceState(licence, '2029-01-14')).toBe('expira_curand');
  });

  it('is „expirata” from the day after expiry', () => {
    expect(licenceState(licence, '2029-01-15')).toBe('expirata');
  });

  it('is „neinceputa” before the issue date', () => {
    expect(licenceState(licence, '2024-01-14')).toBe('neinceputa');
  });

  it('is „lipsa” without a licence number or dates', () => {
    expect(licenceState({ ...licence, licenceNumber: '' }, '2025-01-01')).toBe('lipsa');
    expect(licenceState({ ...licence, licenceExpiryDate: undefined }, '2025-01-01')).toBe('lipsa');
  });

  it('uses a custom warning period when given', () => {
    expect(licenceState(licence, '2028-10-01', 120)).toBe('expira_curand');
    expect(licenceState(licence, '2028-10-01', 30)).toBe('valida');
  });
});

describe('daysUntilLicenceExpiry', () => {
  it('counts days left, negative once expired, undefined without a date', () => {
    expect(daysUntilLicenceExpiry(licence, '2028-11-15')).toBe(60);
    expect(daysUntilLicenceExpiry(licence, '2029-01-24')).toBe(-10);
    expect(daysUntilLicenceExpiry({ licenceExpiryDate: undefined }, '2028-11-15')).toBeUndefined();
  });
});

describe('validateUnit', () => {
  it('keeps the licence issuer, cleaned, and an empty one as empty (units recorded before it was asked)', () => {
    expect(validateUnit(draft({ licensingAuthority: ' ANPDCA\t ' })).value.licensingAuthority).toBe('ANPDCA');
    const { licensingAuthority: _, ...older } = draft();
    expect(validateUnit(older as UnitDraft).value.licensingAuthority).toBe('');
  });

  it('passes a complete unit and leaves it unchanged', () => {
    const input = draft();
    const { value, errors } = validateUnit(input, { organizationExists: (id) => id === ORG_ID });
    expect(errors).toEqual({});
    expect(value).toEqual(input);
  });

  it('normalises the service code, diacritics, spaces and Romanian dates', () => {
    const { value, errors } = validateUnit(
      draft({
        name: ' Centrul de zi  „Paşi Împreună” ',
        serviceCode: ' 8891 cz-c-iv ',
        licenceIssueDate: '15.01.2024',
        licenceExpiryDate: '14/01/2029',
        postalCode: '400 174',
      }),
    );
    expect(errors).toEqual({});
    expect(value).toEqual(draft());
  });

  it('fills the target group from the nomenclature when left empty', () => {
    expect(validateUnit(draft({ serviceCode: '8730 CR-V-I', targetGroup: '' })).value.targetGroup).toBe('persoane vârstnice');
  });

  it('names an unknown service code in the message', () => {
    expect(validateUnit(draft({ serviceCode: '9999 XX-I' })).errors.serviceCode).toBe(
      'Codul de serviciu „9999 XX-I” nu există în nomenclatorul HG 867/2015.',
    );
  });

  it('requires a service code', () => {
    expect(validateUnit(draft({ serviceCode: '  ' })).errors.serviceCode).toBe('Codul serviciului social este obligatoriu.');
  });

  it('accepts a code the user added to the nomenclature', () => {
    const nomenclature = mergeNomenclature([
      { code: '8899 CZ-X-I', name: 'Serviciu local', form: 'zi', targetGroup: 'familii', verified: false, source: 'HCL Cluj-Napoca' },
    ]);
    expect(validateUnit(draft({ serviceCode: '8899 cz-x-i' }), { nomenclature }).value.serviceCode).toBe('8899 CZ-X-I');
    expect(validateUnit(draft({ serviceCode: '8899 CZ-X-I' })).errors.serviceCode).toMatch(/nu există/);
  });

  it('refuses an expiry date before the issue date', () => {
    expect(validateUnit(draft({ licenceIssueDate: '2024-01-15', licenceExpiryDate: '2024-01-14' })).errors).toEqual({
      licenceExpiryDate: 'Data expirării nu poate fi înaintea datei eliberării.',
    });
  });

  it('accepts a licence issued and expiring on the same day', () => {
    expect(validateUnit(draft({ licenceIssueDate: '2024-01-15', licenceExpiryDate: '2024-01-15' })).errors).toEqual({});
  });

  it('asks for both licence dates once a licence number is recorded', () => {
    expect(validateUnit(draft({ licenceIssueDate: undefined, licenceExpiryDate: undefined })).errors).toEqual({
      licenceIssueDate: 'Completați data eliberării licenței.',
      licenceExpiryDate: 'Completați data expirării licenței.',
    });
  });

  it('accepts a unit without a licence', () => {
    expect(validateUnit(draft({ licenceNumber: '', licenceIssueDate: undefined, licenceExpiryDate: undefined })).errors).toEqual({});
  });

  it('reports an invalid licence date with its label', () => {
    expect(validateUnit(draft({ licenceIssueDate: '31.02.2024' })).errors.licenceIssueDate).toBe(
      'Data eliberării licenței: „31.02.2024” nu este o dată din calendar.',
    );
  });

  it.each([12.5, 0, -3, Number.NaN])('refuses capacity %s', (capacity) => {
    expect(validateUnit(draft({ capacity })).errors.capacity).toBe('Capacitatea trebuie să fie un număr întreg pozitiv.');
  });

  it('reads a capacity typed as text', () => {
    expect(validateUnit(draft({ capacity: '30' as unknown as number })).value.capacity).toBe(30);
  });

  it('requires an NGO that exists in the catalog', () => {
    expect(validateUnit(draft({ organizationId: '' })).errors.organizationId).toBe('Alegeți ONG-ul care administrează unitatea.');
    expect(validateUnit(draft(), { organizationExists: () => false }).errors.organizationId).toBe('ONG-ul ales nu există în catalog.');
  });

  it('requires a name of at least 3 characters and a locality', () => {
    const { errors } = validateUnit(draft({ name: 'CZ', locality: '' }));
    expect(errors.name).toBe('Denumirea unității este obligatorie (cel puțin 3 caractere).');
    expect(errors.locality).toBe('Localitatea este obligatorie.');
  });

  it('refuses a bad postal code and stores an empty one as empty', () => {
    expect(validateUnit(draft({ postalCode: '4001' })).errors.postalCode).toMatch(/6 cifre/);
    expect(validateUnit(draft({ postalCode: ' ' })).value.postalCode).toBe('');
  });

  it('refuses unknown capacity unit, licence type and status, Object.prototype names included', () => {
    for (const bad of ['zile', 'toString']) {
      const { errors } = validateUnit(
        draft({ capacityUnit: bad as CapacityUnit, licenceType: bad as LicenceType, status: bad as UnitStatus }),
      );
      expect(errors.capacityUnit, bad).toBe('Alegeți unitatea de măsură a capacității.');
      expect(errors.licenceType, bad).toBe('Alegeți tipul licenței.');
      expect(errors.status, bad).toBe('Alegeți starea.');
    }
  });
});

describe('unitSearchText', () => {
  it('matches the NGO name, the service code and the licence number without diacritics', () => {
    const text = unitSearchText(draft(), 'Asociația Speranța Someșului');
    expect(text).toContain('pasi impreuna');
    expect(text).toContain('8891 cz-c-iv');
    expect(text).toContain('0010073');
    expect(text).toContain('asociatia speranta somesului');
  });
});

describe('fields that are not part of a unit', () => {
  it('are dropped by validation, so grid columns such as the owner name or licence state are never stored', () => {
    const row = { ...emptyUnit('org-1'), name: 'Cantina socială', serviceCode: '8899 CPDH-I', capacity: 50, organizationName: 'Asociația X', licence: 'valida' };
    const { value } = validateUnit(row);
    expect(value).not.toHaveProperty('organizationName');
    expect(value).not.toHaveProperty('licence');
    expect(Object.keys(value).sort()).toEqual(Object.keys(emptyUnit()).sort());
  });
});
