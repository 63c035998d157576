// A screen's first live query, started before the screen mounts (issue 10, cold start): at start-up
// the database opens while the screen of the address loads (app.tsx preloadScreen), and the screen's
// first read can start as soon as both are there, while the application's frame is still being
// drawn. useLiveQuery starts reading only in an effect, after the first paint of the whole frame.
import { liveQuery } from 'dexie';
import { listenerOf, type Listener, type Subscribable } from '../db/table-mirror';

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

/**
 * What a live query reads: a querier (run again by Dexie's liveQuery on any change to what it read),
 * or a source that keeps its value up to date itself (a table mirror, renderer/db/table-mirror.ts).
 */
export type LiveRead<T> = (() => Promise<T>) | { observe(): Subscribable<T> };

function observe<T>(read: LiveRead<T>): Subscribable<T> {
  return typeof read === 'function' ? liveQuery(read) : read.observe();
}

/** How long a query started for a screen that never takes it over keeps running. */
const UNCLAIMED_MS = 30_000;

/**
 * Starts a live query now and hands it over to the screen that asks for it later: the screen gets
 * the value already read (or the one on its way), then every change as from a live query of its
 * own. When the screen leaves, the query stops; a screen that subscribes after that (or a query
 * never claimed within UNCLAIMED_MS, stopped then) gets a live query of its own.
 */
export function preloadLiveQuery<T>(
  querier: LiveRead<T>,
  { unclaimedMs = UNCLAIMED_MS, onStop, onSettled }: { unclaimedMs?: number; onStop?: () => void; /** Called once, on the first value or error. */ onSettled?: () => void } = {},
): SharedLiveQuery<T> {
  const listeners = new Set<Listener<T>>();
  let current: { value: T } | undefined;
  let failure: { error: unknown } | undefined;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  let settled = onSettled;
  const settle = () => {
    const callback = settled;
    settled = undefined;
    callback?.();
  };
  const source = observe(querier).subscribe({
    next: (value) => {
      current = { value };
      failure = undefined;
      for (const l of [...listeners]) l.next(value);
      settle();
    },
    error: (error) => {
      failure = { error };
      for (const l of [...listeners]) l.error(error);
      settle();
    },
  });
  let isStopped = false;
  const stop = () => {
    isStopped = true;
    current = undefined;
    source.unsubscribe();
    onStop?.();
  };
  stopTimer = setTimeout(stop, unclaimedMs);
  return {
    isStopped: () => isStopped,
    hasValue: () => !isStopped && current !== undefined,
    getValue: () => (isStopped ? undefined : current?.value),
    subscribe(next, error) {
      const listener = listenerOf(next, error);
      if (isStopped) return observe(querier).subscribe(listener);
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

/** Live queries started ahead of their screen, by what they read ("catalog", "round:<id>"), with the store they read. */
const ahead = new Map<string, { store: object; query: SharedLiveQuery<unknown> }>();

/**
 * Starts the live query that a screen about to open will ask for under `key` (if it is not running
 * already). `onSettled`: called on its first value or error (at once when it was running already).
 * `unclaimedMs`: how long it runs if no screen asks for it (UNCLAIMED_MS unless given).
 */
export function startAhead<T>(key: string, store: object, querier: LiveRead<T>, { onSettled, unclaimedMs }: { onSettled?: () => void; unclaimedMs?: number } = {}): void {
  const running = ahead.get(key);
  if (running?.store === store && !running.query.isStopped()) return void onSettled?.();
  const query: SharedLiveQuery<T> = preloadLiveQuery(querier, { onStop: () => ahead.get(key)?.query === query && ahead.delete(key), onSettled, unclaimedMs });
  ahead.set(key, { store, query });
}

/**
 * What a screen's hook hands to useObservable: the query started ahead under `key` if it still
 * runs when the screen subscribes (in its effect, whichever render React kept: a render thrown
 * away must not leave it unclaimed and read again), else a live query of its own. What the query
 * started ahead has already read is there for the screen's first render.
 */
export function liveQueryAhead<T>(key: string, store: object, querier: LiveRead<T>): SharedLiveQuery<T> {
  const started = () => {
    const running = ahead.get(key);
    return running?.store === store && !running.query.isStopped() ? (running.query as SharedLiveQuery<T>) : undefined;
  };
  return {
    isStopped: () => false,
    hasValue: () => started()?.hasValue() ?? false,
    getValue: () => started()?.getValue(),
    subscribe: (next, error) => (started() ?? observe(querier)).subscribe(typeof next === 'function' ? { next, error } : next),
  };
}
