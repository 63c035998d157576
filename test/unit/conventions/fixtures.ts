import type { ResultsSnapshot } from '../../../src/commission/results-snapshot';
import type { AllocationStatus } from '../../../src/commission/ranking';
import { conventionFromAward, type Convention } from '../../../src/conventions/convention';
import { bani, type Bani } from '../../../src/money';
import type { SubsidyRules } from '../../../src/requests/subsidy-computation';
import type { Month, SubsidyRequest } from '../../../src/requests/subsidy-request';
import { valid } from '../../../src/validation/result';
import { organization, unit } from '../templates/fixtures';

// Test levels: HG 578/2022's 600 lei for services without accommodation stands in for the local
// HCL level (the Cluj-Napoca values are "de completat"); the eligible list is the shipped one's start.
export const LEVEL = bani(60_000);
export const rules: Pick<SubsidyRules, 'monthlyLevel' | 'eligibleExpenseCategories'> = {
  monthlyLevel: () => valid({ amount: LEVEL, source: 'HCL 788/2022 (valoare de test)' }),
  eligibleExpenseCategories: () => valid({ codes: ['personal', 'hrana', 'utilitati'], source: 'HCL 788/2022, categorii de cheltuieli' }),
};

export const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
export const org = organization(1);
export const unit1 = unit(1, org.id, { name: 'Centrul de zi Speranța', licenceIssueDate: '2024-01-10', licenceExpiryDate: '2029-01-09' });
export const unit2 = unit(2, org.id, { name: 'Cantina socială Sf. Ioan', licenceIssueDate: '2024-01-10', licenceExpiryDate: '2029-01-09' });

export interface AwardUnit {
  unitId: string;
  months: Month[];
  amount: number;
  beneficiaries: number;
  budget: Record<string, number>;
}

export function request(units: AwardUnit[]): SubsidyRequest {
  return {
    id: 'req1', createdAt: '', updatedAt: '', version: 1, roundId: 'round2025', organizationId: org.id,
    registration: { year: 2024, sequence: 1 }, registeredOn: '2024-09-20', year: 2025, status: 'inregistrata', notes: '', dossier: [],
    units: units.map((u) => ({
      unitId: u.unitId, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: u.beneficiaries, months: u.months,
      budgetByCategory: Object.fromEntries(Object.entries(u.budget).map(([k, v]) => [k, bani(v)])), ownContribution: bani(0), otherFunding: bani(0),
    })),
  };
}

export function snapshot(units: AwardUnit[], allocated: number, status: AllocationStatus = 'finantata'): ResultsSnapshot {
  const total = units.reduce((s, u) => s + u.amount, 0);
  return {
    id: 'snap1', createdAt: '', updatedAt: '', version: 1, roundId: 'round2025', sequence: 1, takenAt: '2024-12-01T10:00:00Z', takenBy: 'secretar',
    cause: 'rezultate_finale', budget: bani(allocated), gridFingerprint: 'g',
    content: {
      requests: [{
        id: 'req1', organizationId: org.id, organizationName: org.name, label: '1/2024', registeredOn: '2024-09-20', sequence: 1, isEligible: true,
        eligibilityReasons: [], computedSubsidy: total as Bani,
        verdict: { isEligible: true } as never,
        computation: { ok: true, total: total as Bani, units: units.map((u) => ({ unitId: u.unitId, months: u.months, amount: u.amount as Bani, steps: [] })) },
      }],
      results: { ranking: { rows: [{ requestId: 'req1', label: '1/2024', position: 1, rank: 1, tieGroup: null, tieFlag: null, meanTotal: 80, computedSubsidy: total, allocated, status, reasons: [] }] } },
      rules: {} as never, gridMinTotal: null, tieDecisions: [], legalValues: [], appliedAppeals: [],
    },
  };
}

/** 25 beneficiaries × 600 lei × 12 months = 180.000 lei; requested 150.000 lei personnel + 40.000 lei food. */
export const FULL_YEAR_UNIT: AwardUnit = { unitId: unit1.id, months: ALL_YEAR, amount: 18_000_000, beneficiaries: 25, budget: { personal: 15_000_000, hrana: 4_000_000, investitii: 1_000_000 } };

export function convention(units: AwardUnit[] = [FULL_YEAR_UNIT], allocated?: number, extra: { firstMonth?: Month } = {}): Convention {
  const total = units.reduce((s, u) => s + u.amount, 0);
  const result = conventionFromAward({
    snapshot: snapshot(units, allocated ?? total, allocated !== undefined && allocated < total ? 'finantata_partial' : 'finantata'),
    request: request(units), organization: org, units: [unit1, unit2],
    councilDecision: { number: '818/2024', date: '2024-12-19' }, number: '12', date: '2025-01-15', financialOfficer: 'Maria Pop', rules, ...extra,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { ...result.value, id: 'conv1', createdAt: '', updatedAt: '', version: 1 };
}
