import { Button, DialogActions, Typography } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useScreenTable, useWriteRefusal } from '../shared-session';

/**
 * The footer of every form dialog: anything extra on the left, then "Închide" and the save button.
 * In shared mode the save button is disabled, with the reason shown, when the signed-in login may
 * not change `table` (by default the main table of the screen the dialog belongs to).
 */
export function SaveCloseActions({
  onClose,
  onSave,
  saveLabel = 'Salvează',
  isSaveDisabled = false,
  table,
  children,
}: {
  onClose(): void;
  onSave(): void;
  saveLabel?: string;
  isSaveDisabled?: boolean;
  /** The table the save writes (default: the screen's main table). */
  table?: string;
  children?: ReactNode;
}) {
  const screenTable = useScreenTable();
  const refusal = useWriteRefusal(table ?? screenTable);
  const reasonId = useId();
  return (
    <DialogActions>
      {children}
      {refusal && (
        <Typography id={reasonId} variant="body2" color="text.secondary" sx={{ mr: 'auto', ml: 1 }}>
          {refusal}
        </Typography>
      )}
      <Button onClick={onClose}>Închide</Button>
      <Button variant="contained" onClick={onSave} disabled={isSaveDisabled || refusal !== undefined} aria-describedby={refusal ? reasonId : undefined}>
        {saveLabel}
      </Button>
    </DialogActions>
  );
}
