import { Alert, Box, Dialog, DialogContent, DialogTitle, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { DAY_COUNT_KINDS, type DayCountKind } from '../../../src/calendar/working-days';
import { APPEAL_RULES_NOTE } from '../../../src/commission/appeals';
import { emptyRoundEvaluation, ROUND_EVALUATION_FIELD_LABELS as L, validateRoundEvaluation, type RoundEvaluation, type RoundEvaluationDraft } from '../../../src/commission/round-evaluation';
import { gridReadiness } from '../../../src/commission/scoring-grid';
import type { FundingRound } from '../../../src/rounds/funding-round';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

interface EvaluationForm {
  commissionId: string;
  gridId: string;
  notifiedOn: string;
  decisionAct: string;
  appealDays: string;
  appealDayKind: DayCountKind;
  resolutionDays: string;
  resolutionDayKind: DayCountKind;
  discrepancyMargin: string;
  allocationOverride: '' | 'partial' | 'none';
  notes: string;
}

function toForm(e: RoundEvaluationDraft): EvaluationForm {
  const allocation = e.ruleOverrides.allocation;
  return {
    commissionId: e.commissionId,
    gridId: e.gridId,
    notifiedOn: formatRoDate(e.notifiedOn),
    decisionAct: e.decisionAct,
    appealDays: String(e.appealRules.appealDays),
    appealDayKind: e.appealRules.appealDayKind,
    resolutionDays: String(e.appealRules.resolutionDays),
    resolutionDayKind: e.appealRules.resolutionDayKind,
    discrepancyMargin: e.ruleOverrides.discrepancyMargin === undefined || e.ruleOverrides.discrepancyMargin === null ? '' : String(e.ruleOverrides.discrepancyMargin),
    allocationOverride: allocation ? (allocation.allowPartialLast ? 'partial' : 'none') : '',
    notes: e.notes,
  };
}

function toDraft(f: EvaluationForm, base: RoundEvaluationDraft): RoundEvaluationDraft {
  const ruleOverrides: RoundEvaluationDraft['ruleOverrides'] = { ...base.ruleOverrides };
  delete ruleOverrides.discrepancyMargin;
  delete ruleOverrides.allocation;
  if (f.discrepancyMargin.trim() !== '') ruleOverrides.discrepancyMargin = Number(f.discrepancyMargin.replace(',', '.'));
  if (f.allocationOverride) ruleOverrides.allocation = { allowPartialLast: f.allocationOverride === 'partial', skipToNextThatFits: false };
  return {
    ...base,
    commissionId: f.commissionId,
    gridId: f.gridId,
    notifiedOn: f.notifiedOn.trim() === '' ? undefined : f.notifiedOn,
    decisionAct: f.decisionAct,
    notes: f.notes,
    ruleOverrides,
    appealRules: { appealDays: Number(f.appealDays), appealDayKind: f.appealDayKind, resolutionDays: Number(f.resolutionDays), resolutionDayKind: f.resolutionDayKind },
  };
}

/** Which commission and grid evaluate the round, the round's own rules, the appeal terms. */
export function EvaluationDialog({ round, evaluation, onClose }: { round: FundingRound; evaluation?: RoundEvaluation; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const commissions = useLiveQuery(() => store.commissions.list(), [store]) ?? [];
  const grids = useLiveQuery(() => store.grids.listAll(), [store]) ?? [];
  const [current, setCurrent] = useState(evaluation);
  const base = current ?? emptyRoundEvaluation(round.id);
  const validate = (f: EvaluationForm) => {
    const errors = validateRoundEvaluation(toDraft(f, base)).errors as Record<string, string>;
    if (errors.appealRules) errors.appealDays = errors.appealRules;
    return errors;
  };
  const form = useForm(toForm(base), validate);
  useUnsavedChanges('evaluation-form', form.isDirty);
  const grid = grids.find((g) => g.id === form.values.gridId);
  const isLocked = !!current?.lock.isLocked;

  const save = () =>
    submitForm(
      form,
      () => (current ? store.evaluations.update(current.id, toDraft(form.values, base), current.version) : store.evaluations.create(toDraft(form.values, base))),
      (saved) => {
        setCurrent(saved);
        form.reset(toForm(saved));
        notify('Setările evaluării au fost salvate.');
        onClose();
      },
      fail,
    );

  const field = (name: keyof EvaluationForm, label: string, props: Record<string, unknown> = {}) => (
    <TextField label={label} value={form.values[name]} onChange={(e) => form.setField(name, e.target.value as never)} error={!!form.visibleError(name)} helperText={form.visibleError(name) ?? (props.helperText as string | undefined)} {...props} />
  );

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="md" fullWidth aria-labelledby="evaluation-title">
      <DialogTitle id="evaluation-title">Evaluarea rundei „{round.name}”</DialogTitle>
      <DialogContent>
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
          {isLocked && <Alert severity="info" sx={{ mb: 1.5 }}>Rezultatele sunt finale: comisia, grila și regulile nu se mai pot schimba; data comunicării, actul de aprobare și termenele contestațiilor se pot completa.</Alert>}
          <Grid container spacing={1.5}>
            <Grid size={{ xs: 12, md: 6 }}>
              {field('commissionId', L.commissionId, { select: true, required: true, disabled: isLocked, children: commissions.map((c) => <MenuItem key={c.id} value={c.id}>{c.name}</MenuItem>) })}
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              {field('gridId', L.gridId, { select: true, required: true, disabled: isLocked, children: grids.map((g) => <MenuItem key={g.id} value={g.id}>{g.name}{gridReadiness(g).length ? ' (de completat)' : ''}</MenuItem>) })}
            </Grid>
            {grid && gridReadiness(grid).length > 0 && <Grid size={12}><Alert severity="warning">Grila aleasă are valori de completat; punctarea nu va fi permisă până la completarea ei (Comisie → Grile de evaluare).</Alert></Grid>}
            <Grid size={{ xs: 12, md: 6 }}>{field('discrepancyMargin', 'Diferența de punctaj semnalată în această rundă', { helperText: 'gol = regula comisiei', disabled: isLocked })}</Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              {field('allocationOverride', 'Alocarea bugetului în această rundă', {
                select: true, disabled: isLocked,
                children: [<MenuItem key="" value="">după regula comisiei</MenuItem>, <MenuItem key="partial" value="partial">ultima cerere primește restul bugetului</MenuItem>, <MenuItem key="none" value="none">fără alocare parțială</MenuItem>],
              })}
            </Grid>
            <Grid size={12}><Typography variant="subtitle2" sx={{ mt: 1 }}>Rezultate și contestații</Typography></Grid>
            <Grid size={{ xs: 12, md: 4 }}>{field('notifiedOn', L.notifiedOn, { placeholder: 'zz.ll.aaaa' })}</Grid>
            <Grid size={{ xs: 12, md: 8 }}>{field('decisionAct', L.decisionAct, { helperText: 'ex. HCL nr. …/… sau Dispoziția directorului executiv nr. …' })}</Grid>
            <Grid size={{ xs: 6, md: 3 }}>{field('appealDays', 'Termen contestații (zile)')}</Grid>
            <Grid size={{ xs: 6, md: 3 }}>{field('appealDayKind', 'Tipul zilelor (depunere)', { select: true, children: Object.entries(DAY_COUNT_KINDS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>) })}</Grid>
            <Grid size={{ xs: 6, md: 3 }}>{field('resolutionDays', 'Termen soluționare (zile)')}</Grid>
            <Grid size={{ xs: 6, md: 3 }}>{field('resolutionDayKind', 'Tipul zilelor (soluționare)', { select: true, children: Object.entries(DAY_COUNT_KINDS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>) })}</Grid>
            <Grid size={12}><Typography variant="body2" color="text.secondary">{APPEAL_RULES_NOTE}</Typography></Grid>
            <Grid size={12}>{field('notes', L.notes, { multiline: true, minRows: 2 })}</Grid>
          </Grid>
          <button type="submit" hidden />
        </Box>
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} />
    </Dialog>
  );
}
