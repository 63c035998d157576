// A round's evaluation, read live for its page. The read starts on the click that opens the round
// (the rounds' list calls preloadRoundEvaluation), so that it runs while the list is taken down and
// the page drawn, not after; the page takes that read over when it subscribes (issue 10).
import { useObservable } from 'dexie-react-hooks';
import { liveQueryAhead, startAhead } from '../../components/preloaded-live-query';
import type { Store } from '../../db/store';
import { lastOpenedRead } from '../../db/tables-live-query';
import { loadRoundEvaluation, type RoundEvaluationData, type RoundReadHint } from '../../services/round-evaluation';

const key = (roundId: string) => `round:${roundId}`;
/**
 * The live reads of the two rounds last opened (or read ahead for the pointer resting on their
 * rows: readRoundAhead), kept (issue 10). Each follows whole tables (store.followTables), not every
 * key as Dexie's liveQuery would: the keys of 2,100 score sheets, the year's requests and the
 * round's NGOs and units cost about 35 ms of a 300-request round's screen. And its value outlives
 * the page while no table it read changes, so that a round opened again (back to the list and in
 * again, as the secretariat goes between rounds and their tabs) is shown at once, as it is; the
 * first change to what it read drops it, and the next opening reads again. The rounds read ahead
 * for the pointer never push out the ones opened (lastOpenedRead).
 */
const lastRound = lastOpenedRead<RoundEvaluationData | undefined>(2);
/**
 * The slot of the rounds' evaluations kept across starts (renderer/db/persisted-read.ts): the four
 * rounds read last, each as it was read, taken again after a start while none of the tables it
 * read has been written since (a first opening then shows it without reading and computing
 * everything); the latest is read ahead while the list is shown.
 */
const KEPT_SLOT = 'round-evaluation';
const liveRead = (store: Store, roundId: string, hint?: RoundReadHint, ahead = false) =>
  lastRound(store, roundId, store.persisted(KEPT_SLOT, roundId, () => loadRoundEvaluation(store, roundId, hint)), ahead);

/**
 * Reads the evaluation kept of the round last read, while the rounds' list is shown, and reads
 * that round again if a table it read was written since: opening that round then only checks that
 * it is still exact. Nothing when this session still holds that round's value (the round last
 * opened, nothing it read changed: it opens from memory). Returns what forgets it.
 */
export function prefetchLastRoundEvaluation(store: Store): () => void {
  if (lastRound.holdsValue(store)) return () => undefined;
  return store.prefetchPersisted(KEPT_SLOT, (roundId) => () => loadRoundEvaluation(store, roundId));
}

/**
 * Starts reading the evaluation of the round about to open (`year`: the round's year as the list
 * holds it, see loadRoundEvaluation). Resolves once the read is well under way: its value is there
 * (kept, or read), or the reads of its longest chain are asked for (the requests' NGOs and units:
 * from then on IndexedDB reads them while the page is drawn).
 */
export function preloadRoundEvaluation(store: Store, roundId: string, year?: number): Promise<void> {
  return new Promise<void>((resolve) => startAhead(key(roundId), store, liveRead(store, roundId, { year, onUnderway: resolve }), { onSettled: resolve }));
}

/** How long the read of a round started for the pointer resting on its row runs if the round is not opened. */
const POINTED_UNCLAIMED_MS = 10_000;

/**
 * Starts reading the evaluation of the round whose row the pointer rests on in the rounds' list
 * (renderer/components/point-intent.ts), as the click would but without opening it: the click
 * that follows takes that read over (preloadRoundEvaluation finds it running), so that most of it
 * is done by then. Stopped after POINTED_UNCLAIMED_MS if the round is not opened.
 */
export function readRoundAhead(store: Store, roundId: string, year?: number): void {
  startAhead(key(roundId), store, liveRead(store, roundId, { year }, true), { unclaimedMs: POINTED_UNCLAIMED_MS });
}

/** The round's evaluation, live (undefined until read): the read preloadRoundEvaluation started, or one of its own. */
export function useRoundEvaluation(store: Store, roundId: string): RoundEvaluationData | undefined {
  return useObservable<RoundEvaluationData | undefined>(() => liveQueryAhead(key(roundId), store, liveRead(store, roundId)), [store, roundId]);
}
