import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_CLASSIFICATION } from '../../../src/conventions/payment-plan';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { bani } from '../../../src/money';
import { AWARDED, frozenAwardFixture } from './convention-fixture';

const amendment = (overrides: Record<string, unknown> = {}) => ({
  number: '1', date: '2027-05-20', effectiveFrom: '2027-06-01', reason: 'Suplimentarea numărului de beneficiari', decidingAct: 'HCL nr. 202/2027',
  changes: { amount: bani(19_200_000) }, ...overrides,
});

describe('conventions repository', () => {
  it('stores a convention made from the frozen award with its twelve scheduled instalments, audited together', async () => {
    const { store, draft, request } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    expect(convention).toMatchObject({ number: '12', year: 2027, state: 'provizorie', amount: AWARDED, requestId: request.id, version: 1 });
    const plan = await store.conventions.listInstalments(convention.id);
    expect(plan.map((i) => i.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(plan.every((i) => i.state === 'programata')).toBe(true);
    expect(plan.reduce((s, i) => s + i.planned, 0)).toBe(AWARDED);
    const audit = await store.db.audit.toArray();
    expect(audit.filter((a) => a.entity === 'conventions' && a.action === 'creare')).toHaveLength(1);
    expect(audit.filter((a) => a.entity === 'instalments' && a.action === 'creare')).toHaveLength(12);
    expect(await store.conventions.listByYear(2027)).toHaveLength(1);
    expect(await store.conventions.listByRound(convention.roundId)).toHaveLength(1);
  });

  it('refuses a number already used in the year, and a second convention for the same request until the first has ended', async () => {
    const { store, draft } = await frozenAwardFixture();
    const first = await store.conventions.createFromAward(draft());
    await expect(store.conventions.createFromAward(draft())).rejects.toThrow(/Numărul de convenție 12 este deja folosit în 2027/);
    await expect(store.conventions.createFromAward(draft({ number: '13' }))).rejects.toThrow(/Cererea are deja convenția nr\. 12\/15\.01\.2027/);
    expect(await store.db.conventions.count()).toBe(1);
    expect(await store.db.instalments.count()).toBe(12);

    await store.conventions.terminate(first.id, first.version, '2027-03-31', 'Renunțarea furnizorului');
    const second = await store.conventions.createFromAward(draft({ number: '13', date: '2027-04-10', firstMonth: 5 }));
    expect(second.firstMonth).toBe(5);
    expect((await store.conventions.listInstalments(second.id)).map((i) => i.month)[0]).toBe(5);
  });

  it('refuses a convention whose council decision is missing, and one over results that were superseded', async () => {
    const { store, draft, snapshot } = await frozenAwardFixture();
    const bad = { ...draft(), councilDecision: { number: '', date: '2026-12-17' } };
    await expect(store.conventions.createFromAward(bad)).rejects.toBeInstanceOf(ValidationError);
    await store.db.resultSnapshots.update(snapshot.id, { supersededAt: '2027-01-02T00:00:00Z' });
    await expect(store.conventions.createFromAward(draft())).rejects.toThrow(/au fost înlocuite/);
    expect(await store.db.conventions.count()).toBe(0);
    expect(await store.db.audit.where('entity').equals('conventions').count()).toBe(0);
  });

  it('makes a convention definitive with the final decision, checks the version, and terminates it without deleting it', async () => {
    const { store, draft } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    await expect(store.conventions.makeDefinitive(convention.id, convention.version + 1, { number: '119/2027', date: '2027-02-20' })).rejects.toBeInstanceOf(ConflictError);
    const definitive = await store.conventions.makeDefinitive(convention.id, convention.version, { number: '119/2027', date: '2027-02-20' });
    expect(definitive).toMatchObject({ state: 'definitiva', finalDecision: { number: '119/2027', date: '2027-02-20' }, version: 2 });
    await expect(store.conventions.makeDefinitive(definitive.id, definitive.version, { number: '120/2027', date: '2027-02-21' })).rejects.toThrow(/doar o convenție provizorie/);

    await expect(store.conventions.terminate(definitive.id, definitive.version, '2027-08-31', '  ')).rejects.toThrow(/Motivul încetării lipsește/);
    const ended = await store.conventions.terminate(definitive.id, definitive.version, '2027-08-31', 'Închiderea centrului');
    expect(ended).toMatchObject({ state: 'incetata', terminatedOn: '2027-08-31', terminationReason: 'Închiderea centrului' });
    const plan = await store.conventions.listInstalments(ended.id);
    expect(plan.filter((i) => i.state === 'anulata').map((i) => i.month)).toEqual([9, 10, 11, 12]);
    expect(plan.find((i) => i.month === 9)!.history.at(-1)).toMatchObject({ by: 'Andrei Șerban', note: expect.stringContaining('Convenție încetată la 31.08.2027') });
    expect(await store.conventions.get(ended.id)).toBeDefined();
    await expect(store.conventions.addAmendment(ended.id, amendment())).rejects.toThrow(/a încetat/);
  });

  it('adds an amendment that raises the amount: the original stays, the terms change from its month and the scheduled instalments are re-planned', async () => {
    const { store, draft } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    const before = await store.conventions.listInstalments(convention.id);
    // January is approved before the amendment: it keeps its amount and state.
    const january = before[0]!;
    await store.conventions.changeInstalment(january.id, january.version, 'aprobata', { amount: bani(1_500_000) });

    await store.conventions.addAmendment(convention.id, amendment());
    const terms = await store.conventions.terms(convention.id);
    expect(terms.originalAmount).toBe(AWARDED);
    expect(terms.amount).toBe(19_200_000);
    const may = await store.conventions.terms(convention.id, '2027-05-31');
    expect(may.amount).toBe(AWARDED);

    const after = await store.conventions.listInstalments(convention.id);
    expect(after.find((i) => i.month === 1)).toMatchObject({ state: 'aprobata', amount: 1_500_000, planned: january.planned });
    // January to May keep their ceilings (1.500 lei each); June to December share the rest.
    for (const m of [2, 3, 4, 5]) expect(after.find((i) => i.month === m)!.planned).toBe(1_500_000);
    const june = after.find((i) => i.month === 6)!;
    expect(june.planned).toBeGreaterThan(1_500_000);
    expect(june.history.at(-1)).toMatchObject({ by: 'Andrei Șerban', note: expect.stringContaining('Act adițional nr. 1 din 20.05.2027') });
    expect(after.reduce((s, i) => s + i.planned, 0)).toBe(19_200_000);
    expect(await store.db.audit.where('entity').equals('conventionAmendments').count()).toBe(1);
  });

  it('refuses an amendment that is invalid or repeats a number, changing nothing', async () => {
    const { store, draft } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    await expect(store.conventions.addAmendment(convention.id, amendment({ reason: '' }))).rejects.toMatchObject({ fields: { reason: 'Motivul modificării lipsește.' } });
    await expect(store.conventions.addAmendment(convention.id, amendment({ date: '2027-01-01' }))).rejects.toMatchObject({ fields: { date: expect.stringContaining('nu poate precede convenția') } });
    await store.conventions.addAmendment(convention.id, amendment());
    await expect(store.conventions.addAmendment(convention.id, amendment({ changes: { amount: bani(17_000_000) } }))).rejects.toThrow(ValidationError);
    expect(await store.conventions.listAmendments(convention.id)).toHaveLength(1);
  });

  it('an amendment that ends the convention earlier cancels the scheduled months it no longer pays', async () => {
    const { store, draft } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    await store.conventions.addAmendment(convention.id, amendment({ changes: { lastMonth: 10 } }));
    const plan = await store.conventions.listInstalments(convention.id);
    expect(plan.filter((i) => i.state === 'anulata').map((i) => i.month)).toEqual([11, 12]);
    expect((await store.conventions.terms(convention.id)).amount).toBe(15_000_000);
  });

  it('changes instalments through their allowed states with who and when, refusing what the plan does not allow', async () => {
    const { store, draft } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    const [january] = await store.conventions.listInstalments(convention.id);
    await expect(store.conventions.changeInstalment(january!.id, january!.version, 'platita', { paymentOrderNumber: '1' })).rejects.toThrow(/nu poate deveni „Plătită”/);
    await expect(store.conventions.changeInstalment(january!.id, january!.version, 'aprobata', { amount: bani(9_000_000) })).rejects.toThrow(/depășește plafonul lunii/);
    const approved = await store.conventions.changeInstalment(january!.id, january!.version, 'aprobata');
    await expect(store.conventions.changeInstalment(january!.id, january!.version, 'platita', { paymentOrderNumber: '1' })).rejects.toBeInstanceOf(ConflictError);
    await expect(store.conventions.changeInstalment(approved.id, approved.version, 'platita')).rejects.toThrow(/numărul ordinului de plată lipsește/);
    const paid = await store.conventions.changeInstalment(approved.id, approved.version, 'platita', { paymentOrderNumber: 'OP 145' });
    expect(paid).toMatchObject({ state: 'platita', amount: 1_500_000, paymentOrderNumber: 'OP 145', version: 3 });
    expect(paid.history.map((h) => [h.from, h.to, h.by])).toEqual([['programata', 'aprobata', 'Andrei Șerban'], ['aprobata', 'platita', 'Andrei Șerban']]);
    await expect(store.conventions.changeInstalment(paid.id, paid.version, 'restituita')).rejects.toThrow(/Motivul lipsește/);
    expect(await store.db.audit.filter((a) => a.entityId === paid.id).count()).toBe(3);
  });

  it('records the budget commitment against the amount in force, updates it by version and freezes it once the CFP visa is given', async () => {
    const { store, draft } = await frozenAwardFixture();
    const convention = await store.conventions.createFromAward(draft());
    const input = { number: 'AB 77', date: '2027-01-16', amount: bani(AWARDED), classification: { ...DEFAULT_BUDGET_CLASSIFICATION } };
    await expect(store.conventions.recordCommitment(convention.id, { ...input, amount: bani(1_000_000) })).rejects.toMatchObject({ fields: { amount: expect.stringContaining('este mai mică decât suma convenției') } });
    await expect(store.conventions.recordCommitment(convention.id, { ...input, classification: { ...input.classification, chapter: '68' } })).rejects.toMatchObject({ fields: { 'classification.chapter': expect.any(String) } });
    const first = await store.conventions.recordCommitment(convention.id, input);
    expect(first).toMatchObject({ conventionId: convention.id, number: 'AB 77', classification: { chapter: '68.02', titleArticle: '59.11', isDefault: true } });
    await expect(store.conventions.recordCommitment(convention.id, input)).rejects.toBeInstanceOf(ConflictError);

    // The amendment raises the amount: the commitment must cover it.
    await store.conventions.addAmendment(convention.id, amendment());
    await expect(store.conventions.recordCommitment(convention.id, input, first.version)).rejects.toThrow(ValidationError);
    const visaed = await store.conventions.recordCommitment(convention.id, { ...input, amount: bani(19_200_000), cfpVisa: { by: 'Elena Rus', on: '2027-05-21' } }, first.version);
    expect(visaed).toMatchObject({ amount: 19_200_000, cfpVisa: { by: 'Elena Rus', on: '2027-05-21' }, version: 2 });
    await expect(store.conventions.recordCommitment(convention.id, { ...input, amount: bani(20_000_000) }, visaed.version)).rejects.toThrow(/are viza CFP/);
    expect((await store.conventions.commitmentsOf([convention.id])).get(convention.id)?.number).toBe('AB 77');
    expect(await store.db.audit.where('entity').equals('budgetCommitments').count()).toBe(2);
  });

  it('an error in the middle of a write leaves nothing behind (the plan is written with the convention or not at all)', async () => {
    const { store, draft } = await frozenAwardFixture();
    const value = draft();
    // Writing the plan fails after the convention was added: the transaction takes both back.
    const original = store.db.instalments.bulkAdd.bind(store.db.instalments);
    store.db.instalments.bulkAdd = (() => Promise.reject(new DomainError('disc plin'))) as never;
    await expect(store.conventions.createFromAward(value)).rejects.toThrow('disc plin');
    store.db.instalments.bulkAdd = original;
    expect(await store.db.conventions.count()).toBe(0);
    expect(await store.db.audit.where('entity').equals('conventions').count()).toBe(0);
  });
});
