import { Button, DialogActions } from '@mui/material';
import type { ReactNode } from 'react';

/** The footer of every form dialog: anything extra on the left, then "Închide" and the save button. */
export function SaveCloseActions({
  onClose,
  onSave,
  saveLabel = 'Salvează',
  isSaveDisabled = false,
  children,
}: {
  onClose(): void;
  onSave(): void;
  saveLabel?: string;
  isSaveDisabled?: boolean;
  children?: ReactNode;
}) {
  return (
    <DialogActions>
      {children}
      <Button onClick={onClose}>Închide</Button>
      <Button variant="contained" onClick={onSave} disabled={isSaveDisabled}>
        {saveLabel}
      </Button>
    </DialogActions>
  );
}
