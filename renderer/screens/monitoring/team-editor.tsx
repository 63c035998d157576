import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Autocomplete, Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import type { TeamMember } from '../../../src/monitoring/visit';

/**
 * A visit's team as typed: one row per member, the name and the function (free text, with the
 * usual functions and those typed before proposed). The first member leads the team. The rules
 * (both required, no name twice) are src/monitoring/visit.ts's cleanTeam, applied on saving.
 */
export function TeamEditor({ team, onChange, suggestions, disabled, error }: {
  team: readonly TeamMember[];
  onChange(team: TeamMember[]): void;
  suggestions: readonly string[];
  disabled?: boolean;
  error?: string;
}) {
  const rows = team.length > 0 ? team : [{ name: '', role: '' }];
  const set = (i: number, change: Partial<TeamMember>) => onChange(rows.map((m, j) => (j === i ? { ...m, ...change } : m)));
  return (
    <Box role="group" aria-label="Echipa de monitorizare" sx={{ flexBasis: '100%' }}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>Echipa de monitorizare (primul membru este șeful echipei)</Typography>
      <Stack spacing={1}>
        {rows.map((m, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField size="small" label={`Numele membrului ${i + 1}`} value={m.name} disabled={disabled} onChange={(e) => set(i, { name: e.target.value })} sx={{ width: 240 }} />
            <Autocomplete
              freeSolo
              disabled={disabled}
              options={suggestions}
              inputValue={m.role}
              onInputChange={(_e, value) => set(i, { role: value })}
              sx={{ width: 300 }}
              renderInput={(params) => <TextField {...params} size="small" label={`Funcția membrului ${i + 1}`} />}
            />
            {i === 0 && <Typography variant="body2" color="text.secondary">șeful echipei</Typography>}
            {rows.length > 1 && !disabled && (
              <IconButton size="small" aria-label={`Scoate din echipă: ${m.name || `membrul ${i + 1}`}`} onClick={() => onChange(rows.filter((_m, j) => j !== i))}><DeleteIcon fontSize="small" /></IconButton>
            )}
          </Stack>
        ))}
      </Stack>
      {error && <Typography variant="body2" color="error" role="alert" sx={{ mt: 0.5 }}>{error}</Typography>}
      {!disabled && <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, { name: '', role: '' }])} sx={{ mt: 0.5 }}>Adaugă un membru</Button>}
    </Box>
  );
}
