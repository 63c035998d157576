import { describe, expect, it, vi } from 'vitest';
import { EMPTY_CATALOG_FILTER, filterCatalog, type CatalogFilter } from '../../../src/catalog/catalog-filter';
import { emptyOrganization, organizationSearchText, type LegalForm, type Organization, type OrganizationStatus } from '../../../src/catalog/organization';
import { EMPTY_REGISTER_FILTER, filterRegister, type RegisterFilter } from '../../../src/register/register-filter';
import { emptyUnit, unitSearchText, type SocialServiceUnit } from '../../../src/register/unit';
import { createQuickSearch, keepSameRows, matchesTokens, narrowsQuery, queryTokens, RO_COLLATOR, sortByText } from '../../../src/tabular/search';

const TODAY = '2026-11-23';

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T,>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const WORDS = ['Asociația', 'Fundația', 'Șansa', 'Sansa', 'Speranța', 'Pași', 'Împreună', 'Țara', 'Tei', 'Cluj', 'Florești', 'Dej', 'Ana', 'Ăsta', 'Mâini', 'Întinse', 'Casa', 'Luminii', 'Sf.', 'Ioan', 'nr.', '2', '10', '„Zorile”', 'Someș-Arieș'];
const LOCALITIES = ['Cluj-Napoca', 'Florești', 'Dej', 'Turda', 'Gherla'];
const FORMS: LegalForm[] = ['asociatie', 'fundatie', 'federatie', 'cult'];
const STATUSES: OrganizationStatus[] = ['activ', 'suspendat', 'radiat'];

let n = 0;
function randomOrganization(rnd: () => number): Organization & { searchText: string } {
  const words = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(rnd, WORDS));
  const accredited = rnd() < 0.5;
  const o: Organization = {
    ...emptyOrganization(), id: `o${++n}`, createdAt: '', updatedAt: '', version: 1,
    name: words.join(' '), cui: String(1_000_000 + Math.floor(rnd() * 50_000)), locality: pick(rnd, LOCALITIES),
    legalForm: pick(rnd, FORMS), status: pick(rnd, STATUSES),
    accreditationNumber: accredited ? String(Math.floor(rnd() * 900)) : '', accreditationDate: accredited ? '2020-01-01' : '',
  };
  return { ...o, searchText: organizationSearchText(o) };
}

/** What the user types: a prefix of words of the data, sometimes with a typo or in other case. */
function randomQuery(rnd: () => number): string {
  const text = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, [...WORDS, ...LOCALITIES])).join(' ');
  const cut = text.slice(0, 1 + Math.floor(rnd() * text.length));
  return rnd() < 0.2 ? cut.toUpperCase() : rnd() < 0.1 ? `${cut}x` : cut;
}

/** The straightforward version the optimised one must agree with: every row, every keystroke. */
function plainCatalogSearch(rows: readonly (Organization & { searchText: string })[], filter: CatalogFilter) {
  const tokens = queryTokens(filter.query);
  return rows.filter((o) => matchesTokens(o.searchText, tokens) && filterCatalog([o], { ...filter, query: '' }).length === 1);
}

describe('narrowsQuery', () => {
  it('says when the hits of the next query are among those of the previous one', () => {
    expect(narrowsQuery(['asoc'], ['asociatia'])).toBe(true);
    expect(narrowsQuery(['asociatia', 'p'], ['asociatia', 'pasi'])).toBe(true);
    expect(narrowsQuery([], ['a'])).toBe(true);
    expect(narrowsQuery(['pasi'], ['pas'])).toBe(false); // a letter erased
    expect(narrowsQuery(['a'], [])).toBe(false); // the box emptied
    expect(narrowsQuery(['cluj'], ['dej'])).toBe(false);
  });
});

describe('incremental quick search', () => {
  it('gives the same rows, in the same order, as filtering every row at every keystroke (random data, queries typed and erased)', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const rnd = random(seed);
      const rows = sortByText(Array.from({ length: 300 }, () => randomOrganization(rnd)), (o) => o.name);
      const search = createQuickSearch(filterCatalog);
      let filter: CatalogFilter = EMPTY_CATALOG_FILTER;
      for (let step = 0; step < 20; step++) {
        const query = randomQuery(rnd);
        const typed = Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
        const erased = typed.slice(0, -1).reverse().slice(0, Math.floor(rnd() * typed.length));
        for (const q of [...typed, ...erased]) {
          filter = { ...filter, query: q };
          if (rnd() < 0.05) filter = { ...filter, legalForm: rnd() < 0.5 ? '' : pick(rnd, FORMS) };
          if (rnd() < 0.05) filter = { ...filter, accredited: pick(rnd, ['', 'da', 'nu'] as const) };
          if (rnd() < 0.05) filter = { ...filter, status: rnd() < 0.5 ? '' : pick(rnd, STATUSES) };
          const expected = plainCatalogSearch(rows, filter);
          expect(search(rows, filter).map((o) => o.id), `seed ${seed}, filter ${JSON.stringify(filter)}`).toEqual(expected.map((o) => o.id));
        }
      }
    }
  });

  it('scans the previous matches only when the query narrows the previous one (a letter typed at the end)', () => {
    const rnd = random(7);
    const rows = Array.from({ length: 200 }, () => randomOrganization(rnd));
    const texts = new Set(rows.map((o) => o.searchText));
    const search = createQuickSearch(filterCatalog);
    // The search texts looked into by one keystroke (String.prototype.includes called on a row's text).
    const includes = vi.spyOn(String.prototype, 'includes');
    const type = (filter: CatalogFilter) => {
      includes.mockClear();
      const hits = search(rows, filter).length;
      return { hits, scanned: includes.mock.contexts.filter((text) => texts.has(String(text))).length };
    };
    try {
      const a = type({ ...EMPTY_CATALOG_FILTER, query: 'a' });
      const as = type({ ...EMPTY_CATALOG_FILTER, query: 'as' });
      const erased = type({ ...EMPTY_CATALOG_FILTER, query: 'a' }); // erased: all rows again
      const select = type({ ...EMPTY_CATALOG_FILTER, query: 'a', legalForm: 'fundatie' }); // another select: the same words, nothing scanned
      expect([a.scanned, as.scanned, erased.scanned, select.scanned]).toEqual([200, a.hits, 200, 0]);
      expect(a.hits).toBeLessThan(200);
      expect(select.hits).toBeLessThan(a.hits);
    } finally {
      includes.mockRestore();
    }
  });

  it('starts again from all rows when the data changes', () => {
    const rnd = random(3);
    const rows = Array.from({ length: 50 }, () => randomOrganization(rnd));
    const search = createQuickSearch(filterCatalog);
    expect(search(rows, { ...EMPTY_CATALOG_FILTER, query: 'zzz' })).toEqual([]);
    const added = [...rows, { ...rows[0]!, id: 'nou', searchText: 'zzzebra' }];
    expect(search(added, { ...EMPTY_CATALOG_FILTER, query: 'zzze' }).map((o) => o.id)).toEqual(['nou']);
  });

  it('hands back the previous array when a keystroke finds the same rows (the grid has nothing to redo)', () => {
    const rnd = random(11);
    const rows = Array.from({ length: 100 }, () => randomOrganization(rnd));
    const search = createQuickSearch(filterCatalog);
    const first = search(rows, { ...EMPTY_CATALOG_FILTER, query: 'asociati' });
    expect(first.length).toBeGreaterThan(0);
    expect(search(rows, { ...EMPTY_CATALOG_FILTER, query: 'asociatia' })).toBe(first);
    expect(search(rows, { ...EMPTY_CATALOG_FILTER, query: 'asociati' })).toBe(first); // erased, all rows searched, same hits
    expect(search(rows, { ...EMPTY_CATALOG_FILTER, query: 'asociatia cluj' })).not.toBe(first);
  });

  it('agrees with the plain register filter, the licence flags and the date included (random units)', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rnd = random(100 + seed);
      const units = Array.from({ length: 200 }, (_, i) => {
        const u: SocialServiceUnit = {
          ...emptyUnit(`o${i % 7}`), id: `u${seed}-${i}`, createdAt: '', updatedAt: '', version: 1,
          name: `${pick(rnd, ['Centrul', 'Casa', 'Locuința'])} ${pick(rnd, WORDS)}`, serviceCode: pick(rnd, ['8899 CPDH-I', '8790 CR-D-I', '8810 ID-I']),
          capacity: 10, licenceNumber: String(i), licenceIssueDate: '2024-01-01', licenceExpiryDate: `202${6 + Math.floor(rnd() * 3)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`,
        };
        return { ...u, searchText: unitSearchText(u, pick(rnd, WORDS)) };
      });
      type F = RegisterFilter & { today: string };
      const search = createQuickSearch((rows: readonly (typeof units)[number][], f: F) => filterRegister(rows, f, f.today));
      let filter: F = { ...EMPTY_REGISTER_FILTER, today: TODAY };
      for (let step = 0; step < 60; step++) {
        const query = randomQuery(rnd);
        filter = { ...filter, query: rnd() < 0.7 ? query : query.slice(0, -1) };
        if (rnd() < 0.1) filter = { ...filter, isExpiredOnly: !filter.isExpiredOnly };
        if (rnd() < 0.1) filter = { ...filter, today: rnd() < 0.5 ? TODAY : '2027-06-01' };
        expect(search(units, filter).map((u) => u.id)).toEqual(filterRegister(units, filter, filter.today).map((u) => u.id));
      }
    }
  });
});

describe('keepSameRows', () => {
  it('keeps the previous array while the rows and their order are the same', () => {
    const keep = keepSameRows<{ id: number }>();
    const a = { id: 1 };
    const b = { id: 2 };
    const first = keep([a, b]);
    expect(keep([a, b])).toBe(first);
    const swapped = keep([b, a]);
    expect(swapped).not.toBe(first);
    expect(swapped).toEqual([b, a]);
    expect(keep([b])).toEqual([b]);
  });
});

describe('the shared collator', () => {
  it('sorts random Romanian names as localeCompare(…, "ro") does', () => {
    const rnd = random(5);
    const rows = Array.from({ length: 500 }, () => ({ name: Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(rnd, WORDS)).join(' ') }));
    const plain = [...rows].sort((a, b) => a.name.localeCompare(b.name, 'ro'));
    expect(sortByText(rows, (r) => r.name)).toEqual(plain);
    expect(RO_COLLATOR.compare('Șansa', 'Sansa')).toBe(1);
  });

  it('sorts by several keys exactly as a collator sort of the rows in their order would, whatever their order by code units', () => {
    const rnd = random(11);
    // Names in upper and lower case, with and without diacritics, many equal: their order by code units is not the collator's.
    const word = () => {
      const w = pick(rnd, WORDS);
      return rnd() < 0.3 ? w.toLowerCase() : rnd() < 0.2 ? w.toUpperCase() : w;
    };
    const rows = Array.from({ length: 2000 }, (_, i) => ({ i, owner: Array.from({ length: 1 + Math.floor(rnd() * 2) }, word).join(' '), name: word() }));
    const expected = [...rows].sort((a, b) => RO_COLLATOR.compare(a.owner, b.owner) || RO_COLLATOR.compare(a.name, b.name) || a.i - b.i);
    expect(sortByText(rows, (r) => r.owner, (r) => r.name)).toEqual(expected);
    expect(sortByText([...rows].reverse(), (r) => r.owner, (r) => r.name).map((r) => `${r.owner}|${r.name}`)).toEqual(
      [...rows].reverse().sort((a, b) => RO_COLLATOR.compare(a.owner, b.owner) || RO_COLLATOR.compare(a.name, b.name) || b.i - a.i).map((r) => `${r.owner}|${r.name}`),
    );
  });
});
