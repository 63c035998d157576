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
      // Each InputBase otherwise mounts its own <style> of the autofill keyframes and removes it
      // when it unmounts (Emotion's Global): taking down or drawing a screen of fields added and
      // removed style sheets, each removal a restyle of the page. The keyframes are declared once
      // (CssBaseline, below) and the inputs keep the animations by which InputBase notices autofill.
      MuiInputBase: {
        defaultProps: { disableInjectingGlobalStyles: true },
        styleOverrides: {
          input: {
            animationName: 'mui-auto-fill-cancel',
            animationDuration: '10ms',
            '&:-webkit-autofill': { animationDuration: '5000s', animationName: 'mui-auto-fill' },
          },
        },
      },
      MuiCssBaseline: {
        styleOverrides: {
          '@keyframes mui-auto-fill': { from: { animationName: 'mui-auto-fill' } },
          '@keyframes mui-auto-fill-cancel': { from: { animationName: 'mui-auto-fill-cancel' } },
        },
      },
    },
  },
  coreRoRO,
);
