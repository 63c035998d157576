import { describe, expect, it } from 'vitest';
import { formatAddress, parseAddress, sameAddress, tabIndex, tabSlug } from '../../../src/navigation/address';
import { MONITORING_TABS, monitoringView } from '../../../src/navigation/monitoring-address';

const ROUTES = ['acasa', 'cereri', 'comisie', 'catalog'];
const parse = (hash: string) => parseAddress(hash, ROUTES, 'acasa');

describe('parseAddress', () => {
  it('reads the route, the record and the tab', () => {
    expect(parse('#/comisie/r-1/punctaj')).toEqual({ route: 'comisie', record: 'r-1', tab: 'punctaj' });
    expect(parse('#/comisie/r-1')).toEqual({ route: 'comisie', record: 'r-1' });
    expect(parse('#/comisie')).toEqual({ route: 'comisie' });
  });

  it('accepts the hash without its "#/" and with a trailing slash', () => {
    expect(parse('cereri/x')).toEqual({ route: 'cereri', record: 'x' });
    expect(parse('#cereri')).toEqual({ route: 'cereri' });
    expect(parse('#/cereri/')).toEqual({ route: 'cereri' });
    expect(parse('#/cereri/x/')).toEqual({ route: 'cereri', record: 'x' });
  });

  it('falls back to the default screen, with no record, for an unknown or missing route', () => {
    expect(parse('')).toEqual({ route: 'acasa' });
    expect(parse('#/')).toEqual({ route: 'acasa' });
    expect(parse('#/nuexista/r-1/punctaj')).toEqual({ route: 'acasa' });
  });

  it('decodes escaped ids and ignores a malformed escape', () => {
    expect(parse('#/catalog/a%2Fb%20c')).toEqual({ route: 'catalog', record: 'a/b c' });
    expect(parse('#/catalog/%E0%A4%A')).toEqual({ route: 'catalog' });
  });

  it('drops a query string', () => {
    expect(parse('#/comisie/r-1/punctaj?x=1')).toEqual({ route: 'comisie', record: 'r-1', tab: 'punctaj' });
  });
});

describe('formatAddress', () => {
  it('writes what parseAddress reads', () => {
    for (const address of [{ route: 'comisie' }, { route: 'comisie', record: 'r-1' }, { route: 'comisie', record: 'a/b c', tab: 'punctaj' }]) {
      expect(parse(formatAddress(address))).toEqual(address);
    }
    expect(formatAddress({ route: 'comisie', record: 'r-1', tab: 'punctaj' })).toBe('#/comisie/r-1/punctaj');
  });

  it('writes no tab without a record', () => {
    expect(formatAddress({ route: 'comisie', tab: 'punctaj' })).toBe('#/comisie');
  });

  it('compares addresses by what they name', () => {
    expect(sameAddress({ route: 'cereri', record: 'x', tab: undefined }, { route: 'cereri', record: 'x' })).toBe(true);
    expect(sameAddress({ route: 'cereri', record: 'x' }, { route: 'cereri', record: 'y' })).toBe(false);
  });
});

describe('tab slugs', () => {
  const slugs = ['sedinte', 'punctaj', 'clasament'];
  it('maps a slug to its index and back, unknown or missing to the first tab', () => {
    expect(tabIndex(slugs, 'punctaj')).toBe(1);
    expect(tabIndex(slugs, 'altceva')).toBe(0);
    expect(tabIndex(slugs, undefined)).toBe(0);
    expect(tabSlug(slugs, 2)).toBe('clasament');
  });
});

describe('the monitoring screen\'s address', () => {
  const routes = ['acasa', 'monitorizare'];
  it('names its tabs by Romanian slugs without diacritics, in the order of the tabs', () => {
    expect(MONITORING_TABS).toEqual(['plan', 'vizite', 'constatari', 'suspendari', 'liste']);
    for (const slug of MONITORING_TABS) expect(slug).toMatch(/^[a-z]+$/);
  });

  it('reads a tab, a visit (on the visits tab) or nothing (the plan) from the record\'s place', () => {
    expect(monitoringView(parseAddress('#/monitorizare/suspendari', routes, 'acasa').record)).toEqual({ tab: 'suspendari' });
    expect(monitoringView(parseAddress('#/monitorizare', routes, 'acasa').record)).toEqual({ tab: 'plan' });
    const id = '0190a1b2-c3d4-7000-8abc-def012345678';
    expect(monitoringView(parseAddress(`#/monitorizare/${id}`, routes, 'acasa').record)).toEqual({ tab: 'vizite', visitId: id });
    expect(formatAddress({ route: 'monitorizare', record: 'constatari' })).toBe('#/monitorizare/constatari');
  });
});
