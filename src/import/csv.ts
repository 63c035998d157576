import { buildRawTable, ImportFileError, type CellValue, type RawTable } from './raw-table';

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

/** Splits CSV text into records of fields (RFC 4180: "" inside quotes, line breaks inside quotes). */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteStartRecord = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      inQuotes = true;
      quoteStartRecord = records.length + 1;
    } else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (inQuotes) throw new ImportFileError(`Fișierul CSV are ghilimele deschise și neînchise, începând cu rândul ${quoteStartRecord}. Verificați fișierul în Excel și salvați-l din nou.`);
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/**
 * Parses CSV text into a table named "CSV": delimiter ; , or tab detected from the header line
 * (Romanian Excel writes ;), an Excel "sep=;" first line honoured, BOM stripped, CRLF or LF.
 * Row numbers are record numbers, as Excel shows them when it opens the file.
 */
export function parseCsv(text: string): RawTable {
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let delimiter: string | undefined;
  const sep = /^sep=(.)\r?\n/i.exec(body);
  if (sep) {
    delimiter = sep[1];
    body = body.slice(sep[0].length);
  }
  const records = parseCsvRecords(body, delimiter ?? detectDelimiter(body));
  const grid = records.map((fields, i) => ({ rowNumber: i + 1, cells: fields.map((f): CellValue => (f === '' ? null : f)) }));
  return buildRawTable('CSV', grid) ?? { sheet: 'CSV', headers: [], rows: [], emptyRowsSkipped: 0 };
}
