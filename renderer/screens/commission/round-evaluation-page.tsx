import { formatInteger } from '../../../src/money';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import SettingsIcon from '@mui/icons-material/Settings';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { SectionTabs, sectionPanelProps } from '../../components/section-tabs';
import { tabIndex, tabSlug } from '../../../src/navigation/address';
import { useNavigation } from '../../navigation';
import { roundSummary, type FundingRound } from '../../../src/rounds/funding-round';
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

/**
 * One round's evaluation: sessions, scores, results and appeals. The page (its title from the
 * rounds' list, its tabs) is shown on the click, before the round's records are read: the tab the
 * secretariat chooses meanwhile is the one drawn when they are, and the list is taken down while
 * they are read, not before (issue 10). `round` is the list's record of the round: undefined while
 * the list is read, null when there is no such round.
 */
export function RoundEvaluationPage({ roundId, round: listed, onBack }: { roundId: string; round: FundingRound | null | undefined; onBack(): void }) {
  const store = useStore();
  const data = useRoundEvaluation(store, roundId);
  const { address, setTab: setAddressTab } = useNavigation();
  const tab = tabIndex(ROUND_TABS, address.tab);
  // Stable, so that the memoised tabs do not render again with each reload of the round's records.
  const setTab = useCallback((index: number) => setAddressTab(tabSlug(ROUND_TABS, index) ?? ROUND_TABS[0]), [setAddressTab]);
  const [isEditing, setEditing] = useState(false);
  const round = data?.round ?? listed;
  if (round === null && !data) {
    return (
      <Box>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack} sx={{ mb: 1 }}>Runde</Button>
        <Alert severity="warning">Runda cerută nu există (a fost ștearsă sau adresa este greșită).</Alert>
      </Box>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>Runde</Button>
        <Typography variant="h6" component="h1">Evaluarea{round ? `: ${round.name}` : ''}</Typography>
        {round && <Typography color="text.secondary">{roundSummary(round)}</Typography>}
        <Box sx={{ flexGrow: 1 }} />
        <Button startIcon={<SettingsIcon />} variant={!data || data.evaluation ? 'text' : 'contained'} disabled={!data} onClick={() => setEditing(true)} sx={{ flexShrink: 0 }}>Setările evaluării</Button>
      </Stack>
      {!data ? (
        <Typography variant="body2" color="text.secondary" role="status" sx={{ mb: 1 }}>Se citesc înregistrările rundei…</Typography>
      ) : data.evaluation ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Comisia: {data.commission?.name ?? '—'} · Grila: {data.grid?.name ?? '—'} · {formatInteger(data.requests.length)} cereri în rundă
        </Typography>
      ) : (
        <Alert severity="info" sx={{ mb: 1 }}>Alegeți comisia care evaluează runda și grila de evaluare (butonul „Setările evaluării”).</Alert>
      )}
      <SectionTabs labels={ROUND_TAB_LABELS} value={tab} onChange={setTab} idPrefix="round-section" />
      {/* While the records are read the panel stays empty and busy (the line above says so): MUI's LinearProgress costs about 10 ms of styles at its first draw, on the way of the reads. */}
      <Box {...sectionPanelProps('round-section', tab)} aria-busy={!data && tab !== 5} sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', pt: 1 }}>
        {tab === 5 ? <RoundDocuments roundId={roundId} />
          : !data ? null
            : tab === 0 ? <SessionsPanel data={data} />
              : tab === 1 ? <ScoringPanel data={data} />
                : tab === 2 ? <ResultsPanel data={data} />
                  : tab === 3 ? <AppealsPanel data={data} />
                    : <DecisionsPanel data={data} />}
      </Box>
      {isEditing && data && <EvaluationDialog round={data.round} evaluation={data.evaluation} onClose={() => setEditing(false)} />}
    </Box>
  );
}
