import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG_FILTER, filterCatalog } from '../../../src/catalog/catalog-filter';
import { emptyOrganization, organizationSearchText, type Organization } from '../../../src/catalog/organization';
import { EMPTY_REGISTER_FILTER, filterRegister, licenceAlerts } from '../../../src/register/register-filter';
import { emptyUnit, unitSearchText, type SocialServiceUnit } from '../../../src/register/unit';
import { filterByQuery, queryTokens, RO_COLLATOR, sortByText } from '../../../src/tabular/search';

const TODAY = '2026-11-23';
let n = 0;
function org(overrides: Partial<Organization>): Organization & { searchText: string } {
  const o: Organization = { ...emptyOrganization(), id: `o${++n}`, createdAt: '', updatedAt: '', version: 1, name: 'X', cui: '18547290', ...overrides };
  return { ...o, searchText: organizationSearchText(o) };
}
function unit(overrides: Partial<SocialServiceUnit>): SocialServiceUnit & { searchText: string } {
  const u: SocialServiceUnit = { ...emptyUnit('o1'), id: `u${++n}`, createdAt: '', updatedAt: '', version: 1, name: 'Centru', serviceCode: '8899 CPDH-I', capacity: 10, licenceNumber: '1', licenceIssueDate: '2024-01-01', licenceExpiryDate: '2029-01-01', ...overrides };
  return { ...u, searchText: unitSearchText(u, 'Asociația Șansa') };
}

describe('quick search', () => {
  it('splits a query into diacritics-free lower-case words', () => {
    expect(queryTokens('  Șansa   CLUJ ')).toEqual(['sansa', 'cluj']);
  });

  it('finds "Asociația Șansa" by "asociatia sansa", by its CUI and with the words in any order', () => {
    const rows = [org({ name: 'Asociația Șansa', cui: '13548146' }), org({ name: 'Fundația Lumina', cui: '4305857' })];
    const names = (q: string) => filterCatalog(rows, { ...EMPTY_CATALOG_FILTER, query: q }).map((o) => o.name);
    expect(names('asociatia sansa')).toEqual(['Asociația Șansa']);
    expect(names('ŞANSA asociaţia')).toEqual(['Asociația Șansa']);
    expect(names('4305857')).toEqual(['Fundația Lumina']);
    expect(names('RO4305857')).toEqual(['Fundația Lumina']);
    expect(names('')).toHaveLength(2);
    expect(names('sansa lumina')).toEqual([]);
  });
});

describe('catalog filters', () => {
  const rows = [
    org({ name: 'A', legalForm: 'asociatie', status: 'activ', accreditationNumber: '1', accreditationDate: '2020-01-01' }),
    org({ name: 'B', legalForm: 'fundatie', status: 'suspendat' }),
    org({ name: 'C', legalForm: 'fundatie', status: 'activ', accreditationNumber: '2', accreditationDate: '2021-01-01' }),
    org({ name: 'D', legalForm: 'cult', status: 'activ' }),
  ];
  const names = (f: Partial<typeof EMPTY_CATALOG_FILTER>) => filterCatalog(rows, { ...EMPTY_CATALOG_FILTER, ...f }).map((o) => o.name);
  it('filters by legal form, status and accreditation, combined with "and"', () => {
    expect(names({ legalForm: 'fundatie' })).toEqual(['B', 'C']);
    expect(names({ legalForm: 'cult' })).toEqual(['D']);
    expect(names({ status: 'activ' })).toEqual(['A', 'C', 'D']);
    expect(names({ accredited: 'nu' })).toEqual(['B', 'D']);
    expect(names({ accredited: 'da', legalForm: 'fundatie' })).toEqual(['C']);
  });
});

describe('register filters', () => {
  const rows = [
    unit({ name: 'expirată', licenceExpiryDate: '2026-11-22' }),
    unit({ name: 'expiră azi', licenceExpiryDate: TODAY }),
    unit({ name: 'expiră în 60 de zile', licenceExpiryDate: '2027-01-22' }),
    unit({ name: 'expiră în 61 de zile', licenceExpiryDate: '2027-01-23' }),
  ];
  const names = (f: Partial<typeof EMPTY_REGISTER_FILTER>) => filterRegister(rows, { ...EMPTY_REGISTER_FILTER, ...f }, TODAY).map((u) => u.name);

  it('flags expired licences and those expiring within 60 days, boundaries included', () => {
    expect(names({ isExpiredOnly: true })).toEqual(['expirată']);
    expect(names({ isExpiringOnly: true })).toEqual(['expiră azi', 'expiră în 60 de zile']);
    expect(names({ isExpiredOnly: true, isExpiringOnly: true })).toEqual(['expirată', 'expiră azi', 'expiră în 60 de zile']);
    expect(licenceAlerts(rows, TODAY)).toEqual({ expired: 1, expiring: 2 });
  });

  it('searches units by their NGO name without diacritics', () => {
    expect(names({ query: 'sansa expirata' })).toEqual(['expirată']);
  });
});

describe('quick search without copies', () => {
  const rows = [org({ name: 'Asociația Șansa' }), org({ name: 'Fundația Lumina' }), org({ name: 'Asociația Speranța' })];

  it('hands back the same rows, not a copy, when there is nothing to filter by', () => {
    expect(filterByQuery(rows, '   ')).toBe(rows);
    expect(filterCatalog(rows, EMPTY_CATALOG_FILTER)).toBe(rows);
  });

  it('keeps the order of the rows it is given', () => {
    expect(filterByQuery(rows, 'asociatia').map((o) => o.name)).toEqual(['Asociația Șansa', 'Asociația Speranța']);
    expect(filterByQuery([...rows].reverse(), 'asociatia').map((o) => o.name)).toEqual(['Asociația Speranța', 'Asociația Șansa']);
  });
});

describe('sorting Romanian text once', () => {
  it('orders by the Romanian alphabet (ș after s, ț after t, ă â after a), then by the next key', () => {
    const names = ['Țara', 'Șansa', 'Sansa', 'Tei', 'Ăsta', 'Ana', 'Zorile', 'Șansa'];
    const rows = names.map((name, i) => ({ name, city: String(9 - i) }));
    const sorted = sortByText(rows, (r) => r.name, (r) => r.city);
    expect(sorted.map((r) => r.name)).toEqual(['Ana', 'Ăsta', 'Sansa', 'Șansa', 'Șansa', 'Tei', 'Țara', 'Zorile']);
    // the two "Șansa" rows are ordered by the second key: city "2" before "8"
    expect(sorted.filter((r) => r.name === 'Șansa').map((r) => r.city)).toEqual(['2', '8']);
    expect(rows.map((r) => r.name)).toEqual(names); // the input is left as it was
  });

  it('computes each key once per row, not once per comparison', () => {
    let calls = 0;
    const rows = Array.from({ length: 1000 }, (_, i) => ({ name: `ONG ${(i * 7919) % 1000}` }));
    sortByText(rows, (r) => (calls++, r.name));
    expect(calls).toBe(1000);
  });

  it('shares one collator that agrees with localeCompare in Romanian', () => {
    const words = ['ș', 's', 't', 'ț', 'a', 'ă', 'â', 'i', 'î'];
    expect([...words].sort(RO_COLLATOR.compare)).toEqual([...words].sort((a, b) => a.localeCompare(b, 'ro')));
  });
});
