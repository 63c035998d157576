import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { countOf } from '../../../src/commission/wording';
import { workLocally } from '../../db/shared/workstation';
import { errorMessage } from '../notifier';

/** "Autentificare pe server": the staff member's PostgreSQL login; the server's Romanian reason when it refuses. */
export function SignInPage({ serverUrl, isServerFixed, onSignIn }: { serverUrl: string; isServerFixed: boolean; onSignIn(login: string, password: string): Promise<void> }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async () => {
    if (!login.trim() || !password) {
      setError('Scrieți utilizatorul și parola.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onSignIn(login.trim(), password);
    } catch (e) {
      setError(errorMessage(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open aria-labelledby="sign-in-title" fullWidth maxWidth="xs">
      <Box component="form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <DialogTitle id="sign-in-title" component="h1">Autentificare pe server</DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2, wordBreak: 'break-all' }}>
            Subvenții ONG lucrează pe serverul {serverUrl}. Intrați cu utilizatorul și parola primite de la administrator.
          </Typography>
          <Stack spacing={2}>
            <TextField label="Utilizator" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="username" autoFocus required size="small" />
            <TextField label="Parolă" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required size="small" />
          </Stack>
          {error && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{error}</Alert>}
          {isBusy && <LinearProgress sx={{ mt: 2 }} aria-label="Se verifică" />}
        </DialogContent>
        <DialogActions>
          {!isServerFixed && <Button onClick={() => void workLocally()} sx={{ mr: 'auto' }}>Lucrează local</Button>}
          <Button type="submit" variant="contained" disabled={isBusy}>Intră</Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** A fresh replica being filled after sign-in: how many rows came so far. */
export function FirstSyncPage({ received }: { received: number }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Paper sx={{ p: 3, width: 480, maxWidth: '100%' }} role="status" aria-live="polite">
        <Typography variant="h6" component="h1" gutterBottom>Prima sincronizare cu serverul</Typography>
        <Typography sx={{ mb: 2 }}>Se sincronizează: {countOf(received, 'înregistrare primită', 'înregistrări primite')}</Typography>
        <LinearProgress aria-label="Sincronizare în curs" />
      </Paper>
    </Box>
  );
}

export function ConnectingPage({ serverUrl }: { serverUrl: string }) {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Typography color="text.secondary" role="status">Se conectează la serverul {serverUrl}…</Typography>
    </Box>
  );
}
