import {
  DataGrid, useGridApiRef, type DataGridProps, type GridColDef, type GridColumnVisibilityModel, type GridLocaleText, type GridPaginationModel, type GridSortModel, type GridValidRowModel,
} from '@mui/x-data-grid';
import { roRO } from '@mui/x-data-grid/locales';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from 'react';
import { formatInteger } from '../../src/money';
import { keepSameRows, RO_COLLATOR } from '../../src/tabular/search';
import { pointIntent } from './point-intent';

// The ro-RO locale pack leaves the pagination label in English ("1–40 of 40"). A localeText prop
// replaces the theme's, so the pack's texts are spread in first.
const LOCALE_TEXT: Partial<GridLocaleText> = {
  ...roRO.components.MuiDataGrid.defaultProps.localeText,
  paginationDisplayedRows: ({ from, to, count }) =>
    `${formatInteger(from)}–${formatInteger(to)} din ${count === -1 ? `peste ${formatInteger(to)}` : formatInteger(count)}`,
};

const PAGE_SIZES = [25, 50, 100];
const FIRST_PAGE: GridPaginationModel = { page: 0, pageSize: 100 };
const SLOT_PROPS = { toolbar: { showQuickFilter: false, csvOptions: { disableToolbarButton: true }, printOptions: { disableToolbarButton: true } } } as const;

type SortValue = string | number | boolean | null | undefined;

/** The value a column sorts by: its valueGetter's when it has one (as the grid would), else the field's. */
function sortValue<R extends GridValidRowModel>(row: R, column: GridColDef<R>): SortValue {
  const value = row[column.field] as SortValue;
  return (column.valueGetter ? (column.valueGetter as (v: unknown, r: R) => SortValue)(value, row) : value) ?? null;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1; // empty cells last
  if (b === null || b === undefined || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return RO_COLLATOR.compare(String(a), String(b));
}

/** The rows in the order of the grid's sort model, each value read once; no model, the rows as given. */
export function sortRows<R extends GridValidRowModel>(rows: readonly R[], model: GridSortModel, columns: readonly GridColDef<R>[]): readonly R[] {
  const keys = model.flatMap((item) => {
    const column = columns.find((c) => c.field === item.field);
    return column && item.sort ? [{ values: rows.map((row) => sortValue(row, column)), sign: item.sort === 'desc' ? -1 : 1 }] : [];
  });
  if (keys.length === 0) return rows;
  const order = rows.map((_row, i) => i);
  order.sort((a, b) => {
    for (const key of keys) {
      const c = compareValues(key.values[a], key.values[b]);
      if (c !== 0) return key.sign * c;
    }
    return a - b;
  });
  return order.map((i) => rows[i]!);
}

interface RecordGridProps<R extends GridValidRowModel> {
  label: string;
  rows: readonly R[];
  columns: GridColDef<R>[];
  loading: boolean;
  hiddenColumns?: GridColumnVisibilityModel;
  onOpen?(row: R): void;
  /** The pointer or the keyboard's focus has rested on a row (point-intent.ts): a record slow to read can be read ahead of the click or Enter. */
  onPoint?(row: R): void;
  getRowClassName?: DataGridProps<R>['getRowClassName'];
  getRowHeight?: DataGridProps<R>['getRowHeight'];
  sx?: DataGridProps<R>['sx'];
}

/**
 * The grid every list screen uses: compact rows, 100 per page, a toolbar for choosing columns
 * (no CSV/print: exports are the app's own); a click on a row, or Enter on one of its cells, opens
 * the record. The grid is handed one page of rows: sorting by a column and paging happen here, so
 * a quick search over 20,000 records costs the grid a page, not a rebuild of all its rows. The
 * screens' own filters (quick search and the selects above the grid) do the filtering.
 *
 * The page and the count go to the grid through its API (`setRows`, `setRowCount`), not as props:
 * a changed prop of the DataGrid re-renders all of it (every part reads the props), with the old
 * rows, before its effect puts the new ones in its state and renders again; through the API only
 * the parts that show rows and the count render, once (issue 10: with the quick search's words
 * matched over an array of texts, keystroke → grid updated at 20,000 NGOs went from 48–58 to 28 ms
 * median, 74–135 to 52 ms worst). Every prop given to the grid is therefore kept the same from
 * render to render.
 */
export function RecordGrid<R extends GridValidRowModel>(props: RecordGridProps<R>) {
  const [sortModel, setSortModel] = useState<GridSortModel>([]);
  const [pagination, setPagination] = useState<GridPaginationModel>(FIRST_PAGE);
  // Other rows (a new search, a filter) start again from the first page.
  const [pagedRows, setPagedRows] = useState(props.rows);
  if (pagedRows !== props.rows) {
    setPagedRows(props.rows);
    if (pagination.page !== 0) setPagination({ ...pagination, page: 0 });
  }
  const sorted = useMemo(() => sortRows(props.rows, sortModel, props.columns), [props.rows, sortModel, props.columns]);
  // A keystroke that changes the count but not the rows on this page leaves the grid's rows alone.
  const [samePage] = useState(() => keepSameRows<R>());
  const page = useMemo(
    () => samePage(sorted.slice(pagination.page * pagination.pageSize, (pagination.page + 1) * pagination.pageSize)),
    [samePage, sorted, pagination],
  );
  const apiRef = useGridApiRef();
  // What the grid is mounted with; later pages and counts go through its API.
  const [mounted] = useState(() => ({ rows: page, count: sorted.length }));
  useLayoutEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    if (page !== mounted.rows) api.setRows(page as R[]);
    api.setRowCount(sorted.length);
  }, [apiRef, mounted, page, sorted.length]);
  // The row count is initial state, not a prop: the prop would hold the grid's count at its mount
  // value (the "no rows" overlay never shown after a search that finds nothing).
  const initialState = useMemo(
    () => ({ columns: { columnVisibilityModel: props.hiddenColumns ?? {} }, pagination: { rowCount: mounted.count } }),
    [props.hiddenColumns, mounted],
  );
  // The handlers call the latest onOpen without being new functions at each render.
  const openRef = useRef(props.onOpen);
  useLayoutEffect(() => {
    openRef.current = props.onOpen;
  });
  const canOpen = props.onOpen !== undefined;
  const handlers = useMemo(
    (): Pick<DataGridProps<R>, 'onRowClick' | 'onCellKeyDown'> => ({
      onRowClick: canOpen ? ({ row }) => openRef.current?.(row as R) : undefined,
      onCellKeyDown: ({ row }, event) => {
        if (event.key === 'Enter') openRef.current?.(row as R);
      },
    }),
    [canOpen],
  );
  // The pointer resting on a row: onPoint with the row (the row element carries its id).
  const pointRef = useRef(props.onPoint);
  useLayoutEffect(() => {
    pointRef.current = props.onPoint;
  });
  const canPoint = props.onPoint !== undefined;
  const [intent] = useState(() => pointIntent<string>((id) => {
    const row = apiRef.current?.getRow(id) as R | null | undefined;
    if (row) pointRef.current?.(row);
  }));
  useEffect(() => () => intent.dispose(), [intent]);
  const slotProps = useMemo(
    () =>
      canPoint
        ? {
            ...SLOT_PROPS,
            row: {
              onMouseEnter: (event: MouseEvent<HTMLElement>) => {
                const id = event.currentTarget.dataset.id;
                if (id !== undefined) intent.enter(id);
              },
              onMouseLeave: () => intent.leave(),
              // The keyboard's focus resting on a row (the arrow keys moved it there, Enter opens it), as the pointer does.
              onFocus: (event: FocusEvent<HTMLElement>) => {
                const id = event.currentTarget.dataset.id;
                if (id !== undefined) intent.enter(id);
              },
              onBlur: () => intent.leave(),
            },
          }
        : SLOT_PROPS,
    [canPoint, intent],
  );
  const { sx } = props;
  const style = useMemo(
    () => [{ '& .MuiDataGrid-row': { cursor: canOpen ? 'pointer' : 'default' } }, ...(Array.isArray(sx) ? sx : sx ? [sx] : [])],
    [canOpen, sx],
  );
  return (
    <DataGrid<R>
      apiRef={apiRef}
      rows={mounted.rows}
      columns={props.columns}
      loading={props.loading}
      density="compact"
      initialState={initialState}
      paginationMode="server"
      paginationModel={pagination}
      onPaginationModelChange={setPagination}
      pageSizeOptions={PAGE_SIZES}
      sortingMode="server"
      sortModel={sortModel}
      onSortModelChange={setSortModel}
      disableColumnFilter
      onRowClick={handlers.onRowClick}
      onCellKeyDown={handlers.onCellKeyDown}
      disableRowSelectionOnClick
      showToolbar
      slotProps={slotProps}
      label={props.label}
      localeText={LOCALE_TEXT}
      getRowClassName={props.getRowClassName}
      getRowHeight={props.getRowHeight}
      sx={style}
    />
  );
}
