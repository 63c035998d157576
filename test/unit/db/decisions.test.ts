import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { emptyCommissionDecision, type Vote } from '../../../src/commission/decisions';
import { emptyCommissionSession } from '../../../src/commission/session';
import { DomainError, type ValidationError } from '../../../src/errors';
import { frozenResultsOf, loadRoundEvaluation } from '../../../renderer/services/round-evaluation';
import { commissionRoundFixture } from './commission-fixture';

/** Three voting members (Ion Rus founded the second NGO), a secretary; an evaluation session with all present and declarations signed. */
async function setUp() {
  const { store, round, requestA, requestB, commission, president, founder, third, secretary, evaluation } = await commissionRoundFixture();
  const present = { isPresent: true };
  const attendance = { [president.id]: present, [founder.id]: present, [third.id]: present, [secretary.id]: present };
  const session = await store.sessions.create({
    ...emptyCommissionSession(round.id, commission.id), date: '15.10.2026', time: '10:00', place: 'Sala de ședințe DASM', agenda: [requestA.id, requestB.id], attendance,
  });
  for (const m of [president, founder, third]) await store.declarations.setSigned(session.id, m.id, '15.10.2026');
  const appealsSession = await store.sessions.create({
    ...emptyCommissionSession(round.id, commission.id), kind: 'contestatii', date: '26.11.2026', time: '10:00', place: 'Sala de ședințe DASM', agenda: [requestB.id], attendance,
  });
  const votes = (entries: [string, Vote][]) => entries.map(([memberId, vote]) => ({ memberId, vote }));
  return { store, round, requestA, requestB, president, founder, third, secretary, evaluation, session, appealsSession, votes };
}

describe('decisions of the commission, with the votes', () => {
  it('stores an adopted final ranking with its outcome and audit entry, and lets the results become final only then', async () => {
    const { store, round, president, founder, third, session, votes } = await setUp();
    const before = await loadRoundEvaluation(store, round.id);
    expect(before!.results!.ranking.pendingIssues).toContain('comisia nu a adoptat prin vot clasamentul final (consemnați votul în fila „Decizii și voturi”)');
    const decision = await store.decisions.create({
      ...emptyCommissionDecision(round.id, session.id, 'clasament_final'), text: 'Se aprobă clasamentul final și sumele propuse.',
      votes: votes([[president.id, 'pentru'], [founder.id, 'pentru'], [third.id, 'abtinere']]),
    });
    expect(decision.outcome).toMatchObject({ isAdopted: true, for: 2, against: 0, abstentions: 1 });
    expect(decision.outcome!.sentence).toMatch(/^Decizia a fost adoptată cu 2 voturi pentru, 0 împotrivă și 1 abținere/);
    expect((await auditFor(store.db, 'commissionDecisions', decision.id))[0]?.label).toBe('Aprobarea clasamentului final și a sumelor propuse — ședința din 15.10.2026');
    const after = await loadRoundEvaluation(store, round.id);
    expect(after!.decisions).toHaveLength(1);
    expect(after!.results!.ranking.pendingIssues).not.toContain('comisia nu a adoptat prin vot clasamentul final (consemnați votul în fila „Decizii și voturi”)');
  });

  it('refuses the vote of the recused founder on his NGO, of the secretary, and a session without quorum; stores nothing', async () => {
    const { store, round, requestB, president, founder, third, secretary, session, votes } = await setUp();
    const draft = { ...emptyCommissionDecision(round.id, session.id, 'admitere_cerere'), requestId: requestB.id, text: 'Se admite cererea.' };
    await expect(store.decisions.create({ ...draft, votes: votes([[president.id, 'pentru'], [founder.id, 'pentru'], [third.id, 'pentru']]) })).rejects.toThrow(/Ion Rus este recuzat și nu poate vota/);
    await expect(store.decisions.create({ ...draft, votes: votes([[president.id, 'pentru'], [third.id, 'pentru'], [secretary.id, 'pentru']]) })).rejects.toThrow(/secretar al comisiei/);
    const ok = await store.decisions.create({ ...draft, votes: votes([[president.id, 'pentru'], [third.id, 'pentru']]) });
    expect(ok.outcome?.recused.map((r) => r.name)).toEqual(['Ion Rus']);

    await store.sessions.update(session.id, { ...session, attendance: { [president.id]: { isPresent: true } } }, session.version);
    await expect(store.decisions.create({ ...draft, requestId: undefined, kind: 'clasament_final', votes: votes([[president.id, 'pentru']]) })).rejects.toThrow(/nu are cvorum/);
    await expect(store.decisions.create({ ...draft, requestId: undefined, kind: 'clasament_final', votes: votes([[president.id, 'pentru'], [third.id, 'pentru']]) })).rejects.toThrow(/Ana Mureșan lipsește de la ședință/);
    expect(await store.db.commissionDecisions.count()).toBe(1);
  });

  it('keeps out of a tie-order vote the member recused from one of the tied requests', async () => {
    const { store, round, requestA, requestB, president, founder, third, session, votes } = await setUp();
    const tie = { ...emptyCommissionDecision(round.id, session.id, 'ordine_egalitate'), requestIds: [requestA.id, requestB.id], text: 'Cererea 1/2026 înaintea cererii 2/2026.' };
    await expect(store.decisions.create({ ...tie, votes: votes([[president.id, 'pentru'], [founder.id, 'pentru'], [third.id, 'pentru']]) })).rejects.toThrow(/Ion Rus este recuzat/);
    const saved = await store.decisions.create({ ...tie, votes: votes([[president.id, 'pentru'], [third.id, 'pentru']]) });
    expect(saved).toMatchObject({ requestIds: [requestA.id, requestB.id], outcome: { isAdopted: true, for: 2 } });
  });

  it('keeps the decisions of an evaluation session once the results are final', async () => {
    const { store, round, president, founder, third, session, evaluation, votes } = await setUp();
    const decision = await store.decisions.create({
      ...emptyCommissionDecision(round.id, session.id, 'clasament_final'), text: 'Se aprobă clasamentul final.', votes: votes([[president.id, 'pentru'], [founder.id, 'pentru'], [third.id, 'pentru']]),
    });
    await store.evaluations.lock(evaluation.id, evaluation.version, [], frozenResultsOf((await loadRoundEvaluation(store, round.id))!));
    await expect(store.decisions.update(decision.id, { ...decision, text: 'Alt text' }, decision.version)).rejects.toThrow(/finale/);
    await expect(store.decisions.remove(decision.id)).rejects.toThrow(DomainError);
  });
});

describe('appeals resolved by a vote in an appeals session', () => {
  it('needs an appeals session with signed declarations and an adopted vote on the appeal, without the member recused from the request', async () => {
    const { store, round, requestB, president, founder, third, session, appealsSession, votes } = await setUp();
    const appeal = await store.appeals.register({
      roundId: '', requestId: requestB.id, organizationId: '', registration: { year: 0, sequence: 0 }, notifiedOn: '20.11.2026', receivedOn: '25.11.2026',
      grounds: 'Punctaj greșit la criteriul C1.', status: 'inregistrata',
    });
    const resolution = { sessionId: appealsSession.id, decidedOn: '26.11.2026', decision: 'Se admite contestația.', revisedScore: 55, revisedAmount: null, decisionAct: 'PV nr. 2/26.11.2026' };
    const decided = { ...appeal, status: 'admisa' as const, resolution };

    // In an evaluation session: refused.
    const wrongSession = await store.appeals.update(appeal.id, { ...decided, resolution: { ...resolution, sessionId: session.id } }, appeal.version).catch((e: unknown) => e);
    expect((wrongSession as ValidationError).fields['resolution.sessionId']).toMatch(/Ședință de soluționare a contestațiilor/);
    // Declarations not signed for the appeals session: refused, and no vote yet.
    const unsigned = (await store.appeals.update(appeal.id, decided, appeal.version).catch((e: unknown) => e)) as ValidationError;
    expect(unsigned.fields['resolution.sessionId']).toMatch(/Nu au semnat declarația/);
    expect(unsigned.fields['resolution.decisionId']).toMatch(/Consemnați votul comisiei/);

    for (const m of [president, founder, third]) await store.declarations.setSigned(appealsSession.id, m.id, '26.11.2026');
    const draft = { ...emptyCommissionDecision(round.id, appealsSession.id, 'solutionare_contestatie'), appealId: appeal.id, text: 'Se admite contestația; punctajul devine 55.' };
    // The founder is recused from his NGO's request, hence from its appeal.
    await expect(store.decisions.create({ ...draft, votes: votes([[president.id, 'pentru'], [founder.id, 'pentru'], [third.id, 'pentru']]) })).rejects.toThrow(/Ion Rus este recuzat/);
    // An appeal decision is not taken in an evaluation session.
    await expect(store.decisions.create({ ...draft, sessionId: session.id, votes: votes([[president.id, 'pentru'], [third.id, 'pentru']]) })).rejects.toThrow(/Ședință de soluționare a contestațiilor/);
    const rejected = await store.decisions.create({ ...draft, votes: votes([[president.id, 'pentru'], [third.id, 'impotriva']]) });
    expect(rejected.outcome?.isAdopted).toBe(false);
    expect(rejected.requestId).toBe(requestB.id);
    const notAdopted = (await store.appeals.update(appeal.id, { ...decided, resolution: { ...resolution, decisionId: rejected.id } }, appeal.version).catch((e: unknown) => e)) as ValidationError;
    expect(notAdopted.fields['resolution.decisionId']).toMatch(/nu a fost adoptată/);

    const adopted = await store.decisions.create({ ...draft, votes: votes([[president.id, 'pentru'], [third.id, 'pentru']]) });
    const resolved = await store.appeals.update(appeal.id, { ...decided, resolution: { ...resolution, decisionId: adopted.id } }, appeal.version);
    expect(resolved.resolution).toMatchObject({ decisionId: adopted.id, sessionId: appealsSession.id });
    await expect(store.decisions.remove(adopted.id)).rejects.toThrow(/soluția contestației nr\. 1\/2026 și nu se mai poate șterge/);
    await expect(store.decisions.update(adopted.id, { ...adopted, votes: votes([[president.id, 'impotriva'], [third.id, 'impotriva']]) }, adopted.version)).rejects.toThrow(/nu se mai poate modifica/);
  });
});
