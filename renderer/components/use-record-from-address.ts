import { useEffect } from 'react';

/**
 * The record the address names ("#/<route>/<id>") opens in the screen's dialog; an address without
 * one (Back, or the dialog closed) closes it, except a new record being typed, which has no id yet.
 */
export function useRecordFromAddress<T>(recordId: string | undefined, load: (id: string) => Promise<T | undefined>, setOpen: (update: (current: T | 'new' | null) => T | 'new' | null) => void): void {
  useEffect(() => {
    if (!recordId) {
      setOpen((current) => (current === 'new' ? current : null));
      return;
    }
    let live = true;
    void load(recordId).then((record) => {
      if (live && record) setOpen(() => record);
    });
    return () => {
      live = false;
    };
    // `load` and `setOpen` are the screen's (store methods, state setters): the id decides.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recordId]);
}
