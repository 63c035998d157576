import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { useState } from 'react';
import { MEAN_ROUNDING_RULE } from '../../../src/commission/aggregation';
import { hasVotingRole } from '../../../src/commission/members';
import { ALLOCATION_STATUSES, type AllocationStatus } from '../../../src/commission/ranking';
import { formatDecimal, formatLei } from '../../../src/money';
import { formatRoDate, formatRoDateTime } from '../../../src/validation/dates';
import { ExportMenu } from '../../components/export-menu';
import { useNotifier } from '../../components/notifier';
import { ReasonDialog } from '../../components/reason-dialog';
import { exportEvaluationMinutesDocx, exportResultNotificationsDocx, exportResultsCentraliserXlsx, exportResultsReportDocx } from '../../services/commission-documents';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { useStore } from '../../store-context';

const STATUS_COLORS: Record<AllocationStatus, 'success' | 'warning' | 'default' | 'error' | 'info'> = {
  finantata: 'success',
  finantata_partial: 'info',
  nefinantata_buget: 'warning',
  sub_prag: 'default',
  neeligibila: 'error',
  necalculata: 'default',
};

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatDecimal(n, 2));

/** The ranking and the allocation of the budget, each member's totals beside the mean, and the lock. */
export function ResultsPanel({ data }: { data: RoundEvaluationData }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [isReopening, setReopening] = useState(false);
  const [tieGroup, setTieGroup] = useState<string[] | null>(null);
  const results = data.results;
  const evaluation = data.evaluation;
  if (!results || !evaluation) return <Alert severity="info">Alegeți comisia și grila rundei (butonul „Setările evaluării”).</Alert>;
  // Titular members, and the substitutes who actually scored in someone's place.
  const scorers = data.members.filter((m) => hasVotingRole(m) && (!m.isSubstitute || data.sheets.some((s) => s.memberId === m.id)));
  const { ranking } = results;
  const isLocked = evaluation.lock.isLocked;

  const lock = async () => {
    try {
      await store.evaluations.lock(evaluation.id, evaluation.version, ranking.pendingIssues);
      notify('Rezultatele rundei sunt finale.');
    } catch (error) {
      fail(error);
    }
  };
  const reopen = async (reason: string) => {
    setReopening(false);
    try {
      await store.evaluations.reopen(evaluation.id, evaluation.version, reason);
      notify('Rezultatele au fost redeschise; motivul a fost consemnat în jurnal.');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography>Buget: <strong>{formatLei(ranking.totals.budget)}</strong></Typography>
        <Typography>Alocat: <strong>{formatLei(ranking.totals.allocated)}</strong></Typography>
        <Typography>Rămas nealocat: <strong>{formatLei(ranking.totals.remaining)}</strong></Typography>
        <Typography>Finanțate: <strong>{ranking.totals.fullyFundedCount}</strong> integral, <strong>{ranking.totals.partiallyFundedCount}</strong> parțial</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Documentele rundei"
          items={[
            { label: 'Procesul-verbal de evaluare și selecție (DOCX)', onClick: () => exportEvaluationMinutesDocx(store, data).then((ok) => ok && notify('Procesul-verbal a fost generat.')).catch(fail) },
            { label: 'Raportul de specialitate la proiectul de hotărâre, cu anexa (DOCX)', onClick: () => exportResultsReportDocx(store, data).then((ok) => ok && notify('Raportul a fost generat.')).catch(fail) },
            { label: 'Referatul de aprobare către director, cu anexa (DOCX)', onClick: () => exportResultsReportDocx(store, data, 'director').then((ok) => ok && notify('Referatul a fost generat.')).catch(fail) },
            { label: 'Notificările către solicitanți (DOCX)', onClick: () => exportResultNotificationsDocx(store, data).then((ok) => ok && notify('Notificările au fost generate.')).catch(fail) },
            { label: 'Centralizatorul rezultatelor (XLSX)', onClick: () => exportResultsCentraliserXlsx(store, data).then((ok) => ok && notify('Centralizatorul a fost exportat.')).catch(fail) },
          ]}
        />
        {isLocked ? (
          <>
            <Chip color="success" icon={<LockIcon />} label={`Rezultate finale (${formatRoDateTime(evaluation.lock.lockedAt)}, ${evaluation.lock.lockedBy ?? ''})`} />
            <Button startIcon={<LockOpenIcon />} onClick={() => setReopening(true)}>Redeschide rezultatele</Button>
          </>
        ) : (
          <Button variant="contained" startIcon={<LockIcon />} onClick={() => void lock()} disabled={ranking.pendingIssues.length > 0}>Declară rezultatele finale</Button>
        )}
      </Stack>
      {results.aggregationProblem && <Alert severity="warning" sx={{ mb: 1 }}>{results.aggregationProblem}</Alert>}
      {ranking.pendingIssues.length > 0 && !isLocked && (
        <Alert severity="warning" sx={{ mb: 1 }}>Rezultatele nu pot fi declarate finale: {ranking.pendingIssues.join('; ')}.</Alert>
      )}
      {ranking.unresolvedTies.map((group, i) => (
        <Alert key={i} severity="warning" sx={{ mb: 1 }} action={!isLocked && <Button color="inherit" onClick={() => setTieGroup(group)}>Consemnează decizia</Button>}>
          Egalitate de punctaj între cererile {group.map((id) => data.requests.find((r) => r.id === id)?.label).join(', ')} — decide comisia.
        </Alert>
      ))}
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Clasament și alocare">
          <TableHead>
            <TableRow>
              <TableCell>Loc</TableCell>
              <TableCell>Cererea</TableCell>
              <TableCell>ONG</TableCell>
              {scorers.map((m) => <TableCell key={m.id} align="right">{m.name}</TableCell>)}
              <TableCell align="right"><Tooltip title={MEAN_ROUNDING_RULE}><span>Media</span></Tooltip></TableCell>
              <TableCell>Stare</TableCell>
              <TableCell align="right">Subvenție calculată</TableCell>
              <TableCell align="right">Suma propusă</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {ranking.rows.map((row) => {
              const request = data.requests.find((r) => r.id === row.requestId);
              const scores = results.aggregation?.byRequest.get(row.requestId);
              const change = results.appealChanges.get(row.requestId);
              return (
                <TableRow key={row.requestId}>
                  <TableCell>{row.rank ?? '—'}{row.tieFlag && <Chip size="small" color={row.tieFlag.includes('decisă') ? 'default' : 'warning'} label="egalitate" sx={{ ml: 0.5 }} />}</TableCell>
                  <TableCell>{row.label}</TableCell>
                  <TableCell>{request?.organizationName}</TableCell>
                  {scorers.map((m) => {
                    const isRecused = results.recusals.some((r) => r.memberId === m.id && r.requestId === row.requestId);
                    const score = scores?.members.find((s) => s.memberId === m.id);
                    const isFlagged = scores?.discrepancies.some((d) => d.memberIds.includes(m.id));
                    return (
                      <TableCell key={m.id} align="right" sx={isFlagged ? { bgcolor: 'warning.light' } : undefined}>
                        {isRecused ? <Typography variant="body2" color="text.secondary">recuzat</Typography> : points(score?.total)}
                      </TableCell>
                    );
                  })}
                  <TableCell align="right"><strong>{points(row.meanTotal)}</strong>{change?.revisedScore != null && <Typography variant="caption" sx={{ display: "block" }}>după contestație ({change.decisionAct})</Typography>}</TableCell>
                  <TableCell><Tooltip title={row.reasons.join(' ')}><Chip size="small" color={STATUS_COLORS[row.status]} label={ALLOCATION_STATUSES[row.status]} /></Tooltip></TableCell>
                  <TableCell align="right">{row.computedSubsidy === null ? '—' : formatLei(row.computedSubsidy)}</TableCell>
                  <TableCell align="right"><strong>{formatLei(row.allocated)}</strong></TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      {[...(results.aggregation?.byRequest.values() ?? [])].some((s) => s.discrepancies.length > 0) && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Diferențe de punctaj peste marja stabilită (de discutat în comisie înainte de rezultatul final):{' '}
          {[...results.aggregation!.byRequest.values()].flatMap((s) => s.discrepancies.map((d) => `cererea ${data.requests.find((r) => r.id === s.requestId)?.label}, criteriul ${d.criterionCode}: ${points(d.min)}–${points(d.max)}`)).join('; ')}.
        </Alert>
      )}
      {evaluation.lock.reopenings.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Redeschideri: {evaluation.lock.reopenings.map((r) => `${formatRoDateTime(r.at)} (${r.by}): ${r.reason}`).join('; ')}
        </Typography>
      )}
      {isReopening && (
        <ReasonDialog title="Redeschiderea rezultatelor" text="Punctajele, clasamentul și alocarea vor putea fi din nou modificate. Motivul se păstrează în jurnal și în istoricul rundei." confirmLabel="Redeschide" onConfirm={(r) => void reopen(r)} onCancel={() => setReopening(false)} />
      )}
      {tieGroup && <TieDecisionDialog data={data} group={tieGroup} onClose={() => setTieGroup(null)} />}
    </Box>
  );
}

/** Records the commission's decision on the order of tied requests (it appears in the minutes). */
function TieDecisionDialog({ data, group, onClose }: { data: RoundEvaluationData; group: string[]; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [order, setOrder] = useState(group);
  const sessions = data.sessions.filter((s) => s.kind === 'evaluare');
  const [sessionId, setSessionId] = useState(sessions.at(-1)?.id ?? '');
  const [note, setNote] = useState('');
  const move = (i: number, delta: number) => {
    const next = [...order];
    [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
    setOrder(next);
  };
  const save = async () => {
    const evaluation = data.evaluation!;
    try {
      await store.evaluations.update(evaluation.id, { ...evaluation, tieDecisions: [...evaluation.tieDecisions, { order, sessionId, note }] }, evaluation.version);
      notify('Decizia comisiei privind egalitatea a fost consemnată.');
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="tie-title">
      <DialogTitle id="tie-title">Decizia comisiei la egalitate de punctaj</DialogTitle>
      <DialogContent>
        <List dense>
          {order.map((id, i) => {
            const r = data.requests.find((q) => q.id === id);
            return (
              <ListItem key={id} secondaryAction={<>
                <IconButton aria-label={`Mută mai sus: ${r?.label}`} disabled={i === 0} onClick={() => move(i, -1)}><ArrowUpwardIcon /></IconButton>
                <IconButton aria-label={`Mută mai jos: ${r?.label}`} disabled={i === order.length - 1} onClick={() => move(i, 1)}><ArrowDownwardIcon /></IconButton>
              </>}>
                <ListItemText primary={`${i + 1}. Cererea nr. ${r?.label} — ${r?.organizationName}`} />
              </ListItem>
            );
          })}
        </List>
        <TextField select label="Ședința în care s-a decis" value={sessionId} onChange={(e) => setSessionId(e.target.value)} sx={{ mt: 1 }}>
          {sessions.map((s) => <MenuItem key={s.id} value={s.id}>{formatRoDate(s.date)} — {s.place}</MenuItem>)}
        </TextField>
        <TextField label="Motivarea (în procesul-verbal)" value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} sx={{ mt: 1.5 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Anulează</Button>
        <Button variant="contained" onClick={() => void save()} disabled={!sessionId}>Consemnează</Button>
      </DialogActions>
    </Dialog>
  );
}
