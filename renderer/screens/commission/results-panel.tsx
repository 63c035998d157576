import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import {
  Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, List, ListItem, ListItemText, MenuItem, Paper, Stack, Table, TableCell, TableHead, TableRow, TextField, Tooltip, Typography,
} from '@mui/material';
import { memo, useMemo, useState } from 'react';
import { MEAN_ROUNDING_RULE } from '../../../src/commission/aggregation';
import { isAdoptedDecision } from '../../../src/commission/decisions';
import { ALLOCATION_STATUSES, type AllocationStatus } from '../../../src/commission/ranking';
import { resultsTableRows, scoringMembers, type ResultsTableRow } from '../../../src/commission/results-table';
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
import { alpha, darken, lighten, type Theme } from '@mui/material/styles';
import { useStore } from '../../store-context';
import { DecisionDialog } from './decision-dialog';

const STATUS_COLORS: Record<AllocationStatus, 'success' | 'warning' | 'default' | 'error' | 'info'> = {
  finantata: 'success',
  finantata_partial: 'info',
  nefinantata_buget: 'warning',
  sub_prag: 'default',
  neeligibila: 'error',
  necalculata: 'default',
};

const points = (n: number | null | undefined) => (n === null || n === undefined ? '—' : formatDecimal(n, 2));

/**
 * The ranking table's body: a row per request and a cell per scoring member, so several thousand
 * cells for a large round. They are plain table cells styled once by the table (RANKING_BODY_SX),
 * with the status as a chip-like label whose reasons are its title: the same look as MUI's small
 * TableCell and Chip at a fraction of their rendering cost (issue 10). Re-rendered only when the
 * round's records change.
 */
const RankingBody = memo(function RankingBody({ rows }: { rows: readonly ResultsTableRow[] }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.requestId}>
          <td>{row.rank ?? '—'}{row.tieFlag && <span className={`chip ${row.tieFlag.includes('decisă') ? 'chip-default' : 'chip-warning'} tie`}>egalitate</span>}</td>
          <td>{row.label}</td>
          <td>{row.organizationName}</td>
          {row.cells.map((cell) => (
            <td key={cell.memberId} className={cell.isFlagged ? 'num flagged' : 'num'}>
              {cell.isRecused ? <span className="muted">recuzat</span> : points(cell.total)}
            </td>
          ))}
          <td className="num"><strong>{points(row.meanTotal)}</strong>{row.revisedByAct !== null && <span className="caption">după contestație ({row.revisedByAct})</span>}</td>
          <td><span className={`chip chip-${STATUS_COLORS[row.status]}`} title={row.reasons || undefined}>{ALLOCATION_STATUSES[row.status]}</span></td>
          <td className="num">{row.computedSubsidy === null ? '—' : formatLei(row.computedSubsidy)}</td>
          <td className="num"><strong>{formatLei(row.allocated)}</strong></td>
        </tr>
      ))}
    </tbody>
  );
});

const typography = ({ fontFamily, fontWeight, fontSize, lineHeight, letterSpacing }: Theme['typography']['body2']) =>
  Object.fromEntries(Object.entries({ fontFamily, fontWeight, fontSize, lineHeight, letterSpacing }).filter(([, v]) => v !== undefined)) as Record<string, string | number>;
const chipColor = (theme: Theme, color: 'success' | 'warning' | 'error' | 'info') => ({ backgroundColor: theme.palette[color].main, color: theme.palette[color].contrastText });

/** The look of MUI's small body TableCell and small filled Chip, for RankingBody's plain elements. */
const RANKING_BODY_SX = (theme: Theme) => ({
  '& > tbody > tr > td': {
    ...typography(theme.typography.body2),
    display: 'table-cell',
    verticalAlign: 'inherit',
    textAlign: 'left',
    padding: '6px 16px',
    borderBottom: `1px solid ${theme.palette.mode === 'light' ? lighten(alpha(theme.palette.divider, 1), 0.88) : darken(alpha(theme.palette.divider, 1), 0.68)}`,
    color: theme.palette.text.primary,
  },
  '& > tbody > tr > td.num': { textAlign: 'right' },
  '& > tbody > tr > td.flagged': { backgroundColor: theme.palette.warning.light },
  '& > tbody > tr:last-of-type > td': { borderBottom: 0 },
  '& .muted': { color: theme.palette.text.secondary },
  '& .caption': { ...typography(theme.typography.caption), display: 'block' },
  '& .chip': {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    padding: '0 8px',
    borderRadius: 12,
    whiteSpace: 'nowrap',
    fontSize: theme.typography.pxToRem(13),
    fontFamily: theme.typography.fontFamily,
    verticalAlign: 'middle',
    boxSizing: 'border-box' as const,
  },
  '& .tie': { marginLeft: theme.spacing(0.5) },
  '& .chip-default': { backgroundColor: theme.palette.action.selected, color: theme.palette.text.primary },
  '& .chip-success': chipColor(theme, 'success'),
  '& .chip-warning': chipColor(theme, 'warning'),
  '& .chip-error': chipColor(theme, 'error'),
  '& .chip-info': chipColor(theme, 'info'),
});

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
  // Derived once per load of the round's records, not on every render of the panel (dialogs, menus).
  const table = useMemo(() => {
    if (!data.results) return null;
    const scorers = scoringMembers(data.members, data.sheets);
    return { scorers, rows: resultsTableRows(data.results, data.requests, scorers), labels: new Map(data.requests.map((r) => [r.id, r.label])) };
  }, [data]);
  if (!results || !evaluation || !table) return <Alert severity="info">Alegeți comisia și grila rundei (butonul „Setările evaluării”).</Alert>;
  // Titular members, and the substitutes who actually scored in someone's place.
  const { scorers, rows: tableRows, labels } = table!;
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
      <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Clasament și alocare" sx={RANKING_BODY_SX}>
          <TableHead>
            <TableRow>
              <TableCell>Loc</TableCell>
              <TableCell>Cererea</TableCell>
              <TableCell>ONG</TableCell>
              {scorers.map((m) => <TableCell key={m.id} align="right">{m.name}</TableCell>)}
              <TableCell align="right"><Tooltip title={MEAN_ROUNDING_RULE}><span>Media</span></Tooltip></TableCell>
              <TableCell>Stare</TableCell>
              <TableCell align="right">Subvenție calculată</TableCell>
              <TableCell align="right">Suma propusă</TableCell>
            </TableRow>
          </TableHead>
          <RankingBody rows={tableRows} />
        </Table>
      </Paper>
      {[...(results.aggregation?.byRequest.values() ?? [])].some((s) => s.discrepancies.length > 0) && (
        <Alert severity="info" sx={{ mt: 1 }}>
          Diferențe de punctaj peste marja stabilită (de discutat în comisie înainte de rezultatul final):{' '}
          {[...results.aggregation!.byRequest.values()].flatMap((s) => s.discrepancies.map((d) => `cererea ${labels.get(s.requestId)}, criteriul ${d.criterionCode}: ${points(d.min)}–${points(d.max)}`)).join('; ')}.
        </Alert>
      )}
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
