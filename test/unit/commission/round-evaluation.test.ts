import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES } from '../../../src/commission/commission';
import { computeRoundResults, emptyRoundEvaluation, validateRoundEvaluation, type EvaluatedRequest, type TieDecision } from '../../../src/commission/round-evaluation';
import type { CommissionSession } from '../../../src/commission/session';
import { bani } from '../../../src/money';
import { commissionMembers, sheet, STAMP, testGrid } from './fixtures';

const members = commissionMembers().map((m) => (m.id === 'm3' ? { ...m, ngoLinks: [{ organizationId: 'org-b', kind: 'angajat' as const, note: '' }] } : m));
const present = (ids: string[]) => Object.fromEntries(ids.map((id) => [id, { isPresent: true }]));
const session = (attendance: string[]): CommissionSession => ({
  id: 'sesiune-1', ...STAMP, roundId: 'runda-2027', commissionId: 'comisia-34', kind: 'evaluare', date: '2026-10-20', time: '10:00', place: 'DASM',
  agenda: ['ra', 'rb'], attendance: present(attendance), status: 'desfasurata', notes: '',
});
const request = (id: string, organizationId: string, subsidy: number): EvaluatedRequest => ({
  id, organizationId, organizationName: `ONG ${organizationId}`, label: `${id}/2026`, registeredOn: '2026-09-20', sequence: 1, isEligible: true, eligibilityReasons: [], computedSubsidy: bani(subsidy),
});
// A: 25 + 8 + 8 + 30 = 71 from every member; B: 20 + 5 + 5 + 25 = 55, under the pass mark of 60.
const pointsA = { A: 25, B1: 8, B2: 8, C: 30 };
const pointsB = { A: 20, B1: 5, B2: 5, C: 25 };
const voters = ['m1', 'm2', 'm3', 'm4'];
const sheets = voters.flatMap((m) => [sheet(`${m}-a`, m, 'ra', pointsA), sheet(`${m}-b`, m, 'rb', pointsB)]);
const appeal = (decisionAct: string): Appeal => ({
  id: 'c1', ...STAMP, roundId: 'runda-2027', requestId: 'rb', organizationId: 'org-b', registration: { year: 2026, sequence: 1 }, notifiedOn: '2026-11-02', receivedOn: '2026-11-03',
  grounds: 'Punctaj greșit.', status: 'admisa', resolution: { sessionId: 'sesiune-2', decidedOn: '2026-11-10', decision: 'Se admite.', revisedScore: 62, revisedAmount: null, decisionAct },
});

function results(options: { attendance?: string[]; appeals?: Appeal[]; decisions?: Parameters<typeof computeRoundResults>[0]['decisions']; tieDecisions?: TieDecision[] } = {}) {
  return computeRoundResults({
    budget: bani(10_000_000),
    evaluation: { ...emptyRoundEvaluation('runda-2027', 'comisia-34', 'grila-test'), tieDecisions: options.tieDecisions ?? [] },
    commissionRules: DEFAULT_COMMISSION_RULES,
    grid: testGrid(),
    members,
    sessions: [session(options.attendance ?? ['m1', 'm2', 'm3', 'm4', 'sec'])],
    manualRecusals: [],
    requests: [request('ra', 'org-a', 3_000_000), request('rb', 'org-b', 2_000_000)],
    sheets,
    appeals: options.appeals ?? [],
    decisions: options.decisions,
  });
}
const rankingDecision = (isAdopted: boolean, sessionId = 'sesiune-1', kind = 'clasament_final', id = `d-${kind}-${String(isAdopted)}`) => ({
  id, kind, sessionId, outcome: { isAdopted, for: isAdopted ? 4 : 2, against: isAdopted ? 0 : 2, abstentions: 0, required: 3, sentence: '', recused: [] },
});

describe('round results', () => {
  it("leave out a recused member's sheet: the employee of the applicant does not count for its request", () => {
    const r = results();
    expect(r.recusals).toEqual([expect.objectContaining({ memberId: 'm3', requestId: 'rb', kind: 'automata' })]);
    expect(r.aggregation!.byRequest.get('rb')!.memberCount).toBe(3);
    expect(r.aggregation!.byRequest.get('ra')!.memberCount).toBe(4);
    expect(r.ranking.rows.map((row) => [row.requestId, row.status])).toEqual([['ra', 'finantata'], ['rb', 'sub_prag']]);
    expect(r.ranking.pendingIssues).toEqual([]);
  });

  it('change a score only through an admitted appeal with its recorded decision', () => {
    expect(results({ appeals: [appeal('')] }).ranking.rows.find((row) => row.requestId === 'rb')!.status).toBe('sub_prag');
    const after = results({ appeals: [appeal('PV nr. 2/10.11.2026')] });
    expect(after.appealChanges.get('rb')).toEqual({ revisedScore: 62, revisedAmount: null, decisionAct: 'PV nr. 2/10.11.2026' });
    const row = after.ranking.rows.find((r) => r.requestId === 'rb')!;
    expect([row.meanTotal, row.status, row.allocated]).toEqual([62, 'finantata', 2_000_000]);
  });

  it('cannot become final on a session without quorum: 3 of 6 voting members is not more than half', () => {
    const r = results({ attendance: ['m1', 'm2', 'm4', 'sec'] });
    expect(r.ranking.pendingIssues[0]).toMatch(/^ședința din 20\.10\.2026 nu poate adopta decizii \(Cvorumul nu este întrunit/);
  });

  it('cannot become final until the commission has adopted the final ranking by vote, when the decisions are recorded', () => {
    const issue = 'comisia nu a adoptat prin vot clasamentul final (consemnați votul în fila „Decizii și voturi”)';
    expect(results({ decisions: [] }).ranking.pendingIssues).toEqual([issue]);
    expect(results({ decisions: [rankingDecision(false)] }).ranking.pendingIssues).toEqual([issue]);
    // A vote recorded at another session (e.g. an appeals session) is not the evaluation's decision.
    expect(results({ decisions: [rankingDecision(true, 'sesiune-2')] }).ranking.pendingIssues).toEqual([issue]);
    expect(results({ decisions: [rankingDecision(false), rankingDecision(true)] }).ranking.pendingIssues).toEqual([]);
  });

  it('need the vote that adopted each tie order recorded by the commission', () => {
    const tie: TieDecision = { order: ['ra', 'rb'], sessionId: 'sesiune-1', note: 'Mai mulți beneficiari' };
    const issue = 'ordinea la egalitate a cererilor ra/2026, rb/2026 nu are votul comisiei consemnat';
    const ranked = rankingDecision(true);
    expect(results({ decisions: [ranked], tieDecisions: [tie] }).ranking.pendingIssues).toEqual([issue]);
    const tieVote = rankingDecision(true, 'sesiune-1', 'ordine_egalitate', 'd-tie');
    expect(results({ decisions: [ranked, tieVote], tieDecisions: [{ ...tie, decisionId: 'd-tie' }] }).ranking.pendingIssues).toEqual([]);
    const rejected = rankingDecision(false, 'sesiune-1', 'ordine_egalitate', 'd-tie');
    expect(results({ decisions: [ranked, rejected], tieDecisions: [{ ...tie, decisionId: 'd-tie' }] }).ranking.pendingIssues).toEqual([issue]);
    // Without recorded decisions (documents built outside the app), nothing is asked.
    expect(results({ tieDecisions: [tie] }).ranking.pendingIssues).toEqual([]);
  });

  it('need a new vote when the ranking changed after the final ranking was adopted, but not because of an admitted appeal', () => {
    const voted = results().rankingKeyBeforeAppeals!;
    const adoptedOn = (key: string) => ({ ...rankingDecision(true), rankingKey: key });
    expect(results({ decisions: [adoptedOn(voted)] }).ranking.pendingIssues).toEqual([]);
    // Fewer members scored since the vote: the means and the ranking differ.
    const otherKey = voted.replace('rb:-:sub_prag:0', 'rb:2:finantata:2000000');
    expect(results({ decisions: [adoptedOn(otherKey)] }).ranking.pendingIssues).toEqual([
      'clasamentul s-a modificat după votul comisiei asupra clasamentului final: supuneți-l din nou votului (fila „Decizii și voturi”)',
    ]);
    // An admitted appeal changes the ranking by its own decision; the evaluation's vote still stands.
    const afterAppeal = results({ decisions: [adoptedOn(voted)], appeals: [appeal('PV nr. 2/10.11.2026')] });
    expect(afterAppeal.ranking.rows.find((r) => r.requestId === 'rb')!.status).toBe('finantata');
    expect(afterAppeal.ranking.pendingIssues).toEqual([]);
  });

  it('validate the round settings: commission, grid and appeal terms', () => {
    const { errors } = validateRoundEvaluation({ ...emptyRoundEvaluation('runda-2027'), appealRules: { appealDays: 0, appealDayKind: 'lucratoare', resolutionDays: 5, resolutionDayKind: 'lucratoare' } });
    expect(errors.commissionId).toMatch(/comisia/);
    expect(errors.gridId).toMatch(/grila/);
    expect(errors.appealRules).toMatch(/între 1 și 60/);
  });
});
