import { isAccredited, type Organization } from '../catalog/organization';
import type { SocialServiceUnit } from '../register/unit';
import { searchKey } from '../validation/diacritics';
import { daysInMonth, formatRoDate, isoFromParts, type IsoDate } from '../validation/dates';
import { isFiledLate } from '../rounds/funding-round';
import { checkDossier, type DossierItemDefinition } from './dossier';
import { describeMonths, type Month, type SubsidyRequest } from './subsidy-request';

/** One condition of eligibility, with its verdict and the reason in plain Romanian. */
export interface EligibilityReason {
  code:
    | 'depusa_in_termen'
    | 'ong_activ'
    | 'ong_acreditat'
    | 'unitate_in_municipiu'
    | 'unitate_licentiata'
    | 'categorie_subventionata'
    | 'dosar_complet'
    | 'documente_suplimentare'
    | 'fara_suprapunere'
    | 'contributie_proprie';
  isMet: boolean;
  /**
   * What an unmet condition does: absent, the request is refused; 'reduce_luni', the unit loses the
   * months named; 'notificare', the NGO is asked for the documents (missing-documents notice).
   */
  effect?: 'reduce_luni' | 'notificare';
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

type OtherRequest = Pick<SubsidyRequest, 'id' | 'year' | 'status' | 'units' | 'registration'>;

export interface EligibilityContext {
  organization: Organization;
  units: readonly SocialServiceUnit[];
  /**
   * Other requests of the same year (any round), to find overlaps for the same unit and months.
   * Ignored when `overlaps` is given (a round builds that index once for all its requests).
   */
  otherRequests: readonly OtherRequest[];
  overlaps?: OverlapIndex;
  /** Is this service category subsidised in the round on that date (a level in force)? */
  isCategorySubsidised(category: string, date: IsoDate): boolean;
  /** The municipality that grants the subsidy. */
  municipality: string;
  /**
   * The legal date of the assessment: the round's submission deadline, or the registration date
   * where the round says so (see assessmentDate in src/rounds/funding-round.ts), never today.
   */
  date: IsoDate;
  /** The round's last day for filing; a request registered after it is not eligible. */
  submissionEnd?: IsoDate;
  dossierItems?: readonly DossierItemDefinition[];
  /** Supporting dossier items the round makes mandatory (refusal grounds like those of art. 4 alin. (1)). */
  mandatoryDossierItems?: readonly string[];
}

/** Per unit and month, the requests (not withdrawn) that ask for it: built once per year's requests. */
export interface OverlapIndex {
  byUnit: ReadonlyMap<string, ReadonlyMap<Month, readonly { id: string; year: number; number: string }[]>>;
}

export function buildOverlapIndex(requests: readonly OtherRequest[]): OverlapIndex {
  const byUnit = new Map<string, Map<Month, { id: string; year: number; number: string }[]>>();
  for (const request of requests) {
    if (request.status === 'retrasa') continue;
    const ref = { id: request.id, year: request.year, number: `${request.registration.sequence}/${request.registration.year}` };
    for (const line of request.units) {
      let months = byUnit.get(line.unitId);
      if (!months) byUnit.set(line.unitId, (months = new Map()));
      for (const month of new Set(line.months)) {
        const list = months.get(month);
        if (list) list.push(ref);
        else months.set(month, [ref]);
      }
    }
  }
  return { byUnit };
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
  const overlaps = context.overlaps ?? buildOverlapIndex(context.otherRequests);

  if (context.submissionEnd) {
    // HG 1153/2001 art. 4 and the call: requests are filed by the round's deadline (at Cluj-Napoca the last working day of September of the year before).
    const inTime = !isFiledLate({ submissionEnd: context.submissionEnd }, request.registeredOn);
    reasons.push({
      code: 'depusa_in_termen',
      isMet: inTime,
      text: inTime
        ? `Cererea a fost înregistrată la ${formatRoDate(request.registeredOn)}, în termenul de depunere (${formatRoDate(context.submissionEnd)}).`
        : `Cererea a fost înregistrată la ${formatRoDate(request.registeredOn)}, după termenul de depunere al rundei (${formatRoDate(context.submissionEnd)}).`,
      source: 'HG 1153/2001, art. 4; anunțul de selecție (termenul de depunere)',
    });
  }

  // Law 34/1998 art. 1 (and Law 79/2017 for recognised religious cults): applicants with legal personality, active.
  reasons.push({
    code: 'ong_activ',
    isMet: org.status === 'activ',
    text: org.status === 'activ' ? `ONG-ul „${org.name}” este activ.` : `ONG-ul „${org.name}” nu este activ (stare: ${org.status}).`,
    source: 'Legea 34/1998, art. 1; Legea 79/2017 (cultele recunoscute)',
  });
  // Law 34/1998 as amended by Law 79/2017; Law 197/2012 art. 8: accredited provider.
  const accredited = isAccredited(org) && (!org.accreditationDate || org.accreditationDate <= date);
  reasons.push({
    code: 'ong_acreditat',
    isMet: accredited,
    text: accredited ? `ONG-ul este acreditat ca furnizor de servicii sociale (certificat nr. ${org.accreditationNumber}).` : 'ONG-ul nu are certificat de acreditare ca furnizor de servicii sociale.',
    source: 'Legea 197/2012, art. 8; Legea 34/1998 modificată prin Legea 79/2017',
  });

  for (const line of request.units) {
    const unit = context.units.find((u) => u.id === line.unitId);
    if (!unit) {
      reasons.push({ code: 'unitate_licentiata', isMet: false, effect: 'reduce_luni', unitId: line.unitId, months: [...line.months], text: 'Unitatea din cerere nu mai există în registru.', source: 'Legea 197/2012, art. 8' });
      eligibleMonthsByUnit[line.unitId] = [];
      continue;
    }
    // Law 34/1998 art. 1 (local-budget subsidies): each funded unit operates in the municipality; the NGO's office or another unit there does not count.
    const inMunicipality = isSameLocality(unit.locality, context.municipality);
    reasons.push({
      code: 'unitate_in_municipiu',
      isMet: inMunicipality,
      effect: 'reduce_luni',
      unitId: unit.id,
      months: inMunicipality ? [] : [...line.months].sort((a, b) => a - b),
      text: inMunicipality
        ? `„${unit.name}” funcționează în ${context.municipality}.`
        : `„${unit.name}” funcționează în ${unit.locality || 'altă localitate'}, nu în ${context.municipality}: nu primește subvenție de la bugetul local al municipiului.`,
      source: 'Legea 34/1998, art. 1 (subvenții de la bugetul local)',
    });
    // Law 197/2012 art. 8: a service operates only with a licence; the subsidy covers licensed months.
    const { covered, uncovered } = licensedMonths(unit, request.year, line.months);
    reasons.push({
      code: 'unitate_licentiata',
      isMet: uncovered.length === 0,
      effect: 'reduce_luni',
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
    const taken = new Set<Month>();
    const takenBy = new Set<string>();
    const byMonth = overlaps.byUnit.get(unit.id);
    if (byMonth) {
      for (const m of line.months) {
        for (const other of byMonth.get(m) ?? []) {
          if (other.id === request.id || other.year !== request.year) continue;
          taken.add(m);
          takenBy.add(other.number);
        }
      }
    }
    reasons.push({
      code: 'fara_suprapunere',
      isMet: taken.size === 0,
      effect: 'reduce_luni',
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
    eligibleMonthsByUnit[unit.id] = inMunicipality ? covered.filter((m) => !taken.has(m)) : [];
  }

  const unitRefs = request.units.map((l) => ({ id: l.unitId, name: context.units.find((u) => u.id === l.unitId)?.name ?? l.unitId }));
  // The dossier is judged on the legal date (HG 1153/2001 art. 4: complete and valid at the submission deadline).
  const dossier = checkDossier(request.dossier, unitRefs, date, context.dossierItems, context.mandatoryDossierItems);
  const refusals = dossier.problems.filter((p) => p.isRefusalGround);
  const notices = dossier.problems.filter((p) => !p.isRefusalGround);
  // HG 1153/2001 art. 4 alin. (1) lit. a)–d) (and the items the round makes mandatory): missing or expired, the request is refused.
  reasons.push({
    code: 'dosar_complet',
    isMet: refusals.length === 0,
    text:
      refusals.length === 0
        ? `Documentele obligatorii ale dosarului sunt depuse și valabile la ${formatRoDate(date)}.`
        : `Dosarul nu conține, valabile la ${formatRoDate(date)}, documentele obligatorii: ${refusals.map((p) => p.text).join('; ')}.`,
    source: 'HG 1153/2001, art. 4 alin. (1)',
  });
  // Other supporting items: asked for by the missing-documents notice, not a refusal ground.
  reasons.push({
    code: 'documente_suplimentare',
    isMet: notices.length === 0,
    effect: 'notificare',
    text:
      notices.length === 0
        ? 'Documentele suplimentare ale dosarului sunt depuse.'
        : `Documente suplimentare de cerut prin notificare: ${notices.map((p) => p.text).join('; ')}.`,
    source: 'Formularele DASM Cluj-Napoca; Legea 197/2012; cererea (anexa 1 la HG 1153/2001)',
  });

  const isEligible =
    reasons.filter((r) => r.effect === undefined).every((r) => r.isMet) &&
    Object.values(eligibleMonthsByUnit).some((months) => months.length > 0);
  return { isEligible, reasons, eligibleMonthsByUnit };
}
