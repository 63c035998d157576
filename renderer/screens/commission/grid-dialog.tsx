import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, Chip, Dialog, DialogContent, DialogTitle, Grid, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  emptyScoringGrid, gridReadiness, SCORING_GRID_FIELD_LABELS as L, validateScoringGrid, type GridCriterion, type GridLike, type ScoringGrid, type ScoringGridDraft,
} from '../../../src/commission/scoring-grid';
import { formatDecimal } from '../../../src/money';
import { FUNDING_LAWS } from '../../../src/rounds/funding-round';
import { FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

/** Points as typed ("7,5"); empty = de completat. */
interface SubForm { code: string; title: string; max: string }
interface CriterionForm { code: string; title: string; guidance: string; max: string; min: string; subs: SubForm[] }
type GridForm = Omit<ScoringGridDraft, 'criteria' | 'minTotal'> & { criteria: CriterionForm[]; minTotal: string };

const pointsText = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatDecimal(n, Number.isInteger(n) ? 0 : 2));
const points = (text: string): number | null => (text.trim() === '' ? null : Number(text.trim().replace(',', '.')));

function toForm(g: ScoringGridDraft): GridForm {
  return {
    ...g,
    minTotal: pointsText(g.minTotal),
    criteria: g.criteria.map((c) => ({
      code: c.code, title: c.title, guidance: c.guidance, max: pointsText(c.maxPoints), min: pointsText(c.minPoints),
      subs: (c.subcriteria ?? []).map((s) => ({ code: s.code, title: s.title, max: pointsText(s.maxPoints) })),
    })),
  };
}

function toDraft(f: GridForm): ScoringGridDraft {
  return {
    ...f,
    minTotal: points(f.minTotal),
    criteria: f.criteria.map((c): GridCriterion => ({
      code: c.code, title: c.title, guidance: c.guidance, maxPoints: points(c.max),
      ...(c.min.trim() !== '' ? { minPoints: points(c.min) } : {}),
      ...(c.subs.length > 0 ? { subcriteria: c.subs.map((s) => ({ code: s.code, title: s.title, maxPoints: points(s.max) })) } : {}),
    })),
  };
}

const validate = (f: GridForm) => validateScoringGrid(toDraft(f)).errors as Record<string, string>;

/** Creates or edits a scoring grid; a shipped grid opens as a copy to fill in. */
export function GridDialog({ grid, onClose }: { grid?: GridLike & { isShipped?: boolean }; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const isCopy = !!grid?.isShipped;
  const [current, setCurrent] = useState<ScoringGrid | undefined>(grid && !grid.isShipped ? (grid as ScoringGrid) : undefined);
  const initial: ScoringGridDraft = grid
    ? // A copy of the shipped grid starts without its "to be filled in" source and notes: the act that approves the grid goes there.
      { name: isCopy ? `${grid.name} (completată)` : grid.name, law: grid.law, criteria: grid.criteria, minTotal: grid.minTotal, source: isCopy ? '' : grid.source, references: grid.references, notes: isCopy ? '' : grid.notes }
    : emptyScoringGrid();
  const form = useForm(toForm(initial), validate);
  useUnsavedChanges('grid-form', form.isDirty || (isCopy && !current));
  const criteria = form.values.criteria;
  const setCriterion = (i: number, patch: Partial<CriterionForm>) => form.setField('criteria', criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const draft = toDraft(form.values);
  const readiness = gridReadiness(draft);
  const maxSum = draft.criteria.reduce((s, c) => s + (c.maxPoints ?? 0), 0);

  const save = () =>
    submitForm(
      form,
      () => (current ? store.grids.update(current.id, toDraft(form.values), current.version) : store.grids.create(toDraft(form.values))),
      (saved) => {
        setCurrent(saved);
        form.reset(toForm(saved));
        notify(current ? `Grila „${saved.name}” a fost salvată.` : `Grila „${saved.name}” a fost creată.`);
      },
      fail,
    );

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="lg" fullWidth aria-labelledby="grid-title">
      <DialogTitle id="grid-title">
        {current ? current.name : isCopy ? 'Completarea grilei livrate (copie)' : 'Grilă de evaluare nouă'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <DialogContent>
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
          <Grid container spacing={1.5}>
            <Grid size={{ xs: 12, md: 8 }}><FormText form={form} field="name" label={L.name} required /></Grid>
            <Grid size={{ xs: 12, md: 4 }}><FormSelect form={form} field="law" label={L.law} options={FUNDING_LAWS} /></Grid>
            <Grid size={{ xs: 12, md: 8 }}><FormText form={form} field="source" label={L.source} required multiline helperText="ex. HCL nr. …/… privind aprobarea grilei, anexa 2" /></Grid>
            <Grid size={{ xs: 12, md: 4 }}><FormText form={form} field="minTotal" label={L.minTotal} helperText={`gol = de completat; 0 = fără prag; maximum grilă: ${formatDecimal(maxSum, 0)}`} /></Grid>
          </Grid>
          <Typography variant="subtitle2" sx={{ mt: 2, mb: 1 }}>Criterii</Typography>
          {form.visibleError('criteria') && <Alert severity="error" sx={{ mb: 1 }}>{form.visibleError('criteria')}</Alert>}
          {criteria.map((c, i) => {
            const error = form.errors[`criteria.${i}`] && (form.visibleError('criteria') || form.visibleError('name')) ? form.errors[`criteria.${i}`] : undefined;
            return (
              <Paper key={i} variant="outlined" sx={{ p: 1, mb: 1 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <TextField sx={{ width: 130 }} label={`Cod (criteriul ${i + 1})`} value={c.code} onChange={(e) => setCriterion(i, { code: e.target.value })} />
                  <TextField sx={{ flex: 2 }} label={`Criteriul ${i + 1}`} value={c.title} onChange={(e) => setCriterion(i, { title: e.target.value })} />
                  <TextField sx={{ width: 120 }} label={`Maxim (criteriul ${i + 1})`} value={c.max} onChange={(e) => setCriterion(i, { max: e.target.value })} />
                  <TextField sx={{ width: 120 }} label={`Minim (criteriul ${i + 1})`} value={c.min} onChange={(e) => setCriterion(i, { min: e.target.value })} />
                  <IconButton aria-label={`Șterge criteriul ${i + 1}`} onClick={() => form.setField('criteria', criteria.filter((_c, j) => j !== i))}><DeleteIcon /></IconButton>
                </Stack>
                <TextField sx={{ mt: 1 }} size="small" label={`Îndrumări pentru evaluatori (criteriul ${i + 1})`} value={c.guidance} multiline onChange={(e) => setCriterion(i, { guidance: e.target.value })} />
                {c.subs.map((s, k) => (
                  <Stack key={k} direction="row" spacing={1} sx={{ mt: 1, ml: 4 }}>
                    <TextField size="small" sx={{ width: 130 }} label={`Cod subcriteriu ${i + 1}.${k + 1}`} value={s.code} onChange={(e) => setCriterion(i, { subs: c.subs.map((x, m) => (m === k ? { ...x, code: e.target.value } : x)) })} />
                    <TextField size="small" sx={{ flex: 1 }} label={`Subcriteriul ${i + 1}.${k + 1}`} value={s.title} onChange={(e) => setCriterion(i, { subs: c.subs.map((x, m) => (m === k ? { ...x, title: e.target.value } : x)) })} />
                    <TextField size="small" sx={{ width: 120 }} label={`Maxim ${i + 1}.${k + 1}`} value={s.max} onChange={(e) => setCriterion(i, { subs: c.subs.map((x, m) => (m === k ? { ...x, max: e.target.value } : x)) })} />
                    <IconButton aria-label={`Șterge subcriteriul ${i + 1}.${k + 1}`} onClick={() => setCriterion(i, { subs: c.subs.filter((_x, m) => m !== k) })}><DeleteIcon /></IconButton>
                  </Stack>
                ))}
                <Button size="small" sx={{ ml: 4, mt: 0.5 }} onClick={() => setCriterion(i, { subs: [...c.subs, { code: `${c.code}.${c.subs.length + 1}`, title: '', max: '' }] })}>Adaugă subcriteriu</Button>
                {error && <Typography variant="body2" color="error">{error}</Typography>}
              </Paper>
            );
          })}
          <Button startIcon={<AddIcon />} onClick={() => form.setField('criteria', [...criteria, { code: `C${criteria.length + 1}`, title: '', guidance: '', max: '', min: '', subs: [] }])}>Adaugă criteriu</Button>
          {readiness.length > 0 ? (
            <Alert severity="warning" sx={{ mt: 2 }}>
              Nu se poate puncta pe această grilă până nu se completează: {readiness.map((r) => r.text).join(' ')}
            </Alert>
          ) : (
            <Alert severity="success" sx={{ mt: 2 }}>Grila este completă: {criteria.length} criterii, maximum {formatDecimal(maxSum, 0)} puncte.</Alert>
          )}
          <FormText form={form} field="notes" label={L.notes} multiline minRows={2} sx={{ mt: 2 }} />
          <button type="submit" hidden />
        </Box>
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} saveLabel="Salvează grila" isSaveDisabled={!form.isDirty && !!current} />
    </Dialog>
  );
}
