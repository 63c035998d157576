import { Alert, AlertTitle, Box, Button, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { INSTITUTION_FIELD_LABELS as L, signatureWarnings, validateInstitutionSettings, type InstitutionSettings } from '../../../src/settings/institution';
import { FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { submitForm, useForm } from '../../components/use-form';
import { useUnsavedChanges } from '../../navigation';
import { useSharedSession, useWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { BackupPanel } from './backup-panel';
import { DemoPanel } from './demo-panel';
import { FinancePanel } from './finance-panel';
import { ServerPanel } from './server-panel';
import { StoragePanel } from './storage-panel';

const validate = (values: InstitutionSettings) => validateInstitutionSettings(values).errors;

function InstitutionForm({ initial, version: initialVersion }: { initial: InstitutionSettings; version: number }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const form = useForm(initial, validate);
  const [version, setVersion] = useState(initialVersion);
  const session = useSharedSession();
  const refusal = useWriteRefusal('settings'); // shared mode: only the administrator changes the settings
  useUnsavedChanges('institution-form', form.isDirty);

  const save = () =>
    submitForm(
      form,
      () => store.settings.saveInstitution(form.values, version),
      (saved) => {
        setVersion(version + 1);
        form.reset(saved);
        notify('Setările instituției au fost salvate.');
      },
      fail,
    );

  const text = (field: keyof InstitutionSettings, size: number, required = false) => (
    <Grid size={{ xs: 12, md: size }}>
      <FormText form={form} field={field} label={L[field]} required={required} />
    </Grid>
  );

  const missing = signatureWarnings(form.values);
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="institution-title">
      <Typography id="institution-title" variant="h6" component="h2" gutterBottom>Instituția</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Aceste date apar în antetul și în blocul de semnături al documentelor generate.
      </Typography>
      {missing.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} aria-label="Semnături incomplete">
          <AlertTitle>Documentele emise ar avea semnături fără nume</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {missing.map((m) => <li key={m}>{m}</li>)}
          </Box>
        </Alert>
      )}
      <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <Grid container spacing={1.5}>
          {text('parentAuthority', 6)}
          {text('name', 6, true)}
          {text('department', 6)}
          {text('address', 6)}
          {text('cui', 3)}
          {text('phone', 3)}
          {text('email', 6)}
          {text('headOfInstitution', 6)}
          {text('headOfInstitutionTitle', 6)}
          {text('headOfService', 6)}
          {text('headOfServiceTitle', 6)}
          {text('commissionSecretary', 6)}
          {session.mode === 'shared' ? (
            <Grid size={{ xs: 12, md: 6 }}>
              {/* Shared mode: the audit author is the login, not a free-text setting. */}
              <TextField label="Autorul modificărilor în jurnal" value={session.login} size="small" fullWidth slotProps={{ input: { readOnly: true } }} helperText="În modul partajat, autorul este utilizatorul autentificat pe server." />
            </Grid>
          ) : (
            text('userName', 6)
          )}
          <Grid size={12}>
            <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>Semnatarii convențiilor (pentru municipiu)</Typography>
          </Grid>
          {text('mayor', 4)}
          {text('economicDirector', 4)}
          {text('legalDirector', 4)}
        </Grid>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button type="submit" variant="contained" disabled={!form.isDirty || refusal !== undefined}>Salvează setările</Button>
          {form.isDirty && <Button onClick={() => form.reset(initial)}>Renunță</Button>}
          {refusal && <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }}>{refusal}</Typography>}
        </Stack>
      </Box>
    </Paper>
  );
}

export function SettingsScreen() {
  const store = useStore();
  const [initial, setInitial] = useState<{ value: InstitutionSettings; version: number } | null>(null);
  useEffect(() => {
    void store.settings.getInstitutionVersioned().then(setInitial);
  }, [store]);
  return (
    <Box sx={{ overflow: 'auto', flexGrow: 1 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>Setări</Typography>
      <Stack spacing={2} sx={{ maxWidth: 1100 }}>
        {initial && <InstitutionForm initial={initial.value} version={initial.version} />}
        <ServerPanel />
        <FinancePanel />
        <BackupPanel />
        <StoragePanel />
        <DemoPanel />
      </Stack>
    </Box>
  );
}
