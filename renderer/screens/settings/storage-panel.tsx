import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { formatBytes, requestPersistentStorage, storageStatus, type StorageStatus } from '../../platform/storage';

export function StoragePanel() {
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const refresh = useCallback(() => void storageStatus().then(setStatus), []);
  useEffect(refresh, [refresh]);
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="storage-title">
      <Typography id="storage-title" variant="h6" component="h2" gutterBottom>Stocarea datelor</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Datele se păstrează pe acest calculator, în baza de date a aplicației (IndexedDB). Faceți periodic o copie de siguranță.
      </Typography>
      {status && (
        <Stack spacing={1}>
          {status.isPersisted === true && <Alert severity="success">Stocare persistentă acordată: browserul nu va șterge datele pentru a elibera spațiu.</Alert>}
          {status.isPersisted === false && (
            <Alert severity="warning" action={<Button color="inherit" size="small" onClick={() => void requestPersistentStorage().then(refresh)}>Cere din nou</Button>}>
              Stocarea persistentă nu a fost acordată: browserul ar putea șterge datele dacă rămâne fără spațiu. Faceți copii de siguranță.
            </Alert>
          )}
          {status.isPersisted === null && <Alert severity="info">Browserul nu raportează dacă stocarea este persistentă.</Alert>}
          <Typography variant="body2" data-testid="storage-usage">
            Spațiu folosit: {status.usageBytes !== null ? formatBytes(status.usageBytes) : 'necunoscut'}
            {status.quotaBytes !== null && ` din ${formatBytes(status.quotaBytes)} disponibili`}
          </Typography>
        </Stack>
      )}
    </Paper>
  );
}
