import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotifier } from '../../components/notifier';
import { downloadReconciliationXlsx } from '../../services/settlement-documents';
import { useStore } from '../../store-context';

/** The reconciliation workbook of the year (rows per convention and month, totals, exceptions). */
export function ReconciliationDownload({ year }: { year: number }) {
  const store = useStore();
  const { fail } = useNotifier();
  const [isBusy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadReconciliationXlsx(store, year);
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" sx={{ alignItems: 'center' }}>
      <Typography sx={{ flexGrow: 1 }}>Reconcilierea anului {year}: un rând pe convenție și lună, totaluri pe ONG, pe categorie de servicii și pe linie bugetară, excepțiile.</Typography>
      <Button variant="contained" startIcon={<DownloadIcon />} disabled={isBusy} onClick={() => void download()}>Descarcă registrul de reconciliere (XLSX)</Button>
    </Stack>
  );
}
