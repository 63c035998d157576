import { Alert, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { FINDING_SEVERITY_LABELS, RECOMMENDATION_STATE_LABELS, type RecommendationState } from '../../../src/monitoring/findings';
import { formatRoDate, parseDate, todayIso } from '../../../src/validation/dates';
import { ValidationError } from '../../../src/errors';
import { useNotifier } from '../../components/notifier';
import { loadFollowUpView, type FindingRow } from '../../services/monitoring';
import { useStore } from '../../store-context';

const STATE_COLORS: Record<RecommendationState, 'info' | 'success' | 'error'> = { deschisa: 'info', inchisa: 'success', depasita: 'error' };

/** Every recommendation with its state (open / closed / overdue), its follow-up entries, a new entry. */
export function FollowUpsTab() {
  const store = useStore();
  const data = useLiveQuery(() => loadFollowUpView(store), [store]);
  const [filter, setFilter] = useState<RecommendationState | 'toate'>('toate');
  const [open, setOpen] = useState<FindingRow | null>(null);
  if (!data) return <Typography color="text.secondary">Se încarcă…</Typography>;
  const rows = data.rows.filter((r) => filter === 'toate' || r.status.state === filter);
  const overdue = data.rows.filter((r) => r.status.state === 'depasita').length;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField size="small" select label="Recomandări" value={filter} onChange={(e) => setFilter(e.target.value as RecommendationState | 'toate')} sx={{ width: 220 }}>
          <MenuItem value="toate">Toate</MenuItem>
          {Object.entries(RECOMMENDATION_STATE_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
        </TextField>
        {overdue > 0 && <Alert severity="error" sx={{ py: 0 }}>{overdue === 1 ? 'O recomandare are termenul depășit.' : `${overdue} recomandări au termenul depășit.`}</Alert>}
      </Stack>
      {rows.length === 0 ? <Alert severity="info">Nicio recomandare{filter === 'toate' ? '' : ` în starea „${RECOMMENDATION_STATE_LABELS[filter as RecommendationState].toLowerCase()}”`}.</Alert> : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Recomandările și urmărirea lor">
            <TableHead>
              <TableRow>
                <TableCell>Furnizorul / unitatea</TableCell>
                <TableCell>Constatarea</TableCell>
                <TableCell>Recomandarea</TableCell>
                <TableCell>Responsabil</TableCell>
                <TableCell>Termen</TableCell>
                <TableCell>Starea</TableCell>
                <TableCell>Urmăriri</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.finding.id}-${r.status.recommendation.id}`}>
                  <TableCell>{r.organizationName}<Typography variant="body2" color="text.secondary">{r.unitName} · conv. nr. {r.conventionNumber}</Typography></TableCell>
                  <TableCell><Chip size="small" label={FINDING_SEVERITY_LABELS[r.finding.severity]} sx={{ mr: 0.5 }} />{r.finding.text}</TableCell>
                  <TableCell>{r.status.recommendation.text}</TableCell>
                  <TableCell>{r.status.recommendation.responsible}</TableCell>
                  <TableCell>{formatRoDate(r.status.recommendation.deadline)}</TableCell>
                  <TableCell><Chip size="small" color={STATE_COLORS[r.status.state]} label={`${RECOMMENDATION_STATE_LABELS[r.status.state]}${r.status.closedOn ? ` la ${formatRoDate(r.status.closedOn)}` : ''}${r.status.daysOverdue ? ` (${r.status.daysOverdue} zile)` : ''}`} /></TableCell>
                  <TableCell>{r.status.followUps.map((f) => <Typography key={f.id} variant="body2">{formatRoDate(f.date)}: {f.evidence} ({f.by}){f.closes ? ' — închide' : ''}</Typography>)}</TableCell>
                  <TableCell>{r.status.state !== 'inchisa' && <Button size="small" aria-label={`Adaugă urmărire: ${r.status.recommendation.text}`} onClick={() => setOpen(r)}>Adaugă urmărire</Button>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open && <FollowUpDialog row={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function FollowUpDialog({ row, onClose }: { row: FindingRow; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [date, setDate] = useState(formatRoDate(todayIso()));
  const [evidence, setEvidence] = useState('');
  const [by, setBy] = useState('');
  const [closes, setCloses] = useState(false);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const submit = async () => {
    const d = parseDate(date, 'Data');
    if (!d.ok) return fail(new Error(d.message));
    try {
      setErrors({});
      await store.monitoring.addFollowUp({ findingId: row.finding.id, recommendationId: row.status.recommendation.id, date: d.value, evidence, by: by || (await store.settings.getInstitution()).userName, closes });
      notify(closes ? 'Recomandarea a fost închisă.' : 'Urmărirea a fost înregistrată.');
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields);
      fail(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="follow-up-title">
      <DialogTitle id="follow-up-title">Urmărirea recomandării</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>{row.status.recommendation.text}</Typography>
        <Stack spacing={2}>
          <TextField label="Data urmăririi" placeholder="zz.ll.aaaa" value={date} onChange={(e) => setDate(e.target.value)} />
          <TextField label="Dovada prezentată de ONG" multiline value={evidence} onChange={(e) => setEvidence(e.target.value)} error={!!errors['evidence']} helperText={errors['evidence']} />
          <TextField label="Înregistrată de" value={by} onChange={(e) => setBy(e.target.value)} error={!!errors['by']} helperText={errors['by'] ?? 'Implicit: utilizatorul acestui calculator (Setări)'} />
          <FormControlLabel control={<Checkbox checked={closes} onChange={(e) => setCloses(e.target.checked)} />} label="Recomandarea este îndeplinită (închide urmărirea)" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Renunță</Button>
        <Button variant="contained" onClick={() => void submit()}>Înregistrează</Button>
      </DialogActions>
    </Dialog>
  );
}
