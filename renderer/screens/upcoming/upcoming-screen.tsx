import { Alert, Paper, Typography } from '@mui/material';
import type { RouteId } from '../../navigation';

const AREAS: Partial<Record<RouteId, { title: string; text: string }>> = {
  monitorizare: {
    title: 'Monitorizare',
    text: 'Planificarea și consemnarea vizitelor de monitorizare la unitățile finanțate, constatări, recomandări și rapoarte.',
  },
};

/** An area of the app that a later release fills in; says what it will hold. */
export function UpcomingScreen({ area }: { area: RouteId }) {
  const info = AREAS[area];
  return (
    <Paper sx={{ p: 3, maxWidth: 800 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {info?.title ?? area}
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        Această secțiune nu este încă disponibilă în versiunea de față a aplicației.
      </Alert>
      <Typography variant="body1">{info?.text}</Typography>
    </Paper>
  );
}
