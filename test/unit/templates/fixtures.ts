// Small, valid records for the document and workbook tests: CUIs with their check digit, IBANs
// with their check digits, licences valid on TODAY unless a test says otherwise.
import { emptyOrganization, type Organization } from '../../../src/catalog/organization';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { emptyUnit, type SocialServiceUnit } from '../../../src/register/unit';
import { defaultInstitutionSettings, type InstitutionSettings } from '../../../src/settings/institution';
import { withCuiCheckDigit } from '../../../src/validation/cui';
import type { IsoDate } from '../../../src/validation/dates';
import { ibanWithCheckDigits } from '../../../src/validation/iban';

export const TODAY: IsoDate = '2026-11-23';
export { NOMENCLATURE };

export const DAY_CENTRE = '8891 CZ-C-IV';
export const CANTEEN = '8899 CPDH-I';

export function institution(overrides: Partial<InstitutionSettings> = {}): InstitutionSettings {
  return {
    ...defaultInstitutionSettings(),
    cui: '4305857',
    phone: '0264 596 941',
    email: 'protectie.sociala@example.ro',
    headOfInstitution: 'Maria Pop',
    headOfService: 'Ioana Rus',
    commissionSecretary: 'Andrei Șerban',
    userName: 'Elena Mureșan',
    mayor: 'Ion Popescu',
    economicDirector: 'Ana Dragomir',
    legalDirector: 'Mihai Sima',
    ...overrides,
  };
}

export function organization(index: number, overrides: Partial<Organization> = {}): Organization {
  return {
    ...emptyOrganization(),
    id: `org-${index}`,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    version: 1,
    name: `Asociația Exemplu ${index}`,
    cui: withCuiCheckDigit(String(30_000_000 + index)),
    registryNumber: `${index}/2010`,
    registryDate: '2010-03-15',
    street: `str. Memorandumului nr. ${index}`,
    postalCode: '400114',
    representativeName: `Ion Popescu ${index}`,
    phone: '0264 123 456',
    email: `contact${index}@exemplu.ro`,
    bankName: 'Banca Transilvania',
    iban: ibanWithCheckDigits('BTRL', String(index).padStart(16, '0')),
    accreditationSeries: 'AF',
    accreditationNumber: String(5000 + index).padStart(6, '0'),
    accreditationDate: '2015-06-01',
    ...overrides,
  };
}

export function unit(index: number, organizationId: string, overrides: Partial<SocialServiceUnit> = {}): SocialServiceUnit {
  return {
    ...emptyUnit(organizationId),
    id: `unit-${index}`,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    version: 1,
    name: `Centrul de zi nr. ${index}`,
    street: `str. Horea nr. ${index}`,
    postalCode: '400174',
    serviceCode: DAY_CENTRE,
    targetGroup: 'Copii în situație de risc',
    capacity: 20 + index,
    licenceNumber: String(10_000 + index).padStart(7, '0'),
    licenceIssueDate: '2024-01-15',
    licenceExpiryDate: '2029-01-14',
    ...overrides,
  };
}

/**
 * `count` NGOs with two units each (a day centre and a canteen), enough for a table over several
 * pages; the first NGO has a name with every Romanian diacritic.
 */
export function bigList(count = 15): { organizations: Organization[]; units: SocialServiceUnit[] } {
  const organizations = Array.from({ length: count }, (_, i) => organization(i + 1, i === 0 ? { name: 'Asociația Șansa Țării Românești — Învățăm împreună' } : {}));
  const units = organizations.flatMap((o, i) => [
    unit(2 * i + 1, o.id, { street: 'str. Mihail Kogălniceanu nr. 12, ap. 3' }),
    unit(2 * i + 2, o.id, { name: `Cantina socială „Pâinea zilnică” nr. ${i + 1}`, serviceCode: CANTEEN, capacity: 150, capacityUnit: 'beneficiari_luna' }),
  ]);
  return { organizations, units };
}
