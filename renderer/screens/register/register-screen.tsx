import { formatShownOf } from '../../../src/money';
import AddIcon from '@mui/icons-material/Add';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import ListAltIcon from '@mui/icons-material/ListAlt';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigation } from '../../navigation';
import { useRecordFromAddress } from '../../components/use-record-from-address';
import { findNomenclatureEntry } from '../../../src/register/nomenclature';
import { EMPTY_REGISTER_FILTER, filterRegister, licenceAlerts, type RegisterFilter } from '../../../src/register/register-filter';
import {
  CAPACITY_UNITS, LICENCE_TYPES, LICENCE_WARNING_DAYS, licenceState, UNIT_STATUSES, type LicenceState, type UnitStatus,
} from '../../../src/register/unit';
import { createQuickSearch, sortByText } from '../../../src/tabular/search';
import { formatRoDate, todayIso } from '../../../src/validation/dates';
import { ExportMenu } from '../../components/export-menu';
import { FilterSelect, QuickSearch } from '../../components/filter-bar';
import { RecordGrid } from '../../components/record-grid';
import { useNotifier } from '../../components/notifier';
import type { StoredUnit } from '../../db/database';
import type { OrganizationLabel } from '../../db/repositories/organizations';
import { useScreenWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { LicenceChip } from './licence-chip';

type Row = StoredUnit & { organizationName: string; serviceName: string; licence: LicenceState };

const COLUMNS: GridColDef<Row>[] = [
  { field: 'organizationName', headerName: 'ONG', flex: 1.2, minWidth: 200 },
  { field: 'name', headerName: 'Unitate', flex: 1.5, minWidth: 220 },
  { field: 'serviceCode', headerName: 'Cod serviciu', width: 125 },
  { field: 'licence', headerName: 'Stare licență', width: 135, renderCell: ({ row }) => <LicenceChip state={row.licence} /> },
  { field: 'licenceExpiryDate', headerName: 'Expiră', width: 100, valueFormatter: (v?: string) => formatRoDate(v) },
  { field: 'capacity', headerName: 'Capacitate', width: 135, valueGetter: (_v, row) => row.capacity, renderCell: ({ row }) => `${row.capacity} ${CAPACITY_UNITS[row.capacityUnit]}` },
  { field: 'licenceNumber', headerName: 'Nr. licență', width: 100 },
  { field: 'licenceIssueDate', headerName: 'Eliberată', width: 100, valueFormatter: (v?: string) => formatRoDate(v) },
  { field: 'serviceName', headerName: 'Tip serviciu', flex: 1, minWidth: 180 },
  { field: 'licenceType', headerName: 'Tip licență', width: 150, valueFormatter: (v: keyof typeof LICENCE_TYPES) => LICENCE_TYPES[v] },
  { field: 'status', headerName: 'Stare', width: 100, valueFormatter: (v: UnitStatus) => UNIT_STATUSES[v] },
  { field: 'locality', headerName: 'Localitate', width: 120 },
  { field: 'street', headerName: 'Adresă', width: 200 },
];

const HIDDEN_BY_DEFAULT = { locality: false, street: false, licenceType: false };
// The dialogs' code loads when one is first opened (the screen shows its rows without it).
const UnitDialog = lazy(() => import('./unit-dialog').then((m) => ({ default: m.UnitDialog })));
const ImportDialog = lazy(() => import('../../components/import-dialog').then((m) => ({ default: m.ImportDialog })));
const NomenclatureDialog = lazy(() => import('./nomenclature-dialog').then((m) => ({ default: m.NomenclatureDialog })));
const NationalRegisterDialog = lazy(() => import('./national-register-dialog').then((m) => ({ default: m.NationalRegisterDialog })));

type QuickSearchFilter = RegisterFilter & { today: string };
const filterWithToday = (rows: readonly Row[], filter: QuickSearchFilter) => filterRegister(rows, filter, filter.today);

const licenceRowClass = ({ row }: { row: Row }) => `licence-${row.licence}`;
const LICENCE_ROW_COLOURS = {
  '& .licence-expirata': { bgcolor: 'rgba(211, 47, 47, 0.08)' },
  '& .licence-expira_curand': { bgcolor: 'rgba(237, 108, 2, 0.08)' },
};

export function RegisterScreen() {
  const store = useStore();
  const readOnly = useScreenWriteRefusal(); // shared mode: the login may not change units
  const { notify, fail } = useNotifier();
  // Mirrors (issue 10): a saved unit or NGO is read again alone, not the 30,000 units and the NGOs.
  const units = useObservable<StoredUnit[] | undefined>(() => store.units.live.observe(), [store]);
  // Only the NGOs' ids, names and CUIs (a smaller heap than 20,000 whole records).
  const organizations = useObservable<OrganizationLabel[] | undefined>(() => store.organizations.labels.observe(), [store]);
  const nomenclature = useLiveQuery(() => store.nomenclature.list(), [store]);
  const [filter, setFilter] = useState<RegisterFilter>(EMPTY_REGISTER_FILTER);
  const [editing, setEditing] = useState<StoredUnit | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [showNomenclature, setShowNomenclature] = useState(false);
  const [checkingNational, setCheckingNational] = useState(false);
  // "#/registru/<id>" opens the unit; Back (the address without it) closes it.
  const { address, navigate, closeRecord } = useNavigation();
  const openId = address.record;
  useRecordFromAddress(openId, (id) => store.units.get(id), setEditing);
  const today = todayIso();

  const orgNames = useMemo(() => new Map((organizations ?? []).map((o) => [o.id, o.name])), [organizations]);
  const alerts = useMemo(() => licenceAlerts(units ?? [], today), [units, today]);
  const serviceOptions = useMemo(
    () => Object.fromEntries([...new Set((units ?? []).map((u) => u.serviceCode))].sort().map((c) => [c, c])),
    [units],
  );
  const orgOptions = useMemo(
    () => Object.fromEntries(sortByText(organizations ?? [], (o) => o.name).map((o) => [o.id, o.name])),
    [organizations],
  );
  // Named, sorted and given their licence state once when the data changes; a keystroke only
  // filters these rows.
  const allRows = useMemo<Row[]>(
    () =>
      sortByText(
        (units ?? []).map((u) => ({
          ...u,
          organizationName: orgNames.get(u.organizationId) ?? '',
          serviceName: findNomenclatureEntry(u.serviceCode, nomenclature ?? [])?.name ?? '',
          licence: licenceState(u, today),
        })),
        (r) => r.organizationName,
        (r) => r.name,
      ),
    [units, today, orgNames, nomenclature],
  );
  // A keystroke filters these rows, over the previous hits when it narrows the search.
  const [quickSearch] = useState(() => createQuickSearch(filterWithToday));
  // In the keystroke's own render, not deferred: a deferred render is drawn in time slices, after a
  // first render for the box alone, and the DataGrid's own state updates land outside it (issue 10:
  // catalog at 20,000 NGOs, 62 → 48 ms median and 111 → 74 ms worst, keystroke → grid updated).
  const rows = useMemo(() => quickSearch(allRows, { ...filter, today }), [quickSearch, allRows, filter, today]);

  // The grid re-renders when its rows change, not on every keystroke the search box takes.
  const isLoading = !units;
  const grid = useMemo(
    () => (
      <RecordGrid<Row>
        label="Registru unități licențiate"
        rows={rows}
        columns={COLUMNS}
        loading={isLoading}
        hiddenColumns={HIDDEN_BY_DEFAULT}
        onOpen={(u) => navigate('registru', u.id)}
        getRowClassName={licenceRowClass}
        sx={LICENCE_ROW_COLOURS}
      />
    ),
    [rows, isLoading, navigate],
  );

  // Parts of the screen a keystroke leaves as they were are built once, not at each keystroke.
  const hasOrganizations = !!organizations?.length;
  const actions = useMemo(
    () => (
      <>
        <Button startIcon={<ListAltIcon />} onClick={() => setShowNomenclature(true)}>Nomenclator</Button>
        <Button startIcon={<FactCheckIcon />} onClick={() => setCheckingNational(true)}>Verificare în registrul național</Button>
        <Button startIcon={<FileUploadIcon />} onClick={() => setImporting(true)} disabled={readOnly !== undefined}>Importă</Button>
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Exportă"
          items={[
            {
              label: 'Registrul unităților (XLSX)',
              // The export code (and exceljs) loads when an export is asked for.
              onClick: () => import('../../services/exports').then((m) => m.exportRegisterXlsx(store)).then((ok) => ok && notify('Registrul a fost exportat.')).catch(fail),
            },
          ]}
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={!hasOrganizations || readOnly !== undefined}>Adaugă unitate</Button>
      </>
    ),
    [store, notify, fail, hasOrganizations, readOnly],
  );
  const { organizationId, serviceCode, status, isExpiredOnly, isExpiringOnly } = filter;
  const selects = useMemo(
    () => (
      <>
        <FilterSelect label="ONG" value={organizationId} options={orgOptions} onChange={(v) => setFilter((f) => ({ ...f, organizationId: v }))} width={220} />
        <FilterSelect label="Cod serviciu" value={serviceCode} options={serviceOptions} onChange={(v) => setFilter((f) => ({ ...f, serviceCode: v }))} />
        <FilterSelect label="Stare" value={status} options={UNIT_STATUSES} onChange={(v) => setFilter((f) => ({ ...f, status: v as UnitStatus | '' }))} width={130} />
        <FormControlLabel control={<Checkbox checked={isExpiredOnly} onChange={(e) => setFilter((f) => ({ ...f, isExpiredOnly: e.target.checked }))} />} label="Licență expirată" />
        <FormControlLabel control={<Checkbox checked={isExpiringOnly} onChange={(e) => setFilter((f) => ({ ...f, isExpiringOnly: e.target.checked }))} />} label={`Expiră în ${LICENCE_WARNING_DAYS} de zile`} />
      </>
    ),
    [organizationId, serviceCode, status, isExpiredOnly, isExpiringOnly, orgOptions, serviceOptions],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h5" component="h1">Registru unități licențiate</Typography>
        <Typography color="text.secondary">{units ? formatShownOf(rows.length, units.length, 'unități') : 'Se încarcă…'}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        {actions}
      </Stack>
      {(alerts.expired > 0 || alerts.expiring > 0) && (
        <Alert severity={alerts.expired > 0 ? 'error' : 'warning'} sx={{ mb: 1.5 }}>
          {alerts.expired > 0 && `${alerts.expired} ${alerts.expired === 1 ? 'unitate are licența expirată' : 'unități au licența expirată'}. `}
          {alerts.expiring > 0 && `${alerts.expiring} ${alerts.expiring === 1 ? 'licență expiră' : 'licențe expiră'} în următoarele ${LICENCE_WARNING_DAYS} de zile.`}
        </Alert>
      )}
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }} useFlexGap>
        <QuickSearch value={filter.query} onChange={(query) => setFilter((f) => ({ ...f, query }))} placeholder="unitate, ONG, cod serviciu, nr. licență…" />
        {selects}
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        {grid}
      </Box>
      <Suspense fallback={null}>
        {editing && organizations && <UnitDialog unit={editing === 'new' ? undefined : editing} organizations={organizations} onClose={() => (editing === 'new' ? setEditing(null) : closeRecord())} />}
        {importing && <ImportDialog kind="units" onClose={() => setImporting(false)} />}
        {showNomenclature && <NomenclatureDialog onClose={() => setShowNomenclature(false)} />}
        {checkingNational && <NationalRegisterDialog onClose={() => setCheckingNational(false)} />}
      </Suspense>
    </Box>
  );
}
