import type { Organization } from '../catalog/organization';
import { countOf } from '../commission/wording';
import { formatInteger, formatLei, type Bani } from '../money';
import { DOSSIER_ITEMS, type DossierItemDefinition } from '../requests/dossier';
import type { EligibilityVerdict } from '../requests/eligibility';
import { formatRegistrationNumber } from '../requests/registration-number';
import type { SubsidyComputation } from '../requests/subsidy-computation';
import { describeMonths, lineRequested, PREMISES_TENURES, type SubsidyRequest, type TechnicalSheet } from '../requests/subsidy-request';
import { FUNDING_LAW_SHORT, type FundingRound } from '../rounds/funding-round';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, preparerSignature, reviewSignature, type DocumentHeader, type Signature } from './document-header';
import { addresseeOf } from './request-notices';

/** A label and its value, as a two-column table row. */
export type Field = readonly [label: string, value: string];

export interface RequestSummaryUnit {
  heading: string;
  fields: Field[];
  /** Budget by expense category, then the totals. */
  budget: Field[];
}

export interface RequestSummaryStep {
  label: string;
  detail: string;
  source: string;
  result: string;
}

/**
 * "Fișa sintetică a cererii de subvenționare": everything the commission reads about one request:
 * the NGO, each unit's figures, the dossier, the eligibility verdict and the computation.
 */
export interface RequestSummary {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  organization: Field[];
  request: Field[];
  units: RequestSummaryUnit[];
  dossier: { item: string; status: string; dates: string }[];
  verdict: { text: string; reasons: { text: string; isMet: boolean; source: string }[] };
  computation: { total: string; units: { heading: string; steps: RequestSummaryStep[] }[] } | { message: string };
  signatures: Signature[];
}

const lei = (amount: number) => formatLei(amount as Bani);
const orDash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));

function technicalSheetFields(sheet: TechnicalSheet | undefined): Field[] {
  if (!sheet) return [['Fișa tehnică', 'necompletată']];
  return [
    ['Spațiul', [sheet.premises, sheet.tenure ? `(${PREMISES_TENURES[sheet.tenure]})` : ''].filter(Boolean).join(' ') || '—'],
    ['Capacitate (locuri)', orDash(sheet.capacity)],
    ['Personal / voluntari', `${orDash(sheet.staffCount)} / ${orDash(sheet.volunteerCount)}`],
    ['Servicii oferite', orDash(sheet.servicesProvided)],
  ];
}

export function buildRequestSummary(input: {
  request: SubsidyRequest;
  round: FundingRound;
  organization: Organization;
  units: readonly { id: string; name: string; serviceCode?: string; address?: string }[];
  verdict: EligibilityVerdict;
  computation: SubsidyComputation;
  /** Labels of the service categories and the expense categories (codes from the parameters). */
  categoryLabels: ReadonlyMap<string, string>;
  expenseLabels: ReadonlyMap<string, string>;
  institution: InstitutionSettings;
  date: IsoDate;
  items?: readonly DossierItemDefinition[];
}): RequestSummary {
  const { request, organization: org } = input;
  const items = input.items ?? DOSSIER_ITEMS;
  const number = formatRegistrationNumber(request.registration);
  const unitOf = (id?: string) => input.units.find((u) => u.id === id);
  const addressee = addresseeOf(org);
  const accreditation = [org.accreditationSeries && `seria ${org.accreditationSeries}`, org.accreditationNumber && `nr. ${org.accreditationNumber}`, org.accreditationDate && `din ${formatRoDate(org.accreditationDate)}`]
    .filter(Boolean)
    .join(' ');
  const requested = request.units.reduce((s, l) => s + lineRequested(l), 0);

  return {
    header: documentHeader(input.institution),
    title: `FIȘA SINTETICĂ a cererii de subvenționare nr. ${number}`,
    subtitle: `${input.round.name} (${FUNDING_LAW_SHORT[input.round.law]}); situație la ${formatRoDate(input.date)}`,
    organization: [
      ['Denumirea', org.name],
      ['CUI/CIF', org.cui],
      ['Sediul', addressee.address],
      ['Reprezentant legal', addressee.representative],
      ['Certificat de acreditare', accreditation || 'nu este înregistrat'],
      ['Banca / IBAN', [org.bankName, org.iban].filter(Boolean).join(' / ')],
    ],
    request: [
      ['Număr și dată de înregistrare', `${number} din ${formatRoDate(request.registeredOn)}`],
      ['Anul pentru care se solicită', String(request.year)],
      ['Stare', request.status === 'retrasa' ? 'retrasă' : 'înregistrată'],
      ['Total solicitat', lei(requested)],
      ...(request.notes ? [['Observații', request.notes] as const] : []),
    ],
    units: request.units.map((line) => {
      const unit = unitOf(line.unitId);
      const own = line.ownContribution;
      const other = line.otherFunding;
      const asked = lineRequested(line);
      return {
        heading: unit?.name ?? line.unitId,
        fields: [
          ['Cod serviciu (HG 867/2015)', unit?.serviceCode ?? ''],
          ['Categoria de serviciu subvenționată', input.categoryLabels.get(line.serviceCategory) ?? line.serviceCategory],
          ['Beneficiari pe lună (medie)', formatInteger(line.beneficiariesPerMonth)],
          ['Perioada', `${describeMonths(line.months)} ${request.year} (${countOf(line.months.length, 'lună', 'luni')})`],
          ...technicalSheetFields(line.technicalSheet),
        ],
        budget: [
          ...Object.entries(line.budgetByCategory).map(([code, amount]): Field => [input.expenseLabels.get(code) ?? code, lei(amount)]),
          ['Total subvenție solicitată', lei(asked)],
          ['Contribuția proprie', lei(own)],
          ['Alte surse de finanțare', lei(other)],
          ['Costul total al unității pentru perioadă', lei(asked + own + other)],
        ],
      };
    }),
    dossier: items.flatMap((item) => {
      const targets = item.isPerUnit ? request.units.map((l) => l.unitId) : [undefined];
      return targets.map((unitId) => {
        const entry = request.dossier.find((e) => e.code === item.code && e.unitId === unitId);
        const dates = [entry?.receivedOn && `primit ${formatRoDate(entry.receivedOn)}`, entry?.validUntil && `valabil până la ${formatRoDate(entry.validUntil)}`].filter(Boolean).join('; ');
        return {
          item: unitId ? `${item.label} — ${unitOf(unitId)?.name ?? unitId}` : item.label,
          status: entry?.status === 'primit' ? (entry.validUntil && entry.validUntil < input.date ? 'expirat' : 'primit') : 'lipsă',
          dates,
        };
      });
    }),
    verdict: {
      text: input.verdict.isEligible ? 'Cererea este eligibilă.' : 'Cererea nu este eligibilă.',
      reasons: input.verdict.reasons.map((r) => ({ text: r.text, isMet: r.isMet, source: r.source })),
    },
    computation: input.computation.ok
      ? {
          total: lei(input.computation.total),
          units: input.computation.units.map((u) => ({
            heading: `${unitOf(u.unitId)?.name ?? u.unitId}: ${lei(u.amount)}`,
            steps: u.steps.map((s) => ({ label: s.label, detail: s.detail, source: s.source, result: lei(s.result) })),
          })),
        }
      : { message: input.computation.message },
    // A working sheet for the commission: checked by the head of service, drawn up by the secretary; nothing for the director to approve.
    signatures: [reviewSignature(input.institution), preparerSignature(input.institution)],
  };
}
