import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { MAX_BACKUP_BYTES, MAX_BACKUP_SIZE_MESSAGE } from '../../../src/backup/backup-file';
import { tableLabel } from '../../../src/backup/schema';
import { formatDecimal } from '../../../src/money';
import { formatRoDateTime, todayIso } from '../../../src/validation/dates';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { errorMessage, useNotifier } from '../../components/notifier';
import type { RestorePreview } from '../../db/backup';
import { datedFileName, FILTERS, openFile, saveFile } from '../../platform/files';
import { appVersion } from '../../platform/app-info';
import { RESTORE_DISABLED_REASON } from '../../../src/shared/roles';
import { useSharedSession } from '../../shared-session';
import { useStore } from '../../store-context';

/** "845 KiB", "12,3 MiB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, 0)} KiB`;
  return `${formatDecimal(bytes / (1024 * 1024), 1)} MiB`;
}

const SAFETY_REASONS: Record<string, string> = {
  inainte_de_restaurare: 'înainte de restaurare',
  zilnica: 'copie zilnică',
};

export function BackupPanel() {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Shared mode: restoring is the server administrator's job (pg_restore); a copy may still be saved.
  const isShared = useSharedSession().mode === 'shared';
  const safetyCopies = useLiveQuery(() => store.backup.listSafetyCopies(), [store]);

  const backup = async () => {
    try {
      const text = await store.backup.exportText(await appVersion());
      const saved = await saveFile(datedFileName('subventii-ong-copie', 'json', todayIso()), new TextEncoder().encode(text), FILTERS.backup);
      if (saved) notify('Copia de siguranță a fost salvată.');
    } catch (e) {
      fail(e);
    }
  };

  const chooseRestore = async () => {
    setError(null);
    try {
      const file = await openFile(FILTERS.backup, { maxBytes: MAX_BACKUP_BYTES, message: MAX_BACKUP_SIZE_MESSAGE });
      if (!file) return;
      setPreview(await store.backup.preview(file.data));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const chooseSafetyCopy = async (id: string) => {
    setError(null);
    try {
      setPreview(await store.backup.preview(await store.backup.safetyCopyText(id)));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const downloadSafetyCopy = async (id: string, takenAt: string) => {
    try {
      const text = await store.backup.safetyCopyText(id);
      await saveFile(datedFileName('subventii-ong-copie-automata', 'json', takenAt.slice(0, 10)), new TextEncoder().encode(text), FILTERS.backup);
    } catch (e) {
      fail(e);
    }
  };

  const restore = async () => {
    if (!preview) return;
    try {
      await store.backup.apply(preview, await appVersion());
      setPreview(null);
      notify('Datele au fost restaurate din copia de siguranță. Starea de dinainte este păstrată în „Copii automate”.');
    } catch (e) {
      setPreview(null);
      fail(e);
    }
  };

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="backup-title">
      <Typography id="backup-title" variant="h6" component="h2" gutterBottom>Copie de siguranță</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Salvează întreaga bază de date într-un singur fișier (JSON cu sumă de control) sau o restaurează dintr-un astfel de fișier (cel mult 512 MiB). Fișierul este verificat complet înainte de restaurare și vedeți ce se schimbă; înainte de fiecare restaurare aplicația păstrează automat o copie a datelor.
      </Typography>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void backup()}>Salvează copia de siguranță</Button>
        <Button variant="outlined" onClick={() => void chooseRestore()} disabled={isShared}>Restaurează din copie…</Button>
      </Stack>
      {isShared && <Alert severity="info" sx={{ mt: 2 }}>{RESTORE_DISABLED_REASON}</Alert>}
      {error && <Alert severity="error" sx={{ mt: 2 }} role="alert">{error}</Alert>}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>Copii automate</Typography>
      {safetyCopies && safetyCopies.length === 0 && (
        <Typography variant="body2" color="text.secondary">Nicio copie automată încă: aplicația face una înainte de fiecare restaurare (se păstrează ultimele 5).</Typography>
      )}
      {safetyCopies && safetyCopies.length > 0 && (
        <Table size="small" aria-label="Copii automate">
          <TableHead>
            <TableRow>
              <TableCell>Data și ora</TableCell>
              <TableCell>Motiv</TableCell>
              <TableCell align="right">Mărime</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {safetyCopies.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{formatRoDateTime(c.takenAt)}</TableCell>
                <TableCell>{SAFETY_REASONS[c.reason] ?? c.reason}</TableCell>
                <TableCell align="right">{formatSize(c.size)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => void chooseSafetyCopy(c.id)} disabled={isShared} aria-label={`Restaurează copia din ${formatRoDateTime(c.takenAt)}`}>Restaurează</Button>
                  <Button size="small" onClick={() => void downloadSafetyCopy(c.id, c.takenAt)} aria-label={`Descarcă copia din ${formatRoDateTime(c.takenAt)}`}>Descarcă</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
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
                Copie făcută la {formatRoDateTime(preview.file.createdAt)} (aplicația {preview.file.appVersion}). Datele actuale vor fi înlocuite astfel (o copie a lor se păstrează automat):
              </Typography>
              {preview.file.upgradedFrom && (
                <Typography variant="body2" sx={{ mb: 1 }}>
                  Copia a fost făcută cu schema bazei de date versiunea {preview.file.upgradedFrom.schemaVersion} și a fost adusă la versiunea actuală ({preview.file.schemaVersion}):{' '}
                  {preview.file.upgradedFrom.steps.join('; ')} — tabelele apărute între timp pornesc goale.
                </Typography>
              )}
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
                      <TableCell>{tableLabel(p.table)}</TableCell>
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
