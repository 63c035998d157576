import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { holidaysInYear } from '../../../src/calendar/public-holidays';
import { ValidationError } from '../../../src/errors';
import { formatRoDate } from '../../../src/validation/dates';
import { useNotifier } from '../../components/notifier';
import { useStore } from '../../store-context';

const WEEKDAYS = ['duminică', 'luni', 'marți', 'miercuri', 'joi', 'vineri', 'sâmbătă'];
const weekday = (iso: string) => WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()];

/**
 * The public holidays the deadlines skip (Codul muncii, art. 139, shipped as dated data; movable
 * feasts from Orthodox Easter) and the extra non-working days users add (e.g. days off set by
 * government decision).
 */
export function NonWorkingDaysPanel() {
  const store = useStore();
  const { notify, fail } = useNotifier();
  const extra = useLiveQuery(() => store.nonWorkingDays.list(), [store]) ?? [];
  const [year, setYear] = useState(new Date().getFullYear());
  const [draft, setDraft] = useState({ date: '', name: '', source: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const days = holidaysInYear(year, extra);

  const add = async () => {
    setErrors({});
    try {
      await store.nonWorkingDays.create(draft as never);
      setDraft({ date: '', name: '', source: '' });
      notify('Ziua nelucrătoare a fost adăugată.');
    } catch (error) {
      if (error instanceof ValidationError) setErrors(Object.fromEntries(Object.entries(error.fields).filter((e): e is [string, string] => !!e[1])));
      else fail(error);
    }
  };

  return (
    <Box sx={{ overflow: 'auto' }}>
      <Stack direction="row" spacing={1.5} sx={{ mb: 1.5, alignItems: 'center' }}>
        <TextField select sx={{ width: 120 }} label="Anul" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[-1, 0, 1, 2].map((d) => new Date().getFullYear() + d).map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
        </TextField>
        <Typography color="text.secondary">Termenele în zile lucrătoare (contestații) sar peste aceste zile și peste sâmbete și duminici.</Typography>
      </Stack>
      <Paper variant="outlined" sx={{ mb: 2 }}>
        <Table size="small" aria-label={`Zile nelucrătoare ${year}`}>
          <TableHead><TableRow><TableCell>Data</TableCell><TableCell>Ziua</TableCell><TableCell>Sărbătoarea</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {days.map((d) => {
              const record = extra.find((e) => e.date === d.date);
              return (
                <TableRow key={d.date}>
                  <TableCell>{formatRoDate(d.date)}</TableCell>
                  <TableCell>{weekday(d.date)}</TableCell>
                  <TableCell>{d.name}{record ? ` (adăugată: ${record.source})` : ''}</TableCell>
                  <TableCell>{record && <IconButton size="small" aria-label={`Șterge ${d.name}`} onClick={() => store.nonWorkingDays.remove(record.id).catch(fail)}><DeleteIcon fontSize="small" /></IconButton>}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>Adaugă o zi nelucrătoare</Typography>
      <Stack direction="row" spacing={1}>
        <TextField sx={{ width: 150 }} label="Data zilei nelucrătoare" placeholder="zz.ll.aaaa" value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} error={!!errors.date} helperText={errors.date} />
        <TextField sx={{ flex: 1 }} label="Denumirea" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={!!errors.name} helperText={errors.name} />
        <TextField sx={{ flex: 1 }} label="Actul" placeholder="ex. HG 1307/2023, art. 1" value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} error={!!errors.source} helperText={errors.source} />
        <Button startIcon={<AddIcon />} onClick={() => void add()}>Adaugă</Button>
      </Stack>
    </Box>
  );
}
