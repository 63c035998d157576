import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { IMPORT_LIMITS } from '../../../src/import/limits';
import type { Month } from '../../../src/requests/subsidy-request';
import type { NominalEntry } from '../../../src/settlements/monthly-settlement';
import type { NominalFileIssue } from '../../../src/settlements/nominal-list-import';
import { useNotifier } from '../../components/notifier';
import { FILTERS, openFile } from '../../platform/files';
import { readNominalListFile } from '../../services/settlements';

/**
 * "Importă lista nominală (XLSX)" for one unit of a draft settlement: the file is read (exceljs
 * loaded on demand), and a good list is handed to `onImported`, which fills the draft form; a file
 * with any bad row changes nothing and shows its problems.
 */
export function NominalListImport({ unitName, year, month, disabled, onImported }: { unitName: string; year: number; month: Month; disabled: boolean; onImported(entries: NominalEntry[], message: string): void }) {
  const { fail } = useNotifier();
  const [isBusy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ fileName: string; message: string; issues: NominalFileIssue[] } | null>(null);
  const importFile = async () => {
    try {
      const file = await openFile(FILTERS.spreadsheet, { maxBytes: IMPORT_LIMITS.maxFileBytes, message: 'Fișierul este prea mare pentru o listă nominală.' });
      if (!file) return;
      setBusy(true);
      const report = await readNominalListFile(file.name, file.data, year, month);
      if (report.ok) onImported(report.entries, report.message);
      else setRefused({ fileName: file.name, message: report.message, issues: report.issues });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<UploadFileIcon />} disabled={disabled || isBusy} onClick={() => void importFile()} aria-label={`Importă lista nominală (XLSX) ${unitName}`}>
        Importă lista nominală (XLSX)
      </Button>
      {refused && (
        <Dialog open onClose={() => setRefused(null)} maxWidth="md" fullWidth aria-labelledby="nominal-import-title">
          <DialogTitle id="nominal-import-title">Lista nominală nu a fost importată</DialogTitle>
          <DialogContent>
            <Alert severity="error" sx={{ mb: 1.5 }}>{refused.message}</Alert>
            <Table size="small" aria-label="Problemele listei nominale">
              <TableHead><TableRow><TableCell>Rândul</TableCell><TableCell>Coloana</TableCell><TableCell>Problema</TableCell></TableRow></TableHead>
              <TableBody>
                {refused.issues.map((issue, i) => (
                  <TableRow key={i}><TableCell>{issue.row || '—'}</TableCell><TableCell>{issue.column || '—'}</TableCell><TableCell>{issue.message}</TableCell></TableRow>
                ))}
              </TableBody>
            </Table>
          </DialogContent>
          <DialogActions><Button onClick={() => setRefused(null)}>Închide</Button></DialogActions>
        </Dialog>
      )}
    </>
  );
}
