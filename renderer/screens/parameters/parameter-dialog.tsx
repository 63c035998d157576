import { Box, Chip, Dialog, DialogContent, DialogTitle, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback } from 'react';
import { formatParameterValue } from '../../../src/parameters/format';
import { SHIPPED_PARAMETER_DEFINITIONS } from '../../../src/parameters/shipped';
import type { ParameterDefinition } from '../../../src/parameters/types';
import { validateParameterValue } from '../../../src/parameters/validation';
import { formatRoDate } from '../../../src/validation/dates';
import { FormDate, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

interface ValueForm {
  validFrom: string;
  value: string;
  act: string;
  article: string;
  note: string;
}

const EMPTY: ValueForm = { validFrom: '', value: '', act: '', article: '', note: '' };

/** A parameter's history (every period, with its source) and the form to add a dated value. */
export function ParameterDialog({ definition, onClose }: { definition: ParameterDefinition; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const params = useLiveQuery(() => store.parameters.store(), [store]);
  const userValues = useLiveQuery(() => store.parameters.userValues(), [store]);
  const versions = useLiveQuery(() => store.parameters.userVersions(definition.key), [store, definition.key]);
  const validate = useCallback(
    (form: ValueForm) =>
      validateParameterValue(
        { key: definition.key, validFrom: form.validFrom, value: form.value, source: { act: form.act, article: form.article }, note: form.note },
        SHIPPED_PARAMETER_DEFINITIONS,
        (userValues ?? []).filter((v) => v.key === definition.key && formatRoDate(v.validFrom) !== form.validFrom.trim()),
      ).errors as Record<string, string>,
    [definition.key, userValues],
  );
  const form = useForm<ValueForm>(EMPTY, (values) => {
    const errors = validate(values);
    return { ...errors, ...(errors.source ? { act: errors.source } : {}) };
  });
  useUnsavedChanges('parameter-form', form.isDirty);

  const save = () =>
    submitForm(
      form,
      () => {
        const input = { key: definition.key, validFrom: form.values.validFrom, value: form.values.value, source: { act: form.values.act, article: form.values.article }, note: form.values.note };
        // The version of the value for that date as this window saw it (0: none yet).
        const seen = (userValues ?? []).find((v) => formatRoDate(v.validFrom) === form.values.validFrom.trim() || v.validFrom === form.values.validFrom.trim());
        return store.parameters.save(input, seen ? (versions?.get(seen.validFrom) ?? 1) : 0);
      },
      (saved) => {
        form.reset(EMPTY);
        notify(`Valoarea „${definition.label}” de la ${formatRoDate(saved.validFrom)} a fost salvată.`);
      },
      fail,
    );

  const periods = params?.periods(definition.key) ?? [];
  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="lg" fullWidth aria-labelledby="parameter-title">
      <DialogTitle id="parameter-title">{definition.label}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{definition.description} Unitate: {definition.unit}.</Typography>
        <Table size="small" aria-label="Istoricul valorilor">
          <TableHead>
            <TableRow>
              <TableCell>În vigoare</TableCell>
              <TableCell>Valoare</TableCell>
              <TableCell>Sursa</TableCell>
              <TableCell>Observații</TableCell>
              <TableCell>Origine</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {periods.map(({ entry, from, to }) => (
              <TableRow key={`${entry.key}@${entry.validFrom}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatRoDate(from)} – {to ? formatRoDate(to) : 'prezent'}</TableCell>
                <TableCell>{entry.value === null ? <Chip size="small" color="warning" label="de completat" /> : formatParameterValue(definition, entry)}</TableCell>
                <TableCell>{[entry.source.act, entry.source.article].filter(Boolean).join(', ')}{!entry.isVerified && entry.value !== null && <Chip size="small" variant="outlined" color="warning" label="neverificat" sx={{ ml: 0.5 }} />}</TableCell>
                <TableCell sx={{ maxWidth: 360 }}>{entry.note}</TableCell>
                <TableCell>{entry.origin === 'utilizator' ? 'adăugată în aplicație' : 'livrată'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="subtitle2" color="primary" sx={{ mt: 2, mb: 1 }}>Adaugă o valoare datată (de exemplu nivelul pentru anul următor)</Typography>
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Grid container spacing={1.5}>
            <Grid size={{ xs: 6, md: 2 }}><FormDate form={form} field="validFrom" label="În vigoare de la" required /></Grid>
            <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="value" label={`Valoarea (${definition.unit})`} helperText="gol = de completat" /></Grid>
            <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="act" label="Actul normativ" required helperText="ex. HCL nr. 123/2026" /></Grid>
            <Grid size={{ xs: 6, md: 4 }}><FormText form={form} field="article" label="Articol / anexă" /></Grid>
            <Grid size={12}><FormText form={form} field="note" label="Observații" /></Grid>
          </Grid>
          <button type="submit" hidden />
        </Box>
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} saveLabel="Salvează valoarea" isSaveDisabled={!form.isDirty} />
    </Dialog>
  );
}
