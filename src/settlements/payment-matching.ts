import { formatLei, parseLei, type Bani } from '../money';
import type { Month } from '../requests/subsidy-request';
import { normalizeCui } from '../validation/cui';
import { cleanText } from '../validation/diacritics';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import { monthLabel } from './monthly-settlement';

/** One row of the accounting system's export of payments made. */
export interface PaymentRow {
  /** 1-based row of the file, for messages. */
  row: number;
  date: IsoDate;
  paymentOrderNumber: string;
  ordonantareNumber: string;
  /** The beneficiary's CUI or the convention number, as the export gives it. */
  cuiOrConvention: string;
  amount: Bani;
}

/** A month approved for payment (or already paid) that a payment row can settle. */
export interface PaymentTarget {
  settlementId: string;
  conventionId: string;
  conventionNumber: string;
  cui: string;
  year: number;
  month: Month;
  ordonantareNumber: string;
  paymentOrderNumber?: string;
  approved: Bani;
}

/** A payment recorded from an imported row; `key` makes a second import of the row a no-op. */
export interface RecordedPayment {
  key: string;
  settlementId: string;
  conventionId: string;
  date: IsoDate;
  paymentOrderNumber: string;
  amount: Bani;
  row: number;
}

export type MatchStatus = 'potrivita' | 'partiala' | 'diferenta' | 'neidentificata' | 'cui_necunoscut' | 'duplicat' | 'deja_importata';
export const MATCH_STATUSES: Record<MatchStatus, string> = {
  potrivita: 'Potrivită',
  partiala: 'Plată parțială',
  diferenta: 'Sumă diferită',
  neidentificata: 'Neidentificată',
  cui_necunoscut: 'CUI / convenție necunoscută',
  duplicat: 'Rând duplicat în fișier',
  deja_importata: 'Importată anterior',
};

export interface RowMatch {
  row: number;
  key: string;
  status: MatchStatus;
  settlementId?: string;
  /** How it was matched ("după nr. ordonanțării 123") or why not. */
  message: string;
}

export interface PaymentImport {
  matches: RowMatch[];
  /** Payments to record: only new, matched rows. */
  newPayments: RecordedPayment[];
  unmatched: RowMatch[];
  mismatched: RowMatch[];
}

const norm = (text: string): string => cleanText(text).toUpperCase().replace(/\s+/g, '');

/** A stable key per row: the same payment exported again gives the same key. */
export function paymentRowKey(row: Pick<PaymentRow, 'date' | 'paymentOrderNumber' | 'ordonantareNumber' | 'cuiOrConvention' | 'amount'>): string {
  return [row.date, norm(row.paymentOrderNumber), norm(row.ordonantareNumber), norm(normalizeCui(row.cuiOrConvention) || row.cuiOrConvention), row.amount].join('|');
}

/** Reads a raw row of the export (cells as exceljs or the CSV reader give them); Romanian messages. */
export function readPaymentRow(row: number, cells: { date: unknown; paymentOrderNumber: unknown; ordonantareNumber: unknown; cuiOrConvention: unknown; amount: unknown }): { ok: true; value: PaymentRow } | { ok: false; message: string } {
  const date = parseDate(cells.date, `Rândul ${row}: data plății`);
  if (!date.ok) return date;
  const amount = typeof cells.amount === 'number' ? Math.round(cells.amount * 100) : parseLei(String(cells.amount ?? ''));
  if (amount === undefined || !Number.isSafeInteger(amount) || amount <= 0) return { ok: false, message: `Rândul ${row}: suma „${String(cells.amount ?? '')}” nu este o sumă pozitivă în lei.` };
  const party = cleanText(String(cells.cuiOrConvention ?? ''));
  const order = cleanText(String(cells.paymentOrderNumber ?? ''));
  const ordonantare = cleanText(String(cells.ordonantareNumber ?? ''));
  if (!party && !ordonantare && !order) return { ok: false, message: `Rândul ${row}: lipsesc atât numerele ordonanțării și ordinului de plată, cât și CUI-ul sau convenția.` };
  return { ok: true, value: { row, date: date.value, paymentOrderNumber: order, ordonantareNumber: ordonantare, cuiOrConvention: party, amount: amount as Bani } };
}

/**
 * Matches the rows of payments made to the months approved for payment: first on the ordonanțare
 * number, then on the payment order number, then on the CUI (or convention number) with the amount
 * and the month. A row already imported (same key) changes nothing; the result lists what was
 * matched, partial or different amounts, and rows that match nothing.
 */
export function matchPayments(rows: readonly PaymentRow[], targets: readonly PaymentTarget[], existing: readonly RecordedPayment[]): PaymentImport {
  const byOrdonantare = new Map<string, PaymentTarget>();
  const byOrder = new Map<string, PaymentTarget>();
  const byParty = new Map<string, PaymentTarget[]>();
  for (const t of targets) {
    if (t.ordonantareNumber) byOrdonantare.set(`${t.year}|${norm(t.ordonantareNumber)}`, t);
    if (t.paymentOrderNumber) byOrder.set(`${t.year}|${norm(t.paymentOrderNumber)}`, t);
    for (const party of [normalizeCui(t.cui), norm(t.conventionNumber)]) {
      if (!party) continue;
      const list = byParty.get(party);
      if (list) list.push(t);
      else byParty.set(party, [t]);
    }
  }
  const existingKeys = new Set(existing.map((p) => p.key));
  const paidSoFar = new Map<string, number>();
  for (const p of existing) paidSoFar.set(p.settlementId, (paidSoFar.get(p.settlementId) ?? 0) + p.amount);

  const matches: RowMatch[] = [];
  const newPayments: RecordedPayment[] = [];
  const keysInFile = new Set<string>();
  for (const row of rows) {
    const key = paymentRowKey(row);
    if (existingKeys.has(key)) {
      matches.push({ row: row.row, key, status: 'deja_importata', message: 'Rândul a fost importat anterior; nu se modifică nimic.' });
      continue;
    }
    if (keysInFile.has(key)) {
      matches.push({ row: row.row, key, status: 'duplicat', message: 'Același rând apare de mai multe ori în fișier; se ia în calcul o singură dată.' });
      continue;
    }
    keysInFile.add(key);
    const year = Number(row.date.slice(0, 4));
    const month = Number(row.date.slice(5, 7));
    let target: PaymentTarget | undefined;
    let how: string;
    if (row.ordonantareNumber && (target = byOrdonantare.get(`${year}|${norm(row.ordonantareNumber)}`) ?? byOrdonantare.get(`${year - 1}|${norm(row.ordonantareNumber)}`))) how = `după nr. ordonanțării ${row.ordonantareNumber}`;
    else if (row.paymentOrderNumber && (target = byOrder.get(`${year}|${norm(row.paymentOrderNumber)}`))) how = `după nr. ordinului de plată ${row.paymentOrderNumber}`;
    else {
      const party = normalizeCui(row.cuiOrConvention) || norm(row.cuiOrConvention);
      const candidates = byParty.get(party) ?? byParty.get(norm(row.cuiOrConvention));
      if (!candidates) {
        matches.push({ row: row.row, key, status: 'cui_necunoscut', message: `CUI-ul sau convenția „${row.cuiOrConvention}” nu corespunde niciunei convenții.` });
        continue;
      }
      // Paid in the month of the ordonanțare or the month after the settled month.
      target = candidates.find((t) => t.approved === row.amount && (paidSoFar.get(t.settlementId) ?? 0) === 0 && (t.month === month || t.month + 1 === month || (t.month === 12 && month === 1)));
      if (!target) {
        matches.push({ row: row.row, key, status: 'neidentificata', message: `Nicio lună aprobată la plată pentru „${row.cuiOrConvention}” cu suma de ${formatLei(row.amount)} în ${formatRoDate(row.date)}.` });
        continue;
      }
      how = `după CUI/convenție, sumă și lună (${monthLabel(target.year, target.month)})`;
    }
    const before = paidSoFar.get(target.settlementId) ?? 0;
    const after = before + row.amount;
    paidSoFar.set(target.settlementId, after);
    newPayments.push({ key, settlementId: target.settlementId, conventionId: target.conventionId, date: row.date, paymentOrderNumber: row.paymentOrderNumber, amount: row.amount, row: row.row });
    const label = `convenția nr. ${target.conventionNumber}, ${monthLabel(target.year, target.month)}`;
    if (after === target.approved) matches.push({ row: row.row, key, status: 'potrivita', settlementId: target.settlementId, message: `${label}, ${how}.` });
    else if (after < target.approved) matches.push({ row: row.row, key, status: 'partiala', settlementId: target.settlementId, message: `${label}, ${how}: plătit ${formatLei(after)} din ${formatLei(target.approved)} aprobați.` });
    else matches.push({ row: row.row, key, status: 'diferenta', settlementId: target.settlementId, message: `${label}, ${how}: plătit ${formatLei(after)}, peste cei ${formatLei(target.approved)} aprobați.` });
  }
  return {
    matches,
    newPayments,
    unmatched: matches.filter((m) => m.status === 'neidentificata' || m.status === 'cui_necunoscut'),
    mismatched: matches.filter((m) => m.status === 'partiala' || m.status === 'diferenta'),
  };
}
