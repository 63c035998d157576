import { Box, Tab, Tabs, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useNavigation } from '../../navigation';
import { formatLei } from '../../../src/money';
import { FUNDING_LAW_SHORT, ROUND_STATUSES, type FundingRound } from '../../../src/rounds/funding-round';
import { RecordGrid } from '../../components/record-grid';
import { useStore } from '../../store-context';
import { CommissionsPanel } from './commissions-panel';
import { GridsPanel } from './grids-panel';
import { NonWorkingDaysPanel } from './non-working-days-panel';
import { RoundEvaluationPage } from './round-evaluation-page';
import { prefetchLastRoundEvaluation, preloadRoundEvaluation } from './round-evaluation-reads';

const ROUND_COLUMNS: GridColDef<FundingRound>[] = [
  { field: 'year', headerName: 'An', width: 80 },
  { field: 'law', headerName: 'Legea', width: 130, valueFormatter: (v: FundingRound['law']) => FUNDING_LAW_SHORT[v] },
  { field: 'name', headerName: 'Rundă', flex: 1, minWidth: 260 },
  { field: 'budget', headerName: 'Buget', width: 170, type: 'number', valueFormatter: (v: number) => formatLei(v) },
  { field: 'status', headerName: 'Stare', width: 120, valueFormatter: (v: FundingRound['status']) => ROUND_STATUSES[v] },
];

/** How long after the rounds' list is shown the round last read is read ahead (its first draw done). */
const PREFETCH_AFTER_MS = 200;

/** The commission secretariat: round evaluations, commissions and members, grids, non-working days. */
export function CommissionScreen() {
  const store = useStore();
  const rounds = useLiveQuery(() => store.rounds.list(), [store]);
  const [tab, setTab] = useState(0);
  // "#/comisie/<roundId>/<tab>" opens the round's evaluation on that tab.
  const { address, navigate, closeRecord } = useNavigation();
  const roundId = address.record;
  // The round's evaluation starts reading on the click, while the list is taken down and the page drawn.
  const openRound = (id: string) => {
    preloadRoundEvaluation(store, id, { year: rounds?.find((r) => r.id === id)?.year });
    navigate('comisie', id);
  };
  // While the list is shown, the evaluation kept of the round last read is read ahead (once the list is drawn).
  useEffect(() => {
    if (roundId) return;
    let forget = () => {};
    const timer = setTimeout(() => (forget = prefetchLastRoundEvaluation(store)), PREFETCH_AFTER_MS);
    return () => {
      clearTimeout(timer);
      forget();
    };
  }, [store, roundId]);
  if (roundId) return <RoundEvaluationPage key={roundId} roundId={roundId} round={rounds && (rounds.find((r) => r.id === roundId) ?? null)} onBack={closeRecord} />;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>Comisia de evaluare și selecționare</Typography>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ borderBottom: 1, borderColor: 'divider', mb: 1.5 }}>
        <Tab label="Evaluarea rundelor" />
        <Tab label="Comisii și membri" />
        <Tab label="Grile de evaluare" />
        <Tab label="Zile nelucrătoare" />
      </Tabs>
      {tab === 0 && (
        <Box sx={{ flexGrow: 1, minHeight: 300, bgcolor: 'background.paper' }}>
          <RecordGrid<FundingRound> label="Runde de evaluat" rows={[...(rounds ?? [])].sort((a, b) => b.year - a.year)} columns={ROUND_COLUMNS} loading={!rounds} onOpen={(r) => openRound(r.id)} />
        </Box>
      )}
      {tab === 1 && <CommissionsPanel />}
      {tab === 2 && <GridsPanel />}
      {tab === 3 && <NonWorkingDaysPanel />}
    </Box>
  );
}
