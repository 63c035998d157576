import { Button, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type RefObject } from 'react';
import { describeIssued } from '../../../src/documents/issued-document';
import { IssueDocumentDialog } from '../../components/issue-document-dialog';
import { useNotifier } from '../../components/notifier';
import { annualReportDocument, downloadAnnualReportXlsx } from '../../services/home';
import { downloadIssued, issueDocument } from '../../services/issued-documents';
import { useStore } from '../../store-context';
import type { CaptureCharts } from './year-charts-panel';

/**
 * The programme's annual report of the year: issued through the register (raport_anual, about the
 * year) with a draft preview, its charts drawn from the charts above; its data as XLSX.
 */
export function AnnualReportPanel({ year, captureRef }: { year: number; captureRef: RefObject<CaptureCharts | null> }) {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [isIssuing, setIssuing] = useState(false);
  const doc = useMemo(() => annualReportDocument(store, year, async () => (await captureRef.current?.()) ?? []), [store, year, captureRef]);
  const inForce = useLiveQuery(() => store.issuedDocuments.inForce(doc), [store, doc]);
  return (
    <Paper component="section" aria-labelledby="raport-anual-titlu" sx={{ p: 2 }}>
      <Typography id="raport-anual-titlu" variant="h6" component="h2" gutterBottom>Raportul anual al programului — {year}</Typography>
      <Typography variant="body2" sx={{ mb: 1.5 }}>
        Raportul Legii nr. 34/1998 pe anul {year}: ONG-uri, unități, beneficiari, sume acordate și plătite pe categorii, convenții, contestații, monitorizare și datele pentru
        planul anual de acțiune privind serviciile sociale (Legea nr. 292/2011, art. 112 și 118), cu graficele de mai sus. Totalurile sunt cele ale registrului de reconciliere.{' '}
        {inForce ? `Emis: ${describeIssued(inForce)}.` : 'Neemis.'}
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {inForce && <Button onClick={() => downloadIssued(store, inForce.id).catch(fail)}>Descarcă raportul emis (DOCX)</Button>}
        <Button onClick={() => downloadAnnualReportXlsx(store, year).then((ok) => ok && notify('Datele raportului anual au fost descărcate.')).catch(fail)}>Datele raportului (XLSX)</Button>
        <Button variant="contained" onClick={() => setIssuing(true)}>{inForce ? 'Emite un raport nou' : 'Emite raportul anual'}</Button>
      </Stack>
      {isIssuing && <IssueDocumentDialog doc={doc} onIssue={(request) => issueDocument(store, doc, request, inForce)} onClose={() => setIssuing(false)} />}
    </Paper>
  );
}
