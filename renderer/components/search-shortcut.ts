import { useEffect } from 'react';

// Apart from the search dialog, whose code (and index) loads only when the search is first opened.
/** Ctrl+K (Cmd+K on a Mac) opens the search from anywhere, also from inside a text field. */
export function useSearchShortcut(open: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
}
