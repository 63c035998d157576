import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { formatInteger, formatLei } from '../../../src/money';
import { FUNDING_LAW_SHORT, isSubmissionOpen, ROUND_STATUSES, type FundingRound } from '../../../src/rounds/funding-round';
import { formatRoDate, todayIso } from '../../../src/validation/dates';
import { RecordGrid } from '../../components/record-grid';
import { useNavigation } from '../../navigation';
import { useWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { RoundDialog } from './round-dialog';
import { RoundRequests } from './round-requests';

type Row = FundingRound & { isOpenToday: boolean };

const COLUMNS: GridColDef<Row>[] = [
  { field: 'year', headerName: 'An', width: 80 },
  { field: 'law', headerName: 'Legea', width: 130, valueFormatter: (v: FundingRound['law']) => FUNDING_LAW_SHORT[v] },
  { field: 'name', headerName: 'Rundă', flex: 1, minWidth: 260 },
  { field: 'budget', headerName: 'Buget disponibil', width: 170, type: 'number', valueFormatter: (v: number) => formatLei(v) },
  {
    field: 'submission',
    headerName: 'Depunerea cererilor',
    width: 230,
    valueGetter: (_v, row) => row.submissionEnd,
    renderCell: ({ row }) => (
      <span>
        {formatRoDate(row.submissionStart)} – {formatRoDate(row.submissionEnd)}{' '}
        {row.isOpenToday && <Chip size="small" color="success" label="deschisă azi" sx={{ ml: 0.5 }} />}
      </span>
    ),
  },
  { field: 'status', headerName: 'Stare', width: 120, valueFormatter: (v: FundingRound['status']) => ROUND_STATUSES[v] },
  { field: 'legalBasis', headerName: 'Temei', width: 180 },
];

/** Funding rounds; opening one shows its subsidy requests. */
export function RequestsScreen() {
  const store = useStore();
  const readOnly = useWriteRefusal('rounds'); // shared mode: the login may not add rounds
  const rounds = useLiveQuery(() => store.rounds.list(), [store]);
  const [editing, setEditing] = useState<'new' | null>(null);
  // "#/cereri/<id>": a round opens its requests, a request opens in its round.
  const { address, navigate, closeRecord, goBackTo } = useNavigation();
  const target = address.record;
  const found = useLiveQuery(async () => {
    if (!target) return null;
    const [round, request] = await Promise.all([store.rounds.get(target), store.requests.get(target)]);
    if (round) return { target, roundId: round.id };
    if (request) return { target, roundId: request.roundId, requestId: request.id };
    return { target };
  }, [store, target]);
  // While the next record is looked up the round on screen stays (a request opened in it).
  const shown = useRef<{ roundId?: string; requestId?: string } | null>(null);
  if (!target) shown.current = null;
  else if (found && found.target === target) shown.current = found;
  const openRoundId = shown.current?.roundId;
  const openRequestId = shown.current?.requestId;
  const today = todayIso();
  const rows = useMemo<Row[]>(
    () => [...(rounds ?? [])].sort((a, b) => b.year - a.year || b.submissionEnd.localeCompare(a.submissionEnd)).map((r) => ({ ...r, isOpenToday: isSubmissionOpen(r, today) })),
    [rounds, today],
  );
  if (openRoundId) {
    return (
      <RoundRequests
        key={openRoundId}
        roundId={openRoundId}
        openRequestId={openRequestId}
        onOpenRequest={(id) => navigate('cereri', id)}
        onCloseRequest={() => goBackTo(openRoundId)}
        onBack={closeRecord}
      />
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center' }}>
        <Typography variant="h5" component="h1">Cereri de subvenție — runde de finanțare</Typography>
        <Typography color="text.secondary">{rounds ? `${formatInteger(rounds.length)} runde` : 'Se încarcă…'}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={readOnly !== undefined}>Rundă nouă</Button>
      </Stack>
      <Alert severity="info" sx={{ mb: 1.5 }}>
        Deschideți o rundă pentru cererile ei: înregistrare, dosar, eligibilitate și subvenția calculată din parametrii legali în vigoare.
      </Alert>
      <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
        <RecordGrid<Row> label="Runde de finanțare" rows={rows} columns={COLUMNS} loading={!rounds} onOpen={(row) => navigate('cereri', row.id)} />
      </Box>
      {editing && <RoundDialog onClose={() => setEditing(null)} />}
    </Box>
  );
}
