// Eligibility and subsidy for a whole round: 2,000 requests × 12 months, with every reason and
// every computation step explained, against a plain loop doing the same arithmetic bare.
import { it } from 'vitest';
import { bani, type Bani } from '../src/money';
import { DOSSIER_ITEMS } from '../src/requests/dossier';
import { assessEligibility } from '../src/requests/eligibility';
import { computeRequestSubsidy, type SubsidyRules } from '../src/requests/subsidy-computation';
import type { Month, SubsidyRequest } from '../src/requests/subsidy-request';
import { valid } from '../src/validation/result';
import { organization, unit } from '../test/unit/templates/fixtures';
import { fastest, printRatio } from './report';

const REQUESTS = 2_000;
const ALL_YEAR: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const LEVEL = 60_000;
const SHARE_BP = 9_000;

const rules: SubsidyRules = {
  monthlyLevel: () => valid({ amount: bani(LEVEL), source: 'bench' }),
  eligibleExpenseCategories: () => valid({ codes: ['personal', 'hrana'], source: 'bench' }),
  maxShareOfCosts: () => valid({ basisPoints: SHARE_BP, source: 'bench' }),
  upkeepCostCeiling: () => valid(null),
};

it(`eligibility and subsidy for ${REQUESTS} requests × 12 months`, async () => {
  const orgs = Array.from({ length: REQUESTS }, (_, i) => organization(i + 1));
  const units = orgs.map((o, i) => unit(i + 1, o.id, { licenceExpiryDate: i % 7 === 0 ? '2027-06-30' : '2029-01-14' }));
  const requests: SubsidyRequest[] = orgs.map((o, i) => ({
    id: `r${i}`, createdAt: '', updatedAt: '', version: 1, roundId: 'round', organizationId: o.id, registration: { year: 2026, sequence: i + 1 },
    registeredOn: '2026-09-20', year: 2027, status: 'inregistrata', notes: '',
    units: [{ unitId: units[i]!.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 10 + (i % 40), months: ALL_YEAR,
      budgetByCategory: { personal: bani(10_000_000 + i * 1000), hrana: bani(3_000_000) }, ownContribution: bani(1_000_000), otherFunding: bani(0) }],
    dossier: DOSSIER_ITEMS.map((item) => ({ code: item.code, unitId: item.isPerUnit ? units[i]!.id : undefined, status: 'primit' as const })),
  }));

  let explainedTotal = 0;
  const oursMs = await fastest(() => {
    explainedTotal = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const request = requests[i]!;
      const verdict = assessEligibility(request, {
        organization: orgs[i]!, units: [units[i]!], otherRequests: [], isCategorySubsidised: () => true, municipality: 'Cluj-Napoca', date: '2026-09-30',
      });
      const result = computeRequestSubsidy(request.units.map((l) => ({ ...l, serviceCode: units[i]!.serviceCode })), verdict.eligibleMonthsByUnit, 2027, rules);
      if (result.ok) explainedTotal += result.total;
    }
  });

  let unexplainedTotal = 0;
  const unexplainedMs = await fastest(() => {
    unexplainedTotal = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const request = requests[i]!;
      const verdict = assessEligibility(request, {
        organization: orgs[i]!, units: [units[i]!], otherRequests: [], isCategorySubsidised: () => true, municipality: 'Cluj-Napoca', date: '2026-09-30',
      });
      const result = computeRequestSubsidy(request.units.map((l) => ({ ...l, serviceCode: units[i]!.serviceCode })), verdict.eligibleMonthsByUnit, 2027, rules, { isExplained: false });
      if (result.ok) unexplainedTotal += result.total;
    }
  });
  console.log(`  same pipeline without computation steps: ${unexplainedMs.toFixed(2)} ms (${(unexplainedMs / REQUESTS * 1000).toFixed(1)} µs per request); explained: ${(oursMs / REQUESTS * 1000).toFixed(1)} µs per request`);

  // The bare arithmetic: licensed months, then min(level × beneficiaries × months, requested, share), floored to lei.
  let bareTotal = 0;
  const bareMs = await fastest(() => {
    bareTotal = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const line = requests[i]!.units[0]!;
      const u = units[i]!;
      let months = 0;
      for (let m = 1; m <= 12; m++) {
        const start = `2027-${String(m).padStart(2, '0')}-01`;
        const end = `2027-${String(m).padStart(2, '0')}-${new Date(Date.UTC(2027, m, 0)).getUTCDate()}`;
        if (u.licenceIssueDate! <= start && end <= u.licenceExpiryDate!) months++;
      }
      const requested = Math.floor(((line.budgetByCategory['personal'] as Bani) + (line.budgetByCategory['hrana'] as Bani)) * months / 12);
      const costs = Math.floor((13_000_000 + i * 1000 + 1_000_000) * months / 12);
      const amount = Math.min(LEVEL * line.beneficiariesPerMonth * months, requested, Math.floor((costs * SHARE_BP) / 10_000));
      bareTotal += Math.floor(amount / 100) * 100;
    }
  });
  if (explainedTotal !== bareTotal || unexplainedTotal !== bareTotal) throw new Error(`totals differ: ${explainedTotal} vs ${bareTotal}`);
  printRatio(
    `Rundă: eligibilitate și subvenție, ${REQUESTS} cereri × 12 luni (total ${(explainedTotal / 100).toLocaleString('ro-RO')} lei)`,
    { label: 'ours: every reason and step explained (whole round)', ms: oursMs },
    { label: 'bare: the same arithmetic in a plain loop', ms: bareMs },
    'explanations under 3×, full round under 1 s',
  );
});
