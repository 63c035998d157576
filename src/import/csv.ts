import Papa from 'papaparse';
import { IMPORT_LIMITS, tooManyColumns } from './limits';
import { ImportFileError, RawTableBuilder, type CellValue, type RawTable } from './raw-table';

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"),
 * and windows-1250 when the bytes are not valid UTF-8 (older Romanian Excel exports, which write
 * ş ţ with a cedilla — cleanText turns them into ș ț).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1250').decode(body);
  }
}

const DELIMITERS = [';', '\t', ','] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/** The delimiter used most often outside quotes on the first non-blank line (ties: ; then tab then ,). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seen = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!inQuotes && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== '') seen = true;
  }
  let best: CsvDelimiter = ';';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Fields of the first non-blank record, counted outside quotes; stops at `stopAt` so that a
 * header line of a million fields is refused without splitting it.
 */
export function countHeaderFields(text: string, delimiter: string, stopAt: number): number {
  let fields = 1;
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seen) break;
    } else if (!inQuotes && ch === delimiter) {
      if (++fields >= stopAt) return fields;
    }
    if (!seen && ch !== undefined && ch.trim() !== '') seen = true;
  }
  return fields;
}

/**
 * Parses CSV text into a table named "CSV" with papaparse (RFC 4180 quotes: "" inside quotes,
 * delimiters and line breaks inside quotes), row by row: delimiter ; , or tab detected from the
 * header line (Romanian Excel writes ;), an Excel "sep=;" first line honoured, BOM stripped, CRLF,
 * LF or CR. Row numbers are record numbers, as Excel shows them when it opens the file. The
 * column limit is checked on the header line before the rest is parsed; rows and cells are
 * checked while the rows are read (see buildRawTable).
 */
export function parseCsv(text: string): RawTable {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(body);
  if (countHeaderFields(body, delimiter, IMPORT_LIMITS.maxColumns + 1) > IMPORT_LIMITS.maxColumns) throw tooManyColumns('CSV');
  // One line ending for the whole file (papaparse expects one; files mixing them exist).
  body = body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body;
  const builder = new RawTableBuilder('CSV');
  let rowNumber = 0;
  let failure: unknown;
  // papaparse's step mode hands over one record at a time, without an array of all of them;
  // the builder refuses the file as soon as a limit is passed, and parsing stops there.
  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      rowNumber++;
      try {
        if (result.errors.some((e) => e.code === 'MissingQuotes')) {
          throw new ImportFileError(`Fișierul CSV are ghilimele deschise și neînchise, începând cu rândul ${rowNumber}. Verificați fișierul în Excel și salvați-l din nou.`);
        }
        builder.add(rowNumber, result.data.map((f): CellValue => (f === '' ? null : f)));
      } catch (error) {
        failure ??= error;
        parser.abort();
      }
    },
  });
  if (failure) throw failure;
  return builder.finish() ?? { sheet: 'CSV', headers: [], rows: [], emptyRowsSkipped: 0 };
}
