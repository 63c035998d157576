import { fieldColumns, suggestMapping } from '../import/mapping';
import { columnLetter, isBlankCell, isCellError, type CellValue, type RawTable } from '../import/raw-table';
import { parseLei } from '../money';
import type { ColumnDef } from '../tabular/columns';
import { parseDate } from '../validation/dates';
import { readPaymentRow, type PaymentRow } from './payment-matching';

export type PaymentField = 'date' | 'paymentOrderNumber' | 'ordonantareNumber' | 'cuiOrConvention' | 'amount';

/** The columns of the accounting system's export of payments made, with the spellings seen in exports. */
export const PAYMENT_COLUMNS: readonly ColumnDef<PaymentField>[] = [
  { field: 'date', header: 'Data plății', type: 'date', required: true, aliases: ['Data', 'Data OP', 'Data ordinului de plată', 'Data platii'] },
  { field: 'paymentOrderNumber', header: 'Nr. ordin de plată', type: 'text', aliases: ['Nr. OP', 'OP', 'Număr OP', 'Ordin de plată', 'Nr ordin plata'] },
  { field: 'ordonantareNumber', header: 'Nr. ordonanțare', type: 'text', aliases: ['Ordonanțare', 'Nr. ordonanțării', 'Ordonanțare de plată', 'Nr ordonantare'] },
  { field: 'cuiOrConvention', header: 'CUI sau nr. convenție', type: 'text', aliases: ['CUI', 'CIF', 'Cod fiscal', 'Beneficiar CUI', 'Nr. convenție', 'Convenție', 'CUI / convenție'] },
  { field: 'amount', header: 'Suma (lei)', type: 'text', required: true, aliases: ['Suma', 'Sumă', 'Suma plătită', 'Valoare', 'Suma lei', 'Valoare (lei)'] },
];

/** One problem of an imported file: row (1-based, as in the sheet), column and reason. */
export interface PaymentFileIssue {
  row: number;
  column: string;
  message: string;
}

export interface PaymentTable {
  rows: PaymentRow[];
  issues: PaymentFileIssue[];
}

const cell = (cells: readonly CellValue[], index: number | undefined): unknown => {
  if (index === undefined) return '';
  const value = cells[index];
  return isBlankCell(value) ? '' : value;
};

/**
 * Reads the export's table: the columns found by their headers, each row checked with
 * `readPaymentRow`; every problem names its row, column and reason. A missing required column is
 * one problem for the whole file.
 */
export function readPaymentTable(table: RawTable): PaymentTable {
  const mapping = suggestMapping(table.headers, PAYMENT_COLUMNS);
  const columns = fieldColumns(mapping, PAYMENT_COLUMNS);
  const label = (field: PaymentField) => {
    const index = columns.get(field);
    return index === undefined ? PAYMENT_COLUMNS.find((c) => c.field === field)!.header : `${columnLetter(index)} „${table.headers[index]}”`;
  };
  const issues: PaymentFileIssue[] = [];
  for (const column of PAYMENT_COLUMNS) {
    if (column.required && !columns.has(column.field)) issues.push({ row: 1, column: column.header, message: `Lipsește coloana „${column.header}” (foaia „${table.sheet}”).` });
  }
  if (!columns.has('paymentOrderNumber') && !columns.has('ordonantareNumber') && !columns.has('cuiOrConvention')) {
    issues.push({ row: 1, column: 'CUI sau nr. convenție', message: 'Lipsesc coloanele după care se identifică plata: nr. ordonanțare, nr. ordin de plată sau CUI / nr. convenție.' });
  }
  if (issues.length > 0) return { rows: [], issues };
  const rows: PaymentRow[] = [];
  for (const raw of table.rows) {
    const formula = [...columns.entries()].find(([, i]) => isCellError(raw.cells[i] ?? null));
    if (formula) {
      issues.push({ row: raw.rowNumber, column: label(formula[0]), message: 'Celula conține o formulă fără valoare calculată sau o eroare.' });
      continue;
    }
    const cells = {
      date: cell(raw.cells, columns.get('date')),
      paymentOrderNumber: cell(raw.cells, columns.get('paymentOrderNumber')),
      ordonantareNumber: cell(raw.cells, columns.get('ordonantareNumber')),
      cuiOrConvention: cell(raw.cells, columns.get('cuiOrConvention')),
      amount: cell(raw.cells, columns.get('amount')),
    };
    const read = readPaymentRow(raw.rowNumber, cells);
    if (read.ok) {
      rows.push(read.value);
      continue;
    }
    // The column at fault, for the report.
    const amount = typeof cells.amount === 'number' ? Math.round(cells.amount * 100) : parseLei(String(cells.amount));
    const column = !parseDate(cells.date).ok ? label('date') : amount === undefined || amount <= 0 ? label('amount') : label(columns.has('cuiOrConvention') ? 'cuiOrConvention' : 'paymentOrderNumber');
    issues.push({ row: raw.rowNumber, column, message: read.message });
  }
  return { rows, issues };
}
