import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert, Box, Button, Checkbox, Chip, Dialog, DialogContent, DialogTitle, Grid, IconButton, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import { findRecusals } from '../../../src/commission/conflicts';
import { MEMBER_ROLES } from '../../../src/commission/members';
import { COMMISSION_SESSION_FIELD_LABELS as L, checkQuorum, emptyCommissionSession, SESSION_KINDS, SESSION_STATUSES, validateCommissionSession, type CommissionSession, type CommissionSessionDraft } from '../../../src/commission/session';
import { formatRoDate, parseOptionalDate, todayIso } from '../../../src/validation/dates';
import { FormDate, FormSelect, FormText } from '../../components/form-fields';
import { useNotifier } from '../../components/notifier';
import { SaveCloseActions } from '../../components/save-close-actions';
import { submitForm, useForm } from '../../components/use-form';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { useStore } from '../../store-context';

function toForm(s: CommissionSessionDraft): CommissionSessionDraft {
  return { ...s, date: formatRoDate(s.date) };
}

/**
 * A sitting of the commission: when and where, the agenda, who attends (with the impartiality
 * declarations signed), the recusals, and whether there is quorum.
 */
export function SessionDialog({
  data, session, defaults, onClose, onSaved,
}: {
  data: RoundEvaluationData;
  session?: CommissionSession;
  /** Prefilled values of a new session (e.g. an appeals session opened from the appeal dialog). */
  defaults?: Partial<CommissionSessionDraft>;
  onClose(): void;
  onSaved?(session: CommissionSession): void;
}) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const [current, setCurrent] = useState(session);
  const commission = data.commission!;
  const members = data.members;
  const validate = (values: CommissionSessionDraft) => validateCommissionSession(values, { members }).errors as Record<string, string>;
  const initial = session ?? { ...emptyCommissionSession(data.round.id, commission.id), agenda: data.requests.map((r) => r.id), time: '10:00', ...defaults };
  const form = useForm(toForm(initial), validate);
  useUnsavedChanges('session-form', form.isDirty);
  const [newRecusal, setNewRecusal] = useState({ memberId: '', requestId: '', reason: '' });
  const v = form.values;
  const parsedDate = parseOptionalDate(v.date);
  const date = parsedDate.ok && parsedDate.value ? parsedDate.value : todayIso();
  const quorum = checkQuorum({ date, attendance: v.attendance }, members, commission.rules.quorum);
  const manual = current ? data.manualRecusals.filter((r) => r.sessionId === current.id) : [];
  const recusals = findRecusals(v.agenda, members, data.requests, manual);
  const declarations = current ? data.declarations.filter((d) => d.sessionId === current.id) : [];
  const isLocked = !!data.evaluation?.lock.isLocked && v.kind === 'evaluare';

  const save = () =>
    submitForm(
      form,
      () => (current ? store.sessions.update(current.id, form.values, current.version) : store.sessions.create(form.values)),
      (saved) => {
        setCurrent(saved);
        form.reset(toForm(saved));
        onSaved?.(saved);
        notify(`Ședința din ${formatRoDate(saved.date)} a fost salvată.`);
      },
      fail,
    );

  const setPresent = (memberId: string, isPresent: boolean) => form.setField('attendance', { ...v.attendance, [memberId]: { ...v.attendance[memberId], isPresent } });
  const toggleAgenda = (requestId: string, isOn: boolean) =>
    form.setField('agenda', isOn ? data.requests.filter((r) => r.id === requestId || v.agenda.includes(r.id)).map((r) => r.id) : v.agenda.filter((id) => id !== requestId));
  const sign = async (memberId: string, signedOn: string | null) => {
    if (!current) return;
    try {
      await store.declarations.setSigned(current.id, memberId, signedOn);
    } catch (error) {
      fail(error);
    }
  };
  const addRecusal = async () => {
    if (!current) return;
    try {
      await store.recusals.create({ sessionId: current.id, ...newRecusal });
      setNewRecusal({ memberId: '', requestId: '', reason: '' });
      notify('Recuzarea a fost consemnată.');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Dialog open onClose={() => guard(onClose)} maxWidth="lg" fullWidth aria-labelledby="session-title">
      <DialogTitle id="session-title">
        {current ? `Ședința din ${formatRoDate(current.date)}` : 'Ședință nouă a comisiei'}
        {form.isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <DialogContent>
        <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }} sx={{ pt: 1 }}>
          {isLocked && <Alert severity="info" sx={{ mb: 1 }}>Rezultatele rundei sunt finale: ședința de evaluare nu se mai modifică.</Alert>}
          <Grid container spacing={1.5}>
            <Grid size={{ xs: 12, md: 3 }}><FormSelect form={form} field="kind" label={L.kind} options={SESSION_KINDS} /></Grid>
            <Grid size={{ xs: 6, md: 2 }}><FormDate form={form} field="date" label={L.date} required /></Grid>
            <Grid size={{ xs: 6, md: 2 }}><FormText form={form} field="time" label={L.time} required /></Grid>
            <Grid size={{ xs: 12, md: 3 }}><FormText form={form} field="place" label={L.place} required /></Grid>
            <Grid size={{ xs: 12, md: 2 }}><FormSelect form={form} field="status" label={L.status} options={SESSION_STATUSES} /></Grid>
          </Grid>

          <Typography variant="subtitle2" sx={{ mt: 2 }}>Prezența și declarațiile de imparțialitate</Typography>
          <Alert severity={quorum.hasQuorum ? 'success' : 'error'} sx={{ my: 1 }} role="status">{quorum.message}</Alert>
          {form.visibleError('attendance') && <Alert severity="error" sx={{ mb: 1 }}>{form.visibleError('attendance')}</Alert>}
          <Table size="small" aria-label="Prezența membrilor">
            <TableHead>
              <TableRow><TableCell>Membru</TableCell><TableCell>Calitate</TableCell><TableCell>Prezent</TableCell><TableCell>Declarație semnată la</TableCell></TableRow>
            </TableHead>
            <TableBody>
              {members.map((m) => {
                const declaration = declarations.find((d) => d.memberId === m.id);
                return (
                  <TableRow key={m.id}>
                    <TableCell>{m.name}</TableCell>
                    <TableCell>{MEMBER_ROLES[m.role]}{m.isSubstitute ? ' (supleant)' : ''}</TableCell>
                    <TableCell><Checkbox checked={!!v.attendance[m.id]?.isPresent} onChange={(e) => setPresent(m.id, e.target.checked)} slotProps={{ input: { 'aria-label': `Prezent: ${m.name}` } }} /></TableCell>
                    <TableCell>
                      {current ? (
                        <DeclarationDate key={declaration?.signedOn ?? 'none'} name={m.name} value={declaration?.signedOn ?? null} defaultDate={current.date} onChange={(d) => void sign(m.id, d)} />
                      ) : (
                        <Typography variant="body2" color="text.secondary">după salvarea ședinței</Typography>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>

          <Typography variant="subtitle2" sx={{ mt: 2 }}>Ordinea de zi ({v.agenda.length} cereri)</Typography>
          <Table size="small" aria-label="Ordinea de zi">
            <TableBody>
              {data.requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell padding="checkbox"><Checkbox checked={v.agenda.includes(r.id)} onChange={(e) => toggleAgenda(r.id, e.target.checked)} slotProps={{ input: { 'aria-label': `Pe ordinea de zi: cererea ${r.label}` } }} /></TableCell>
                  <TableCell>Cererea nr. {r.label}</TableCell>
                  <TableCell>{r.organizationName}</TableCell>
                  <TableCell><Chip size="small" variant="outlined" color={r.isEligible ? 'success' : 'error'} label={r.isEligible ? 'eligibilă' : 'neeligibilă'} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>

          <Typography variant="subtitle2" sx={{ mt: 2 }}>Recuzări</Typography>
          {recusals.length === 0 && <Typography variant="body2" color="text.secondary">Nicio recuzare pentru cererile de pe ordinea de zi.</Typography>}
          {recusals.map((r, i) => {
            const record = r.kind === 'manuala' ? manual.find((m) => m.memberId === r.memberId && m.requestId === r.requestId) : undefined;
            return (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Chip size="small" label={r.kind === 'automata' ? 'automată' : 'consemnată'} />
                <Typography variant="body2">Cererea nr. {data.requests.find((q) => q.id === r.requestId)?.label}: {r.reason}</Typography>
                {record && !isLocked && <IconButton size="small" aria-label="Șterge recuzarea" onClick={() => store.recusals.remove(record.id).catch(fail)}><DeleteIcon fontSize="small" /></IconButton>}
              </Stack>
            );
          })}
          {current && !isLocked && (
            <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
              <TextField select sx={{ width: 220 }} label="Membrul recuzat" value={newRecusal.memberId} onChange={(e) => setNewRecusal({ ...newRecusal, memberId: e.target.value })}>
                {members.filter((m) => m.role !== 'secretar').map((m) => <MenuItem key={m.id} value={m.id}>{m.name}</MenuItem>)}
              </TextField>
              <TextField select sx={{ width: 280 }} label="Pentru cererea" value={newRecusal.requestId} onChange={(e) => setNewRecusal({ ...newRecusal, requestId: e.target.value })}>
                {data.requests.filter((r) => v.agenda.includes(r.id)).map((r) => <MenuItem key={r.id} value={r.id}>{r.label} — {r.organizationName}</MenuItem>)}
              </TextField>
              <TextField sx={{ flex: 1 }} label="Motivul recuzării" value={newRecusal.reason} onChange={(e) => setNewRecusal({ ...newRecusal, reason: e.target.value })} />
              <Button startIcon={<AddIcon />} onClick={() => void addRecusal()}>Consemnează</Button>
            </Stack>
          )}
          <FormText form={form} field="notes" label={L.notes} multiline minRows={2} sx={{ mt: 2 }} />
          <button type="submit" hidden />
        </Box>
      </DialogContent>
      <SaveCloseActions onClose={() => guard(onClose)} onSave={() => void save()} saveLabel="Salvează ședința" isSaveDisabled={(!form.isDirty && !!current) || isLocked} />
    </Dialog>
  );
}

/** The date a declaration was signed: typed and saved on leaving the field; empty = not signed. */
function DeclarationDate({ name, value, defaultDate, onChange }: { name: string; value: string | null; defaultDate: string; onChange(date: string | null): void }) {
  const [text, setText] = useState(value ? formatRoDate(value) : '');
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    const parsed = parseOptionalDate(text, 'Data semnării');
    if (!parsed.ok) return setError(parsed.message);
    setError(undefined);
    if ((parsed.value ?? null) !== value) onChange(parsed.value ?? null);
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField size="small" sx={{ width: 150 }} placeholder="zz.ll.aaaa" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit} error={!!error} helperText={error}
        slotProps={{ htmlInput: { 'aria-label': `Declarație semnată: ${name}` } }} />
      {!value && <Button size="small" onClick={() => { setText(formatRoDate(defaultDate)); onChange(defaultDate); }}>Semnată la data ședinței</Button>}
      {value && <Chip size="small" color="success" label="semnată" />}
    </Stack>
  );
}

