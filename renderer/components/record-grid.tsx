import { DataGrid, type DataGridProps, type GridColDef, type GridColumnVisibilityModel, type GridLocaleText, type GridValidRowModel } from '@mui/x-data-grid';
import { roRO } from '@mui/x-data-grid/locales';
import { formatInteger } from '../../src/money';

// The ro-RO locale pack leaves the pagination label in English ("1–40 of 40"). A localeText prop
// replaces the theme's, so the pack's texts are spread in first.
const LOCALE_TEXT: Partial<GridLocaleText> = {
  ...roRO.components.MuiDataGrid.defaultProps.localeText,
  paginationDisplayedRows: ({ from, to, count }) =>
    `${formatInteger(from)}–${formatInteger(to)} din ${count === -1 ? `peste ${formatInteger(to)}` : formatInteger(count)}`,
};

/**
 * The grid every list screen uses: compact rows, 100 per page, a toolbar for choosing columns
 * and filtering (no CSV/print: exports are the app's own); a click on a row, or Enter on one of its
 * cells, opens the record.
 */
export function RecordGrid<R extends GridValidRowModel>(props: {
  label: string;
  rows: readonly R[];
  columns: GridColDef<R>[];
  loading: boolean;
  hiddenColumns?: GridColumnVisibilityModel;
  onOpen?(row: R): void;
  getRowClassName?: DataGridProps<R>['getRowClassName'];
  getRowHeight?: DataGridProps<R>['getRowHeight'];
  sx?: DataGridProps<R>['sx'];
}) {
  return (
    <DataGrid<R>
      rows={props.rows}
      columns={props.columns}
      loading={props.loading}
      density="compact"
      initialState={{ columns: { columnVisibilityModel: props.hiddenColumns ?? {} }, pagination: { paginationModel: { pageSize: 100 } } }}
      pageSizeOptions={[25, 50, 100]}
      onRowClick={props.onOpen ? ({ row }) => props.onOpen?.(row as R) : undefined}
      onCellKeyDown={({ row }, event) => {
        if (event.key === 'Enter' && props.onOpen) props.onOpen(row as R);
      }}
      disableRowSelectionOnClick
      showToolbar
      slotProps={{ toolbar: { showQuickFilter: false, csvOptions: { disableToolbarButton: true }, printOptions: { disableToolbarButton: true } } }}
      label={props.label}
      localeText={LOCALE_TEXT}
      getRowClassName={props.getRowClassName}
      getRowHeight={props.getRowHeight}
      sx={[{ '& .MuiDataGrid-row': { cursor: props.onOpen ? 'pointer' : 'default' } }, ...(Array.isArray(props.sx) ? props.sx : props.sx ? [props.sx] : [])]}
    />
  );
}
