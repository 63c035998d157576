import AddIcon from '@mui/icons-material/Add';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Grid, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { APPEAL_STATUSES, checkAppealTimeliness, resolutionDeadline, type Appeal, type AppealStatus } from '../../../src/commission/appeals';
import { isAdoptedDecision } from '../../../src/commission/decisions';
import { ValidationError } from '../../../src/errors';
import { formatLei, parseLei } from '../../../src/money';
import { formatRegistrationNumber } from '../../../src/requests/registration-number';
import { formatRoDate, parseOptionalDate, todayIso } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { appealsMinutesDocument, issueRoundDocument } from '../../services/commission-documents';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNavigation, useUnsavedChanges } from '../../navigation';
import { ExportMenu } from '../../components/export-menu';
import { appealDecisionLetterDocuments, changedResultNotificationDocuments, issuePendingDocuments, printIssuedLetters } from '../../services/commission-documents';
import { BatchIssueDialog } from '../../components/batch-issue-dialog';
import type { DocumentToIssue } from '../../services/issued-documents';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { useStore } from '../../store-context';
import { DecisionDialog } from './decision-dialog';
import { SessionDialog } from './session-dialog';
import { isFormDirty } from '../../components/form-state';

/** The appeals register of the round: each appeal's timeliness, deadline for resolution and outcome. */
export function AppealsPanel({ data }: { data: RoundEvaluationData }) {
  const store = useStore();
  const [editing, setEditing] = useState<Appeal | 'new' | null>(null);
  const [isIssuingMinutes, setIssuingMinutes] = useState(false);
  const [letters, setLetters] = useState<{ kind: 'decizie_contestatie' | 'notificare_modificare_rezultat'; docs: DocumentToIssue[] } | null>(null);
  const { fail } = useNotifier();
  const rules = data.evaluation?.appealRules;
  if (!data.evaluation || !rules) return <Alert severity="info">Alegeți comisia și grila rundei (butonul „Setările evaluării”).</Alert>;
  const appeals = [...data.appeals].sort((a, b) => a.registration.year - b.registration.year || a.registration.sequence - b.registration.sequence);
  return (
    <Box>
      <Stack direction="row" sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap', rowGap: 1, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}>
        <Typography sx={{ flexGrow: 1 }}>
          {data.evaluation.notifiedOn ? `Rezultatele au fost comunicate la ${formatRoDate(data.evaluation.notifiedOn)}.` : 'Data comunicării rezultatelor nu este completată (Setările evaluării).'}
        </Typography>
        <Button startIcon={<FileDownloadIcon />} sx={{ mr: 1 }} disabled={appeals.length === 0} onClick={() => setIssuingMinutes(true)}>
          Procesul-verbal de soluționare (DOCX)
        </Button>
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Scrisorile după contestații"
          items={[
            { label: 'Deciziile către contestatari (DOCX)', onClick: () => setLetters({ kind: 'decizie_contestatie', docs: appealDecisionLetterDocuments(store, data) }) },
            { label: 'Notificările privind rezultatele modificate (DOCX)', onClick: () => void changedResultNotificationDocuments(store, data).then((docs) => setLetters({ kind: 'notificare_modificare_rezultat', docs })).catch(fail) },
          ]}
        />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} sx={{ ml: 1 }}>Înregistrează contestație</Button>
      </Stack>
      <Paper variant="outlined">
        <Table size="small" aria-label="Registrul contestațiilor">
          <TableHead>
            <TableRow>
              <TableCell>Nr.</TableCell><TableCell>Cererea</TableCell><TableCell>ONG</TableCell><TableCell>Depusă la</TableCell><TableCell>Termen</TableCell>
              <TableCell>De soluționat până la</TableCell><TableCell>Soluția</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {appeals.map((a) => {
              const request = data.requests.find((r) => r.id === a.requestId);
              const timeliness = checkAppealTimeliness(a.receivedOn, a.notifiedOn, rules, data.holidays);
              return (
                <TableRow key={a.id} hover sx={{ cursor: 'pointer' }} onClick={() => setEditing(a)}>
                  <TableCell>{formatRegistrationNumber(a.registration)}</TableCell>
                  <TableCell>{request?.label}</TableCell>
                  <TableCell>{request?.organizationName}</TableCell>
                  <TableCell>{formatRoDate(a.receivedOn)}</TableCell>
                  <TableCell title={timeliness.message}><Chip size="small" color={timeliness.isTimely ? 'success' : 'error'} label={timeliness.isTimely ? 'în termen' : 'tardivă'} /></TableCell>
                  <TableCell>{formatRoDate(resolutionDeadline(a.receivedOn, rules, data.holidays))}</TableCell>
                  <TableCell>{APPEAL_STATUSES[a.status]}{a.resolution?.decisionAct ? ` — ${a.resolution.decisionAct}` : ''}</TableCell>
                </TableRow>
              );
            })}
            {appeals.length === 0 && <TableRow><TableCell colSpan={7}><Typography color="text.secondary">Nicio contestație înregistrată.</Typography></TableCell></TableRow>}
          </TableBody>
        </Table>
      </Paper>
      {editing && <AppealDialog data={data} appeal={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      {letters && (
        <BatchIssueDialog
          title={letters.kind === 'decizie_contestatie' ? 'Deciziile către contestatari' : 'Notificările privind rezultatele modificate'}
          roundId={data.round.id}
          docs={letters.docs}
          noun={letters.kind === 'decizie_contestatie' ? ['decizie', 'decizii'] : ['notificare', 'notificări']}
          issue={(issuedOn) => issuePendingDocuments(store, data, letters.docs, issuedOn)}
          print={() => printIssuedLetters(store, data.round.id, letters.kind)}
          onClose={() => setLetters(null)}
        />
      )}
      {isIssuingMinutes && (() => {
        const doc = appealsMinutesDocument(store, data);
        return <IssueDocumentDialog doc={doc} onIssue={(request) => issueRoundDocument(store, data, doc, request)} onClose={() => setIssuingMinutes(false)} />;
      })()}
    </Box>
  );
}

function AppealDialog({ data, appeal, onClose }: { data: RoundEvaluationData; appeal?: Appeal; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { guard } = useNavigation();
  const rules = data.evaluation!.appealRules;
  const [initialForm] = useState(() => ({
    requestId: appeal?.requestId ?? '',
    notifiedOn: formatRoDate(appeal?.notifiedOn ?? data.evaluation?.notifiedOn),
    receivedOn: formatRoDate(appeal?.receivedOn ?? todayIso()),
    grounds: appeal?.grounds ?? '',
    status: appeal?.status ?? ('inregistrata' as AppealStatus),
    sessionId: appeal?.resolution?.sessionId ?? '',
    decidedOn: formatRoDate(appeal?.resolution?.decidedOn),
    decision: appeal?.resolution?.decision ?? '',
    revisedScore: appeal?.resolution?.revisedScore == null ? '' : String(appeal.resolution.revisedScore).replace('.', ','),
    revisedAmount: appeal?.resolution?.revisedAmount == null ? '' : formatLei(appeal.resolution.revisedAmount).replace(' lei', ''),
    decisionAct: appeal?.resolution?.decisionAct ?? '',
    decisionId: appeal?.resolution?.decisionId ?? '',
  }));
  const [form, setForm] = useState(initialForm);
  const [nested, setNested] = useState<'session' | 'vote' | null>(null);
  // The appeal's typed text is guarded; while a nested dialog is open, that dialog's own changes are.
  const isDirty = isFormDirty(initialForm, form);
  useUnsavedChanges('appeal-form', isDirty && nested === null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  const votes = appeal ? data.decisions.filter((d) => d.kind === 'solutionare_contestatie' && d.appealId === appeal.id && d.sessionId === form.sessionId) : [];
  const chosenVote = votes.find((d) => d.id === form.decisionId);
  const sessions = data.sessions.filter((s) => s.kind === 'contestatii');
  const notified = parseOptionalDate(form.notifiedOn);
  const received = parseOptionalDate(form.receivedOn);
  const timeliness = notified.ok && notified.value && received.ok && received.value ? checkAppealTimeliness(received.value, notified.value, rules, data.holidays) : undefined;
  const isDecided = form.status !== 'inregistrata' && form.status !== 'retrasa';

  const save = async () => {
    setErrors({});
    const draft = {
      roundId: data.round.id,
      requestId: form.requestId,
      organizationId: data.requests.find((r) => r.id === form.requestId)?.organizationId ?? '',
      registration: appeal?.registration ?? { year: 0, sequence: 0 },
      notifiedOn: form.notifiedOn,
      receivedOn: form.receivedOn,
      grounds: form.grounds,
      status: form.status,
      resolution: isDecided
        ? {
            sessionId: form.sessionId,
            decidedOn: form.decidedOn,
            decision: form.decision,
            revisedScore: form.revisedScore.trim() === '' ? null : Number(form.revisedScore.replace(',', '.')),
            revisedAmount: form.revisedAmount.trim() === '' ? null : (parseLei(form.revisedAmount) ?? (NaN as never)),
            decisionAct: form.decisionAct,
            decisionId: form.decisionId,
          }
        : undefined,
    };
    try {
      const saved = appeal ? await store.appeals.update(appeal.id, draft, appeal.version) : await store.appeals.register(draft);
      notify(appeal ? `Contestația nr. ${formatRegistrationNumber(saved.registration)} a fost actualizată.` : `Contestația a fost înregistrată cu nr. ${formatRegistrationNumber(saved.registration)}.`);
      setForm(initialForm);
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(Object.fromEntries(Object.entries(error.fields).filter((e): e is [string, string] => !!e[1])));
      else fail(error);
    }
  };
  const err = (k: string) => errors[k];

  return (
    <>
    <Dialog open onClose={() => guard(onClose)} maxWidth="md" fullWidth aria-labelledby="appeal-title">
      <DialogTitle id="appeal-title">
        {appeal ? `Contestația nr. ${formatRegistrationNumber(appeal.registration)}` : 'Contestație nouă'}
        {isDirty && <Chip size="small" label="nesalvat" color="warning" sx={{ ml: 1 }} />}
      </DialogTitle>
      <DialogContent>
        <Grid container spacing={1.5} sx={{ pt: 1 }}>
          <Grid size={12}>
            <TextField select label="Cererea al cărei rezultat se contestă" value={form.requestId} onChange={set('requestId')} disabled={!!appeal} error={!!err('requestId')} helperText={err('requestId')}>
              {data.requests.map((r) => <MenuItem key={r.id} value={r.id}>{r.label} — {r.organizationName}</MenuItem>)}
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, md: 3 }}><TextField label="Rezultat comunicat la" value={form.notifiedOn} onChange={set('notifiedOn')} error={!!err('notifiedOn')} helperText={err('notifiedOn')} /></Grid>
          <Grid size={{ xs: 6, md: 3 }}><TextField label="Contestație depusă la" value={form.receivedOn} onChange={set('receivedOn')} error={!!err('receivedOn') || !!err('registration')} helperText={err('receivedOn') ?? err('registration')} /></Grid>
          <Grid size={{ xs: 12, md: 6 }}>{timeliness && <Alert severity={timeliness.isTimely ? 'success' : 'error'}>{timeliness.message}</Alert>}</Grid>
          <Grid size={12}><TextField label="Motivele contestației" value={form.grounds} onChange={set('grounds')} multiline minRows={2} error={!!err('grounds')} helperText={err('grounds')} /></Grid>
          <Grid size={12}><Typography variant="subtitle2">Soluționarea</Typography></Grid>
          <Grid size={{ xs: 12, md: 4 }}>
            <TextField select label="Soluția" value={form.status} onChange={set('status')} error={!!err('status') || !!err('resolution')} helperText={err('resolution')}>
              {Object.entries(APPEAL_STATUSES).map(([k, v]) => <MenuItem key={k} value={k}>{v}</MenuItem>)}
            </TextField>
          </Grid>
          {isDecided && (
            <>
              <Grid size={{ xs: 12, md: 5 }}>
                <TextField select label="Ședința de soluționare" value={form.sessionId} onChange={(e) => setForm((f) => ({ ...f, sessionId: e.target.value, decisionId: '' }))} error={!!err('resolution.sessionId')} helperText={err('resolution.sessionId') ?? (sessions.length === 0 ? 'programați o ședință de soluționare a contestațiilor' : undefined)}>
                  {sessions.map((s) => <MenuItem key={s.id} value={s.id}>{formatRoDate(s.date)} — {s.place}</MenuItem>)}
                </TextField>
                <Button size="small" startIcon={<AddIcon />} onClick={() => setNested('session')}>Ședință nouă de soluționare</Button>
              </Grid>
              <Grid size={{ xs: 12, md: 3 }}><TextField label="Data soluționării" value={form.decidedOn} onChange={set('decidedOn')} error={!!err('resolution.decidedOn')} helperText={err('resolution.decidedOn')} /></Grid>
              <Grid size={12}><TextField label="Soluția comisiei (ca în procesul-verbal)" value={form.decision} onChange={set('decision')} multiline minRows={2} error={!!err('resolution.decision')} helperText={err('resolution.decision')} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><TextField label="Punctaj revizuit" value={form.revisedScore} onChange={set('revisedScore')} error={!!err('resolution.revisedScore')} helperText={err('resolution.revisedScore') ?? 'gol = neschimbat'} /></Grid>
              <Grid size={{ xs: 6, md: 3 }}><TextField label="Sumă revizuită (lei)" value={form.revisedAmount} onChange={set('revisedAmount')} error={!!err('resolution.revisedAmount')} helperText={err('resolution.revisedAmount') ?? 'gol = neschimbată'} /></Grid>
              <Grid size={{ xs: 12, md: 6 }}><TextField label="Actul noii decizii" value={form.decisionAct} onChange={set('decisionAct')} error={!!err('resolution.decisionAct')} helperText={err('resolution.decisionAct') ?? 'ex. PV nr. 4/12.03.2027; până atunci clasamentul nu se schimbă'} /></Grid>
              <Grid size={{ xs: 12, md: 8 }}>
                <TextField select label="Votul comisiei (decizia)" value={form.decisionId} onChange={set('decisionId')} error={!!err('resolution.decisionId')}
                  helperText={err('resolution.decisionId') ?? (!appeal ? 'înregistrați întâi contestația, apoi consemnați votul comisiei' : votes.length === 0 ? 'consemnați votul comisiei asupra contestației' : undefined)}>
                  {votes.map((d) => <MenuItem key={d.id} value={d.id}>{isAdoptedDecision(d) ? 'Adoptată' : 'Neadoptată'}: {d.text.slice(0, 60)} ({d.outcome?.for ?? 0} pentru, {d.outcome?.against ?? 0} împotrivă, {d.outcome?.abstentions ?? 0} abțineri)</MenuItem>)}
                </TextField>
              </Grid>
              <Grid size={{ xs: 12, md: 4 }}>
                <Button variant="outlined" disabled={!appeal || !form.sessionId} onClick={() => setNested('vote')}>Consemnează votul</Button>
              </Grid>
              {chosenVote?.outcome && <Grid size={12}><Alert severity={chosenVote.outcome.isAdopted ? 'success' : 'error'}>{chosenVote.outcome.sentence}</Alert></Grid>}
            </>
          )}
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => guard(onClose)}>Închide</Button>
        <Button variant="contained" onClick={() => void save()}>{appeal ? 'Salvează' : 'Înregistrează'}</Button>
      </DialogActions>
    </Dialog>
    {nested === 'session' && (
      <SessionDialog
        data={data}
        defaults={{ kind: 'contestatii', agenda: form.requestId ? [form.requestId] : [], date: todayIso() }}
        onSaved={(s) => setForm((f) => ({ ...f, sessionId: s.id, decisionId: '' }))}
        onClose={() => setNested(null)}
      />
    )}
    {nested === 'vote' && appeal && (
      <DecisionDialog
        data={data}
        defaults={{ kind: 'solutionare_contestatie', sessionId: form.sessionId, appealId: appeal.id, text: form.decision }}
        onSaved={(d) => { if (isAdoptedDecision(d)) setForm((f) => ({ ...f, decisionId: d.id })); }}
        onClose={() => setNested(null)}
      />
    )}
    </>
  );
}
