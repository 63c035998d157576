import { createTheme } from '@mui/material/styles';
import { roRO as coreRoRO } from '@mui/material/locale';

/**
 * MUI's two indeterminate keyframes (LinearProgress: bar 1 from left −35% / right 100% to left 100% /
 * right −90%, bar 2 from −200% / 100% to 107% / −8%, both still from 60%), as transforms of a bar
 * as wide as the track, its origin at the left.
 */
const INDETERMINATE_KEYFRAMES = {
  '@keyframes subventii-progress-bar1': {
    '0%': { transform: 'translateX(-35%) scaleX(0.35)' },
    '60%, 100%': { transform: 'translateX(100%) scaleX(0.9)' },
  },
  '@keyframes subventii-progress-bar2': {
    '0%': { transform: 'translateX(-200%) scaleX(2)' },
    '60%, 100%': { transform: 'translateX(107%) scaleX(0.01)' },
  },
};

/**
 * A bar of an indeterminate (or query) LinearProgress moved by its transform only; still, as MUI
 * draws it, when the system asks for reduced motion. The other variants keep MUI's styles.
 */
const indeterminateBar = (variant: string | undefined, animation: string) => (variant !== 'indeterminate' && variant !== 'query' ? {} : {
  left: 0,
  right: 'auto',
  width: '100%',
  transformOrigin: 'left',
  willChange: 'transform',
  animation,
  '@media (prefers-reduced-motion: reduce)': { animation: 'none', transform: 'translateX(30%) scaleX(0.4)' },
});

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
          ...INDETERMINATE_KEYFRAMES,
        },
      },
      // MUI's indeterminate bar animates its bars' `left` and `right`: a layout and a paint of the
      // page in every frame, on the main thread, for as long as the bar is shown. While an import's
      // worker reads the file that was a frame drawn every 16–35 ms beside it, on a 2-core machine
      // (issue 10). The same movement as a transform runs on the compositor: each bar spans the
      // track, moved by translateX to MUI's `left` and scaled to its width (100% − left − right).
      MuiLinearProgress: {
        styleOverrides: {
          bar1: ({ ownerState }) => indeterminateBar(ownerState.variant, 'subventii-progress-bar1 2.1s cubic-bezier(0.65, 0.815, 0.735, 0.395) infinite'),
          // Bar 2 starts 1.15 s late; until then it holds its first keyframe (backwards), off the
          // track, where MUI's bar 2, as wide as nothing, is not seen either.
          bar2: ({ ownerState }) => indeterminateBar(ownerState.variant, 'subventii-progress-bar2 2.1s cubic-bezier(0.165, 0.84, 0.44, 1) 1.15s infinite backwards'),
        },
      },
    },
  },
  coreRoRO,
);
