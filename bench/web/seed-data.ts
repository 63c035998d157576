// The data of the browser benchmarks, as the text of a backup file: N NGOs (the demo generator's,
// with distinct CUIs) and their units (about 1.5 per NGO); optionally a round of R requests and a
// commission round of C requests scored by 7 members on a 10-criterion grid. Loaded by seed.ts
// through Vite's module runner (src/ imports JSON data, which Playwright's loader does not).
import { BACKUP_TABLES, SCHEMA_VERSION } from '../../renderer/db/database';
import { createBackup, serializeBackup, type BackupRow } from '../../src/backup/backup-file';
import { organizationSearchText, type Organization } from '../../src/catalog/organization';
import { DEFAULT_APPEAL_RULES } from '../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, type Commission } from '../../src/commission/commission';
import type { CommissionMember } from '../../src/commission/members';
import type { RoundEvaluation } from '../../src/commission/round-evaluation';
import { UNLOCKED } from '../../src/commission/round-lock';
import { gridFingerprint } from '../../src/commission/scoring-grid';
import type { ScoreSheet } from '../../src/commission/scores';
import type { CommissionSession } from '../../src/commission/session';
import { generateDemoData } from '../../src/demo/demo-data';
import { bani } from '../../src/money';
import { unitSearchText, type SocialServiceUnit } from '../../src/register/unit';
import { DOSSIER_ITEMS, type DossierEntry } from '../../src/requests/dossier';
import type { Month, SubsidyRequest } from '../../src/requests/subsidy-request';
import type { FundingRound } from '../../src/rounds/funding-round';
import { benchGrid, CRITERIA } from '../commission-round';
import { makeCui } from '../report';

export interface SeedSize {
  organizations: number;
  /** Exactly this many units (the generator's first ones); about 1.5 per NGO when not given. */
  units?: number;
  /** Requests of the round "Runda benchmark cereri" (0: no such round). */
  roundRequests?: number;
  /** Requests of the commission's round "Runda benchmark comisie", scored by 7 members. */
  commissionRequests?: number;
  /** A third round, "Runda benchmark fără cereri", with no requests (a round more to go between). */
  emptyRound?: boolean;
}

import { COMMISSION_ROUND, EMPTY_ROUND, REQUESTS_ROUND } from './seed-names';
const TODAY = '2026-11-23';
const STAMP = { createdAt: '2026-10-01T08:00:00.000Z', updatedAt: '2026-10-01T08:00:00.000Z', version: 1 };
const ALL_MONTHS: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function catalog(count: number, unitCount?: number): { organizations: Organization[]; units: SocialServiceUnit[] } {
  const organizations: Organization[] = [];
  const units: SocialServiceUnit[] = [];
  for (let seed = 1; organizations.length < count; seed++) {
    const demo = generateDemoData({ today: TODAY, seed });
    const kept = new Set<string>();
    for (const org of demo.organizations) {
      if (organizations.length >= count) break;
      organizations.push({ ...org, cui: makeCui(organizations.length) });
      kept.add(org.id);
    }
    units.push(...demo.units.filter((u) => kept.has(u.organizationId)));
  }
  if (unitCount === undefined) return { organizations, units };
  if (units.length < unitCount) throw new Error(`the generator made ${units.length} units for ${count} NGOs, fewer than the ${unitCount} asked`);
  return { organizations, units: units.slice(0, unitCount) };
}

function round(id: string, name: string): FundingRound {
  return {
    id, ...STAMP, law: 'legea_34_1998', year: 2027, name, budget: bani(350_000_000),
    submissionStart: '2026-09-01', submissionEnd: '2026-09-30', legalBasis: 'HCL 500/2026 (benchmark)', status: 'in_evaluare', maxShareBasisPoints: null, maxShareSource: '', notes: '',
  };
}

function dossier(unitId: string): DossierEntry[] {
  return DOSSIER_ITEMS.flatMap((item) => (item.isPerUnit ? [unitId] : [undefined]).map((u) => ({
    code: item.code, unitId: u, status: 'primit' as const, receivedOn: '2026-09-10', validUntil: item.hasValidity ? '2028-12-31' : undefined,
  })));
}

function requestsFor(roundId: string, units: readonly SocialServiceUnit[], firstSequence: number): SubsidyRequest[] {
  return units.map((unit, i) => {
    const beneficiaries = 10 + (i % 30);
    return {
      id: `${roundId}-cerere-${i + 1}`, ...STAMP, roundId, organizationId: unit.organizationId,
      registration: { year: 2026, sequence: firstSequence + i }, registeredOn: `2026-09-${String(1 + (i % 29)).padStart(2, '0')}`,
      year: 2027, status: 'inregistrata', notes: '',
      units: [{ unitId: unit.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: beneficiaries, months: ALL_MONTHS,
        budgetByCategory: { personal: bani(beneficiaries * 600_000), hrana: bani(beneficiaries * 150_000) }, ownContribution: bani(beneficiaries * 100_000), otherFunding: bani(0) }],
      dossier: dossier(unit.id),
    };
  });
}

function commissionRound(requests: readonly SubsidyRequest[]) {
  const roundId = requests[0]!.roundId;
  const grid = { ...benchGrid(), ...STAMP };
  const fingerprint = gridFingerprint(grid);
  const commission: Commission = { id: 'comisia-bench', ...STAMP, name: 'Comisia de evaluare și selecționare (benchmark)', law: 'legea_34_1998', legalBasis: 'HCL 632/2016', rules: { ...DEFAULT_COMMISSION_RULES, discrepancyMargin: 4 }, notes: '' };
  const recusedOrgs = requests.filter((_, i) => i % 25 === 3).map((r) => r.organizationId);
  const names = ['Ana Pop', 'Bogdan Rus', 'Cristina Mureșan', 'Dan Ilieș', 'Elena Țurcanu', 'Florin Șerban', 'Gelu Bârsan', 'Ioana Secretar'];
  const members: CommissionMember[] = names.map((name, i) => ({
    id: `m${i + 1}`, ...STAMP, commissionId: commission.id, name, role: i === 0 ? 'presedinte' : i === 7 ? 'secretar' : 'membru', institution: 'Consiliul Local Cluj-Napoca', isSubstitute: false,
    appointmentAct: 'Dispoziția nr. 1', appointmentDate: '2026-01-10', periodFrom: '2026-01-15', notes: '',
    ngoLinks: i === 1 ? recusedOrgs.map((organizationId) => ({ organizationId, kind: 'membru_consiliu' as const, note: '' })) : [],
  }));
  const voting = members.filter((m) => m.role !== 'secretar');
  const session: CommissionSession = {
    id: 'sesiune-bench', ...STAMP, roundId, commissionId: commission.id, kind: 'evaluare', date: '2026-11-25', time: '10:00', place: 'Sala de ședințe',
    agenda: requests.map((r) => r.id), attendance: Object.fromEntries(members.map((m) => [m.id, { isPresent: true }])), status: 'incheiata', notes: '',
  };
  const recused = new Set(recusedOrgs);
  const sheets: ScoreSheet[] = requests.flatMap((request, i) =>
    voting.flatMap((m, j) => {
      if (j === 1 && recused.has(request.organizationId)) return [];
      const points: Record<string, number> = {};
      for (let c = 0; c < CRITERIA; c++) points[`C${c + 1}`] = 2 + ((i * 7 + c * 3 + j * (c === 4 ? 5 : 1)) % 9);
      return [{ id: `${request.id}-${m.id}`, ...STAMP, sessionId: session.id, roundId, memberId: m.id, requestId: request.id, gridId: grid.id,
        gridFingerprint: fingerprint, points, comment: '', source: 'ecran' as const, state: 'trimisa' as const, submittedAt: STAMP.updatedAt, reopenings: [] }];
    }),
  );
  const evaluation: RoundEvaluation = {
    id: 'evaluare-bench', ...STAMP, roundId, commissionId: commission.id, gridId: grid.id, ruleOverrides: { allocation: { allowPartialLast: true, skipToNextThatFits: false } },
    appealRules: { ...DEFAULT_APPEAL_RULES }, tieDecisions: [], notifiedOn: '2026-11-27', decisionAct: '', lock: UNLOCKED, notes: '',
  };
  return { commissions: [commission], commissionMembers: members, scoringGrids: [grid], commissionSessions: [session], scoreSheets: sheets, roundEvaluations: [evaluation] };
}

const rows = (items: readonly object[]) => items as unknown as BackupRow[];

/** The backup file's text for a size. */
export async function seedBackupText(size: SeedSize): Promise<string> {
  const { organizations, units } = catalog(size.organizations, size.units);
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  // One unit per requesting NGO: the round's requests first, then the commission's.
  const firstUnits: SocialServiceUnit[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.organizationId)) continue;
    seen.add(u.organizationId);
    firstUnits.push(u);
  }
  const roundCount = size.roundRequests ?? 0;
  const commissionCount = size.commissionRequests ?? 0;
  if (firstUnits.length < roundCount + commissionCount) throw new Error('not enough NGOs with units for the requests');
  const rounds: FundingRound[] = [];
  const requests: SubsidyRequest[] = [];
  let commission = {};
  if (roundCount > 0) {
    rounds.push(round('runda-bench-cereri', REQUESTS_ROUND));
    requests.push(...requestsFor('runda-bench-cereri', firstUnits.slice(0, roundCount), 1));
  }
  if (commissionCount > 0) {
    rounds.push(round('runda-bench-comisie', COMMISSION_ROUND));
    const list = requestsFor('runda-bench-comisie', firstUnits.slice(roundCount, roundCount + commissionCount), roundCount + 1);
    requests.push(...list);
    commission = commissionRound(list);
  }
  if (size.emptyRound) rounds.push(round('runda-bench-goala', EMPTY_ROUND));
  const tables: Record<string, BackupRow[]> = {
    organizations: rows(organizations.map((o) => ({ ...o, searchText: organizationSearchText(o) }))),
    units: rows(units.map((u) => ({ ...u, searchText: unitSearchText(u, names.get(u.organizationId) ?? '') }))),
    rounds: rows(rounds),
    requests: rows(requests),
    ...Object.fromEntries(Object.entries(commission).map(([t, list]) => [t, rows(list as object[])])),
  };
  // A backup names every table of its schema, empty or not (a missing table is refused).
  for (const name of BACKUP_TABLES) tables[name] ??= [];
  const file = await createBackup({ schemaVersion: SCHEMA_VERSION, appVersion: 'benchmark', tables, createdAt: '2026-11-23T08:00:00.000Z' });
  return serializeBackup(file);
}
