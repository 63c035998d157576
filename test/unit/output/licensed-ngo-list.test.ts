import { describe, expect, it } from 'vitest';
import { buildLicensedNgoList, LICENSED_NGO_LIST_TITLE } from '../../../src/documents/licensed-ngo-list';
import { NOMENCLATURE } from '../../../src/register/nomenclature';
import { institution, organization, TODAY, unit } from './fixtures';

describe('the list of licensed NGOs operating in Cluj-Napoca', () => {
  const sfantul = organization(1, { name: 'Fundația Sfântul Ioan' });
  const sansa = organization(2, { name: 'Asociația Șansa' });
  const suspended = organization(3, { name: 'Asociația Suspendată', status: 'suspendat' });
  const elsewhere = organization(4, { name: 'Asociația din Florești' });
  const expiredOnly = organization(5, { name: 'Asociația cu licență expirată' });
  const units = [
    unit(1, sfantul.id, { name: 'Cantina socială', serviceCode: '8899 CPDH-I', capacity: 100, capacityUnit: 'beneficiari_luna' }),
    unit(2, sfantul.id, { name: 'Adăpost de noapte', serviceCode: '8790 CR-PFA-I', capacity: 30 }),
    unit(3, sansa.id, { capacity: 25, licenceExpiryDate: TODAY }),
    unit(4, suspended.id),
    unit(5, elsewhere.id, { locality: 'Florești' }),
    unit(6, expiredOnly.id, { licenceExpiryDate: '2026-11-22' }),
    unit(7, sansa.id, { name: 'Unitate închisă', status: 'inchisa' }),
  ];
  const list = buildLicensedNgoList({ organizations: [sfantul, sansa, suspended, elsewhere, expiredOnly], units, nomenclature: NOMENCLATURE, institution: institution(), date: TODAY });

  it('keeps only active NGOs with an active unit in the city licensed on the day (expiry day included)', () => {
    expect(list.rows.map((r) => [r.number, r.organizationName, r.unitName])).toEqual([
      [1, 'Asociația Șansa', 'Centrul de zi nr. 3'],
      [2, 'Fundația Sfântul Ioan', 'Adăpost de noapte'],
      [2, 'Fundația Sfântul Ioan', 'Cantina socială'],
    ]);
    expect(list.rows.map((r) => r.isFirstOfOrganization)).toEqual([true, true, false]);
  });

  it('names the service from the nomenclature, formats dates and counts the totals', () => {
    const canteen = list.rows.find((r) => r.unitName === 'Cantina socială');
    expect(canteen).toMatchObject({ serviceCode: '8899 CPDH-I', serviceName: 'Cantină socială', capacity: '100 beneficiari/lună', licenceExpiryDate: '14.01.2029', licenceType: 'Licență de funcționare' });
    expect(canteen?.accreditation).toBe('seria AF nr. 005001 din 01.06.2015');
    expect(list.totals).toEqual({ organizations: 2, units: 3, capacity: 155 });
    expect(list.title).toBe(LICENSED_NGO_LIST_TITLE);
    expect(list.subtitle).toBe('actualizată la 23.11.2026');
  });

  it('carries the institution header and the signatures from Settings', () => {
    expect(list.header.lines).toEqual(['MUNICIPIUL CLUJ-NAPOCA', 'Direcția de Asistență Socială și Medicală Cluj-Napoca', 'Serviciul Protecție Socială']);
    expect(list.header.contactLine).toContain('CUI 4305857');
    expect(list.signatures.map((s) => s.name)).toEqual(['Maria Pop', 'Ioana Rus', 'Andrei Șerban']);
  });
});
