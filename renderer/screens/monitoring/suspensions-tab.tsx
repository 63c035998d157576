import { Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { actLabel, SUSPENSION_STATE_LABELS, suspensionState, type Suspension } from '../../../src/monitoring/findings';
import { formatRoDate, parseDate, todayIso } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { ReasonDialog } from '../../components/reason-dialog';
import { loadSuspensionView } from '../../services/monitoring';
import { useStore } from '../../store-context';

type ActDialog = { suspension: Suspension; mode: 'decide' | 'lift' };

/** Suspensions of payments: proposed from a serious finding, in force only by a recorded decision, lifted by another. */
export function SuspensionsTab() {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const data = useLiveQuery(() => loadSuspensionView(store), [store]);
  const [act, setAct] = useState<ActDialog | null>(null);
  const [rejecting, setRejecting] = useState<Suspension | null>(null);
  if (!data) return <Typography color="text.secondary">Se încarcă…</Typography>;
  const proposable = data.seriousFindings.filter((f) => !data.suspensions.some((s) => s.findingId === f.id && !s.lifting && !s.rejectedReason));
  const propose = async (findingId: string) => {
    try {
      await store.monitoring.proposeSuspension(findingId, { proposedOn: todayIso() });
      notify('Suspendarea a fost propusă. Produce efecte doar după înregistrarea deciziei.');
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Stack spacing={2}>
      <Alert severity="info">O constatare gravă poate propune suspendarea plăților convenției. Suspendarea produce efecte numai prin decizia înregistrată (număr, dată, de la ce dată) și se ridică tot printr-o decizie; deconturile lunilor suspendate nu se pot aproba la plată.</Alert>
      {proposable.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Constatări grave fără suspendare">
          <Typography variant="subtitle1" sx={{ mb: 1 }}>Constatări grave</Typography>
          {proposable.map((f) => (
            <Stack key={f.id} direction="row" spacing={2} sx={{ alignItems: 'center', py: 0.5 }}>
              <Typography variant="body2" sx={{ flexGrow: 1 }}>{f.organizationName} (conv. nr. {f.conventionNumber}): {f.text}</Typography>
              <Button size="small" variant="outlined" color="error" onClick={() => void propose(f.id)}>Propune suspendarea</Button>
            </Stack>
          ))}
        </Paper>
      )}
      {data.suspensions.length === 0 ? <Alert severity="success">Nicio suspendare propusă sau în vigoare.</Alert> : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Suspendările plăților">
            <TableHead>
              <TableRow>
                <TableCell>Convenția</TableCell>
                <TableCell>Motivul</TableCell>
                <TableCell>Propusă</TableCell>
                <TableCell>Decizia</TableCell>
                <TableCell>Ridicarea</TableCell>
                <TableCell>Starea</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.suspensions.map((s) => {
                const state = suspensionState(s);
                return (
                  <TableRow key={s.id}>
                    <TableCell>nr. {s.conventionNumber}<Typography variant="body2" color="text.secondary">{s.organizationName}</Typography></TableCell>
                    <TableCell>{s.reason}</TableCell>
                    <TableCell>{formatRoDate(s.proposedOn)} ({s.proposedBy})</TableCell>
                    <TableCell>{s.decision ? `${actLabel(s.decision)}, de la ${formatRoDate(s.decision.effectiveFrom)}` : '—'}</TableCell>
                    <TableCell>{s.lifting ? `${actLabel(s.lifting)}, de la ${formatRoDate(s.lifting.effectiveFrom)}` : s.rejectedReason ? `respinsă: ${s.rejectedReason}` : '—'}</TableCell>
                    <TableCell><Chip size="small" color={state === 'in_vigoare' ? 'error' : state === 'propusa' ? 'warning' : 'default'} label={SUSPENSION_STATE_LABELS[state]} /></TableCell>
                    <TableCell>
                      {state === 'propusa' && <><Button size="small" onClick={() => setAct({ suspension: s, mode: 'decide' })}>Înregistrează decizia</Button><Button size="small" onClick={() => setRejecting(s)}>Respinge propunerea</Button></>}
                      {state === 'in_vigoare' && <Button size="small" onClick={() => setAct({ suspension: s, mode: 'lift' })}>Ridică prin decizie</Button>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {act && <ActDialogView act={act} onClose={() => setAct(null)} />}
      {rejecting && (
        <ReasonDialog title="Respingerea propunerii de suspendare" text="Propunerea rămâne consemnată, fără efect asupra plăților." confirmLabel="Respinge"
          onCancel={() => setRejecting(null)}
          onConfirm={(reason) => { store.monitoring.rejectSuspension(rejecting.id, reason, rejecting.version).then(() => setRejecting(null)).catch(fail); }} />
      )}
    </Stack>
  );
}

function ActDialogView({ act, onClose }: { act: ActDialog; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const title = act.mode === 'decide' ? 'Decizia de suspendare a plăților' : 'Decizia de ridicare a suspendării';
  const submit = async () => {
    const d = parseDate(date, 'Data deciziei');
    const e = parseDate(effectiveFrom, 'Data de la care produce efecte');
    if (!d.ok) return fail(new Error(d.message));
    if (!e.ok) return fail(new Error(e.message));
    try {
      const input = { number, date: d.value, effectiveFrom: e.value };
      if (act.mode === 'decide') await store.monitoring.decideSuspension(act.suspension.id, input, act.suspension.version);
      else await store.monitoring.liftSuspension(act.suspension.id, input, act.suspension.version);
      notify(act.mode === 'decide' ? 'Decizia de suspendare a fost înregistrată.' : 'Suspendarea a fost ridicată.');
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="act-title">
      <DialogTitle id="act-title">{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField label="Nr. deciziei" value={number} onChange={(ev) => setNumber(ev.target.value)} />
          <TextField label="Data deciziei" placeholder="zz.ll.aaaa" value={date} onChange={(ev) => setDate(ev.target.value)} />
          <TextField label="Produce efecte de la" placeholder="zz.ll.aaaa" value={effectiveFrom} onChange={(ev) => setEffectiveFrom(ev.target.value)} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Renunță</Button>
        <Button variant="contained" onClick={() => void submit()}>Înregistrează</Button>
      </DialogActions>
    </Dialog>
  );
}
