import type { ParameterValue } from '../parameters/types';
import { MONTHLY_LEVEL_PREFIX } from '../requests/parameter-rules';
import { isoFromParts, type IsoDate } from '../validation/dates';
import { DEMO_NOTE } from './demo-data';

/** The source every demonstrative value names: never mistaken for an act. */
export const DEMO_PARAMETER_SOURCE = 'fictiv — date demonstrative';

/**
 * Fictitious local monthly levels (lei/beneficiary/month) for the demonstration only: the shipped
 * HCL 788/2022 levels stay "de completat", and these are stored as user values whose source says
 * they are fictitious, so a newcomer sees the whole flow with amounts. They are not legal figures.
 */
const DEMO_LEVELS_LEI: Record<string, number> = {
  ingrijire_la_domiciliu: 450,
  centre_de_zi: 600,
  unitati_prevenire_consiliere_adictii: 500,
  adaposturi_de_noapte: 700,
  cantine_sociale: 350,
  centre_rezidentiale: 950,
};

/** A fictitious mid-year change of the day-centre level, to show the computation month by month. */
const DEMO_RAISED_DAY_CENTRE_LEI = 650;

/**
 * The demonstrative parameter values around `today`: the levels from 1 January of last year (the
 * first demo round's budget year), and a raised day-centre level from 1 July of this year.
 */
export function generateDemoParameterValues(today: IsoDate): ParameterValue[] {
  const year = Number(today.slice(0, 4));
  const createdAt = `${today}T08:00:00.000Z`;
  const value = (category: string, validFrom: IsoDate, lei: number, note: string): ParameterValue => ({
    key: MONTHLY_LEVEL_PREFIX + category,
    validFrom,
    value: lei * 100,
    source: { act: DEMO_PARAMETER_SOURCE },
    note: `${DEMO_NOTE}: ${note}`,
    isVerified: false,
    origin: 'utilizator',
    createdAt,
  });
  return [
    ...Object.entries(DEMO_LEVELS_LEI).map(([category, lei]) => value(category, isoFromParts(year - 1, 1, 1), lei, 'nivel fictiv, numai pentru explorarea aplicației.')),
    value('centre_de_zi', isoFromParts(year, 7, 1), DEMO_RAISED_DAY_CENTRE_LEI, 'majorare fictivă de la 1 iulie, ca să se vadă calculul pe luni.'),
  ];
}
