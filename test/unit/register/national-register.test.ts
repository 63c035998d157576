import { describe, expect, it } from 'vitest';
import { emptyOrganization, type Organization } from '../../../src/catalog/organization';
import { suggestMapping } from '../../../src/import/mapping';
import {
  compareWithNationalRegister, groupDifferences, isClujNapoca, NATIONAL_PROVIDER_COLUMNS, NATIONAL_SERVICE_COLUMNS, numberKey, pickNationalSheet,
  readNationalProviders, readNationalServices, splitCertificate, splitLicence, withSourceNote, type NationalProvider, type NationalService,
} from '../../../src/register/national-register';
import { emptyUnit, type SocialServiceUnit } from '../../../src/register/unit';
import { issueTuples, table } from '../import/helpers';

const meta = (id: string) => ({ id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 3 });

function org(id: string, cui: string, extra: Partial<Organization> = {}): Organization {
  return { ...emptyOrganization(), ...meta(id), name: `Asociația ${id}`, cui, accreditationSeries: 'AF', accreditationNumber: '005798', accreditationDate: '2015-03-10', ...extra };
}

function unit(id: string, organizationId: string, extra: Partial<SocialServiceUnit> = {}): SocialServiceUnit {
  return {
    ...emptyUnit(organizationId), ...meta(id), name: `Centrul ${id}`, street: 'str. Horea nr. 3', serviceCode: '8891 CZ-C-IV', capacity: 20,
    licenceNumber: '0010073', licenceIssueDate: '2022-05-01', licenceExpiryDate: '2027-04-30', ...extra,
  };
}

const provider = (cui: string, extra: Partial<NationalProvider> = {}): NationalProvider => ({
  rowNumber: 2, name: 'Furnizor', cui, accreditationDecision: '', accreditationDate: '2015-03-10', certificateSeries: 'AF', certificateNumber: '5798', status: 'acreditat', ...extra,
});

const service = (cui: string, extra: Partial<NationalService> = {}): NationalService => ({
  rowNumber: 2, providerCui: cui, providerName: 'Furnizor', serviceCode: '8891 CZ-C-IV', serviceName: 'Centru de zi pentru copii', licenceNumber: '10073',
  licenceDate: '2022-05-01', licenceExpiryDate: '2027-04-30', address: 'str. Horea nr. 3, Cluj-Napoca', locality: 'Cluj-Napoca', county: 'Cluj', ...extra,
});

describe('reading the national register', () => {
  it('maps the Ministry’s usual headers by default and picks the sheet of each table', () => {
    const providers = table(['Nr. crt.', 'Denumire furnizor', 'CUI', 'Decizie de acreditare', 'Data acreditării inițiale', 'Serie certificat', 'Număr certificat', 'Status'], [[1, 'A', '18547290', 'D1', '10.03.2015', 'AF', '5798', 'Acreditat']], 'Furnizori');
    const services = table(['CUI furnizor', 'Cod serviciu social', 'Denumire serviciu social', 'Număr licență de funcționare', 'Data eliberării licenței', 'Adresa serviciului', 'Localitate'], [['18547290', '8891 CZ-C-IV', 'x', '1', '01.01.2024', 'a', 'Cluj-Napoca']], 'Servicii');
    expect(suggestMapping(providers.headers, NATIONAL_PROVIDER_COLUMNS)).toEqual([null, 'name', 'cui', 'accreditationDecision', 'accreditationDate', 'certificateSeries', 'certificateNumber', 'status']);
    expect(pickNationalSheet([providers, services], NATIONAL_SERVICE_COLUMNS)).toBe(1);
    expect(pickNationalSheet([providers, services], NATIONAL_PROVIDER_COLUMNS)).toBe(0);
  });

  it('reports a bad CUI, a missing name and an unknown status by row and column, and keeps the good rows', () => {
    const t = table(['Denumire furnizor', 'CUI', 'Număr certificat', 'Status'], [
      ['Asociația Bună', 'RO 18547290', 'seria AF nr. 005798', 'Activ'],
      ['Asociația Greșită', '18547291', '', 'Acreditat'],
      ['', '13548146', '', 'Retras'],
      ['Fundația X', '4305857', '', 'în lichidare'],
    ]);
    const read = readNationalProviders(t, suggestMapping(t.headers, NATIONAL_PROVIDER_COLUMNS));
    expect(read.rows).toEqual([expect.objectContaining({ rowNumber: 2, cui: '18547290', certificateSeries: 'AF', certificateNumber: '005798', status: 'acreditat' })]);
    const issues = issueTuples(read.issues);
    expect(issues.map(([row, column]) => [row, column])).toEqual([[3, 'CUI'], [4, 'Denumire furnizor'], [5, 'Status']]);
    expect(issues[0]?.[3]).toMatch(/cifra de control/);
    expect(issues[2]?.[3]).toMatch(/„în lichidare” nu este o valoare permisă/);
  });

  it('reads licence numbers written with their date and the locality from the address', () => {
    const t = table(['CUI furnizor', 'Cod serviciu', 'Nr. licență', 'Adresă'], [['18547290', '8790 cr-d-i', 'nr. 1423 din 14.12.2020', 'str. Horea 3, Municipiul Cluj-Napoca, jud. Cluj'], ['18547290', '', '1', 'x']]);
    const read = readNationalServices(t, suggestMapping(t.headers, NATIONAL_SERVICE_COLUMNS));
    expect(read.rows).toEqual([expect.objectContaining({ serviceCode: '8790 CR-D-I', licenceNumber: '1423', licenceDate: '2020-12-14', locality: 'Cluj-Napoca' })]);
    expect(issueTuples(read.issues)).toEqual([[3, 'Cod serviciu', '', 'Lipsește codul serviciului social.']]);
  });

  it('splits certificates and licences, and compares numbers without "nr." and leading zeros', () => {
    expect(splitCertificate('seria AF nr. 005798')).toEqual({ series: 'AF', number: '005798' });
    expect(splitCertificate('005798')).toEqual({ series: '', number: '005798' });
    expect(splitLicence('0010073')).toEqual({ number: '0010073' });
    expect(numberKey('nr. 0010073')).toBe(numberKey('10073'));
    expect(numberKey('10074')).not.toBe(numberKey('10073'));
    expect(isClujNapoca('mun. Cluj Napoca')).toBe(true);
    expect(isClujNapoca('Florești')).toBe(false);
  });
});

describe('comparing with the catalog and the local register', () => {
  it('finds nothing when the records agree (leading zeros and spacing aside)', () => {
    const a = org('a', '18547290');
    expect(compareWithNationalRegister({ providers: [provider('18547290')], services: [service('18547290', { serviceCode: '8891cz-c-iv' })], organizations: [a], units: [unit('u1', 'a')] })).toEqual([]);
  });

  it('reports a provider missing, struck off, or with another certificate, with the proposed update', () => {
    const orgs = [org('a', '18547290'), org('b', '13548146'), org('c', '4305857'), org('d', '30124574', { status: 'radiat' })];
    const diffs = compareWithNationalRegister({
      providers: [provider('13548146', { status: 'radiat', rowNumber: 5 }), provider('4305857', { certificateNumber: '7001', accreditationDate: '2016-01-02', rowNumber: 6 })],
      services: [], organizations: orgs, units: [],
    });
    expect(diffs.map((d) => [d.kind, d.record])).toEqual([
      ['provider_not_accredited', 'Asociația a'],
      ['provider_struck_off', 'Asociația b'],
      ['accreditation_differs', 'Asociația c'],
    ]);
    expect(diffs[0]?.update).toBeUndefined();
    expect(diffs[1]).toMatchObject({ registerRow: 5, registerValue: expect.stringMatching(/^Radiat/), update: { entity: 'organizations', id: 'b', version: 3, changes: { accreditationNumber: '' } } });
    expect(diffs[2]).toMatchObject({
      localValue: 'seria AF nr. 005798 din 10.03.2015', registerValue: 'seria AF nr. 7001 din 02.01.2016',
      update: { entity: 'organizations', id: 'c', changes: { accreditationNumber: '7001', accreditationDate: '2016-01-02' }, fields: ['Nr. certificatului de acreditare', 'Data acreditării'] },
    });
  });

  it('pairs units by licence number, then by code and address, and reports licence, date and code differences', () => {
    const a = org('a', '18547290');
    const units = [
      unit('u1', 'a'),
      unit('u2', 'a', { name: 'Cantina', serviceCode: '8899 CPDH-I', street: 'str. Napoca nr. 10', licenceNumber: '500', licenceIssueDate: '2021-01-01', licenceExpiryDate: '2026-01-01' }),
      unit('u3', 'a', { name: 'Îngrijire', serviceCode: '8810 ID-I', street: 'str. Moților 1', licenceNumber: '777' }),
      unit('u4', 'a', { name: 'Închisă', status: 'inchisa', licenceNumber: '999' }),
    ];
    const diffs = compareWithNationalRegister({
      providers: [provider('18547290')],
      services: [
        service('18547290', { rowNumber: 3, serviceCode: '8891 CZ-C-II' }),
        service('18547290', { rowNumber: 4, serviceCode: '8899 CPDH-I', licenceNumber: '0501', licenceDate: '2025-12-15', licenceExpiryDate: '2030-12-14', address: 'Str. Napoca nr. 10, Cluj-Napoca' }),
        service('18547290', { rowNumber: 5, serviceCode: '8790 CR-V-I', licenceNumber: '900', address: 'str. Observatorului 2', serviceName: 'Cămin' }),
        service('18547290', { rowNumber: 6, locality: 'Florești', licenceNumber: '901', serviceCode: '8730 CR-V-I' }),
      ],
      organizations: [a],
      units,
    });
    expect(diffs.map((d) => [d.kind, d.record, d.registerRow])).toEqual([
      ['licence_missing', 'Îngrijire', undefined],
      ['licence_differs', 'Cantina', 4],
      ['service_code_differs', 'Centrul u1', 3],
      ['unit_not_local', 'Cămin', 5],
    ]);
    expect(diffs[1]).toMatchObject({
      localValue: 'nr. 500 din 01.01.2021, valabilă până la 01.01.2026',
      registerValue: 'nr. 0501 din 15.12.2025, valabilă până la 14.12.2030',
      update: { entity: 'units', id: 'u2', changes: { licenceNumber: '0501', licenceIssueDate: '2025-12-15', licenceExpiryDate: '2030-12-14' } },
    });
    expect(diffs[2]?.update).toMatchObject({ changes: { serviceCode: '8891 CZ-C-II' } });
    expect(diffs[3]).toMatchObject({ localValue: 'nu există în registrul local' });
    expect(diffs[3]?.update).toBeUndefined();
    expect(groupDifferences(diffs).map((g) => [g.kind, g.items.length])).toEqual([['licence_missing', 1], ['licence_differs', 1], ['service_code_differs', 1], ['unit_not_local', 1]]);
  });

  it('reports a Cluj-Napoca service of a provider missing from the catalog', () => {
    const diffs = compareWithNationalRegister({ providers: [], services: [service('33011227', { providerName: 'Fundația Nouă' })], organizations: [], units: [] });
    expect(diffs).toEqual([expect.objectContaining({ kind: 'unit_not_local', organizationName: 'Fundația Nouă', localValue: 'furnizorul nu există în catalog', proposal: expect.stringMatching(/catalogul ONG/) })]);
  });

  it('adds the register as source to the notes', () => {
    expect(withSourceNote('Observație veche', '2026-11-30', ['Nr. licenței'])).toBe(
      'Observație veche\nActualizat din Registrul electronic unic al serviciilor sociale (MMSS), ediția din 30.11.2026: Nr. licenței.',
    );
  });
});

describe('a file with one table only', () => {
  it('checks only what the file holds', () => {
    const a = org('a', '18547290');
    const onlyServices = compareWithNationalRegister({ services: [], organizations: [a], units: [unit('u1', 'a')] });
    expect(onlyServices.map((d) => d.kind)).toEqual(['licence_missing']);
    const onlyProviders = compareWithNationalRegister({ providers: [], organizations: [a], units: [unit('u1', 'a')] });
    expect(onlyProviders.map((d) => d.kind)).toEqual(['provider_not_accredited']);
  });
});
