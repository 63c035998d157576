import { ITEM_RESULT_LABELS, type ItemResult } from '../monitoring/checklist';
import type { TeamMember } from '../monitoring/visit';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { reviewSignature, type Signature } from './document-header';
import type { InstitutionSettings } from '../settings/institution';
import type { Block, FinanceDocumentBase } from './finance-blocks';
import { countPhrase } from './licensed-ngo-list';

/**
 * The plain inputs the monitoring documents share (the caller reads them from the visit, the unit,
 * the convention and the organisation): who was visited, under which convention, when, where and
 * by whom. Everything is already text or an ISO date; the documents compute nothing but layout.
 */
export interface MonitoredParty {
  organization: { name: string; cui: string; address: string; representativeName: string; representativeRole: string };
  unit: {
    name: string;
    address: string;
    serviceCode: string;
    /** The service's name in the nomenclature ("Centru de zi de socializare…"), if known. */
    serviceName?: string;
    licenceNumber: string;
    licenceIssueDate?: IsoDate;
    licenceExpiryDate?: IsoDate;
    /** Who issued the licence (AJPIS Cluj, the Ministry), if recorded. */
    licensingAuthority?: string;
  };
  convention: { number: string; date: IsoDate };
}

export type { TeamMember };

export interface VisitData {
  date: IsoDate;
  /** Announced to the NGO beforehand, or not. */
  announced: boolean;
  /** Where it took place, as the officer describes it ("la sediul unității", "la domiciliul unui beneficiar"). */
  place: string;
  team: TeamMember[];
}

/** "anunțată" / "neanunțată". */
export const visitKind = (v: Pick<VisitData, 'announced'>): string => (v.announced ? 'anunțată' : 'neanunțată');

/** "nr. 0010073 din 14.12.2020, valabilă până la 13.12.2025, emisă de AJPIS Cluj". */
export function licenceText(u: MonitoredParty['unit']): string {
  const parts = [`nr. ${u.licenceNumber || '—'}`];
  if (u.licenceIssueDate) parts[0] += ` din ${formatRoDate(u.licenceIssueDate)}`;
  if (u.licenceExpiryDate) parts.push(`valabilă până la ${formatRoDate(u.licenceExpiryDate)}`);
  parts.push(u.licensingAuthority ? `emisă de ${u.licensingAuthority}` : 'autoritatea emitentă neînregistrată');
  return parts.join(', ');
}

/** The identification fields every monitoring document starts with. */
export function identificationFields(p: MonitoredParty, visit?: VisitData): [string, string][] {
  const { organization: o, unit: u, convention: c } = p;
  return [
    ['Furnizorul (ONG)', `${o.name}${o.cui ? `, CUI ${o.cui}` : ''}`],
    ['Sediul furnizorului', o.address || '—'],
    ['Reprezentantul legal', [o.representativeRole, o.representativeName].filter(Boolean).join(' ') || '—'],
    ['Unitatea de asistență socială', `${u.name}${u.address ? `, ${u.address}` : ''}`],
    ['Serviciul social (cod HG nr. 867/2015)', `${u.serviceCode}${u.serviceName ? ` — ${u.serviceName}` : ''}`],
    ['Licența de funcționare', licenceText(u)],
    ['Convenția de subvenționare', `nr. ${c.number} din ${formatRoDate(c.date)}`],
    ...(visit
      ? ([
          ['Data vizitei', formatRoDate(visit.date)],
          ['Tipul vizitei', visitKind(visit)],
          ['Locul vizitei', visit.place],
          ['Echipa de monitorizare', visit.team.map((m) => `${m.name} (${m.role})`).join('; ') || '—'],
        ] as [string, string][])
      : []),
  ];
}

/** One answered requirement as the report prints it. */
export interface ReportItem {
  code: string;
  /** The requirement's text; empty when "de completat". */
  text: string;
  result?: ItemResult;
  evidence?: string;
}

/** A module's totals, computed by the caller (src/monitoring/checklist-scoring.ts). */
export interface ModuleTotals {
  points: number;
  maxPoints: number;
  conform: number;
  partial: number;
  nonCompliant: number;
  notApplicable: number;
  unanswered: number;
}

export interface ReportModule {
  code: string;
  title: string;
  items: ReportItem[];
  totals: ModuleTotals;
}

export interface ReportChecklist {
  title: string;
  /** "Ordinul ministrului muncii și justiției sociale nr. 29/2019, anexa nr. 6". */
  act: string;
  modules: ReportModule[];
}

/** "conform", "parțial", …, or "neevaluat". */
export const resultLabel = (r?: ItemResult): string => (r ? ITEM_RESULT_LABELS[r] : 'neevaluat');

/** "14 din 18 puncte (77,8%)"; "—" when nothing scored. */
export function pointsText(t: Pick<ModuleTotals, 'points' | 'maxPoints'>): string {
  if (t.maxPoints === 0) return '—';
  const percent = ((100 * t.points) / t.maxPoints).toLocaleString('ro-RO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${t.points} din ${t.maxPoints} puncte (${percent}%)`;
}

/** A finding as the documents print it. */
export interface FindingEntry {
  /** Its number in the visit ("1", "2"). */
  number: string;
  /** "minoră", "majoră", "gravă". */
  severity: string;
  description: string;
  /** The requirement it is about, "M.I-S1.1 (Ord. MMJS nr. 29/2019, anexa nr. 9)", if any. */
  reference?: string;
}

export interface RecommendationEntry {
  text: string;
  /** The person at the NGO who answers for it. */
  responsible: string;
  deadline: IsoDate;
  /** The finding it remedies. */
  findingNumber?: string;
}

/** The recommendations table: what, who at the NGO, by when. */
export function recommendationsTable(recommendations: readonly RecommendationEntry[], options: { statusColumn?: boolean } = {}): Block {
  return {
    kind: 'table',
    table: {
      columns: [
        { header: 'Nr.', share: 0.06, align: 'center' },
        { header: 'Recomandarea', share: options.statusColumn ? 0.42 : 0.52 },
        { header: 'Constatarea', share: 0.1, align: 'center' },
        { header: 'Responsabil (ONG)', share: 0.18 },
        { header: 'Termen', share: 0.14, align: 'center' },
        ...(options.statusColumn ? [{ header: 'Stadiul raportat', share: 0.1 }] : []),
      ],
      rows: recommendations.map((r, i) => [String(i + 1), r.text, r.findingNumber ?? '—', r.responsible, formatRoDate(r.deadline), ...(options.statusColumn ? [''] : [])]),
    },
  };
}

const capitalised = (s: string): string => s.charAt(0).toLocaleUpperCase('ro') + s.slice(1);

/**
 * The team signs each with their own function: the first, the team leader, under "Întocmit" with
 * "șeful echipei" after the function; the others as members; the NGO's representative acknowledges.
 */
export function teamSignatures(team: readonly TeamMember[]): Signature[] {
  return team.map((m, i) => (i === 0
    ? { role: 'Întocmit', title: `${capitalised(m.role)}, șeful echipei`, name: m.name }
    : { title: capitalised(m.role), name: m.name }));
}

export function representativeSignature(p: MonitoredParty): Signature {
  return { title: `Reprezentantul furnizorului${p.organization.representativeRole ? ` (${p.organization.representativeRole})` : ''}`, name: p.organization.representativeName };
}

/** "25 de beneficiari". */
export const beneficiaries = (n: number): string => countPhrase(n, 'beneficiar', 'beneficiari');

/** The NGO's acknowledgement under the team's signatures: "Am luat la cunoștință," the organisation, its representative. */
export interface Acknowledgement {
  heading: string;
  organization: string;
  signer: Signature;
}

/** The team side by side (the first member "Întocmit"), then the head of service who endorses ("Avizat"). */
export function monitoringSignatures(settings: InstitutionSettings, team: readonly TeamMember[]): Signature[] {
  return [...teamSignatures(team), reviewSignature(settings)];
}

export function acknowledgementOf(p: MonitoredParty, heading = 'Am luat la cunoștință,'): Acknowledgement {
  return { heading, organization: p.organization.name, signer: representativeSignature(p) };
}

/** A monitoring document: a finance-style document (blocks, signatures) with the NGO's acknowledgement under the signatures. */
export interface MonitoringDocument extends FinanceDocumentBase {
  acknowledgement?: Acknowledgement;
}
