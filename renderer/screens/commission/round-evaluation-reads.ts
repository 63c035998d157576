// A round's evaluation, read live for its page. The read starts on the click that opens the round
// (the rounds' list calls preloadRoundEvaluation), so that it runs while the list is taken down and
// the page drawn, not after; the page takes that read over when it subscribes (issue 10).
import { useObservable } from 'dexie-react-hooks';
import { liveQueryAhead, startAhead } from '../../components/preloaded-live-query';
import type { Store } from '../../db/store';
import { loadRoundEvaluation, type RoundEvaluationData } from '../../services/round-evaluation';

const key = (roundId: string) => `round:${roundId}`;

/** Starts reading the evaluation of the round about to open. */
export function preloadRoundEvaluation(store: Store, roundId: string): void {
  startAhead(key(roundId), store, () => loadRoundEvaluation(store, roundId));
}

/** The round's evaluation, live (undefined until read): the read preloadRoundEvaluation started, or one of its own. */
export function useRoundEvaluation(store: Store, roundId: string): RoundEvaluationData | undefined {
  return useObservable<RoundEvaluationData | undefined>(() => liveQueryAhead(key(roundId), store, () => loadRoundEvaluation(store, roundId)), [store, roundId]);
}
