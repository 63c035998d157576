import { emptyOrganization, type Organization } from '../../../src/catalog/organization';
import { emptyUnit, type SocialServiceUnit } from '../../../src/register/unit';
import { defaultInstitutionSettings, type InstitutionSettings } from '../../../src/settings/institution';
import { withCuiCheckDigit } from '../../../src/validation/cui';
import { ibanWithCheckDigits } from '../../../src/validation/iban';

export const TODAY = '2026-11-23';

export function institution(): InstitutionSettings {
  return { ...defaultInstitutionSettings(), cui: '4305857', headOfInstitution: 'Maria Pop', headOfService: 'Ioana Rus', commissionSecretary: 'Andrei Șerban' };
}

export function organization(index: number, overrides: Partial<Organization> = {}): Organization {
  return {
    ...emptyOrganization(),
    id: `org-${index}`,
    createdAt: '2026-01-01T08:00:00.000Z',
    updatedAt: '2026-01-01T08:00:00.000Z',
    version: 1,
    name: `Asociația Test ${index}`,
    cui: withCuiCheckDigit(String(20_000_000 + index)),
    registryNumber: `${index}/2010`,
    registryDate: '2010-03-15',
    street: `str. Memorandumului nr. ${index}`,
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
    serviceCode: '8891 CZ-C-IV',
    capacity: 20 + index,
    licenceNumber: String(10_000 + index).padStart(7, '0'),
    licenceIssueDate: '2024-01-15',
    licenceExpiryDate: '2029-01-14',
    ...overrides,
  };
}
