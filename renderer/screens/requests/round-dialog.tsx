import { Box, Checkbox, Chip, Dialog, DialogContent, DialogTitle, FormControl, FormControlLabel, FormGroup, FormLabel, Grid, Tab, Tabs } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { formatDecimal, formatLei, parseLei } from '../../../src/money';
import { DOSSIER_ITEMS } from '../../../src/requests/dossier';
import {
  ASSESSMENT_DATE_BASES, DEFAULT_COMPLETION_WORKING_DAYS, duplicateRoundNameError, emptyFundingRound, followingRoundName, FUNDING_LAWS, FUNDING_ROUND_FIELD_LABELS as L, parsePercent, ROUND_STATUSES, validateFundingRound, type FundingRound, type FundingRoundDraft,
} from '../../../src/rounds/funding-round';
import { formatRoDate } from '../../../src/validation/dates';
import { AuditHistory } from '../../components/audit-history';
import { FormDate, FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm, type FormApi } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

/** The form keeps the budget, the year and the share as typed text; the draft holds bani and numbers. */
type RoundForm = Omit<FundingRoundDraft, 'budget' | 'year' | 'maxShareBasisPoints' | 'completionWorkingDays'> & {
  budget: string;
  year: string;
  maxShareBasisPoints: string;
  completionWorkingDays: string;
};

/** The supporting dossier items a round may make mandatory (those of HG 1153/2001 art. 4 alin. (1) always are). */
const SUPPORTING_ITEMS = DOSSIER_ITEMS.filter((item) => !item.isRefusalGround);

function toForm(round: FundingRound | undefined, year: number): RoundForm {
  const draft = round ?? emptyFundingRound(year);
  return {
    law: draft.law,
    year: String(draft.year),
    name: draft.name,
    budget: round ? formatLei(round.budget).replace(' lei', '') : '',
    submissionStart: formatRoDate(draft.submissionStart),
    submissionEnd: formatRoDate(draft.submissionEnd),
    legalBasis: draft.legalBasis,
    status: draft.status,
    maxShareBasisPoints: draft.maxShareBasisPoints ? formatDecimal(draft.maxShareBasisPoints / 100, draft.maxShareBasisPoints % 100 ? 2 : 0) : '',
    maxShareSource: draft.maxShareSource ?? '',
    // Rounds stored before these fields were kept: the deadline, no extra mandatory items, the app's default term.
    assessmentDateBasis: draft.assessmentDateBasis ?? 'termen_depunere',
    mandatoryDossierItems: draft.mandatoryDossierItems ?? [],
    completionWorkingDays: String(draft.completionWorkingDays ?? DEFAULT_COMPLETION_WORKING_DAYS),
    notes: draft.notes,
  };
}

function toDraft(form: RoundForm): FundingRoundDraft {
  const share = form.maxShareBasisPoints.trim();
  return {
    ...form,
    year: Number(form.year),
    budget: parseLei(form.budget) ?? (NaN as FundingRoundDraft['budget']),
    maxShareBasisPoints: share === '' ? null : (parsePercent(share) ?? NaN),
    completionWorkingDays: /^\s*\d+\s*$/.test(form.completionWorkingDays) ? Number(form.completionWorkingDays) : NaN,
  };
}

const validate = (form: RoundForm) => {
  const errors = validateFundingRound(toDraft(form)).errors;
  if (form.budget.trim() !== '' && parseLei(form.budget) === undefined) errors.budget = `„${form.budget}” nu este o sumă în lei (de ex. 1.537.120,00).`;
  if (!/^\s*\d+\s*$/.test(form.completionWorkingDays)) errors.completionWorkingDays = `„${form.completionWorkingDays}” nu este un număr de zile lucrătoare (de ex. 5).`;
  if (form.maxShareBasisPoints.trim() !== '' && parsePercent(form.maxShareBasisPoints) === undefined) errors.maxShareBasisPoints = `„${form.maxShareBasisPoints}” nu este un procent (de ex. 90 sau 87,5).`;
  return errors;
};

export function RoundDialog({ round, onClose }: { round?: FundingRound; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const [current, setCurrent] = useState(round);
  const [tab, setTab] = useState(0);
  const others = useLiveQuery(() => store.rounds.list(), [store]);
  // The pure rules, and a name already used by another round flagged as it is typed.
  const validateAgainstOthers = useCallback(
    (values: RoundForm) => {
      const errors = validate(values);
      const duplicate = duplicateRoundNameError(values.name, others ?? [], current?.id);
      return duplicate && !errors.name ? { ...errors, name: duplicate } : errors;
    },
    [others, current?.id],
  );
  const base = useForm(toForm(round, new Date().getFullYear() + 1), validateAgainstOthers);
  // A new round's name follows its law and budget year until the user writes one of their own.
  const form: FormApi<RoundForm> = current
    ? base
    : {
        ...base,
        setField: (field, value) => {
          base.setField(field, value);
          if (field === 'year' || field === 'law') {
            const next = { law: base.values.law, year: base.values.year, [field]: value } as Pick<RoundForm, 'law' | 'year'>;
            const name = followingRoundName(base.values, next);
            if (name !== base.values.name) base.setField('name', name);
          }
        },
      };
  useUnsavedChanges('round-form', form.isDirty);

  const save = () =>
    submitForm(
      form,
      () => (current ? store.rounds.update(current.id, toDraft(form.values), current.version) : store.rounds.create(toDraft(form.values))),
      (saved) => {
        setCurrent(saved);
        form.reset(toForm(saved, saved.year));
        notify(current ? `Runda „${saved.name}” a fost actualizată.` : `Runda „${saved.name}” a fost creată.`);
      },
      fail,
    );

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="md" fullWidth aria-labelledby="round-title">
      <DialogTitle id="round-title">
        {current ? current.name : 'Rundă de finanțare nouă'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <Tabs value={tab} onChange={(_e, v: number) => setTab(v)} sx={{ px: 3, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label="Date" />
        <Tab label="Istoric modificări" disabled={!current} />
      </Tabs>
      <DialogContent sx={{ minHeight: 320 }}>
        {tab === 0 && (
          <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 8 }}><FormSelect form={form} field="law" label={L.law} options={FUNDING_LAWS} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="year" label={L.year} required slotProps={{ htmlInput: { inputMode: 'numeric' } }} /></Grid>
              <Grid size={{ xs: 6, md: 2 }}><FormSelect form={form} field="status" label={L.status} options={ROUND_STATUSES} /></Grid>
              <Grid size={12}><FormText form={form} field="name" label={L.name} required /></Grid>
              <Grid size={{ xs: 12, md: 4 }}><FormText form={form} field="budget" label={L.budget} required helperText="ex. 2.215.615,00" /></Grid>
              <Grid size={{ xs: 6, md: 4 }}><FormDate form={form} field="submissionStart" label={L.submissionStart} required /></Grid>
              <Grid size={{ xs: 6, md: 4 }}><FormDate form={form} field="submissionEnd" label={L.submissionEnd} required /></Grid>
              <Grid size={12}><FormText form={form} field="legalBasis" label={L.legalBasis} helperText="ex. HCL nr. …/… privind aprobarea bugetului" /></Grid>
              <Grid size={{ xs: 12, md: 4 }}><FormText form={form} field="maxShareBasisPoints" label={L.maxShareBasisPoints} helperText="gol = fără limită; ex. 90" /></Grid>
              <Grid size={{ xs: 12, md: 8 }}><FormText form={form} field="maxShareSource" label={L.maxShareSource} helperText="obligatoriu când este stabilită o cotă" /></Grid>
              <Grid size={{ xs: 12, md: 8 }}>
                <FormSelect form={form} field="assessmentDateBasis" label={L.assessmentDateBasis} options={ASSESSMENT_DATE_BASES} helperText="HG 1153/2001 art. 4: dosarul complet și valabil la termenul de depunere, dacă anunțul nu spune altfel" />
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <FormText form={form} field="completionWorkingDays" label={L.completionWorkingDays} helperText={`implicit: ${DEFAULT_COMPLETION_WORKING_DAYS} (regula aplicației)`} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
              </Grid>
              <Grid size={12}>
                <FormControl component="fieldset" error={!!form.visibleError('mandatoryDossierItems')}>
                  <FormLabel component="legend">{L.mandatoryDossierItems}</FormLabel>
                  <FormGroup row>
                    {SUPPORTING_ITEMS.map((item) => (
                      <FormControlLabel
                        key={item.code}
                        label={item.label}
                        sx={{ width: { xs: '100%', md: '48%' } }}
                        control={
                          <Checkbox
                            size="small"
                            checked={form.values.mandatoryDossierItems?.includes(item.code) ?? false}
                            onChange={(e) => {
                              const current = form.values.mandatoryDossierItems ?? [];
                              form.setField('mandatoryDossierItems', e.target.checked ? [...current, item.code] : current.filter((c) => c !== item.code));
                            }}
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                  <Box component="span" sx={{ typography: 'caption', color: form.visibleError('mandatoryDossierItems') ? 'error.main' : 'text.secondary' }}>
                    {form.visibleError('mandatoryDossierItems') ??
                      'Documentele din HG 1153/2001 art. 4 alin. (1) sunt întotdeauna obligatorii. Un document suplimentar bifat aici, lipsă, face cererea neeligibilă; nebifat, se cere prin notificarea privind documentele lipsă.'}
                  </Box>
                </FormControl>
              </Grid>
              <Grid size={12}><FormText form={form} field="notes" label={L.notes} multiline minRows={2} /></Grid>
            </Grid>
            <button type="submit" hidden />
          </Box>
        )}
        {tab === 1 && current && <AuditHistory entity="rounds" entityId={current.id} labels={L} />}
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} isSaveDisabled={!form.isDirty && !!current} />
    </Dialog>
  );
}
