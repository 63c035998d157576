import { Alert, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { newId } from '../../../src/entity';
import { FINDING_SEVERITY_LABELS, RECOMMENDATION_STATE_LABELS, type FindingSeverity, type FindingSource } from '../../../src/monitoring/findings';
import { formatRoDate, parseDate } from '../../../src/validation/dates';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import type { DocumentToIssue } from '../../services/issued-documents';
import type { VisitPageData } from '../../services/monitoring';
import { findingNoteDocument, issueFindingNote } from '../../services/monitoring-documents';
import { useStore } from '../../store-context';

/** The visit's findings with their recommendations; a new finding (the discrepancy's proposal prefilled). */
export function FindingsPanel({ data, locked }: { data: VisitPageData; locked: boolean }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const proposal = data.comparison?.proposedFinding;
  // The "Notă de constatare" of a serious finding, issued through the register (draft preview first).
  const [issuingNote, setIssuingNote] = useState<{ doc: DocumentToIssue; findingId: string } | null>(null);
  const openNote = (finding: VisitPageData['findings'][number]) =>
    void store.conventions.get(finding.conventionId).then((convention) => {
      if (!convention) throw new Error('Convenția constatării nu a fost găsită.');
      setIssuingNote({ doc: findingNoteDocument(store, finding, convention, { kind: 'suspendare_plati' }), findingId: finding.id });
    }).catch(fail);
  const [severity, setSeverity] = useState<FindingSeverity>('minora');
  const [text, setText] = useState('');
  const [source, setSource] = useState<FindingSource>('manual');
  const [recommendation, setRecommendation] = useState('');
  const [responsible, setResponsible] = useState(data.convention.provider.representativeName);
  const [deadline, setDeadline] = useState('');
  const hasProposal = !!proposal && !data.findings.some((f) => f.source === 'beneficiari');

  const add = async () => {
    try {
      let recommendations: { id: string; text: string; responsible: string; deadline: string }[] = [];
      if (recommendation.trim()) {
        const d = parseDate(deadline, 'Termenul recomandării');
        if (!d.ok) throw new Error(d.message);
        recommendations = [{ id: newId(), text: recommendation, responsible, deadline: d.value }];
      }
      await store.monitoring.createFinding({ visitId: data.visit.id, severity, source, text, recommendations });
      notify('Constatarea a fost înregistrată.');
      setText('');
      setRecommendation('');
      setDeadline('');
      setSource('manual');
      setSeverity('minora');
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Constatări și recomandări">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>Constatări și recomandări</Typography>
      {issuingNote && <IssueDocumentDialog doc={issuingNote.doc} onIssue={(request) => issueFindingNote(store, issuingNote.findingId, request)} onClose={() => setIssuingNote(null)} />}
      {data.findings.length === 0 && <Typography variant="body2" color="text.secondary">Nicio constatare înregistrată.</Typography>}
      {data.findings.map((f) => (
        <Stack key={f.id} spacing={0.5} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="body2"><Chip size="small" color={f.severity === 'grava' ? 'error' : f.severity === 'majora' ? 'warning' : 'default'} label={FINDING_SEVERITY_LABELS[f.severity]} sx={{ mr: 1 }} />{f.text}</Typography>
          {f.severity === 'grava' && (
            <Button size="small" variant="outlined" color="error" sx={{ alignSelf: 'flex-start' }} onClick={() => openNote(f)}>
              {f.noteDocumentIds.length > 0 ? 'Emite o notă de constatare nouă…' : 'Emite nota de constatare…'}
            </Button>
          )}
          {f.recommendations.map((r) => {
            const st = data.statuses.find((s) => s.recommendation.id === r.id);
            return <Typography key={r.id} variant="body2" sx={{ pl: 2 }}>Recomandare: {r.text} — responsabil {r.responsible}, termen {formatRoDate(r.deadline)}{st ? ` (${RECOMMENDATION_STATE_LABELS[st.state].toLowerCase()})` : ''}</Typography>;
          })}
        </Stack>
      ))}
      {!locked && (
        <Stack spacing={1.5} sx={{ mt: 2 }} role="group" aria-label="Constatare nouă">
          {hasProposal && (
            <Alert severity="warning" action={<Button color="inherit" size="small" onClick={() => { setText(proposal.text); setSeverity(proposal.severity); setSource('beneficiari'); }}>Preia constatarea propusă</Button>}>
              Diferența de beneficiari depășește marja: se propune o constatare.
            </Alert>
          )}
          <Stack direction="row" spacing={2}>
            <TextField size="small" select label="Gravitatea" value={severity} onChange={(e) => setSeverity(e.target.value as FindingSeverity)} sx={{ width: 160 }}>
              {Object.entries(FINDING_SEVERITY_LABELS).map(([v, l]) => <MenuItem key={v} value={v}>{l}</MenuItem>)}
            </TextField>
            <TextField size="small" multiline label="Constatarea" value={text} onChange={(e) => setText(e.target.value)} sx={{ flexGrow: 1 }} />
          </Stack>
          <Stack direction="row" spacing={2}>
            <TextField size="small" label="Recomandarea (opțional)" value={recommendation} onChange={(e) => setRecommendation(e.target.value)} sx={{ flexGrow: 1 }} />
            <TextField size="small" label="Responsabil ONG" value={responsible} onChange={(e) => setResponsible(e.target.value)} sx={{ width: 220 }} />
            <TextField size="small" label="Termen" placeholder="zz.ll.aaaa" value={deadline} onChange={(e) => setDeadline(e.target.value)} sx={{ width: 140 }} />
          </Stack>
          <Button variant="outlined" sx={{ alignSelf: 'flex-start' }} onClick={() => void add()}>Adaugă constatarea</Button>
        </Stack>
      )}
    </Paper>
  );
}
