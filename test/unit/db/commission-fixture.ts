// The small commission round both the commission and the decisions storage tests start from: two
// NGOs with one unit each and a request each for 2027; a commission of a president, two members
// (Ion Rus founded the second NGO) and a secretary; a two-criterion grid; the round's evaluation.
import { emptyCommission } from '../../../src/commission/commission';
import { emptyCommissionMember } from '../../../src/commission/members';
import { emptyRoundEvaluation } from '../../../src/commission/round-evaluation';
import { emptyScoringGrid } from '../../../src/commission/scoring-grid';
import { bani } from '../../../src/money';
import type { Month } from '../../../src/requests/subsidy-request';
import { emptyFundingRound } from '../../../src/rounds/funding-round';
import { freshStore, orgDraft, unitDraft } from './helpers';

export async function commissionRoundFixture() {
  const store = await freshStore();
  await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), userName: 'Andrei Șerban' });
  const orgA = await store.organizations.create(orgDraft());
  const orgB = await store.organizations.create(orgDraft({ name: 'Fundația Casa Luminii', cui: '13548146' }));
  const unitA = await store.units.create(unitDraft(orgA.id));
  const unitB = await store.units.create(unitDraft(orgB.id, { name: 'Cantina socială', licenceNumber: '2' }));
  const round = await store.rounds.create({ ...emptyFundingRound(2027), budget: bani(100_000_000), submissionStart: '01.08.2026', submissionEnd: '30.09.2026' });
  const request = (organizationId: string, unitId: string) =>
    store.requests.register({
      roundId: round.id, organizationId, registeredOn: '25.09.2026', year: 2027, status: 'inregistrata', notes: '', dossier: [],
      units: [{ unitId, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: [1, 2] as Month[], budgetByCategory: { personal: bani(3_000_000) }, ownContribution: bani(0), otherFunding: bani(0) }],
    });
  const requestA = await request(orgA.id, unitA.id);
  const requestB = await request(orgB.id, unitB.id);
  const commission = await store.commissions.create({ ...emptyCommission(), legalBasis: 'HCL 632/2016' });
  const member = (name: string, role: 'presedinte' | 'membru' | 'secretar', links: { organizationId: string; kind: 'fondator' }[] = []) =>
    store.members.create({ ...emptyCommissionMember(commission.id), name, role, institution: 'DASM Cluj-Napoca', appointmentAct: 'Dispoziția Primarului nr. 1/2026', appointmentDate: '05.01.2026', periodFrom: '05.01.2026', ngoLinks: links.map((l) => ({ ...l, note: '' })) });
  const president = await member('Maria Pop', 'presedinte');
  const founder = await member('Ion Rus', 'membru', [{ organizationId: orgB.id, kind: 'fondator' }]);
  const third = await member('Ana Mureșan', 'membru');
  const secretary = await member('Andrei Șerban', 'secretar');
  const grid = await store.grids.create({
    ...emptyScoringGrid(), name: 'Grila 2027', source: 'HCL (test) anexa 2', minTotal: 50,
    criteria: [{ code: 'C1', title: 'Calitatea serviciilor', guidance: '', maxPoints: 50 }, { code: 'C2', title: 'Sustenabilitate', guidance: '', maxPoints: 50 }],
  });
  const evaluation = await store.evaluations.create(emptyRoundEvaluation(round.id, commission.id, grid.id));
  return { store, orgA, orgB, unitA, unitB, round, requestA, requestB, commission, president, founder, third, secretary, grid, evaluation };
}
