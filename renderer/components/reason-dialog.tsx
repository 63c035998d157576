import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';

/** Asks for the reason of an action that is kept in the audit log (reopening, correction). */
export function ReasonDialog({ title, text, confirmLabel, onConfirm, onCancel }: { title: string; text: string; confirmLabel: string; onConfirm(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const confirm = () => {
    if (reason.trim().length < 3) return setError('Motivul este obligatoriu.');
    onConfirm(reason.trim());
  };
  return (
    <Dialog open onClose={onCancel} maxWidth="sm" fullWidth aria-labelledby="reason-title">
      <DialogTitle id="reason-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 1.5 }}>{text}</DialogContentText>
        <TextField autoFocus label="Motivul" value={reason} onChange={(e) => setReason(e.target.value)} error={!!error} helperText={error} multiline minRows={2} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Anulează</Button>
        <Button variant="contained" onClick={confirm}>{confirmLabel}</Button>
      </DialogActions>
    </Dialog>
  );
}
