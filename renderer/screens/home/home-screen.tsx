import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useRef, useState } from 'react';
import { todayIso } from '../../../src/validation/dates';
import { chartYears, loadAttention, loadYearCharts } from '../../services/home';
import { useStore } from '../../store-context';
import { AnnualReportPanel } from './annual-report-panel';
import { AttentionPanel } from './attention-panel';
import type { CaptureCharts } from './year-charts-panel';

// The charts library is loaded with the charts only (not with the start chunk nor this screen's).
const YearChartsPanel = lazy(() => import('./year-charts-panel').then((m) => ({ default: m.YearChartsPanel })));


/** Acasă: what needs attention today, the year at a glance, the annual report. */
export function HomeScreen() {
  const store = useStore();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const groups = useLiveQuery(() => loadAttention(store, today), [store, today]);
  const offered = useLiveQuery(() => chartYears(store, today), [store, today]);
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? offered?.preferred ?? thisYear;
  const years = offered?.years ?? [year];
  const yearData = useLiveQuery(() => (offered || chosen ? loadYearCharts(store, year, today) : undefined), [store, year, today, offered === undefined]);
  const captureRef = useRef<CaptureCharts | null>(null);
  const total = groups?.reduce((s, g) => s + g.items.length, 0);
  return (
    <Box sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" sx={{ mb: 1.5 }}>Acasă</Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="h6" component="h2">Ce necesită atenție</Typography>
        <Typography color="text.secondary">{groups ? (total === 0 ? 'nimic de urmărit azi' : `${total} ${total === 1 ? 'element' : 'elemente'}`) : 'Se încarcă…'}</Typography>
      </Stack>
      {groups && <AttentionPanel groups={groups} />}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 3, mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ whiteSpace: 'nowrap' }}>Anul pe scurt</Typography>
        <TextField select size="small" label="Anul" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 130, flexShrink: 0 }}>
          {years.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
        {yearData && (
          <Typography color="text.secondary" variant="body2">
            Din registrul de reconciliere al anului {year}: convenții, deconturi verificate și plăți înregistrate.
          </Typography>
        )}
      </Stack>
      <Suspense fallback={<Typography color="text.secondary">Se încarcă graficele…</Typography>}>
        {yearData ? <YearChartsPanel data={yearData.charts} captureRef={captureRef} /> : <Typography color="text.secondary">Se încarcă…</Typography>}
      </Suspense>
      <Box sx={{ mt: 3, mb: 2 }}>
        <AnnualReportPanel year={year} captureRef={captureRef} />
      </Box>
    </Box>
  );
}
