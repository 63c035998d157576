import { fieldColumns, suggestMapping } from '../import/mapping';
import { cellText, columnLetter, isBlankCell, isCellError, type CellValue, type RawTable } from '../import/raw-table';
import { countOf } from '../import/wording';
import type { ColumnDef } from '../tabular/columns';
import { maskCnp, validateCnp } from '../validation/cnp';
import { daysInMonth } from '../validation/dates';
import { cleanText } from '../validation/diacritics';
import { MONTH_NAMES } from '../requests/subsidy-request';
import type { NominalEntry } from './monthly-settlement';

export type NominalField = 'name' | 'cnp' | 'daysPresent';

/** The columns of a nominal list of beneficiaries (annex 2 of the convention), with the spellings NGOs use. */
export const NOMINAL_COLUMNS: readonly ColumnDef<NominalField>[] = [
  {
    field: 'name', header: 'Nume și prenume', type: 'text', required: true,
    aliases: ['Numele și prenumele', 'Nume, prenume', 'Nume prenume', 'Nume', 'Numele', 'Beneficiar', 'Numele beneficiarului', 'Nume și prenume beneficiar', 'Nume beneficiar'],
  },
  { field: 'cnp', header: 'CNP', type: 'text', required: true, aliases: ['Cod numeric personal', 'C.N.P.', 'CNP beneficiar'] },
  {
    field: 'daysPresent', header: 'Zile prezent', type: 'integer', required: true,
    aliases: ['Zile prezență', 'Zile de prezență', 'Nr. zile prezență', 'Număr zile prezență', 'Nr. zile prezent', 'Număr zile prezent', 'Zile', 'Nr. zile', 'Număr de zile', 'Prezență (zile)', 'Zile prezent în lună'],
  },
];

/** One problem of the imported list: row (1-based, as in the sheet), column and reason. */
export interface NominalFileIssue {
  row: number;
  column: string;
  message: string;
}

export type NominalListResult = { ok: true; entries: NominalEntry[] } | { ok: false; issues: NominalFileIssue[] };

/**
 * Reads the nominal list of one unit for one month from a sheet: name, CNP and days present. Each
 * CNP is checked with `validateCnp`, then only its mask (last four digits) is kept: the full CNP
 * leaves neither this function nor the messages. Days present are an integer from 0 to the days of
 * the month. A list with any bad row, or a CNP on two rows, gives only the problems (nothing is
 * imported), each with its row, column and reason.
 */
export function readNominalList(table: RawTable, year: number, month: number): NominalListResult {
  const mapping = suggestMapping(table.headers, NOMINAL_COLUMNS);
  const columns = fieldColumns(mapping, NOMINAL_COLUMNS);
  const issues: NominalFileIssue[] = [];
  for (const column of NOMINAL_COLUMNS) {
    if (!columns.has(column.field)) issues.push({ row: 1, column: column.header, message: `Lipsește coloana „${column.header}” (foaia „${table.sheet}”).` });
  }
  if (issues.length > 0) return { ok: false, issues };
  if (table.rows.length === 0) return { ok: false, issues: [{ row: 2, column: '', message: `Foaia „${table.sheet}” nu are niciun beneficiar sub rândul de antet.` }] };

  const label = (field: NominalField) => {
    const index = columns.get(field)!;
    return `${columnLetter(index)} „${table.headers[index]}”`;
  };
  const value = (cells: readonly CellValue[], field: NominalField): CellValue => cells[columns.get(field)!] ?? null;
  const maxDays = daysInMonth(year, month);
  const monthName = MONTH_NAMES[month - 1] ?? String(month);
  const entries: NominalEntry[] = [];
  const rowOfCnp = new Map<string, number>();

  for (const raw of table.rows) {
    const problems: NominalFileIssue[] = [];
    const report = (field: NominalField, message: string) => problems.push({ row: raw.rowNumber, column: label(field), message });
    for (const field of ['name', 'cnp', 'daysPresent'] as const) {
      if (isCellError(value(raw.cells, field))) report(field, 'Celula conține o formulă fără valoare calculată sau o eroare.');
    }
    if (problems.length > 0) {
      issues.push(...problems);
      continue;
    }
    const name = cleanText(cellText(value(raw.cells, 'name')));
    if (!name) report('name', 'Numele beneficiarului lipsește.');

    const cnpCell = value(raw.cells, 'cnp');
    const cnp = validateCnp(typeof cnpCell === 'number' || typeof cnpCell === 'string' ? cellText(cnpCell) : '');
    if (!cnp.ok) report('cnp', isBlankCell(cnpCell) ? 'CNP-ul lipsește.' : cnp.message);
    else {
      const earlier = rowOfCnp.get(cnp.value);
      if (earlier !== undefined) report('cnp', `CNP-ul (${maskCnp(cnp.value)}) apare și pe rândul ${earlier}: o persoană se trece o singură dată în listă.`);
      else rowOfCnp.set(cnp.value, raw.rowNumber);
    }

    const days = readDays(value(raw.cells, 'daysPresent'));
    if (days === undefined) report('daysPresent', 'Zilele de prezență lipsesc sau nu sunt un număr întreg.');
    else if (days < 0 || days > maxDays) report('daysPresent', `Zilele de prezență trebuie să fie între 0 și ${maxDays} (${monthName} are ${countOf(maxDays, 'zi', 'zile')}).`);

    if (problems.length > 0) issues.push(...problems);
    else if (cnp.ok && days !== undefined) entries.push({ name, maskedCnp: maskCnp(cnp.value), daysPresent: days });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, entries };
}

/** 20, "20", " 20 " → 20; 20.5, "douăzeci", "" → undefined. */
function readDays(cell: CellValue): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  return /^-?\d+$/.test(text) ? Number(text) : undefined;
}
