import { Button, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { Convention } from '../../../src/conventions/convention';
import { describeIssued } from '../../../src/documents/issued-document';
import type { MonthlySettlement } from '../../../src/settlements/monthly-settlement';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import { downloadIssued, issueDocument } from '../../services/issued-documents';
import { verificationNoteDocument } from '../../services/settlement-documents';
import { useStore } from '../../store-context';

/** The verification note of a verified month: issued once (a later one replaces it, naming it), downloaded as stored. */
export function SettlementDocuments({ convention, settlement }: { convention: Convention; settlement: MonthlySettlement }) {
  const store = useStore();
  const { fail } = useNotifier();
  const [isIssuing, setIssuing] = useState(false);
  const doc = verificationNoteDocument(store, convention, settlement);
  const inForce = useLiveQuery(() => store.issuedDocuments.inForce(doc), [store, settlement.id]);
  if (!settlement.verification) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 2, alignItems: 'center' }}>
      <Typography sx={{ flexGrow: 1 }}>Nota de verificare: {inForce ? describeIssued(inForce) : 'neemisă'}</Typography>
      {inForce && <Button onClick={() => downloadIssued(store, inForce.id).catch(fail)}>Descarcă nota emisă</Button>}
      <Button variant="outlined" onClick={() => setIssuing(true)}>{inForce ? 'Emite o notă nouă' : 'Emite nota de verificare'}</Button>
      {isIssuing && <IssueDocumentDialog doc={doc} onIssue={(request) => issueDocument(store, doc, request, inForce)} onClose={() => setIssuing(false)} />}
    </Stack>
  );
}
