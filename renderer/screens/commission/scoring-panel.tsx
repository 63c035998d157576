import FileDownloadIcon from '@mui/icons-material/FileDownload';
import FileUploadIcon from '@mui/icons-material/FileUpload';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { canScore, findRecusals } from '../../../src/commission/conflicts';
import { hasVotingRole } from '../../../src/commission/members';
import type { ScoreImportProblem } from '../../../src/commission/score-import';
import { emptyScoreSheet, SCORE_SOURCES, scoreCellProblem, sheetTotal, type ScoreSheet, type ScoreSource } from '../../../src/commission/scores';
import { gridProblems, scoringItems, type GridLike } from '../../../src/commission/scoring-grid';
import { ValidationError } from '../../../src/errors';
import { formatDecimal } from '../../../src/money';
import { formatRoDate } from '../../../src/validation/dates';
import { ExportMenu } from '../../components/export-menu';
import { useNotifier } from '../../components/notifier';
import { ReasonDialog } from '../../components/reason-dialog';
import { exportImpartialityDeclarationDocx, exportScoreSheetDocx, exportScoreWorkbookXlsx, importScoreWorkbook } from '../../services/commission-documents';
import type { RoundEvaluationData } from '../../services/round-evaluation';
import { useStore } from '../../store-context';

/**
 * One member's scores at one session: a row per request on the agenda, a column per scoring item,
 * with the running total. Requests the member may not score (recused, not sitting, no declaration)
 * show why and take no input. A submitted row is locked until reopened with a reason.
 */
export function ScoringPanel({ data }: { data: RoundEvaluationData }) {
  const sessions = data.sessions.filter((s) => s.kind === 'evaluare');
  const [sessionId, setSessionId] = useState(sessions[0]?.id ?? '');
  const session = sessions.find((s) => s.id === sessionId) ?? sessions[0];
  const scorers = data.members.filter(hasVotingRole);
  const [memberId, setMemberId] = useState(scorers[0]?.id ?? '');
  const [source, setSource] = useState<ScoreSource>('ecran');
  const grid = data.grid;

  if (!grid) return <Alert severity="info">Alegeți grila de evaluare a rundei (butonul „Setările evaluării”).</Alert>;
  const problems = gridProblems(grid);
  if (problems.length > 0) return <Alert severity="warning">Punctarea nu este permisă până la completarea grilei „{grid.name}”: {problems.join(' ')}</Alert>;
  if (!session) return <Alert severity="info">Programați mai întâi o ședință de evaluare (fila „Ședințe”).</Alert>;

  return (
    <Box>
      <Stack direction="row" spacing={1.5} sx={{ mb: 1.5 }}>
        <TextField select sx={{ width: 260 }} label="Ședința" value={session.id} onChange={(e) => setSessionId(e.target.value)}>
          {sessions.map((s) => <MenuItem key={s.id} value={s.id}>{formatRoDate(s.date)} — {s.place}</MenuItem>)}
        </TextField>
        <TextField select sx={{ width: 260 }} label="Membrul care punctează" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
          {scorers.map((m) => <MenuItem key={m.id} value={m.id}>{m.name}</MenuItem>)}
        </TextField>
        <TextField select sx={{ width: 260 }} label="Punctajul vine din" value={source} onChange={(e) => setSource(e.target.value as ScoreSource)}>
          {(['ecran', 'fisa_hartie'] as const).map((s) => <MenuItem key={s} value={s}>{SCORE_SOURCES[s]}</MenuItem>)}
        </TextField>
      </Stack>
      {memberId && <MemberDocuments data={data} sessionId={session.id} memberId={memberId} isLocked={!!data.evaluation?.lock.isLocked} />}
      {data.evaluation?.lock.isLocked && <Alert severity="info" sx={{ mb: 1 }}>Rezultatele rundei sunt finale: punctajele nu se mai pot modifica.</Alert>}
      {memberId && <MemberScores key={`${session.id}|${memberId}`} data={data} grid={grid} sessionId={session.id} memberId={memberId} source={source} />}
    </Box>
  );
}

/** The member's papers: declaration, printed score sheet, and the score workbook out and back in. */
function MemberDocuments({ data, sessionId, memberId, isLocked }: { data: RoundEvaluationData; sessionId: string; memberId: string; isLocked: boolean }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [problems, setProblems] = useState<{ fileName: string; problems: ScoreImportProblem[] } | null>(null);
  const done = (text: string) => (ok: boolean) => ok && notify(text);
  const importWorkbook = async () => {
    try {
      const outcome = await importScoreWorkbook(store, data, sessionId, memberId);
      if (outcome.status === 'refused') setProblems(outcome);
      if (outcome.status === 'imported') notify(`Au fost importate ${outcome.count} fișe de evaluare din ${outcome.fileName}.`);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 1.5 }}>
      <ExportMenu
        icon={<FileDownloadIcon />}
        label="Documentele membrului"
        items={[
          { label: 'Declarație de imparțialitate și confidențialitate (DOCX)', onClick: () => exportImpartialityDeclarationDocx(store, data, sessionId, memberId).then(done('Declarația a fost generată.')).catch(fail) },
          { label: 'Fișa de evaluare tipărită (DOCX)', onClick: () => exportScoreSheetDocx(store, data, sessionId, memberId).then(done('Fișa de evaluare a fost generată.')).catch(fail) },
          { label: 'Registrul de punctaje de completat (XLSX)', onClick: () => exportScoreWorkbookXlsx(store, data, sessionId, memberId).then(done('Registrul de punctaje a fost exportat.')).catch(fail) },
        ]}
      />
      <Button startIcon={<FileUploadIcon />} onClick={() => void importWorkbook()} disabled={isLocked}>Importă punctajele (XLSX)</Button>
      {problems && (
        <Dialog open onClose={() => setProblems(null)} maxWidth="md" fullWidth aria-labelledby="import-problems-title">
          <DialogTitle id="import-problems-title">Registrul „{problems.fileName}” nu a fost importat</DialogTitle>
          <DialogContent>
            <Alert severity="error" sx={{ mb: 1 }}>Nu s-a importat nimic. Corectați celulele de mai jos și importați din nou registrul.</Alert>
            <Table size="small" aria-label="Probleme la import">
              <TableHead><TableRow><TableCell>Foaia</TableCell><TableCell>Rândul</TableCell><TableCell>Coloana</TableCell><TableCell>Valoarea</TableCell><TableCell>Motivul</TableCell></TableRow></TableHead>
              <TableBody>
                {problems.problems.map((p, i) => (
                  <TableRow key={i}><TableCell>{p.sheet}</TableCell><TableCell>{p.row ?? ''}</TableCell><TableCell>{p.column ?? ''}</TableCell><TableCell>{p.value}</TableCell><TableCell>{p.reason}</TableCell></TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions><Button onClick={() => setProblems(null)}>Închide</Button></DialogActions>
        </Dialog>
      )}
    </Stack>
  );
}

function MemberScores({ data, grid, sessionId, memberId, source }: { data: RoundEvaluationData; grid: GridLike; sessionId: string; memberId: string; source: ScoreSource }) {
  const session = data.sessions.find((s) => s.id === sessionId)!;
  const items = useMemo(() => scoringItems(grid), [grid]);
  const recusals = useMemo(() => findRecusals(session.agenda, data.members, data.requests, data.manualRecusals.filter((r) => r.sessionId === session.id)), [session, data]);
  const declarations = data.declarations.filter((d) => d.sessionId === session.id);
  const member = data.members.find((m) => m.id === memberId);
  return (
    <Paper variant="outlined" sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={`Punctajele acordate de ${member?.name ?? ''}`}>
        <TableHead>
          <TableRow>
            <TableCell>Cererea</TableCell>
            {items.map((i) => <TableCell key={i.code} align="center" title={i.title}>{i.code}<br /><Typography variant="caption">max {formatDecimal(i.maxPoints ?? 0, 0)}</Typography></TableCell>)}
            <TableCell align="right">Total</TableCell>
            <TableCell>Comentariu</TableCell>
            <TableCell>Stare</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {session.agenda.map((requestId) => {
            const request = data.requests.find((r) => r.id === requestId);
            if (!request) return null;
            const permission = canScore(memberId, requestId, { session, members: data.members, declarations, recusals });
            const sheet = data.sheets.find((s) => s.sessionId === session.id && s.memberId === memberId && s.requestId === requestId);
            return (
              <ScoreRow key={`${requestId}|${sheet?.id ?? ""}|${sheet?.version ?? 0}`} label={`${request.label} — ${request.organizationName}`} items={items} grid={grid} sheet={sheet} permission={permission} isLocked={!!data.evaluation?.lock.isLocked}
                ids={{ sessionId: session.id, roundId: data.round.id, memberId, requestId }} source={source} />
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}

function ScoreRow(props: {
  label: string;
  items: ReturnType<typeof scoringItems>;
  grid: GridLike;
  sheet: ScoreSheet | undefined;
  permission: { isAllowed: boolean; reason: string };
  isLocked: boolean;
  ids: { sessionId: string; roundId: string; memberId: string; requestId: string };
  source: ScoreSource;
}) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const { sheet, items, permission } = props;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(items.map((i) => [i.code, sheet?.points[i.code] === undefined ? '' : formatDecimal(sheet.points[i.code]!, Number.isInteger(sheet.points[i.code]) ? 0 : 2)])));
  const [comment, setComment] = useState(sheet?.comment ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const isSubmitted = sheet?.state === 'trimisa';
  const isReadOnly = isSubmitted || props.isLocked || !permission.isAllowed;
  // The running total counts only the cells the grid accepts (a 45 over a maximum of 40 adds nothing).
  const numeric = Object.fromEntries(
    items.filter((i) => (values[i.code] ?? '').trim() !== '' && !scoreCellProblem(i, values[i.code])).map((i) => [i.code, Number(values[i.code]!.replace(',', '.'))]),
  );
  const total = sheetTotal({ points: numeric }, props.grid);

  const save = async (submit: boolean) => {
    setErrors({});
    try {
      await store.scoreSheets.save({ ...emptyScoreSheet(props.ids, props.grid, props.source), points: values, comment }, { submit, expectedVersion: props.sheet?.version ?? 0 });
      notify(submit ? `Punctajul pentru cererea ${props.label} a fost trimis.` : 'Ciorna a fost salvată.');
    } catch (error) {
      if (error instanceof ValidationError) setErrors(Object.fromEntries(Object.entries(error.fields).filter((e): e is [string, string] => !!e[1])));
      else fail(error);
    }
  };
  const [isReopening, setReopening] = useState(false);
  const reopen = async (reason: string) => {
    setReopening(false);
    if (!sheet) return;
    try {
      await store.scoreSheets.reopen(sheet.id, reason);
      notify('Fișa a fost redeschisă.');
    } catch (error) {
      fail(error);
    }
  };

  if (!permission.isAllowed) {
    return (
      <TableRow>
        <TableCell>{props.label}</TableCell>
        <TableCell colSpan={items.length + 4}><Typography variant="body2" color="text.secondary">Nu punctează: {permission.reason}</Typography></TableCell>
      </TableRow>
    );
  }
  const fieldErrors = Object.entries(errors);
  return (
    <TableRow>
      <TableCell sx={{ minWidth: 200 }}>
        {props.label}
        {fieldErrors.length > 0 && <Typography variant="body2" color="error">{fieldErrors.map(([, m]) => m).join(' ')}</Typography>}
      </TableCell>
      {items.map((i) => {
        // The grid's rule, checked as the member types; the repository's answer after a save.
        const problem = isReadOnly ? undefined : scoreCellProblem(i, values[i.code]);
        const cellId = `punctaj-${props.ids.requestId}-${props.ids.memberId}-${i.code}`;
        return (
          <TableCell key={i.code} align="center" sx={{ verticalAlign: 'top' }}>
            <TextField id={cellId} size="small" sx={{ width: 72 }} value={values[i.code] ?? ''} disabled={isReadOnly} error={!!problem || !!errors[`points.${i.code}`]}
              helperText={problem ? `${problem[0]!.toUpperCase()}${problem.slice(1)}.` : undefined}
              onChange={(e) => setValues({ ...values, [i.code]: e.target.value })} slotProps={{ htmlInput: { 'aria-label': `${i.code} — ${props.label}`, inputMode: 'decimal' }, formHelperText: { sx: { mx: 0, lineHeight: 1.2 }, role: 'alert' } }} />
          </TableCell>
        );
      })}
      <TableCell align="right"><strong>{formatDecimal(total, Number.isInteger(total) ? 0 : 2)}</strong></TableCell>
      <TableCell><TextField size="small" value={comment} disabled={isReadOnly} onChange={(e) => setComment(e.target.value)} slotProps={{ htmlInput: { 'aria-label': `Comentariu — ${props.label}` } }} /></TableCell>
      <TableCell>{sheet ? <Chip size="small" color={isSubmitted ? 'success' : 'default'} label={isSubmitted ? 'trimisă' : 'ciornă'} /> : <Chip size="small" variant="outlined" label="neînceput" />}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {!isReadOnly && <Button size="small" onClick={() => void save(false)}>Ciornă</Button>}
        {!isReadOnly && <Button size="small" variant="contained" onClick={() => void save(true)} aria-label={`Trimite punctajul — ${props.label}`}>Trimite</Button>}
        {isSubmitted && !props.isLocked && <Button size="small" startIcon={<LockOpenIcon />} onClick={() => setReopening(true)}>Redeschide</Button>}
        {isReopening && (
          <ReasonDialog title={`Redeschiderea fișei — ${props.label}`} text="Fișa trimisă revine la ciornă; motivul, cine și când se păstrează pe fișă și în jurnal." confirmLabel="Redeschide fișa" onConfirm={(r) => void reopen(r)} onCancel={() => setReopening(false)} />
        )}
      </TableCell>
    </TableRow>
  );
}
