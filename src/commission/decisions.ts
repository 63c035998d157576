import type { Entity } from '../entity';

/** How a member present voted on a decision of the commission. */
export type Vote = 'pentru' | 'impotriva' | 'abtinere';

/**
 * A decision of the commission taken in a session (admission or rejection of a request, the final
 * ranking, a tie order, an appeal), with the vote of each member present and not recused.
 */
export interface CommissionDecision extends Entity {
  roundId: string;
  sessionId: string;
  /** 'admitere_cerere', 'respingere_cerere', 'clasament_final', 'ordine_egalitate', 'solutionare_contestatie'. */
  kind: string;
  requestId?: string;
  appealId?: string;
  /** The decision as written in the minutes. */
  text: string;
  votes: { memberId: string; vote: Vote }[];
}
