// A large round for the commission benchmark: 300 requests, 7 voting members and a secretary,
// a 10-criterion grid, every member scoring every request except where recused (one member is
// linked to every 25th NGO). Points vary so that ties, discrepancies and requests below the
// threshold all occur; the budget funds about half of the requests.
import { DEFAULT_APPEAL_RULES } from '../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, type Commission } from '../src/commission/commission';
import type { CommissionMember } from '../src/commission/members';
import { computeRoundResults, type RoundEvaluation } from '../src/commission/round-evaluation';
import { UNLOCKED } from '../src/commission/round-lock';
import { gridFingerprint, type GridLike } from '../src/commission/scoring-grid';
import type { ScoreSheet } from '../src/commission/scores';
import type { CommissionSession } from '../src/commission/session';
import type { ResultRequest, RoundResultsContext } from '../src/documents/round-results-context';
import { bani } from '../src/money';
import type { FundingRound } from '../src/rounds/funding-round';
import { institution, organization } from '../test/unit/templates/fixtures';

export const REQUESTS = 300;
export const MEMBERS = 7;
export const CRITERIA = 10;

const STAMP = { createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z', version: 1 };

export function benchGrid(): GridLike {
  return {
    id: 'grila-bench', name: 'Grilă de 10 criterii (bench)', law: 'legea_34_1998', source: 'Grilă inventată pentru benchmark', references: [], notes: '', minTotal: 50,
    criteria: Array.from({ length: CRITERIA }, (_, i) => ({ code: `C${i + 1}`, title: `Criteriul ${i + 1}`, guidance: '', maxPoints: 10, ...(i === 0 ? { minPoints: 3 } : {}) })),
  };
}

function benchMembers(recusedOrgIds: string[]): CommissionMember[] {
  const base = (id: string, name: string, role: CommissionMember['role']): CommissionMember => ({
    id, ...STAMP, commissionId: 'comisia-bench', name, role, institution: 'Consiliul Local Cluj-Napoca', isSubstitute: false,
    appointmentAct: 'Dispoziția nr. 1', appointmentDate: '2026-01-10', periodFrom: '2026-01-15', ngoLinks: [], notes: '',
  });
  const names = ['Ana Pop', 'Bogdan Rus', 'Cristina Mureșan', 'Dan Ilieș', 'Elena Țurcanu', 'Florin Șerban', 'Gelu Bârsan'];
  const members = names.map((name, i) => base(`m${i + 1}`, name, i === 0 ? 'presedinte' : 'membru'));
  members[1]!.ngoLinks = recusedOrgIds.map((organizationId) => ({ organizationId, kind: 'membru_consiliu' as const, note: '' }));
  return [...members, base('sec', 'Ioana Secretar', 'secretar')];
}

/** The bench round's records and its results, computed by computeRoundResults. */
export function benchRound(): { ctx: RoundResultsContext; sheets: ScoreSheet[]; compute: () => RoundResultsContext['results'] } {
  const grid = benchGrid();
  const fingerprint = gridFingerprint(grid);
  const orgs = Array.from({ length: REQUESTS }, (_, i) => organization(i + 1, { representativeRole: 'Președinte', locality: 'Cluj-Napoca', county: 'Cluj' }));
  const requests: ResultRequest[] = orgs.map((org, i) => ({
    id: `r${i + 1}`, organizationId: org.id, organizationName: org.name, organization: org, label: `${i + 1}/2026`,
    registeredOn: `2026-09-${String(1 + (i % 29)).padStart(2, '0')}`, sequence: i + 1,
    isEligible: i % 17 !== 0, eligibilityReasons: i % 17 !== 0 ? [] : ['Certificatul de atestare fiscală lipsește din dosar.', 'Licența de funcționare a expirat.'],
    computedSubsidy: i % 17 !== 0 ? bani(1_500_000 + (i % 11) * 250_000) : null,
    unitLines: [{ unitName: `Centrul de zi nr. ${i + 1}`, serviceLabel: 'Centre de zi pentru copii (8891 CZ-C-IV)', beneficiariesPerMonth: 15 + (i % 30), months: 'ianuarie–decembrie' }],
  }));
  const recusedOrgIds = orgs.filter((_, i) => i % 25 === 3).map((o) => o.id);
  const members = benchMembers(recusedOrgIds);
  const voting = members.filter((m) => m.role !== 'secretar');
  const attendance = Object.fromEntries(members.map((m) => [m.id, { isPresent: true }]));
  const sessions: CommissionSession[] = [
    { id: 'sesiune-bench', ...STAMP, roundId: 'runda-bench', commissionId: 'comisia-bench', kind: 'evaluare', date: '2026-11-25', time: '10:00', place: 'Sala de ședințe', agenda: requests.map((r) => r.id), attendance, status: 'incheiata', notes: '' },
  ];
  const recused = new Set(recusedOrgIds);
  const sheets: ScoreSheet[] = [];
  requests.forEach((request, i) => {
    if (!request.isEligible) return;
    voting.forEach((m, j) => {
      if (j === 1 && recused.has(request.organizationId)) return;
      const points: Record<string, number> = {};
      // Deterministic points 2…10: requests differ, members differ a little, some criteria disagree a lot.
      for (let c = 0; c < CRITERIA; c++) points[`C${c + 1}`] = 2 + ((i * 7 + c * 3 + j * (c === 4 ? 5 : 1)) % 9);
      sheets.push({
        id: `${request.id}-${m.id}`, ...STAMP, sessionId: 'sesiune-bench', roundId: 'runda-bench', memberId: m.id, requestId: request.id, gridId: grid.id,
        gridFingerprint: fingerprint, points, comment: '', source: 'ecran', state: 'trimisa', submittedAt: STAMP.updatedAt, reopenings: [],
      });
    });
  });
  const commission: Commission = { id: 'comisia-bench', ...STAMP, name: 'Comisia de evaluare și selecționare (Legea 34/1998)', law: 'legea_34_1998', legalBasis: 'HCL 632/2016', rules: { ...DEFAULT_COMMISSION_RULES, discrepancyMargin: 4 }, notes: '' };
  const round: FundingRound = {
    id: 'runda-bench', ...STAMP, law: 'legea_34_1998', year: 2027, name: 'Subvenții Legea 34/1998 pentru anul 2027', budget: bani(350_000_000),
    submissionStart: '2026-09-01', submissionEnd: '2026-09-30', legalBasis: 'HCL 500/2026', status: 'in_evaluare', maxShareBasisPoints: null, maxShareSource: '', notes: '',
  };
  const evaluation: RoundEvaluation = {
    id: 'evaluare-bench', ...STAMP, roundId: round.id, commissionId: commission.id, gridId: grid.id, ruleOverrides: { allocation: { allowPartialLast: true, skipToNextThatFits: false } },
    appealRules: { ...DEFAULT_APPEAL_RULES }, tieDecisions: [], notifiedOn: '2026-11-27', decisionAct: '', lock: UNLOCKED, notes: '',
  };
  const compute = () =>
    computeRoundResults({ budget: round.budget, evaluation, commissionRules: commission.rules, grid, members, sessions, manualRecusals: [], requests, sheets, appeals: [] });
  const results = compute();
  return {
    ctx: { institution: institution({ headOfInstitution: 'Maria Pop' }), round, commission, members, sessions, grid, requests, results, appeals: [], evaluation, date: '2026-11-27' },
    sheets,
    compute,
  };
}
