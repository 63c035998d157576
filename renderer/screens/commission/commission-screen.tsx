import { Box, Tab, Tabs, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useNavigation } from '../../navigation';
import { formatLei } from '../../../src/money';
import { FUNDING_LAW_SHORT, ROUND_STATUSES, type FundingRound } from '../../../src/rounds/funding-round';
import { RecordGrid } from '../../components/record-grid';
import { useStore } from '../../store-context';
import { CommissionsPanel } from './commissions-panel';
import { GridsPanel } from './grids-panel';
import { NonWorkingDaysPanel } from './non-working-days-panel';
import { RoundEvaluationPage } from './round-evaluation-page';
import { prefetchLastRoundEvaluation, preloadRoundEvaluation, readRoundAhead } from './round-evaluation-reads';

const ROUND_COLUMNS: GridColDef<FundingRound>[] = [
  { field: 'year', headerName: 'An', width: 80 },
  { field: 'law', headerName: 'Legea', width: 130, valueFormatter: (v: FundingRound['law']) => FUNDING_LAW_SHORT[v] },
  { field: 'name', headerName: 'Rundă', flex: 1, minWidth: 260 },
  { field: 'budget', headerName: 'Buget', width: 170, type: 'number', valueFormatter: (v: number) => formatLei(v) },
  { field: 'status', headerName: 'Stare', width: 120, valueFormatter: (v: FundingRound['status']) => ROUND_STATUSES[v] },
];

/**
 * The longest the list stays after a click on a round while the round's reads are asked for (see
 * openRound): the page is drawn by then whatever the reads' state.
 */
const OPEN_WITHIN_MS = 50;

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
  // The round's evaluation starts reading on the click; the list is taken down and the page drawn
  // once its longest chain of reads is asked for (its NGOs and units, once its requests are read) or
  // its value is there, at most OPEN_WITHIN_MS later: taking the list down (about 20–30 ms for the
  // grid) in the click's own turn held back every read's answer and the next reads they ask for,
  // while drawn then it overlaps with IndexedDB reading the NGOs and units (issue 10).
  const opening = useRef<object | undefined>(undefined);
  useEffect(() => () => void (opening.current = undefined), []);
  const openRound = (id: string) => {
    const ticket = {};
    opening.current = ticket;
    const open = () => {
      if (opening.current !== ticket) return;
      opening.current = undefined;
      navigate('comisie', id);
    };
    void preloadRoundEvaluation(store, id, rounds?.find((r) => r.id === id)?.year).then(open);
    setTimeout(open, OPEN_WITHIN_MS);
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
          <RecordGrid<FundingRound> label="Runde de evaluat" rows={[...(rounds ?? [])].sort((a, b) => b.year - a.year)} columns={ROUND_COLUMNS} loading={!rounds} onOpen={(r) => openRound(r.id)} onPoint={(r) => readRoundAhead(store, r.id, r.year)} />
        </Box>
      )}
      {tab === 1 && <CommissionsPanel />}
      {tab === 2 && <GridsPanel />}
      {tab === 3 && <NonWorkingDaysPanel />}
    </Box>
  );
}
