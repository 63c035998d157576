import { Alert, Snackbar } from '@mui/material';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { DomainError } from '../../src/errors';
import { describeStorageError } from '../db/storage-errors';

type Severity = 'success' | 'info' | 'warning' | 'error';
interface Message {
  id: number;
  text: string;
  severity: Severity;
}

interface NotifierValue {
  notify(text: string, severity?: Severity): void;
  /** Shows an error: domain errors by their Romanian message, anything else with a generic one. */
  fail(error: unknown): void;
}

const NotifierContext = createContext<NotifierValue | null>(null);

export function errorMessage(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  const storage = describeStorageError(error);
  if (storage) return storage;
  if (error instanceof Error && /[ăâîșțĂÂÎȘȚ]/.test(error.message)) return error.message;
  return `A apărut o eroare neașteptată: ${error instanceof Error ? error.message : String(error)}`;
}

// Each message gets its own id, so a new one restarts the timer that hides it (ids from the
// clock would repeat within a millisecond, or forever under a fixed test clock).
let nextMessageId = 0;

export function NotifierProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<Message | null>(null);
  const notify = useCallback((text: string, severity: Severity = 'success') => setMessage({ id: ++nextMessageId, text, severity }), []);
  const value = useMemo<NotifierValue>(() => ({ notify, fail: (error) => notify(errorMessage(error), 'error') }), [notify]);
  return (
    <NotifierContext.Provider value={value}>
      {children}
      <Snackbar
        key={message?.id}
        open={message !== null}
        autoHideDuration={message?.severity === 'error' ? null : 6000}
        onClose={(_e, reason) => reason !== 'clickaway' && setMessage(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert severity={message?.severity ?? 'info'} variant="filled" onClose={() => setMessage(null)} sx={{ maxWidth: 720 }}>
          {message?.text}
        </Alert>
      </Snackbar>
    </NotifierContext.Provider>
  );
}

export function useNotifier(): NotifierValue {
  const value = useContext(NotifierContext);
  if (!value) throw new Error('NotifierProvider lipsește');
  return value;
}
