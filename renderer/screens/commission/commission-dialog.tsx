import { Box, Checkbox, Chip, Dialog, DialogContent, DialogTitle, FormControlLabel, Grid, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  COMMISSION_FIELD_LABELS as L, describeDecisionRule, describeQuorumRule, emptyCommission, validateCommission, validateCommissionRules, type Commission, type CommissionDraft, type QuorumRule,
} from '../../../src/commission/commission';
import { FUNDING_LAWS } from '../../../src/rounds/funding-round';
import { FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { useStore } from '../../store-context';

const QUORUM_KINDS: Record<QuorumRule['kind'], string> = {
  peste_jumatate: 'Mai mult de jumătate din membrii cu drept de vot',
  cel_putin_fractie: 'Cel puțin o fracție din membri (ex. 2/3)',
  numar_minim: 'Un număr minim de membri',
};

/** The form keeps numbers as typed text; the draft holds the rules. */
type CommissionForm = Omit<CommissionDraft, 'rules'> & {
  quorumKind: QuorumRule['kind'];
  quorumNumerator: string;
  quorumDenominator: string;
  quorumCount: string;
  discrepancyMargin: string;
  allowPartialLast: boolean;
  skipToNextThatFits: boolean;
  rules: CommissionDraft['rules'];
};

function toForm(c: CommissionDraft): CommissionForm {
  const q = c.rules.quorum;
  return {
    ...c,
    quorumKind: q.kind,
    quorumNumerator: q.kind === 'cel_putin_fractie' ? String(q.numerator) : '2',
    quorumDenominator: q.kind === 'cel_putin_fractie' ? String(q.denominator) : '3',
    quorumCount: q.kind === 'numar_minim' ? String(q.count) : '',
    discrepancyMargin: c.rules.discrepancyMargin === null ? '' : String(c.rules.discrepancyMargin).replace('.', ','),
    allowPartialLast: c.rules.allocation.allowPartialLast,
    skipToNextThatFits: c.rules.allocation.skipToNextThatFits,
  };
}

const number = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')));

function toDraft(f: CommissionForm): CommissionDraft {
  const quorum: QuorumRule =
    f.quorumKind === 'cel_putin_fractie'
      ? { kind: 'cel_putin_fractie', numerator: number(f.quorumNumerator), denominator: number(f.quorumDenominator) }
      : f.quorumKind === 'numar_minim'
        ? { kind: 'numar_minim', count: number(f.quorumCount) }
        : { kind: 'peste_jumatate' };
  return {
    name: f.name,
    law: f.law,
    legalBasis: f.legalBasis,
    notes: f.notes,
    rules: {
      ...f.rules,
      quorum,
      discrepancyMargin: f.discrepancyMargin.trim() === '' ? null : number(f.discrepancyMargin),
      allocation: { allowPartialLast: f.allowPartialLast, skipToNextThatFits: f.skipToNextThatFits },
    },
  };
}

const validate = (f: CommissionForm) => {
  const draft = toDraft(f);
  const { rules: _rules, ...errors }: Record<string, string | undefined> = validateCommission(draft).errors;
  const ruleErrors = validateCommissionRules(draft.rules);
  if (ruleErrors.quorum) errors[f.quorumKind === 'numar_minim' ? 'quorumCount' : 'quorumNumerator'] = ruleErrors.quorum;
  if (ruleErrors.discrepancyMargin) errors.discrepancyMargin = ruleErrors.discrepancyMargin;
  return Object.fromEntries(Object.entries(errors).filter(([, m]) => m)) as Record<string, string>;
};

/** A commission: its act of constitution and its working rules (quorum, score discrepancies, allocation). */
export function CommissionDialog({ commission, onClose }: { commission?: Commission; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const [current, setCurrent] = useState(commission);
  const form = useForm(toForm(commission ?? emptyCommission()), validate);
  useUnsavedChanges('commission-form', form.isDirty);
  const draft = toDraft(form.values);

  const save = () =>
    submitForm(
      form,
      () => (current ? store.commissions.update(current.id, toDraft(form.values), current.version) : store.commissions.create(toDraft(form.values))),
      (saved) => {
        setCurrent(saved);
        form.reset(toForm(saved));
        notify(current ? `Comisia „${saved.name}” a fost actualizată.` : `Comisia „${saved.name}” a fost creată.`);
      },
      fail,
    );

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="md" fullWidth aria-labelledby="commission-title">
      <DialogTitle id="commission-title">
        {current ? current.name : 'Comisie nouă'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <DialogContent>
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
          <Grid container spacing={1.5}>
            <Grid size={12}><FormText form={form} field="name" label={L.name} required /></Grid>
            <Grid size={{ xs: 12, md: 6 }}><FormSelect form={form} field="law" label={L.law} options={FUNDING_LAWS} /></Grid>
            <Grid size={{ xs: 12, md: 6 }}><FormText form={form} field="legalBasis" label={L.legalBasis} required helperText="ex. HCL 632/2016 (regulamentul comisiei)" /></Grid>
            <Grid size={12}><Typography variant="subtitle2" sx={{ mt: 1 }}>Reguli de lucru (regulament local; implicit cele uzuale)</Typography></Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField select label="Cvorum" value={form.values.quorumKind} onChange={(e) => form.setField('quorumKind', e.target.value as QuorumRule['kind'])}>
                {Object.entries(QUORUM_KINDS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
              </TextField>
            </Grid>
            {form.values.quorumKind === 'cel_putin_fractie' && (
              <>
                <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="quorumNumerator" label="Numărător" /></Grid>
                <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="quorumDenominator" label="Numitor" /></Grid>
              </>
            )}
            {form.values.quorumKind === 'numar_minim' && <Grid size={{ xs: 6, md: 3 }}><FormText form={form} field="quorumCount" label="Număr minim de membri" /></Grid>}
            <Grid size={{ xs: 12, md: 6 }}>
              <FormText form={form} field="discrepancyMargin" label="Diferența de punctaj semnalată (puncte pe criteriu)" helperText="gol = nu se semnalează; ex. 5" />
            </Grid>
            <Grid size={12}>
              <FormControlLabel control={<Checkbox checked={form.values.allowPartialLast} onChange={(e) => form.setField('allowPartialLast', e.target.checked)} />} label="Ultima cerere care nu mai încape primește restul bugetului (alocare parțială)" />
            </Grid>
            <Grid size={12}>
              <FormControlLabel control={<Checkbox checked={form.values.skipToNextThatFits} onChange={(e) => form.setField('skipToNextThatFits', e.target.checked)} />} label="Cererile următoare care încap în buget se finanțează (se sare peste cea care nu încape)" />
            </Grid>
            <Grid size={12}>
              <Typography variant="body2" color="text.secondary">
                Cvorum: {describeQuorumRule(draft.rules.quorum)}. Decizii: {describeDecisionRule(draft.rules.decision)}. La punctaje egale, comisia decide ordinea, consemnată în procesul-verbal.
              </Typography>
            </Grid>
            <Grid size={12}><FormText form={form} field="notes" label={L.notes} multiline minRows={2} /></Grid>
          </Grid>
          <button type="submit" hidden />
        </Box>
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} isSaveDisabled={!form.isDirty && !!current} />
    </Dialog>
  );
}
