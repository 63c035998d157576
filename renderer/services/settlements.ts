// The finance department's screens: the monthly due with its explanation, the grid of conventions ×
// months, the payments import, the year's reconciliation and the year-end statements. Orchestrates
// the repositories and the pure functions of src/settlements; nothing here is a rule of its own.
import { termsForMonth, termsInForce, type Amendment } from '../../src/conventions/amendments';
import type { Convention } from '../../src/conventions/convention';
import { budgetLine, DEFAULT_BUDGET_CLASSIFICATION } from '../../src/conventions/payment-plan';
import { ImportFileError } from '../../src/import/raw-table';
import { countOf } from '../../src/import/wording';
import type { Month } from '../../src/requests/subsidy-request';
import { isLocked, type MonthlySettlement, type NominalEntry } from '../../src/settlements/monthly-settlement';
import { NOMINAL_COLUMNS, readNominalList, type NominalFileIssue } from '../../src/settlements/nominal-list-import';
import type { MonthlyDue } from '../../src/settlements/monthly-subsidy-due';
import { PAYMENT_COLUMNS, readPaymentTable, type PaymentFileIssue } from '../../src/settlements/payment-import';
import { reconcile, yearEndStatement, type ReconciledConvention, type Reconciliation, type YearEndStatement } from '../../src/settlements/reconciliation';
import { settlementActions, type ActionState, type SettlementAction } from '../../src/settlements/settlement-actions';
import { todayIso, type IsoDate } from '../../src/validation/dates';
import type { StoredPayment, StoredRecovery } from '../db/database';
import type { PaymentImportOutcome } from '../db/repositories/payments';
import { sha256OfBytes } from '../db/repositories/issued-documents';
import type { Store } from '../db/store';

/** The year's conventions and their settlements, for the grid of conventions × months. */
export interface SettlementYear {
  year: number;
  conventions: Convention[];
  settlements: MonthlySettlement[];
  /** conventionId|month → settlement. */
  byKey: Map<string, MonthlySettlement>;
}

export const settlementKey = (conventionId: string, month: number) => `${conventionId}|${month}`;

export async function loadSettlementYear(store: Store, year: number): Promise<SettlementYear> {
  const [conventions, settlements] = await Promise.all([store.conventions.listByYear(year), store.settlements.listByYear(year)]);
  conventions.sort((a, b) => a.number.localeCompare(b.number, 'ro', { numeric: true }));
  return { year, conventions, settlements, byKey: new Map(settlements.map((s) => [settlementKey(s.conventionId, s.month), s])) };
}

/** What the settlement dialog shows: the due computed now (or the verification frozen) and what can be done. */
export interface SettlementView {
  due?: MonthlyDue;
  /** The message when the amount cannot be computed (a level missing for the month, …). */
  dueError?: string;
  suspensionReasons: string[];
  actions: Record<SettlementAction, ActionState>;
  /** Earlier verified months a correction may name. */
  lockedEarlierMonths: Month[];
}

export async function settlementView(store: Store, settlement: MonthlySettlement): Promise<SettlementView> {
  const [same, suspensionReasons] = await Promise.all([store.settlements.listByConvention(settlement.conventionId), store.settlements.suspensionReasons(settlement)]);
  const lockedEarlierMonths = same.filter((s) => s.month < settlement.month && isLocked(s)).map((s) => s.month).sort((a, b) => a - b);
  const actions = settlementActions(settlement, { suspensionReasons, lockedEarlierMonths });
  if (isLocked(settlement)) return { suspensionReasons, actions, lockedEarlierMonths };
  try {
    const { due } = await store.settlements.preview(settlement);
    return { due, suspensionReasons, actions, lockedEarlierMonths };
  } catch (error) {
    return { dueError: error instanceof Error ? error.message : String(error), suspensionReasons, actions, lockedEarlierMonths };
  }
}

/** The conventions of the year as the reconciliation reads them: terms per month, budget line. */
export async function reconciledConventions(store: Store, conventions: readonly Convention[]): Promise<ReconciledConvention[]> {
  const [amendments, commitments, organizations] = await Promise.all([
    Promise.all(conventions.map((c) => store.conventions.listAmendments(c.id))),
    store.conventions.commitmentsOf(conventions.map((c) => c.id)),
    store.organizations.getMany([...new Set(conventions.map((c) => c.provider.organizationId))]),
  ]);
  return conventions.map((c, i) => {
    const own: Amendment[] = amendments[i]!;
    const classification = commitments.get(c.id)?.classification ?? DEFAULT_BUDGET_CLASSIFICATION;
    return {
      conventionId: c.id,
      number: c.number,
      organizationId: c.provider.organizationId,
      organizationName: organizations.get(c.provider.organizationId)?.name ?? c.provider.name,
      budgetLine: budgetLine(classification),
      submissionDay: c.submissionDay,
      termsByMonth: (month: Month) => termsForMonth(c, own, month),
      finalTerms: termsInForce(c, own, `${c.year}-12-31`),
    };
  });
}

/** The year's reconciliation for finance, as of `asOf` (which months are due). */
export async function yearReconciliation(store: Store, year: number, asOf: IsoDate = todayIso()): Promise<{ reconciliation: Reconciliation; conventions: ReconciledConvention[]; payments: StoredPayment[] }> {
  const [data, payments] = await Promise.all([loadSettlementYear(store, year), store.payments.listByYear(year)]);
  const conventions = await reconciledConventions(store, data.conventions);
  return { reconciliation: reconcile({ year, asOf, conventions, settlements: data.settlements, payments }), conventions, payments };
}

/** Per convention the year-end statement and its recovery record, if one was made. */
export async function yearEnd(store: Store, year: number, asOf: IsoDate = todayIso()): Promise<{ statements: (YearEndStatement & { organizationName: string; recovery?: StoredRecovery })[]; reconciliation: Reconciliation }> {
  const [{ reconciliation, conventions }, recoveries] = await Promise.all([yearReconciliation(store, year, asOf), store.payments.recoveries.listByYear(year)]);
  return {
    reconciliation,
    statements: conventions.map((c) => ({
      ...yearEndStatement(c, reconciliation.rows),
      organizationName: c.organizationName,
      ...(recoveries.find((r) => r.conventionId === c.conventionId) ? { recovery: recoveries.find((r) => r.conventionId === c.conventionId)! } : {}),
    })),
  };
}

/** The report of a payments import: the file's problems (nothing imported), or what the import did. */
export interface PaymentFileReport {
  fileName: string;
  issues: PaymentFileIssue[];
  outcome?: PaymentImportOutcome;
  message: string;
}

/**
 * Imports the accounting system's export (XLSX or CSV): the sheet with the payment columns, every
 * row read; one bad row refuses the whole file (nothing is imported, each problem named with its
 * row, column and reason); otherwise the rows are matched and recorded in one transaction.
 */
export async function importPaymentsFile(store: Store, fileName: string, bytes: Uint8Array): Promise<PaymentFileReport> {
  const [{ readTables }, { pickTable }] = await Promise.all([import('../io/read-table'), import('../io/import-core')]);
  let tables;
  try {
    tables = await readTables(bytes, fileName);
  } catch (error) {
    if (error instanceof ImportFileError) return { fileName, issues: [{ row: 0, column: '', message: error.message }], message: error.message };
    throw error;
  }
  const index = pickTable(tables, PAYMENT_COLUMNS);
  if (index < 0) {
    const message = `Fișierul „${fileName}” nu conține niciun rând de date.`;
    return { fileName, issues: [{ row: 0, column: '', message }], message };
  }
  const { rows, issues } = readPaymentTable(tables[index]!);
  if (issues.length > 0) {
    return { fileName, issues, message: `Fișierul are ${issues.length === 1 ? 'o problemă' : countOf(issues.length, 'problemă', 'probleme')}; nu s-a importat nimic. Corectați rândurile din raport și importați din nou.` };
  }
  const outcome = await store.payments.recordImport({ fileName, sha256: await sha256OfBytes(bytes), rows });
  return { fileName, issues: [], outcome, message: outcome.message };
}

/** The outcome of importing a unit's nominal list: the entries (CNPs masked), or the file's problems. */
export type NominalFileReport = { ok: true; entries: NominalEntry[]; message: string } | { ok: false; issues: NominalFileIssue[]; message: string };

/**
 * Reads the nominal list of beneficiaries of one unit for the settlement's month from an XLSX (or
 * CSV): the sheet with the list's columns, each CNP checked then kept only masked. Nothing is
 * written here: the entries fill the draft form, saved with the settlement like a typed list. One
 * bad row refuses the whole file.
 */
export async function readNominalListFile(fileName: string, bytes: Uint8Array, year: number, month: Month): Promise<NominalFileReport> {
  const [{ readTables }, { pickTable }] = await Promise.all([import('../io/read-table'), import('../io/import-core')]);
  let tables;
  try {
    tables = await readTables(bytes, fileName);
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, issues: [{ row: 0, column: '', message: error.message }], message: error.message };
    throw error;
  }
  const index = pickTable(tables, NOMINAL_COLUMNS);
  if (index < 0) {
    const message = `Fișierul „${fileName}” nu conține niciun rând de date.`;
    return { ok: false, issues: [{ row: 0, column: '', message }], message };
  }
  const result = readNominalList(tables[index]!, year, month);
  if (!result.ok) {
    const count = result.issues.length === 1 ? 'o problemă' : countOf(result.issues.length, 'problemă', 'probleme');
    return { ok: false, issues: result.issues, message: `Lista nominală din „${fileName}” are ${count}; nu s-a preluat nimic. Corectați rândurile și importați din nou.` };
  }
  return { ok: true, entries: result.entries, message: `Lista nominală din „${fileName}”: ${countOf(result.entries.length, 'persoană', 'persoane')}.` };
}
