import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { decodeText, parseCsv } from '../../src/import/csv';
import { assertFileSize, IMPORT_LIMITS, tooManyColumns, tooManyRows } from '../../src/import/limits';
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

/**
 * The extent each worksheet declares (<dimension ref="A1:R20001"/>), read from the first bytes of
 * its XML before exceljs loads the whole workbook: a sheet far over the limits is refused in
 * seconds. The declared extent counts formatted empty cells too, hence the margin; the exact
 * limits are checked on the rows read.
 */
export async function checkDeclaredExtents(bytes: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return; // exceljs reports the damaged file with its own message.
  }
  for (const file of zip.file(/^xl\/worksheets\/sheet\d+\.xml$/)) {
    const head = await firstText(file, 8192);
    const m = /<dimension\s+ref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"/.exec(head);
    if (!m) continue;
    const rows = Number(m[4] ?? m[2]);
    const columns = columnNumber(m[3] ?? m[1]!);
    const sheet = (await sheetNames(zip)).get(file.name) ?? file.name.replace(/^.*\//, '');
    if (rows > IMPORT_LIMITS.maxRows * 2) throw tooManyRows(sheet, rows);
    if (columns > IMPORT_LIMITS.maxColumns * 5) throw tooManyColumns(sheet, columns);
  }
}

function firstText(file: JSZip.JSZipObject, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder();
    let text = '';
    // JSZip streams an entry's inflated bytes (internalStream is not in its type declarations).
    const stream = (file as unknown as { internalStream(type: 'uint8array'): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        text += decoder.decode(chunk, { stream: true });
        if (text.length >= limit) {
          stream.pause();
          resolve(text);
        }
      })
      .on('error', reject)
      .on('end', () => resolve(text))
      .resume();
  });
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Worksheet path → the sheet's name, from the workbook and its relationships (for the message). */
async function sheetNames(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const [workbook, rels] = await Promise.all([zip.file('xl/workbook.xml')?.async('string'), zip.file('xl/_rels/workbook.xml.rels')?.async('string')]);
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, name.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'"));
  }
  return names;
}

async function readWorkbook(bytes: Uint8Array, name: string): Promise<RawTable[]> {
  await checkDeclaredExtents(bytes);
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
