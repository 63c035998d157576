import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { formatRoDateTime, todayIso } from '../../../src/validation/dates';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useNotifier } from '../../components/notifier';
import { applyRestore, exportBackupText, previewRestore, type RestorePreview } from '../../db/backup';
import { datedFileName, FILTERS, openFile, saveFile } from '../../platform/files';
import { appVersion } from '../../platform/app-info';
import { useStore } from '../../store-context';

const TABLE_LABELS: Record<string, string> = {
  organizations: 'ONG-uri',
  units: 'Unități licențiate',
  rounds: 'Runde de finanțare',
  parameterValues: 'Parametri legali adăugați',
  settings: 'Setări',
  nomenclature: 'Coduri de serviciu adăugate',
  audit: 'Jurnal modificări (doar se adaugă)',
};

export function BackupPanel() {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  const backup = async () => {
    try {
      const text = await exportBackupText(store.db, await appVersion());
      const saved = await saveFile(datedFileName('subventii-ong-copie', 'json', todayIso()), new TextEncoder().encode(text), FILTERS.backup);
      if (saved) notify('Copia de siguranță a fost salvată.');
    } catch (e) {
      fail(e);
    }
  };

  const chooseRestore = async () => {
    setError(null);
    const file = await openFile(FILTERS.backup);
    if (!file) return;
    try {
      setPreview(await previewRestore(store.db, new TextDecoder().decode(file.data)));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const restore = async () => {
    if (!preview) return;
    try {
      await applyRestore(store.db, preview.file);
      setPreview(null);
      notify('Datele au fost restaurate din copia de siguranță.');
    } catch (e) {
      setPreview(null);
      fail(e);
    }
  };

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="backup-title">
      <Typography id="backup-title" variant="h6" component="h2" gutterBottom>Copie de siguranță</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Salvează întreaga bază de date într-un singur fișier (JSON cu sumă de control) sau o restaurează dintr-un astfel de fișier. Înainte de restaurare vedeți ce se schimbă.
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void backup()}>Salvează copia de siguranță</Button>
        <Button variant="outlined" onClick={() => void chooseRestore()}>Restaurează din copie…</Button>
      </Stack>
      {error && <Alert severity="error" sx={{ mt: 2 }} role="alert">{error}</Alert>}
      <ConfirmDialog
        open={preview !== null}
        title="Restaurare din copia de siguranță"
        confirmLabel="Restaurează"
        destructive
        onCancel={() => setPreview(null)}
        onConfirm={() => void restore()}
        text={
          preview && (
            <>
              <Typography variant="body2" sx={{ mb: 1 }}>
                Copie făcută la {formatRoDateTime(preview.file.createdAt)} (aplicația {preview.file.appVersion}). Datele actuale vor fi înlocuite astfel:
              </Typography>
              <Table size="small" aria-label="Ce se schimbă la restaurare">
                <TableHead>
                  <TableRow>
                    <TableCell>Tabel</TableCell>
                    <TableCell align="right">Adăugate</TableCell>
                    <TableCell align="right">Modificate</TableCell>
                    <TableCell align="right">Eliminate</TableCell>
                    <TableCell align="right">Neschimbate</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.plan.map((p) => (
                    <TableRow key={p.table}>
                      <TableCell>{TABLE_LABELS[p.table] ?? p.table}</TableCell>
                      <TableCell align="right">{p.added}</TableCell>
                      <TableCell align="right">{p.changed}</TableCell>
                      <TableCell align="right">{p.removed}</TableCell>
                      <TableCell align="right">{p.unchanged}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )
        }
      />
    </Paper>
  );
}
