import CloseIcon from '@mui/icons-material/Close';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion, AccordionDetails, AccordionSummary, Alert, AppBar, Box, Button, Chip, Dialog, DialogContent, FormControlLabel, IconButton, MenuItem, Paper, Radio, RadioGroup,
  Stack, TextField, Toolbar, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { ATTACHMENT_TYPE_LABELS } from '../../../src/monitoring/attachments';
import { answerKey, ITEM_RESULT_LABELS, VERIFICATION_METHOD_LABELS, type ChecklistAnswer, type ChecklistTemplate, type ItemResult } from '../../../src/monitoring/checklist';
import type { ScoreTotals } from '../../../src/monitoring/checklist-scoring';
import { cleanTeam, VISIT_KIND_LABELS, VISIT_PLACE_LABELS, VISIT_STATUS_LABELS, isVisitLocked, type MonitoringVisit, type TeamMember, type VisitKind, type VisitPlace, type VisitStatus } from '../../../src/monitoring/visit';
import { MONTH_NAMES, type Month } from '../../../src/requests/subsidy-request';
import { formatRoDate, parseOptionalDate, todayIso } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { ReasonDialog } from '../../components/reason-dialog';
import { comparedMonth, downloadAttachment, loadTeamRoleSuggestions, loadVisitPage, pickAndAttach, type VisitPageData } from '../../services/monitoring';
import { useStore } from '../../store-context';
import { FindingsPanel } from './findings-panel';
import { TeamEditor } from './team-editor';
import { VisitDocuments } from './visit-documents';

const RESULTS = Object.keys(ITEM_RESULT_LABELS) as ItemResult[];

const totalsText = (t: ScoreTotals) =>
  `${t.points} din ${t.maxPoints} puncte${t.percent !== undefined ? ` (${t.percent.toLocaleString('ro-RO')} %)` : ''}${t.notApplicable ? ` · ${t.notApplicable} nu se aplică` : ''}${t.unanswered ? ` · ${t.unanswered} fără răspuns` : ''}`;

/** A visit on its own page: its data, the checklist by module → standard → requirement, beneficiaries, attachments, findings, conclusions. */
export function VisitPage({ visitId, onClose }: { visitId: string; onClose(): void }) {
  const store = useStore();
  const data = useLiveQuery(() => loadVisitPage(store, visitId), [store, visitId]);
  const version = useRef(0);
  if (data && data.visit.version > version.current) version.current = data.visit.version;
  const title = data ? `Vizita din ${formatRoDate(data.visit.actualDate ?? data.visit.plannedDate)} — ${data.unit.unitName}` : 'Vizita';
  return (
    <Dialog open fullScreen onClose={onClose} aria-labelledby="visit-title">
      <AppBar position="sticky" color="default" elevation={1}>
        <Toolbar>
          <Typography id="visit-title" variant="h6" component="h2" sx={{ flexGrow: 1 }}>{title}</Typography>
          <IconButton aria-label="Închide vizita" onClick={onClose}><CloseIcon /></IconButton>
        </Toolbar>
      </AppBar>
      <DialogContent>
        {!data ? <Typography color="text.secondary">Se încarcă…</Typography> : <VisitContent data={data} version={version} />}
      </DialogContent>
    </Dialog>
  );
}

function VisitContent({ data, version }: { data: VisitPageData; version: React.MutableRefObject<number> }) {
  const store = useStore();
  const { fail } = useNotifier();
  const { visit, convention, unit } = data;
  const locked = isVisitLocked(visit);
  const save = async (change: (v: MonitoringVisit) => MonitoringVisit) => {
    try {
      const current = (await store.monitoring.getVisit(visit.id))!;
      const next = await store.monitoring.updateVisit(visit.id, change(current), current.version);
      version.current = next.version;
      return true;
    } catch (error) {
      fail(error);
      return false;
    }
  };
  // Answers are written one after the other (a result clicked while an evidence note is saved).
  const queue = useRef<Promise<void>>(Promise.resolve());
  const setAnswer = (answer: ChecklistAnswer): Promise<void> => {
    queue.current = queue.current.then(async () => {
      try {
        const current = (await store.monitoring.getVisit(visit.id))!;
        const next = await store.monitoring.setAnswer(visit.id, answer, current.version);
        version.current = next.version;
      } catch (error) {
        fail(error);
      }
    });
    return queue.current;
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 1200, mx: 'auto' }}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="subtitle1">{convention.provider.name} — convenția nr. {convention.number}/{formatRoDate(convention.date)}</Typography>
        <Typography variant="body2" color="text.secondary">
          {unit.unitName} · cod serviciu {unit.serviceCode} · licența nr. {unit.licenceNumber || '—'}{unit.licenceExpiryDate ? `, valabilă până la ${formatRoDate(unit.licenceExpiryDate)}` : ''}
        </Typography>
        {locked && <Alert severity="info" sx={{ mt: 1 }}>Raportul vizitei a fost emis: constatările nu se mai modifică. O corectură se face printr-un raport nou, care îl înlocuiește pe cel emis.</Alert>}
      </Paper>
      <VisitDataForm visit={visit} locked={locked} onSave={save} />
      <VisitDocuments data={data} />
      <Typography variant="h6" component="h3">Lista de verificare</Typography>
      <Typography variant="body2" aria-label="Punctajul total al vizitei">Total: {totalsText(data.scores.total)}</Typography>
      {data.templates.map((t) => <TemplateChecklist key={`${t.id}@${t.version}`} template={t} data={data} locked={locked} onAnswer={setAnswer} />)}
      <BeneficiariesPanel data={data} locked={locked} onSave={save} />
      <AttachmentsPanel data={data} locked={locked} />
      <FindingsPanel data={data} locked={locked} />
      <ConclusionsPanel visit={visit} locked={locked} onSave={save} />
    </Stack>
  );
}

function VisitDataForm({ visit, locked, onSave }: { visit: MonitoringVisit; locked: boolean; onSave(change: (v: MonitoringVisit) => MonitoringVisit): Promise<boolean> }) {
  const store = useStore();
  const { fail } = useNotifier();
  const roleSuggestions = useLiveQuery(() => loadTeamRoleSuggestions(store), [store]) ?? [];
  const [status, setStatus] = useState<VisitStatus>(visit.status);
  const [actual, setActual] = useState(visit.actualDate ? formatRoDate(visit.actualDate) : '');
  const [team, setTeam] = useState<TeamMember[]>(visit.team);
  const [teamError, setTeamError] = useState<string | undefined>();
  const [kind, setKind] = useState<VisitKind>(visit.kind);
  const [place, setPlace] = useState<VisitPlace>(visit.place);
  const [representative, setRepresentative] = useState(visit.ngoRepresentative ?? '');
  const [cancelReason, setCancelReason] = useState(visit.cancelReason ?? '');
  const submit = async () => {
    const parsed = parseOptionalDate(actual, 'Data efectuării');
    if (!parsed.ok) return fail(new Error(parsed.message));
    const cleaned = cleanTeam(team);
    setTeamError(cleaned.error);
    if (cleaned.error) return;
    await onSave((v) => ({ ...v, status, actualDate: parsed.value, team: cleaned.team, kind, place, ngoRepresentative: representative, cancelReason: status === 'anulata' ? cancelReason : undefined }));
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label="Datele vizitei" role="group">
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField size="small" label="Data planificată" value={formatRoDate(visit.plannedDate)} disabled sx={{ width: 150 }} />
        <TextField size="small" select label="Starea" value={status} disabled={locked} onChange={(e) => setStatus(e.target.value as VisitStatus)} sx={{ width: 160 }}>
          {Object.entries(VISIT_STATUS_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
        </TextField>
        <TextField size="small" label="Data efectuării" placeholder="zz.ll.aaaa" value={actual} disabled={locked} onChange={(e) => setActual(e.target.value)} sx={{ width: 150 }} />
        <TextField size="small" select label="Tipul vizitei" value={kind} disabled={locked} onChange={(e) => setKind(e.target.value as VisitKind)} sx={{ width: 210 }}>
          {Object.entries(VISIT_KIND_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
        </TextField>
        <TextField size="small" select label="Locul vizitei" value={place} disabled={locked} onChange={(e) => setPlace(e.target.value as VisitPlace)} sx={{ width: 260 }}>
          {Object.entries(VISIT_PLACE_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
        </TextField>
        <TextField size="small" label="Reprezentantul ONG prezent" value={representative} disabled={locked} onChange={(e) => setRepresentative(e.target.value)} sx={{ width: 260 }} />
        {status === 'anulata' && <TextField size="small" label="Motivul anulării" value={cancelReason} disabled={locked} onChange={(e) => setCancelReason(e.target.value)} sx={{ minWidth: 300 }} />}
        <TeamEditor team={team} onChange={(t) => { setTeam(t); setTeamError(undefined); }} suggestions={roleSuggestions} disabled={locked} error={teamError} />
        <Button variant="contained" disabled={locked} onClick={() => void submit()}>Salvează datele vizitei</Button>
        {!locked && status === 'planificata' && (
          <Button onClick={() => { setStatus('efectuata'); if (!actual) setActual(formatRoDate(visit.plannedDate < todayIso() ? visit.plannedDate : todayIso())); }}>Marchează efectuată</Button>
        )}
      </Stack>
    </Paper>
  );
}

function TemplateChecklist({ template, data, locked, onAnswer }: { template: ChecklistTemplate; data: VisitPageData; locked: boolean; onAnswer(a: ChecklistAnswer): Promise<void> }) {
  const score = data.scores.templates.find((s) => s.templateId === template.id);
  const answers = new Map(data.visit.answers.map((a) => [a.key, a]));
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label={`Lista ${template.title}`}>
      <Typography variant="subtitle1">{template.title}</Typography>
      <Typography variant="body2" color="text.secondary">{template.act.name}, versiunea {template.version}{template.status === 'de_completat' ? ' · unele cerințe sunt „de completat” din textul oficial' : ''}</Typography>
      {template.modules.map((m) => {
        const ms = score?.modules.find((x) => x.code === m.code);
        return (
          <Accordion key={m.code} disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography sx={{ flexGrow: 1 }}>{m.code} – {m.title}</Typography>
              {ms && <Typography variant="body2" color="text.secondary" aria-label={`Total ${m.code}`}>{totalsText(ms)}</Typography>}
            </AccordionSummary>
            <AccordionDetails>
              {m.standards.map((s) => (
                <Box key={s.code} sx={{ mb: 2 }}>
                  <Typography variant="subtitle2">{s.code} – {s.title}</Typography>
                  {s.statement && <Typography variant="body2" color="text.secondary">{s.statement}</Typography>}
                  {s.requirements.map((r) => {
                    const key = answerKey(template.id, r.code);
                    return <RequirementRow key={key} answerKeyValue={key} code={r.code} text={r.text} toComplete={!!r.toComplete} legalBasis={r.legalBasis} methods={r.methods.map((x) => VERIFICATION_METHOD_LABELS[x]).join(', ')} answer={answers.get(key)} locked={locked} onAnswer={onAnswer} />;
                  })}
                </Box>
              ))}
            </AccordionDetails>
          </Accordion>
        );
      })}
      {score && <Typography variant="body2" sx={{ mt: 1 }} aria-label={`Total ${template.title}`}>Total listă: {totalsText(score)}</Typography>}
    </Paper>
  );
}

function RequirementRow(props: { answerKeyValue: string; code: string; text: string; toComplete: boolean; legalBasis: string; methods: string; answer?: ChecklistAnswer; locked: boolean; onAnswer(a: ChecklistAnswer): Promise<void> }) {
  const { answerKeyValue: key, code, answer, locked, onAnswer } = props;
  const [evidence, setEvidence] = useState(answer?.evidence ?? '');
  const [result, setResult] = useState<ItemResult | ''>(answer?.result ?? '');
  useEffect(() => setEvidence(answer?.evidence ?? ''), [answer?.evidence]);
  useEffect(() => setResult(answer?.result ?? ''), [answer?.result]);
  return (
    <Box role="group" aria-label={`Cerința ${code}`} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography variant="body2"><b>{code}</b> {props.text || <i>(textul cerinței nu a fost încă preluat)</i>} {props.toComplete && <Chip size="small" label="de completat" variant="outlined" />}</Typography>
          <Typography variant="caption" color="text.secondary">{props.legalBasis} · {props.methods}</Typography>
        </Box>
        <RadioGroup row aria-label={`Rezultatul cerinței ${code}`} value={result} onChange={(e) => { setResult(e.target.value as ItemResult); void onAnswer({ key, result: e.target.value as ItemResult, evidence: evidence || undefined }); }}>
          {RESULTS.map((r) => <FormControlLabel key={r} value={r} disabled={locked} control={<Radio size="small" />} label={ITEM_RESULT_LABELS[r]} />)}
        </RadioGroup>
      </Stack>
      <TextField size="small" fullWidth label="Dovada (ce s-a văzut, ce documente)" value={evidence} disabled={locked} onChange={(e) => setEvidence(e.target.value)}
        onBlur={() => { if ((answer?.evidence ?? '') !== evidence) void onAnswer({ key, evidence }); }} sx={{ mt: 0.5 }} />
    </Box>
  );
}

function BeneficiariesPanel({ data, locked, onSave }: { data: VisitPageData; locked: boolean; onSave(change: (v: MonitoringVisit) => MonitoringVisit): Promise<boolean> }) {
  const { visit, comparison } = data;
  const compared = comparedMonth(visit);
  const [present, setPresent] = useState(visit.observed.present?.toString() ?? '');
  const [onRegister, setOnRegister] = useState(visit.observed.onRegister?.toString() ?? '');
  const [month, setMonth] = useState<Month>(compared.month);
  const toCount = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Beneficiari observați">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>Beneficiari observați și decontul lunii</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField size="small" label="Prezenți la vizită" value={present} disabled={locked} onChange={(e) => setPresent(e.target.value)} sx={{ width: 170 }} />
        <TextField size="small" label="În registrul unității" value={onRegister} disabled={locked} onChange={(e) => setOnRegister(e.target.value)} sx={{ width: 170 }} />
        <TextField size="small" select label="Luna comparată" value={month} disabled={locked} onChange={(e) => setMonth(Number(e.target.value) as Month)} sx={{ width: 170 }}>
          {MONTH_NAMES.map((n, i) => <MenuItem key={n} value={i + 1}>{n} {compared.year}</MenuItem>)}
        </TextField>
        <Button variant="outlined" disabled={locked} onClick={() => void onSave((v) => ({ ...v, observed: { present: toCount(present), onRegister: toCount(onRegister), year: compared.year, month } }))}>Compară cu decontul</Button>
      </Stack>
      {comparison && <Alert severity={comparison.isBeyondMargin ? 'warning' : 'success'} sx={{ mt: 1 }} role="status" aria-label="Comparația cu decontul">{comparison.explanation}</Alert>}
    </Paper>
  );
}

function AttachmentsPanel({ data, locked }: { data: VisitPageData; locked: boolean }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const live = data.attachments.filter((a) => !a.removedAt);
  const [withdrawing, setWithdrawing] = useState<{ id: string; fileName: string } | null>(null);
  const withdraw = (reason: string) => {
    const target = withdrawing!;
    setWithdrawing(null);
    store.monitoring.withdrawAttachment(target.id, reason).then(() => notify(`Fișierul „${target.fileName}” a fost retras.`)).catch(fail);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Fișiere atașate">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>Fotografii și documente ({live.length})</Typography>
        <Button variant="outlined" disabled={locked} onClick={() => pickAndAttach(store, data.visit.id).then((name) => name && notify(`Fișierul „${name}” a fost atașat.`)).catch(fail)}>Atașează un fișier</Button>
      </Stack>
      <Typography variant="caption" color="text.secondary">JPEG, PNG sau PDF, cel mult 10 MB fiecare (limită a aplicației); tipul se verifică după conținut.</Typography>
      {data.attachments.map((a) => (
        <Stack key={a.id} direction="row" spacing={2} sx={{ alignItems: 'center', py: 0.5 }}>
          <Typography variant="body2" sx={{ flexGrow: 1, textDecoration: a.removedAt ? 'line-through' : undefined }}>
            {a.fileName} · {ATTACHMENT_TYPE_LABELS[a.type]} · {(a.size / 1024).toLocaleString('ro-RO', { maximumFractionDigits: 0 })} KB{a.removedReason ? ` · retras: ${a.removedReason}` : ''}
          </Typography>
          <Button size="small" onClick={() => downloadAttachment(store, a.id).catch(fail)}>Descarcă</Button>
          {!a.removedAt && !locked && <Button size="small" color="warning" onClick={() => setWithdrawing({ id: a.id, fileName: a.fileName })}>Retrage</Button>}
        </Stack>
      ))}
      {withdrawing && (
        <ReasonDialog
          title="Retragerea fișierului"
          text={`Fișierul „${withdrawing.fileName}” rămâne păstrat și în copia de siguranță, marcat ca retras, cu motivul de mai jos.`}
          confirmLabel="Retrage fișierul"
          onConfirm={withdraw}
          onCancel={() => setWithdrawing(null)}
        />
      )}
    </Paper>
  );
}

function ConclusionsPanel({ visit, locked, onSave }: { visit: MonitoringVisit; locked: boolean; onSave(change: (v: MonitoringVisit) => MonitoringVisit): Promise<boolean> }) {
  const { notify } = useNotifier();
  const [text, setText] = useState(visit.conclusions);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Concluzii">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>Concluziile echipei</Typography>
      <TextField multiline minRows={3} fullWidth label="Concluzii" value={text} disabled={locked} onChange={(e) => setText(e.target.value)} />
      <Button sx={{ mt: 1 }} variant="outlined" disabled={locked} onClick={() => void onSave((v) => ({ ...v, conclusions: text })).then((ok) => ok && notify('Concluziile au fost salvate.'))}>Salvează concluziile</Button>
    </Paper>
  );
}
