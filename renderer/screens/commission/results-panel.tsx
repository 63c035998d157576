import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import { useState } from 'react';
import type { Discrepancy } from '../../../src/commission/aggregation';
import { isAdoptedDecision } from '../../../src/commission/decisions';
import { countOf } from '../../../src/commission/wording';
import { formatDecimal, formatLei } from '../../../src/money';
import { formatRoDate, formatRoDateTime } from '../../../src/validation/dates';
import { ExportMenu } from '../../components/export-menu';
import { useNotifier } from '../../components/notifier';
import { ReasonDialog } from '../../components/reason-dialog';
import {
  evaluationMinutesDocument, exportResultsCentraliserXlsx, issueResultNotifications, issueRoundDocument, printIssuedLetters, resultNotificationDocuments, resultsReportDocument,
} from '../../services/commission-documents';
import type { DocumentToIssue } from '../../services/issued-documents';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { BatchIssueDialog } from '../../components/batch-issue-dialog';
import { declareResultsFinal, warningsBeforeFinal, type RoundEvaluationData } from '../../services/round-evaluation';
import { SNAPSHOT_CAUSES, type ResultsSnapshot } from '../../../src/commission/results-snapshot';
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from '../../store-context';
import { DecisionDialog } from './decision-dialog';
import { RankingTable } from './ranking-table';

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatDecimal(n, 2));

/** The ranking and the allocation of the budget, each member's totals beside the mean, and the lock. */
export function ResultsPanel({ data }: { data: RoundEvaluationData }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [isReopening, setReopening] = useState(false);
  const [isConfirmingFinal, setConfirmingFinal] = useState(false);
  const [issuing, setIssuing] = useState<DocumentToIssue | null>(null);
  const [isIssuingNotifications, setIssuingNotifications] = useState(false);
  const [tieGroup, setTieGroup] = useState<string[] | null>(null);
  const results = data.results;
  const evaluation = data.evaluation;
  // Derived with the results, once per read of the round's records (round-evaluation.ts), not at every draw.
  const table = data.resultsTable;
  if (!results || !evaluation || !table) return <Alert severity="info">Alegeți comisia și grila rundei (butonul „Setările evaluării”).</Alert>;
  // Titular members, and the substitutes who actually scored in someone's place.
  const { scorers, rows: tableRows, labels } = table;
  const { ranking } = results;
  const isLocked = evaluation.lock.isLocked;

  const lock = async () => {
    setConfirmingFinal(false);
    try {
      await declareResultsFinal(store, data);
      notify('Rezultatele rundei sunt finale și au fost păstrate așa cum au fost declarate.');
    } catch (error) {
      fail(error);
    }
  };
  const reopen = async (reason: string) => {
    setReopening(false);
    try {
      await store.evaluations.reopen(evaluation.id, evaluation.version, reason);
      notify('Rezultatele au fost redeschise; motivul a fost consemnat în jurnal.');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography>Buget: <strong>{formatLei(ranking.totals.budget)}</strong></Typography>
        <Typography>Alocat: <strong>{formatLei(ranking.totals.allocated)}</strong></Typography>
        <Typography>Rămas nealocat: <strong>{formatLei(ranking.totals.remaining)}</strong></Typography>
        <Typography>Finanțate: <strong>{ranking.totals.fullyFundedCount}</strong> integral, <strong>{ranking.totals.partiallyFundedCount}</strong> parțial</Typography>
        <Box sx={{ flexGrow: 1 }} />
        <ExportMenu
          icon={<FileDownloadIcon />}
          label="Documentele rundei"
          items={[
            { label: 'Procesul-verbal de evaluare și selecție (DOCX)', onClick: () => setIssuing(evaluationMinutesDocument(store, data)) },
            { label: 'Raportul de specialitate la proiectul de hotărâre, cu anexa (DOCX)', onClick: () => setIssuing(resultsReportDocument(store, data)) },
            { label: 'Referatul de aprobare către director, cu anexa (DOCX)', onClick: () => setIssuing(resultsReportDocument(store, data, 'director')) },
            { label: 'Notificările către solicitanți (DOCX)', onClick: () => setIssuingNotifications(true) },
            { label: 'Centralizatorul rezultatelor (XLSX)', onClick: () => exportResultsCentraliserXlsx(store, data).then((ok) => ok && notify('Centralizatorul a fost exportat.')).catch(fail) },
          ]}
        />
        {isLocked ? (
          <>
            <Chip color="success" icon={<LockIcon />} label={`Rezultate finale (${formatRoDateTime(evaluation.lock.lockedAt)}, ${evaluation.lock.lockedBy ?? ''})`} />
            <Button startIcon={<LockOpenIcon />} onClick={() => setReopening(true)}>Redeschide rezultatele</Button>
          </>
        ) : (
          <Button variant="contained" startIcon={<LockIcon />} onClick={() => setConfirmingFinal(true)} disabled={ranking.pendingIssues.length > 0}>Declară rezultatele finale</Button>
        )}
      </Stack>
      {data.snapshot && <SnapshotNote snapshot={data.snapshot} />}
      {data.isLegacyLock && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          Rezultatele au fost declarate finale de o versiune anterioară a aplicației, care nu le păstra înghețate: cele de mai jos sunt recalculate din datele de azi. Redeschideți-le (cu motivul) și declarați-le din nou finale pentru a le păstra așa cum sunt.
        </Alert>
      )}
      {results.aggregationProblem && <Alert severity="warning" sx={{ mb: 1 }}>{results.aggregationProblem}</Alert>}
      {ranking.pendingIssues.length > 0 && !isLocked && (
        <Alert severity="warning" sx={{ mb: 1 }}>Rezultatele nu pot fi declarate finale: {ranking.pendingIssues.join('; ')}.</Alert>
      )}
      {ranking.unresolvedTies.map((group, i) => (
        <Alert key={i} severity="warning" sx={{ mb: 1 }} action={!isLocked && <Button color="inherit" onClick={() => setTieGroup(group)}>Consemnează decizia</Button>}>
          Egalitate de punctaj între cererile {group.map((id) => labels.get(id)).join(', ')} — decide comisia.
        </Alert>
      ))}
      <RankingTable rows={tableRows} scorers={scorers} />
      <DiscrepancyNote items={table.discrepancies} />
      {evaluation.lock.reopenings.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Redeschideri: {evaluation.lock.reopenings.map((r) => `${formatRoDateTime(r.at)} (${r.by}): ${r.reason}`).join('; ')}
        </Typography>
      )}
      {isReopening && (
        <ReasonDialog title="Redeschiderea rezultatelor" text="Punctajele, clasamentul și alocarea vor putea fi din nou modificate. Motivul se păstrează în jurnal și în istoricul rundei." confirmLabel="Redeschide" onConfirm={(r) => void reopen(r)} onCancel={() => setReopening(false)} />
      )}
      {issuing && <IssueDocumentDialog doc={issuing} onIssue={(request) => issueRoundDocument(store, data, issuing, request)} onClose={() => setIssuing(null)} />}
      {isIssuingNotifications && (
        <BatchIssueDialog
          title="Notificările către solicitanți"
          roundId={data.round.id}
          docs={resultNotificationDocuments(store, data)}
          noun={['notificare', 'notificări']}
          issue={(issuedOn) => issueResultNotifications(store, data, issuedOn)}
          print={() => printIssuedLetters(store, data.round.id, 'notificare_rezultat')}
          onClose={() => setIssuingNotifications(false)}
        />
      )}
      {isConfirmingFinal && <FinalResultsDialog data={data} onConfirm={() => void lock()} onCancel={() => setConfirmingFinal(false)} />}
      {tieGroup && <TieDecisionDialog data={data} group={tieGroup} onClose={() => setTieGroup(null)} />}
    </Box>
  );
}

/** How many differences are shown before "Arată toate": a large round can have hundreds, a wall of text nobody reads on screen. */
const DISCREPANCIES_SHOWN = 10;

/** The score differences beyond the margin, to discuss before the final results: the first ones, the rest on request. */
function DiscrepancyNote({ items }: { items: readonly { label: string | undefined; d: Discrepancy }[] }) {
  const [isExpanded, setExpanded] = useState(false);
  if (items.length === 0) return null;
  const shown = (isExpanded ? items : items.slice(0, DISCREPANCIES_SHOWN)).map(({ label, d }) => `cererea ${label}, criteriul ${d.criterionCode}: ${points(d.min)}–${points(d.max)}`);
  const hidden = items.length - shown.length;
  return (
    <Alert
      severity="info"
      sx={{ mt: 1 }}
      action={items.length > DISCREPANCIES_SHOWN && <Button color="inherit" onClick={() => setExpanded(!isExpanded)}>{isExpanded ? 'Arată mai puține' : `Arată toate (${items.length})`}</Button>}
    >
      Diferențe de punctaj peste marja stabilită (de discutat în comisie înainte de rezultatul final):{' '}
      {shown.join('; ')}{hidden > 0 ? ` și încă ${countOf(hidden, 'diferență', 'diferențe')}.` : '.'}
    </Alert>
  );
}

/** When and why the results in force were frozen, and the earlier snapshots kept in history. */
function SnapshotNote({ snapshot }: { snapshot: ResultsSnapshot }) {
  const store = useStore();
  const history = useLiveQuery(() => store.snapshots.listByRound(snapshot.roundId), [store, snapshot.roundId]) ?? [];
  const earlier = history.filter((s) => s.id !== snapshot.id);
  return (
    <Alert severity="success" icon={<LockIcon />} sx={{ mb: 1 }}>
      Rezultate păstrate așa cum au fost declarate ({SNAPSHOT_CAUSES[snapshot.cause].toLowerCase()}{snapshot.basisAct ? `, în temeiul: ${snapshot.basisAct}` : ''}) la {formatRoDateTime(snapshot.takenAt)} de {snapshot.takenBy}. Verdictele de eligibilitate, punctajele, clasamentul și sumele nu se mai recalculează.
      {earlier.length > 0 && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Istoric: {earlier.map((s) => `${s.sequence}. ${SNAPSHOT_CAUSES[s.cause]} la ${formatRoDateTime(s.takenAt)}${s.supersededReason ? ` — ${s.supersededReason}` : ''}`).join('; ')}.
        </Typography>
      )}
    </Alert>
  );
}

/** Lists what is still open before the results become final, and what will be kept. */
function FinalResultsDialog({ data, onConfirm, onCancel }: { data: RoundEvaluationData; onConfirm(): void; onCancel(): void }) {
  const warnings = warningsBeforeFinal(data);
  return (
    <Dialog open onClose={onCancel} maxWidth="md" fullWidth aria-labelledby="final-title">
      <DialogTitle id="final-title">Declarați rezultatele finale?</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }}>
          Se păstrează, pentru fiecare cerere, verdictul de eligibilitate cu motivele, punctajele membrilor, media, locul în clasament și suma, valorile legale folosite (cu sursa lor) și amprenta grilei. Ecranele și documentele rundei le vor citi de aici; ele se schimbă numai prin redeschidere cu motiv sau printr-o contestație admisă.
        </Typography>
        {warnings.length > 0 ? (
          <Alert severity="warning">
            <Typography variant="body2" sx={{ mb: 0.5 }}>Puncte încă deschise ({warnings.length}):</Typography>
            <List dense disablePadding aria-label="Puncte deschise">
              {warnings.map((w) => <ListItem key={w} disableGutters sx={{ py: 0 }}><ListItemText primary={`• ${w}.`} /></ListItem>)}
            </List>
          </Alert>
        ) : (
          <Alert severity="success">Nu există puncte deschise: diferențele de punctaj, ședințele și declarațiile de imparțialitate sunt în regulă.</Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Anulează</Button>
        <Button variant="contained" onClick={onConfirm}>{warnings.length > 0 ? 'Declară finale totuși' : 'Declară rezultatele finale'}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Records the commission's decision on the order of tied requests (it appears in the minutes). */
function TieDecisionDialog({ data, group, onClose }: { data: RoundEvaluationData; group: string[]; onClose(): void }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [order, setOrder] = useState(group);
  const sessions = data.sessions.filter((s) => s.kind === 'evaluare');
  const [sessionId, setSessionId] = useState(sessions.at(-1)?.id ?? '');
  const [note, setNote] = useState('');
  // The order is adopted by the commission's vote; moving a request after the vote asks for a new one.
  const [decisionId, setDecisionId] = useState('');
  const [isVoting, setVoting] = useState(false);
  const labels = order.map((id) => data.requests.find((q) => q.id === id)?.label ?? id);
  const move = (i: number, delta: number) => {
    setDecisionId('');
    const next = [...order];
    [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
    setOrder(next);
  };
  const save = async () => {
    const evaluation = data.evaluation!;
    try {
      await store.evaluations.update(evaluation.id, { ...evaluation, tieDecisions: [...evaluation.tieDecisions, { order, sessionId, note, decisionId }] }, evaluation.version);
      notify('Decizia comisiei privind egalitatea a fost consemnată.');
      onClose();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="tie-title">
      <DialogTitle id="tie-title">Decizia comisiei la egalitate de punctaj</DialogTitle>
      <DialogContent>
        <List dense>
          {order.map((id, i) => {
            const r = data.requests.find((q) => q.id === id);
            return (
              <ListItem key={id} secondaryAction={<>
                <IconButton aria-label={`Mută mai sus: ${r?.label}`} disabled={i === 0} onClick={() => move(i, -1)}><ArrowUpwardIcon /></IconButton>
                <IconButton aria-label={`Mută mai jos: ${r?.label}`} disabled={i === order.length - 1} onClick={() => move(i, 1)}><ArrowDownwardIcon /></IconButton>
              </>}>
                <ListItemText primary={`${i + 1}. Cererea nr. ${r?.label} — ${r?.organizationName}`} />
              </ListItem>
            );
          })}
        </List>
        <TextField select label="Ședința în care s-a decis" value={sessionId} onChange={(e) => setSessionId(e.target.value)} sx={{ mt: 1 }}>
          {sessions.map((s) => <MenuItem key={s.id} value={s.id}>{formatRoDate(s.date)} — {s.place}</MenuItem>)}
        </TextField>
        <TextField label="Motivarea (în procesul-verbal)" value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={2} sx={{ mt: 1.5 }} />
        <Alert severity={decisionId ? 'success' : 'info'} sx={{ mt: 1.5 }} action={<Button color="inherit" disabled={!sessionId} onClick={() => setVoting(true)}>Consemnează votul</Button>}>
          {decisionId ? 'Ordinea a fost adoptată prin votul comisiei.' : 'Ordinea se adoptă prin votul membrilor prezenți și nerecuzați.'}
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Anulează</Button>
        <Button variant="contained" onClick={() => void save()} disabled={!sessionId || !decisionId}>Consemnează</Button>
      </DialogActions>
      {isVoting && (
        <DecisionDialog
          data={data}
          defaults={{ kind: 'ordine_egalitate', sessionId, requestIds: order, text: `Ordinea cererilor la egalitate de punctaj: ${labels.join(', ')}.${note ? ` ${note}` : ''}` }}
          onSaved={(d) => { if (isAdoptedDecision(d)) setDecisionId(d.id); }}
          onClose={() => setVoting(false)}
        />
      )}
    </Dialog>
  );
}
