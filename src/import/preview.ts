import type { ColumnDef } from '../tabular/columns';
import { matchOption } from '../tabular/columns';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import { cleanText } from '../validation/diacritics';
import { splitAddress } from './address';
import { ADDRESS_FIELDS, addressColumn, fieldColumns, type ColumnMapping, type FieldDefaults } from './mapping';
import { cellText, isBlankCell, isCellError, type CellError, type CellValue, type RawTable } from './raw-table';

/** One problem found in the file, located as the user sees it in Excel. */
export interface ImportIssue {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  /** Header text as in the file (or the field's label when the file has no such column). */
  column: string;
  /** The cell as text. */
  value: string;
  /** Romanian. */
  reason: string;
}

/** What an import would do: the rows that pass, and every issue of the rows that do not. */
export interface ImportPreview<D> {
  sheet: string;
  /** Non-empty data rows in the sheet. */
  totalRows: number;
  validRows: { rowNumber: number; draft: D }[];
  issues: ImportIssue[];
  emptyRowsSkipped: number;
}

export interface PreviewOptions<F extends string = string> {
  /** Called every `progressEvery` rows (default 200) and after the last one. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
  /** Constant values of the mapping step (where the cell is blank or the field has no column). */
  defaults?: FieldDefaults<F>;
}

/** Why a formula cell cannot be imported, for the row's report. */
export function formulaProblem(cell: CellError): string {
  if (cell.error) {
    return `Celula are eroarea ${cell.error}${cell.formula ? ` a formulei „=${cell.formula}”` : ''}: corectați formula sau scrieți valoarea în celulă, apoi importați din nou.`;
  }
  return `Celula are formula „=${cell.formula ?? ''}” fără valoare calculată (fișierul a fost salvat de un program care nu calculează formulele): deschideți-l în Excel, salvați-l din nou sau copiați valorile cu Lipire specială → Valori.`;
}

export type Converted = string | number | IsoDate | undefined;

/**
 * Converts a cell for its column: text is cleaned (numbers written without exponent), dates
 * accept Excel serials, Date cells, "dd.mm.yyyy" and "yyyy-mm-dd", integers must be whole, enums
 * are matched to their stored value by value or label. Blank cells give '' (text) or undefined.
 */
export function convertCell(value: CellValue, column: ColumnDef, multiline = false): { ok: true; value: Converted } | { ok: false; message: string } {
  if (isCellError(value)) return { ok: false, message: `${column.header}: ${formulaProblem(value)}` };
  const blank = isBlankCell(value);
  switch (column.type) {
    case 'text': {
      if (blank) return { ok: true, value: '' };
      const text = cellText(value);
      // Line breaks kept (Alt+Enter in Excel); the validator decides about blank lines.
      if (multiline) return { ok: true, value: text.split(/\r\n|\r|\n/).map(cleanText).join('\n').replace(/^\n+|\n+$/g, '') };
      return { ok: true, value: cleanText(text) };
    }
    case 'date': {
      if (blank) return { ok: true, value: undefined };
      const date = parseDate(typeof value === 'string' ? cleanText(value) : (value as number | boolean | Date), column.header);
      return date.ok ? { ok: true, value: date.value } : { ok: false, message: date.message };
    }
    case 'integer': {
      if (blank) return { ok: true, value: undefined };
      const text = cleanText(cellText(value));
      // "1.000" is ambiguous (Romanian thousands separator), so text must be plain digits.
      const digits = text.replace(/\s+/g, '');
      const n = typeof value === 'number' ? value : /^[+-]?\d+$/.test(digits) ? Number.parseInt(digits, 10) : Number.NaN;
      if (!Number.isInteger(n)) return { ok: false, message: `${column.header}: „${text}” nu este un număr întreg.` };
      return { ok: true, value: n };
    }
    case 'enum': {
      if (blank) return { ok: true, value: undefined };
      const text = cleanText(cellText(value));
      const stored = matchOption(text, column.options ?? {}, column.optionAliases);
      if (stored === undefined) {
        const allowed = Object.values(column.options ?? {}).map((label) => `„${label}”`).join(', ');
        return { ok: false, message: `${column.header}: „${text}” nu este o valoare permisă; valori permise: ${allowed}.` };
      }
      return { ok: true, value: stored };
    }
  }
}

/** A row of the table read through the mapping: converted values and the issues found so far. */
export class RowReader<F extends string> {
  /** Converted values of the mapped columns whose conversion succeeded. */
  readonly values = new Map<F, Converted>();
  /** Fields whose cell could not be converted (their validator errors are not reported twice). */
  readonly failed = new Set<F>();
  private readonly found: { order: number; issue: ImportIssue }[] = [];

  constructor(
    private readonly ctx: TableContext<F>,
    readonly rowNumber: number,
    readonly cells: readonly CellValue[],
  ) {
    for (const [field, index] of ctx.columnOf) {
      const def = ctx.defs.get(field);
      if (!def) continue;
      const value = cells[index] ?? null;
      const fix = ctx.numberFix?.[field];
      const input = typeof value === 'number' && fix ? fix(value) : value;
      this.convert(field, def, isBlankCell(input) && ctx.defaults[field] ? ctx.defaults[field] : input);
    }
    if (ctx.address) {
      const cell = cells[ctx.address.index] ?? null;
      if (isCellError(cell)) this.found.push({ order: ctx.address.index, issue: this.issueAt(ctx.address.index, formulaProblem(cell)) });
      else if (!isBlankCell(cell)) {
        const parts = splitAddress(cellText(cell));
        for (const field of ctx.address.fields) {
          const def = ctx.defs.get(field);
          if (def && parts[field as (typeof ADDRESS_FIELDS)[number]]) this.convert(field, def, parts[field as (typeof ADDRESS_FIELDS)[number]]);
        }
      }
    }
    // Constant values for the fields without a column of their own (or left empty by the address).
    for (const [field, text] of ctx.defaultEntries) {
      const def = ctx.defs.get(field);
      if (def && !ctx.columnOf.has(field) && !this.values.has(field) && !this.failed.has(field)) this.convert(field, def, text);
    }
  }

  private convert(field: F, def: ColumnDef<F>, input: CellValue): void {
    const result = convertCell(input, def, this.ctx.multiline.has(field));
    if (result.ok) this.values.set(field, result.value);
    else {
      this.failed.add(field);
      this.issue(field, result.message);
    }
  }

  private issueAt(index: number, reason: string): ImportIssue {
    const { table } = this.ctx;
    return { sheet: table.sheet, row: this.rowNumber, column: table.headers[index] ?? '', value: cellText(this.cells[index] ?? null), reason };
  }

  isMapped(field: F): boolean {
    return this.ctx.columnOf.has(field);
  }

  /** The raw cell of a field's column, as text (the address cell for its parts; '' without a column). */
  text(field: F): string {
    const index = this.columnIndex(field);
    return index === undefined ? (this.ctx.defaults[field] ?? '') : cellText(this.cells[index] ?? null);
  }

  private columnIndex(field: F): number | undefined {
    return this.ctx.columnOf.get(field) ?? (this.ctx.address?.fields.includes(field) ? this.ctx.address.index : undefined);
  }

  /** Records an issue on a field: located at its column in the file, or at its label. */
  issue(field: F, reason: string): void {
    const index = this.columnIndex(field);
    const column = index === undefined ? (this.ctx.labels[field] ?? field) : (this.ctx.table.headers[index] ?? field);
    this.found.push({
      order: index ?? Number.MAX_SAFE_INTEGER,
      issue: { sheet: this.ctx.table.sheet, row: this.rowNumber, column, value: this.text(field), reason },
    });
  }

  /** Reports the validator's errors, except for fields whose cell already failed conversion. */
  fieldErrors(errors: Partial<Record<string, string>>, fieldOf: (errorField: string) => F): void {
    for (const [errorField, message] of Object.entries(errors)) {
      if (!message) continue;
      const field = fieldOf(errorField);
      if (!this.failed.has(field)) this.issue(field, message);
    }
  }

  get hasIssues(): boolean {
    return this.found.length > 0;
  }

  /** The issues in the order of the file's columns (then those without a column). */
  issues(): ImportIssue[] {
    return this.found
      .map((f, i) => ({ ...f, i }))
      .sort((a, b) => a.order - b.order || a.i - b.i)
      .map((f) => f.issue);
  }
}

export interface TableContext<F extends string> {
  table: RawTable;
  defs: Map<F, ColumnDef<F>>;
  columnOf: Map<F, number>;
  labels: Partial<Record<F, string>>;
  multiline: ReadonlySet<F>;
  numberFix?: Partial<Record<F, (n: number) => CellValue>>;
  defaults: FieldDefaults<F>;
  defaultEntries: [F, string][];
  /** The full-address column and the fields it fills (those without a column of their own). */
  address?: { index: number; fields: F[] };
}

export function tableContext<F extends string>(
  table: RawTable,
  mapping: ColumnMapping<F>,
  columns: readonly ColumnDef<F>[],
  labels: Partial<Record<F, string>>,
  extra: { multiline?: readonly F[]; numberFix?: Partial<Record<F, (n: number) => CellValue>>; defaults?: FieldDefaults<F> } = {},
): TableContext<F> {
  const defs = new Map(columns.map((c) => [c.field, c]));
  const columnOf = fieldColumns(mapping, columns);
  const defaults: FieldDefaults<F> = {};
  for (const [field, text] of Object.entries(extra.defaults ?? {}) as [F, string | undefined][]) {
    if (defs.has(field) && text?.trim()) defaults[field] = text.trim();
  }
  const index = addressColumn(mapping);
  const addressFields = (ADDRESS_FIELDS as readonly string[]).filter((f) => defs.has(f as F) && !columnOf.has(f as F)) as F[];
  return {
    table,
    defs,
    columnOf,
    labels: { ...Object.fromEntries(columns.map((c) => [c.field, c.header])), ...labels } as Partial<Record<F, string>>,
    multiline: new Set(extra.multiline ?? []),
    numberFix: extra.numberFix,
    defaults,
    defaultEntries: Object.entries(defaults) as [F, string][],
    address: index === undefined ? undefined : { index, fields: addressFields },
  };
}

/**
 * The sample of a column in the mapping step, as the import will read it: dates as dd.mm.yyyy
 * (Excel serials too), a full address as its parts.
 */
export function sampleText(value: CellValue | undefined, column: ColumnDef | 'address' | undefined): string {
  if (value === undefined || isBlankCell(value)) return '';
  if (isCellError(value)) return cellText(value);
  if (column === 'address') {
    const parts = splitAddress(cellText(value));
    const shown = [
      ['Stradă', parts.street],
      ['Localitate', parts.locality || '(nedeterminată)'],
      ['Județ', parts.county],
      ['Cod poștal', parts.postalCode],
    ].filter(([, v]) => v);
    return shown.map(([label, v]) => `${label}: ${v}`).join('; ');
  }
  if (column?.type === 'date') {
    const converted = convertCell(value, column);
    if (converted.ok && typeof converted.value === 'string') return formatRoDate(converted.value);
  }
  if (column?.type === 'enum') {
    // "de funcționare" → "Licență de funcționare": the value as the app will show it.
    const converted = convertCell(value, column);
    if (converted.ok && converted.value !== undefined) return column.options?.[String(converted.value)] ?? cellText(value);
  }
  return cellText(value);
}

/** Runs `check` over every row, collecting valid drafts and issues, reporting progress. */
export function runPreview<F extends string, D>(
  ctx: TableContext<F>,
  check: (row: RowReader<F>) => D,
  options: PreviewOptions = {},
): ImportPreview<D> {
  const { table } = ctx;
  const total = table.rows.length;
  const every = Math.max(1, options.progressEvery ?? 200);
  const validRows: ImportPreview<D>['validRows'] = [];
  const issues: ImportIssue[] = [];
  table.rows.forEach((row, i) => {
    const reader = new RowReader(ctx, row.rowNumber, row.cells);
    const draft = check(reader);
    if (reader.hasIssues) issues.push(...reader.issues());
    else validRows.push({ rowNumber: row.rowNumber, draft });
    const done = i + 1;
    if (options.onProgress && (done % every === 0 || done === total)) options.onProgress(done, total);
  });
  return { sheet: table.sheet, totalRows: total, validRows, issues, emptyRowsSkipped: table.emptyRowsSkipped };
}

/** Phone numbers and postal codes typed as numbers lose their leading zero: 740123456 → "0740123456". */
export const leadingZeroFixes = {
  phone: (n: number): CellValue => (Number.isInteger(n) && n > 0 && String(n).length === 9 ? `0${n}` : n),
  postalCode: (n: number): CellValue => (Number.isInteger(n) && n > 0 && String(n).length < 6 ? String(n).padStart(6, '0') : n),
};
