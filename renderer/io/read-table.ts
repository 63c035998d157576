import ExcelJS from 'exceljs';
import { decodeText, parseCsv } from '../../src/import/csv';
import { assertFileSize } from '../../src/import/limits';
import { buildRawTable, ImportFileError, isCellError, type CellValue, type RawTable } from '../../src/import/raw-table';

export { ImportFileError };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 0x03 || b[2] === 0x05) && (b[3] === 0x04 || b[3] === 0x06);
// OLE2 compound file: Excel 97-2003 .xls, or an .xlsx encrypted with a password.
const isOle = (b: Uint8Array) => [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((v, i) => b[i] === v);

const SAVE_AS_XLSX = 'Deschideți-l în Excel și salvați-l ca „Registru de lucru Excel (*.xlsx)”, apoi importați fișierul nou.';

/**
 * Reads the tables of an imported file: every visible sheet with data of an .xlsx workbook, or
 * the single table of a .csv file. The file type is recognised by its content, then its name.
 * Throws ImportFileError (Romanian message) when the file cannot be read.
 */
export async function readTables(bytes: Uint8Array, fileName: string): Promise<RawTable[]> {
  const extension = (/\.([^./\\]+)$/.exec(fileName)?.[1] ?? '').toLowerCase();
  const name = fileName.split(/[/\\]/).pop() ?? fileName;
  if (bytes.length === 0) throw new ImportFileError(`Fișierul „${name}” este gol.`);
  assertFileSize(name, bytes.length);
  if (isOle(bytes)) {
    throw new ImportFileError(
      `Fișierul „${name}” este în formatul vechi Excel 97-2003 (.xls) sau este protejat cu parolă, iar aplicația citește doar fișiere .xlsx și .csv. ${SAVE_AS_XLSX} Dacă are parolă, eliminați-o înainte de salvare.`,
    );
  }
  if (isZip(bytes)) return readWorkbook(bytes, name);
  if (extension === 'xls') throw new ImportFileError(`Fișierul „${name}” este în formatul vechi Excel (.xls), pe care aplicația nu îl citește. ${SAVE_AS_XLSX}`);
  if (extension === 'xlsx' || extension === 'xlsm') {
    throw new ImportFileError(`Fișierul „${name}” nu este un registru Excel valid (.xlsx): este deteriorat sau are alt format decât arată extensia.`);
  }
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') return readCsv(bytes, name);
  if (extension === 'ods') throw new ImportFileError(`Fișierul „${name}” este în formatul OpenDocument (.ods). Salvați-l din LibreOffice ca „Excel 2007-365 (.xlsx)” și importați fișierul nou.`);
  throw new ImportFileError(`Fișierul „${name}” nu este un tip acceptat. Se pot importa registre Excel (.xlsx) și fișiere CSV (.csv).`);
}

function readCsv(bytes: Uint8Array, name: string): RawTable[] {
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError(`Fișierul „${name}” nu este un fișier text CSV (conține date binare).`);
  }
  const table = parseCsv(decodeText(bytes));
  return table.headers.length > 0 ? [table] : [];
}

async function readWorkbook(bytes: Uint8Array, name: string): Promise<RawTable[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands the bytes to JSZip, which accepts a Uint8Array in Node and in the browser.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (detalii tehnice: ${error.message})` : '';
    throw new ImportFileError(`Fișierul „${name}” nu poate fi citit ca registru Excel (.xlsx): este deteriorat sau nu este un registru Excel.${detail}`);
  }
  if (workbook.worksheets.length === 0) throw new ImportFileError(`Fișierul „${name}” nu conține nicio foaie de calcul.`);
  const tables: RawTable[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const table = buildRawTable(sheet.name, sheetRows(sheet));
    if (table) tables.push(table);
  }
  return tables;
}

function* sheetRows(sheet: ExcelJS.Worksheet): Generator<{ rowNumber: number; cells: CellValue[] }> {
  const last = sheet.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = sheet.findRow(r);
    if (!row) {
      yield { rowNumber: r, cells: [] };
      continue;
    }
    const cells: CellValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(normalizeCell(row.getCell(c).value));
    yield { rowNumber: r, cells };
  }
}

/**
 * exceljs cell value → CellValue: rich text and hyperlinks as text, formulas as their result; an
 * error value (#N/A) or a formula without a cached result becomes a CellError, reported by the
 * preview when its column is imported.
 */
export function normalizeCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: unknown }[]).map((part) => String(part.text ?? '')).join('');
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const formula = String(v.formula ?? v.sharedFormula ?? '');
      if (v.result === undefined || v.result === null) return { error: '', formula };
      const result = normalizeCell(v.result);
      return isCellError(result) ? { ...result, formula } : result;
    }
    if ('text' in v) return normalizeCell(v.text);
  }
  return null;
}
