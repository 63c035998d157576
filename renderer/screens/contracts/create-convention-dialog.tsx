import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { ConventionResult } from '../../../src/conventions/convention';
import { ValidationError } from '../../../src/errors';
import { formatLei } from '../../../src/money';
import { describeMonths, MONTH_NAMES } from '../../../src/requests/subsidy-request';
import { isFinanceUnconfirmed } from '../../../src/settings/finance';
import { useNotifier } from '../../components/notifier';
import { createConvention, emptyConventionForm, prepareConvention, type Award, type ConventionForm } from '../../services/conventions';
import { useStore } from '../../store-context';

const FIELD_OF: Record<keyof ConventionForm, string> = {
  councilNumber: 'councilDecision.number',
  councilDate: 'councilDecision.date',
  number: 'number',
  date: 'date',
  firstMonth: 'firstMonth',
  submissionDay: 'submissionDay',
  financialOfficer: 'financialOfficer',
};

/**
 * Making the convention of a frozen award: the council's decision, the convention's number and
 * date, its first month and submission day; the units, ceilings and totals it would contain are
 * computed (by src/conventions) and shown before anything is saved.
 */
export function CreateConventionDialog({ award, onClose, onCreated }: { award: Award; onClose(): void; onCreated(id: string): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const finance = useLiveQuery(() => store.settings.getFinance(), [store]);
  const [values, setValues] = useState<ConventionForm | null>(null);
  const [preview, setPreview] = useState<ConventionResult | null>(null);
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    if (finance && !values) setValues(emptyConventionForm(finance));
  }, [finance, values]);
  useEffect(() => {
    if (!values) return;
    let isCurrent = true;
    void prepareConvention(store, award, values).then((r) => isCurrent && setPreview(r)).catch(fail);
    return () => {
      isCurrent = false;
    };
  }, [store, award, values, fail]);
  if (!values || !finance) return null;

  const set = (field: keyof ConventionForm) => (e: { target: { value: string } }) => {
    setValues({ ...values, [field]: e.target.value });
    setTouched((t) => new Set(t).add(field));
  };
  const errors = preview?.errors ?? {};
  const errorOf = (field: keyof ConventionForm) => (showAll || touched.has(field) ? (errors as Record<string, string>)[FIELD_OF[field]] : undefined);
  const text = (field: keyof ConventionForm, label: string, size: number, extra: { required?: boolean; helperText?: string; placeholder?: string } = {}) => (
    <Grid size={{ xs: 12, md: size }}>
      <TextField label={label} value={values[field]} onChange={set(field)} required={extra.required} placeholder={extra.placeholder} error={!!errorOf(field)} helperText={errorOf(field) ?? extra.helperText} />
    </Grid>
  );
  const otherErrors = Object.entries(errors).filter(([k]) => k === 'award' || k.startsWith('units.') || k.startsWith('provider.')).map(([, v]) => v);

  const save = async () => {
    setShowAll(true);
    if (!preview?.ok) return;
    setBusy(true);
    try {
      const convention = await createConvention(store, award, values);
      notify(`Convenția nr. ${convention.number} a fost încheiată (provizorie), cu planul de plăți.`);
      onCreated(convention.id);
    } catch (error) {
      if (error instanceof ValidationError) setPreview({ ok: false, errors: error.fields });
      else fail(error);
    } finally {
      setBusy(false);
    }
  };

  const draft = preview?.ok ? preview.value : undefined;
  return (
    <Dialog open onClose={onClose} maxWidth="lg" fullWidth aria-labelledby="create-convention-title">
      <DialogTitle id="create-convention-title">Convenție nouă: {award.organizationName}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Cererea nr. {award.label}, {award.round.name}: {formatLei(award.allocated)} alocați în rezultatele finale. Convenția se încheie după hotărârea consiliului local care aprobă lista unităților și nivelurile.
        </Typography>
        <Grid container spacing={1.5} sx={{ pt: 0.5 }}>
          {text('councilNumber', 'Numărul HCL', 3, { required: true, placeholder: '818/2026' })}
          {text('councilDate', 'Data HCL', 3, { required: true, placeholder: 'zz.ll.aaaa' })}
          {text('number', 'Numărul convenției', 3, { required: true })}
          {text('date', 'Data convenției', 3, { required: true, placeholder: 'zz.ll.aaaa' })}
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField select label="Prima lună" value={values.firstMonth} onChange={set('firstMonth')} error={!!errorOf('firstMonth')} helperText={errorOf('firstMonth') ?? 'Implicit: prima lună atribuită'}>
              <MenuItem value="">prima lună atribuită</MenuItem>
              {MONTH_NAMES.map((m, i) => <MenuItem key={m} value={String(i + 1)}>{m}</MenuItem>)}
            </TextField>
          </Grid>
          {text('submissionDay', 'Ziua de depunere a decontului', 3, { helperText: isFinanceUnconfirmed(finance) ? `Din Setări: ${finance.submissionDay} — [I] valoare implicită, de confirmat` : `Din Setări: ${finance.submissionDay}` })}
          {text('financialOfficer', 'Responsabilul financiar al furnizorului', 6)}
        </Grid>
        {(showAll || touched.size > 0) && otherErrors.length > 0 && (
          <Alert severity="error" sx={{ mt: 2 }}>{otherErrors.map((e) => <div key={e}>{e}</div>)}</Alert>
        )}
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1 }}>Ce va cuprinde convenția</Typography>
        {draft ? (
          <Box>
            <Table size="small" aria-label="Unitățile convenției (calculate)">
              <TableHead>
                <TableRow>
                  <TableCell>Unitatea</TableCell>
                  <TableCell>Cod serviciu · licență</TableCell>
                  <TableCell align="right">Beneficiari/lună</TableCell>
                  <TableCell align="right">Nivel lunar</TableCell>
                  <TableCell>Lunile</TableCell>
                  <TableCell align="right">Plafon lunar</TableCell>
                  <TableCell align="right">Total</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {draft.units.map((u) => (
                  <TableRow key={u.unitId}>
                    <TableCell>{u.unitName}</TableCell>
                    <TableCell>{u.serviceCode} · nr. {u.licenceNumber}</TableCell>
                    <TableCell align="right">{u.beneficiariesPerMonth}</TableCell>
                    <TableCell align="right">{formatLei(u.monthlyLevel)}<Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">{u.levelSource}</Typography></TableCell>
                    <TableCell>{describeMonths(u.months)}</TableCell>
                    <TableCell align="right">{formatLei(u.monthlyCeiling)}</TableCell>
                    <TableCell align="right">{formatLei(u.annualTotal)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell colSpan={6}><strong>Suma convenției</strong></TableCell>
                  <TableCell align="right"><strong>{formatLei(draft.amount)}</strong></TableCell>
                </TableRow>
              </TableBody>
            </Table>
            {draft.allocationNotes.length > 0 && (
              <Alert severity="info" sx={{ mt: 1 }}>{draft.allocationNotes.map((n) => <div key={n}>{n}</div>)}</Alert>
            )}
          </Box>
        ) : (
          <Typography color="text.secondary">Completați hotărârea consiliului local, numărul și data convenției: unitățile și plafoanele apar aici înainte de salvare.</Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Anulează</Button>
        <Button variant="contained" disabled={isBusy} onClick={() => void save()}>Încheie convenția</Button>
      </DialogActions>
    </Dialog>
  );
}
