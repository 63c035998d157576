import { describe, expect, it } from 'vitest';
import { SHIPPED_HOLIDAY_TABLE } from '../../../src/calendar/public-holidays';
import { DEFAULT_APPEAL_RULES, type Appeal } from '../../../src/commission/appeals';
import { UNLOCKED } from '../../../src/commission/round-lock';
import {
  appealTermsThisWeek, approvedUnpaid, licencesAndAccreditations, parametersToFill, requestsWithMissingDocuments, roundsInProgress, roundStage, settlementsAwaitingVerification,
} from '../../../src/home/attention';
import { weekOf } from '../../../src/home/attention-types';
import { createShippedParameterStore } from '../../../src/parameters/shipped';
import { bani } from '../../../src/money';
import { DOSSIER_ITEMS } from '../../../src/requests/dossier';
import type { SubsidyRequest } from '../../../src/requests/subsidy-request';
import type { FundingRound } from '../../../src/rounds/funding-round';
import { emptySettlement, type MonthlySettlement } from '../../../src/settlements/monthly-settlement';
import { organization, unit } from '../templates/fixtures';

const holidays = SHIPPED_HOLIDAY_TABLE;
const round = (over: Partial<FundingRound>): FundingRound => ({
  id: 'r1', createdAt: '', updatedAt: '', version: 1, law: 'legea_34_1998', year: 2027, name: 'Runda 2027', budget: bani(100_000_000),
  submissionStart: '2026-09-01', submissionEnd: '2026-09-30', legalBasis: 'HCL', status: 'deschisa', maxShareBasisPoints: null, maxShareSource: '', notes: '', ...over,
});
const evaluation = (roundId: string, over: { notifiedOn?: string; isLocked?: boolean } = {}) => ({
  roundId, notifiedOn: over.notifiedOn, appealRules: { ...DEFAULT_APPEAL_RULES }, lock: over.isLocked ? { ...UNLOCKED, isLocked: true } : UNLOCKED,
});
const appeal = (over: Partial<Appeal>): Appeal => ({
  id: 'a1', createdAt: '', updatedAt: '', version: 1, roundId: 'r1', requestId: 'q1', organizationId: 'org1', registration: { year: 2026, sequence: 1 },
  notifiedOn: '2026-11-30', receivedOn: '2026-12-01', grounds: 'punctaj', status: 'inregistrata', ...over,
});

describe('the week of a date', () => {
  it('runs Monday to Sunday', () => {
    expect(weekOf('2026-12-02')).toEqual({ monday: '2026-11-30', sunday: '2026-12-06' });
    expect(weekOf('2026-12-06')).toEqual({ monday: '2026-11-30', sunday: '2026-12-06' });
    expect(weekOf('2026-11-30')).toEqual({ monday: '2026-11-30', sunday: '2026-12-06' });
  });
});

describe('rounds in progress and their stage', () => {
  it('says where an open round stands against its submission window', () => {
    const r = round({});
    expect(roundStage(r, undefined, [], holidays, '2026-08-15').stage).toContain('începe la 01.09.2026');
    expect(roundStage(r, undefined, [], holidays, '2026-09-10').stage).toBe('Depunerea cererilor, până la 30.09.2026');
    expect(roundStage(r, undefined, [], holidays, '2026-10-02').stage).toContain('s-a încheiat la 30.09.2026');
  });

  it('follows the evaluation: not set up, unlocked, then the appeal term in working days, then the pending appeals', () => {
    const r = round({ status: 'in_evaluare' });
    expect(roundStage(r, undefined, [], holidays, '2026-11-01').stage).toContain('comisia și grila');
    expect(roundStage(r, evaluation('r1'), [], holidays, '2026-11-01')).toMatchObject({ stage: expect.stringContaining('nefinale'), href: '#/comisie/r1' });
    // Notified Friday 27.11.2026: 3 working days, skipping the weekend and 30.11 / 01.12 (public holidays) → Friday 04.12.
    const stage = roundStage(r, evaluation('r1', { notifiedOn: '2026-11-27', isLocked: true }), [], holidays, '2026-12-02');
    expect(stage.stage).toContain('până la 04.12.2026');
    const pending = roundStage(r, evaluation('r1', { notifiedOn: '2026-11-27', isLocked: true }), [appeal({ receivedOn: '2026-12-02' })], holidays, '2026-12-10');
    expect(pending.stage).toContain('1 contestație în curs de soluționare');
  });

  it('lists the rounds not finalised with their requests counted', () => {
    const g = roundsInProgress({
      rounds: [round({}), round({ id: 'r2', name: 'Runda veche', status: 'finalizata' })], evaluations: [], appeals: [],
      requestCounts: new Map([['r1', 25]]), holidays, today: '2026-09-10',
    });
    expect(g.items.map((i) => i.label)).toEqual(['Runda 2027']);
    expect(g.items[0]!.detail).toContain('25 de cereri');
    expect(g.items[0]!.href).toBe('#/cereri/r1');
  });
});

describe('requests with missing documents', () => {
  const org = organization(1);
  const u = unit(1, org.id, { name: 'Centrul de zi Alfa' });
  const complete = DOSSIER_ITEMS.map((i) => ({ code: i.code, status: 'primit' as const, ...(i.isPerUnit ? { unitId: u.id } : {}), ...(i.hasValidity ? { validUntil: '2027-12-31' } : {}) }));
  const request = (id: string, dossier: SubsidyRequest['dossier'], over: Partial<SubsidyRequest> = {}): SubsidyRequest => ({
    id, createdAt: '', updatedAt: '', version: 1, roundId: 'r1', organizationId: org.id, registration: { year: 2026, sequence: Number(id.slice(1)) }, registeredOn: '2026-09-10', year: 2027,
    units: [{ unitId: u.id, serviceCategory: 'centre_de_zi', beneficiariesPerMonth: 20, months: [1], budgetByCategory: {}, ownContribution: bani(0), otherFunding: bani(0) }],
    dossier, status: 'inregistrata', notes: '', ...over,
  });
  const base = {
    rounds: [round({ status: 'in_evaluare' })], unitNames: new Map([[u.id, u.name]]), organizationNames: new Map([[org.id, org.name]]), holidays, today: '2026-10-08',
  };

  it('lists incomplete dossiers with the completion term of the notice, in working days', () => {
    const g = requestsWithMissingDocuments({
      ...base, evaluations: [evaluation('r1')],
      requests: [request('q1', complete), request('q2', complete.filter((e) => e.code !== 'raport_activitate')), request('q3', complete.filter((e) => e.code !== 'bilant')), request('q4', [], { status: 'retrasa' })],
      // Notice of Friday 02.10.2026: 5 working days → Friday 09.10.2026.
      notices: [{ requestId: 'q2', number: '17', issuedOn: '2026-10-02' }],
    });
    expect(g.items.map((i) => i.key)).toEqual(['q2', 'q3']);
    expect(g.items[0]).toMatchObject({ date: '2026-10-09', severity: 'warning', href: '#/cereri/q2' });
    expect(g.items[0]!.detail).toContain('termen de completare 09.10.2026, notificarea nr. 17 din 02.10.2026');
    expect(g.items[1]!.detail).toContain('notificarea privind documentele lipsă nu a fost emisă');
    expect(g.items[1]!.severity).toBe('error'); // the balance sheet is a refusal ground
  });

  it('flags a passed term, and leaves out rounds whose results are final', () => {
    const late = requestsWithMissingDocuments({ ...base, evaluations: [evaluation('r1')], requests: [request('q2', complete.filter((e) => e.code !== 'raport_activitate'))], notices: [{ requestId: 'q2', number: '17', issuedOn: '2026-09-01' }] });
    expect(late.items[0]!.detail).toContain('(depășit)');
    expect(late.items[0]!.severity).toBe('error');
    const locked = requestsWithMissingDocuments({ ...base, evaluations: [evaluation('r1', { isLocked: true })], requests: [request('q3', [])], notices: [] });
    expect(locked.items).toEqual([]);
  });
});

describe('appeal terms this week', () => {
  const rounds = [round({ status: 'in_evaluare' })];
  const names = new Map([['org1', 'Asociația Beta']]);

  it('lists the filing term ending this week and the resolution term of pending appeals, overdue ones too', () => {
    const g = appealTermsThisWeek({
      rounds, organizationNames: names, holidays, today: '2026-12-02',
      evaluations: [evaluation('r1', { notifiedOn: '2026-11-27', isLocked: true })],
      appeals: [
        appeal({ id: 'a1', receivedOn: '2026-11-27' }), // 5 working days from Friday 27.11 → Monday 07.12: next week, left out
        appeal({ id: 'a2', receivedOn: '2026-11-16', registration: { year: 2026, sequence: 2 } }), // → 23.11: overdue
        appeal({ id: 'a3', receivedOn: '2026-11-16', status: 'respinsa' }),
      ],
    });
    expect(g.items.map((i) => i.key)).toEqual(['a2', 'termen-r1']);
    expect(g.items[1]!.detail).toContain('se împlinește la 04.12.2026 (încă 2 zile lucrătoare)');
    expect(g.items[1]!.detail).toContain('3 contestații depuse');
    expect(g.items[0]).toMatchObject({ severity: 'error', date: '2026-11-23' });
    expect(g.items[0]!.detail).toContain('depășit');
  });

  it('leaves out a filing term of another week', () => {
    const g = appealTermsThisWeek({ rounds, organizationNames: names, holidays, today: '2026-12-09', evaluations: [evaluation('r1', { notifiedOn: '2026-11-27' })], appeals: [] });
    expect(g.items).toEqual([]);
    expect(g.emptyText).toContain('07.12.2026–13.12.2026');
  });
});

describe('licences and accreditations', () => {
  const org = organization(1);
  const noCertificate = organization(2, { accreditationNumber: '', accreditationDate: undefined });
  const units = [
    unit(1, org.id, { name: 'Expirată', licenceIssueDate: '2021-01-01', licenceExpiryDate: '2026-11-01' }),
    unit(2, org.id, { name: 'Expiră', licenceIssueDate: '2021-03-01', licenceExpiryDate: '2027-01-31' }),
    unit(3, org.id, { name: 'Valabilă', licenceIssueDate: '2025-01-01', licenceExpiryDate: '2030-01-01' }),
    unit(4, org.id, { name: 'Închisă', licenceIssueDate: '2020-01-01', licenceExpiryDate: '2025-01-01', status: 'inchisa' }),
    unit(5, org.id, { name: 'Peste 61 de zile', licenceIssueDate: '2021-03-01', licenceExpiryDate: '2027-02-01' }),
  ];

  it('flags licences expired or expiring within 60 days (not closed units) and funded NGOs without a certificate', () => {
    const g = licencesAndAccreditations({ units, organizations: [org, noCertificate, organization(3, { accreditationNumber: '' })], concernedOrganizationIds: new Set([org.id, noCertificate.id]), today: '2026-12-02' });
    expect(g.items.map((i) => i.label.split(' — ')[0])).toEqual(['Expirată', 'Expiră', noCertificate.name]);
    expect(g.items[0]).toMatchObject({ severity: 'error', href: `#/registru/${units[0]!.id}` });
    expect(g.items[1]!.detail).toContain('peste 60 de zile');
    expect(g.items[2]).toMatchObject({ href: `#/catalog/${noCertificate.id}`, severity: 'error' });
  });
});

describe('settlements and payments', () => {
  const conventions = [{ id: 'c1', number: '12', year: 2026, provider: { name: 'Asociația Gama' } }];
  const s = (id: string, month: MonthlySettlement['month'], state: MonthlySettlement['state'], over: Partial<MonthlySettlement> = {}): MonthlySettlement => ({ ...emptySettlement('c1', 2026, month), id, createdAt: '', updatedAt: '', version: 1, state, ...over });

  it('lists the settlements submitted and not verified, the oldest first', () => {
    const g = settlementsAwaitingVerification({ conventions, today: '2026-12-02', settlements: [s('s10', 10, 'depus', { submittedOn: '2026-11-10', isLate: true }), s('s9', 9, 'depus', { submittedOn: '2026-10-08' }), s('s8', 8, 'verificat')] });
    expect(g.items.map((i) => i.key)).toEqual(['s9', 's10']);
    expect(g.items[0]!.label).toBe('Convenția nr. 12 — Asociația Gama, septembrie 2026');
    expect(g.items[0]!.detail).toContain('depus la 08.10.2026 (de 55 de zile)');
    expect(g.items[1]).toMatchObject({ severity: 'warning', href: '#/deconturi/s10' });
  });

  it('lists the months ordonanțate and not paid, and approved instalments of months without such a settlement', () => {
    const verification = { by: 'x', at: '', claimed: bani(1_500_000), admitted: bani(1_450_000), admittedByUnit: {}, refused: bani(50_000), explanation: [] };
    const g = approvedUnpaid({
      conventions,
      settlements: [s('s7', 7, 'aprobat', { verification, approval: { ordonantareNumber: 'ORD 5', ordonantareDate: '2026-08-20', by: 'x', at: '' } }), s('s6', 6, 'platit', { verification })],
      instalments: [
        { id: 'i7', conventionId: 'c1', month: 7, state: 'aprobata', planned: bani(1_500_000), amount: bani(1_450_000) }, // same month as s7: once
        { id: 'i6', conventionId: 'c1', month: 6, state: 'aprobata', planned: bani(1_500_000) }, // paid by its settlement
        { id: 'i11', conventionId: 'c1', month: 11, state: 'aprobata', planned: bani(1_500_000) },
        { id: 'i12', conventionId: 'c1', month: 12, state: 'programata', planned: bani(1_500_000) },
      ],
    });
    expect(g.items.map((i) => i.key)).toEqual(['s7', 'i11']);
    expect(g.items[0]!.detail).toBe('Ordonanțat 14.500,00 lei (ordonanțarea nr. ORD 5 din 20.08.2026), neplătit');
    expect(g.items[1]).toMatchObject({ href: '#/contracte/c1' });
  });
});

describe('legal values to fill in', () => {
  it('lists the shipped "de completat" values that stop a computation once, not the informative or optional ones', () => {
    const store = createShippedParameterStore();
    const g = parametersToFill(store, [{ date: '2026-12-02', why: 'astăzi' }, { date: '2027-01-01', why: 'runda 2027' }]);
    const expected = new Set(['2026-12-02', '2027-01-01'].flatMap((d) => store.valuesInForce(d)).filter((v) => v.value === null && !store.definition(v.key)!.isOptional && !v.key.startsWith('hg426.')).map((v) => `${v.key}@${v.validFrom}`));
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(g.items.map((i) => i.key))).toEqual(expected);
    expect(g.items.every((i) => i.href === '#/parametri' && i.detail.includes('de completat'))).toBe(true);
    expect(g.items.some((i) => i.key.startsWith('hg426.') || i.key.startsWith('l34.'))).toBe(false);
  });

  it('says nothing once the values are filled in', () => {
    const store = createShippedParameterStore();
    const filled = store.valuesInForce('2026-12-02').filter((v) => v.value === null).map((v) => ({ ...v, value: store.definition(v.key)!.kind === 'list' ? ['personal'] : 100, origin: 'utilizator' as const }));
    expect(parametersToFill(createShippedParameterStore(filled), [{ date: '2026-12-02', why: 'astăzi' }]).items).toEqual([]);
  });
});
