import AddIcon from '@mui/icons-material/Add';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import EditIcon from '@mui/icons-material/Edit';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery, useObservable } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { formatLei, formatShownOf } from '../../../src/money';
import {
  DOSSIER_FILTER_LABELS, ELIGIBILITY_FILTER_LABELS, EMPTY_REQUEST_FILTER, filterRequestList, REQUEST_STATUS_LABELS, requestListRow, type RequestListFilter, type RequestListRow,
} from '../../../src/requests/request-list';
import type { RequestStatus, SubsidyRequest } from '../../../src/requests/subsidy-request';
import { roundSummary } from '../../../src/rounds/funding-round';
import { formatRoDate } from '../../../src/validation/dates';
import { ExportMenu } from '../../components/export-menu';
import { useNotifier } from '../../components/notifier';
import { FilterSelect, QuickSearch } from '../../components/filter-bar';
import { RecordGrid } from '../../components/record-grid';
import { exportRoundRequestsXlsx } from '../../services/exports';
import { loadRoundRequests } from '../../services/round-evaluation';
import { lastOpenedRead } from '../../db/tables-live-query';
import type { Store } from '../../db/store';
import { useRecordFromAddress } from '../../components/use-record-from-address';
import { useScreenWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { RequestDialog } from './request-dialog';
import { RoundDialog } from './round-dialog';

type Row = RequestListRow;

/** The round's rows: each request with its NGO's name and its assessment. */
async function roundRows(store: Store, roundId: string): Promise<Row[]> {
  const { requests, assessments, organizations } = await loadRoundRequests(store, roundId);
  return requests.map((request, i) => requestListRow(request, organizations.get(request.organizationId)?.name ?? '', assessments[i]));
}
/**
 * Read again after a change to any table it read, not followed key by key (2,000 requests, their
 * NGOs and units), and kept for the round last opened while nothing it read changes (issue 10).
 */
const lastRoundRows = lastOpenedRead<Row[]>();

const COLUMNS: GridColDef<Row>[] = [
  { field: 'sequence', headerName: 'Nr.', width: 90, renderCell: ({ row }) => row.number },
  { field: 'registeredOn', headerName: 'Data', width: 100, valueFormatter: (v: string) => formatRoDate(v) },
  { field: 'organization', headerName: 'ONG', flex: 1, minWidth: 220 },
  { field: 'unitCount', headerName: 'Unități', width: 80, type: 'number' },
  { field: 'requested', headerName: 'Suma cerută', width: 150, type: 'number', valueFormatter: (v: number) => formatLei(v) },
  { field: 'isDossierComplete', headerName: 'Dosar', width: 110, renderCell: ({ row }) => <Chip size="small" color={row.isDossierComplete ? 'success' : 'warning'} label={row.isDossierComplete ? 'complet' : 'incomplet'} /> },
  { field: 'isEligible', headerName: 'Eligibilitate', width: 130, renderCell: ({ row }) => <Chip size="small" variant="outlined" color={row.isEligible ? 'success' : 'error'} label={row.isEligible ? 'eligibilă' : 'neeligibilă'} /> },
  { field: 'subsidy', headerName: 'Subvenție calculată', width: 220, renderCell: ({ row }) => (row.subsidy === null ? <span title={row.subsidyNote}>— {row.subsidyNote.slice(0, 40)}{row.subsidyNote.length > 40 ? '…' : ''}</span> : formatLei(row.subsidy)) },
  { field: 'status', headerName: 'Stare', width: 110, valueFormatter: (v: RequestStatus) => REQUEST_STATUS_LABELS[v] },
];

/** The requests of one round, each with its dossier state, eligibility and computed subsidy. */
export function RoundRequests({ roundId, openRequestId, onOpenRequest, onCloseRequest, onBack }: {
  roundId: string;
  /** The request open in its dialog (from the address). */
  openRequestId?: string;
  onOpenRequest(id: string): void;
  onCloseRequest(): void;
  onBack(): void;
}) {
  const store = useStore();
  const readOnly = useScreenWriteRefusal(); // shared mode: the login may not register requests
  const { notify, fail } = useNotifier();
  const round = useLiveQuery(() => store.rounds.get(roundId), [store, roundId]);
  const evaluation = useLiveQuery(async () => {
    const e = await store.evaluations.getByRound(roundId);
    if (!e) return null;
    const [commission, grid] = await Promise.all([store.commissions.get(e.commissionId), store.grids.resolve(e.gridId)]);
    return `Evaluată de ${commission?.name ?? '—'}, pe grila „${grid?.name ?? '—'}” (Comisie → Evaluarea rundelor)`;
  }, [store, roundId]);
  const rows = useObservable(() => lastRoundRows(store, roundId, () => roundRows(store, roundId)).observe(), [store, roundId]);
  const [filter, setFilter] = useState<RequestListFilter>(EMPTY_REQUEST_FILTER);
  const visible = useMemo(() => filterRequestList(rows ?? [], filter), [rows, filter]);
  const [editing, setEditing] = useState<SubsidyRequest | 'new' | null>(null);
  const [isEditingRound, setEditingRound] = useState(false);
  // The request of the address opens in the dialog; Back (the address without it) closes it.
  useRecordFromAddress(openRequestId, (id) => store.requests.get(id), setEditing);
  if (!round) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>Runde</Button>
        <Typography variant="h6" component="h1">{round.name}</Typography>
        <Typography color="text.secondary">{roundSummary(round)}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Exportă"
          items={[{ label: 'Lista cererilor cu eligibilitate și sume (XLSX)', onClick: () => exportRoundRequestsXlsx(store, roundId).then((ok) => ok && notify('Lista cererilor a fost exportată.')).catch(fail) }]}
        />
        <Button startIcon={<EditIcon />} onClick={() => setEditingRound(true)} sx={{ flexShrink: 0 }}>Editează runda</Button>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={readOnly !== undefined} sx={{ flexShrink: 0 }}>Cerere nouă</Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {evaluation ?? 'Comisia și grila de evaluare se aleg în Comisie → Evaluarea rundelor.'}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }} useFlexGap>
        <QuickSearch value={filter.query} onChange={(query) => setFilter((f) => ({ ...f, query }))} placeholder="nr. cerere, ONG, observații…" />
        <FilterSelect label="Dosar" value={filter.dossier} options={DOSSIER_FILTER_LABELS} onChange={(v) => setFilter((f) => ({ ...f, dossier: v as RequestListFilter['dossier'] }))} width={140} />
        <FilterSelect label="Eligibilitate" value={filter.eligibility} options={ELIGIBILITY_FILTER_LABELS} onChange={(v) => setFilter((f) => ({ ...f, eligibility: v as RequestListFilter['eligibility'] }))} width={150} />
        <FilterSelect label="Stare" value={filter.status} options={REQUEST_STATUS_LABELS} onChange={(v) => setFilter((f) => ({ ...f, status: v as RequestListFilter['status'] }))} width={150} />
        {rows && <Typography color="text.secondary">{formatShownOf(visible.length, rows.length, 'cereri')}</Typography>}
      </Stack>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        <RecordGrid<Row> label="Cereri de subvenționare" rows={visible} columns={COLUMNS} loading={!rows} onOpen={(row) => onOpenRequest(row.request.id)} />
      </Box>
      {editing && <RequestDialog round={round} request={editing === 'new' ? undefined : editing} onClose={() => (editing === 'new' ? setEditing(null) : onCloseRequest())} />}
      {isEditingRound && <RoundDialog round={round} onClose={() => setEditingRound(false)} />}
    </Box>
  );
}
