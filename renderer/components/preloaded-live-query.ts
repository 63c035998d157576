// A screen's first live query, started before the screen mounts (issue 10, cold start): at start-up
// the database opens while the screen of the address loads (app.tsx preloadScreen), and the screen's
// first read can start as soon as both are there, while the application's frame is still being
// drawn. useLiveQuery starts reading only in an effect, after the first paint of the whole frame.
import { liveQuery } from 'dexie';

interface Listener<T> {
  next(value: T): void;
  error(error: unknown): void;
}

interface Subscription {
  unsubscribe(): void;
}

/** What dexie-react-hooks' useObservable takes: the value already read is there synchronously (hasValue/getValue). */
export interface SharedLiveQuery<T> {
  /** Stopped: its screen left, or it was never claimed; it has nothing more to give. */
  isStopped(): boolean;
  hasValue(): boolean;
  getValue(): T | undefined;
  subscribe(next: ((value: T) => void) | Partial<Listener<T>>, error?: (error: unknown) => void): Subscription;
}

/** How long a query started for a screen that never takes it over keeps running. */
const UNCLAIMED_MS = 30_000;

/**
 * Starts a live query now and hands it over to the screen that asks for it later: the screen gets
 * the value already read (or the one on its way), then every change as from a live query of its
 * own. When the screen leaves, the query stops; a screen that subscribes after that (or a query
 * never claimed within UNCLAIMED_MS, stopped then) gets a live query of its own.
 */
export function preloadLiveQuery<T>(querier: () => Promise<T>, unclaimedMs = UNCLAIMED_MS): SharedLiveQuery<T> {
  const listeners = new Set<Listener<T>>();
  let current: { value: T } | undefined;
  let failure: { error: unknown } | undefined;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  const source = liveQuery(querier).subscribe({
    next: (value) => {
      current = { value };
      failure = undefined;
      for (const l of [...listeners]) l.next(value);
    },
    error: (error) => {
      failure = { error };
      for (const l of [...listeners]) l.error(error);
    },
  });
  let isStopped = false;
  const stop = () => {
    isStopped = true;
    current = undefined;
    source.unsubscribe();
  };
  stopTimer = setTimeout(stop, unclaimedMs);
  return {
    isStopped: () => isStopped,
    hasValue: () => !isStopped && current !== undefined,
    getValue: () => (isStopped ? undefined : current?.value),
    subscribe(next, error) {
      const listener: Listener<T> = typeof next === 'function' ? { next, error: error ?? (() => undefined) } : { next: (v) => next.next?.(v), error: (e) => next.error?.(e) };
      if (isStopped) return liveQuery(querier).subscribe(listener);
      clearTimeout(stopTimer);
      listeners.add(listener);
      if (failure) listener.error(failure.error);
      else if (current) listener.next(current.value);
      return {
        unsubscribe() {
          if (!listeners.delete(listener) || listeners.size > 0) return;
          // Not at once: a screen that resubscribes in the same turn (React's StrictMode) keeps it.
          stopTimer = setTimeout(() => listeners.size === 0 && stop(), 0);
        },
      };
    },
  };
}
