import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, MenuItem, TextField } from '@mui/material';

/** The quick-search box of a grid. */
export function QuickSearch({ value, onChange, placeholder }: { value: string; onChange(value: string): void; placeholder: string }) {
  return (
    <TextField
      label="Căutare rapidă"
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 280, maxWidth: 360 }}
      slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> }, htmlInput: { 'aria-label': 'Căutare rapidă' } }}
    />
  );
}

/** A compact select for a filter, with "Toate" as the empty choice. */
export function FilterSelect({ label, value, options, onChange, width = 170 }: { label: string; value: string; options: Record<string, string>; onChange(value: string): void; width?: number }) {
  return (
    <TextField select label={label} value={value} onChange={(e) => onChange(e.target.value)} sx={{ width }} fullWidth={false}>
      <MenuItem value="">Toate</MenuItem>
      {Object.entries(options).map(([v, text]) => (
        <MenuItem key={v} value={v}>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}
