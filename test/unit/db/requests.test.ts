import { describe, expect, it } from 'vitest';
import { auditFor } from '../../../renderer/db/audit-log';
import { ValidationError } from '../../../src/errors';
import { bani } from '../../../src/money';
import { emptyFundingRound } from '../../../src/rounds/funding-round';
import type { Month } from '../../../src/requests/subsidy-request';
import { freshStore, orgDraft, unitDraft } from './helpers';

async function setUp() {
  const store = await freshStore();
  const org = await store.organizations.create(orgDraft());
  const unit = await store.units.create(unitDraft(org.id));
  const round = await store.rounds.create({ ...emptyFundingRound(2027), budget: bani(100_000_000), submissionStart: '01.08.2026', submissionEnd: '30.09.2026' });
  const draft = (registeredOn = '25.09.2026') => ({
    roundId: round.id, organizationId: org.id, registeredOn, year: 2027, status: 'inregistrata' as const, notes: '', dossier: [],
    units: [{ unitId: unit.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 25, months: [1, 2, 3] as Month[], budgetByCategory: { personal: bani(3_000_000) }, ownContribution: bani(100_000), otherFunding: bani(0) }],
  });
  return { store, org, unit, round, draft };
}

describe('subsidy requests storage', () => {
  it('marks every document of the dossier received in one audited change, keeping the dates already typed', async () => {
    const { store, unit, draft } = await setUp();
    const request = await store.requests.register({ ...draft(), dossier: [{ code: 'bilant', status: 'primit', receivedOn: '2026-09-20' }, { code: 'licenta', unitId: unit.id, status: 'lipsa', validUntil: '2027-12-31' }] });
    const marked = await store.requests.markAllDossierReceived(request.id, '2026-09-26', 1);
    expect(marked.version).toBe(2);
    expect(marked.dossier.every((e) => e.status === 'primit')).toBe(true);
    expect(marked.dossier.find((e) => e.code === 'bilant')?.receivedOn).toBe('2026-09-20');
    expect(marked.dossier.find((e) => e.code === 'licenta')).toEqual({ code: 'licenta', unitId: unit.id, status: 'primit', receivedOn: '2026-09-26', validUntil: '2027-12-31' });
    expect(marked.dossier.find((e) => e.code === 'fisa_tehnica')?.unitId).toBe(unit.id);
    const entries = await auditFor(store.db, 'requests', request.id);
    expect(entries.map((e) => e.action)).toEqual(['creare', 'modificare']);
    expect(entries[1]?.changes?.map((c) => c.field)).toEqual(['dossier']);
    await expect(store.requests.markAllDossierReceived(request.id, '2026-09-26', 1)).rejects.toThrow(/modificată între timp/);
  });

  it('numbers requests in a yearly sequence when they are registered', async () => {
    const { store, draft } = await setUp();
    const first = await store.requests.register(draft());
    const second = await store.requests.register(draft('30.09.2026'));
    const nextYear = await store.requests.register(draft('05.01.2027'));
    expect([first, second, nextYear].map((r) => r.registration)).toEqual([{ year: 2026, sequence: 1 }, { year: 2026, sequence: 2 }, { year: 2027, sequence: 1 }]);
    expect((await auditFor(store.db, 'requests', first.id))[0]?.label).toBe('Cererea nr. 1/2026 — Asociația Speranța Someșului');
  });

  it('refuses an invalid request and gives no number to it', async () => {
    const { store, draft } = await setUp();
    await expect(store.requests.register({ ...draft(), units: [] })).rejects.toThrow(ValidationError);
    expect((await store.requests.register(draft())).registration.sequence).toBe(1);
  });

  it('keeps the number and date on update and never deletes: a withdrawn request stays, with its reason', async () => {
    const { store, draft } = await setUp();
    const request = await store.requests.register(draft());
    const updated = await store.requests.update(request.id, { ...request, registeredOn: '2026-09-01', registration: { year: 2026, sequence: 99 }, notes: 'completat' }, 1);
    expect(updated.registration).toEqual({ year: 2026, sequence: 1 });
    expect(updated.registeredOn).toBe('2026-09-25');
    const withdrawn = await store.requests.withdraw(request.id, 'renunțare scrisă a ONG-ului');
    expect(withdrawn).toMatchObject({ status: 'retrasa', version: 3 });
    expect(withdrawn.notes).toContain('Retrasă: renunțare scrisă a ONG-ului');
    expect(await store.requests.listByRound(request.roundId)).toHaveLength(1);
  });
});
