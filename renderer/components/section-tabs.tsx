import { Box } from '@mui/material';
import { memo, useId, useRef, type KeyboardEvent } from 'react';

/**
 * A page's tab strip without layout reads: MUI's Tabs measures its selected tab (and its scroll
 * buttons) after each mount and tab change with getBoundingClientRect, which forces a full layout
 * of the page before the frame's own; here the selected tab is marked by a CSS border. The ARIA
 * pattern is the same as MUI's: a tablist of tabs (aria-selected, one tab in the Tab order), the
 * arrow keys, Home and End moving the focus, Enter or Space (a click) choosing the tab.
 */
export const SectionTabs = memo(function SectionTabs({ labels, value, onChange, idPrefix }: {
  labels: readonly string[];
  value: number;
  onChange(tab: number): void;
  /** Gives the tabs ids `<idPrefix>-tab-<i>` and `aria-controls="<idPrefix>-panel"` (the panel: {@link sectionPanelProps}). */
  idPrefix?: string;
}) {
  const generated = useId();
  const prefix = idPrefix ?? generated;
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const at = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = e.key === 'ArrowRight' ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length
        : e.key === 'Home' ? 0
          : e.key === 'End' ? tabs.length - 1
            : -1;
    if (next < 0) return;
    e.preventDefault();
    tabs[next]!.focus();
  };
  return (
    <Box ref={list} role="tablist" aria-orientation="horizontal" onKeyDown={onKeyDown}
      sx={{ display: 'flex', flexShrink: 0, overflowX: 'auto', borderBottom: 1, borderColor: 'divider', mb: 1.5 }}>
      {labels.map((label, i) => {
        const selected = i === value;
        return (
          <Box key={label} component="button" type="button" role="tab" id={`${prefix}-tab-${i}`} aria-controls={`${prefix}-panel`}
            aria-selected={selected} tabIndex={selected ? 0 : -1} onClick={() => { if (!selected) onChange(i); }}
            sx={(theme) => ({
              ...theme.typography.button,
              flexShrink: 0,
              minHeight: 48,
              minWidth: 90,
              maxWidth: 360,
              px: 2,
              py: 1.5,
              m: 0,
              border: 0,
              borderBottom: '2px solid',
              borderColor: selected ? 'primary.main' : 'transparent',
              bgcolor: 'transparent',
              color: selected ? 'primary.main' : 'text.secondary',
              cursor: 'pointer',
              '&:hover': { color: selected ? 'primary.main' : 'text.primary' },
              '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: -2 },
            })}>
            {label}
          </Box>
        );
      })}
    </Box>
  );
});

/** The props of the panel the tabs control (role tabpanel, labelled by the selected tab). */
export function sectionPanelProps(idPrefix: string, value: number) {
  return { role: 'tabpanel', id: `${idPrefix}-panel`, 'aria-labelledby': `${idPrefix}-tab-${value}` } as const;
}
