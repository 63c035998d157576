import { createTheme } from '@mui/material/styles';
import { roRO as coreRoRO } from '@mui/material/locale';

// The DataGrid's Romanian texts are set where the grid is (components/record-grid.tsx), so that
// the grid's locale pack loads with the grid, not at start-up.
export const theme = createTheme(
  {
    palette: {
      primary: { main: '#1f4e79' },
      secondary: { main: '#8a5a00' },
      // MUI's default orange and light blue fail WCAG AA contrast for the small chip texts
      // (3,1:1 and 3,9:1, found by axe): these keep the hue at 5,5:1 and 5,9:1, white on them or them on white.
      warning: { main: '#a84f00' },
      info: { main: '#0369a1' },
      background: { default: '#f4f6f8' },
    },
    typography: { fontSize: 13 },
    components: {
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiFormControl: { defaultProps: { size: 'small' } },
      MuiButton: { defaultProps: { disableElevation: true } },
    },
  },
  coreRoRO,
);
