// Limits of an imported file, checked before any heavy work so that a file too large for the app
// is refused in seconds with a clear message, never a frozen or crashed tab.
import { ImportFileError } from './raw-table';
import { countOf } from './wording';

export const IMPORT_LIMITS = {
  /** 50 MiB: a 100,000-row catalog workbook is about 10 MiB, as CSV about 25 MiB. */
  maxFileBytes: 50 * 1024 * 1024,
  maxColumns: 200,
  /** Data rows of one sheet. */
  maxRows: 100_000,
  /** Characters of one cell, Excel's own limit. */
  maxCellLength: 32_767,
} as const;

const MIB = 1024 * 1024;

export function assertFileSize(name: string, bytes: number): void {
  if (bytes > IMPORT_LIMITS.maxFileBytes) {
    throw new ImportFileError(
      `Fișierul „${name}” are ${formatMib(bytes)} MiB, peste limita de ${formatMib(IMPORT_LIMITS.maxFileBytes)} MiB a unui import. Împărțiți-l în fișiere mai mici (de exemplu câte 50.000 de rânduri) și importați-le pe rând.`,
    );
  }
}

/** `columns` undefined: counting stopped past the limit. */
export function tooManyColumns(sheet: string, columns?: number): ImportFileError {
  const count = columns === undefined ? `mai mult de ${countOf(IMPORT_LIMITS.maxColumns, 'coloană', 'coloane')}` : countOf(columns, 'coloană', 'coloane');
  return new ImportFileError(
    `${where(sheet)} are ${count}, peste limita de ${countOf(IMPORT_LIMITS.maxColumns, 'coloană', 'coloane')} a unui import. Păstrați doar coloanele catalogului sau ale registrului și importați din nou.`,
  );
}

/** `declared`: the rows a workbook sheet says it spans (formatted empty rows included). */
export function tooManyRows(sheet: string, declared?: number): ImportFileError {
  if (declared !== undefined) {
    return new ImportFileError(
      `${where(sheet)} se întinde pe ${countOf(declared, 'rând', 'rânduri')}, peste limita de ${countOf(IMPORT_LIMITS.maxRows, 'rând', 'rânduri')} cu date a unui import. Dacă rândurile de la final sunt goale, ștergeți-le în Excel; altfel împărțiți rândurile în mai multe fișiere și importați-le pe rând.`,
    );
  }
  return new ImportFileError(
    `${where(sheet)} are peste ${countOf(IMPORT_LIMITS.maxRows, 'rând', 'rânduri')} cu date, limita unui import. Împărțiți rândurile în mai multe fișiere și importați-le pe rând.`,
  );
}

export function cellTooLong(sheet: string, row: number, column: string, length: number): ImportFileError {
  return new ImportFileError(
    `${where(sheet)}, rândul ${row}, coloana ${column}: celula are ${countOf(length, 'caracter', 'caractere')}, peste limita de ${countOf(IMPORT_LIMITS.maxCellLength, 'caracter', 'caractere')} a unei celule Excel. Scurtați textul și importați din nou.`,
  );
}

const where = (sheet: string) => (sheet === 'CSV' ? 'Fișierul CSV' : `Foaia „${sheet}”`);

/** MiB with one decimal, rounded up (a file just over the limit does not read as equal to it). */
function formatMib(bytes: number): string {
  const tenths = Math.ceil((bytes / MIB) * 10);
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)},${tenths % 10}`;
}
