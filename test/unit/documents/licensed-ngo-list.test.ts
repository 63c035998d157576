import { describe, expect, it } from 'vitest';
import { buildLicensedNgoList, countPhrase, LICENSED_NGO_LIST_TITLE } from '../../../src/documents/licensed-ngo-list';
import { CANTEEN, institution, NOMENCLATURE, organization, TODAY, unit } from '../templates/fixtures';

const build = (organizations: Parameters<typeof buildLicensedNgoList>[0]['organizations'], units: Parameters<typeof buildLicensedNgoList>[0]['units'], locality?: string) =>
  buildLicensedNgoList({ organizations, units, nomenclature: NOMENCLATURE, institution: institution(), date: TODAY, locality });

describe('buildLicensedNgoList: who is on the list', () => {
  const sfantul = organization(1, { name: 'Fundația Sfântul Ioan' });
  const sansa = organization(2, { name: 'Asociația Șansa' });
  const suspended = organization(3, { name: 'Asociația Suspendată', status: 'suspendat' });
  const struckOff = organization(4, { name: 'Asociația Radiată', status: 'radiat' });
  const elsewhere = organization(5, { name: 'Asociația din Florești' });
  const expiredOnly = organization(6, { name: 'Asociația cu licență expirată' });
  const notYet = organization(7, { name: 'Asociația cu licență viitoare' });
  const unlicensed = organization(8, { name: 'Asociația fără licență' });
  const closedOnly = organization(9, { name: 'Asociația cu unitate închisă' });
  const noUnits = organization(10, { name: 'Asociația fără unități' });
  const organizations = [sfantul, sansa, suspended, struckOff, elsewhere, expiredOnly, notYet, unlicensed, closedOnly, noUnits];
  const units = [
    unit(1, sfantul.id, { name: 'Cantina socială', serviceCode: CANTEEN, capacity: 100, capacityUnit: 'beneficiari_luna' }),
    unit(2, sfantul.id, { name: 'Adăpost de noapte', serviceCode: '8790 CR-PFA-I', capacity: 30 }),
    // Valid on the day it expires and on the day it was issued.
    unit(3, sansa.id, { capacity: 25, licenceExpiryDate: TODAY }),
    unit(4, sansa.id, { name: 'Centrul nou', capacity: 10, licenceIssueDate: TODAY, locality: 'CLUJ-NAPOCA' }),
    unit(5, sansa.id, { name: 'Unitate închisă', status: 'inchisa' }),
    unit(6, sansa.id, { name: 'Unitate suspendată', status: 'suspendata' }),
    unit(7, sansa.id, { name: 'Unitate cu licență expirată', licenceExpiryDate: '2026-11-22' }),
    unit(8, suspended.id),
    unit(9, struckOff.id),
    unit(10, elsewhere.id, { locality: 'Florești' }),
    unit(11, expiredOnly.id, { licenceExpiryDate: '2026-11-22' }),
    unit(12, notYet.id, { licenceIssueDate: '2026-11-24' }),
    unit(13, unlicensed.id, { licenceNumber: '', licenceIssueDate: undefined, licenceExpiryDate: undefined }),
    unit(14, closedOnly.id, { status: 'inchisa' }),
    unit(15, 'org-missing'),
  ];
  const list = build(organizations, units);

  it('keeps active NGOs with an active unit in Cluj-Napoca licensed on the day (issue and expiry days included)', () => {
    expect(list.rows.map((r) => [r.number, r.organizationName, r.unitName])).toEqual([
      [1, 'Asociația Șansa', 'Centrul de zi nr. 3'],
      [1, 'Asociația Șansa', 'Centrul nou'],
      [2, 'Fundația Sfântul Ioan', 'Adăpost de noapte'],
      [2, 'Fundația Sfântul Ioan', 'Cantina socială'],
    ]);
    expect(list.rows.map((r) => [r.isFirstOfOrganization, r.organizationRowCount])).toEqual([[true, 2], [false, 2], [true, 2], [false, 2]]);
  });

  it('compares the locality without case or diacritics', () => {
    const florestiList = build(organizations, units, 'Floresti');
    expect(florestiList.rows.map((r) => r.organizationName)).toEqual(['Asociația din Florești']);
    expect(florestiList.title).toBe('Lista ONG-urilor licențiate care funcționează în municipiul Floresti');
  });

  it('fills each row: CUI, certificate, address, service from the nomenclature, capacity, licence', () => {
    const canteen = list.rows.find((r) => r.unitName === 'Cantina socială');
    expect(canteen).toEqual({
      number: 2,
      isFirstOfOrganization: false,
      organizationRowCount: 2,
      organizationName: 'Fundația Sfântul Ioan',
      cui: sfantul.cui,
      accreditation: 'seria AF nr. 005001 din 01.06.2015',
      unitName: 'Cantina socială',
      unitAddress: 'str. Horea nr. 1, Cluj-Napoca',
      serviceCode: CANTEEN,
      serviceName: 'Cantină socială',
      capacity: '100 beneficiari/lună',
      capacityValue: 100,
      capacityUnit: 'beneficiari/lună',
      licenceType: 'Licență de funcționare',
      licenceNumber: '0010001',
      licenceIssueDate: '15.01.2024',
      licenceExpiryDate: '14.01.2029',
      licenceIssuedOn: '2024-01-15',
      licenceExpiresOn: '2029-01-14',
    });
  });

  it('counts NGOs, units and capacity, each measure apart', () => {
    expect(list.totals).toEqual({ organizations: 2, units: 4, capacity: 165 });
    expect(list.capacityByUnit).toEqual([
      { unit: 'locuri', capacity: 65 },
      { unit: 'beneficiari/lună', capacity: 100 },
    ]);
    expect(list.totalsLine).toBe('Total: 2 ONG-uri, 4 unități licențiate, capacitate totală 65 de locuri și 100 de beneficiari/lună.');
  });

  it('carries the title, the date, the institution header and the signatures', () => {
    expect(list.title).toBe(LICENSED_NGO_LIST_TITLE);
    expect(list.title).toBe('Lista ONG-urilor licențiate care funcționează în municipiul Cluj-Napoca');
    expect(list.subtitle).toBe('actualizată la 23.11.2026');
    expect(list.date).toBe(TODAY);
    expect(list.header.lines).toEqual(['MUNICIPIUL CLUJ-NAPOCA', 'Direcția de Asistență Socială și Medicală Cluj-Napoca', 'Serviciul Protecție Socială']);
    expect(list.signatures).toEqual([
      { role: 'Aprobat', title: 'Director executiv', name: 'Maria Pop' },
      { role: 'Avizat', title: 'Șef serviciu', name: 'Ioana Rus' },
      { role: 'Întocmit', title: 'Secretarul comisiei', name: 'Andrei Șerban' },
    ]);
  });
});

describe('buildLicensedNgoList: order and numbering', () => {
  it('sorts NGOs in Romanian order (Ș after S, Ț after T, numbers as numbers) and units by name', () => {
    const names = ['Asociația Test 10', 'Fundația Țara', 'Asociația Șansa', 'Asociația Sfântul Nicolae', 'Asociația Test 2', 'Asociația Tânără', 'asociația mică', 'Asociația Ăla'];
    const orgs = names.map((name, i) => organization(i + 1, { name }));
    const units = orgs.flatMap((o, i) => [unit(3 * i + 1, o.id, { name: 'Centrul nr. 10' }), unit(3 * i + 2, o.id, { name: 'Centrul nr. 9' }), unit(3 * i + 3, o.id, { name: 'Adăpost' })]);
    const list = build(orgs, units);
    const order = [...new Set(list.rows.map((r) => r.organizationName))];
    expect(order).toEqual([
      'Asociația Ăla', 'asociația mică', 'Asociația Sfântul Nicolae', 'Asociația Șansa', 'Asociația Tânără', 'Asociația Test 2', 'Asociația Test 10', 'Fundația Țara',
    ]);
    expect(order.indexOf('Asociația Șansa')).toBeGreaterThan(order.indexOf('Asociația Sfântul Nicolae'));
    expect(list.rows.slice(0, 3).map((r) => r.unitName)).toEqual(['Adăpost', 'Centrul nr. 9', 'Centrul nr. 10']);
    // One number per NGO, 1..n without gaps; the units of an NGO share it.
    expect([...new Set(list.rows.map((r) => r.number))]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list.rows.filter((r) => r.isFirstOfOrganization).map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(list.totals).toMatchObject({ organizations: 8, units: 24 });
  });

  it('is deterministic: the same list whatever the input order, inputs left as they were', () => {
    const orgs = [organization(1, { name: 'Asociația Aceeași' }), organization(2, { name: 'Asociația Aceeași' }), organization(3, { name: 'Fundația Bună' })];
    const units = [unit(1, 'org-1', { name: 'Centru' }), unit(2, 'org-2', { name: 'Centru' }), unit(3, 'org-3', { name: 'Centru' }), unit(4, 'org-3', { name: 'Centru' })];
    const frozen = JSON.stringify([orgs, units]);
    const forward = build(orgs, units);
    const backward = build([...orgs].reverse(), [...units].reverse());
    expect(backward).toEqual(forward);
    expect(JSON.stringify([orgs, units])).toBe(frozen);
    expect(forward.rows.map((r) => r.cui)).toEqual([orgs[0]!.cui, orgs[1]!.cui, orgs[2]!.cui, orgs[2]!.cui]);
  });

  it('leaves the certificate empty for an NGO without one and says so when nobody qualifies', () => {
    const org = organization(1, { accreditationSeries: '', accreditationNumber: '', accreditationDate: undefined });
    expect(build([org], [unit(1, org.id)]).rows[0]!.accreditation).toBe('');
    const empty = build([org], []);
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toEqual({ organizations: 0, units: 0, capacity: 0 });
    expect(empty.totalsLine).toBe('Total: 0 ONG-uri, 0 unități licențiate.');
    expect(empty.emptyText).toBe('La data de 23.11.2026 nu există ONG-uri cu unități de asistență socială licențiate în municipiul Cluj-Napoca.');
  });

  it('writes counts the Romanian way', () => {
    expect(countPhrase(1, 'ONG', 'ONG-uri')).toBe('1 ONG');
    expect(countPhrase(1, 'unitate licențiată', 'unități licențiate')).toBe('1 unitate licențiată');
    expect(countPhrase(19, 'ONG', 'ONG-uri')).toBe('19 ONG-uri');
    expect(countPhrase(20, 'ONG', 'ONG-uri')).toBe('20 de ONG-uri');
    expect(countPhrase(101, 'loc', 'locuri')).toBe('101 locuri');
    expect(countPhrase(120, 'loc', 'locuri')).toBe('120 de locuri');
    expect(countPhrase(2500, 'loc', 'locuri')).toBe('2.500 de locuri');
    const one = organization(1);
    expect(build([one], [unit(1, one.id, { capacity: 1 })]).totalsLine).toBe('Total: 1 ONG, 1 unitate licențiată, capacitate totală 1 loc.');
  });
});
