// A round with frozen results and one funded request, stored through the repositories, from which
// conventions are made (the conventions, settlements and finance storage tests start here). The
// snapshot is written as the lock writes it; its content is the minimum conventionFromAward reads.
import type { AllocationStatus } from '../../../src/commission/ranking';
import type { SnapshotContent } from '../../../src/commission/results-snapshot';
import { conventionFromAward, type ConventionDraft } from '../../../src/conventions/convention';
import { bani, type Bani } from '../../../src/money';
import type { Month } from '../../../src/requests/subsidy-request';
import { emptyRoundEvaluation } from '../../../src/commission/round-evaluation';
import { stamp } from '../../../src/entity';
import { MONTHLY_LEVEL_PREFIX } from '../../../src/requests/parameter-rules';
import { emptyFundingRound } from '../../../src/rounds/funding-round';
import { ibanWithCheckDigits } from '../../../src/validation/iban';
import { addSnapshot } from '../../../renderer/db/repositories/snapshots';
import { rules } from '../conventions/fixtures';
import { freshStore, orgDraft, unitDraft } from './helpers';

export const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** 25 beneficiaries × 600 lei × 12 months. */
export const AWARDED = 18_000_000;

export async function frozenAwardFixture(options: { allocated?: number; status?: AllocationStatus } = {}) {
  const store = await freshStore();
  await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), userName: 'Andrei Șerban' });
  const org = await store.organizations.create(orgDraft({
    iban: ibanWithCheckDigits('BTRL', '0000000000000001'), bankName: 'Banca Transilvania', representativeName: 'Ion Popescu', representativeRole: 'Președinte',
  }));
  const unit = await store.units.create(unitDraft(org.id));
  const round = await store.rounds.create({ ...emptyFundingRound(2027), budget: bani(100_000_000), submissionStart: '01.08.2026', submissionEnd: '30.09.2026' });
  const request = await store.requests.register({
    roundId: round.id, organizationId: org.id, registeredOn: '25.09.2026', year: 2027, status: 'inregistrata', notes: '', dossier: [],
    units: [{ unitId: unit.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: ALL_YEAR, budgetByCategory: { personal: bani(15_000_000), hrana: bani(4_000_000) }, ownContribution: bani(0), otherFunding: bani(0) }],
  });
  const allocated = options.allocated ?? AWARDED;
  const content: SnapshotContent = {
    requests: [{
      id: request.id, organizationId: org.id, organizationName: org.name, label: '1/2026', registeredOn: request.registeredOn, sequence: 1, isEligible: true,
      eligibilityReasons: [], computedSubsidy: AWARDED as Bani, verdict: { isEligible: true } as never,
      computation: { ok: true, total: AWARDED as Bani, units: [{ unitId: unit.id, months: ALL_YEAR, amount: AWARDED as Bani, steps: [] }] },
    }],
    results: { ranking: { rows: [{ requestId: request.id, label: '1/2026', position: 1, rank: 1, tieGroup: null, tieFlag: null, meanTotal: 80, computedSubsidy: AWARDED, allocated, status: options.status ?? 'finantata', reasons: [] }] } },
    rules: {} as never, gridMinTotal: null, tieDecisions: [], legalValues: [], appliedAppeals: [],
  };
  const db = store.db;
  const snapshot = await db.transaction('rw', [db.resultSnapshots, db.rounds, db.audit, db.settings], () =>
    addSnapshot(db, { roundId: round.id, takenBy: 'Andrei Șerban', cause: 'rezultate_finale', budget: round.budget, gridFingerprint: 'g', content }));

  /** The convention draft as the service makes it from the frozen award. */
  function draft(overrides: { number?: string; date?: string; firstMonth?: Month } = {}): ConventionDraft {
    const result = conventionFromAward({
      snapshot, request, organization: org, units: [unit],
      councilDecision: { number: '818/2026', date: '2026-12-17' }, number: overrides.number ?? '12', date: overrides.date ?? '2027-01-15',
      financialOfficer: 'Maria Pop', rules, firstMonth: overrides.firstMonth,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.value;
  }
  /**
   * Locks the round's results as the commission's lock does (the evaluation written directly: the
   * commission itself is not what these tests are about) and records the level and the eligible
   * expenses in force for 2027, so that the conventions service can read the award.
   */
  async function lockRoundAndSetParameters(level = '650,00'): Promise<void> {
    await db.roundEvaluations.add(stamp({ ...emptyRoundEvaluation(round.id, 'commission', 'grid'), lock: { isLocked: true, lockedAt: '2026-12-01T10:00:00Z', lockedBy: 'Andrei Șerban', reopenings: [] } }));
    await store.parameters.save({ key: `${MONTHLY_LEVEL_PREFIX}centre_de_zi`, validFrom: '01.01.2027', value: level, source: { act: 'HCL 903/2026' } });
    await store.parameters.save({ key: 'hcl788.cheltuieli_eligibile', validFrom: '01.01.2027', value: ['personal', 'hrana'], listLabels: { personal: 'Cheltuieli de personal', hrana: 'Hrană' }, source: { act: 'HCL 903/2026' } });
  }
  return { store, org, unit, round, request, snapshot, draft, lockRoundAndSetParameters };
}
