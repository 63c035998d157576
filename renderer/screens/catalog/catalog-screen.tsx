import { formatShownOf } from '../../../src/money';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigation } from '../../navigation';
import { useRecordFromAddress } from '../../components/use-record-from-address';
import { EMPTY_CATALOG_FILTER, filterCatalog, type CatalogFilter } from '../../../src/catalog/catalog-filter';
import { accreditationLabel, isAccredited, LEGAL_FORMS, ORGANIZATION_STATUSES, type LegalForm, type OrganizationStatus } from '../../../src/catalog/organization';
import { formatInteger } from '../../../src/money';
import { createQuickSearch, sortByText } from '../../../src/tabular/search';
import { formatRoDateTime } from '../../../src/validation/dates';
import { FilterSelect, QuickSearch } from '../../components/filter-bar';
import { RecordGrid } from '../../components/record-grid';
import { useNotifier } from '../../components/notifier';
import type { StoredOrganization } from '../../db/database';
import { ExportMenu } from '../../components/export-menu';
import { useScreenWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { useCatalogOrganizations } from './catalog-reads';

type Row = StoredOrganization;

/**
 * The catalog's columns; "Unități" reads the units' counts (blank until they are read). The rows
 * are the stored NGOs themselves, not 20,000 copies carrying a count each.
 */
const catalogColumns = (unitCounts: ReadonlyMap<string, number> | undefined): GridColDef<Row>[] => [
  { field: 'name', headerName: 'Denumire', flex: 2, minWidth: 240 },
  { field: 'legalForm', headerName: 'Formă juridică', width: 120, valueFormatter: (v: LegalForm) => LEGAL_FORMS[v] },
  { field: 'cui', headerName: 'CUI/CIF', width: 110 },
  { field: 'locality', headerName: 'Localitate', width: 130 },
  { field: 'representativeName', headerName: 'Reprezentant legal', width: 170 },
  { field: 'phone', headerName: 'Telefon', width: 125 },
  { field: 'email', headerName: 'E-mail', width: 190 },
  {
    field: 'accreditation',
    headerName: 'Acreditare',
    width: 150,
    valueGetter: (_v, row) => (isAccredited(row) ? accreditationLabel(row) : ''),
    renderCell: ({ row }) => (isAccredited(row) ? accreditationLabel(row) : <Chip size="small" label="neacreditat" variant="outlined" color="warning" />),
  },
  {
    field: 'unitCount',
    headerName: 'Unități',
    width: 80,
    type: 'number',
    valueGetter: (_v, row) => (unitCounts ? (unitCounts.get(row.id) ?? 0) : undefined),
    // The grid's default number format calls toLocaleString for every cell drawn (a new number
    // format each time, and the system's locale); ro-RO grouping with no formatter to build.
    valueFormatter: (v?: number) => (v === undefined ? '' : formatInteger(v)),
  },
  {
    field: 'status',
    headerName: 'Stare',
    width: 105,
    renderCell: ({ row }) => <Chip size="small" label={ORGANIZATION_STATUSES[row.status]} color={row.status === 'activ' ? 'success' : row.status === 'suspendat' ? 'warning' : 'default'} variant="outlined" />,
  },
  { field: 'updatedAt', headerName: 'Actualizat', width: 140, valueFormatter: (v: string) => formatRoDateTime(v) },
  { field: 'iban', headerName: 'IBAN', width: 230 },
  { field: 'registryNumber', headerName: 'Nr. registru', width: 110 },
];

const HIDDEN_BY_DEFAULT = { iban: false, registryNumber: false, updatedAt: false };
const ACCREDITED_OPTIONS = { da: 'Da', nu: 'Nu' };

const OrganizationDialog = lazy(() => import('./organization-dialog').then((m) => ({ default: m.OrganizationDialog })));
const ImportDialog = lazy(() => import('../../components/import-dialog').then((m) => ({ default: m.ImportDialog })));

export function CatalogScreen() {
  const store = useStore();
  const readOnly = useScreenWriteRefusal(); // shared mode: the login may not change NGOs
  const { fail, notify } = useNotifier();
  const organizations = useCatalogOrganizations(store);
  // Only the units' owners (index keys), not the whole register: the counts never hold up the NGOs.
  const unitCounts = useLiveQuery(() => store.units.countsByOrganization(), [store]);
  const [filter, setFilter] = useState<CatalogFilter>(EMPTY_CATALOG_FILTER);
  const [editing, setEditing] = useState<StoredOrganization | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  // "#/catalog/<id>" opens the NGO; Back (the address without it) closes it.
  const { address, navigate, closeRecord } = useNavigation();
  const openId = address.record;
  useRecordFromAddress(openId, (id) => store.organizations.get(id), setEditing);

  // Sorted once when the NGOs change (not again when the counts arrive); a keystroke only filters
  // these rows, over the previous hits when it narrows the search.
  const allRows = useMemo<Row[]>(() => sortByText(organizations ?? [], (o) => o.name), [organizations]);
  const [quickSearch] = useState(() => createQuickSearch(filterCatalog));
  // In the keystroke's own render, not deferred: a deferred render is drawn in time slices, after a
  // first render for the box alone, and the DataGrid's own state updates land outside it (issue 10:
  // catalog at 20,000 NGOs, 62 → 48 ms median and 111 → 74 ms worst, keystroke → grid updated).
  const rows = useMemo(() => quickSearch(allRows, filter), [quickSearch, allRows, filter]);
  const columns = useMemo(() => catalogColumns(unitCounts), [unitCounts]);

  // The grid re-renders when its rows change, not on every keystroke the search box takes.
  const isLoading = !organizations;
  const grid = useMemo(
    () => <RecordGrid<Row> label="Catalog ONG" rows={rows} columns={columns} loading={isLoading} hiddenColumns={HIDDEN_BY_DEFAULT} onOpen={(o) => navigate('catalog', o.id)} />,
    [rows, columns, isLoading, navigate],
  );

  // Parts of the screen a keystroke leaves as they were are built once, not at each keystroke.
  const actions = useMemo(() => {
    const run = (action: () => Promise<boolean>, done: string) => () => action().then((saved) => saved && notify(done)).catch(fail);
    // The export code (and the documents it builds) loads when an export is asked for.
    const exports = () => import('../../services/exports');
    return (
      <>
        <Button startIcon={<FileUploadIcon />} onClick={() => setImporting(true)} disabled={readOnly !== undefined}>Importă</Button>
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Exportă"
          items={[
            { label: 'Catalog ONG (XLSX)', onClick: run(() => exports().then((m) => m.exportCatalogXlsx(store)), 'Catalogul a fost exportat.') },
            { label: 'Lista ONG-urilor licențiate (DOCX)', onClick: run(() => exports().then((m) => m.exportLicensedListDocx(store)), 'Lista ONG-urilor licențiate a fost generată.') },
            { label: 'Lista ONG-urilor licențiate (XLSX)', onClick: run(() => exports().then((m) => m.exportLicensedListXlsx(store)), 'Lista ONG-urilor licențiate a fost generată.') },
          ]}
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={readOnly !== undefined}>Adaugă ONG</Button>
      </>
    );
  }, [store, notify, fail, readOnly]);
  const { legalForm, status, accredited } = filter;
  const selects = useMemo(
    () => (
      <>
        <FilterSelect label="Formă juridică" value={legalForm} options={LEGAL_FORMS} onChange={(v) => setFilter((f) => ({ ...f, legalForm: v as LegalForm | '' }))} />
        <FilterSelect label="Stare" value={status} options={ORGANIZATION_STATUSES} onChange={(v) => setFilter((f) => ({ ...f, status: v as OrganizationStatus | '' }))} width={140} />
        <FilterSelect label="Acreditat" value={accredited} options={ACCREDITED_OPTIONS} onChange={(v) => setFilter((f) => ({ ...f, accredited: v as 'da' | 'nu' | '' }))} width={130} />
      </>
    ),
    [legalForm, status, accredited],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h5" component="h1">Catalog ONG</Typography>
        <Typography color="text.secondary">{organizations ? formatShownOf(rows.length, organizations.length, 'ONG-uri') : 'Se încarcă…'}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        {actions}
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', mb: 1.5 }} useFlexGap>
        <QuickSearch value={filter.query} onChange={(query) => setFilter((f) => ({ ...f, query }))} placeholder="denumire, CUI, localitate, reprezentant…" />
        {selects}
        {(filter.query || legalForm || status || accredited) && (
          <Button onClick={() => setFilter(EMPTY_CATALOG_FILTER)}>Șterge filtrele</Button>
        )}
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        {grid}
      </Box>
      {/* The dialogs' code loads when one is first opened (the screen shows its rows without it). */}
      <Suspense fallback={null}>
        {editing && <OrganizationDialog organization={editing === 'new' ? undefined : editing} onClose={() => (editing === 'new' ? setEditing(null) : closeRecord())} />}
        {importing && <ImportDialog kind="organizations" onClose={() => setImporting(false)} />}
      </Suspense>
    </Box>
  );
}
