import { diffRecords } from '../../../src/audit/diff';
import { stamp } from '../../../src/entity';
import { ConflictError, DomainError } from '../../../src/errors';
import { countOf } from '../../../src/import/wording';
import { formatLei, type Bani } from '../../../src/money';
import { monthLabel, paySettlement, type MonthlySettlement } from '../../../src/settlements/monthly-settlement';
import { matchPayments, type PaymentRow, type PaymentTarget, type RowMatch } from '../../../src/settlements/payment-matching';
import { recordRepayment, recoveryRecord, type YearEndStatement } from '../../../src/settlements/reconciliation';
import { formatRoDate, type IsoDate } from '../../../src/validation/dates';
import { appendAudit, currentUserName, type AuditInput } from '../audit-log';
import type { StoredPayment, StoredPaymentImport, StoredRecovery, SubventiiDb } from '../database';
import { syncInstalment } from './settlements';

/** What an import of the accounting system's export did. */
export interface PaymentImportOutcome {
  /** The import record; absent when nothing new was found (nothing was written). */
  record?: StoredPaymentImport;
  matches: RowMatch[];
  newCount: number;
  /** An earlier import of the very same file (same SHA-256), if any. */
  previous?: StoredPaymentImport;
  /** Settlements marked paid by this import. */
  paidSettlements: string[];
  /** Romanian summary for the report. */
  message: string;
}

const PAYABLE: readonly MonthlySettlement['state'][] = ['aprobat', 'platit'];

/** The months approved for payment (or paid) a payment row can settle. */
export function paymentTargets(settlements: readonly MonthlySettlement[], conventions: ReadonlyMap<string, { number: string; provider: { cui: string } }>): PaymentTarget[] {
  return settlements.flatMap((s) => {
    const convention = conventions.get(s.conventionId);
    if (!PAYABLE.includes(s.state) || !s.approval || !convention) return [];
    return [{
      settlementId: s.id, conventionId: s.conventionId, conventionNumber: convention.number, cui: convention.provider.cui, year: s.year, month: s.month,
      ordonantareNumber: s.approval.ordonantareNumber, ...(s.payment ? { paymentOrderNumber: s.payment.paymentOrderNumber } : {}),
      approved: s.verification?.admitted ?? (0 as Bani),
    }];
  });
}

/**
 * Payments made (from the accounting system's export) and sums to recover. An import records only
 * the rows it matched to a month approved for payment; every payment row has a unique key, so the
 * same file imported again adds nothing. The rows not recorded stay on the import record.
 */
export function createPaymentRepository(db: SubventiiDb) {
  const tables = () => [db.payments, db.paymentImports, db.settlements, db.instalments, db.conventions, db.audit, db.settings];

  return {
    list: () => db.payments.toArray(),
    listByYear: (year: number) => db.payments.filter((p) => p.year === year).toArray(),
    listBySettlement: (settlementId: string) => db.payments.where('settlementId').equals(settlementId).toArray(),
    imports: () => db.paymentImports.orderBy('importedAt').reverse().toArray(),

    /**
     * Records the rows of an export in one transaction: the matched new rows become payments, an
     * approved month fully paid becomes paid, the import record keeps the rows not recorded. Nothing
     * is written when nothing is new (a second import of the same file says so).
     */
    async recordImport(input: { fileName: string; sha256: string; rows: readonly PaymentRow[] }): Promise<PaymentImportOutcome> {
      return db.transaction('rw', tables(), async () => {
        const [existing, settlements, conventions, previous] = await Promise.all([
          db.payments.toArray(),
          db.settlements.where('state').anyOf([...PAYABLE]).toArray(),
          db.conventions.toArray(),
          db.paymentImports.filter((i) => i.sha256 === input.sha256).first(),
        ]);
        const byId = new Map(conventions.map((c) => [c.id, c]));
        const result = matchPayments(input.rows, paymentTargets(settlements, byId), existing);
        const base = { matches: result.matches, newCount: result.newPayments.length, ...(previous ? { previous } : {}), paidSettlements: [] as string[] };
        if (result.newPayments.length === 0) {
          const message = previous
            ? `Fișierul „${input.fileName}” a mai fost importat la ${formatRoDate(previous.importedAt.slice(0, 10))} (${previous.importedBy}); nu s-a adăugat nicio plată, nimic nu s-a schimbat.`
            : `Nicio plată nouă nu a putut fi înregistrată din „${input.fileName}”; nimic nu s-a schimbat.`;
          return { ...base, message };
        }
        const user = await currentUserName(db);
        const at = new Date().toISOString();
        const record = stamp<Omit<StoredPaymentImport, 'id' | 'createdAt' | 'updatedAt' | 'version'>>({
          fileName: input.fileName, sha256: input.sha256, importedAt: at, importedBy: user, rowCount: input.rows.length, newCount: result.newPayments.length,
          unmatched: result.matches.filter((m) => m.status !== 'potrivita').map((m) => ({ row: m.row, status: m.status, message: m.message })),
        }, at) as StoredPaymentImport;
        const settlementById = new Map(settlements.map((s) => [s.id, s]));
        const payments: StoredPayment[] = result.newPayments.map((p) => {
          const s = settlementById.get(p.settlementId)!;
          return { ...stamp(p, at), importId: record.id, year: s.year, month: s.month, ordonantareNumber: s.approval?.ordonantareNumber ?? '' } as StoredPayment;
        });
        await db.paymentImports.add(record);
        await db.payments.bulkAdd(payments);
        const audit: AuditInput[] = [{ entity: 'paymentImports', entityId: record.id, label: `Import de plăți „${input.fileName}”`, action: 'creare', after: record }];
        for (const p of payments) {
          const s = settlementById.get(p.settlementId)!;
          audit.push({ entity: 'payments', entityId: p.id, label: `Plata OP ${p.paymentOrderNumber} din ${formatRoDate(p.date)} — convenția nr. ${byId.get(p.conventionId)?.number ?? '?'}, ${monthLabel(s.year, s.month)}`, action: 'creare', after: p });
        }
        // An approved month whose payments reach the approved amount is paid (the last payment order).
        const paidSettlements: string[] = [];
        const all = [...existing, ...payments];
        for (const id of new Set(payments.map((p) => p.settlementId))) {
          const s = settlementById.get(id)!;
          if (s.state !== 'aprobat') continue;
          const own = all.filter((p) => p.settlementId === id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
          const paid = own.reduce((sum, p) => sum + p.amount, 0);
          if (paid < (s.verification?.admitted ?? 0)) continue;
          const last = own.at(-1)!;
          const next = paySettlement(s, { paymentOrderNumber: last.paymentOrderNumber || `import ${input.fileName}, rândul ${last.row}`, date: last.date, by: user, at });
          if (!next.ok) continue;
          const stored: MonthlySettlement = { ...next.value, updatedAt: at, version: s.version + 1 };
          await db.settlements.put(stored);
          audit.push({ entity: 'settlements', entityId: id, label: `Decontul convenției nr. ${byId.get(s.conventionId)?.number ?? '?'}, ${monthLabel(s.year, s.month)}`, action: 'modificare', changes: diffRecords(s, stored) });
          audit.push(...(await syncInstalment(db, stored, user, at, byId.get(s.conventionId)?.number ?? '?')));
          paidSettlements.push(id);
        }
        await appendAudit(db, audit, at);
        const skipped = result.matches.length - result.newPayments.length;
        return {
          ...base, record, paidSettlements,
          message: `${result.newPayments.length === 1 ? 'A fost înregistrată' : 'Au fost înregistrate'} ${countOf(result.newPayments.length, 'plată', 'plăți')} din ${countOf(input.rows.length, 'rând', 'rânduri')}${skipped > 0 ? `; ${countOf(skipped, 'rând nu a fost înregistrat', 'rânduri nu au fost înregistrate')} (vezi raportul)` : ''}${paidSettlements.length > 0 ? `; ${countOf(paidSettlements.length, 'decont marcat plătit', 'deconturi marcate plătite')}` : ''}.`,
        };
      });
    },

    recoveries: {
      list: () => db.recoveries.toArray(),
      listByYear: (year: number) => db.recoveries.filter((r) => r.year === year).toArray(),
      get: (id: string) => db.recoveries.get(id),

      /** The recovery record of a year-end statement with something to return (one per convention and year). */
      async create(input: { statement: YearEndStatement; year: number; reason: string; dueDate: IsoDate; statementDocumentId?: string }): Promise<StoredRecovery> {
        const made = recoveryRecord(input.statement, { reason: input.reason, dueDate: input.dueDate });
        if (!made.ok) throw new DomainError(made.message);
        return db.transaction('rw', [db.recoveries, db.conventions, db.audit, db.settings], async () => {
          const same = await db.recoveries.where('conventionId').equals(input.statement.conventionId).filter((r) => r.year === input.year).first();
          if (same) throw new ConflictError(`Pentru convenția nr. ${input.statement.conventionNumber} există deja o sumă de recuperat pe ${input.year} (${formatLei(same.amount)}).`);
          const record = stamp({ ...made.value, year: input.year, ...(input.statementDocumentId ? { statementDocumentId: input.statementDocumentId } : {}) }) as StoredRecovery;
          await db.recoveries.add(record);
          await appendAudit(db, [{ entity: 'recoveries', entityId: record.id, label: `Suma de recuperat — convenția nr. ${input.statement.conventionNumber}, ${input.year}`, action: 'creare', after: record }]);
          return record;
        });
      },

      /** A repayment: the record stays, with the amount repaid so far. */
      async recordRepayment(id: string, input: { on: IsoDate; amount: Bani }, expectedVersion: number): Promise<StoredRecovery> {
        return db.transaction('rw', [db.recoveries, db.conventions, db.audit, db.settings], async () => {
          const current = await db.recoveries.get(id);
          if (!current) throw new DomainError('Suma de recuperat nu mai există.');
          const convention = await db.conventions.get(current.conventionId);
          if (current.version !== expectedVersion) throw new ConflictError(`Suma de recuperat a convenției nr. ${convention?.number ?? '?'} a fost modificată între timp. Reîncărcați și refaceți.`);
          const next = recordRepayment(current, input);
          if (!next.ok) throw new DomainError(next.message);
          const { outstanding: _outstanding, ...value } = next.value;
          const record: StoredRecovery = { ...current, ...value, updatedAt: new Date().toISOString(), version: current.version + 1 };
          await db.recoveries.put(record);
          await appendAudit(db, [{ entity: 'recoveries', entityId: id, label: `Suma de recuperat — convenția nr. ${convention?.number ?? '?'}, ${current.year}`, action: 'modificare', changes: diffRecords(current, record) }]);
          return record;
        });
      },
    },
  };
}

export type PaymentRepository = ReturnType<typeof createPaymentRepository>;
