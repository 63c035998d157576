import { diffRecords } from '../../../src/audit/diff';
import { termsForMonth } from '../../../src/conventions/amendments';
import type { Convention } from '../../../src/conventions/convention';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { createShippedParameterStore } from '../../../src/parameters/shipped';
import { createSubsidyRules, ELIGIBLE_EXPENSES_KEY } from '../../../src/requests/parameter-rules';
import { MONTH_NAMES, type Month } from '../../../src/requests/subsidy-request';
import {
  approveSettlement, editSettlement, emptySettlement, monthLabel, paySettlement, recordAdjustment, rejectSettlement, reworkRejected, submitSettlement,
  validateSettlement, verifySettlement, type MonthlySettlement, type SettlementResult,
} from '../../../src/settlements/monthly-settlement';
import { buildClaimIndex, computeMonthlyDue, suspensionReasons, verificationOf, type MonthlyDue, type ProviderStanding } from '../../../src/settlements/monthly-subsidy-due';
import { admittedBefore, providerStanding, usedByCategory } from '../../../src/settlements/settlement-ledger';
import type { Bani } from '../../../src/money';
import { isoFromParts, type IsoDate } from '../../../src/validation/dates';
import { changeInstalment } from '../../../src/conventions/payment-plan';
import { standingSuspensions } from '../../../src/monitoring/findings';
import { appendAudit, currentUserName, type AuditInput } from '../audit-log';
import type { SubventiiDb } from '../database';

const ENTITY = 'settlements';

/**
 * Keeps the payment plan in step with the settlement (inside the caller's transaction, which must
 * include `instalments`): an approved month's instalment becomes approved with the admitted amount,
 * a paid month's becomes paid with the payment order. An instalment already moved by hand, or one
 * the change does not fit (an amount over the month's plan), is left as it is.
 */
export async function syncInstalment(db: SubventiiDb, settlement: MonthlySettlement, user: string, at: string, conventionNumber: string): Promise<AuditInput[]> {
  const instalment = await db.instalments.where('[conventionId+month]').equals([settlement.conventionId, settlement.month]).first();
  if (!instalment) return [];
  const steps: ('aprobata' | 'platita')[] = settlement.state === 'aprobat' ? ['aprobata'] : settlement.state === 'platit' ? ['aprobata', 'platita'] : [];
  let current = instalment;
  for (const to of steps) {
    if (current.state === to || (to === 'aprobata' && current.state !== 'programata')) continue;
    const next = changeInstalment(current, to, { by: user, at, amount: settlement.verification?.admitted, paymentOrderNumber: settlement.payment?.paymentOrderNumber, note: `decontul lunii, ${to === 'aprobata' ? `ordonanțarea nr. ${settlement.approval?.ordonantareNumber ?? ''}` : `ordinul de plată nr. ${settlement.payment?.paymentOrderNumber ?? ''}`}` });
    if (!next.ok) break;
    current = { ...current, ...next.value };
  }
  if (current === instalment) return [];
  const record = { ...current, updatedAt: at, version: instalment.version + 1 };
  await db.instalments.put(record);
  return [{ entity: 'instalments', entityId: record.id, label: `Rata pentru ${MONTH_NAMES[record.month - 1]} — convenția nr. ${conventionNumber}`, action: 'modificare', changes: diffRecords(instalment, record) }];
}

export type SettlementChanges = Partial<Pick<MonthlySettlement, 'beneficiaries' | 'expenses' | 'otherFunding'>>;

/** What the month's computation reads, gathered in one place (inside a transaction or not). */
export interface SettlementContext {
  convention: Convention;
  due: MonthlyDue;
  standing: ProviderStanding;
}

/**
 * Monthly settlements (deconturi lunare): one per convention and month, moved through their states
 * by the pure functions of src/settlements, each change version-checked and audited in the same
 * transaction. A verified month is never edited: it keeps the verification it froze.
 */
export function createSettlementRepository(db: SubventiiDb) {
  const tables = () => [db.settlements, db.instalments, db.conventions, db.conventionAmendments, db.organizations, db.units, db.parameterValues, db.suspensions, db.audit, db.settings];

  const label = (s: Pick<MonthlySettlement, 'year' | 'month'>, convention: Pick<Convention, 'number'> | undefined) =>
    `Decontul convenției nr. ${convention?.number ?? '?'}, ${monthLabel(s.year, s.month)}`;

  async function conventionOf(conventionId: string): Promise<Convention> {
    const convention = await db.conventions.get(conventionId);
    if (!convention) throw new DomainError('Convenția decontului nu mai există.');
    return convention;
  }

  /** The amount due for the month as the rules compute it now (terms, level and standing of that month). */
  async function context(settlement: MonthlySettlement): Promise<SettlementContext> {
    const convention = await conventionOf(settlement.conventionId);
    const [amendments, sameConvention, yearSettlements, conventions, organization, units, userValues, suspensions] = await Promise.all([
      db.conventionAmendments.where('conventionId').equals(convention.id).toArray(),
      db.settlements.where('conventionId').equals(convention.id).toArray(),
      db.settlements.where('year').equals(settlement.year).toArray(),
      db.conventions.where('year').equals(settlement.year).toArray(),
      db.organizations.get(convention.provider.organizationId),
      db.units.bulkGet(convention.units.map((u) => u.unitId)),
      db.parameterValues.toArray(),
      db.suspensions.where('conventionId').equals(convention.id).toArray(),
    ]);
    const terms = termsForMonth(convention, amendments, settlement.month);
    const numbers = new Map(conventions.map((c) => [c.id, c.number]));
    // The claim index of the year's settlements of all conventions (the same document is claimed once).
    const claims = buildClaimIndex(yearSettlements.filter((s) => s.id !== settlement.id).map((s) => ({ ...s, conventionNumber: numbers.get(s.conventionId) ?? '?' })));
    const params = createShippedParameterStore(userValues.map(({ id: _id, version: _v, ...v }) => v));
    const rules = createSubsidyRules(params);
    const categories = params.listItemsAt(ELIGIBLE_EXPENSES_KEY, isoFromParts(settlement.year, settlement.month, 1));
    const categoryLabels = new Map((categories.ok ? categories.value : []).map((c) => [c.code, c.label]));
    // Suspensions decided by monitoring (a proposal has no effect): the computation shows them, approval is refused.
    const standing = providerStanding(organization, units.filter((u) => !!u), standingSuspensions(suspensions, convention.id));
    const prior = admittedBefore(sameConvention, convention.id, settlement.month);
    const result = computeMonthlyDue({ terms, conventionNumber: convention.number, settlement, rules, ...prior, claims, standing, categoryLabels });
    if (!result.ok) throw new DomainError(result.message);
    return { convention, due: result.value, standing };
  }

  async function reasonsFor(settlement: Pick<MonthlySettlement, 'conventionId' | 'month'>): Promise<string[]> {
    const convention = await conventionOf(settlement.conventionId);
    const amendments = await db.conventionAmendments.where('conventionId').equals(convention.id).toArray();
    const units = await db.units.bulkGet(convention.units.map((u) => u.unitId));
    const suspensions = await db.suspensions.where('conventionId').equals(convention.id).toArray();
    const standing = providerStanding(await db.organizations.get(convention.provider.organizationId), units.filter((u) => !!u), standingSuspensions(suspensions, convention.id));
    return suspensionReasons(termsForMonth(convention, amendments, settlement.month), settlement.month, standing);
  }

  function unwrap(result: SettlementResult): MonthlySettlement {
    if (!result.ok) throw new DomainError(result.message);
    return result.value;
  }

  /** Reads, checks the version, applies `change`, stores and audits, all in one transaction. */
  async function change(id: string, expectedVersion: number, apply: (current: MonthlySettlement, user: string, at: string) => Promise<MonthlySettlement> | MonthlySettlement): Promise<MonthlySettlement> {
    return db.transaction('rw', tables(), async () => {
      const current = await db.settlements.get(id);
      if (!current) throw new DomainError('Decontul nu mai există.');
      const convention = await db.conventions.get(current.conventionId);
      if (current.version !== expectedVersion) throw new ConflictError(`${label(current, convention)} a fost modificat între timp (versiunea ${current.version}). Reîncărcați decontul și refaceți modificarea.`);
      const at = new Date().toISOString();
      const next = await apply(current, await currentUserName(db), at);
      const changes = diffRecords(current, next);
      if (changes.length === 0) return current;
      const record: MonthlySettlement = { ...next, id: current.id, createdAt: current.createdAt, updatedAt: at, version: current.version + 1 };
      await db.settlements.put(record);
      const planned = record.state !== current.state ? await syncInstalment(db, record, await currentUserName(db), at, convention?.number ?? '?') : [];
      await appendAudit(db, [{ entity: ENTITY, entityId: id, label: label(record, convention), action: 'modificare', changes }, ...planned], at);
      return record;
    });
  }

  function checkEntries(s: MonthlySettlement, convention: Convention): void {
    const errors = validateSettlement(s, convention.units.map((u) => u.unitId));
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  }

  return {
    get: (id: string) => db.settlements.get(id),
    listByYear: (year: number) => db.settlements.where('year').equals(year).toArray(),
    listByConvention: (conventionId: string) => db.settlements.where('conventionId').equals(conventionId).toArray(),
    find: (conventionId: string, month: Month) => db.settlements.where('[conventionId+month]').equals([conventionId, month]).first(),

    /** The amount due as it would be computed now, with its explanation (for the screen; nothing stored). */
    async preview(settlement: MonthlySettlement): Promise<SettlementContext> {
      return db.transaction('r', tables(), () => context(settlement));
    },

    /** Why the month cannot be approved for payment now (licence, accreditation, recorded suspensions). */
    suspensionReasons(settlement: Pick<MonthlySettlement, 'conventionId' | 'month'>): Promise<string[]> {
      return db.transaction('r', tables(), () => reasonsFor(settlement));
    },

    /** A draft for the convention's month; one settlement per convention and month. */
    async createDraft(conventionId: string, month: Month): Promise<MonthlySettlement> {
      return db.transaction('rw', tables(), async () => {
        const convention = await conventionOf(conventionId);
        if (convention.state === 'incetata' && convention.terminatedOn && convention.terminatedOn < `${convention.year}-${String(month).padStart(2, '0')}-01`) {
          throw new DomainError(`Convenția nr. ${convention.number} a încetat la ${convention.terminatedOn}; nu se mai depun deconturi.`);
        }
        if (month < convention.firstMonth || month > convention.lastMonth) throw new DomainError(`Luna ${MONTH_NAMES[month - 1]} nu este în perioada convenției nr. ${convention.number}.`);
        const existing = await db.settlements.where('[conventionId+month]').equals([conventionId, month]).first();
        if (existing) throw new ConflictError(`${label(existing, convention)} există deja.`);
        const record = stamp(emptySettlement(conventionId, convention.year, month)) as MonthlySettlement;
        await db.settlements.add(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: record.id, label: label(record, convention), action: 'creare', after: record }]);
        return record;
      });
    },

    /** The NGO's entries (beneficiaries, expenses, other funding): only while a draft. */
    editSettlement(id: string, changes: SettlementChanges, expectedVersion: number) {
      return change(id, expectedVersion, async (current) => {
        const next = unwrap(editSettlement(current, changes));
        checkEntries(next, await conventionOf(current.conventionId));
        return next;
      });
    },

    /** Submission (depunere); late when after the convention's submission day. */
    submitSettlement(id: string, input: { on: IsoDate }, expectedVersion: number) {
      return change(id, expectedVersion, async (current, by, at) => {
        const convention = await conventionOf(current.conventionId);
        checkEntries(current, convention);
        return unwrap(submitSettlement(current, { on: input.on, by, at, submissionDay: convention.submissionDay }));
      });
    },

    /** Verification ("bun de plată", lichidare): the computed amounts are frozen into the settlement. */
    verifySettlement(id: string, expectedVersion: number) {
      return change(id, expectedVersion, async (current, by, at) => {
        const { due } = await context(current);
        return unwrap(verifySettlement(current, { ...verificationOf(due), usedByCategory: usedByCategory(due, current.expenses), due, by, at }));
      });
    },

    /** Approval for payment (ordonanțare); refused while the month is suspended, with the reasons. */
    approveSettlement(id: string, input: { ordonantareNumber: string; ordonantareDate: IsoDate }, expectedVersion: number) {
      return change(id, expectedVersion, async (current, by, at) => {
        const reasons = await reasonsFor(current);
        return unwrap(approveSettlement(current, { ...input, by, at, suspensionReasons: reasons }));
      });
    },

    /** Payment (Treasury payment order). */
    paySettlement(id: string, input: { paymentOrderNumber: string; date: IsoDate }, expectedVersion: number) {
      return change(id, expectedVersion, (current, by, at) => unwrap(paySettlement(current, { ...input, by, at })));
    },

    rejectSettlement(id: string, input: { reason: string }, expectedVersion: number) {
      return change(id, expectedVersion, (current, by, at) => unwrap(rejectSettlement(current, { ...input, by, at })));
    },

    reworkRejected(id: string, expectedVersion: number) {
      return change(id, expectedVersion, (current, by, at) => unwrap(reworkRejected(current, { by, at })));
    },

    /** A correction of a verified earlier month, recorded in this later, open month (never an edit of the earlier one). */
    recordAdjustment(id: string, input: { correctedMonth: Month; amount: Bani; reason: string }, expectedVersion: number) {
      return change(id, expectedVersion, async (current, by, at) => {
        const corrected = await db.settlements.where('[conventionId+month]').equals([current.conventionId, input.correctedMonth]).first();
        if (!corrected) throw new DomainError(`Nu există decont pentru ${monthLabel(current.year, input.correctedMonth)}.`);
        return unwrap(recordAdjustment(current, corrected, { amount: input.amount, reason: input.reason, by, at }));
      });
    },
  };
}

export type SettlementRepository = ReturnType<typeof createSettlementRepository>;
