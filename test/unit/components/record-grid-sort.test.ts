import type { GridColDef } from '@mui/x-data-grid';
import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../renderer/components/record-grid';

// The grid is handed one page of rows, so sorting by a column happens before paging, over all rows.
describe('sorting a grid by a column', () => {
  type Row = { id: string; name: string; units: number; accredited: boolean };
  const rows: Row[] = [
    { id: '1', name: 'Țara', units: 3, accredited: true },
    { id: '2', name: 'Sansa', units: 10, accredited: false },
    { id: '3', name: 'Șansa', units: 2, accredited: true },
    { id: '4', name: '', units: 2, accredited: false },
  ];
  const columns: GridColDef<Row>[] = [
    { field: 'name' },
    { field: 'units', type: 'number' },
    { field: 'label', valueGetter: (_v, row) => (row.accredited ? 'acreditat' : '') },
  ];
  const ids = (model: Parameters<typeof sortRows>[1]) => sortRows(rows, model, columns).map((r) => r.id);

  it('orders text by the Romanian alphabet with empty cells last, numbers as numbers, both ways', () => {
    expect(ids([{ field: 'name', sort: 'asc' }])).toEqual(['2', '3', '1', '4']);
    expect(ids([{ field: 'name', sort: 'desc' }])).toEqual(['4', '1', '3', '2']);
    expect(ids([{ field: 'units', sort: 'asc' }])).toEqual(['3', '4', '1', '2']); // 2, 2, 3, 10 (not "10" < "2")
  });

  it("sorts by a column's valueGetter, keeps the given order for ties, and leaves the rows as they are without a sort", () => {
    expect(ids([{ field: 'label', sort: 'asc' }])).toEqual(['1', '3', '2', '4']);
    expect(sortRows(rows, [], columns)).toBe(rows);
  });
});
