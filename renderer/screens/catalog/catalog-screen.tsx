import { formatShownOf } from '../../../src/money';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { clearRecordFromHash, recordIdFromHash } from '../../components/record-link';
import { EMPTY_CATALOG_FILTER, filterCatalog, type CatalogFilter } from '../../../src/catalog/catalog-filter';
import { accreditationLabel, isAccredited, LEGAL_FORMS, ORGANIZATION_STATUSES, type LegalForm, type OrganizationStatus } from '../../../src/catalog/organization';
import { sortByText } from '../../../src/tabular/search';
import { formatRoDateTime } from '../../../src/validation/dates';
import { FilterSelect, QuickSearch } from '../../components/filter-bar';
import { ImportDialog } from '../../components/import-dialog';
import { RecordGrid } from '../../components/record-grid';
import { useNotifier } from '../../components/notifier';
import type { StoredOrganization } from '../../db/database';
import { ExportMenu } from '../../components/export-menu';
import { exportCatalogXlsx, exportLicensedListDocx, exportLicensedListXlsx } from '../../services/exports';
import { useStore } from '../../store-context';
import { OrganizationDialog } from './organization-dialog';

type Row = StoredOrganization & { unitCount: number };

const COLUMNS: GridColDef<Row>[] = [
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
  { field: 'unitCount', headerName: 'Unități', width: 80, type: 'number' },
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

export function CatalogScreen() {
  const store = useStore();
  const { fail, notify } = useNotifier();
  const organizations = useLiveQuery(() => store.organizations.list(), [store]);
  const units = useLiveQuery(() => store.units.list(), [store]);
  const [filter, setFilter] = useState<CatalogFilter>(EMPTY_CATALOG_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [editing, setEditing] = useState<StoredOrganization | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  // "#/catalog/<id>" opens the NGO.
  useEffect(() => {
    const id = recordIdFromHash('catalog');
    if (!id) return;
    void store.organizations.get(id).then((record) => {
      if (record) setEditing(record);
      clearRecordFromHash('catalog');
    });
  }, [store]);

  // Sorted and counted once when the data changes; a keystroke only filters these rows.
  const allRows = useMemo<Row[]>(() => {
    const counts = new Map<string, number>();
    for (const u of units ?? []) counts.set(u.organizationId, (counts.get(u.organizationId) ?? 0) + 1);
    return sortByText(organizations ?? [], (o) => o.name).map((o) => ({ ...o, unitCount: counts.get(o.id) ?? 0 }));
  }, [organizations, units]);
  const rows = useMemo(() => filterCatalog(allRows, deferredFilter), [allRows, deferredFilter]);

  // The grid re-renders when its rows change, not on every keystroke the search box takes.
  const isLoading = !organizations;
  const grid = useMemo(
    () => <RecordGrid<Row> label="Catalog ONG" rows={rows} columns={COLUMNS} loading={isLoading} hiddenColumns={HIDDEN_BY_DEFAULT} onOpen={setEditing} />,
    [rows, isLoading],
  );

  const run = (action: () => Promise<boolean>, done: string) => () =>
    action().then((saved) => saved && notify(done)).catch(fail);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h5" component="h1">Catalog ONG</Typography>
        <Typography color="text.secondary">{organizations ? formatShownOf(rows.length, organizations.length, 'ONG-uri') : 'Se încarcă…'}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<FileUploadIcon />} onClick={() => setImporting(true)}>Importă</Button>
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Exportă"
          items={[
            { label: 'Catalog ONG (XLSX)', onClick: run(() => exportCatalogXlsx(store), 'Catalogul a fost exportat.') },
            { label: 'Lista ONG-urilor licențiate (DOCX)', onClick: run(() => exportLicensedListDocx(store), 'Lista ONG-urilor licențiate a fost generată.') },
            { label: 'Lista ONG-urilor licențiate (XLSX)', onClick: run(() => exportLicensedListXlsx(store), 'Lista ONG-urilor licențiate a fost generată.') },
          ]}
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')}>Adaugă ONG</Button>
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', mb: 1.5 }} useFlexGap>
        <QuickSearch value={filter.query} onChange={(query) => setFilter((f) => ({ ...f, query }))} placeholder="denumire, CUI, localitate, reprezentant…" />
        <FilterSelect label="Formă juridică" value={filter.legalForm} options={LEGAL_FORMS} onChange={(v) => setFilter((f) => ({ ...f, legalForm: v as LegalForm | '' }))} />
        <FilterSelect label="Stare" value={filter.status} options={ORGANIZATION_STATUSES} onChange={(v) => setFilter((f) => ({ ...f, status: v as OrganizationStatus | '' }))} width={140} />
        <FilterSelect label="Acreditat" value={filter.accredited} options={{ da: 'Da', nu: 'Nu' }} onChange={(v) => setFilter((f) => ({ ...f, accredited: v as 'da' | 'nu' | '' }))} width={130} />
        {(filter.query || filter.legalForm || filter.status || filter.accredited) && (
          <Button onClick={() => setFilter(EMPTY_CATALOG_FILTER)}>Șterge filtrele</Button>
        )}
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        {grid}
      </Box>
      {editing && <OrganizationDialog organization={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {importing && <ImportDialog kind="organizations" onClose={() => setImporting(false)} />}
    </Box>
  );
}
