import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import CloudSyncIcon from '@mui/icons-material/CloudSync';
import { Alert, AlertTitle, Box, Chip, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { tableLabel } from '../../../src/backup/schema';
import { countOf } from '../../../src/commission/wording';
import { GROUP_LABELS } from '../../../src/shared/roles';
import { formatRoDateTime } from '../../../src/validation/dates';
import { useScreenWriteRefusal, useSharedSession, type SharedModeSession } from '../../shared-session';

/** The parts of the frame shown only in shared mode (loaded only then): status chip, offline banner, read-only notice. */

const STATUS_LABELS = { connected: (login: string) => `Conectat · ${login}`, syncing: () => 'Se sincronizează…', offline: () => 'Server indisponibil' } as const;

function groupNames(groups: readonly string[]): string {
  return groups.map((g) => GROUP_LABELS[g] ?? g).join(', ') || '—';
}

/** The app bar's connection status: a menu with the server, the groups, the last synchronisation and "Deconectare". */
export function SharedStatusChip() {
  const session = useSharedSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (session.mode !== 'shared') return null;
  const icon = session.status === 'connected' ? <CloudDoneIcon /> : session.status === 'syncing' ? <CloudSyncIcon /> : <CloudOffIcon />;
  return (
    <>
      <Chip
        icon={icon}
        label={STATUS_LABELS[session.status](session.login)}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        aria-label={`Starea legăturii cu serverul: ${STATUS_LABELS[session.status](session.login)}`}
        sx={{
          ml: 1,
          fontWeight: 600,
          color: session.status === 'offline' ? 'common.black' : 'common.white',
          bgcolor: session.status === 'offline' ? 'warning.light' : session.status === 'connected' ? 'success.dark' : 'rgba(255,255,255,0.2)',
          '& .MuiChip-icon': { color: 'inherit' },
          '&:hover': { bgcolor: session.status === 'offline' ? 'warning.main' : 'success.main' },
        }}
      />
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': 'Serverul partajat' } }}>
        <StatusDetails session={session} />
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            void session.signOut();
          }}
        >
          Deconectare
        </MenuItem>
      </Menu>
    </>
  );
}

/** The status menu's details (exported for its test). */
export function StatusDetails({ session }: { session: SharedModeSession }) {
  const rows: [string, string][] = [
    ['Server', session.serverUrl],
    ['Utilizator', session.login || '—'],
    ['Grupuri', groupNames(session.groups)],
    ['Ultima sincronizare', session.lastSyncAt ? formatRoDateTime(session.lastSyncAt) : 'niciodată'],
    ...(session.auditReceived !== undefined ? [[`Jurnalul modificărilor se descarcă: ${countOf(session.auditReceived, 'intrare primită', 'intrări primite')}`, 'În fundal, după înregistrări'] as [string, string]] : []),
  ];
  return (
    <Box component="li" role="none" sx={{ px: 2, py: 1, maxWidth: 420 }}>
      {rows.map(([label, value]) => (
        <ListItemText key={label} primary={value} secondary={label} slotProps={{ primary: { variant: 'body2', sx: { wordBreak: 'break-all' } }, secondary: { variant: 'caption' } }} />
      ))}
    </Box>
  );
}

/** Under the app bar: the server is unreachable (what can still be done), and the drafts the server refused, with its reason. */
export function OfflineBanner() {
  const session = useSharedSession();
  if (session.mode !== 'shared') return null;
  const isOffline = session.status === 'offline';
  if (!isOffline && session.refusedDrafts.length === 0) return null;
  const when = session.lastSyncAt ? formatRoDateTime(session.lastSyncAt) : 'nicio sincronizare încă';
  const pending = session.pendingDrafts;
  return (
    <Box sx={{ px: 2, pt: 1 }}>
      {isOffline && (
        // Above dialogs too (a visit's page covers the screen): the state, in short, where it is always seen.
        <Box
          role="status"
          sx={{ position: 'fixed', left: 16, bottom: 16, zIndex: (t) => t.zIndex.modal + 1, px: 1.5, py: 0.5, borderRadius: 4, bgcolor: 'warning.light', color: 'common.black', boxShadow: 3, typography: 'body2', fontWeight: 600, display: 'flex', alignItems: 'center', gap: 1 }}
        >
          <CloudOffIcon fontSize="small" />
          {pending > 0 ? `Server indisponibil · ${countOf(pending, 'ciornă', 'ciorne')} în așteptare` : 'Server indisponibil · doar citire'}
        </Box>
      )}
      {isOffline && (
        <Alert severity="warning" role="alert">
          Serverul nu este disponibil. Datele afișate sunt cele de la ultima sincronizare ({when}); modificările nu pot fi salvate acum, în afară de ciornele vizitelor de monitorizare și ale fișelor de punctaj, care se trimit când serverul revine.
          {pending > 0 && (
            <Box component="strong" sx={{ display: 'block', mt: 0.5 }}>
              {pending === 1 ? '1 ciornă așteaptă să fie trimisă.' : `${countOf(pending, 'ciornă', 'ciorne')} așteaptă să fie trimise.`}
            </Box>
          )}
        </Alert>
      )}
      {session.refusedDrafts.length > 0 && (
        <Alert severity="error" role="alert" sx={{ mt: isOffline ? 1 : 0 }}>
          <AlertTitle>Ciorne refuzate de server</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {session.refusedDrafts.map((d) => (
              <li key={`${d.table}-${d.recordId}`}>
                {tableLabel(d.table)} ({d.recordId}): {d.refusal}
              </li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}

/** Above a screen whose main table the login may not change. */
export function ReadOnlyNotice() {
  const refusal = useScreenWriteRefusal();
  if (!refusal) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }}>
      Doar vizualizare: {refusal}
    </Alert>
  );
}
