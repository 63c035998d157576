import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { validateServerAddress } from '../../../src/shared/server-address';
import { checkServer, switchToServer, workLocally, type ServerCheck } from '../../db/shared/workstation';
import { useSharedSession } from '../../shared-session';

/** Setări → Server partajat: the workstation's server (shared mode) or none (local mode, the default). */
export function ServerPanel() {
  const session = useSharedSession();
  const [address, setAddress] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<ServerCheck | null>(null);
  const [isChecking, setChecking] = useState(false);

  const validated = () => {
    const result = validateServerAddress(address);
    setError(result.ok ? null : result.message);
    return result.ok ? result.url : undefined;
  };
  const verify = async () => {
    const url = validated();
    setCheck(null);
    if (!url) return;
    setChecking(true);
    try {
      setCheck(await checkServer(url));
    } finally {
      setChecking(false);
    }
  };
  const use = () => {
    const url = validated();
    if (url) void switchToServer(url);
  };

  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="server-title">
      <Typography id="server-title" variant="h6" component="h2" gutterBottom>Server partajat</Typography>
      {session.mode === 'shared' && session.isServerFixed && (
        <Typography variant="body2">
          Această pagină este deschisă de la serverul <strong>{session.serverUrl}</strong>: stația lucrează pe datele lui, ca {session.login || 'utilizatorul autentificat'}. Adresa serverului nu se schimbă de aici; pentru lucrul local folosiți aplicația instalată.
        </Typography>
      )}
      {session.mode === 'shared' && !session.isServerFixed && (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Stația lucrează pe serverul <strong>{session.serverUrl}</strong>, ca {session.login || 'utilizatorul autentificat'}. „Lucrează local” revine la baza de date a acestui calculator, așa cum era (modul partajat nu o atinge).
          </Typography>
          <Button variant="outlined" onClick={() => void workLocally()}>Lucrează local</Button>
        </>
      )}
      {session.mode === 'local' && (
        <>
          <Typography variant="body2" sx={{ mb: 2 }}>
            Stația lucrează acum local, pe baza de date a acestui calculator. Cu un server partajat, secretariatul, monitorizarea și serviciul financiar lucrează pe aceleași date, fiecare cu drepturile grupului său; baza locală rămâne neatinsă și se poate reveni la ea oricând.
          </Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ alignItems: { md: 'flex-start' } }}>
            <TextField
              label="Adresa serverului"
              placeholder="https://subventii.primaria.ro:8443"
              value={address}
              onChange={(e) => {
                setAddress(e.target.value);
                setCheck(null);
              }}
              onBlur={() => address.trim() && validated()}
              error={error !== null}
              helperText={error ?? 'https://…, sau http://127.0.0.1:… pentru un server pe acest calculator'}
              size="small"
              sx={{ minWidth: 380 }}
            />
            <Button variant="outlined" onClick={() => void verify()} disabled={isChecking}>Verifică legătura</Button>
            <Button variant="contained" onClick={use}>Folosește serverul</Button>
          </Stack>
          {check?.ok && <Alert severity="success" sx={{ mt: 2 }}>Serverul răspunde: serviciul Subvenții ONG, schema bazei de date versiunea {check.schemaVersion}.</Alert>}
          {check && !check.ok && <Alert severity="error" role="alert" sx={{ mt: 2 }}>{check.message}</Alert>}
        </>
      )}
    </Paper>
  );
}
