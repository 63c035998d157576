import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { IMPORT_LIMITS } from '../../../src/import/limits';
import { formatLei } from '../../../src/money';
import { MONTH_NAMES, type Month } from '../../../src/requests/subsidy-request';
import { MATCH_STATUSES, type MatchStatus } from '../../../src/settlements/payment-matching';
import { formatRoDate, formatRoDateTime } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { FILTERS, openFile } from '../../platform/files';
import { importPaymentsFile, type PaymentFileReport, type SettlementYear } from '../../services/settlements';
import { PaymentProposalActions } from './payment-proposal-actions';
import { useWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';

/** Payments made: the import of the accounting system's export with its report, and the payments of the year. */
export function PaymentsPanel({ year, month, data }: { year: number; month: Month; data: SettlementYear }) {
  const store = useStore();
  const readOnly = useWriteRefusal('payments'); // shared mode: only finance imports payments
  const { notify, fail } = useNotifier();
  const [report, setReport] = useState<PaymentFileReport | null>(null);
  const [isBusy, setBusy] = useState(false);
  const payments = useLiveQuery(() => store.payments.listByYear(year), [store, year]) ?? [];
  const imports = useLiveQuery(() => store.payments.imports(), [store]) ?? [];
  const number = (conventionId: string) => data.conventions.find((c) => c.id === conventionId)?.number ?? '?';

  const importFile = async () => {
    try {
      const file = await openFile(FILTERS.spreadsheet, { maxBytes: IMPORT_LIMITS.maxFileBytes, message: 'Fișierul este prea mare pentru un export de plăți.' });
      if (!file) return;
      setBusy(true);
      const result = await importPaymentsFile(store, file.name, file.data);
      setReport(result);
      if (result.outcome?.newCount) notify(result.message);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography sx={{ flexGrow: 1 }}>
          Plățile efectuate se importă din exportul sistemului de contabilitate (XLSX sau CSV: data, nr. ordin de plată, nr. ordonanțare, CUI sau nr. convenție, suma). Potrivirea se face după nr. ordonanțării sau al ordinului de plată, apoi după CUI, sumă și lună; un rând importat o dată nu se mai adaugă.
        </Typography>
        <Button variant="contained" startIcon={<UploadFileIcon />} disabled={isBusy || readOnly !== undefined} onClick={() => void importFile()}>Importă plăți</Button>
      </Stack>
      <PaymentProposalActions year={year} month={month} />
      <Paper variant="outlined">
        <Table size="small" aria-label="Plățile anului">
          <TableHead><TableRow><TableCell>Data</TableCell><TableCell>Ordin de plată</TableCell><TableCell>Ordonanțare</TableCell><TableCell>Convenția</TableCell><TableCell>Luna</TableCell><TableCell align="right">Suma</TableCell></TableRow></TableHead>
          <TableBody>
            {[...payments].sort((a, b) => a.date.localeCompare(b.date)).map((p) => (
              <TableRow key={p.id}><TableCell>{formatRoDate(p.date)}</TableCell><TableCell>{p.paymentOrderNumber}</TableCell><TableCell>{p.ordonantareNumber}</TableCell><TableCell>nr. {number(p.conventionId)}</TableCell><TableCell>{MONTH_NAMES[p.month - 1]}</TableCell><TableCell align="right">{formatLei(p.amount)}</TableCell></TableRow>
            ))}
            {payments.length === 0 && <TableRow><TableCell colSpan={6}><Typography color="text.secondary">Nicio plată înregistrată pe {year}.</Typography></TableCell></TableRow>}
          </TableBody>
        </Table>
      </Paper>
      {imports.length > 0 && (
        <>
          <Typography variant="h6" sx={{ mt: 2 }}>Importuri</Typography>
          {imports.map((i) => <Typography key={i.id} variant="body2">{formatRoDateTime(i.importedAt)} — „{i.fileName}” ({i.importedBy}): {i.newCount} plăți noi din {i.rowCount} rânduri{i.unmatched.length > 0 ? `, ${i.unmatched.length} neînregistrate` : ''}</Typography>)}
        </>
      )}
      {report && <ImportReport report={report} onClose={() => setReport(null)} />}
    </Box>
  );
}

function ImportReport({ report, onClose }: { report: PaymentFileReport; onClose(): void }) {
  const severity = report.issues.length > 0 ? 'error' : report.outcome?.newCount ? 'success' : 'info';
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="payments-report-title">
      <DialogTitle id="payments-report-title">Raportul importului „{report.fileName}”</DialogTitle>
      <DialogContent>
        <Alert severity={severity} sx={{ mb: 1.5 }}>{report.message}</Alert>
        {report.issues.length > 0 && (
          <Table size="small" aria-label="Problemele fișierului">
            <TableHead><TableRow><TableCell>Rândul</TableCell><TableCell>Coloana</TableCell><TableCell>Motivul</TableCell></TableRow></TableHead>
            <TableBody>{report.issues.map((i, k) => <TableRow key={k}><TableCell>{i.row || '—'}</TableCell><TableCell>{i.column || '—'}</TableCell><TableCell>{i.message}</TableCell></TableRow>)}</TableBody>
          </Table>
        )}
        {report.outcome && (
          <Table size="small" aria-label="Rândurile importului">
            <TableHead><TableRow><TableCell>Rândul</TableCell><TableCell>Rezultatul</TableCell><TableCell>Detalii</TableCell></TableRow></TableHead>
            <TableBody>
              {report.outcome.matches.map((m) => (
                <TableRow key={`${m.row}-${m.key}`}>
                  <TableCell>{m.row}</TableCell>
                  <TableCell><Chip size="small" color={m.status === 'potrivita' ? 'success' : m.status === 'deja_importata' || m.status === 'duplicat' ? 'default' : 'warning'} label={MATCH_STATUSES[m.status as MatchStatus]} /></TableCell>
                  <TableCell>{m.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions><Button onClick={onClose}>Închide</Button></DialogActions>
    </Dialog>
  );
}
