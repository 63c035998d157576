import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from './notifier';

interface Props {
  /** The screen's name in the message ("Cereri de subvenție"). */
  screen: string;
  /** The way back: another screen that does not depend on the failing record. */
  onBack(): void;
  backLabel: string;
  children: ReactNode;
}

/**
 * One per screen: a record that cannot be shown (damaged, of an unexpected shape) gives a Romanian
 * message with the way back, never a blank page; the rest of the app keeps working.
 */
export class ScreenErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Ecranul „${this.props.screen}” nu a putut fi afișat`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return (
      <Alert severity="error" role="alert" sx={{ maxWidth: 900 }}>
        <AlertTitle>Ecranul „{this.props.screen}” nu poate fi afișat</AlertTitle>
        O înregistrare nu a putut fi citită sau afișată (poate fi deteriorată sau de o formă neașteptată). Datele nu au fost modificate. Puteți reveni la alt ecran
        sau reîncerca; dacă problema persistă, restaurați o copie de siguranță din Setări.
        <br />
        Detalii: {errorMessage(this.state.error)}
        <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
          <Button variant="contained" size="small" onClick={this.props.onBack}>{this.props.backLabel}</Button>
          <Button size="small" onClick={() => this.setState({ error: null })}>Reîncearcă</Button>
        </Stack>
      </Alert>
    );
  }
}
