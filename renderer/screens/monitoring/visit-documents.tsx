import { Button, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeIssued } from '../../../src/documents/issued-document';
import { formatRoDate } from '../../../src/validation/dates';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import type { VisitPageData } from '../../services/monitoring';
import { downloadIssued, issueDocument, type DocumentToIssue } from '../../services/issued-documents';
import { downloadBlankChecklist, followUpLetterToIssue, issueVisitReport, reportToIssue } from '../../services/monitoring-documents';
import { useStore } from '../../store-context';

/**
 * The visit's documents: the blank checklist to print for the visit on paper, the visit report and
 * the letter asking the NGO to report on the recommendations, each issued through the register
 * (with a draft preview first), and the documents already issued, each re-downloading
 * byte-identical from the register.
 */
export function VisitDocuments({ data }: { data: VisitPageData }) {
  const store = useStore();
  const { fail } = useNotifier();
  const visitId = data.visit.id;
  const [issuing, setIssuing] = useState<{ doc: DocumentToIssue; kind: 'raport' | 'scrisoare' } | null>(null);
  const issued = useLiveQuery(
    async () => (await store.issuedDocuments.listByConvention(data.visit.conventionId)).filter((d) => d.visitId === visitId || data.visit.reportDocumentIds.includes(d.id)),
    [store, visitId, data.visit.reportDocumentIds.join(',')],
  );
  const isDone = data.visit.status === 'efectuata';
  const open = (kind: 'raport' | 'scrisoare') => void (kind === 'raport' ? reportToIssue(store, visitId) : followUpLetterToIssue(store, visitId)).then((doc) => setIssuing({ doc, kind }), fail);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="region" aria-label="Documentele vizitei">
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>Documentele vizitei</Typography>
      <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="outlined" size="small" onClick={() => downloadBlankChecklist(store, visitId).catch(fail)}>Lista de verificare necompletată (DOCX)</Button>
        <Button variant="contained" size="small" disabled={!isDone} onClick={() => open('raport')}>Emite raportul de monitorizare…</Button>
        <Button variant="outlined" size="small" disabled={!isDone} onClick={() => open('scrisoare')}>Emite scrisoarea privind recomandările…</Button>
      </Stack>
      {!isDone && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>Raportul și scrisoarea se emit după ce vizita este înregistrată ca efectuată.</Typography>}
      {(issued ?? []).length === 0 && <Typography variant="body2" color="text.secondary">Niciun document emis încă.</Typography>}
      {(issued ?? []).map((d) => (
        <Stack key={d.id} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="body2" sx={{ flexGrow: 1 }}>{d.title} {describeIssued(d)} din {formatRoDate(d.issuedOn)}{d.replacedById ? ' (înlocuit)' : ''}</Typography>
          <Button size="small" aria-label={`Descarcă: ${d.title} ${describeIssued(d)}`} onClick={() => downloadIssued(store, d.id).catch(fail)}>Descarcă</Button>
        </Stack>
      ))}
      {issuing && (
        <IssueDocumentDialog
          doc={issuing.doc}
          onIssue={async (request) => (issuing.kind === 'raport' ? issueVisitReport(store, visitId, request) : issueDocument(store, issuing.doc, request, await store.issuedDocuments.inForce(issuing.doc)))}
          onClose={() => setIssuing(null)}
        />
      )}
    </Paper>
  );
}
