// The rules of "Ce necesită atenție" on the home screen: pure functions of the stored records and
// today's date. Each returns one group; attentionGroups puts them in the screen's order. Terms are
// computed with the same functions the acts use (appeal and completion terms in working days over
// the holiday calendar, the licence warning of the register), never with a rule of their own.
import type { HolidayTable } from '../calendar/public-holidays';
import { formatDayCount, workingDaysBetween } from '../calendar/working-days';
import { isAccredited, type Organization } from '../catalog/organization';
import { countOf } from '../commission/wording';
import { appealDeadline, resolutionDeadline, type Appeal } from '../commission/appeals';
import { PROCEDURE_STAGES, procedureStage } from '../commission/procedure-stage';
import type { RoundEvaluation } from '../commission/round-evaluation';
import type { Convention } from '../conventions/convention';
import type { Instalment } from '../conventions/payment-plan';
import { formatLei } from '../money';
import { TO_BE_FILLED } from '../parameters/format';
import type { ParameterStore } from '../parameters/store';
import { checkDossier, completionDeadline, DOSSIER_ITEMS } from '../requests/dossier';
import { blocksComputationWhenUnset } from '../requests/parameter-rules';
import { formatRegistrationNumber } from '../requests/registration-number';
import type { SubsidyRequest } from '../requests/subsidy-request';
import { LICENCE_WARNING_DAYS, licenceState, type SocialServiceUnit } from '../register/unit';
import { assessmentDate, roundCompletionWorkingDays, type FundingRound } from '../rounds/funding-round';
import { monthLabel, type MonthlySettlement } from '../settlements/monthly-settlement';
import { daysBetween, formatRoDate, type IsoDate } from '../validation/dates';
import { sortItems, weekOf, type AttentionGroup, type AttentionItem } from './attention-types';


type RoundLike = Pick<FundingRound, 'id' | 'name' | 'year' | 'status' | 'submissionStart' | 'submissionEnd'> & Partial<Pick<FundingRound, 'assessmentDateBasis' | 'mandatoryDossierItems' | 'completionWorkingDays'>>;
type EvaluationLike = Pick<RoundEvaluation, 'roundId' | 'notifiedOn' | 'appealRules' | 'lock'>;
type AppealLike = Pick<Appeal, 'id' | 'roundId' | 'registration' | 'receivedOn' | 'status' | 'resolution' | 'organizationId'>;

/** A round is in progress until it is marked finalizată. */
export const isRoundInProgress = (round: Pick<FundingRound, 'status'>): boolean => round.status !== 'finalizata';

/** Where a round stands today, in a short Romanian phrase, and the page that continues it. */
export function roundStage(round: RoundLike, evaluation: EvaluationLike | undefined, appeals: readonly AppealLike[], holidays: HolidayTable, today: IsoDate): { stage: string; href: string; date?: IsoDate } {
  if (round.status === 'deschisa') {
    if (today < round.submissionStart) return { stage: `Depunerea cererilor începe la ${formatRoDate(round.submissionStart)}`, href: `#/cereri/${round.id}`, date: round.submissionStart };
    if (today <= round.submissionEnd) return { stage: `Depunerea cererilor, până la ${formatRoDate(round.submissionEnd)}`, href: `#/cereri/${round.id}`, date: round.submissionEnd };
    return { stage: `Termenul de depunere s-a încheiat la ${formatRoDate(round.submissionEnd)}: runda se trece în evaluare`, href: `#/cereri/${round.id}`, date: round.submissionEnd };
  }
  const href = `#/comisie/${round.id}`;
  if (!evaluation) return { stage: 'În evaluare: comisia și grila rundei nu sunt alese', href };
  if (!evaluation.lock.isLocked) return { stage: 'În evaluare: punctaj, clasament și alocare (rezultate nefinale)', href };
  const state = procedureStage({ notifiedOn: evaluation.notifiedOn, appealRules: evaluation.appealRules, holidays, appeals: appeals.filter((a) => a.roundId === round.id), date: today });
  if (state.stage === 'termen_contestatii' && state.appealDeadline) return { stage: `Rezultate finale; ${PROCEDURE_STAGES.termen_contestatii.toLowerCase()}, până la ${formatRoDate(state.appealDeadline)}`, href, date: state.appealDeadline };
  if (state.stage === 'contestatii_in_solutionare') return { stage: `Rezultate finale; ${countOf(state.pending, 'contestație', 'contestații')} în curs de soluționare`, href };
  if (state.stage === 'incheiata') return { stage: 'Rezultate finale; procedură încheiată: se încheie convențiile', href: '#/contracte' };
  return { stage: 'Rezultate finale, necomunicate solicitanților', href };
}

export function roundsInProgress(input: { rounds: readonly RoundLike[]; evaluations: readonly EvaluationLike[]; appeals: readonly AppealLike[]; requestCounts: ReadonlyMap<string, number>; holidays: HolidayTable; today: IsoDate }): AttentionGroup {
  const items = input.rounds.filter(isRoundInProgress).map((round): AttentionItem => {
    const { stage, href, date } = roundStage(round, input.evaluations.find((e) => e.roundId === round.id), input.appeals, input.holidays, input.today);
    const n = input.requestCounts.get(round.id) ?? 0;
    return { key: round.id, label: round.name, detail: `${stage} · ${countOf(n, 'cerere', 'cereri')}`, href, severity: 'info', ...(date ? { date } : {}) };
  });
  return { kind: 'runde', title: 'Runde în desfășurare', items: sortItems(items), emptyText: 'Nicio rundă în desfășurare.' };
}

/** The missing-documents notice as the register holds it (in force, not replaced). */
export interface IssuedNotice {
  requestId?: string;
  number: string;
  issuedOn: IsoDate;
}

/**
 * Requests of the rounds still being evaluated (results not final) whose dossier misses a
 * document or holds an expired one on the round's legal date, with the completion term of the
 * notice when one was issued (the round's working days from the notice, over the holidays).
 */
export function requestsWithMissingDocuments(input: {
  rounds: readonly RoundLike[];
  evaluations: readonly EvaluationLike[];
  requests: readonly Pick<SubsidyRequest, 'id' | 'roundId' | 'organizationId' | 'registration' | 'registeredOn' | 'units' | 'dossier' | 'status'>[];
  unitNames: ReadonlyMap<string, string>;
  organizationNames: ReadonlyMap<string, string>;
  notices: readonly IssuedNotice[];
  holidays: HolidayTable;
  today: IsoDate;
}): AttentionGroup {
  const rounds = new Map(input.rounds.filter(isRoundInProgress).map((r) => [r.id, r]));
  const locked = new Set(input.evaluations.filter((e) => e.lock.isLocked).map((e) => e.roundId));
  const items: AttentionItem[] = [];
  for (const request of input.requests) {
    const round = rounds.get(request.roundId);
    if (!round || locked.has(round.id) || request.status !== 'inregistrata') continue;
    const units = request.units.map((l) => ({ id: l.unitId, name: input.unitNames.get(l.unitId) ?? 'unitate' }));
    const check = checkDossier(request.dossier, units, assessmentDate(round, request), DOSSIER_ITEMS, round.mandatoryDossierItems ?? []);
    if (check.isComplete) continue;
    const notice = input.notices.filter((n) => n.requestId === request.id).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn)).at(-1);
    const deadline = notice ? completionDeadline(notice.issuedOn, roundCompletionWorkingDays(round), input.holidays) : undefined;
    const what = countOf(check.problems.length, 'document lipsă sau expirat', 'documente lipsă sau expirate');
    const term = deadline
      ? `termen de completare ${formatRoDate(deadline)}${deadline < input.today ? ' (depășit)' : ''}, notificarea nr. ${notice!.number} din ${formatRoDate(notice!.issuedOn)}`
      : 'notificarea privind documentele lipsă nu a fost emisă';
    const refusal = check.hasRequiredItems ? '' : '; lipsește un document obligatoriu (motiv de respingere)';
    items.push({
      key: request.id,
      label: `Cererea nr. ${formatRegistrationNumber(request.registration)} — ${input.organizationNames.get(request.organizationId) ?? 'ONG'}`,
      detail: `${what}: ${check.problems.slice(0, 3).map((p) => p.text).join('; ')}${check.problems.length > 3 ? '; …' : ''} · ${term}${refusal}`,
      href: `#/cereri/${request.id}`,
      severity: !check.hasRequiredItems || (deadline !== undefined && deadline < input.today) ? 'error' : 'warning',
      ...(deadline ? { date: deadline } : {}),
    });
  }
  return { kind: 'documente_lipsa', title: 'Cereri cu documente lipsă', items: sortItems(items), emptyText: 'Nicio cerere cu dosar incomplet în rundele în evaluare.' };
}

/**
 * Appeal terms that end this week (Monday to Sunday of today's week): the term to appeal against
 * the results of a round (from the communication), and the term to resolve each appeal still
 * pending (from its registration; one already past is listed too, as overdue). Counted with the
 * round's appeal rules (working days by default) over the holiday calendar.
 */
export function appealTermsThisWeek(input: { rounds: readonly RoundLike[]; evaluations: readonly EvaluationLike[]; appeals: readonly AppealLike[]; organizationNames: ReadonlyMap<string, string>; holidays: HolidayTable; today: IsoDate }): AttentionGroup {
  const { monday, sunday } = weekOf(input.today);
  const roundName = new Map(input.rounds.map((r) => [r.id, r.name]));
  const items: AttentionItem[] = [];
  const left = (deadline: IsoDate) => {
    const n = workingDaysBetween(input.today, deadline, input.holidays);
    if (deadline === input.today) return 'se împlinește azi';
    return deadline < input.today ? `s-a împlinit la ${formatRoDate(deadline)}` : `se împlinește la ${formatRoDate(deadline)} (${n === 0 ? 'după zile nelucrătoare' : `încă ${formatDayCount(n, 'lucratoare')}`})`;
  };
  for (const evaluation of input.evaluations) {
    if (!evaluation.notifiedOn || !roundName.has(evaluation.roundId)) continue;
    const deadline = appealDeadline(evaluation.notifiedOn, evaluation.appealRules, input.holidays);
    if (deadline < monday || deadline > sunday) continue;
    const filed = input.appeals.filter((a) => a.roundId === evaluation.roundId && a.receivedOn <= input.today).length;
    items.push({
      key: `termen-${evaluation.roundId}`,
      label: roundName.get(evaluation.roundId)!,
      detail: `Termenul de depunere a contestațiilor (${formatDayCount(evaluation.appealRules.appealDays, evaluation.appealRules.appealDayKind)} de la comunicarea din ${formatRoDate(evaluation.notifiedOn)}) ${left(deadline)} · ${filed === 0 ? 'nicio contestație depusă' : countOf(filed, 'contestație depusă', 'contestații depuse')}`,
      href: `#/comisie/${evaluation.roundId}`,
      severity: deadline < input.today ? 'info' : 'warning',
      date: deadline,
    });
  }
  for (const appeal of input.appeals) {
    if (appeal.status !== 'inregistrata') continue;
    const evaluation = input.evaluations.find((e) => e.roundId === appeal.roundId);
    if (!evaluation) continue;
    const deadline = resolutionDeadline(appeal.receivedOn, evaluation.appealRules, input.holidays);
    if (deadline > sunday) continue;
    items.push({
      key: appeal.id,
      label: `Contestația nr. ${formatRegistrationNumber(appeal.registration)} — ${input.organizationNames.get(appeal.organizationId) ?? 'ONG'}`,
      detail: `Termenul de soluționare (${formatDayCount(evaluation.appealRules.resolutionDays, evaluation.appealRules.resolutionDayKind)} de la înregistrarea din ${formatRoDate(appeal.receivedOn)}) ${left(deadline)}${deadline < input.today ? ' — depășit' : ''}`,
      href: `#/comisie/${appeal.roundId}`,
      severity: deadline < input.today ? 'error' : 'warning',
      date: deadline,
    });
  }
  return { kind: 'contestatii', title: 'Termene de contestație care expiră săptămâna aceasta', items: sortItems(items), emptyText: `Niciun termen de contestație în săptămâna ${formatRoDate(monday)}–${formatRoDate(sunday)}.`, note: `Săptămâna ${formatRoDate(monday)}–${formatRoDate(sunday)}; termene în zile lucrătoare după regulile rundei și calendarul zilelor nelucrătoare.` };
}

type UnitLike = Pick<SocialServiceUnit, 'id' | 'organizationId' | 'name' | 'licenceNumber' | 'licenceIssueDate' | 'licenceExpiryDate' | 'status'>;
type OrganizationLike = Pick<Organization, 'id' | 'name' | 'status' | 'accreditationNumber' | 'accreditationDate'>;

/**
 * Licences expired or expiring within LICENCE_WARNING_DAYS (60) of the units not closed, and the
 * NGOs funded or applying (`concernedOrganizationIds`) with no accreditation certificate recorded
 * or whose status is no longer active. The accreditation certificate has no expiry date (Law
 * 197/2012 as amended [I]: indefinite validity), so only its absence can be flagged.
 */
export function licencesAndAccreditations(input: { units: readonly UnitLike[]; organizations: readonly OrganizationLike[]; concernedOrganizationIds: ReadonlySet<string>; today: IsoDate }): AttentionGroup {
  const orgName = new Map(input.organizations.map((o) => [o.id, o.name]));
  const items: AttentionItem[] = [];
  for (const unit of input.units) {
    if (unit.status === 'inchisa') continue;
    const state = licenceState(unit, input.today, LICENCE_WARNING_DAYS);
    if (state !== 'expirata' && state !== 'expira_curand') continue;
    const days = daysBetween(input.today, unit.licenceExpiryDate!);
    items.push({
      key: unit.id,
      label: `${unit.name} — ${orgName.get(unit.organizationId) ?? 'ONG'}`,
      detail: state === 'expirata'
        ? `Licența nr. ${unit.licenceNumber} a expirat la ${formatRoDate(unit.licenceExpiryDate)} (acum ${countOf(-days, 'zi', 'zile')})`
        : `Licența nr. ${unit.licenceNumber} expiră la ${formatRoDate(unit.licenceExpiryDate)} (peste ${countOf(days, 'zi', 'zile')})`,
      href: `#/registru/${unit.id}`,
      severity: state === 'expirata' ? 'error' : 'warning',
      date: unit.licenceExpiryDate!,
    });
  }
  for (const org of input.organizations) {
    if (!input.concernedOrganizationIds.has(org.id)) continue;
    const problem = org.status !== 'activ' ? `starea în catalog este „${org.status}”` : !isAccredited(org) ? 'certificatul de acreditare nu este înregistrat în catalog' : '';
    if (!problem) continue;
    items.push({ key: `acreditare-${org.id}`, label: org.name, detail: `Acreditare: ${problem} (furnizor cu cerere sau convenție în curs)`, href: `#/catalog/${org.id}`, severity: 'error' });
  }
  return {
    kind: 'licente', title: 'Licențe și acreditări expirate sau care expiră în 60 de zile', items: sortItems(items), emptyText: 'Nicio licență expirată sau care expiră în următoarele 60 de zile.',
    note: 'Certificatul de acreditare a furnizorului nu are termen de valabilitate; se semnalează lipsa lui la furnizorii cu cereri sau convenții în curs.',
  };
}

type ConventionLike = Pick<Convention, 'id' | 'number' | 'year'> & { provider: Pick<Convention['provider'], 'name'> };

const conventionLabel = (c: ConventionLike | undefined, year: number, month: number) => `Convenția nr. ${c?.number ?? '?'} — ${c?.provider.name ?? 'ONG'}, ${monthLabel(year, month as MonthlySettlement['month'])}`;

/** Settlements submitted (depus) and not yet verified, the oldest first. */
export function settlementsAwaitingVerification(input: { conventions: readonly ConventionLike[]; settlements: readonly Pick<MonthlySettlement, 'id' | 'conventionId' | 'year' | 'month' | 'state' | 'submittedOn' | 'isLate'>[]; today: IsoDate }): AttentionGroup {
  const byId = new Map(input.conventions.map((c) => [c.id, c]));
  const items = input.settlements.filter((s) => s.state === 'depus').map((s): AttentionItem => ({
    key: s.id,
    label: conventionLabel(byId.get(s.conventionId), s.year, s.month),
    detail: `Decont depus${s.submittedOn ? ` la ${formatRoDate(s.submittedOn)} (de ${countOf(Math.max(0, daysBetween(s.submittedOn, input.today)), 'zi', 'zile')})` : ''}${s.isLate ? ', după termen' : ''}: de verificat (bun de plată)`,
    href: `#/deconturi/${s.id}`,
    severity: s.isLate ? 'warning' : 'info',
    ...(s.submittedOn ? { date: s.submittedOn } : {}),
  }));
  return { kind: 'deconturi_de_verificat', title: 'Deconturi care așteaptă verificarea', items: sortItems(items), emptyText: 'Niciun decont depus care să aștepte verificarea.' };
}

/**
 * Payments approved but not made: the settlements ordonanțate (aprobat) and not paid, and the
 * instalments of a payment plan approved and not paid for a month with no such settlement.
 */
export function approvedUnpaid(input: {
  conventions: readonly ConventionLike[];
  settlements: readonly Pick<MonthlySettlement, 'id' | 'conventionId' | 'year' | 'month' | 'state' | 'verification' | 'approval'>[];
  instalments: readonly (Pick<Instalment, 'conventionId' | 'month' | 'state' | 'amount' | 'planned'> & { id: string })[];
}): AttentionGroup {
  const byId = new Map(input.conventions.map((c) => [c.id, c]));
  const items: AttentionItem[] = [];
  const covered = new Set<string>();
  for (const s of input.settlements) {
    if (s.state === 'aprobat' || s.state === 'platit') covered.add(`${s.conventionId}|${s.month}`);
    if (s.state !== 'aprobat') continue;
    const amount = s.verification?.admitted ?? 0;
    items.push({
      key: s.id,
      label: conventionLabel(byId.get(s.conventionId), s.year, s.month),
      detail: `Ordonanțat ${formatLei(amount)}${s.approval ? ` (ordonanțarea nr. ${s.approval.ordonantareNumber} din ${formatRoDate(s.approval.ordonantareDate)})` : ''}, neplătit`,
      href: `#/deconturi/${s.id}`,
      severity: 'warning',
      ...(s.approval ? { date: s.approval.ordonantareDate } : {}),
    });
  }
  for (const i of input.instalments) {
    const c = byId.get(i.conventionId);
    if (i.state !== 'aprobata' || !c || covered.has(`${i.conventionId}|${i.month}`)) continue;
    items.push({ key: i.id, label: conventionLabel(c, c.year, i.month), detail: `Tranșa din planul de plăți aprobată (${formatLei(i.amount ?? i.planned)}), neplătită`, href: `#/contracte/${c.id}`, severity: 'warning' });
  }
  return { kind: 'plati_neefectuate', title: 'Plăți aprobate și neefectuate', items: sortItems(items), emptyText: 'Nicio plată aprobată care să aștepte efectuarea.' };
}

/**
 * Legal values still "de completat" that stop a subsidy computation, in force on one of `dates`
 * (today and the first day of each budget year in progress), once per value.
 */
export function parametersToFill(store: Pick<ParameterStore, 'definition' | 'valuesInForce'>, dates: readonly { date: IsoDate; why: string }[]): AttentionGroup {
  const seen = new Map<string, AttentionItem>();
  for (const { date, why } of dates) {
    for (const entry of store.valuesInForce(date)) {
      const definition = store.definition(entry.key);
      if (entry.value !== null || !definition || !blocksComputationWhenUnset(definition)) continue;
      const key = `${entry.key}@${entry.validFrom}`;
      const existing = seen.get(key);
      if (existing) {
        if (!existing.detail.includes(why)) existing.detail += `; ${why}`;
        continue;
      }
      seen.set(key, {
        key,
        label: definition.label,
        detail: `„${TO_BE_FILLED}” în vigoare de la ${formatRoDate(entry.validFrom)} (${[entry.source.act, entry.source.article].filter(Boolean).join(', ')}): oprește calculul subvenției — ${why}`,
        href: '#/parametri',
        severity: 'error',
      });
    }
  }
  return { kind: 'parametri_de_completat', title: 'Valori legale „de completat” care blochează un calcul', items: sortItems([...seen.values()]), emptyText: 'Nicio valoare legală de completat care să blocheze un calcul.' };
}
