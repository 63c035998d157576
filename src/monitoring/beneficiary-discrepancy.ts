import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import type { MonthlySettlement } from '../settlements/monthly-settlement';
import type { FindingSeverity } from './findings';
import { MONITORING_SETTINGS_SOURCE, type ObservedBeneficiaries } from './visit';

/**
 * The beneficiaries seen on a visit against those the NGO claimed in that month's settlement (one
 * of the convention's obligations: the beneficiary count matches the settlements). The margin is a
 * plan parameter (default 10 %), not a legal rule: none was found.
 */

export interface DiscrepancyMargin {
  percent: number;
  source: string;
}

export const DEFAULT_DISCREPANCY_MARGIN: DiscrepancyMargin = { percent: 10, source: MONITORING_SETTINGS_SOURCE };

export interface BeneficiaryComparison {
  year: number;
  month: Month;
  /** What the settlement claimed for the unit; undefined when no settlement of the month is stored. */
  claimed?: number;
  /** The settlement's state, for the reader. */
  settlementState?: MonthlySettlement['state'];
  /** The count compared: the unit's register when typed, otherwise the persons present. */
  observed?: number;
  observedBasis?: 'registru' | 'prezenti';
  present?: number;
  onRegister?: number;
  /** claimed − observed. */
  difference?: number;
  /** |difference| / claimed, in percent (one decimal). */
  differencePercent?: number;
  margin: DiscrepancyMargin;
  isBeyondMargin: boolean;
  /** Romanian explanation, shown on the visit page and in the report. */
  explanation: string;
  /** The finding proposed when beyond the margin. */
  proposedFinding?: { severity: FindingSeverity; text: string };
}

const beneficiari = (n: number): string => (n === 1 ? '1 beneficiar' : n % 100 >= 20 || n === 0 ? `${n} de beneficiari` : `${n} beneficiari`);
const pct = (n: number): string => `${n.toLocaleString('ro-RO', { maximumFractionDigits: 1 })} %`;

/** The persons served in the unit as the stored settlement of the month claims them. */
export function claimedFor(settlement: Pick<MonthlySettlement, 'beneficiaries'> | undefined, unitId: string): number | undefined {
  return settlement?.beneficiaries.find((b) => b.unitId === unitId)?.count;
}

export function compareBeneficiaries(input: {
  observed: ObservedBeneficiaries;
  year: number;
  month: Month;
  unitId: string;
  unitName: string;
  settlement?: Pick<MonthlySettlement, 'beneficiaries' | 'state'>;
  margin?: DiscrepancyMargin;
}): BeneficiaryComparison {
  const margin = input.margin ?? DEFAULT_DISCREPANCY_MARGIN;
  const monthLabel = `${MONTH_NAMES[input.month - 1]} ${input.year}`;
  const claimed = claimedFor(input.settlement, input.unitId);
  const { present, onRegister } = input.observed;
  const observed = onRegister ?? present;
  const observedBasis = onRegister !== undefined ? 'registru' : present !== undefined ? 'prezenti' : undefined;
  const base = { year: input.year, month: input.month, claimed, settlementState: input.settlement?.state, observed, observedBasis, present, onRegister, margin } as const;
  if (observed === undefined) return { ...base, isBeyondMargin: false, explanation: 'Nu s-a înregistrat numărul beneficiarilor observați la vizită.' };
  if (claimed === undefined) return { ...base, isBeyondMargin: false, explanation: `Nu există un decont înregistrat pentru ${monthLabel} la unitatea „${input.unitName}”: comparația se face după depunerea lui.` };
  const difference = claimed - observed;
  const differencePercent = claimed === 0 ? (observed === 0 ? 0 : 100) : Math.round((Math.abs(difference) / claimed) * 1000) / 10;
  const isBeyondMargin = differencePercent > margin.percent;
  const seen = observedBasis === 'registru' ? `${beneficiari(observed)} în registrul unității` : `${beneficiari(observed)} prezenți la vizită`;
  const explanation = `Decontul pentru ${monthLabel} declară ${beneficiari(claimed)}; la vizită: ${seen}. Diferență: ${difference > 0 ? '+' : ''}${difference} (${pct(differencePercent)}), marja admisă ${pct(margin.percent)} (${margin.source}).`;
  if (!isBeyondMargin) return { ...base, difference, differencePercent, isBeyondMargin, explanation: `${explanation} Încadrat în marjă.` };
  return {
    ...base,
    difference,
    differencePercent,
    isBeyondMargin,
    explanation: `${explanation} Depășește marja: se propune o constatare.`,
    proposedFinding: {
      severity: 'majora',
      text: `Numărul beneficiarilor nu corespunde decontului: pentru ${monthLabel} decontul declară ${beneficiari(claimed)}, iar la vizita de monitorizare s-au constatat ${seen} (diferență ${pct(differencePercent)}, peste marja de ${pct(margin.percent)}).`,
    },
  };
}
