import { diffRecords } from '../../../src/audit/diff';
import { termsInForce, validateAmendment, type Amendment, type AmendmentDraft, type ConventionTerms } from '../../../src/conventions/amendments';
import { CONVENTION_STATES, makeDefinitive, terminate, type Convention, type ConventionDraft, type CouncilDecision } from '../../../src/conventions/convention';
import {
  changeInstalment, paymentPlan, validateCommitment, INSTALMENT_STATES, type BudgetCommitment, type Instalment, type InstalmentState,
} from '../../../src/conventions/payment-plan';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { formatLei, type Bani } from '../../../src/money';
import { MONTH_NAMES } from '../../../src/requests/subsidy-request';
import { cleanText } from '../../../src/validation/diacritics';
import { formatRoDate, isValidIsoDate, type IsoDate } from '../../../src/validation/dates';
import { hasErrors } from '../../../src/validation/result';
import { appendAudit, currentUserName, type AuditInput } from '../audit-log';
import type { StoredCommitment, StoredInstalment, SubventiiDb } from '../database';

/** "Convenția nr. 12/15.01.2025 — Asociația X": how a convention is named in messages and in the audit log. */
export const conventionLabel = (c: Pick<Convention, 'number' | 'date' | 'provider'>): string => `Convenția nr. ${c.number}/${formatRoDate(c.date)} — ${c.provider.name}`;

const instalmentLabel = (c: Pick<Convention, 'number' | 'date' | 'provider'>, month: number) => `${conventionLabel(c)}: rata pentru ${MONTH_NAMES[month - 1]}`;

/** The last day of the convention's year: the terms in force then carry every amendment. */
const yearEnd = (year: number): IsoDate => `${year}-12-31`;

const byMonth = (a: Pick<Instalment, 'month'>, b: Pick<Instalment, 'month'>) => a.month - b.month;

/** Input of recordCommitment: the convention is named by the call. */
export type CommitmentInput = Omit<BudgetCommitment, 'conventionId'>;

/** An instalment still open to re-planning: neither approved, paid, returned nor cancelled. */
const isOpen = (i: Pick<Instalment, 'state'>) => i.state === 'programata';

/**
 * Conventions of subsidy with their amendments, payment plan and budget commitment. Every write
 * runs in one transaction with its audit entries; conventions, amendments and instalments are never
 * deleted (a convention ends by termination, an amendment is corrected by a later one, an
 * instalment is cancelled or returned).
 */
export function createConventionRepository(db: SubventiiDb) {
  const tables = () => [db.conventions, db.conventionAmendments, db.instalments, db.budgetCommitments, db.resultSnapshots, db.requests, db.audit, db.settings];

  async function load(id: string): Promise<Convention> {
    const current = await db.conventions.get(id);
    if (!current) throw new DomainError('Convenția nu mai există.');
    return current;
  }

  function assertVersion(current: Convention, expectedVersion: number): void {
    if (current.version !== expectedVersion) {
      throw new ConflictError(`${conventionLabel(current)} a fost modificată între timp (versiunea ${current.version}). Reîncărcați convenția și refaceți modificarea.`);
    }
  }

  async function amendmentsOf(conventionId: string): Promise<Amendment[]> {
    const list = await db.conventionAmendments.where('conventionId').equals(conventionId).toArray();
    return list.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.number.localeCompare(b.number, 'ro', { numeric: true })));
  }

  async function instalmentsOf(conventionId: string): Promise<StoredInstalment[]> {
    return (await db.instalments.where('conventionId').equals(conventionId).toArray()).sort(byMonth);
  }

  async function saveConvention(current: Convention, next: Convention): Promise<Convention> {
    const record: Convention = { ...next, updatedAt: new Date().toISOString(), version: current.version + 1 };
    await db.conventions.put(record);
    await appendAudit(db, [{ entity: 'conventions', entityId: record.id, label: conventionLabel(record), action: 'modificare', changes: diffRecords(current, record) }]);
    return record;
  }

  /**
   * Brings the scheduled instalments in line with `terms`: a scheduled month gets the new planned
   * amount (or is cancelled when the terms no longer pay it), a month newly paid gets an instalment;
   * months approved, paid, returned or cancelled stay as they are. Returns the audit entries.
   */
  async function replan(convention: Convention, terms: ConventionTerms, why: string): Promise<AuditInput[]> {
    const user = await currentUserName(db);
    const at = new Date().toISOString();
    const plan = new Map(paymentPlan(terms).map((i) => [i.month, i]));
    const existing = await instalmentsOf(convention.id);
    const audit: AuditInput[] = [];
    for (const instalment of existing) {
      if (!isOpen(instalment)) continue;
      const planned = plan.get(instalment.month)?.planned;
      if (planned === instalment.planned) continue;
      const to: InstalmentState = planned === undefined ? 'anulata' : 'programata';
      const note = planned === undefined
        ? `${why}: luna nu mai este subvenționată`
        : `${why}: suma planificată ${formatLei(instalment.planned)} → ${formatLei(planned)}`;
      const record: StoredInstalment = {
        ...instalment,
        planned: planned ?? instalment.planned,
        state: to,
        history: [...instalment.history, { from: instalment.state, to, by: user, at, note }],
        updatedAt: at,
        version: instalment.version + 1,
      };
      await db.instalments.put(record);
      audit.push({ entity: 'instalments', entityId: record.id, label: instalmentLabel(convention, record.month), action: 'modificare', changes: diffRecords(instalment, record) });
    }
    for (const [month, planned] of plan) {
      if (existing.some((i) => i.month === month && i.state !== 'anulata')) continue;
      const record = stamp({ ...planned, history: [{ from: 'programata' as const, to: 'programata' as const, by: user, at, note: `${why}: rată nouă` }] }, at) as StoredInstalment;
      await db.instalments.add(record);
      audit.push({ entity: 'instalments', entityId: record.id, label: instalmentLabel(convention, month), action: 'creare', after: record });
    }
    return audit;
  }

  return {
    get: (id: string) => db.conventions.get(id),
    /** Every convention (the global search indexes them). */
    list: () => db.conventions.toArray(),
    listByYear: (year: number) => db.conventions.where('year').equals(year).toArray(),
    listByRound: (roundId: string) => db.conventions.where('roundId').equals(roundId).toArray(),
    listByRequest: (requestId: string) => db.conventions.where('requestId').equals(requestId).toArray(),

    /**
     * Stores a convention made by conventionFromAward from the frozen award, with its payment plan
     * (one scheduled instalment per month of its terms). Refused when the number is already used
     * in the year, when the request already has a convention that has not ended, or when the
     * results it rests on are no longer in force.
     */
    async createFromAward(draft: ConventionDraft): Promise<Convention> {
      const number = cleanText(draft.number);
      if (!number) throw new ValidationError({ number: 'Numărul convenției lipsește.' });
      if (!isValidIsoDate(draft.date)) throw new ValidationError({ date: 'Data convenției nu este o dată validă.' });
      if (!cleanText(draft.councilDecision?.number) || !isValidIsoDate(draft.councilDecision?.date)) {
        throw new ValidationError({ 'councilDecision.number': 'Convenția se încheie după hotărârea consiliului local: numărul și data hotărârii sunt obligatorii.' });
      }
      if (draft.units.length === 0 || draft.amount <= 0) throw new DomainError('Convenția nu are unități cu sume contractate.');
      return db.transaction('rw', tables(), async () => {
        const snapshot = await db.resultSnapshots.get(draft.snapshotId);
        if (!snapshot || snapshot.roundId !== draft.roundId) throw new DomainError('Rezultatele finale pe care se bazează convenția nu au fost găsite.');
        if (snapshot.supersededAt) throw new DomainError('Rezultatele finale folosite au fost înlocuite între timp; reîncărcați lista și încheiați convenția pe baza rezultatelor în vigoare.');
        const request = await db.requests.get(draft.requestId);
        if (!request || request.roundId !== draft.roundId) throw new DomainError('Cererea convenției nu mai există în această rundă.');
        if (!snapshot.content.requests.some((r) => r.id === draft.requestId)) throw new DomainError('Cererea nu figurează în rezultatele finale.');
        const sameNumber = await db.conventions.where('[year+number]').equals([draft.year, number]).first();
        if (sameNumber) throw new ValidationError({ number: `Numărul ${number} este deja folosit în ${draft.year} de ${conventionLabel(sameNumber)}.` }, `Numărul de convenție ${number} este deja folosit în ${draft.year}.`);
        const earlier = (await db.conventions.where('requestId').equals(draft.requestId).toArray()).find((c) => c.state !== 'incetata');
        if (earlier) throw new DomainError(`Cererea are deja ${conventionLabel(earlier).replace(/^Convenția/, 'convenția')} (${CONVENTION_STATES[earlier.state].toLowerCase()}); o nouă convenție se încheie doar după încetarea acesteia.`);

        const at = new Date().toISOString();
        const record = stamp({ ...draft, number }, at) as Convention;
        await db.conventions.add(record);
        const plan = paymentPlan(termsInForce(record, [], yearEnd(record.year))).map((i) => stamp(i, at) as StoredInstalment);
        await db.instalments.bulkAdd(plan);
        await appendAudit(db, [
          { entity: 'conventions', entityId: record.id, label: conventionLabel(record), action: 'creare', after: record },
          ...plan.map((i): AuditInput => ({ entity: 'instalments', entityId: i.id, label: instalmentLabel(record, i.month), action: 'creare', after: i })),
        ], at);
        return record;
      });
    },

    /** The council approved the final conventions (a later HCL): the convention becomes definitivă. */
    async makeDefinitive(id: string, expectedVersion: number, decision: CouncilDecision): Promise<Convention> {
      return db.transaction('rw', tables(), async () => {
        const current = await load(id);
        assertVersion(current, expectedVersion);
        const result = makeDefinitive(current, decision);
        if (!result.ok) throw new DomainError(result.message);
        if (result.value.finalDecision && result.value.finalDecision.date < current.councilDecision.date) {
          throw new DomainError(`Hotărârea de aprobare a convențiilor definitive (${formatRoDate(result.value.finalDecision.date)}) nu poate preceda hotărârea din ${formatRoDate(current.councilDecision.date)}.`);
        }
        return saveConvention(current, result.value);
      });
    },

    /**
     * Ends the convention (încetare) on a date with its reason; it stays on record. The scheduled
     * instalments of the months after the one it ends in are cancelled, naming the termination.
     */
    async terminate(id: string, expectedVersion: number, on: IsoDate, reason: string): Promise<Convention> {
      return db.transaction('rw', tables(), async () => {
        const current = await load(id);
        assertVersion(current, expectedVersion);
        const result = terminate(current, on, reason);
        if (!result.ok) throw new DomainError(result.message);
        if (on < current.date) throw new DomainError(`Data încetării nu poate preceda data convenției (${formatRoDate(current.date)}).`);
        const record = await saveConvention(current, result.value);
        const user = await currentUserName(db);
        const at = new Date().toISOString();
        const endMonth = Number(on.slice(0, 4)) > current.year ? 13 : Number(on.slice(5, 7));
        const audit: AuditInput[] = [];
        for (const instalment of await instalmentsOf(id)) {
          if (!isOpen(instalment) || instalment.month <= endMonth) continue;
          const changed = changeInstalment(instalment, 'anulata', { by: user, at, note: `Convenție încetată la ${formatRoDate(on)}: ${cleanText(reason)}` });
          if (!changed.ok) continue;
          const next: StoredInstalment = { ...instalment, ...changed.value, updatedAt: at, version: instalment.version + 1 };
          await db.instalments.put(next);
          audit.push({ entity: 'instalments', entityId: next.id, label: instalmentLabel(record, next.month), action: 'modificare', changes: diffRecords(instalment, next) });
        }
        await appendAudit(db, audit, at);
        return record;
      });
    },

    // ── Amendments (acte adiționale) ────────────────────────────────────────────────────────────

    listAmendments: (conventionId: string) => amendmentsOf(conventionId),

    /** The terms in force on `date` (by default at the end of the convention's year: every amendment). */
    async terms(conventionId: string, date?: IsoDate): Promise<ConventionTerms> {
      const convention = await load(conventionId);
      return termsInForce(convention, await amendmentsOf(conventionId), date ?? yearEnd(convention.year));
    },

    /**
     * Adds an amendment, validated against the convention; amendments are never edited (a correction
     * is a later amendment). The scheduled instalments are re-planned for the new terms; months
     * already approved, paid, returned or cancelled keep what they have.
     */
    async addAmendment(conventionId: string, draft: Omit<AmendmentDraft, 'conventionId'>): Promise<Amendment> {
      return db.transaction('rw', tables(), async () => {
        const convention = await load(conventionId);
        if (convention.state === 'incetata') throw new DomainError(`${conventionLabel(convention)} a încetat; nu i se mai adaugă acte adiționale.`);
        const value: AmendmentDraft = {
          ...draft,
          conventionId,
          number: cleanText(draft.number),
          reason: cleanText(draft.reason),
          decidingAct: cleanText(draft.decidingAct),
        };
        const errors = validateAmendment(convention, value);
        if (hasErrors(errors)) throw new ValidationError(errors);
        const earlier = await amendmentsOf(conventionId);
        if (earlier.some((a) => a.number.toLowerCase() === value.number.toLowerCase())) {
          throw new ValidationError({ number: `Actul adițional nr. ${value.number} există deja la această convenție.` });
        }
        const at = new Date().toISOString();
        const record = stamp(value, at) as Amendment;
        await db.conventionAmendments.add(record);
        const terms = termsInForce(convention, [...earlier, record], yearEnd(convention.year));
        const replanned = await replan(convention, terms, `Act adițional nr. ${record.number} din ${formatRoDate(record.date)}`);
        await appendAudit(db, [
          { entity: 'conventionAmendments', entityId: record.id, label: `${conventionLabel(convention)}: act adițional nr. ${record.number}/${formatRoDate(record.date)}`, action: 'creare', after: record },
          ...replanned,
        ], at);
        return record;
      });
    },

    // ── Payment plan ─────────────────────────────────────────────────────────────────────────────

    listInstalments: (conventionId: string) => instalmentsOf(conventionId),

    /**
     * Moves an instalment to another state (approved, paid, returned, cancelled, back to scheduled),
     * recording who and when in its history. Refused when the convention has ended and the change
     * is an approval or a payment.
     */
    async changeInstalment(id: string, expectedVersion: number, to: InstalmentState, details: { note?: string; amount?: Bani; paymentOrderNumber?: string } = {}): Promise<StoredInstalment> {
      return db.transaction('rw', tables(), async () => {
        const current = await db.instalments.get(id);
        if (!current) throw new DomainError('Rata nu mai există.');
        const convention = await load(current.conventionId);
        if (current.version !== expectedVersion) {
          throw new ConflictError(`${instalmentLabel(convention, current.month)} a fost modificată între timp. Reîncărcați planul de plăți și refaceți modificarea.`);
        }
        if (convention.state === 'incetata' && (to === 'aprobata' || to === 'programata')) {
          throw new DomainError(`${conventionLabel(convention)} a încetat la ${formatRoDate(convention.terminatedOn)}; rata nu mai poate deveni „${INSTALMENT_STATES[to]}”.`);
        }
        const at = new Date().toISOString();
        const result = changeInstalment(current, to, { by: await currentUserName(db), at, ...details });
        if (!result.ok) throw new DomainError(result.message);
        const record: StoredInstalment = { ...current, ...result.value, updatedAt: at, version: current.version + 1 };
        await db.instalments.put(record);
        await appendAudit(db, [{ entity: 'instalments', entityId: id, label: instalmentLabel(convention, record.month), action: 'modificare', changes: diffRecords(current, record) }], at);
        return record;
      });
    },

    // ── Budget commitment (angajament bugetar) ─────────────────────────────────────────────────

    /** The convention's budget commitment, once recorded. */
    getCommitment: (conventionId: string) => db.budgetCommitments.where('conventionId').equals(conventionId).first(),

    /** Commitments of many conventions, by convention id (for lists). */
    async commitmentsOf(conventionIds: readonly string[]): Promise<Map<string, StoredCommitment>> {
      const rows = conventionIds.length > 0 ? await db.budgetCommitments.where('conventionId').anyOf([...conventionIds]).toArray() : [];
      return new Map(rows.map((r) => [r.conventionId, r]));
    },

    /**
     * Records the budget commitment of a convention (OMFP 1792/2002 annex 2), validated against the
     * terms in force (it covers the convention's current amount). One per convention: a second call
     * updates it, with the version it was read at; a commitment with a CFP visa no longer changes,
     * except to cover an amount an amendment raised, with a new visa.
     */
    async recordCommitment(conventionId: string, input: CommitmentInput, expectedVersion?: number): Promise<StoredCommitment> {
      return db.transaction('rw', tables(), async () => {
        const convention = await load(conventionId);
        if (convention.state === 'incetata') throw new DomainError(`${conventionLabel(convention)} a încetat; angajamentul bugetar nu se mai modifică.`);
        const value: BudgetCommitment = {
          conventionId,
          number: cleanText(input.number),
          date: input.date,
          amount: input.amount,
          classification: {
            chapter: cleanText(input.classification.chapter),
            subchapter: cleanText(input.classification.subchapter),
            titleArticle: cleanText(input.classification.titleArticle),
            titleArticleLabel: cleanText(input.classification.titleArticleLabel),
            isDefault: input.classification.isDefault,
          },
          ...(input.cfpVisa ? { cfpVisa: { by: cleanText(input.cfpVisa.by), on: input.cfpVisa.on } } : {}),
        };
        const terms = termsInForce(convention, await amendmentsOf(conventionId), yearEnd(convention.year));
        const errors: Record<string, string> = { ...validateCommitment(value, terms) };
        if (value.cfpVisa && (!value.cfpVisa.by || !isValidIsoDate(value.cfpVisa.on))) errors.cfpVisa = 'Viza CFP trebuie să aibă numele celui care o acordă și data.';
        if (hasErrors(errors)) throw new ValidationError(errors);
        const label = `${conventionLabel(convention)}: angajament bugetar nr. ${value.number}`;
        const existing = await db.budgetCommitments.where('conventionId').equals(conventionId).first();
        const at = new Date().toISOString();
        if (!existing) {
          const record = stamp(value, at) as StoredCommitment;
          await db.budgetCommitments.add(record);
          await appendAudit(db, [{ entity: 'budgetCommitments', entityId: record.id, label, action: 'creare', after: record }], at);
          return record;
        }
        if (expectedVersion === undefined || existing.version !== expectedVersion) {
          throw new ConflictError(`Angajamentul bugetar al convenției a fost înregistrat sau modificat între timp (nr. ${existing.number}). Reîncărcați convenția și refaceți modificarea.`);
        }
        // A visaed commitment no longer changes, unless an amendment raised the amount above it:
        // then it is raised with a new CFP visa (the audit log keeps the earlier one).
        if (existing.cfpVisa) {
          if (existing.amount >= terms.amount) throw new DomainError(`Angajamentul bugetar nr. ${existing.number} are viza CFP din ${formatRoDate(existing.cfpVisa.on)} și nu se mai modifică.`);
          if (!value.cfpVisa || (value.cfpVisa.by === existing.cfpVisa.by && value.cfpVisa.on === existing.cfpVisa.on)) {
            throw new ValidationError({ cfpVisa: 'Suplimentarea angajamentului după actul adițional are nevoie de o nouă viză CFP (cine și când).' });
          }
        }
        const record: StoredCommitment = { ...existing, ...value, updatedAt: at, version: existing.version + 1 };
        const changes = diffRecords(existing, record);
        if (changes.length === 0) return existing;
        await db.budgetCommitments.put(record);
        await appendAudit(db, [{ entity: 'budgetCommitments', entityId: record.id, label, action: 'modificare', changes }], at);
        return record;
      });
    },
  };
}

export type ConventionRepository = ReturnType<typeof createConventionRepository>;
