import { Button, CircularProgress, Menu, MenuItem } from '@mui/material';
import { useState, type ReactNode } from 'react';

/**
 * A button that opens a menu of export formats. While a document is being generated the button
 * shows a spinner and says so, and cannot start a second export.
 */
export function ExportMenu({ label, icon, items }: { label: string; icon?: ReactNode; items: { label: string; onClick(): Promise<unknown> | void }[] }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown> | void) => {
    setAnchor(null);
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        startIcon={busy ? <CircularProgress size={16} /> : icon}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        disabled={busy}
      >
        {busy ? 'Se generează…' : label}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {items.map((item) => (
          <MenuItem key={item.label} onClick={() => void run(item.onClick)}>
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
