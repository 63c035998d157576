import { Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeIssued } from '../../../src/documents/issued-document';
import { formatRoDate } from '../../../src/validation/dates';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import type { ConventionDetail } from '../../services/conventions';
import { amendmentToIssue, conventionToIssue } from '../../services/finance-documents';
import { downloadIssued, issueDocument, type DocumentToIssue } from '../../services/issued-documents';
import { useStore } from '../../store-context';

/**
 * The convention and each amendment as issued documents: numbered in the register, stored, and
 * downloaded afterwards exactly as issued.
 */
export function ConventionDocumentsPanel({ detail }: { detail: ConventionDetail }) {
  const store = useStore();
  const { fail } = useNotifier();
  const [issuing, setIssuing] = useState<DocumentToIssue | null>(null);
  const c = detail.convention;
  const issued = useLiveQuery(() => store.issuedDocuments.listByConvention(c.id), [store, c.id]);
  const inForce = (kind: string, amendmentId?: string) =>
    issued?.filter((d) => d.kind === kind && (d.amendmentId ?? '') === (amendmentId ?? '') && !d.replacedById).at(-1);
  const rows: { label: string; doc: () => DocumentToIssue; kind: string; amendmentId?: string }[] = [
    { label: `Convenția nr. ${c.number} din ${formatRoDate(c.date)}`, doc: () => conventionToIssue(store, detail), kind: 'conventie' },
    ...detail.amendments.map((a) => ({ label: `Actul adițional nr. ${a.number} din ${formatRoDate(a.date)}`, doc: () => amendmentToIssue(store, detail, a.id), kind: 'act_aditional', amendmentId: a.id })),
  ];
  return (
    <Paper sx={{ p: 2, maxWidth: 1100 }}>
      {!detail.commitment?.cfpVisa && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          Linia „Viză CFP” a convenției se completează cu viza înregistrată la angajamentul bugetar (fila „Plan de plăți”); fără ea rămâne de completat pe hârtie.
        </Typography>
      )}
      <Table size="small" aria-label="Documentele convenției">
        <TableHead>
          <TableRow>
            <TableCell>Documentul</TableCell>
            <TableCell>Emis</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => {
            const doc = inForce(r.kind, r.amendmentId);
            return (
              <TableRow key={r.label}>
                <TableCell>{r.label}</TableCell>
                <TableCell>{doc ? `${describeIssued(doc)} (${doc.issuedBy})` : 'neemis'}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    {doc && <Button size="small" onClick={() => void downloadIssued(store, doc.id).catch(fail)} aria-label={`Descarcă: ${r.label}`}>Descarcă</Button>}
                    <Button size="small" variant={doc ? 'text' : 'outlined'} onClick={() => setIssuing(r.doc())} aria-label={`Emite: ${r.label}`}>{doc ? 'Emite din nou' : 'Emite'}</Button>
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {issuing && <IssueDocumentDialog doc={issuing} onIssue={async (request) => issueDocument(store, issuing, request, await store.issuedDocuments.inForce(issuing))} onClose={() => setIssuing(null)} />}
    </Paper>
  );
}
