// Acts are records: final results frozen in a snapshot, documents issued with a number and stored,
// both unchanged when the clock moves on a year and a legal value changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDemoBase } from '../../../renderer/db/demo';
import { assessRoundRequests, declareResultsFinal, loadRoundEvaluation, type RoundEvaluationData } from '../../../renderer/services/round-evaluation';
import { evaluationMinutesDocument, issueResultNotifications, issueRoundDocument } from '../../../renderer/services/commission-documents';
import { emptyScoreSheet } from '../../../src/commission/scores';
import { emptyCommissionDecision } from '../../../src/commission/decisions';
import { emptyCommissionSession } from '../../../src/commission/session';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { MONTHLY_LEVEL_PREFIX } from '../../../src/requests/parameter-rules';
import type { DbStore as Store } from '../../../renderer/db/store';
import { freshStore } from './helpers';

const TODAY = new Date('2026-12-01T09:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
});
afterEach(() => vi.useRealTimers());

/** The demo round scored by the three voting members, with a local level so every subsidy computes. */
async function scoredDemoRound(): Promise<{ store: Store; roundId: string; data: RoundEvaluationData }> {
  const store = await freshStore();
  await store.settings.saveInstitution({ ...(await store.settings.getInstitution()), userName: 'Andreea Câmpean' });
  // The base set: the round being evaluated is what this test needs (not last year's finished one).
  await loadDemoBase(store.db, '2026-12-01');
  const round = (await store.rounds.list()).find((r) => r.status === 'in_evaluare')!;
  const evaluation = (await store.evaluations.getByRound(round.id))!;
  await store.parameters.save({ key: `${MONTHLY_LEVEL_PREFIX}centre_de_zi`, validFrom: `01.01.${round.year}`, value: '650', source: { act: 'HCL (test) 1', article: 'anexa 1' } });
  const members = await store.members.listByCommission(evaluation.commissionId);
  const requests = await store.requests.listByRound(round.id);
  const voters = members.filter((m) => m.role !== 'secretar' && !m.isSubstitute);
  const session = await store.sessions.create({
    ...emptyCommissionSession(round.id, evaluation.commissionId), date: '15.10.2026', time: '10:00', place: 'Sala DASM', status: 'desfasurata', agenda: requests.map((r) => r.id),
    attendance: Object.fromEntries(members.filter((m) => !m.isSubstitute).map((m) => [m.id, { isPresent: true }])),
  });
  for (const m of voters) await store.declarations.setSigned(session.id, m.id, '15.10.2026');
  const grid = (await store.grids.resolve(evaluation.gridId))!;
  const data0 = (await loadRoundEvaluation(store, round.id))!;
  for (const [i, request] of requests.entries()) {
    for (const m of voters) {
      if (data0.results?.recusals.some((r) => r.memberId === m.id && r.requestId === request.id)) continue;
      const points = { C1: String(38 - i * 3), C2: String(28 - i), C3: String(25 - i) };
      await store.scoreSheets.save({ ...emptyScoreSheet({ sessionId: session.id, roundId: round.id, memberId: m.id, requestId: request.id }, grid), points }, { submit: true });
    }
  }
  // The commission adopts the final ranking by vote (results become final only then).
  const scored = (await loadRoundEvaluation(store, round.id))!;
  await store.decisions.create({
    ...emptyCommissionDecision(round.id, session.id, 'clasament_final'), text: 'Se aprobă clasamentul final.', rankingKey: scored.results?.rankingKeyBeforeAppeals,
    votes: voters.map((m) => ({ memberId: m.id, vote: 'pentru' as const })),
  });
  return { store, roundId: round.id, data: (await loadRoundEvaluation(store, round.id))! };
}

describe('final results are a stored snapshot', () => {
  it('a locked round reads its snapshot: a year later, with a changed legal value, the results are those declared', async () => {
    const { store, roundId, data } = await scoredDemoRound();
    expect(data.results!.ranking.pendingIssues).toEqual([]);
    const declared = data.results!.ranking.rows.map((r) => [r.requestId, r.rank, r.allocated]);
    const computed = data.requests.map((r) => r.computedSubsidy);
    expect(computed.every((c) => c !== null && c > 0)).toBe(true);
    await declareResultsFinal(store, data);

    // A year on, the council lowers the level for the same year: a recomputation would change every amount.
    vi.setSystemTime(new Date('2027-12-01T09:00:00Z'));
    const round = (await store.rounds.get(roundId))!;
    await store.parameters.save({ key: `${MONTHLY_LEVEL_PREFIX}centre_de_zi`, validFrom: `01.01.${round.year}`, value: '300', source: { act: 'HCL (test) 2' } });

    const locked = (await loadRoundEvaluation(store, roundId))!;
    expect(locked.snapshot).toMatchObject({ sequence: 1, cause: 'rezultate_finale', takenBy: 'Andreea Câmpean', takenAt: TODAY.toISOString() });
    expect(locked.results!.ranking.rows.map((r) => [r.requestId, r.rank, r.allocated])).toEqual(declared);
    expect(locked.requests.map((r) => r.computedSubsidy)).toEqual(computed);
    expect(locked.snapshot!.content.legalValues.some((v) => v.source.includes('HCL (test) 1'))).toBe(true);
    // The round's list of requests and each request's dialog read the same frozen verdicts.
    const listed = await assessRoundRequests(store, roundId, locked.requests.map((r) => r.request));
    expect(listed.map((a) => (a?.computation.ok ? a.computation.total : null))).toEqual(computed);

    // Reopened, the same round is computed from today's values: the snapshot is what kept it.
    await store.evaluations.reopen(locked.evaluation!.id, locked.evaluation!.version, 'Verificare după modificarea nivelului');
    const reopened = (await loadRoundEvaluation(store, roundId))!;
    expect(reopened.snapshot).toBeUndefined();
    expect(reopened.requests.map((r) => r.computedSubsidy)).not.toEqual(computed);
    expect((await store.snapshots.listByRound(roundId))[0]).toMatchObject({ supersededReason: 'rezultate redeschise: Verificare după modificarea nivelului' });
  });

  it('refuses to freeze results computed from records that changed since the screen loaded them', async () => {
    const { store, data } = await scoredDemoRound();
    const sheet = data.sheets[0]!;
    await store.scoreSheets.reopen(sheet.id, 'Corectură de transcriere');
    await expect(declareResultsFinal(store, data)).rejects.toThrow(ConflictError);
    expect(await store.snapshots.current(data.round.id)).toBeUndefined();
  });
});

describe('issued documents register', () => {
  it('numbers documents in a yearly sequence and re-downloads the very bytes issued, a year later too', async () => {
    const { store, roundId, data } = await scoredDemoRound();
    await expect(issueRoundDocument(store, data, evaluationMinutesDocument(store, data), { numberSource: 'secventa', typedNumber: '', issuedOn: '01.12.2026', replacementReason: '' })).rejects.toThrow(/declarate finale/);
    await declareResultsFinal(store, data);
    const locked = (await loadRoundEvaluation(store, roundId))!;
    const minutes = await issueRoundDocument(store, locked, evaluationMinutesDocument(store, locked), { numberSource: 'secventa', typedNumber: '', issuedOn: '01.12.2026', replacementReason: '' });
    expect(minutes).toMatchObject({ number: '1', year: 2026, sequence: 1, issuedBy: 'Andreea Câmpean', kind: 'proces_verbal_evaluare' });
    const notifications = await issueResultNotifications(store, locked, '01.12.2026');
    expect(notifications.map((n) => n.number)).toEqual(notifications.map((_n, i) => String(i + 2)));
    expect(new Set(notifications.map((n) => n.organizationId)).size).toBe(locked.requests.length);
    // Issuing again issues nothing new: every applicant has its notification in force.
    expect(await issueResultNotifications(store, locked, '01.12.2026')).toEqual([]);

    const first = await store.issuedDocuments.fileBytes(minutes.id);
    vi.setSystemTime(new Date('2027-12-01T09:00:00Z'));
    await store.parameters.save({ key: `${MONTHLY_LEVEL_PREFIX}centre_de_zi`, validFrom: `01.01.${locked.round.year}`, value: '300', source: { act: 'HCL (test) 2' } });
    const later = await store.issuedDocuments.fileBytes(minutes.id);
    expect(later.bytes).toEqual(first.bytes);
    expect(later.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { sha256OfBytes } = await import('../../../renderer/db/repositories/issued-documents');
    expect(await sha256OfBytes(later.bytes)).toBe(minutes.sha256);
    // The backup carries the snapshot and the issued files; restored elsewhere, the file is the same.
    const text = await store.backup.exportText('test');
    const other = await freshStore();
    await other.backup.apply(await other.backup.preview(text), 'test');
    expect((await other.issuedDocuments.fileBytes(minutes.id)).bytes).toEqual(first.bytes);
    expect(await other.snapshots.current(roundId)).toMatchObject({ sequence: 1 });
    // The stored file names its number and date inside the document.
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(later.bytes)).file('word/document.xml')!.async('string');
    // The register's number and date (the issue date, not the session date the minutes carry).
    expect(xml).toContain('Nr. 1 / 01.12.2026');
  });

  it('a changed situation is a new document that names the one it replaces; a typed number may not repeat', async () => {
    const { store, roundId, data } = await scoredDemoRound();
    await declareResultsFinal(store, data);
    const locked = (await loadRoundEvaluation(store, roundId))!;
    const doc = evaluationMinutesDocument(store, locked);
    const typed = await issueRoundDocument(store, locked, doc, { numberSource: 'registru_general', typedNumber: '4512/DASM', issuedOn: '01.12.2026', replacementReason: '' });
    expect(typed).toMatchObject({ number: '4512/DASM', numberSource: 'registru_general', sequence: 0 });
    await expect(issueRoundDocument(store, locked, doc, { numberSource: 'secventa', typedNumber: '', issuedOn: '01.12.2026', replacementReason: '' })).rejects.toThrow(ValidationError);
    const replacing = await issueRoundDocument(store, locked, doc, { numberSource: 'secventa', typedNumber: '', issuedOn: '01.12.2026', replacementReason: 'anexa corectată' });
    expect(replacing).toMatchObject({ number: '1', replacesId: typed.id, replacementReason: 'anexa corectată' });
    expect(await store.issuedDocuments.get(typed.id)).toMatchObject({ replacedById: replacing.id });
    expect(await store.issuedDocuments.inForce(doc)).toMatchObject({ id: replacing.id });
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync((await store.issuedDocuments.fileBytes(replacing.id)).bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('înlocuiește documentul nr. 4512/DASM din 01.12.2026');
    // The same typed number again in 2026 is refused, nothing stored.
    const before = await store.db.issuedDocuments.count();
    await expect(store.issuedDocuments.issue({ kind: 'referat_director', roundId, title: 't', addressee: 'a', issuedOn: '2026-12-01', numberSource: 'registru_general', number: '4512/DASM', fileName: 'x.docx', mimeType: 'x', bytes: new Uint8Array([1]), sourceData: '{}' })).rejects.toThrow(DomainError);
    expect(await store.db.issuedDocuments.count()).toBe(before);
    expect(await store.db.documentFiles.count()).toBe(before);
  });
});

describe('an admitted appeal over final results', () => {
  it('produces a new snapshot that names the act it rests on, ranked over the frozen scores', async () => {
    const { store, roundId, data } = await scoredDemoRound();
    await declareResultsFinal(store, data);
    const locked = (await loadRoundEvaluation(store, roundId))!;
    const lastRow = locked.results!.ranking.rows.at(-1)!;
    const appealsSession = await store.sessions.create({
      ...emptyCommissionSession(roundId, locked.evaluation!.commissionId), kind: 'contestatii', date: '10.12.2026', time: '10:00', place: 'Sala DASM', status: 'desfasurata', agenda: [lastRow.requestId],
      attendance: Object.fromEntries(locked.members.filter((m) => !m.isSubstitute).map((m) => [m.id, { isPresent: true }])),
    });
    const appeal = await store.appeals.register({ roundId: '', requestId: lastRow.requestId, organizationId: '', registration: { year: 0, sequence: 0 }, notifiedOn: '02.12.2026', receivedOn: '03.12.2026', grounds: 'Punctaj greșit la C1.', status: 'inregistrata' });
    expect((await store.snapshots.listByRound(roundId)).length).toBe(1);
    // The commission votes on the appeal in the appeals session (members recused from the request stay out).
    const recused = new Set(locked.results!.recusals.filter((r) => r.requestId === lastRow.requestId).map((r) => r.memberId));
    const voters = locked.members.filter((m) => m.role !== 'secretar' && !m.isSubstitute && !recused.has(m.id));
    for (const m of locked.members.filter((x) => x.role !== 'secretar' && !x.isSubstitute)) await store.declarations.setSigned(appealsSession.id, m.id, '10.12.2026');
    const vote = await store.decisions.create({
      ...emptyCommissionDecision(roundId, appealsSession.id, 'solutionare_contestatie'), appealId: appeal.id, text: 'Se admite; suma se diminuează.',
      votes: voters.map((m) => ({ memberId: m.id, vote: 'pentru' as const })),
    });
    const resolution = { sessionId: appealsSession.id, decidedOn: '2026-12-10', decision: 'Se admite; suma se diminuează.', revisedScore: null, revisedAmount: 1_000_000, decisionAct: '', decisionId: vote.id };
    // Admitted but not yet recorded by an act: the frozen results stay as they were.
    const admitted = await store.appeals.update(appeal.id, { ...appeal, status: 'admisa', resolution: resolution as never }, appeal.version);
    expect((await store.snapshots.listByRound(roundId)).length).toBe(1);
    await store.appeals.update(appeal.id, { ...admitted, resolution: { ...resolution, decisionAct: 'PV nr. 2/10.12.2026' } as never }, admitted.version);
    const history = await store.snapshots.listByRound(roundId);
    expect(history.map((s) => [s.sequence, s.cause, s.basisAct ?? null, !!s.supersededAt])).toEqual([
      [1, 'rezultate_finale', null, true],
      [2, 'contestatie_admisa', 'PV nr. 2/10.12.2026', false],
    ]);
    const revised = (await loadRoundEvaluation(store, roundId))!;
    expect(revised.snapshot?.previousId).toBe(history[0]!.id);
    expect(revised.results!.ranking.rows.find((r) => r.requestId === lastRow.requestId)?.allocated).toBe(1_000_000);
    // The other requests keep the amounts frozen at first.
    for (const row of locked.results!.ranking.rows.filter((r) => r.requestId !== lastRow.requestId)) {
      expect(revised.results!.ranking.rows.find((r) => r.requestId === row.requestId)?.allocated).toBe(row.allocated);
    }
  });
});
