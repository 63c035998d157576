import { Button, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeIssued } from '../../../src/documents/issued-document';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import { downloadIssued, issueDocument, type DocumentToIssue } from '../../services/issued-documents';
import { recoveryNotificationDocument, yearEndStatementDocument } from '../../services/settlement-documents';
import { useStore } from '../../store-context';

/** The convention's year-end statement and, once a sum to recover is recorded, the notification: issued acts, re-downloaded as stored. */
export function YearEndDocuments({ conventionId, hasRecovery }: { conventionId: string; hasRecovery: boolean }) {
  const store = useStore();
  const convention = useLiveQuery(() => store.conventions.get(conventionId), [store, conventionId]);
  if (!convention) return null;
  return (
    <Stack spacing={0.5}>
      <IssuedAct doc={yearEndStatementDocument(store, convention)} label="Situația finală" />
      {hasRecovery && <IssuedAct doc={recoveryNotificationDocument(store, convention)} label="Notificarea de recuperare" />}
    </Stack>
  );
}

function IssuedAct({ doc, label }: { doc: DocumentToIssue; label: string }) {
  const store = useStore();
  const { fail } = useNotifier();
  const [isIssuing, setIssuing] = useState(false);
  const inForce = useLiveQuery(() => store.issuedDocuments.inForce(doc), [store, doc.kind, doc.conventionId]);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" sx={{ minWidth: 150 }}>{label}: {inForce ? describeIssued(inForce) : 'neemisă'}</Typography>
      {inForce && <Button size="small" onClick={() => downloadIssued(store, inForce.id).catch(fail)}>Descarcă</Button>}
      <Button size="small" variant="outlined" onClick={() => setIssuing(true)}>{inForce ? 'Emite din nou' : 'Emite'}</Button>
      {isIssuing && <IssueDocumentDialog doc={doc} onIssue={(request) => issueDocument(store, doc, request, inForce)} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}
