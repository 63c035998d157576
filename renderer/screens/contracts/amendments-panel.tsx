import {
  Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { ValidationError } from '../../../src/errors';
import { formatLei } from '../../../src/money';
import { MONTH_NAMES } from '../../../src/requests/subsidy-request';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { addAmendment, emptyAmendmentForm, type AmendmentForm, type ConventionDetail } from '../../services/conventions';
import { useStore } from '../../store-context';
import { NOWRAP_AMOUNTS } from './table-style';

/** The convention's amendments, oldest first, with the amount before and after each; adding one. */
export function AmendmentsPanel({ detail }: { detail: ConventionDetail }) {
  const [isAdding, setAdding] = useState(false);
  const { terms } = detail;
  return (
    <Paper sx={{ p: 2, maxWidth: 1300 }}>
      <Stack direction="row" spacing={4} sx={{ mb: 1.5 }} aria-label="Suma inițială și suma în vigoare">
        <Typography>Suma inițială: <strong>{formatLei(terms.originalAmount)}</strong></Typography>
        <Typography>Suma în vigoare: <strong>{formatLei(terms.amount)}</strong></Typography>
      </Stack>
      {detail.amendments.length === 0 ? (
        <Typography color="text.secondary" sx={{ mb: 1.5 }}>Niciun act adițional.</Typography>
      ) : (
        <Table size="small" aria-label="Acte adiționale" sx={{ mb: 1.5, ...NOWRAP_AMOUNTS }}>
          <TableHead>
            <TableRow>
              <TableCell>Nr.</TableCell>
              <TableCell>Data</TableCell>
              <TableCell>Se aplică de la</TableCell>
              <TableCell>Motivul</TableCell>
              <TableCell>Actul care a decis</TableCell>
              <TableCell align="right">Suma înainte</TableCell>
              <TableCell align="right">Suma după</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.amendmentTerms.map(({ amendment: a, before, after }) => (
              <TableRow key={a.id}>
                <TableCell>{a.number}</TableCell>
                <TableCell>{formatRoDate(a.date)}</TableCell>
                <TableCell>{formatRoDate(a.effectiveFrom)}</TableCell>
                <TableCell>{a.reason}</TableCell>
                <TableCell>{a.decidingAct}</TableCell>
                <TableCell align="right">{formatLei(before.amount)}</TableCell>
                <TableCell align="right">{formatLei(after.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        Un act adițional nu se modifică după înregistrare: o corectură este un act adițional ulterior. Ratele încă programate se replanifică; cele aprobate sau plătite rămân așa cum sunt.
      </Typography>
      {detail.convention.state !== 'incetata' && <Button variant="outlined" onClick={() => setAdding(true)}>Adaugă act adițional</Button>}
      {isAdding && <AmendmentDialog detail={detail} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function AmendmentDialog({ detail, onClose }: { detail: ConventionDetail; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [form, setForm] = useState<AmendmentForm>(() => ({ ...emptyAmendmentForm(), number: String(detail.amendments.length + 1) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (field: Exclude<keyof AmendmentForm, 'units'>) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const setUnit = (unitId: string, key: 'beneficiaries' | 'total', value: string) =>
    setForm({ ...form, units: { ...form.units, [unitId]: { beneficiaries: '', total: '', ...form.units[unitId], [key]: value } } });
  const text = (field: Exclude<keyof AmendmentForm, 'units'>, label: string, size: number, extra: { placeholder?: string; helperText?: string; multiline?: boolean } = {}) => (
    <Grid size={{ xs: 12, md: size }}>
      <TextField label={label} value={form[field]} onChange={set(field)} placeholder={extra.placeholder} multiline={extra.multiline} error={!!errors[field]} helperText={errors[field] ?? extra.helperText} />
    </Grid>
  );
  const save = async () => {
    try {
      const amendment = await addAmendment(store, detail.convention.id, form);
      notify(`Actul adițional nr. ${amendment.number} a fost înregistrat.`);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(error.fields as Record<string, string>);
      else fail(error);
    }
  };
  const general = [errors.changes].filter(Boolean);
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="amendment-title">
      <DialogTitle id="amendment-title">Act adițional la convenția nr. {detail.convention.number}</DialogTitle>
      <DialogContent>
        <Grid container spacing={1.5} sx={{ pt: 0.5 }}>
          {text('number', 'Numărul actului adițional', 3)}
          {text('date', 'Data actului adițional', 3, { placeholder: 'zz.ll.aaaa' })}
          {text('effectiveFrom', 'Se aplică de la', 3, { placeholder: 'zz.ll.aaaa', helperText: 'Lunile anterioare rămân neschimbate' })}
          {text('decidingAct', 'Actul care a decis modificarea', 3, { placeholder: 'HCL nr. …' })}
          {text('reason', 'Motivul modificării', 12, { multiline: true })}
          {text('amount', 'Suma nouă a convenției (lei)', 4, { helperText: `În vigoare: ${formatLei(detail.terms.amount)}; gol = neschimbată` })}
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField select label="Ultima lună" value={form.lastMonth} onChange={set('lastMonth')} error={!!errors.lastMonth} helperText={errors.lastMonth ?? 'Gol = neschimbată'}>
              <MenuItem value="">neschimbată</MenuItem>
              {MONTH_NAMES.map((m, i) => <MenuItem key={m} value={String(i + 1)}>{m}</MenuItem>)}
            </TextField>
          </Grid>
        </Grid>
        <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>Modificări pe unități (în locul sumei convenției)</Typography>
        <Table size="small" aria-label="Modificări pe unități" sx={NOWRAP_AMOUNTS}>
          <TableHead>
            <TableRow>
              <TableCell>Unitatea</TableCell>
              <TableCell>Beneficiari/lună (acum {'→'} nou)</TableCell>
              <TableCell>Total unitate (acum {'→'} nou, lei)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {detail.terms.units.map((u) => (
              <TableRow key={u.unitId}>
                <TableCell>{u.unitName}{errors[`units.${u.unitId}`] && <Typography variant="caption" color="error" sx={{ display: 'block' }}>{errors[`units.${u.unitId}`]}</Typography>}</TableCell>
                <TableCell><TextField size="small" label={`Beneficiari noi: ${u.unitName}`} placeholder={String(u.beneficiariesPerMonth)} value={form.units[u.unitId]?.beneficiaries ?? ''} onChange={(e) => setUnit(u.unitId, 'beneficiaries', e.target.value)} /></TableCell>
                <TableCell><TextField size="small" label={`Total nou: ${u.unitName}`} placeholder={formatLei(u.annualTotal)} value={form.units[u.unitId]?.total ?? ''} onChange={(e) => setUnit(u.unitId, 'total', e.target.value)} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {general.length > 0 && <Typography color="error" sx={{ mt: 1 }}>{general.join(' ')}</Typography>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Anulează</Button>
        <Button variant="contained" onClick={() => void save()}>Înregistrează actul adițional</Button>
      </DialogActions>
    </Dialog>
  );
}
