import { searchKey } from '../validation/diacritics';

/**
 * A column of a spreadsheet the app exports or imports. The same definitions drive both, so an
 * exported workbook can be imported back.
 */
export interface ColumnDef<F extends string = string> {
  /** The record's field, or a pseudo-field such as "organizationCui" for a unit's owner. */
  field: F;
  /** Header as the app writes it. */
  header: string;
  type: 'text' | 'date' | 'integer' | 'enum';
  /** For enum columns: stored value → label written in the sheet. */
  options?: Record<string, string>;
  /**
   * Other header spellings accepted on import (compared case- and diacritics-insensitively); one
   * ending in "…" matches every header that starts with it ("Nr. înregistrare Registrul…").
   */
  aliases?: string[];
  /** For enum columns: stored value → other ways users write it on import ("funcționare"). */
  optionAliases?: Record<string, string[]>;
  required?: boolean;
  /** Width in characters for exports (the exporter fits it to the content when larger). */
  width?: number;
}

/** "Nr. licenței" and "nr licentei" give the same key. */
export function headerKey(header: string): string {
  return searchKey(header).replace(/[^a-z0-9]+/g, ' ').trim();
}

const isPrefix = (alias: string) => alias.endsWith('…');

/**
 * Finds the column an import header stands for: by its header or an alias written out, else by
 * the longest alias ending in "…" that the header starts with.
 */
export function matchColumn<F extends string>(header: string, columns: readonly ColumnDef<F>[]): ColumnDef<F> | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  const exact = columns.find((c) => headerKey(c.header) === key || (c.aliases ?? []).some((a) => !isPrefix(a) && headerKey(a) === key));
  if (exact) return exact;
  let best: { column: ColumnDef<F>; length: number } | undefined;
  for (const column of columns) {
    for (const alias of column.aliases ?? []) {
      if (!isPrefix(alias)) continue;
      const prefix = headerKey(alias);
      if (prefix && (key === prefix || key.startsWith(`${prefix} `)) && (!best || prefix.length > best.length)) best = { column, length: prefix.length };
    }
  }
  return best?.column;
}

/** Reads an enum cell by its stored value, its label or one of its aliases, ignoring case, diacritics and punctuation. */
export function matchOption(value: string, options: Record<string, string>, aliases: Record<string, string[]> = {}): string | undefined {
  const key = headerKey(value);
  if (!key) return undefined;
  for (const [stored, label] of Object.entries(options)) {
    if (headerKey(stored) === key || headerKey(label) === key) return stored;
  }
  for (const [stored, spellings] of Object.entries(aliases)) {
    if (Object.hasOwn(options, stored) && spellings.some((s) => headerKey(s) === key)) return stored;
  }
  return undefined;
}
