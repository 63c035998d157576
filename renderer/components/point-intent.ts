// The pointer resting on a row (issue 10): a list whose rows open a record that takes a while to
// read (a round's evaluation) starts that read when the pointer has stayed on a row for
// POINT_REST_MS, as it does before a click, so that most of the read is done when the click comes.
// A pointer only passing over rows on its way elsewhere starts nothing. The keyboard's focus is
// followed the same way (record-grid.tsx): the arrow keys moved to a row, Enter about to open it.

/** How long the pointer stays on a row before its record is read ahead. */
export const POINT_REST_MS = 80;

export interface PointIntent<K> {
  /** The pointer entered the row of `key`. */
  enter(key: K): void;
  /** The pointer left the row it was on (or the list). */
  leave(): void;
  /** Forgets a rest still being waited for (the list leaves). */
  dispose(): void;
}

/** Calls `onRest(key)` once the pointer has stayed POINT_REST_MS on the row of `key`; once per row entered. */
export function pointIntent<K>(onRest: (key: K) => void, restMs = POINT_REST_MS): PointIntent<K> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    enter(key) {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        onRest(key);
      }, restMs);
    },
    leave: cancel,
    dispose: cancel,
  };
}
