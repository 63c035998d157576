import { MONTH_NAMES } from '../requests/subsidy-request';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, isoFromParts, type IsoDate } from '../validation/dates';
import { documentHeader, serviceSignatures, type DocumentHeader, type Signature } from './document-header';

/** Plain inputs: the caller lists the period's visits, findings, recommendations, overdue units and suspensions. */
export interface SummaryVisit {
  unitName: string;
  organizationName: string;
  officers: string[];
  plannedOn?: IsoDate;
  doneOn?: IsoDate;
}
export interface SummaryFinding {
  unitName: string;
  /** The visit's date: the finding counts in the period of its visit. */
  foundOn: IsoDate;
  /** "minoră", "majoră", "gravă". */
  severity: string;
  /** The checklist's act ("Ord. MMJS nr. 29/2019, anexa nr. 6") or "Obligațiile din convenție". */
  checklist: string;
  /** "M.I-S1"; empty for a finding not tied to a standard (e.g. a beneficiary discrepancy). */
  standardCode: string;
}
export interface SummaryRecommendation {
  unitName: string;
  organizationName: string;
  text: string;
  responsible: string;
  deadline: IsoDate;
  closedOn?: IsoDate;
}
export interface SummaryOverdueUnit {
  unitName: string;
  organizationName: string;
  lastVisit?: IsoDate;
  /** When the next visit was due by the plan's frequency. */
  dueBy: IsoDate;
}
export interface SummarySuspension {
  organizationName: string;
  conventionNumber: string;
  from: IsoDate;
  to?: IsoDate;
  /** "Decizia nr. 45 din 10.12.2026". */
  decision: string;
  liftedBy?: string;
  reason: string;
}

export interface MonitoringSummaryInput {
  settings: InstitutionSettings;
  year: number;
  /** 1–4; none: the whole year. */
  quarter?: 1 | 2 | 3 | 4;
  /** The day the summary is drawn up: what is overdue is judged on it. */
  asOf: IsoDate;
  visits: SummaryVisit[];
  findings: SummaryFinding[];
  recommendations: SummaryRecommendation[];
  overdueUnits: SummaryOverdueUnit[];
  suspensions: SummarySuspension[];
  /** Who draws the summary up (Întocmit); the user of this computer by default. */
  preparedBy?: { name: string; role: string };
}

export type SummaryCell = string | number | { date: IsoDate } | null;
export interface SummaryColumn {
  header: string;
  type: 'text' | 'integer' | 'date';
  width: number;
}
export interface SummarySheet {
  name: string;
  title: string;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** Shown when the sheet has no rows. */
  emptyText: string;
}

export interface MonitoringSummary {
  header: DocumentHeader;
  title: string;
  subtitle: string;
  from: IsoDate;
  to: IsoDate;
  sheets: SummarySheet[];
  signatures: Signature[];
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;
const SEVERITIES = ['minoră', 'majoră', 'gravă'];

/** The period: a quarter's first to last day, or the year's. */
export function summaryPeriod(year: number, quarter?: 1 | 2 | 3 | 4): { from: IsoDate; to: IsoDate; label: string } {
  if (!quarter) return { from: isoFromParts(year, 1, 1), to: isoFromParts(year, 12, 31), label: `anul ${year}` };
  const first = (quarter - 1) * 3 + 1;
  const last = first + 2;
  return { from: isoFromParts(year, first, 1), to: isoFromParts(year, last, last === 6 || last === 9 ? 30 : 31), label: `trimestrul ${ROMAN[quarter - 1]} ${year} (${MONTH_NAMES[first - 1]} – ${MONTH_NAMES[last - 1]})` };
}

const within = (d: IsoDate | undefined, from: IsoDate, to: IsoDate) => d !== undefined && d >= from && d <= to;
const date = (d?: IsoDate): SummaryCell => (d ? { date: d } : null);
const collator = new Intl.Collator('ro');

/** One count per key, in first-seen order. */
function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/**
 * The quarterly or yearly monitoring summary: an overview (visits, findings, follow-ups, overdue
 * units, suspensions), visits planned and done per officer and unit, findings by type and by
 * standard, the follow-ups (open, closed, overdue), the units overdue for a visit, the suspensions.
 */
export function buildMonitoringSummary(input: MonitoringSummaryInput): MonitoringSummary {
  const { from, to, label } = summaryPeriod(input.year, input.quarter);
  const visits = input.visits.filter((v) => within(v.plannedOn, from, to) || within(v.doneOn, from, to));
  const done = visits.filter((v) => within(v.doneOn, from, to));
  // Every recommendation still open, and those due or closed in the period.
  const recs = input.recommendations.filter((r) => !r.closedOn || within(r.closedOn, from, to) || within(r.deadline, from, to));
  const closed = recs.filter((r) => r.closedOn && r.closedOn <= input.asOf);
  const overdue = recs.filter((r) => !(r.closedOn && r.closedOn <= input.asOf) && r.deadline < input.asOf);
  const open = recs.filter((r) => !(r.closedOn && r.closedOn <= input.asOf) && r.deadline >= input.asOf);
  const findings = input.findings.filter((f) => within(f.foundOn, from, to));
  const suspensions = input.suspensions.filter((s) => s.from <= to && (!s.to || s.to >= from));

  const overview: SummarySheet = {
    name: 'Sinteză',
    title: 'Sinteza perioadei',
    // Wide enough for the institution's contact line above it, on a portrait page.
    columns: [{ header: 'Indicator', type: 'text', width: 64 }, { header: 'Număr', type: 'integer', width: 10 }],
    rows: [
      ['Vizite planificate în perioadă', visits.filter((v) => within(v.plannedOn, from, to)).length],
      ['Vizite efectuate în perioadă', done.length],
      ...SEVERITIES.map((s): SummaryCell[] => [`Constatări de gravitate ${s}`, findings.filter((f) => f.severity === s).length]),
      ['Recomandări deschise (în termen)', open.length],
      ['Recomandări închise', closed.length],
      ['Recomandări cu termen depășit', overdue.length],
      ['Unități cu vizită restantă', input.overdueUnits.length],
      ['Suspendări ale plăților în perioadă', suspensions.length],
    ],
    emptyText: '',
  };

  const perOfficer = new Map<string, { officer: string; unit: string; organization: string; planned: number; done: number }>();
  for (const v of visits) {
    for (const officer of v.officers.length > 0 ? v.officers : ['(fără echipă)']) {
      const key = `${officer}\u0000${v.unitName}`;
      const row = perOfficer.get(key) ?? { officer, unit: v.unitName, organization: v.organizationName, planned: 0, done: 0 };
      if (within(v.plannedOn, from, to)) row.planned++;
      if (within(v.doneOn, from, to)) row.done++;
      perOfficer.set(key, row);
    }
  }
  const visitRows = [...perOfficer.values()].sort((a, b) => collator.compare(a.officer, b.officer) || collator.compare(a.unit, b.unit));
  const visitsSheet: SummarySheet = {
    name: 'Vizite',
    title: 'Vizite planificate și efectuate, pe inspector și unitate',
    columns: [
      { header: 'Inspector', type: 'text', width: 20 }, { header: 'Unitatea', type: 'text', width: 28 }, { header: 'Furnizorul', type: 'text', width: 28 },
      { header: 'Planificate', type: 'integer', width: 11 }, { header: 'Efectuate', type: 'integer', width: 11 }, { header: 'Neefectuate', type: 'integer', width: 11 },
    ],
    rows: visitRows.map((r) => [r.officer, r.unit, r.organization, r.planned, r.done, Math.max(0, r.planned - r.done)]),
    emptyText: 'Nicio vizită planificată sau efectuată în perioadă.',
  };

  const byStandard = countBy(findings, (f) => `${f.checklist}\u0000${f.standardCode}`);
  const findingsSheet: SummarySheet = {
    name: 'Constatări',
    title: 'Constatări pe tip și pe standard',
    columns: [
      { header: 'Lista de verificare (actul)', type: 'text', width: 34 }, { header: 'Standardul', type: 'text', width: 12 },
      ...SEVERITIES.map((s): SummaryColumn => ({ header: s.charAt(0).toUpperCase() + s.slice(1), type: 'integer', width: 9 })),
      { header: 'Total', type: 'integer', width: 9 },
    ],
    rows: [
      ...[...byStandard.values()]
        .map((list) => [list[0]!.checklist, list[0]!.standardCode || '—', ...SEVERITIES.map((s) => list.filter((f) => f.severity === s).length), list.length] as SummaryCell[])
        .sort((a, b) => collator.compare(String(a[0]), String(b[0])) || collator.compare(String(a[1]), String(b[1]))),
      ...(findings.length > 0 ? [['Total', '', ...SEVERITIES.map((s) => findings.filter((f) => f.severity === s).length), findings.length] as SummaryCell[]] : []),
    ],
    emptyText: 'Nicio constatare în perioadă.',
  };

  const status = (r: SummaryRecommendation) => (closed.includes(r) ? 'închisă' : overdue.includes(r) ? 'termen depășit' : 'deschisă');
  const followUps: SummarySheet = {
    name: 'Urmărire',
    title: 'Urmărirea recomandărilor (deschise, închise, cu termen depășit)',
    columns: [
      { header: 'Unitatea', type: 'text', width: 24 }, { header: 'Furnizorul', type: 'text', width: 24 }, { header: 'Recomandarea', type: 'text', width: 40 },
      { header: 'Responsabil', type: 'text', width: 16 }, { header: 'Termen', type: 'date', width: 11 }, { header: 'Stadiul', type: 'text', width: 14 }, { header: 'Închisă la', type: 'date', width: 11 },
    ],
    rows: [...recs].sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0)).map((r) => [r.unitName, r.organizationName, r.text, r.responsible, date(r.deadline), status(r), date(r.closedOn)]),
    emptyText: 'Nicio recomandare de urmărit în perioadă.',
  };

  const overdueSheet: SummarySheet = {
    name: 'Unități restante',
    title: `Unități cu vizita restantă la ${formatRoDate(input.asOf)}`,
    columns: [{ header: 'Unitatea', type: 'text', width: 28 }, { header: 'Furnizorul', type: 'text', width: 28 }, { header: 'Ultima vizită', type: 'date', width: 12 }, { header: 'Vizita era datorată până la', type: 'date', width: 14 }],
    rows: [...input.overdueUnits].sort((a, b) => (a.dueBy < b.dueBy ? -1 : 1)).map((u) => [u.unitName, u.organizationName, u.lastVisit ? { date: u.lastVisit } : 'nicio vizită', date(u.dueBy)]),
    emptyText: 'Nicio unitate cu vizita restantă.',
  };

  const suspensionsSheet: SummarySheet = {
    name: 'Suspendări',
    title: 'Suspendări ale plăților în perioadă',
    columns: [
      { header: 'Furnizorul', type: 'text', width: 26 }, { header: 'Convenția', type: 'text', width: 10 }, { header: 'De la', type: 'date', width: 11 }, { header: 'Până la', type: 'date', width: 11 },
      { header: 'Decizia de suspendare', type: 'text', width: 22 }, { header: 'Decizia de încetare', type: 'text', width: 22 }, { header: 'Motivul', type: 'text', width: 30 },
    ],
    rows: suspensions.map((s) => [s.organizationName, s.conventionNumber, date(s.from), s.to ? { date: s.to } : 'în curs', s.decision, s.liftedBy ?? '—', s.reason]),
    emptyText: 'Nicio suspendare în perioadă.',
  };

  return {
    header: documentHeader(input.settings),
    title: 'SINTEZA ACTIVITĂȚII DE MONITORIZARE',
    subtitle: `${label}: ${formatRoDate(from)} – ${formatRoDate(to)}; situația la ${formatRoDate(input.asOf)}`,
    from,
    to,
    sheets: [overview, visitsSheet, findingsSheet, followUps, overdueSheet, suspensionsSheet],
    signatures: serviceSignatures(input.settings).map((sig) => (sig.role === 'Întocmit' ? { role: 'Întocmit', title: input.preparedBy?.role ?? 'Inspector', name: input.preparedBy?.name ?? input.settings.userName } : sig)),
  };
}
