import { Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { SectionTabs, sectionPanelProps } from '../../components/section-tabs';
import { useNavigation } from '../../navigation';
import { MONITORING_TABS, monitoringView, VISITS_TAB } from '../../../src/navigation/monitoring-address';
import { QUARTER_LABELS, QUARTERS, quarterOf, type Quarter } from '../../../src/monitoring/visit';
import { todayIso } from '../../../src/validation/dates';
import { ChecklistsTab } from './checklists-tab';
import { FollowUpsTab } from './follow-ups-tab';
import { PlanTab } from './plan-tab';
import { SuspensionsTab } from './suspensions-tab';
import { VisitsTab } from './visits-tab';

/** The tabs' labels, in the order of {@link MONITORING_TABS}. */
const MONITORING_TAB_LABELS = ['Plan de vizite', 'Vizite', 'Constatări și recomandări', 'Suspendări', 'Liste de verificare'] as const;

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
  // The address says the tab ("#/monitorizare/suspendari") or the open visit ("#/monitorizare/<visitId>", on the visits tab).
  const { address, navigate, setSection, goBackTo } = useNavigation();
  const { tab: slug, visitId: openVisitId = null } = monitoringView(address.record);
  const tab = MONITORING_TABS.indexOf(slug);
  const setTab = useCallback((index: number) => setSection(MONITORING_TABS[index] ?? MONITORING_TABS[0]), [setSection]);
  // A visit closes to the list of visits: Back when it was opened from there.
  const setOpenVisitId = (id: string | null) => (id ? navigate('monitorizare', id) : goBackTo(VISITS_TAB));
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
      <SectionTabs labels={MONITORING_TAB_LABELS} value={tab} onChange={setTab} idPrefix="monitoring-section" />
      <Box {...sectionPanelProps('monitoring-section', tab)} sx={{ pt: 1 }}>
        {/* A visit opened from the plan: the plan's entry becomes the visits tab first, so that closing the visit goes Back to that list. */}
        {slug === 'plan' && <PlanTab year={year} quarter={quarter} onOpenVisit={(id) => { setSection(VISITS_TAB); setOpenVisitId(id); }} />}
        {slug === 'vizite' && <VisitsTab year={year} openVisitId={openVisitId} onOpenVisit={setOpenVisitId} />}
        {slug === 'constatari' && <FollowUpsTab />}
        {slug === 'suspendari' && <SuspensionsTab />}
        {slug === 'liste' && <ChecklistsTab />}
      </Box>
    </Box>
  );
}
