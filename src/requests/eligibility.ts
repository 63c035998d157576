import { isAccredited, type Organization } from '../catalog/organization';
import type { SocialServiceUnit } from '../register/unit';
import { searchKey } from '../validation/diacritics';
import { daysInMonth, formatRoDate, isoFromParts, type IsoDate } from '../validation/dates';
import { checkDossier, type DossierItemDefinition } from './dossier';
import { describeMonths, type Month, type SubsidyRequest } from './subsidy-request';

/** One condition of eligibility, with its verdict and the reason in plain Romanian. */
export interface EligibilityReason {
  code:
    | 'ong_activ'
    | 'ong_acreditat'
    | 'unitate_licentiata'
    | 'categorie_subventionata'
    | 'sediu_in_municipiu'
    | 'dosar_complet'
    | 'fara_suprapunere'
    | 'contributie_proprie';
  isMet: boolean;
  text: string;
  /** The rule's source. */
  source: string;
  unitId?: string;
  /** Months of the request a unit's failing condition affects. */
  months?: Month[];
}

export interface EligibilityVerdict {
  isEligible: boolean;
  reasons: EligibilityReason[];
  /** Per unit: the months that remain eligible after licence and overlap checks. */
  eligibleMonthsByUnit: Record<string, Month[]>;
}

export interface EligibilityContext {
  organization: Organization;
  units: readonly SocialServiceUnit[];
  /** Other requests of the same year (any round), to find overlaps for the same unit and months. */
  otherRequests: readonly Pick<SubsidyRequest, 'id' | 'year' | 'status' | 'units' | 'registration'>[];
  /** Is this service category subsidised in the round on that date (a level in force)? */
  isCategorySubsidised(category: string, date: IsoDate): boolean;
  /** The municipality that grants the subsidy. */
  municipality: string;
  date: IsoDate;
  dossierItems?: readonly DossierItemDefinition[];
}

// The first and last day of each month of a year, made once per year (a round asks for them per unit).
const monthBounds = new Map<number, { starts: IsoDate[]; ends: IsoDate[] }>();
function boundsOf(year: number) {
  let bounds = monthBounds.get(year);
  if (!bounds) {
    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    bounds = { starts: months.map((m) => isoFromParts(year, m, 1)), ends: months.map((m) => isoFromParts(year, m, daysInMonth(year, m))) };
    monthBounds.set(year, bounds);
  }
  return bounds;
}
const monthStart = (year: number, month: Month) => boundsOf(year).starts[month - 1]!;
const monthEnd = (year: number, month: Month) => boundsOf(year).ends[month - 1]!;

/** Same locality, diacritics and case aside ("Cluj-Napoca", "cluj-napoca"). */
const isSameLocality = (a: string | undefined, b: string) => a === b || searchKey(a) === searchKey(b);

/** A licence covers a month only when it is valid from its first to its last day. */
function licensedMonths(unit: SocialServiceUnit, year: number, months: readonly Month[]): { covered: Month[]; uncovered: Month[] } {
  const covered: Month[] = [];
  const uncovered: Month[] = [];
  for (const month of months) {
    const isCovered =
      !!unit.licenceNumber && !!unit.licenceIssueDate && !!unit.licenceExpiryDate &&
      unit.licenceIssueDate <= monthStart(year, month) && monthEnd(year, month) <= unit.licenceExpiryDate;
    (isCovered ? covered : uncovered).push(month);
  }
  return { covered, uncovered };
}

/**
 * Eligibility of a Law 34/1998 request, every condition listed whether met or not, so the
 * secretariat can explain the verdict and the notification can quote it.
 */
export function assessEligibility(request: SubsidyRequest, context: EligibilityContext): EligibilityVerdict {
  const { organization: org, date } = context;
  const reasons: EligibilityReason[] = [];
  const eligibleMonthsByUnit: Record<string, Month[]> = {};

  // Law 34/1998 art. 1: associations and foundations with legal personality, active.
  reasons.push({
    code: 'ong_activ',
    isMet: org.status === 'activ',
    text: org.status === 'activ' ? `ONG-ul „${org.name}” este activ.` : `ONG-ul „${org.name}” nu este activ (stare: ${org.status}).`,
    source: 'Legea 34/1998, art. 1',
  });
  // Law 34/1998 as amended by Law 79/2017; Law 197/2012 art. 8: accredited provider.
  const accredited = isAccredited(org) && (!org.accreditationDate || org.accreditationDate <= date);
  reasons.push({
    code: 'ong_acreditat',
    isMet: accredited,
    text: accredited ? `ONG-ul este acreditat ca furnizor de servicii sociale (certificat nr. ${org.accreditationNumber}).` : 'ONG-ul nu are certificat de acreditare ca furnizor de servicii sociale.',
    source: 'Legea 197/2012, art. 8; Legea 34/1998 modificată prin Legea 79/2017',
  });

  const inMunicipality =
    isSameLocality(org.locality, context.municipality) || request.units.some((line) => isSameLocality(context.units.find((u) => u.id === line.unitId)?.locality, context.municipality));
  reasons.push({
    code: 'sediu_in_municipiu',
    isMet: inMunicipality,
    text: inMunicipality
      ? `Sediul ONG-ului sau cel puțin o unitate se află în ${context.municipality}.`
      : `Nici sediul ONG-ului, nici vreo unitate nu se află în ${context.municipality}.`,
    source: 'Legea 34/1998, art. 1 (subvenții de la bugetul local)',
  });

  for (const line of request.units) {
    const unit = context.units.find((u) => u.id === line.unitId);
    if (!unit) {
      reasons.push({ code: 'unitate_licentiata', isMet: false, unitId: line.unitId, text: 'Unitatea din cerere nu mai există în registru.', source: 'Legea 197/2012, art. 8' });
      eligibleMonthsByUnit[line.unitId] = [];
      continue;
    }
    // Law 197/2012 art. 8: a service operates only with a licence; the subsidy covers licensed months.
    const { covered, uncovered } = licensedMonths(unit, request.year, line.months);
    reasons.push({
      code: 'unitate_licentiata',
      isMet: uncovered.length === 0,
      unitId: unit.id,
      months: uncovered,
      text:
        uncovered.length === 0
          ? `„${unit.name}” are licență valabilă pentru toată perioada cerută (${describeMonths(line.months)} ${request.year}).`
          : `„${unit.name}” nu are licență valabilă pentru ${describeMonths(uncovered)} ${request.year}${unit.licenceExpiryDate ? ` (licența expiră la ${formatRoDate(unit.licenceExpiryDate)})` : ''}.`,
      source: 'Legea 197/2012, art. 8',
    });
    const subsidised = context.isCategorySubsidised(line.serviceCategory, monthStart(request.year, line.months.reduce((min, m) => (m < min ? m : min), 12 as Month)));
    reasons.push({
      code: 'categorie_subventionata',
      isMet: subsidised,
      unitId: unit.id,
      text: subsidised
        ? `Categoria de serviciu a unității „${unit.name}” se subvenționează în această rundă.`
        : `Categoria de serviciu a unității „${unit.name}” nu se subvenționează în această rundă.`,
      source: 'HCL 788/2022 (categoriile de servicii sociale subvenționate)',
    });
    // No two requests may cover the same unit and month.
    const overlapping = context.otherRequests.filter((other) => other.id !== request.id && other.year === request.year && other.status !== 'retrasa');
    const taken = new Set<Month>();
    const takenBy = new Set<string>();
    for (const other of overlapping) {
      for (const otherLine of other.units.filter((l) => l.unitId === unit.id)) {
        for (const m of otherLine.months) {
          if (line.months.includes(m)) {
            taken.add(m);
            takenBy.add(`${other.registration.sequence}/${other.registration.year}`);
          }
        }
      }
    }
    reasons.push({
      code: 'fara_suprapunere',
      isMet: taken.size === 0,
      unitId: unit.id,
      months: [...taken].sort((a, b) => a - b),
      text:
        taken.size === 0
          ? `Pentru „${unit.name}” nu există o altă cerere pentru aceleași luni.`
          : `Pentru „${unit.name}” lunile ${describeMonths([...taken])} sunt cerute și prin cererea nr. ${[...takenBy].join(', ')}.`,
      source: 'Legea 34/1998 (o subvenție pe unitate și lună)',
    });
    // Law 34/1998 and the norms: the subsidy complements the NGO's own resources.
    const hasOwn = line.ownContribution > 0;
    reasons.push({
      code: 'contributie_proprie',
      isMet: hasOwn,
      unitId: unit.id,
      text: hasOwn ? `„${unit.name}” are contribuție proprie.` : `„${unit.name}” nu are contribuție proprie: subvenția completează resursele proprii ale ONG-ului.`,
      source: 'HG 1153/2001 (subvenția completează resursele proprii)',
    });
    eligibleMonthsByUnit[unit.id] = covered.filter((m) => !taken.has(m));
  }

  const unitRefs = request.units.map((l) => ({ id: l.unitId, name: context.units.find((u) => u.id === l.unitId)?.name ?? l.unitId }));
  const dossier = checkDossier(request.dossier, unitRefs, date, context.dossierItems);
  reasons.push({
    code: 'dosar_complet',
    isMet: dossier.isComplete,
    text: dossier.isComplete ? 'Dosarul este complet.' : `Dosarul este incomplet: ${dossier.problems.map((p) => p.text).join('; ')}.`,
    source: 'HG 1153/2001, art. 4 alin. (1)',
  });

  const isEligible =
    reasons.filter((r) => r.code !== 'unitate_licentiata' && r.code !== 'fara_suprapunere').every((r) => r.isMet) &&
    Object.values(eligibleMonthsByUnit).some((months) => months.length > 0);
  return { isEligible, reasons, eligibleMonthsByUnit };
}
