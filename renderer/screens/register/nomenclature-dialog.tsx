import {
  Alert, Box, Checkbox, Chip, Dialog, DialogContent, DialogTitle, FormControlLabel, Grid, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { SERVICE_FORM_LABELS, validateNomenclatureEntry, type NomenclatureEntry } from '../../../src/register/nomenclature';
import { queryTokens, matchesTokens } from '../../../src/tabular/search';
import { searchKey } from '../../../src/validation/diacritics';
import { QuickSearch } from '../../components/filter-bar';
import { FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

const EMPTY: NomenclatureEntry = { code: '', name: '', form: 'zi', targetGroup: '', verified: false, source: '' };
const validate = (values: NomenclatureEntry) => validateNomenclatureEntry(values).errors;

/**
 * The HG 867/2015 service codes the register uses: the shipped list (with what was checked
 * against an act and what was not) and the codes users add, e.g. from a newer amending act.
 */
export function NomenclatureDialog({ onClose }: { onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const entries = useLiveQuery(() => store.nomenclature.list(), [store]);
  const [query, setQuery] = useState('');
  const form = useForm<NomenclatureEntry>(EMPTY, validate);
  useUnsavedChanges('nomenclature-form', form.isDirty);

  const rows = useMemo(() => {
    const tokens = queryTokens(query);
    return (entries ?? []).filter((e) => matchesTokens(searchKey(`${e.code} ${e.name} ${e.targetGroup}`), tokens));
  }, [entries, query]);

  const save = () =>
    submitForm(
      form,
      () => {
        // The version of the code as this window saw it: a change made meanwhile elsewhere is a conflict.
        const code = validateNomenclatureEntry(form.values).value.code;
        const seen = (entries ?? []).find((e) => e.code === code && e.isCustom) as (NomenclatureEntry & { version?: number }) | undefined;
        return store.nomenclature.save(form.values, seen ? (seen.version ?? 1) : 0);
      },
      (saved) => {
        form.reset(EMPTY);
        notify(`Codul ${saved.code} a fost salvat în nomenclator.`);
      },
      fail,
    );

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="lg" fullWidth aria-labelledby="nomenclature-title">
      <DialogTitle id="nomenclature-title">Nomenclatorul serviciilor sociale (HG 867/2015)</DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 2 }}>
          Codurile marcate „neverificat” nu au fost confirmate în textul actului normativ; verificați-le înainte de a le folosi în documente oficiale. Un cod adăugat aici înlocuiește codul livrat cu același nume.
        </Alert>
        <QuickSearch value={query} onChange={setQuery} placeholder="cod, denumire, grup țintă…" />
        <TableContainer sx={{ maxHeight: 320, mt: 1 }}>
          <Table size="small" stickyHeader aria-label="Coduri de servicii sociale">
            <TableHead>
              <TableRow>
                <TableCell>Cod</TableCell>
                <TableCell>Denumire</TableCell>
                <TableCell>Forma</TableCell>
                <TableCell>Grup țintă</TableCell>
                <TableCell>Verificare</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((e) => (
                <TableRow key={e.code} hover onClick={() => guard(() => form.reset({ ...EMPTY, ...e }))} sx={{ cursor: 'pointer' }}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.code}</TableCell>
                  <TableCell>{e.name}</TableCell>
                  <TableCell>{SERVICE_FORM_LABELS[e.form]}</TableCell>
                  <TableCell>{e.targetGroup}</TableCell>
                  <TableCell>
                    {e.verified ? <Chip size="small" color="success" variant="outlined" label={e.source || 'verificat'} /> : <Chip size="small" color="warning" variant="outlined" label="neverificat" />}
                    {e.isCustom && <Chip size="small" sx={{ ml: 0.5 }} label="adăugat de utilizator" />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        <Typography variant="subtitle2" color="primary" sx={{ mt: 2, mb: 1 }}>Adaugă sau corectează un cod</Typography>
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Grid container spacing={1.5}>
            <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="code" label="Cod" required helperText="ex. 8790 CR-D-I" /></Grid>
            <Grid size={{ xs: 6, md: 4 }}><FormText form={form} field="name" label="Denumirea serviciului" required /></Grid>
            <Grid size={{ xs: 6, md: 2 }}><FormSelect form={form} field="form" label="Forma" options={SERVICE_FORM_LABELS} /></Grid>
            <Grid size={{ xs: 6, md: 4 }}><FormText form={form} field="targetGroup" label="Grup țintă" /></Grid>
            <Grid size={{ xs: 12, md: 3 }}>
              <FormControlLabel control={<Checkbox checked={form.values.verified} onChange={(e) => form.setField('verified', e.target.checked)} />} label="Verificat în actul normativ" />
            </Grid>
            <Grid size={{ xs: 12, md: 9 }}><FormText form={form} field="source" label="Sursa (act normativ, anexă)" /></Grid>
          </Grid>
          <button type="submit" hidden />
        </Box>
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} saveLabel="Salvează codul" isSaveDisabled={!form.isDirty} />
    </Dialog>
  );
}
