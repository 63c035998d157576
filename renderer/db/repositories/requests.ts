import { diffRecords } from '../../../src/audit/diff';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError, ValidationError } from '../../../src/errors';
import { markAllReceived } from '../../../src/requests/dossier';
import { formatRegistrationNumber, nextRegistrationNumber } from '../../../src/requests/registration-number';
import type { SubsidyRequest, SubsidyRequestDraft } from '../../../src/requests/subsidy-request';
import { validateRequest } from '../../../src/requests/validate-request';
import type { IsoDate } from '../../../src/validation/dates';
import { cleanText } from '../../../src/validation/diacritics';
import { appendAudit } from '../audit-log';
import type { SubventiiDb } from '../database';
import { readPartCopied } from '../partition-snapshots';

const ENTITY = 'requests';

export function createRequestRepository(db: SubventiiDb) {
  const tables = () => [db.requests, db.rounds, db.units, db.organizations, db.audit, db.settings];

  async function validated(draft: SubsidyRequestDraft): Promise<SubsidyRequestDraft> {
    const units = await db.units.where('organizationId').equals(draft.organizationId).toArray();
    const roundExists = !!draft.roundId && !!(await db.rounds.get(draft.roundId));
    const { value, errors } = validateRequest(draft, { unitsOfOrganization: units, roundExists });
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return value;
  }

  const label = async (request: Pick<SubsidyRequest, 'registration' | 'organizationId'>) =>
    `Cererea nr. ${formatRegistrationNumber(request.registration)} — ${(await db.organizations.get(request.organizationId))?.name ?? ''}`;

  const repository = {
    /** Every request (the global search indexes them). */
    list(): Promise<SubsidyRequest[]> {
      return db.requests.toArray();
    },

    listByRound(roundId: string): Promise<SubsidyRequest[]> {
      return db.requests.where('roundId').equals(roundId).toArray();
    },

    /** Every request for a subsidy year (by the `year` index: one read, not a pass over every request). */
    listByYear(year: number): Promise<SubsidyRequest[]> {
      // From the year's copy when it is valid (renderer/db/partition-snapshots.ts).
      return readPartCopied<SubsidyRequest>(db, 'requests', year);
    },

    /**
     * A round's requests and every request of a subsidy year (the overlap check's input, which
     * holds the round's own requests): the year's read once by the `year` index, the round's taken
     * from it by the ids the `roundId` index gives (keys only), so that a round's requests are not
     * read twice; one of the round's asking for another year is read by id. Both lists in id order,
     * as listByRound and listByYear give them, from one snapshot of the table (the year's from its
     * copy when it is valid, renderer/db/partition-snapshots.ts).
     */
    listByRoundAndYear(roundId: string, year: number): Promise<{ ofRound: SubsidyRequest[]; ofYear: SubsidyRequest[] }> {
      return db.transaction('r', [db.requests, db.tableSnapshots], async () => {
        const [ofYear, ids] = await Promise.all([readPartCopied<SubsidyRequest>(db, 'requests', year), db.requests.where('roundId').equals(roundId).primaryKeys()]);
        const byId = new Map(ofYear.map((r) => [r.id, r]));
        const elsewhere = ids.filter((id) => !byId.has(id));
        if (elsewhere.length > 0) for (const r of await db.requests.bulkGet(elsewhere)) if (r) byId.set(r.id, r);
        return { ofRound: ids.flatMap((id) => byId.get(id) ?? []), ofYear };
      });
    },

    get(id: string): Promise<SubsidyRequest | undefined> {
      return db.requests.get(id);
    },

    /**
     * Registers a request: the next number of the registration year is given inside the same
     * transaction that stores it, so two requests can never share a number.
     */
    async register(draft: Omit<SubsidyRequestDraft, 'registration'>): Promise<SubsidyRequest> {
      return db.transaction('rw', tables(), async () => {
        const value = await validated({ ...draft, registration: { year: 0, sequence: 0 } });
        const year = Number(value.registeredOn.slice(0, 4));
        const sameYear = await db.requests.where('registration.year').equals(year).toArray();
        const record = stamp({ ...value, registration: nextRegistrationNumber(sameYear.map((r) => r.registration), year) });
        await db.requests.add(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: record.id, label: await label(record), action: 'creare', after: record }]);
        return record;
      });
    },

    async update(id: string, draft: SubsidyRequestDraft, expectedVersion: number): Promise<SubsidyRequest> {
      return db.transaction('rw', tables(), async () => {
        const current = await db.requests.get(id);
        if (!current) throw new DomainError('Cererea nu mai există.');
        if (current.version !== expectedVersion) throw new ConflictError(`Cererea nr. ${formatRegistrationNumber(current.registration)} a fost modificată între timp. Reîncărcați-o și refaceți modificarea.`);
        // The registration number and date never change once given.
        const value = await validated({ ...draft, registration: current.registration, registeredOn: current.registeredOn });
        const changes = diffRecords(current, { ...current, ...value });
        if (changes.length === 0) return current;
        const record: SubsidyRequest = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 };
        await db.requests.put(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: await label(record), action: 'modificare', changes }]);
        return record;
      });
    },

    /**
     * Every document of the request's checklist marked received at once, as one change of the
     * request (one audit entry listing the dossier before and after), like a single checkbox.
     */
    async markAllDossierReceived(id: string, on: IsoDate, expectedVersion: number): Promise<SubsidyRequest> {
      return db.transaction('rw', tables(), async () => {
        const current = await db.requests.get(id);
        if (!current) throw new DomainError('Cererea nu mai există.');
        const dossier = markAllReceived(current.dossier, current.units.map((u) => u.unitId), on);
        return repository.update(id, { ...current, dossier }, expectedVersion);
      });
    },

    /** Requests are never deleted: a withdrawn one keeps its number and its history. */
    async withdraw(id: string, reason: string): Promise<SubsidyRequest> {
      const why = cleanText(reason);
      if (why.length < 3) throw new ValidationError({ notes: 'Scrieți motivul retragerii.' });
      return db.transaction('rw', tables(), async () => {
        const current = await db.requests.get(id);
        if (!current) throw new DomainError('Cererea nu mai există.');
        const record: SubsidyRequest = { ...current, status: 'retrasa', notes: [current.notes, `Retrasă: ${why}`].filter(Boolean).join('\n'), updatedAt: new Date().toISOString(), version: current.version + 1 };
        await db.requests.put(record);
        await appendAudit(db, [{ entity: ENTITY, entityId: id, label: await label(record), action: 'modificare', changes: diffRecords(current, record) }]);
        return record;
      });
    },
  };
  return repository;
}

export type RequestRepository = ReturnType<typeof createRequestRepository>;
