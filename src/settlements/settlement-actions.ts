import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import { isLocked, SETTLEMENT_STATES, type MonthlySettlement, type SettlementState } from './monthly-settlement';

export type SettlementAction = 'edit' | 'submit' | 'verify' | 'approve' | 'pay' | 'reject' | 'rework' | 'adjust';
export const SETTLEMENT_ACTIONS: Record<SettlementAction, string> = {
  edit: 'Salvează',
  submit: 'Depune',
  verify: 'Verifică (bun de plată)',
  approve: 'Aprobă (ordonanțare)',
  pay: 'Plătit (ordin de plată)',
  reject: 'Respinge',
  rework: 'Reia ca ciornă',
  adjust: 'Regularizare într-o lună ulterioară',
};

/** Which state each action needs. */
const NEEDS: Record<SettlementAction, readonly SettlementState[]> = {
  edit: ['ciorna'],
  submit: ['ciorna'],
  verify: ['depus'],
  approve: ['verificat'],
  pay: ['aprobat'],
  reject: ['depus'],
  rework: ['respins'],
  adjust: ['ciorna', 'depus'],
};

export interface ActionState {
  isEnabled: boolean;
  /** Why not, in Romanian (shown beside the disabled button). */
  reason?: string;
}

/**
 * What can be done with a settlement now, and why not otherwise: the state machine of
 * monthly-settlement.ts, the suspension of payments, and for a correction a verified earlier month.
 */
export function settlementActions(s: Pick<MonthlySettlement, 'state' | 'month'>, context: { suspensionReasons: readonly string[]; lockedEarlierMonths: readonly Month[] }): Record<SettlementAction, ActionState> {
  const out = {} as Record<SettlementAction, ActionState>;
  for (const action of Object.keys(NEEDS) as SettlementAction[]) {
    const needs = NEEDS[action];
    if (!needs.includes(s.state)) {
      const locked = isLocked(s) && (action === 'edit' || action === 'adjust');
      out[action] = {
        isEnabled: false,
        reason: locked
          ? 'Luna verificată este blocată: o corecție se înregistrează ca regularizare în decontul unei luni ulterioare.'
          : `Decontul este „${SETTLEMENT_STATES[s.state]}”; acțiunea cere starea ${needs.map((n) => `„${SETTLEMENT_STATES[n]}”`).join(' sau ')}.`,
      };
      continue;
    }
    out[action] = { isEnabled: true };
  }
  if (out.approve.isEnabled && context.suspensionReasons.length > 0) out.approve = { isEnabled: false, reason: `Plata este suspendată: ${context.suspensionReasons.join('; ')}.` };
  if (out.adjust.isEnabled && context.lockedEarlierMonths.length === 0) out.adjust = { isEnabled: false, reason: `Nicio lună anterioară lui ${MONTH_NAMES[s.month - 1]} nu este verificată.` };
  return out;
}
