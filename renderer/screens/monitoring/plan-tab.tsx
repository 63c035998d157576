import { Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { cleanTeam, emptyVisit, parseTeam, QUARTER_LABELS, teamFromNames, VISIT_KIND_LABELS, VISIT_PLACE_LABELS, type Quarter, type TeamMember, type VisitKind, type VisitPlace } from '../../../src/monitoring/visit';
import { UNIT_VISIT_FLAG_LABELS, type UnitScheduleRow } from '../../../src/monitoring/visit-schedule';
import { formatRoDate, parseDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { loadPlanView, type PlanView } from '../../services/monitoring';
import { downloadMonitoringSummary } from '../../services/monitoring-documents';
import { useScreenWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { TeamEditor } from './team-editor';

const FLAG_COLORS = { niciodata_vizitata: 'warning', restanta: 'error', la_zi: 'success' } as const;

/** The quarter's plan: the funded units with their last visit and flags, the plan's team and frequency, planning a visit. */
export function PlanTab({ year, quarter, onOpenVisit }: { year: number; quarter: Quarter; onOpenVisit(id: string): void }) {
  const store = useStore();
  const readOnly = useScreenWriteRefusal(); // shared mode: only monitoring plans visits
  const { notify, fail } = useNotifier();
  const data = useLiveQuery(() => loadPlanView(store, year, quarter), [store, year, quarter]);
  const [planning, setPlanning] = useState<UnitScheduleRow | null>(null);
  const [team, setTeam] = useState<string | null>(null);
  const [frequency, setFrequency] = useState<string | null>(null);
  if (!data) return <Typography color="text.secondary">Se încarcă…</Typography>;

  const savePlan = async () => {
    try {
      const plan = await store.monitoring.getPlan(year, quarter);
      const draft = { year, quarter, team: parseTeam(team ?? data.planTeam.join(', ')), visitsPerYear: Number(frequency ?? data.visitsPerYear), notes: plan?.notes ?? '' };
      await store.monitoring.savePlan(draft, plan?.id, plan?.version);
      notify(`Planul pentru ${QUARTER_LABELS[quarter].toLowerCase()} ${year} a fost salvat.`);
      setTeam(null);
      setFrequency(null);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Stack spacing={2}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField size="small" label="Echipa de monitorizare a planului" value={team ?? data.planTeam.join(', ')} onChange={(e) => setTeam(e.target.value)} sx={{ flexGrow: 1 }} helperText="Numele ofițerilor, separate prin virgulă" />
          <TextField size="small" label="Vizite pe unitate pe an" value={frequency ?? String(data.visitsPerYear)} onChange={(e) => setFrequency(e.target.value)} sx={{ width: 190 }}
            helperText={`Parametru de plan (implicit ${data.settings.visitsPerYear}); nu există o frecvență legală`} />
          <Button variant="contained" onClick={() => void savePlan()}>Salvează planul</Button>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
          <Button size="small" variant="outlined" onClick={() => downloadMonitoringSummary(store, year, quarter).catch(fail)}>Sinteza trimestrului (XLSX)</Button>
          <Button size="small" variant="outlined" onClick={() => downloadMonitoringSummary(store, year).catch(fail)}>Sinteza anului {year} (XLSX)</Button>
        </Stack>
      </Paper>
      {data.rows.length === 0 ? (
        <Alert severity="info">Nicio unitate finanțată în {QUARTER_LABELS[quarter].toLowerCase()} {year}: unitățile apar aici din convențiile de subvenționare în vigoare.</Alert>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Unitățile finanțate și vizitele lor">
            <TableHead>
              <TableRow>
                <TableCell>Furnizorul / unitatea</TableCell>
                <TableCell>Convenția</TableCell>
                <TableCell>Ultima vizită</TableCell>
                <TableCell align="center">Efectuate / necesare</TableCell>
                <TableCell>Următorul termen</TableCell>
                <TableCell>Situația</TableCell>
                <TableCell>Vizite în trimestru</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.rows.map((r) => (
                <TableRow key={`${r.conventionId}-${r.unitId}`}>
                  <TableCell>{r.organizationName}<Typography variant="body2" color="text.secondary">{r.unitName} ({r.serviceCode})</Typography></TableCell>
                  <TableCell>nr. {r.conventionNumber}</TableCell>
                  <TableCell>{r.lastVisitDone ? formatRoDate(r.lastVisitDone) : '—'}</TableCell>
                  <TableCell align="center">{r.doneInYear} / {r.required}</TableCell>
                  <TableCell>{r.nextDue ? formatRoDate(r.nextDue) : '—'}</TableCell>
                  <TableCell>{r.flags.map((f) => <Chip key={f} size="small" color={FLAG_COLORS[f]} label={UNIT_VISIT_FLAG_LABELS[f]} sx={{ mr: 0.5, mb: 0.5 }} />)}</TableCell>
                  <TableCell>
                    {r.inQuarter.length === 0 ? '—' : r.inQuarter.map((v) => (
                      <Button key={v.id} size="small" onClick={() => onOpenVisit(v.id)}>{formatRoDate(v.actualDate ?? v.plannedDate)} ({v.status === 'efectuata' ? 'efectuată' : v.status === 'anulata' ? 'anulată' : 'planificată'})</Button>
                    ))}
                  </TableCell>
                  <TableCell><Button size="small" variant="outlined" aria-label={`Planifică o vizită: ${r.unitName}`} onClick={() => setPlanning(r)} disabled={readOnly !== undefined}>Planifică</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {planning && <PlanVisitDialog row={planning} defaultTeam={data.planTeam} teamRoles={data.teamRoles} year={year} quarter={quarter} onClose={() => setPlanning(null)} onPlanned={onOpenVisit} />}
    </Stack>
  );
}

function PlanVisitDialog({ row, defaultTeam, teamRoles, year, quarter, onClose, onPlanned }: { row: UnitScheduleRow; defaultTeam: string[]; teamRoles: PlanView['teamRoles']; year: number; quarter: Quarter; onClose(): void; onPlanned(id: string): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [date, setDate] = useState('');
  // The plan's officers, each with the function they last had on a visit.
  const [team, setTeam] = useState<TeamMember[]>(() => teamFromNames(defaultTeam, teamRoles.known));
  const [teamError, setTeamError] = useState<string | undefined>();
  const [kind, setKind] = useState<VisitKind>('anuntata');
  const [place, setPlace] = useState<VisitPlace>('sediu');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const parsed = parseDate(date, 'Data planificată');
    if (!parsed.ok) return setError(parsed.message);
    const cleaned = cleanTeam(team);
    setTeamError(cleaned.error);
    if (cleaned.error) return;
    try {
      const plan = await store.monitoring.getPlan(year, quarter);
      const visit = await store.monitoring.planVisit(emptyVisit({ conventionId: row.conventionId, unitId: row.unitId, plannedDate: parsed.value, team: cleaned.team, kind, place, planId: plan?.id }));
      notify(`Vizita la „${row.unitName}” a fost planificată pentru ${formatRoDate(parsed.value)}.`);
      onClose();
      onPlanned(visit.id);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="plan-visit-title">
      <DialogTitle id="plan-visit-title">Planificarea unei vizite — {row.unitName}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="Data planificată" placeholder="zz.ll.aaaa" value={date} onChange={(e) => { setDate(e.target.value); setError(null); }} error={!!error} helperText={error ?? ' '} />
          <TeamEditor team={team} onChange={(t) => { setTeam(t); setTeamError(undefined); }} suggestions={teamRoles.suggestions} error={teamError} />
          <TextField select label="Tipul vizitei" value={kind} onChange={(e) => setKind(e.target.value as VisitKind)}>
            {Object.entries(VISIT_KIND_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
          </TextField>
          <TextField select label="Locul vizitei" value={place} onChange={(e) => setPlace(e.target.value as VisitPlace)}>
            {Object.entries(VISIT_PLACE_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
          </TextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Renunță</Button>
        <Button variant="contained" onClick={() => void submit()}>Planifică vizita</Button>
      </DialogActions>
    </Dialog>
  );
}
