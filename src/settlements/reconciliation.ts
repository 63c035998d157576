import type { ConventionTerms } from '../conventions/amendments';
import { unitCeilingForMonth } from '../conventions/convention';
import { formatLei, type Bani } from '../money';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import { cleanText } from '../validation/diacritics';
import { isValidIsoDate, type IsoDate } from '../validation/dates';
import { submissionDeadline, type MonthlySettlement } from './monthly-settlement';
import type { RecordedPayment } from './payment-matching';

/** A convention as the reconciliation reads it: its terms for each month, its party and budget line. */
export interface ReconciledConvention {
  conventionId: string;
  number: string;
  organizationId: string;
  organizationName: string;
  budgetLine: string;
  submissionDay: number;
  /** The terms of each month (amendments applied as in force that month). */
  termsByMonth(month: Month): ConventionTerms;
  /** The terms at year end (the final amount). */
  finalTerms: ConventionTerms;
}

export interface ReconciliationRow {
  conventionId: string;
  conventionNumber: string;
  organizationName: string;
  month: Month;
  contracted: Bani;
  claimed: Bani;
  admitted: Bani;
  refused: Bani;
  approved: Bani;
  paid: Bani;
  /** approved − paid. */
  difference: Bani;
  /** Paid from the first month of the convention to this one. */
  cumulativePaid: Bani;
  /** The convention's amount less what was admitted so far. */
  remaining: Bani;
  state: MonthlySettlement['state'] | 'lipsa';
}

export type ExceptionKind = 'peste_plafon' | 'platit_neverificat' | 'decont_lipsa' | 'platit_de_doua_ori' | 'platit_partial' | 'de_recuperat';
export const EXCEPTION_KINDS: Record<ExceptionKind, string> = {
  peste_plafon: 'Sumă solicitată peste plafonul lunar',
  platit_neverificat: 'Plată fără verificare (fără „bun de plată”)',
  decont_lipsa: 'Lună fără decont',
  platit_de_doua_ori: 'Plătit de două ori / peste suma aprobată',
  platit_partial: 'Plătit parțial (sub suma aprobată)',
  de_recuperat: 'Sumă de recuperat',
};

export interface ReconciliationException {
  kind: ExceptionKind;
  conventionId: string;
  conventionNumber: string;
  month?: Month;
  amount: Bani;
  message: string;
}

export interface Totals {
  contracted: number;
  claimed: number;
  admitted: number;
  refused: number;
  approved: number;
  paid: number;
}

export interface Reconciliation {
  year: number;
  rows: ReconciliationRow[];
  byOrganization: ({ organizationId: string; organizationName: string } & Totals)[];
  byServiceCategory: ({ serviceCategory: string } & Pick<Totals, 'contracted' | 'admitted'>)[];
  byBudgetLine: ({ budgetLine: string } & Totals)[];
  total: Totals;
  exceptions: ReconciliationException[];
}

const zero = (): Totals => ({ contracted: 0, claimed: 0, admitted: 0, refused: 0, approved: 0, paid: 0 });
const add = (t: Totals, r: ReconciliationRow) => {
  t.contracted += r.contracted; t.claimed += r.claimed; t.admitted += r.admitted; t.refused += r.refused; t.approved += r.approved; t.paid += r.paid;
};

const VERIFIED: readonly MonthlySettlement['state'][] = ['verificat', 'aprobat', 'platit'];
const APPROVED: readonly MonthlySettlement['state'][] = ['aprobat', 'platit'];

/**
 * The year's reconciliation for finance: one row per convention and month of its period, the four
 * phases' amounts side by side, totals per NGO, service category and budget line, and the
 * exceptions finance looks for. `asOf` decides which months are due (a month whose settlement
 * deadline has passed without one is missing).
 */
export function reconcile(input: {
  year: number;
  asOf: IsoDate;
  conventions: readonly ReconciledConvention[];
  settlements: readonly MonthlySettlement[];
  payments: readonly RecordedPayment[];
}): Reconciliation {
  const settlementByKey = new Map<string, MonthlySettlement>();
  for (const s of input.settlements) if (s.year === input.year) settlementByKey.set(`${s.conventionId}|${s.month}`, s);
  const paidBySettlement = new Map<string, RecordedPayment[]>();
  const settlementIds = new Set(input.settlements.map((s) => s.id));
  const exceptions: ReconciliationException[] = [];
  for (const p of input.payments) {
    const list = paidBySettlement.get(p.settlementId);
    if (list) list.push(p);
    else paidBySettlement.set(p.settlementId, [p]);
  }

  const rows: ReconciliationRow[] = [];
  const byOrganization = new Map<string, { organizationId: string; organizationName: string } & Totals>();
  const byCategory = new Map<string, { serviceCategory: string; contracted: number; admitted: number }>();
  const byBudgetLine = new Map<string, { budgetLine: string } & Totals>();
  const total = zero();

  for (const c of input.conventions) {
    let cumulativePaid = 0;
    let cumulativeAdmitted = 0;
    const final = c.finalTerms;
    for (let m = final.firstMonth; m <= 12; m++) {
      const month = m as Month;
      const terms = c.termsByMonth(month);
      const contracted = month > terms.lastMonth ? 0 : terms.units.reduce((s, u) => s + unitCeilingForMonth(u, month), 0);
      const s = settlementByKey.get(`${c.conventionId}|${month}`);
      if (contracted === 0 && !s) continue;
      const claimed = s && s.state !== 'ciorna' ? s.expenses.reduce((sum, l) => sum + l.amount, 0) : 0;
      const isVerified = !!s && VERIFIED.includes(s.state);
      const admitted = isVerified ? (s.verification?.admitted ?? 0) : 0;
      const refused = isVerified ? (s.verification?.refused ?? 0) : 0;
      const approved = s && APPROVED.includes(s.state) ? admitted : 0;
      const payments = s ? (paidBySettlement.get(s.id) ?? []) : [];
      const paid = payments.reduce((sum, p) => sum + p.amount, 0);
      cumulativePaid += paid;
      cumulativeAdmitted += admitted;
      const row: ReconciliationRow = {
        conventionId: c.conventionId, conventionNumber: c.number, organizationName: c.organizationName, month,
        contracted: contracted as Bani, claimed: claimed as Bani, admitted: admitted as Bani, refused: refused as Bani, approved: approved as Bani, paid: paid as Bani,
        difference: (approved - paid) as Bani, cumulativePaid: cumulativePaid as Bani, remaining: (final.amount - cumulativeAdmitted) as Bani,
        state: s?.state ?? 'lipsa',
      };
      rows.push(row);
      const label = `Convenția nr. ${c.number}, ${MONTH_NAMES[month - 1]}`;
      const exception = (kind: ExceptionKind, amount: number, message: string) => exceptions.push({ kind, conventionId: c.conventionId, conventionNumber: c.number, month, amount: amount as Bani, message: `${label}: ${message}` });
      if (claimed > contracted && contracted > 0) exception('peste_plafon', claimed - contracted, `solicitat ${formatLei(claimed)}, plafon ${formatLei(contracted)}`);
      if (paid > 0 && !isVerified) exception('platit_neverificat', paid, `plătit ${formatLei(paid)} fără verificarea decontului`);
      else if (paid > 0 && !APPROVED.includes(s!.state)) exception('platit_neverificat', paid, `plătit ${formatLei(paid)} fără ordonanțare`);
      if (payments.length > 1 && paid > approved) exception('platit_de_doua_ori', paid - approved, `${payments.length} plăți, în total ${formatLei(paid)} pentru ${formatLei(approved)} aprobați`);
      else if (paid > approved && approved > 0) exception('platit_de_doua_ori', paid - approved, `plătit ${formatLei(paid)} pentru ${formatLei(approved)} aprobați`);
      // A month approved and paid in part: the rest is still owed to the provider (or the order was split).
      if (paid > 0 && approved > 0 && paid < approved) exception('platit_partial', approved - paid, `plătit ${formatLei(paid)} din ${formatLei(approved)} aprobați; rămân de plată ${formatLei(approved - paid)}`);
      if (paid > admitted && isVerified) exception('de_recuperat', paid - admitted, `plătit ${formatLei(paid)}, admis ${formatLei(admitted)}`);
      if ((!s || s.state === 'ciorna') && contracted > 0 && submissionDeadline(input.year, month, c.submissionDay) < input.asOf) exception('decont_lipsa', 0, 'decontul nu a fost depus în termen');

      add(total, row);
      const org = byOrganization.get(c.organizationId) ?? { organizationId: c.organizationId, organizationName: c.organizationName, ...zero() };
      add(org, row);
      byOrganization.set(c.organizationId, org);
      const line = byBudgetLine.get(c.budgetLine) ?? { budgetLine: c.budgetLine, ...zero() };
      add(line, row);
      byBudgetLine.set(c.budgetLine, line);
      for (const u of terms.units) {
        const cat = byCategory.get(u.serviceCategory) ?? { serviceCategory: u.serviceCategory, contracted: 0, admitted: 0 };
        cat.contracted += month > terms.lastMonth ? 0 : unitCeilingForMonth(u, month);
        cat.admitted += isVerified ? (s!.verification?.admittedByUnit[u.unitId] ?? 0) : 0;
        byCategory.set(u.serviceCategory, cat);
      }
    }
  }
  for (const p of input.payments) {
    if (!settlementIds.has(p.settlementId)) exceptions.push({ kind: 'platit_neverificat', conventionId: p.conventionId, conventionNumber: input.conventions.find((c) => c.conventionId === p.conventionId)?.number ?? '', amount: p.amount, message: `Plata din rândul ${p.row} (ordinul nr. ${p.paymentOrderNumber}) nu are un decont în evidență.` });
  }
  const sortBy = <T>(list: T[], key: (t: T) => string) => list.sort((a, b) => key(a).localeCompare(key(b), 'ro'));
  return {
    year: input.year,
    rows,
    byOrganization: sortBy([...byOrganization.values()], (o) => o.organizationName),
    byServiceCategory: sortBy([...byCategory.values()], (c) => c.serviceCategory),
    byBudgetLine: sortBy([...byBudgetLine.values()], (l) => l.budgetLine),
    total,
    exceptions,
  };
}

/** A sum to be recovered from a provider (the recovery record). */
export interface RecoveryRecord {
  conventionId: string;
  amount: Bani;
  reason: string;
  /** The due date is set by the act that establishes the debt (the year-end rule is not yet read: domain.md §9 gap). */
  dueDate: IsoDate;
  paidOn?: IsoDate;
  paidAmount?: Bani;
}

export interface YearEndStatement {
  conventionId: string;
  conventionNumber: string;
  /** The convention's amount at year end, and as signed. */
  granted: Bani;
  originalGranted: Bani;
  /** What the verified months admitted. */
  used: Bani;
  paid: Bani;
  /** Paid over what was used: returned by the provider ([I] sums used against their purpose are returned). */
  toReturn: Bani;
  /** Admitted but not yet paid. */
  toPay: Bani;
  /** Granted but neither used nor due: the commitment to release. */
  unused: Bani;
}

export function yearEndStatement(c: Pick<ReconciledConvention, 'conventionId' | 'number' | 'finalTerms'>, rows: readonly ReconciliationRow[]): YearEndStatement {
  const own = rows.filter((r) => r.conventionId === c.conventionId);
  const used = own.reduce((s, r) => s + r.admitted, 0);
  const paid = own.reduce((s, r) => s + r.paid, 0);
  return {
    conventionId: c.conventionId,
    conventionNumber: c.number,
    granted: c.finalTerms.amount,
    originalGranted: c.finalTerms.originalAmount,
    used: used as Bani,
    paid: paid as Bani,
    toReturn: Math.max(0, paid - used) as Bani,
    toPay: Math.max(0, used - paid) as Bani,
    unused: Math.max(0, c.finalTerms.amount - used) as Bani,
  };
}

/** The recovery record of a statement with something to return; the due date comes from the act. */
export function recoveryRecord(statement: YearEndStatement, input: { reason: string; dueDate: IsoDate }): { ok: true; value: RecoveryRecord } | { ok: false; message: string } {
  if (statement.toReturn <= 0) return { ok: false, message: `Convenția nr. ${statement.conventionNumber} nu are sume de restituit.` };
  if (!cleanText(input.reason)) return { ok: false, message: 'Motivul recuperării lipsește.' };
  if (!isValidIsoDate(input.dueDate)) return { ok: false, message: 'Termenul de restituire nu este o dată validă.' };
  return { ok: true, value: { conventionId: statement.conventionId, amount: statement.toReturn, reason: cleanText(input.reason), dueDate: input.dueDate } };
}

/** Records a repayment; the record stays, with what is still owed. */
export function recordRepayment(record: RecoveryRecord, input: { on: IsoDate; amount: Bani }): { ok: true; value: RecoveryRecord & { outstanding: Bani } } | { ok: false; message: string } {
  if (!isValidIsoDate(input.on)) return { ok: false, message: 'Data restituirii nu este o dată validă.' };
  const paid = (record.paidAmount ?? 0) + input.amount;
  if (input.amount <= 0 || paid > record.amount) return { ok: false, message: `Suma restituită depășește suma de recuperat (${formatLei(record.amount)}).` };
  return { ok: true, value: { ...record, paidOn: input.on, paidAmount: paid as Bani, outstanding: (record.amount - paid) as Bani } };
}
