// The demonstration's finished year, brought about by the same services and repositories the
// screens call, in the order the office works: the commission's session with attendance and signed
// declarations, the score sheets, the vote on the final ranking, the results declared final (the
// snapshot built by src/commission), the notifications issued; then the conventions concluded from
// the frozen awards with their budget commitment and CFP visa, issued; then the monthly settlements
// submitted, verified, approved and paid through the payments import. Every step is validated and
// audited by its own repository, in its own transaction, exactly as when a user does it.
import { findRecusals } from '../../src/commission/conflicts';
import { emptyScoreSheet, type ScoreSheetInput } from '../../src/commission/scores';
import { emptyCommissionDecision } from '../../src/commission/decisions';
import { emptyCommissionSession } from '../../src/commission/session';
import { demoMonthlyClaim, type DemoYearScript } from '../../src/demo/demo-year';
import { DomainError } from '../../src/errors';
import { formatLei } from '../../src/money';
import type { ExpenseLine } from '../../src/settlements/monthly-settlement';
import type { PaymentRow } from '../../src/settlements/payment-matching';
import { formatRoDate, type IsoDate } from '../../src/validation/dates';
import { sha256OfBytes } from '../db/repositories/issued-documents';
import type { Store } from '../db/store';
import { awardsOfYear, conventionDetail, createConvention, emptyConventionForm, recordCommitment, commitmentFormOf } from './conventions';
import { issueResultNotifications } from './commission-documents';
import { conventionToIssue } from './finance-documents';
import { issueDocument } from './issued-documents';
import { declareResultsFinal, loadRoundEvaluation } from './round-evaluation';

export interface DemoYearCounts {
  sessions: number;
  declarations: number;
  scoreSheets: number;
  decisions: number;
  resultSnapshots: number;
  issuedDocuments: number;
  conventions: number;
  settlements: number;
  payments: number;
  /** Why the year was not made (the base set is loaded all the same). */
  skipped?: string;
}

const ro = (date: IsoDate) => formatRoDate(date);

/** Plays the script for the round `roundId` (its requests, commission, grid and evaluation already stored). */
export async function completeDemoYear(store: Store, roundId: string, script: DemoYearScript): Promise<DemoYearCounts> {
  const counts: DemoYearCounts = { sessions: 0, declarations: 0, scoreSheets: 0, decisions: 0, resultSnapshots: 0, issuedDocuments: 0, conventions: 0, settlements: 0, payments: 0 };
  const evaluation = await store.evaluations.getByRound(roundId);
  if (!evaluation) throw new DomainError('Runda demonstrativă nu are evaluare.');
  const [members, requests, grid] = await Promise.all([
    store.members.listByCommission(evaluation.commissionId), store.requests.listByRound(roundId), store.grids.resolve(evaluation.gridId),
  ]);
  if (!grid) throw new DomainError('Grila rundei demonstrative lipsește.');
  const ordered = [...requests].sort((a, b) => a.registration.sequence - b.registration.sequence);
  const voters = members.filter((m) => m.role !== 'secretar' && !m.isSubstitute);

  // Without a level for every month of the year (a value the user entered replaced the demo's), nothing of the year is made.
  const probe = await loadRoundEvaluation(store, roundId);
  const missing = probe?.requests.find((r) => r.computedSubsidy === null);
  if (!probe || missing) return { ...counts, skipped: `subvenția cererii ${missing?.label ?? ''} nu se poate calcula (${missing?.subsidyProblem ?? 'runda lipsește'})` };

  // 1. The evaluation session: the titular members present, their declarations signed that day.
  const session = await store.sessions.create({
    ...emptyCommissionSession(roundId, evaluation.commissionId),
    date: ro(script.session.date), time: script.session.time, place: script.session.place, status: 'incheiata', agenda: ordered.map((r) => r.id),
    attendance: Object.fromEntries(members.filter((m) => !m.isSubstitute).map((m) => [m.id, { isPresent: true }])),
  });
  counts.sessions += 1;
  for (const member of voters) {
    await store.declarations.setSigned(session.id, member.id, ro(script.session.date));
    counts.declarations += 1;
  }

  // 2. The score sheets of the members who may score (recusals as the rules find them), in one import-like transaction.
  // The recusals as the score sheets' repository finds them (an NGO link of a member), from the agenda.
  const recused = new Set(findRecusals(session.agenda, members, probe.requests).map((r) => `${r.memberId}|${r.requestId}`));
  const sheets: ScoreSheetInput[] = [];
  for (const member of voters) {
    const points = script.scores[member.name] ?? [];
    for (const [i, request] of ordered.entries()) {
      const row = points[i];
      if (!row || recused.has(`${member.id}|${request.id}`)) continue;
      sheets.push({
        ...emptyScoreSheet({ sessionId: session.id, roundId, memberId: member.id, requestId: request.id }, grid),
        points: Object.fromEntries(grid.criteria.map((c, k) => [c.code, row[k] ?? 0])),
        state: 'trimisa',
      });
    }
  }
  counts.scoreSheets += (await store.scoreSheets.saveMany(sheets)).length;

  // 3. The vote on the final ranking as it stands, then the results declared final (the snapshot).
  const scored = await loadRoundEvaluation(store, roundId);
  await store.decisions.create({
    ...emptyCommissionDecision(roundId, session.id, 'clasament_final'), text: script.decisionText, rankingKey: scored?.results?.rankingKeyBeforeAppeals,
    votes: voters.map((m) => ({ memberId: m.id, vote: 'pentru' as const })),
  });
  counts.decisions += 1;
  const ready = await loadRoundEvaluation(store, roundId);
  if (!ready) throw new DomainError('Runda demonstrativă nu mai există.');
  await declareResultsFinal(store, ready);
  counts.resultSnapshots += 1;

  // 4. The approving act and the communication date, then one notification per applicant, issued on that day.
  const locked = await store.evaluations.getByRound(roundId);
  if (locked) {
    const { id: _id, createdAt: _c, updatedAt: _u, version, ...draft } = locked;
    await store.evaluations.update(locked.id, { ...draft, decisionAct: script.decisionAct, notifiedOn: script.notifiedOn }, version);
  }
  const final = await loadRoundEvaluation(store, roundId);
  if (!final?.snapshot) throw new DomainError('Rezultatele rundei demonstrative nu au devenit finale.');
  counts.issuedDocuments += (await issueResultNotifications(store, final, ro(script.notifiedOn))).length;

  // 5. The conventions from the frozen awards (ranking order), definitive, with the commitment and its CFP visa, issued.
  const { awards } = await awardsOfYear(store, script.year);
  const conventionIds: string[] = [];
  for (const [i, plan] of script.conventions.entries()) {
    const award = awards.filter((a) => a.round.id === roundId)[i];
    if (!award) break;
    const created = await createConvention(store, award, {
      ...emptyConventionForm(await store.settings.getFinance()),
      councilNumber: plan.council.number, councilDate: ro(plan.council.date), number: plan.number, date: ro(plan.date), financialOfficer: plan.financialOfficer,
    });
    const definitive = await store.conventions.makeDefinitive(created.id, created.version, plan.final);
    const detail = await conventionDetail(store, definitive.id);
    if (!detail) throw new DomainError('Convenția demonstrativă nu mai există.');
    await recordCommitment(store, definitive.id, {
      ...commitmentFormOf(detail, (amount) => formatLei(amount).replace(' lei', ''), ro),
      number: plan.commitment.number, date: ro(plan.commitment.date), cfpBy: plan.commitment.cfpBy, cfpOn: ro(plan.commitment.cfpOn),
    });
    await issueDocument(store, conventionToIssue(store, detail), { numberSource: 'secventa', typedNumber: '', issuedOn: ro(plan.commitment.cfpOn), replacementReason: '' });
    counts.issuedDocuments += 1;
    counts.conventions += 1;
    conventionIds.push(definitive.id);
  }

  // 6. The settlements: the NGO's statement (persons as contracted, expenses paid), then each state in turn.
  const rows: PaymentRow[] = [];
  for (const plan of script.settlements) {
    const convention = await store.conventions.get(conventionIds[plan.convention] ?? '');
    if (!convention) continue;
    let s = await store.settlements.createDraft(convention.id, plan.month);
    const lastDay = new Date(Date.UTC(convention.year, plan.month, 0)).toISOString().slice(0, 10) as IsoDate;
    const expenses: ExpenseLine[] = convention.units.flatMap((unit, u) =>
      demoMonthlyClaim(unit).map((claim, k) => ({
        id: `demo-${convention.number}-${plan.month}-${u}-${k}`,
        unitId: unit.unitId,
        category: claim.category,
        documentType: claim.category === 'personal' ? 'stat_plata' : 'factura',
        // One document per convention, month, unit and category: a document is claimed once in a year.
        documentNumber: `${claim.category === 'personal' ? 'SP' : 'F'} ${convention.number}-${String(plan.month).padStart(2, '0')}/${u + 1}`,
        documentDate: lastDay,
        supplier: claim.category === 'personal' ? convention.provider.name : 'SC Aprovizionare Demo SRL (fictiv)',
        amount: claim.amount,
        proof: { kind: 'ordin_plata', number: `OP ${plan.month}${u + 1}${k + 1}`, date: lastDay },
      })),
    );
    s = await store.settlements.editSettlement(s.id, { beneficiaries: convention.units.map((u) => ({ unitId: u.unitId, count: u.beneficiariesPerMonth })), expenses }, s.version);
    s = await store.settlements.submitSettlement(s.id, { on: plan.submittedOn }, s.version);
    if (plan.target !== 'depus') s = await store.settlements.verifySettlement(s.id, s.version);
    if (plan.ordonantare) s = await store.settlements.approveSettlement(s.id, { ordonantareNumber: plan.ordonantare.number, ordonantareDate: plan.ordonantare.date }, s.version);
    if (plan.payment && s.verification) {
      rows.push({ row: rows.length + 2, date: plan.payment.date, paymentOrderNumber: plan.payment.orderNumber, ordonantareNumber: plan.ordonantare?.number ?? '', cuiOrConvention: convention.provider.cui, amount: s.verification.admitted });
    }
    counts.settlements += 1;
  }

  // 7. The treasury's payments, recorded through the payments import (the paid months become "plătit").
  if (rows.length > 0) {
    const outcome = await store.payments.recordImport({ fileName: script.paymentsFileName, sha256: await sha256OfBytes(new TextEncoder().encode(JSON.stringify(rows))), rows });
    counts.payments += outcome.newCount;
  }
  return counts;
}
