import { readFileSync } from 'node:fs';
import type { ImportIssue } from '../../../src/import/preview';
import type { CellValue, RawTable } from '../../../src/import/raw-table';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
}

/** Issues as compact tuples: [row, column, value, reason] — for exact comparisons. */
export function issueTuples(issues: readonly ImportIssue[]): [number, string, string, string][] {
  return issues.map((i) => [i.row, i.column, i.value, i.reason]);
}

/** A table written inline: header row 1, data rows from 2. */
export function table(headers: string[], rows: CellValue[][], sheet = 'Test'): RawTable {
  return { sheet, headers, rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })), emptyRowsSkipped: 0 };
}
