import type { Entity } from '../entity';
import type { Bani } from '../money';

/**
 * The round's results as the commission declared them final: stored once, read by every screen
 * and document of a locked round, never recomputed. Reopening keeps it in history (superseded);
 * an admitted appeal produces a new snapshot that names the act it rests on.
 */
export interface ResultsSnapshot extends Entity {
  roundId: string;
  /** 1, 2, … in the round's history. */
  sequence: number;
  /** ISO timestamp. */
  takenAt: string;
  takenBy: string;
  /** Why this snapshot was taken. */
  cause: 'rezultate_finale' | 'contestatie_admisa';
  /** The act a snapshot after an appeal rests on ("PV nr. 4/12.03.2027"). */
  basisAct?: string;
  /** The snapshot this one follows. */
  previousId?: string;
  /** Set when the results were reopened or a later snapshot replaced this one. */
  supersededAt?: string;
  supersededReason?: string;
  budget: Bani;
  gridFingerprint: string;
  /** The frozen content (see src/commission/results-snapshot-content.ts). */
  content: unknown;
}
