import { Alert, Box, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatParameterValue } from '../../../src/parameters/format';
import type { ParameterDefinition } from '../../../src/parameters/types';
import { blocksComputationWhenUnset } from '../../../src/requests/parameter-rules';
import { formatRoDate, parseDate, todayIso } from '../../../src/validation/dates';
import { useStore } from '../../store-context';
import { ParameterDialog } from './parameter-dialog';

/**
 * "Parametri legali": the legal values in force on a date, grouped by the act they come from, each
 * with its source; values still to be filled in are marked, and users add dated values.
 */
export function ParametersScreen() {
  const store = useStore();
  const [dateText, setDateText] = useState(formatRoDate(todayIso()));
  const parsed = parseDate(dateText, 'Data');
  const date = parsed.ok ? parsed.value : todayIso();
  const params = useLiveQuery(() => store.parameters.store(), [store]);
  const [open, setOpen] = useState<ParameterDefinition | null>(null);
  const groups = params?.byAct(date) ?? [];
  // Only the values the computation needs (not the HG 426/2020 standards, kept as information).
  const missing = groups.reduce((n, g) => n + g.items.filter((i) => i.entry.value === null && blocksComputationWhenUnset(i.definition)).length, 0);
  // Optional limits shipped without a value ("nesetat", e.g. Law 34/1998 art. 2 alin. (1)): listed so a user can set one.
  const shown = new Set(groups.flatMap((g) => g.items.map((i) => i.definition.key)));
  const unset = (params?.definitions() ?? []).filter((d) => !shown.has(d.key) && params?.history(d.key).length === 0);

  return (
    <Box sx={{ overflow: 'auto', flexGrow: 1 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h5" component="h1">Parametri legali</Typography>
        <TextField label="Valori în vigoare la" value={dateText} onChange={(e) => setDateText(e.target.value)} error={!parsed.ok} helperText={parsed.ok ? undefined : parsed.message} sx={{ width: 200 }} fullWidth={false} />
      </Stack>
      <Alert severity={missing > 0 ? 'warning' : 'info'} sx={{ mb: 2 }}>
        Valorile legale sunt date, nu cod: fiecare are o dată de intrare în vigoare și sursa ei. {missing > 0 && `${missing} valori în vigoare la această dată sunt „de completat”: calculul subvenției este refuzat până când le completați (deschideți rândul și adăugați valoarea din actul normativ).`}
      </Alert>
      <Stack spacing={2}>
        {groups.map((group) => (
          <Paper key={group.act} sx={{ p: 2 }} component="section" aria-label={group.act}>
            <Typography variant="h6" component="h2" gutterBottom>{group.act}</Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Parametru</TableCell>
                  <TableCell>Valoare</TableCell>
                  <TableCell>În vigoare de la</TableCell>
                  <TableCell>Sursa</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {group.items.map(({ definition, entry }) => (
                  <TableRow key={definition.key} hover sx={{ cursor: 'pointer' }} onClick={() => setOpen(definition)}>
                    <TableCell>{definition.label}</TableCell>
                    <TableCell>{entry.value === null ? <Chip size="small" color="warning" label="de completat" /> : formatParameterValue(definition, entry)}</TableCell>
                    <TableCell>{formatRoDate(entry.validFrom)}</TableCell>
                    <TableCell>
                      {[entry.source.act, entry.source.article].filter(Boolean).join(', ')}
                      {entry.origin === 'utilizator' && <Chip size="small" label="adăugată în aplicație" sx={{ ml: 0.5 }} />}
                      {!entry.isVerified && entry.value !== null && <Chip size="small" variant="outlined" color="warning" label="neverificat" sx={{ ml: 0.5 }} />}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        ))}
        {unset.length > 0 && (
          <Paper sx={{ p: 2 }} component="section" aria-label="Parametri opționali nesetați">
            <Typography variant="h6" component="h2" gutterBottom>Parametri opționali nesetați</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>Fără valoare, aceste limite nu se aplică și nu opresc calculul; deschideți rândul pentru a introduce o valoare cu data și sursa ei.</Typography>
            <Table size="small">
              <TableBody>
                {unset.map((definition) => (
                  <TableRow key={definition.key} hover sx={{ cursor: 'pointer' }} onClick={() => setOpen(definition)}>
                    <TableCell>{definition.label}</TableCell>
                    <TableCell><Chip size="small" variant="outlined" label="nesetat" /></TableCell>
                    <TableCell>{definition.group}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        )}
      </Stack>
      {open && <ParameterDialog definition={open} onClose={() => setOpen(null)} />}
    </Box>
  );
}
