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
  /** Other header spellings accepted on import (compared case- and diacritics-insensitively). */
  aliases?: string[];
  required?: boolean;
  /** Width in characters for exports (the exporter fits it to the content when larger). */
  width?: number;
}

/** "Nr. licenței" and "nr licentei" give the same key. */
export function headerKey(header: string): string {
  return searchKey(header).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Finds the column an import header stands for, by its header or one of its aliases. */
export function matchColumn<F extends string>(header: string, columns: readonly ColumnDef<F>[]): ColumnDef<F> | undefined {
  const key = headerKey(header);
  if (!key) return undefined;
  return columns.find((c) => headerKey(c.header) === key || (c.aliases ?? []).some((a) => headerKey(a) === key));
}

/** Reads an enum cell by its stored value or its label, ignoring case and diacritics. */
export function matchOption(value: string, options: Record<string, string>): string | undefined {
  const key = searchKey(value);
  for (const [stored, label] of Object.entries(options)) {
    if (searchKey(stored) === key || searchKey(label) === key) return stored;
  }
  return undefined;
}
