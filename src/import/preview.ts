import type { ColumnDef } from '../tabular/columns';
import { matchOption } from '../tabular/columns';
import { parseDate, type IsoDate } from '../validation/dates';
import { cleanText } from '../validation/diacritics';
import { fieldColumns, type ColumnMapping } from './mapping';
import { cellText, isBlankCell, type CellValue, type RawTable } from './raw-table';

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

export interface PreviewOptions {
  /** Called every `progressEvery` rows (default 200) and after the last one. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export type Converted = string | number | IsoDate | undefined;

/**
 * Converts a cell for its column: text is cleaned (numbers written without exponent), dates
 * accept Excel serials, Date cells, "dd.mm.yyyy" and "yyyy-mm-dd", integers must be whole, enums
 * are matched to their stored value by value or label. Blank cells give '' (text) or undefined.
 */
export function convertCell(value: CellValue, column: ColumnDef, multiline = false): { ok: true; value: Converted } | { ok: false; message: string } {
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
      const date = parseDate(typeof value === 'string' ? cleanText(value) : value, column.header);
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
      const stored = matchOption(text, column.options ?? {});
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
      const result = convertCell(input, def, ctx.multiline.has(field));
      if (result.ok) this.values.set(field, result.value);
      else {
        this.failed.add(field);
        this.issue(field, result.message);
      }
    }
  }

  isMapped(field: F): boolean {
    return this.ctx.columnOf.has(field);
  }

  /** The raw cell of a field's column, as text ('' when the file has no such column). */
  text(field: F): string {
    const index = this.ctx.columnOf.get(field);
    return index === undefined ? '' : cellText(this.cells[index] ?? null);
  }

  /** Records an issue on a field: located at its column in the file, or at its label. */
  issue(field: F, reason: string): void {
    const index = this.ctx.columnOf.get(field);
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
}

export function tableContext<F extends string>(
  table: RawTable,
  mapping: ColumnMapping<F>,
  columns: readonly ColumnDef<F>[],
  labels: Partial<Record<F, string>>,
  extra: { multiline?: readonly F[]; numberFix?: Partial<Record<F, (n: number) => CellValue>> } = {},
): TableContext<F> {
  return {
    table,
    defs: new Map(columns.map((c) => [c.field, c])),
    columnOf: fieldColumns(mapping, columns),
    labels: { ...Object.fromEntries(columns.map((c) => [c.field, c.header])), ...labels } as Partial<Record<F, string>>,
    multiline: new Set(extra.multiline ?? []),
    numberFix: extra.numberFix,
  };
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
