import type { Bani } from '../money';
import type { SettlementState } from '../settlements/monthly-settlement';
import type { Month } from '../requests/subsidy-request';
import { isoFromParts, type IsoDate } from '../validation/dates';

/**
 * The script of the demonstration's finished year: what the secretariat, the commission and the
 * finance department did for the round of `year` (last year's round, evaluated in the autumn before
 * it). Only the facts a person would type are here — dates, numbers, points, votes, amounts claimed;
 * everything computed (eligibility, subsidies, ranking, the frozen results, the conventions' units
 * and ceilings, the amounts due) is left to the application's own rules, which the loader calls
 * exactly as the screens do.
 */
export interface DemoYearScript {
  year: number;
  session: { date: IsoDate; time: string; place: string };
  /** Points (C1, C2, C3 of the demonstrative grid) per voting member's name, per request in registration order. */
  scores: Record<string, readonly (readonly [number, number, number])[]>;
  decisionText: string;
  /** The act approving the results and the day they were communicated. */
  decisionAct: string;
  notifiedOn: IsoDate;
  /** One convention per funded award, in ranking order; the last funded award is left to contract. */
  conventions: DemoConventionScript[];
  /** The settlements: per convention (index in `conventions`) and month, the state it reached. */
  settlements: DemoSettlementScript[];
  paymentsFileName: string;
}

export interface DemoConventionScript {
  number: string;
  date: IsoDate;
  council: { number: string; date: IsoDate };
  final: { number: string; date: IsoDate };
  financialOfficer: string;
  commitment: { number: string; date: IsoDate; cfpBy: string; cfpOn: IsoDate };
}

export type DemoSettlementTarget = Extract<SettlementState, 'depus' | 'verificat' | 'aprobat' | 'platit'>;

export interface DemoSettlementScript {
  convention: number;
  month: Month;
  target: DemoSettlementTarget;
  submittedOn: IsoDate;
  ordonantare?: { number: string; date: IsoDate };
  payment?: { orderNumber: string; date: IsoDate };
}

/** Voting members of the demo commission (see demo-commission.ts); Ioan Pop, founder of one applicant, does not score its request (his points for it are unused while he is recused). */
const SCORES: DemoYearScript['scores'] = {
  'Maria Ionescu': [[36, 26, 25], [31, 22, 21], [12, 10, 9], [33, 25, 24], [29, 23, 21], [37, 28, 27]],
  'Ioan Pop': [[34, 27, 24], [30, 20, 21], [11, 9, 10], [31, 24, 25], [28, 22, 22], [36, 27, 28]],
  'Elena Moldovan': [[35, 25, 26], [30, 21, 20], [10, 8, 11], [32, 23, 25], [30, 21, 22], [38, 29, 28]],
};

const OFFICERS = ['Ana Pop', 'Sorin Bogdan', 'Lavinia Man', 'Tudor Suciu'];

/** Which months of which convention reach which state (a few months, every state). */
const SETTLEMENT_PLAN: readonly (readonly [convention: number, month: Month, target: DemoSettlementTarget])[] = [
  [0, 1, 'platit'], [0, 2, 'platit'], [0, 3, 'platit'], [0, 4, 'aprobat'], [0, 5, 'verificat'], [0, 6, 'depus'],
  [1, 1, 'platit'], [1, 2, 'platit'], [1, 3, 'aprobat'],
  [2, 1, 'platit'], [2, 2, 'verificat'],
  [3, 1, 'platit'],
];

export const DEMO_YEAR_CONVENTIONS = 4;
export const DEMO_YEAR_SETTLEMENTS = SETTLEMENT_PLAN.length;

/** The finished year's script for the round of `year` (evaluated in October of `year` − 1). */
export function demoYearScript(year: number): DemoYearScript {
  const before = year - 1;
  const conventions: DemoConventionScript[] = Array.from({ length: DEMO_YEAR_CONVENTIONS }, (_, i) => ({
    number: String(i + 1),
    date: isoFromParts(year, 1, 15 + i),
    council: { number: `912/${before}`, date: isoFromParts(before, 12, 18) },
    final: { number: `104/${year}`, date: isoFromParts(year, 2, 20) },
    financialOfficer: OFFICERS[i % OFFICERS.length]!,
    commitment: { number: `AB ${101 + i}/${year}`, date: isoFromParts(year, 1, 20 + i), cfpBy: 'Elena Rus', cfpOn: isoFromParts(year, 1, 20 + i) },
  }));
  let ordonantare = 0;
  let paymentOrder = 0;
  const settlements = SETTLEMENT_PLAN.map(([convention, month, target]): DemoSettlementScript => {
    // Submitted by the 5th of the month after, verified and approved within ten days, paid within a week.
    const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
    const script: DemoSettlementScript = { convention, month, target, submittedOn: isoFromParts(next.y, next.m, 5) };
    if (target === 'aprobat' || target === 'platit') {
      ordonantare += 1;
      script.ordonantare = { number: `ORD ${ordonantare}/${year}`, date: isoFromParts(next.y, next.m, 14) };
    }
    if (target === 'platit') {
      paymentOrder += 1;
      script.payment = { orderNumber: String(2000 + paymentOrder), date: isoFromParts(next.y, next.m, 20) };
    }
    return script;
  });
  return {
    year,
    session: { date: isoFromParts(before, 10, 15), time: '10:00', place: 'Sala de ședințe a DASM (fictiv)' },
    scores: SCORES,
    decisionText: 'Se aprobă clasamentul final și alocarea sumelor (date demonstrative).',
    decisionAct: `Dispoziția directorului executiv nr. 412/${before} (fictivă)`,
    notifiedOn: isoFromParts(before, 10, 22),
    conventions,
    settlements,
    paymentsFileName: `plati-trezorerie-demo-${year}.xlsx`,
  };
}

/**
 * What an NGO claims for one unit in a month: 95% of the unit's monthly ceiling, split over the
 * categories of its contracted budget in proportion to them (whole lei), so the amount due is the
 * expenses and stays under the level and the ceiling.
 */
export function demoMonthlyClaim(unit: { monthlyCeiling: Bani; expenseBudget: Record<string, Bani> }): { category: string; amount: Bani }[] {
  const total = Object.values(unit.expenseBudget).reduce((s, v) => s + v, 0);
  if (total <= 0) return [];
  return Object.entries(unit.expenseBudget)
    .filter(([, v]) => v > 0)
    .map(([category, v]) => ({ category, amount: (Math.floor((unit.monthlyCeiling * 0.95 * v) / total / 100) * 100) as Bani }))
    .filter((line) => line.amount > 0);
}
