import { Box, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNavigation } from '../../navigation';
import { QUARTER_LABELS, QUARTERS, quarterOf, type Quarter } from '../../../src/monitoring/visit';
import { todayIso } from '../../../src/validation/dates';
import { ChecklistsTab } from './checklists-tab';
import { FollowUpsTab } from './follow-ups-tab';
import { PlanTab } from './plan-tab';
import { SuspensionsTab } from './suspensions-tab';
import { VisitsTab } from './visits-tab';

type TabId = 'plan' | 'vizite' | 'constatari' | 'suspendari' | 'liste';

/**
 * Monitoring of the funded units (issue 12): the quarter's plan of visits with the units overdue or
 * never visited, the visits with their checklists, the findings and their follow-up, the
 * suspensions of payments by recorded decisions, and the checklists by act and version.
 */
export function MonitoringScreen() {
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [quarter, setQuarter] = useState<Quarter>(quarterOf(today));
  // "#/monitorizare/<visitId>" opens the visit on its page.
  const { address, navigate, closeRecord } = useNavigation();
  const openVisitId = address.record ?? null;
  const setOpenVisitId = (id: string | null) => (id ? navigate('monitorizare', id) : closeRecord());
  // A visit opened from its address closes to the list of visits.
  const [chosenTab, setTab] = useState<TabId>(() => (address.record ? 'vizite' : 'plan'));
  const tab: TabId = openVisitId ? 'vizite' : chosenTab;
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>Monitorizarea unităților finanțate</Typography>
        <TextField select size="small" label="Anul" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 110 }}>
          {years.map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
        <TextField select size="small" label="Trimestrul" value={quarter} onChange={(e) => setQuarter(Number(e.target.value) as Quarter)} sx={{ width: 200 }}>
          {QUARTERS.map((q) => <MenuItem key={q} value={q}>{QUARTER_LABELS[q]}</MenuItem>)}
        </TextField>
      </Stack>
      <Tabs value={tab} onChange={(_e, v: TabId) => { setTab(v); if (openVisitId && v !== 'vizite') closeRecord(); }} sx={{ mb: 2 }}>
        <Tab value="plan" label="Plan de vizite" />
        <Tab value="vizite" label="Vizite" />
        <Tab value="constatari" label="Constatări și recomandări" />
        <Tab value="suspendari" label="Suspendări" />
        <Tab value="liste" label="Liste de verificare" />
      </Tabs>
      {tab === 'plan' && <PlanTab year={year} quarter={quarter} onOpenVisit={(id) => { setTab('vizite'); setOpenVisitId(id); }} />}
      {tab === 'vizite' && <VisitsTab year={year} openVisitId={openVisitId} onOpenVisit={setOpenVisitId} />}
      {tab === 'constatari' && <FollowUpsTab />}
      {tab === 'suspendari' && <SuspensionsTab />}
      {tab === 'liste' && <ChecklistsTab />}
    </Box>
  );
}
