import { stamp } from '../entity';
import { bani } from '../money';
import { emptyFundingRound, type FundingRound } from '../rounds/funding-round';
import { isoFromParts, type IsoDate } from '../validation/dates';
import { DEMO_NOTE } from './demo-data';

/**
 * Fictitious funding rounds around `today`: last year's Law 34/1998 round (finished), this
 * year's (being evaluated), and next year's, open for requests until the last day of September.
 * Budgets are of the order Cluj-Napoca has spent (about 2.2 million lei a year).
 */
export function generateDemoRounds(today: IsoDate): FundingRound[] {
  const year = Number(today.slice(0, 4));
  const round = (budgetYear: number, budgetLei: number, status: FundingRound['status']): FundingRound =>
    stamp(
      {
        ...emptyFundingRound(budgetYear),
        budget: bani(budgetLei * 100),
        submissionStart: isoFromParts(budgetYear - 1, 8, 1),
        submissionEnd: isoFromParts(budgetYear - 1, 9, 30),
        legalBasis: 'HCL (fictiv) privind aprobarea bugetului',
        status,
        notes: DEMO_NOTE,
      },
      `${today}T08:00:00.000Z`,
    );
  return [round(year - 1, 2_150_000, 'finalizata'), round(year, 2_215_615, 'in_evaluare'), round(year + 1, 2_300_000, 'deschisa')];
}
