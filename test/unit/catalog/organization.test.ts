import { describe, expect, it } from 'vitest';
import {
  accreditationLabel,
  emptyOrganization,
  isAccredited,
  type LegalForm,
  type OrganizationDraft,
  type OrganizationStatus,
  organizationSearchText,
  validateOrganization,
} from '../../../src/catalog/organization';
import { searchKey } from '../../../src/validation/diacritics';

/** A complete, already clean NGO. */
function draft(overrides: Partial<OrganizationDraft> = {}): OrganizationDraft {
  return {
    ...emptyOrganization(),
    name: 'Asociația Speranța Someșului',
    legalForm: 'asociatie',
    cui: '18547290',
    registryNumber: '123/2010',
    registryDate: '2010-05-14',
    street: 'str. Memorandumului nr. 1',
    postalCode: '400114',
    workingAddresses: 'str. Horea nr. 10, Cluj-Napoca\nstr. Florilor nr. 2, Florești',
    representativeName: 'Ioana Pop',
    contactPerson: 'Mihai Rus',
    phone: '0264 595 123',
    email: 'contact@example.ro',
    bankName: 'Banca Transilvania',
    iban: 'RO49AAAA1B31007593840000',
    accreditationSeries: 'AF',
    accreditationNumber: '005798',
    accreditationDate: '2015-09-01',
    notes: 'Date de test',
    ...overrides,
  };
}

describe('validateOrganization', () => {
  it('passes a complete NGO and leaves it unchanged', () => {
    const input = draft();
    const { value, errors } = validateOrganization(input);
    expect(errors).toEqual({});
    expect(value).toEqual(input);
  });

  it('normalises what people type: cedilla diacritics, RO before the CUI, phone, IBAN, spaces, dates', () => {
    const { value, errors } = validateOrganization(
      draft({
        name: '  Asociaţia   Speranţa\u00A0Someşului ',
        cui: 'RO 18547290',
        phone: '+40 264-595123',
        email: ' Contact@Example.RO ',
        iban: 'ro49 aaaa 1b31 0075 9384 0000',
        postalCode: '400 114',
        registryDate: '14.05.2010',
        accreditationDate: '01/09/2015',
        workingAddresses: '  str. Horea nr. 10,  Cluj-Napoca \n\n  str. Florilor nr. 2, Floreşti  \n',
        representativeName: 'Ioana  Pop',
      }),
    );
    expect(errors).toEqual({});
    expect(value).toEqual(draft());
  });

  it('is idempotent: validating the normalised value again changes nothing', () => {
    const once = validateOrganization(draft({ name: 'Fundaţia  Casa Luminii', cui: 'ro4305857', phone: '0040740123456' })).value;
    expect(validateOrganization(once).value).toEqual(once);
  });

  it('stores empty optional contact fields as empty strings', () => {
    const { value, errors } = validateOrganization(draft({ phone: '  ', email: '', iban: '', postalCode: '' }));
    expect(errors).toEqual({});
    expect(value).toMatchObject({ phone: '', email: '', iban: '', postalCode: '' });
  });

  it('reports each invalid field under its own name, in Romanian', () => {
    const { errors } = validateOrganization(
      draft({
        name: 'AB',
        cui: '18547291',
        locality: '  ',
        registryDate: '31.02.2010',
        accreditationDate: 'ieri',
        postalCode: '4001',
        phone: '0800 123 456',
        email: 'contact@',
        iban: 'RO48AAAA1B31007593840000',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(
      ['accreditationDate', 'cui', 'email', 'iban', 'locality', 'name', 'phone', 'postalCode', 'registryDate'].sort(),
    );
    expect(errors.name).toBe('Denumirea este obligatorie (cel puțin 3 caractere).');
    expect(errors.cui).toMatch(/cifra de control greșită/);
    expect(errors.locality).toBe('Localitatea sediului este obligatorie.');
    expect(errors.registryDate).toBe('Data înscrierii: „31.02.2010” nu este o dată din calendar.');
    expect(errors.accreditationDate).toMatch(/^Data acreditării: „ieri” nu este o dată/);
    expect(errors.postalCode).toMatch(/6 cifre/);
    expect(errors.phone).toMatch(/nu este un număr de telefon românesc/);
    expect(errors.email).toMatch(/nu este o adresă de e-mail validă/);
    expect(errors.iban).toMatch(/cifrele de control greșite/);
  });

  it('requires the CUI', () => {
    expect(validateOrganization(draft({ cui: '' })).errors.cui).toBe('CUI/CIF este obligatoriu.');
  });

  it('flags an accreditation number recorded without its date', () => {
    const { errors } = validateOrganization(draft({ accreditationNumber: '005798', accreditationDate: undefined }));
    expect(errors).toEqual({ accreditationDate: 'Completați data certificatului de acreditare.' });
  });

  it('accepts an NGO without accreditation', () => {
    const { errors } = validateOrganization(draft({ accreditationSeries: '', accreditationNumber: '', accreditationDate: undefined }));
    expect(errors).toEqual({});
  });

  it('refuses an unknown legal form or status', () => {
    const { errors } = validateOrganization(draft({ legalForm: 'srl' as LegalForm, status: 'pierdut' as OrganizationStatus }));
    expect(errors.legalForm).toBe('Alegeți forma juridică.');
    expect(errors.status).toBe('Alegeți starea.');
  });

  it('refuses a legal form or status that is an Object.prototype property name', () => {
    const { errors } = validateOrganization(draft({ legalForm: 'toString' as LegalForm, status: 'constructor' as OrganizationStatus }));
    expect(errors.legalForm).toBe('Alegeți forma juridică.');
    expect(errors.status).toBe('Alegeți starea.');
  });

  it('accepts every legal form and status', () => {
    // Recognised religious cults and their units are applicants too (Legea 79/2017; HG 619/2017).
    for (const legalForm of ['asociatie', 'fundatie', 'federatie', 'uniune', 'cult'] as const) {
      expect(validateOrganization(draft({ legalForm })).errors).toEqual({});
    }
    for (const status of ['activ', 'suspendat', 'radiat'] as const) {
      expect(validateOrganization(draft({ status })).errors).toEqual({});
    }
  });
});

describe('isAccredited and accreditationLabel', () => {
  it('is accredited only with both a certificate number and a date', () => {
    expect(isAccredited({ accreditationNumber: '005798', accreditationDate: '2015-09-01' })).toBe(true);
    expect(isAccredited({ accreditationNumber: '005798', accreditationDate: undefined })).toBe(false);
    expect(isAccredited({ accreditationNumber: '  ', accreditationDate: '2015-09-01' })).toBe(false);
    expect(isAccredited({ accreditationNumber: '', accreditationDate: undefined })).toBe(false);
  });

  it('writes the certificate as „seria AF nr. 005798”', () => {
    expect(accreditationLabel({ accreditationSeries: 'AF', accreditationNumber: '005798', accreditationDate: '2015-09-01' })).toBe('seria AF nr. 005798');
    expect(accreditationLabel({ accreditationSeries: '', accreditationNumber: '1423', accreditationDate: undefined })).toBe('nr. 1423');
    expect(accreditationLabel({ accreditationSeries: 'AF', accreditationNumber: '', accreditationDate: undefined })).toBe('');
  });
});

describe('organizationSearchText', () => {
  const org = draft({ name: 'Asociația Șansa Vârstnicilor', representativeName: 'Ștefan Țurcanu', locality: 'Florești' });
  const text = organizationSearchText(org);

  it('matches a query typed without diacritics or in capitals', () => {
    expect(text).toContain(searchKey('ASOCIATIA SANSA VARSTNICILOR'));
    expect(text).toContain(searchKey('stefan turcanu'));
    expect(text).toContain('floresti');
  });

  it('matches a query typed with cedilla diacritics', () => {
    expect(text).toContain(searchKey('Asociaţia Şansa'));
  });

  it('finds the NGO by its CUI with or without RO and by its registry number', () => {
    expect(text).toContain('18547290');
    expect(text).toContain('ro18547290');
    expect(text).toContain('123/2010');
  });
});

describe('fields that are not part of an NGO', () => {
  it('are dropped by validation, so grid columns such as a unit count are never stored', () => {
    const row = { ...emptyOrganization(), name: 'Asociația Șansa', cui: '18547290', unitCount: 3, searchText: 'x' };
    const { value } = validateOrganization(row);
    expect(value).not.toHaveProperty('unitCount');
    expect(value).not.toHaveProperty('searchText');
    expect(Object.keys(value).sort()).toEqual(Object.keys(emptyOrganization()).sort());
  });
});
