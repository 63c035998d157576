import { describe, expect, it } from 'vitest';
import { buildSearchIndex, resultCountText, searchAll, type SearchSources } from '../../../src/search/global-search';

const EMPTY: SearchSources = { organizations: [], units: [], requests: [], rounds: [], conventions: [], visits: [], documents: [] };

const SOURCES: SearchSources = {
  ...EMPTY,
  organizations: [
    { id: 'o1', name: 'Asociația Șansa Vieții', cui: '12345678', locality: 'Cluj-Napoca' },
    { id: 'o2', name: 'Fundația Sfânta Maria', cui: '87654321' },
    { id: 'o3', name: 'Asociația Pentru Șansă', cui: '11112222' },
    { id: 'o4', name: 'Șansa', cui: '33334444' },
    { id: 'o5', name: 'Șansa Nouă', cui: '55556666' },
  ],
  units: [{ id: 'u1', organizationId: 'o2', name: 'Centrul de zi „Ciocârlia”', serviceCode: '8891 CZ-C-II', licenceNumber: '0010073' }],
  requests: [{ id: 'q1', roundId: 'r1', organizationId: 'o1', registration: { year: 2026, sequence: 12 } }],
  rounds: [{ id: 'r1', name: 'Runda 2026 — Legea 34/1998', year: 2026 }],
  conventions: [{ id: 'c1', number: '7', year: 2026, provider: { name: 'Fundația Sfânta Maria' } }],
  visits: [{ id: 'v1', unitId: 'u1', conventionId: 'c1', plannedDate: '2026-03-15' }],
  documents: [
    { id: 'd1', number: '301', year: 2026, title: 'Raport de vizită', visitId: 'v1' },
    { id: 'd2', number: '302', year: 2026, title: 'Comunicarea rezultatelor', roundId: 'r1', organizationId: 'o1' },
    { id: 'd3', number: '303', year: 2026, title: 'Adresă' },
  ],
};

const index = buildSearchIndex(SOURCES);
const ids = (query: string, perGroup?: number) => searchAll(index, query, perGroup).flatMap((g) => g.hits.map((h) => h.id));

describe('searchAll', () => {
  it('finds NGOs by a name typed without diacritics, in any case', () => {
    expect(ids('SANSA VIETII')).toEqual(['o1', 'q1']); // the NGO and its request
    expect(ids('sfanta')).toEqual(['o2', 'u1', 'c1', 'v1']); // the NGO, its unit, convention and visit
  });

  it('ranks the exact title first, then titles starting with the query, then a word starting with it', () => {
    const ong = searchAll(index, 'sansa').find((g) => g.kind === 'ong')!;
    // "Asociația Pentru Șansă" sorts before "Asociația Șansa Vieții" (P before Ș), both rank 2.
    expect(ong.hits.map((h) => h.id)).toEqual(['o4', 'o5', 'o3', 'o1']);
    expect(ong.total).toBe(4);
  });

  it('finds by numbers: CUI, licence, registration number, convention number/year, document number', () => {
    expect(ids('87654321')).toEqual(['o2']);
    expect(ids('0010073')).toEqual(['u1']);
    expect(ids('12/2026')).toEqual(['q1']);
    expect(ids('7/2026')).toEqual(['c1']);
    expect(ids('302')).toEqual(['d2']);
    expect(ids('cz-c')).toEqual(['u1']);
  });

  it('finds a request by its NGO, a round by its year and a visit by its date', () => {
    expect(searchAll(index, 'sansa vietii').map((g) => g.kind)).toEqual(['ong', 'cerere']);
    expect(ids('cererea asociatia')).toEqual(['q1']);
    expect(ids('runda 2026')).toEqual(['r1']);
    expect(ids('15.03.2026')).toEqual(['v1']);
  });

  it('groups hits by kind in a fixed order, each capped, with the total of its matches', () => {
    const many = buildSearchIndex({ ...EMPTY, organizations: Array.from({ length: 30 }, (_, i) => ({ id: `o${i}`, name: `Asociația ${String(i).padStart(2, '0')}`, cui: String(i) })) });
    const [group] = searchAll(many, 'asociatia', 5);
    expect(group!.total).toBe(30);
    expect(group!.hits.map((h) => h.title)).toEqual(['Asociația 00', 'Asociația 01', 'Asociația 02', 'Asociația 03', 'Asociația 04']);
    expect(searchAll(index, 'fundatia').map((g) => g.kind)).toEqual(['ong', 'unitate', 'conventie', 'vizita']);
  });

  it('opens each kind at its address, documents at their subject', () => {
    const target = (q: string) => searchAll(index, q)[0]!.hits[0]!.target;
    expect(target('87654321')).toEqual({ route: 'catalog', record: 'o2' });
    expect(target('12/2026')).toEqual({ route: 'cereri', record: 'q1' });
    expect(target('runda 2026')).toEqual({ route: 'comisie', record: 'r1' });
    expect(target('301')).toEqual({ route: 'monitorizare', record: 'v1' });
    expect(target('302')).toEqual({ route: 'comisie', record: 'r1', tab: 'documente' });
    expect(target('303')).toEqual({ route: 'documente' });
  });

  it('finds nothing for an empty query or one matching nothing', () => {
    expect(searchAll(index, '   ')).toEqual([]);
    expect(searchAll(index, 'zzz')).toEqual([]);
  });
});

describe('resultCountText', () => {
  const groups = (total: number) => [{ kind: 'ong' as const, label: '', total, hits: [] }];
  it('counts in Romanian', () => {
    expect(resultCountText([])).toBe('Niciun rezultat');
    expect(resultCountText(groups(1))).toBe('1 rezultat');
    expect(resultCountText(groups(3))).toBe('3 rezultate');
    expect(resultCountText(groups(25))).toBe('25 de rezultate');
    expect(resultCountText(groups(20000))).toBe('20.000 de rezultate');
  });
});
