import { isFormDirty } from '../../components/form-state';
import { Alert, Box, Chip, Dialog, DialogContent, DialogTitle, FormControlLabel, Grid, MenuItem, Radio, RadioGroup, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { recusalsForDecision } from '../../../src/commission/appeals';
import { DEFAULT_COMMISSION_RULES, effectiveRules } from '../../../src/commission/commission';
import {
  COMMISSION_DECISION_FIELD_LABELS as L, DECISION_KINDS, DECISION_SESSION_KIND, decisionOutcome, emptyCommissionDecision, isDecisionKind, VOTES, type CommissionDecision,
  type CommissionDecisionDraft, type DecisionKind, type Vote,
} from '../../../src/commission/decisions';
import { hasVotingRole } from '../../../src/commission/members';
import { formatRegistrationNumber } from '../../../src/requests/registration-number';
import { ValidationError } from '../../../src/errors';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { useStore } from '../../store-context';

/**
 * Records a decision of the commission where it is taken: the session, what is decided, and how
 * each member present voted; recused members are shown greyed with the reason and do not vote;
 * the outcome under the commission's rule is shown as the votes are entered.
 */
export function DecisionDialog({
  data, decision, defaults, onClose, onSaved,
}: {
  data: RoundEvaluationData;
  decision?: CommissionDecision;
  defaults?: Partial<CommissionDecisionDraft>;
  onClose(): void;
  onSaved?(decision: CommissionDecision): void;
}) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const [initial] = useState<CommissionDecisionDraft>(() => {
    if (decision) return decision;
    const kind = defaults?.kind && isDecisionKind(defaults.kind) ? defaults.kind : 'clasament_final';
    // The latest session where such a decision is taken (an appeals session for an appeal).
    const sessionId = data.sessions.filter((s) => s.kind === DECISION_SESSION_KIND[kind]).at(-1)?.id ?? '';
    return { ...emptyCommissionDecision(data.round.id, sessionId, kind), ...defaults };
  });
  const [form, setForm] = useState<CommissionDecisionDraft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isDirty = isFormDirty(initial, form);
  useUnsavedChanges('decision-form', isDirty);
  const kind: DecisionKind = isDecisionKind(form.kind) ? form.kind : 'clasament_final';
  const sessions = data.sessions.filter((s) => s.kind === DECISION_SESSION_KIND[kind]);
  const session = data.sessions.find((s) => s.id === form.sessionId);
  const rules = effectiveRules(data.commission?.rules ?? DEFAULT_COMMISSION_RULES, data.evaluation?.ruleOverrides);
  const recusals = recusalsForDecision(form, { appeals: data.appeals, members: data.members, requests: data.requests, manualRecusals: data.manualRecusals });
  const declarations = data.declarations.filter((d) => d.sessionId === form.sessionId);
  const outcome = session ? decisionOutcome({ votes: form.votes, session, members: data.members, rules, recusals, declarations }) : undefined;
  const isLocked = !!data.evaluation?.lock.isLocked && session?.kind === 'evaluare';
  const present = session ? data.members.filter((m) => session.attendance[m.id]?.isPresent) : [];

  const setVote = (memberId: string, vote: Vote) => setForm({ ...form, votes: [...form.votes.filter((v) => v.memberId !== memberId), { memberId, vote }] });
  const setKind = (next: DecisionKind) => {
    const fits = data.sessions.find((s) => s.id === form.sessionId)?.kind === DECISION_SESSION_KIND[next];
    setForm({ ...form, kind: next, sessionId: fits ? form.sessionId : (data.sessions.filter((s) => s.kind === DECISION_SESSION_KIND[next]).at(-1)?.id ?? ''), requestId: undefined, appealId: undefined });
  };
  const save = async () => {
    setErrors({});
    try {
      // The final ranking is voted as it stands now (before any appeal): a later change needs a new vote.
      const draft = kind === 'clasament_final' ? { ...form, rankingKey: data.results?.rankingKeyBeforeAppeals } : form;
      const saved = decision ? await store.decisions.update(decision.id, draft, decision.version) : await store.decisions.create(draft);
      notify(saved.outcome?.isAdopted ? 'Decizia a fost consemnată: adoptată.' : 'Decizia a fost consemnată: nu a fost adoptată.');
      onSaved?.(saved);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(Object.fromEntries(Object.entries(error.fields).filter((e): e is [string, string] => !!e[1])));
      else fail(error);
    }
  };

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="md" fullWidth aria-labelledby="decision-title">
      <DialogTitle id="decision-title">
        {decision ? 'Decizia comisiei' : 'Consemnează decizia și votul'}
        {isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <DialogContent>
        <Grid container spacing={1.5} sx={{ pt: 1 }}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField select label={L.kind} value={kind} onChange={(e) => setKind(e.target.value as DecisionKind)} disabled={!!decision} error={!!errors.kind} helperText={errors.kind}>
              {Object.entries(DECISION_KINDS).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField select label={L.sessionId} value={form.sessionId} onChange={(e) => setForm({ ...form, sessionId: e.target.value, votes: [] })}
              error={!!errors.sessionId} helperText={errors.sessionId ?? (sessions.length === 0 ? `programați întâi o ședință de tipul potrivit (fila „Ședințe”)` : undefined)}>
              {sessions.map((s) => <MenuItem key={s.id} value={s.id}>{formatRoDate(s.date)} — {s.place}</MenuItem>)}
            </TextField>
          </Grid>
          {(kind === 'admitere_cerere' || kind === 'respingere_cerere') && (
            <Grid size={12}>
              <TextField select label={L.requestId} value={form.requestId ?? ''} onChange={(e) => setForm({ ...form, requestId: e.target.value })} error={!!errors.requestId} helperText={errors.requestId}>
                {data.requests.map((r) => <MenuItem key={r.id} value={r.id}>{r.label} — {r.organizationName}</MenuItem>)}
              </TextField>
            </Grid>
          )}
          {kind === 'solutionare_contestatie' && (
            <Grid size={12}>
              <TextField select label={L.appealId} value={form.appealId ?? ''} onChange={(e) => setForm({ ...form, appealId: e.target.value })} disabled={!!defaults?.appealId} error={!!errors.appealId} helperText={errors.appealId}>
                {data.appeals.map((a) => (
                  <MenuItem key={a.id} value={a.id}>Contestația nr. {formatRegistrationNumber(a.registration)} — {data.requests.find((r) => r.id === a.requestId)?.organizationName}</MenuItem>
                ))}
              </TextField>
            </Grid>
          )}
          <Grid size={12}><TextField label={L.text} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })} multiline minRows={2} error={!!errors.text} helperText={errors.text} /></Grid>
          {kind === 'ordine_egalitate' && !form.requestIds?.length && (
            <Grid size={12}><Alert severity="info">Ordinea la egalitate se votează din fila „Clasament și alocare”, butonul „Consemnează decizia” de lângă egalitatea semnalată.</Alert></Grid>
          )}
          {(errors.votes || errors.requestIds) && <Grid size={12}><Alert severity="error">{errors.votes ?? errors.requestIds}</Alert></Grid>}
        </Grid>

        {session && (
          <Box sx={{ mt: 2 }}>
            <Typography variant="subtitle2">Votul membrilor prezenți</Typography>
            <Table size="small" aria-label="Votul membrilor">
              <TableHead><TableRow><TableCell>Membru</TableCell><TableCell>Vot</TableCell></TableRow></TableHead>
              <TableBody>
                {present.map((m) => {
                  const recusal = outcome?.recused.find((r) => r.memberId === m.id);
                  const isVoter = outcome?.voters.some((v) => v.memberId === m.id);
                  const note = recusal
                    ? `recuzat — ${recusal.reason}`
                    : !hasVotingRole(m)
                      ? 'secretar, fără drept de vot'
                      : isVoter
                        ? undefined
                        : declarations.some((d) => d.memberId === m.id && d.signedOn) ? 'nu votează (supleant al unui titular prezent sau mandat expirat)' : 'nu a semnat declarația de imparțialitate';
                  return (
                    <TableRow key={m.id} sx={note ? { '& td': { color: 'text.disabled' } } : undefined}>
                      <TableCell>{m.name}</TableCell>
                      <TableCell>
                        {note ? (
                          <Typography variant="body2" color="text.disabled">{note}</Typography>
                        ) : (
                          <RadioGroup row value={form.votes.find((v) => v.memberId === m.id)?.vote ?? ''} onChange={(e) => setVote(m.id, e.target.value as Vote)} aria-label={`Votul: ${m.name}`}>
                            {Object.entries(VOTES).map(([k, v]) => <FormControlLabel key={k} value={k} control={<Radio size="small" disabled={isLocked} />} label={v} />)}
                          </RadioGroup>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
                {present.length === 0 && <TableRow><TableCell colSpan={2}><Typography color="text.secondary">Nu este consemnat niciun membru prezent la ședință.</Typography></TableCell></TableRow>}
              </TableBody>
            </Table>
            {outcome && (
              <Alert role="status" severity={outcome.isAdopted ? 'success' : outcome.problems.length > 0 ? 'warning' : 'error'} sx={{ mt: 1 }}>
                {outcome.problems.length > 0 ? outcome.problems.join(' ') : outcome.sentence}
              </Alert>
            )}
          </Box>
        )}
        {isLocked && <Alert severity="info" sx={{ mt: 1 }}>Rezultatele rundei sunt finale: deciziile ședinței de evaluare nu se mai modifică.</Alert>}
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} saveLabel="Consemnează votul" isSaveDisabled={isLocked || (!!decision && !isDirty)} />
    </Dialog>
  );
}
