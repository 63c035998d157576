import { Alert, Box, Button, Grid, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { FINANCE_FIELD_LABELS as L, isFinanceUnconfirmed, validateFinanceSettings, type FinanceSettings } from '../../../src/settings/finance';
import { formatRoDate } from '../../../src/validation/dates';
import { FormDate, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { submitForm, useForm } from '../../components/use-form';
import { useUnsavedChanges } from '../../navigation';
import { useWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';

const validate = (values: FinanceSettings) => validateFinanceSettings(values).errors;
/** The confirmation date is typed and shown as zz.ll.aaaa; it is stored as an ISO date. */
const forForm = (value: FinanceSettings): FinanceSettings => ({ ...value, confirmedOn: value.confirmedOn ? formatRoDate(value.confirmedOn) : '' });

function FinanceForm({ initial, version: initialVersion }: { initial: FinanceSettings; version: number }) {
  const store = useStore();
  const refusal = useWriteRefusal('settings'); // shared mode: only the administrator changes the settings
  const { notify, fail } = useNotifier();
  const form = useForm(forForm(initial), validate);
  const [version, setVersion] = useState(initialVersion);
  useUnsavedChanges('finance-form', form.isDirty);
  const save = () =>
    submitForm(form, () => store.settings.saveFinance(form.values, version), (saved) => {
      setVersion(version + 1);
      form.reset(forForm(saved));
      notify('Setările financiare au fost salvate.');
    }, fail);
  const text = (field: keyof FinanceSettings, size: number, helperText?: string) => (
    <Grid size={{ xs: 12, md: size }}>
      <FormText form={form} field={field} label={L[field]} helperText={helperText} />
    </Grid>
  );
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="finance-title">
      <Typography id="finance-title" variant="h6" component="h2" gutterBottom>Convenții și buget</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Clasificația bugetară a angajamentelor (capitolul 68.02 „Asigurări și asistență socială”, fix) și termenii impliciți ai convențiilor noi.
      </Typography>
      {isFinanceUnconfirmed(initial) && (
        <Alert severity="warning" sx={{ mb: 2 }} aria-label="Valori implicite de confirmat">
          Valori de confirmat: titlul/articolul bugetar (implicit 59.11 „Asociații și fundații”, dedus [I], necitit într-un act) și ziua de depunere a decontului (implicit 10, practică uzuală [I]). Confirmați-le cu Direcția Economică și completați cine și când le-a confirmat.
        </Alert>
      )}
      <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Grid container spacing={1.5}>
          {text('authority', 12)}
          {text('budgetSubchapter', 3)}
          {text('budgetTitleArticle', 3, 'de exemplu 59.11')}
          {text('budgetTitleArticleLabel', 6)}
          {text('submissionDay', 4, 'Între 1 și 28; fiecare convenție o poate stabili altfel')}
          {text('confirmedBy', 4)}
          <Grid size={{ xs: 12, md: 4 }}>
            <FormDate form={form} field="confirmedOn" label={L.confirmedOn} />
          </Grid>
        </Grid>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={!form.isDirty || refusal !== undefined}>Salvează valorile financiare</Button>
          {form.isDirty && <Button onClick={() => form.reset(forForm(initial))}>Renunță</Button>}
          {refusal && <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>{refusal}</Typography>}
        </Stack>
      </Box>
    </Paper>
  );
}

/** The finance settings for conventions, shown as defaults to confirm until someone confirms them. */
export function FinancePanel() {
  const store = useStore();
  const [initial, setInitial] = useState<{ value: FinanceSettings; version: number } | null>(null);
  useEffect(() => {
    void store.settings.getFinanceVersioned().then(setInitial);
  }, [store]);
  return initial ? <FinanceForm initial={initial.value} version={initial.version} /> : null;
}
