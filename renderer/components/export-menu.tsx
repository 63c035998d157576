import { Button, Menu, MenuItem } from '@mui/material';
import { useState, type ReactNode } from 'react';

/** A button that opens a menu of export formats. */
export function ExportMenu({ label, icon, items }: { label: string; icon?: ReactNode; items: { label: string; onClick(): void }[] }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button startIcon={icon} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {label}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {items.map((item) => (
          <MenuItem
            key={item.label}
            onClick={() => {
              setAnchor(null);
              item.onClick();
            }}
          >
            {item.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
