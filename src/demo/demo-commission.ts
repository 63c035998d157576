import type { Organization } from '../catalog/organization';
import { emptyCommission, type Commission } from '../commission/commission';
import { emptyCommissionMember, type CommissionMember } from '../commission/members';
import { emptyRoundEvaluation, type RoundEvaluation } from '../commission/round-evaluation';
import type { ScoringGrid } from '../commission/scoring-grid';
import { stamp } from '../entity';
import { bani } from '../money';
import { DOSSIER_ITEMS, type DossierEntry } from '../requests/dossier';
import { assessEligibility } from '../requests/eligibility';
import type { Month, SubsidyRequest } from '../requests/subsidy-request';
import type { SocialServiceUnit } from '../register/unit';
import { assessmentDate, type FundingRound } from '../rounds/funding-round';
import { isoFromParts, type IsoDate } from '../validation/dates';
import { DEMO_NOTE } from './demo-data';

export const DEMO_REQUEST_COUNT = 6;
const ALL_MONTHS: Month[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const CATEGORY = 'centre_de_zi';

export interface DemoCommission {
  requests: SubsidyRequest[];
  commission: Commission;
  members: CommissionMember[];
  grid: ScoringGrid;
  evaluation: RoundEvaluation;
}

/**
 * The fictitious evaluation of the round being evaluated: six day-centre requests with complete
 * dossiers, registered in the September before the budget year; a commission of a president, two
 * members, a substitute and a secretary, one member declared founder of one applicant (so the
 * recusal shows); and a grid marked as demonstrative, since the real Cluj-Napoca grid is not
 * shipped. Sessions and scores are left to the user.
 */
export function generateDemoCommission(input: { round: FundingRound; organizations: readonly Organization[]; units: readonly SocialServiceUnit[]; today: IsoDate; appointedYear?: number }): DemoCommission {
  const { round, today } = input;
  const at = `${today}T08:00:00.000Z`;
  const year = input.appointedYear ?? round.year - 1;
  const requests = generateDemoRequests(input);
  const commission = stamp({ ...emptyCommission('legea_34_1998'), legalBasis: 'HCL (fictiv) privind comisia de evaluare; regulament demonstrativ', notes: DEMO_NOTE }, at);
  const member = (name: string, role: CommissionMember['role'], institution: string, extra: Partial<CommissionMember> = {}) =>
    stamp(
      {
        ...emptyCommissionMember(commission.id),
        name, role, institution,
        appointmentAct: 'Dispoziția Primarului nr. 100 (fictivă)',
        appointmentDate: isoFromParts(year, 1, 10),
        periodFrom: isoFromParts(year, 1, 10),
        notes: DEMO_NOTE,
        ...extra,
      },
      at,
    );
  const linkedOrganization = requests[1]?.organizationId;
  const president = member('Maria Ionescu', 'presedinte', 'DASM Cluj-Napoca');
  const members = [
    president,
    member('Ioan Pop', 'membru', 'Consiliul Local Cluj-Napoca', linkedOrganization ? { ngoLinks: [{ organizationId: linkedOrganization, kind: 'fondator', note: '' }] } : {}),
    member('Elena Moldovan', 'membru', 'Aparatul de specialitate al Primarului'),
    member('Radu Sima', 'membru', 'DASM Cluj-Napoca', { isSubstitute: true, substituteForId: president.id }),
    member('Andreea Câmpean', 'secretar', 'DASM Cluj-Napoca — Serviciul Protecție Socială'),
  ];

  const grid = stamp(
    {
      name: 'Grilă demonstrativă (fictivă) — nu este grila aprobată a municipiului',
      law: 'legea_34_1998' as const,
      source: 'Date demonstrative — grilă fictivă, numai pentru explorarea aplicației',
      references: [],
      notes: DEMO_NOTE,
      minTotal: 50,
      criteria: [
        { code: 'C1', title: 'Calitatea serviciilor și respectarea standardelor', guidance: 'Standarde minime de calitate, licență, rezultatele monitorizării.', maxPoints: 40 },
        { code: 'C2', title: 'Experiența și capacitatea organizației', guidance: 'Personal, spațiu, experiența în servicii similare.', maxPoints: 30 },
        { code: 'C3', title: 'Bugetul și contribuția proprie', guidance: 'Realismul bugetului, contribuția proprie și alte surse.', maxPoints: 30 },
      ],
    },
    at,
  );
  const evaluation = stamp({ ...emptyRoundEvaluation(round.id, commission.id, grid.id), notes: DEMO_NOTE }, at);
  return { requests, commission, members, grid, evaluation };
}

/**
 * Six day-centre requests of one round with complete dossiers, registered in the September before
 * the budget year, from units eligible all year (one per NGO).
 */
export function generateDemoRequests(input: { round: FundingRound; organizations: readonly Organization[]; units: readonly SocialServiceUnit[]; today: IsoDate }): SubsidyRequest[] {
  const { round, today } = input;
  const at = `${today}T08:00:00.000Z`;
  const year = round.year;
  // Units whose request would be eligible all year.
  const candidates = input.units.filter((unit) => {
    const organization = input.organizations.find((o) => o.id === unit.organizationId);
    // Day centres (form CZ in the HG 867/2015 code): the category all demo requests ask for.
    if (!organization || !/ CZ-/.test(unit.serviceCode) || !unit.licenceExpiryDate || unit.licenceExpiryDate < isoFromParts(year, 12, 31)) return false;
    const probe: SubsidyRequest = {
      id: 'probe', createdAt: at, updatedAt: at, version: 1, roundId: round.id, organizationId: unit.organizationId, registeredOn: isoFromParts(year - 1, 9, 10), notes: '',
      year, status: 'inregistrata', registration: { year: year - 1, sequence: 0 }, units: [line(unit.id, 20)], dossier: dossier([unit.id], year),
    };
    return assessEligibility(probe, {
      organization, units: [unit], otherRequests: [], isCategorySubsidised: () => true, municipality: 'Cluj-Napoca',
      date: assessmentDate(round, probe), submissionEnd: round.submissionEnd,
    }).isEligible;
  });
  const chosen: SocialServiceUnit[] = [];
  for (const unit of candidates) {
    if (chosen.length < DEMO_REQUEST_COUNT && !chosen.some((u) => u.organizationId === unit.organizationId)) chosen.push(unit);
  }
  return chosen.map((unit, i) =>
    stamp(
      {
        roundId: round.id,
        organizationId: unit.organizationId,
        registration: { year: year - 1, sequence: i + 1 },
        registeredOn: isoFromParts(year - 1, 9, 10 + i * 3),
        year,
        status: 'inregistrata' as const,
        notes: DEMO_NOTE,
        units: [line(unit.id, 15 + i * 5)],
        dossier: dossier([unit.id], year),
      },
      at,
    ),
  );
}

function line(unitId: string, beneficiaries: number) {
  return {
    unitId,
    serviceCategory: CATEGORY,
    beneficiariesPerMonth: beneficiaries,
    months: ALL_MONTHS,
    budgetByCategory: { personal: bani(beneficiaries * 600_000), hrana: bani(beneficiaries * 150_000) },
    ownContribution: bani(beneficiaries * 100_000),
    otherFunding: bani(0),
  };
}

function dossier(unitIds: string[], year: number): DossierEntry[] {
  const received = isoFromParts(year - 1, 9, 10);
  return DOSSIER_ITEMS.flatMap((item) =>
    (item.isPerUnit ? unitIds : [undefined]).map((unitId) => ({
      code: item.code,
      unitId,
      status: 'primit' as const,
      receivedOn: received,
      validUntil: item.hasValidity ? isoFromParts(year + 1, 12, 31) : undefined,
    })),
  );
}
