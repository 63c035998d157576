import { Alert, Box, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { formatLei } from '../../../src/money';
import { EXCEPTION_KINDS, type Totals } from '../../../src/settlements/reconciliation';
import { yearReconciliation } from '../../services/settlements';
import { useStore } from '../../store-context';
import { ReconciliationDownload } from './reconciliation-download';

const COLUMNS: [keyof Totals, string][] = [['contracted', 'Contractat'], ['claimed', 'Solicitat'], ['admitted', 'Admis'], ['refused', 'Refuzat'], ['approved', 'Aprobat (ordonanțat)'], ['paid', 'Plătit']];

/** The year's reconciliation: totals per NGO and in all, the exceptions, and the workbook for finance. */
export function ReconciliationPanel({ year }: { year: number }) {
  const store = useStore();
  const data = useLiveQuery(() => yearReconciliation(store, year), [store, year]);
  if (!data) return <Typography color="text.secondary">Se calculează…</Typography>;
  const { reconciliation: r } = data;
  return (
    <Box>
      <ReconciliationDownload year={year} />
      <Paper variant="outlined" sx={{ mt: 1.5 }}>
        <Table size="small" aria-label="Totalurile reconcilierii">
          <TableHead><TableRow><TableCell>ONG</TableCell>{COLUMNS.map(([k, l]) => <TableCell key={k} align="right">{l}</TableCell>)}</TableRow></TableHead>
          <TableBody>
            {r.byOrganization.map((o) => (
              <TableRow key={o.organizationId}><TableCell>{o.organizationName}</TableCell>{COLUMNS.map(([k]) => <TableCell key={k} align="right">{formatLei(o[k])}</TableCell>)}</TableRow>
            ))}
            <TableRow sx={{ '& td': { fontWeight: 'bold' } }} data-testid="reconciliation-total">
              <TableCell>Total {year}</TableCell>{COLUMNS.map(([k]) => <TableCell key={k} align="right" data-column={k}>{formatLei(r.total[k])}</TableCell>)}
            </TableRow>
          </TableBody>
        </Table>
      </Paper>
      <Typography variant="h6" sx={{ mt: 2 }}>Excepții</Typography>
      {r.exceptions.length === 0 && <Alert severity="success">Nicio excepție.</Alert>}
      {r.exceptions.map((e, i) => <Alert key={i} severity={e.kind === 'decont_lipsa' ? 'info' : 'warning'} sx={{ mb: 0.5 }}>{EXCEPTION_KINDS[e.kind]}: {e.message}{e.amount ? ` (${formatLei(e.amount)})` : ''}</Alert>)}
    </Box>
  );
}
