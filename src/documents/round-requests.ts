import type { Organization } from '../catalog/organization';
import type { Bani } from '../money';
import type { EligibilityVerdict } from '../requests/eligibility';
import { formatRegistrationNumber } from '../requests/registration-number';
import type { SubsidyComputation } from '../requests/subsidy-computation';
import { describeMonths, lineRequested, type SubsidyRequest } from '../requests/subsidy-request';
import type { FundingRound } from '../rounds/funding-round';
import { FUNDING_LAW_SHORT } from '../rounds/funding-round';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';

export interface RoundRequestRow {
  number: string;
  registeredOn: IsoDate;
  organization: string;
  cui: string;
  units: string;
  beneficiaries: number;
  months: string;
  requested: Bani;
  isDossierComplete: boolean;
  isEligible: boolean;
  /** Conditions not met, in plain Romanian. */
  reasons: string;
  /** null when the subsidy could not be computed; `note` says why. */
  subsidy: Bani | null;
  note: string;
  status: string;
}

export interface RoundRequestsList {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  rows: RoundRequestRow[];
  totals: { requests: number; eligible: number; requested: Bani; subsidy: Bani; budget: Bani; remaining: Bani };
  signatures: Signature[];
}

/** The round's requests with eligibility and computed amounts, in registration order. */
export function buildRoundRequestsList(input: {
  round: FundingRound;
  requests: readonly { request: SubsidyRequest; verdict: EligibilityVerdict; computation: SubsidyComputation }[];
  organizations: readonly Organization[];
  unitNames: ReadonlyMap<string, string>;
  institution: InstitutionSettings;
  date: IsoDate;
}): RoundRequestsList {
  const organizationsById = new Map(input.organizations.map((o) => [o.id, o]));
  const rows = [...input.requests]
    .sort((a, b) => a.request.registration.year - b.request.registration.year || a.request.registration.sequence - b.request.registration.sequence)
    .map(({ request, verdict, computation }): RoundRequestRow => {
      const org = organizationsById.get(request.organizationId);
      return {
        number: formatRegistrationNumber(request.registration),
        registeredOn: request.registeredOn,
        organization: org?.name ?? '',
        cui: org?.cui ?? '',
        units: request.units.map((l) => input.unitNames.get(l.unitId) ?? l.unitId).join('\n'),
        beneficiaries: request.units.reduce((s, l) => s + l.beneficiariesPerMonth, 0),
        months: request.units.map((l) => describeMonths(l.months)).join('\n'),
        requested: request.units.reduce((s, l) => s + lineRequested(l), 0) as Bani,
        isDossierComplete: !!verdict.reasons.find((r) => r.code === 'dosar_complet')?.isMet,
        isEligible: verdict.isEligible,
        reasons: verdict.reasons.filter((r) => !r.isMet).map((r) => r.text).join('\n'),
        subsidy: computation.ok ? computation.total : null,
        note: computation.ok ? '' : computation.message,
        status: request.status === 'retrasa' ? 'retrasă' : 'înregistrată',
      };
    });
  const active = rows.filter((r) => r.status !== 'retrasă');
  const subsidy = active.reduce((s, r) => s + (r.subsidy ?? 0), 0) as Bani;
  return {
    header: documentHeader(input.institution),
    title: `Cererile de subvenționare — ${input.round.name}`,
    subtitle: `${FUNDING_LAW_SHORT[input.round.law]}, anul ${input.round.year}; situație la ${formatRoDate(input.date)}`,
    rows,
    totals: {
      requests: active.length,
      eligible: active.filter((r) => r.isEligible).length,
      requested: active.reduce((s, r) => s + r.requested, 0) as Bani,
      subsidy,
      budget: input.round.budget,
      remaining: (input.round.budget - subsidy) as Bani,
    },
    signatures: serviceSignatures(input.institution),
  };
}
