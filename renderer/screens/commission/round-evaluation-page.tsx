import { formatInteger } from '../../../src/money';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SettingsIcon from '@mui/icons-material/Settings';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { SectionTabs, sectionPanelProps } from '../../components/section-tabs';
import { tabIndex, tabSlug } from '../../../src/navigation/address';
import { useNavigation } from '../../navigation';
import { roundSummary } from '../../../src/rounds/funding-round';
import { useStore } from '../../store-context';
import { useRoundEvaluation } from './round-evaluation-reads';
import { AppealsPanel } from './appeals-panel';
import { RoundDocuments } from '../documents/scoped-documents';
import { DecisionsPanel } from './decisions-panel';
import { EvaluationDialog } from './evaluation-dialog';
import { ResultsPanel } from './results-panel';
import { ScoringPanel } from './scoring-panel';
import { SessionsPanel } from './sessions-panel';

/** The tabs' labels, in the order of {@link ROUND_TABS}. */
const ROUND_TAB_LABELS = ['Ședințe', 'Punctaj', 'Clasament și alocare', 'Contestații', 'Decizii și voturi', 'Documente emise'] as const;

/** The round page's tabs as the address names them ("#/comisie/<roundId>/punctaj"). */
export const ROUND_TABS = ['sedinte', 'punctaj', 'clasament', 'contestatii', 'decizii', 'documente'] as const;

/** One round's evaluation: sessions, scores, results and appeals. */
export function RoundEvaluationPage({ roundId, onBack }: { roundId: string; onBack(): void }) {
  const store = useStore();
  const data = useRoundEvaluation(store, roundId);
  const { address, setTab: setAddressTab } = useNavigation();
  const tab = tabIndex(ROUND_TABS, address.tab);
  // Stable, so that the memoised tabs do not render again with each reload of the round's records.
  const setTab = useCallback((index: number) => setAddressTab(tabSlug(ROUND_TABS, index) ?? ROUND_TABS[0]), [setAddressTab]);
  const [isEditing, setEditing] = useState(false);
  if (!data) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>Runde</Button>
        <Typography variant="h6" component="h1">Evaluarea: {data.round.name}</Typography>
        <Typography color="text.secondary">{roundSummary(data.round)}</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<SettingsIcon />} variant={data.evaluation ? 'text' : 'contained'} onClick={() => setEditing(true)} sx={{ flexShrink: 0 }}>Setările evaluării</Button>
      </Stack>
      {data.evaluation ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Comisia: {data.commission?.name ?? '—'} · Grila: {data.grid?.name ?? '—'} · {formatInteger(data.requests.length)} cereri în rundă
        </Typography>
      ) : (
        <Alert severity="info" sx={{ mb: 1 }}>Alegeți comisia care evaluează runda și grila de evaluare (butonul „Setările evaluării”).</Alert>
      )}
      <SectionTabs labels={ROUND_TAB_LABELS} value={tab} onChange={setTab} idPrefix="round-section" />
      <Box {...sectionPanelProps('round-section', tab)} sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', pt: 1 }}>
        {tab === 0 && <SessionsPanel data={data} />}
        {tab === 1 && <ScoringPanel data={data} />}
        {tab === 2 && <ResultsPanel data={data} />}
        {tab === 3 && <AppealsPanel data={data} />}
        {tab === 4 && <DecisionsPanel data={data} />}
        {tab === 5 && <RoundDocuments roundId={roundId} />}
      </Box>
      {isEditing && <EvaluationDialog round={data.round} evaluation={data.evaluation} onClose={() => setEditing(false)} />}
    </Box>
  );
}
