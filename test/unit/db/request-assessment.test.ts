import { afterEach, describe, expect, it, vi } from 'vitest';
import { assessRequest, assessRequests } from '../../../renderer/services/request-assessment';
import { bani } from '../../../src/money';
import { DOSSIER_ITEMS } from '../../../src/requests/dossier';
import { emptyFundingRound, type AssessmentDateBasis } from '../../../src/rounds/funding-round';
import type { Month } from '../../../src/requests/subsidy-request';
import { freshStore, orgDraft, unitDraft } from './helpers';

const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

async function setUp(options: { basis?: AssessmentDateBasis; certificateValidUntil?: string; unit?: Parameters<typeof unitDraft>[1]; category?: string } = {}) {
  const store = await freshStore();
  const org = await store.organizations.create(orgDraft({ accreditationNumber: '005798', accreditationDate: '2015-03-10' }));
  const unit = await store.units.create(unitDraft(org.id, options.unit));
  const round = await store.rounds.create({
    ...emptyFundingRound(2027), budget: bani(100_000_000), submissionStart: '01.08.2026', submissionEnd: '30.09.2026', ...(options.basis ? { assessmentDateBasis: options.basis } : {}),
  });
  const category = options.category ?? 'centre_de_zi';
  await store.parameters.save({ key: `hcl788.nivel_mediu_lunar.${category}`, validFrom: '01.01.2027', value: '650,00', source: { act: 'HCL 1/2026' } });
  await store.parameters.save({ key: 'hcl788.cheltuieli_eligibile', validFrom: '01.01.2027', value: ['personal'], listLabels: { personal: 'Cheltuieli de personal' }, source: { act: 'HCL 1/2026' } });
  const request = await store.requests.register({
    roundId: round.id, organizationId: org.id, registeredOn: '25.09.2026', year: 2027, status: 'inregistrata', notes: '',
    units: [{ unitId: unit.id, serviceCategory: category, beneficiariesPerMonth: 25, months: ALL_YEAR, budgetByCategory: { personal: bani(30_000_000) }, ownContribution: bani(100_000), otherFunding: bani(0) }],
    dossier: DOSSIER_ITEMS.map((item) => ({
      code: item.code, unitId: item.isPerUnit ? unit.id : undefined, status: 'primit' as const,
      validUntil: item.hasValidity ? (item.isPerUnit ? '2029-01-14' : (options.certificateValidUntil ?? '2026-12-31')) : undefined,
    })),
  });
  return { store, round, request };
}

afterEach(() => vi.useRealTimers());

describe('assessing a request on its legal date (HG 1153/2001 art. 4)', () => {
  it('gives the same verdict and amount today and a year later: a tax certificate valid at the deadline does not "expire" afterwards', async () => {
    const { store, request } = await setUp();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-15T10:00:00Z'));
    const now = await assessRequest(store, request);
    vi.setSystemTime(new Date('2027-10-15T10:00:00Z'));
    const inAYear = await assessRequest(store, request);
    expect(now.verdict.isEligible).toBe(true);
    // Before the fix the certificate (valid until 31.12.2026) was judged on the day of the call.
    expect(inAYear.verdict).toEqual(now.verdict);
    expect(inAYear.computation).toEqual(now.computation);
    expect(now.computation.ok && now.computation.total).toBe(19_500_000);
  });

  it('judges on the registration date where the round says so', async () => {
    // The certificate runs out on 27.09.2026: valid at registration (25.09), expired at the deadline (30.09).
    const byDeadline = await setUp({ certificateValidUntil: '2026-09-27' });
    expect((await assessRequest(byDeadline.store, byDeadline.request)).verdict.isEligible).toBe(false);
    const byRegistration = await setUp({ certificateValidUntil: '2026-09-27', basis: 'data_inregistrarii' });
    expect((await assessRequest(byRegistration.store, byRegistration.request)).verdict.isEligible).toBe(true);
  });

  it('treats a round stored without the field as judged on the deadline', async () => {
    const { store, round, request } = await setUp({ certificateValidUntil: '2026-09-27' });
    const { assessmentDateBasis: _dropped, ...old } = (await store.db.rounds.get(round.id))!;
    await store.db.rounds.put(old);
    expect((await assessRequest(store, request)).verdict.isEligible).toBe(false);
  });

  it('caps a residential unit at its licensed capacity, from the unit record', async () => {
    const { store, request } = await setUp({ unit: { name: 'Centrul rezidențial „Casa Noastră”', serviceCode: '8790 CR-D-I', capacity: 20, capacityUnit: 'locuri' }, category: 'centre_rezidentiale' });
    const [assessment] = await assessRequests(store, [request]);
    // 650 lei × 20 (not 25) × 12 = 156.000 lei.
    expect(assessment?.computation.ok && assessment.computation.total).toBe(15_600_000);
  });
});

// Issue 10: a round's assessment reads the units its requests name by id, in one bulk read, not
// every unit of every NGO; a unit is still looked for among the request's own NGO's units only.
describe("assessing a round's requests together", () => {
  it('reads the named units by id and gives each request the verdict it gets alone', async () => {
    const { store, round, request } = await setUp();
    const other = await store.organizations.create(orgDraft({ name: 'Asociația Alta', cui: '13548146' }));
    const foreignUnit = await store.units.create(unitDraft(other.id, { name: 'Centrul altui ONG' }));
    // A request of the first NGO naming the other NGO's unit (stored as older data could hold it; the
    // form refuses it): that unit is not one of its NGO's, so it counts as missing.
    const misfiled = {
      ...request, id: 'cerere-alt-onG', roundId: round.id, registration: { ...request.registration, sequence: request.registration.sequence + 1 },
      units: request.units.map((l) => ({ ...l, unitId: foreignUnit.id })),
      dossier: request.dossier.map((d) => (d.unitId ? { ...d, unitId: foreignUnit.id } : d)),
    };
    await store.db.requests.put(misfiled);
    const perNgo = vi.spyOn(store.units, 'listByOrganizations');
    const byId = vi.spyOn(store.units, 'getMany');
    const together = await assessRequests(store, [request, misfiled]);
    expect(perNgo).not.toHaveBeenCalled();
    expect(byId).toHaveBeenCalledTimes(1);
    expect(together[0]).toEqual(await assessRequest(store, request));
    expect(together[1]).toEqual(await assessRequest(store, misfiled));
    expect(together[1]!.verdict.isEligible).toBe(false);
    expect(together[1]!.verdict.reasons.find((r) => r.code === 'unitate_licentiata')?.text).toBe('Unitatea din cerere nu mai există în registru.');
  });
});
