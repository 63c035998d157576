import {
  Alert, Box, Button, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useNavigation } from '../../navigation';
import { CONVENTION_STATES } from '../../../src/conventions/convention';
import { formatLei } from '../../../src/money';
import { formatRoDate } from '../../../src/validation/dates';
import { awardsOfYear, conventionRows, conventionYears, type Award } from '../../services/conventions';
import { useScreenWriteRefusal } from '../../shared-session';
import { useStore } from '../../store-context';
import { NOWRAP_AMOUNTS } from './table-style';
import { ConventionPage } from './convention-page';
import { CreateConventionDialog } from './create-convention-dialog';

/**
 * Contracts: the year's conventions of subsidy and the frozen awards still without one. A
 * convention starts only from the final results of a round (its snapshot), never from a
 * recomputation.
 */
export function ContractsScreen() {
  const store = useStore();
  const readOnly = useScreenWriteRefusal(); // shared mode: only finance concludes conventions
  const years = useLiveQuery(() => conventionYears(store), [store]);
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? years?.preferred ?? new Date().getFullYear();
  const rows = useLiveQuery(() => conventionRows(store, year), [store, year]);
  const awards = useLiveQuery(() => awardsOfYear(store, year), [store, year]);
  const [creating, setCreating] = useState<Award | null>(null);
  // "#/contracte/<conventionId>" opens the convention.
  const { address, navigate, closeRecord } = useNavigation();
  const openId = address.record;
  if (openId) return <ConventionPage key={openId} conventionId={openId} onBack={closeRecord} />;
  const open = awards?.awards.filter((a) => a.isOpen) ?? [];
  return (
    <Box sx={{ overflow: 'auto', flexGrow: 1 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1">Convenții de subvenționare</Typography>
        <TextField select size="small" label="Anul" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 120 }}>
          {(years?.years ?? [year]).map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
      </Stack>
      <Stack spacing={2} sx={{ maxWidth: 1300 }}>
        <Paper sx={{ p: 2 }} component="section" aria-labelledby="conventions-title">
          <Typography id="conventions-title" variant="h6" component="h2" gutterBottom>Convenții {year}</Typography>
          {rows && rows.length === 0 ? (
            <Typography color="text.secondary">Nicio convenție încheiată pentru {year}.</Typography>
          ) : (
            <Table size="small" aria-label={`Convenții ${year}`} sx={NOWRAP_AMOUNTS}>
              <TableHead>
                <TableRow>
                  <TableCell>Nr.</TableCell>
                  <TableCell>Data</TableCell>
                  <TableCell>ONG</TableCell>
                  <TableCell>Starea</TableCell>
                  <TableCell align="right">Suma inițială</TableCell>
                  <TableCell align="right">Suma în vigoare</TableCell>
                  <TableCell>Angajament bugetar</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {(rows ?? []).map(({ convention: c, originalAmount, currentAmount, amendmentCount, commitment }) => (
                  <TableRow key={c.id} hover>
                    <TableCell>{c.number}</TableCell>
                    <TableCell>{formatRoDate(c.date)}</TableCell>
                    <TableCell>{c.provider.name}</TableCell>
                    <TableCell><Chip size="small" label={CONVENTION_STATES[c.state]} color={c.state === 'definitiva' ? 'success' : c.state === 'incetata' ? 'default' : 'warning'} /></TableCell>
                    <TableCell align="right">{formatLei(originalAmount)}</TableCell>
                    <TableCell align="right">
                      {formatLei(currentAmount)}
                      {amendmentCount > 0 && <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">{amendmentCount === 1 ? '1 act adițional' : `${amendmentCount} acte adiționale`}</Typography>}
                    </TableCell>
                    <TableCell>{commitment ? `nr. ${commitment.number}${commitment.cfpVisa ? ' · viză CFP' : ' · fără viză CFP'}` : 'neînregistrat'}</TableCell>
                    <TableCell><Button size="small" onClick={() => navigate('contracte', c.id)} aria-label={`Deschide convenția nr. ${c.number}`}>Deschide</Button></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>

        <Paper sx={{ p: 2 }} component="section" aria-labelledby="awards-title">
          <Typography id="awards-title" variant="h6" component="h2" gutterBottom>Convenții de încheiat</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            Cererile finanțate în rezultatele finale ale rundelor {year}, fără o convenție în vigoare. Sumele sunt cele păstrate la declararea rezultatelor finale.
          </Typography>
          {awards && awards.roundsNotFinal.length > 0 && (
            <Alert severity="info" sx={{ mb: 1.5 }}>
              Rezultate încă nefinale: {awards.roundsNotFinal.map((r) => r.name).join('; ')}. Convențiile se încheie după declararea rezultatelor finale (Comisie → Clasament și alocare).
            </Alert>
          )}
          {awards && open.length === 0 ? (
            <Typography color="text.secondary">Nicio cerere finanțată fără convenție.</Typography>
          ) : (
            <Table size="small" aria-label="Convenții de încheiat" sx={NOWRAP_AMOUNTS}>
              <TableHead>
                <TableRow>
                  <TableCell>Cererea</TableCell>
                  <TableCell>ONG</TableCell>
                  <TableCell>Runda</TableCell>
                  <TableCell align="right">Suma alocată</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {open.map((a) => (
                  <TableRow key={`${a.round.id}-${a.requestId}`} hover>
                    <TableCell>nr. {a.label}</TableCell>
                    <TableCell>{a.organizationName}</TableCell>
                    <TableCell>{a.round.name}</TableCell>
                    <TableCell align="right">{formatLei(a.allocated)}{a.status === 'finantata_partial' && <Typography variant="caption" sx={{ display: 'block' }} color="text.secondary">finanțare parțială</Typography>}</TableCell>
                    <TableCell><Button size="small" variant="outlined" onClick={() => setCreating(a)} disabled={readOnly !== undefined} aria-label={`Încheie convenția: ${a.organizationName}`}>Încheie convenția</Button></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Paper>
      </Stack>
      {creating && <CreateConventionDialog award={creating} onClose={() => setCreating(null)} onCreated={(id) => { setCreating(null); navigate('contracte', id); }} />}
    </Box>
  );
}
