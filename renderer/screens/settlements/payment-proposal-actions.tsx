import { Button, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeIssued } from '../../../src/documents/issued-document';
import { formatLei } from '../../../src/money';
import { MONTH_NAMES, type Month } from '../../../src/requests/subsidy-request';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import { downloadIssued, issueDocument } from '../../services/issued-documents';
import { downloadPaymentProposalXlsx, paymentProposalDocument, paymentProposalItems } from '../../services/settlement-documents';
import { useStore } from '../../store-context';

/** The month's payment proposal for all NGOs: what is proposed, the issued DOCX and its XLSX copy. */
export function PaymentProposalActions({ year, month }: { year: number; month: Month }) {
  const store = useStore();
  const { fail } = useNotifier();
  const [isIssuing, setIssuing] = useState(false);
  const doc = paymentProposalDocument(store, year, month);
  const items = useLiveQuery(() => paymentProposalItems(store, year, month), [store, year, month]) ?? [];
  const inForce = useLiveQuery(() => store.issuedDocuments.inForce(doc), [store, year, month]);
  const proposed = items.filter((i) => !i.blockedReason);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>
          Propunerea de plată pentru {MONTH_NAMES[month - 1]} {year}: {proposed.length} {proposed.length === 1 ? 'decont verificat' : 'deconturi verificate'}, {formatLei(proposed.reduce((s, i) => s + i.amount, 0))}
          {items.length > proposed.length ? `; ${items.length - proposed.length} cu plata suspendată` : ''}. {inForce ? `Emisă: ${describeIssued(inForce)}.` : 'Neemisă.'}
        </Typography>
        {inForce && <Button onClick={() => downloadIssued(store, inForce.id).catch(fail)}>Descarcă propunerea (DOCX)</Button>}
        <Button onClick={() => downloadPaymentProposalXlsx(store, year, month).catch(fail)}>Propunerea (XLSX)</Button>
        <Button variant="outlined" disabled={proposed.length === 0} onClick={() => setIssuing(true)}>{inForce ? 'Emite o propunere nouă' : 'Emite propunerea de plată'}</Button>
      </Stack>
      {isIssuing && <IssueDocumentDialog doc={doc} onIssue={(request) => issueDocument(store, doc, request, inForce)} onClose={() => setIssuing(false)} />}
    </Paper>
  );
}
