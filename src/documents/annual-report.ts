// The programme's annual report (Law 34/1998) for a year: NGOs and units funded, beneficiaries,
// amounts granted and paid by category and by month, the conventions, the rounds and their appeals,
// the monitoring visits with their main findings and follow-ups, and the figures the council's
// yearly action plan on social services asks for (Law 292/2011 art. 112 alin. (3) lit. b) and art.
// 118 [S]: "număr și categorii de beneficiari, servicii sociale existente, programul de contractare,
// bugetul și sursele de finanțare"; the frame model is Ord. MMJS 1086/2018 [S]). Every amount is
// read from the year's reconciliation (src/settlements/reconciliation.ts) and the chart data derived
// from it (src/home/year-charts.ts), so its totals are those of the reconciliation workbook.
import { countOf } from '../commission/wording';
import type { Appeal } from '../commission/appeals';
import { CONVENTION_STATES, type Convention } from '../conventions/convention';
import type { ConventionTerms } from '../conventions/amendments';
import type { YearCharts } from '../home/year-charts';
import { formatInteger, formatLei, type Bani } from '../money';
import type { Reconciliation, Totals } from '../settlements/reconciliation';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, serviceSignatures } from './document-header';
import { blockBuilder, type Block, type BlockTable, type FinanceDocumentBase } from './finance-blocks';
import type { RegistryMark } from './issued-document';

/** A chart of the report, drawn by the screen from the same data (PNG, base64 so that the stored model stays JSON). */
export interface ChartImage {
  key: ChartKey;
  title: string;
  pngBase64: string;
  /** Pixels of the PNG; the document scales it to the text width. */
  width: number;
  height: number;
}

export type ChartKey = 'buget_categorii' | 'buget_luni' | 'beneficiari_luni' | 'furnizori_servicii';

export const CHART_TITLES: Record<ChartKey, string> = {
  buget_categorii: 'Buget contractat și plătit, pe categorii de servicii sociale',
  buget_luni: 'Buget contractat și plătit, pe luni',
  beneficiari_luni: 'Beneficiari serviți pe lună față de cei contractați',
  furnizori_servicii: 'ONG-uri și unități finanțate, pe tipuri de servicii',
};

/** What the monitoring records of the year say (visits, findings, follow-ups), in plain counts. */
export interface AnnualMonitoring {
  visitsPlanned: number;
  visitsDone: number;
  unitsVisited: number;
  findings: { minor: number; major: number; grav: number };
  /** The text of the major and serious findings, with the unit: the report's "principalele constatări". */
  mainFindings: string[];
  recommendations: { total: number; closed: number; open: number; overdue: number };
  /** Suspensions decided in the year (recorded decisions). */
  suspensions: number;
}

export interface AnnualRound {
  name: string;
  budget: Bani;
  requests: number;
  /** Requests with a convention concluded from the round's final results. */
  funded: number;
}

export interface AnnualReportInput {
  year: number;
  settings: InstitutionSettings;
  date: IsoDate;
  mark: RegistryMark;
  reconciliation: Reconciliation;
  charts: YearCharts;
  /** The year's conventions with their terms at year end. */
  conventions: readonly { convention: Pick<Convention, 'id' | 'number' | 'date' | 'state' | 'provider' | 'firstMonth'>; terms: Pick<ConventionTerms, 'amount' | 'originalAmount' | 'units' | 'applied'> }[];
  rounds: readonly AnnualRound[];
  appeals: readonly Pick<Appeal, 'status'>[];
  /** Absent while the monitoring records are not kept in the app: the section says so. */
  monitoring?: AnnualMonitoring;
  chartImages: readonly ChartImage[];
}

/** A part of the report: its blocks, then the chart that illustrates it (if drawn). */
export interface AnnualReportSection {
  blocks: Block[];
  chart?: ChartImage;
}

export interface AnnualReportDocument extends FinanceDocumentBase {
  year: number;
  /** The reconciliation's totals, in bani: what the XLSX's summary sheet and the checks compare. */
  totals: Totals;
  sections: AnnualReportSection[];
  /** The data behind the tables, in bani and counts, for the XLSX. */
  data: {
    byCategory: YearCharts['byCategory'];
    byMonth: YearCharts['byMonth'];
    beneficiaries: YearCharts['beneficiaries'];
    providersByService: YearCharts['providersByService'];
    conventions: { number: string; date: IsoDate; provider: string; units: number; originalAmount: Bani; amount: Bani; state: string }[];
    rounds: AnnualRound[];
    appeals: { label: string; count: number }[];
    actionPlan: { indicator: string; value: string; note: string }[];
    monitoring?: AnnualMonitoring;
    organizations: number;
    units: number;
    contractedBeneficiaries: number;
  };
}

const APPEAL_OUTCOMES: readonly [Appeal['status'], string][] = [
  ['inregistrata', 'în curs de soluționare'],
  ['admisa', 'admise'],
  ['admisa_partial', 'admise parțial'],
  ['respinsa', 'respinse'],
  ['tardiva', 'respinse ca tardive'],
  ['retrasa', 'retrase'],
];

const lei = (v: number) => formatLei(v);
const percent = (part: number, whole: number) => (whole > 0 ? `${(Math.round((part * 1000) / whole) / 10).toLocaleString('ro-RO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %` : '—');

function table(columns: [string, number, ('right' | 'center')?][], rows: string[][], totals?: string[][]): BlockTable {
  return { columns: columns.map(([header, s, align]) => ({ header, share: s, ...(align ? { align } : {}) })), rows, ...(totals ? { totals } : {}) };
}

export function buildAnnualReport(input: AnnualReportInput): AnnualReportDocument {
  const { year, settings, reconciliation: r, charts } = input;
  const t = r.total;
  const chart = (key: ChartKey) => input.chartImages.find((c) => c.key === key);
  const organizations = new Set(input.conventions.map((c) => c.convention.provider.organizationId)).size;
  const units = new Set(input.conventions.flatMap((c) => c.terms.units.map((u) => u.unitId))).size;
  const contractedBeneficiaries = input.conventions.reduce((s, c) => s + c.terms.units.reduce((x, u) => x + u.beneficiariesPerMonth, 0), 0);
  const monthsDeclared = charts.beneficiaries.filter((m) => m.settlements > 0);
  const averageServed = monthsDeclared.length > 0 ? Math.round(monthsDeclared.reduce((s, m) => s + m.served, 0) / monthsDeclared.length) : 0;
  const sections: AnnualReportSection[] = [];

  // I. Summary.
  const intro = blockBuilder();
  intro.paragraph(`Prezentul raport prezintă modul de derulare, în anul ${year}, a programului de subvenționare a asociațiilor și fundațiilor române cu personalitate juridică care înființează și administrează unități de asistență socială, în temeiul Legii nr. 34/1998 și al Normelor metodologice aprobate prin HG nr. 1153/2001, din bugetul local al Municipiului Cluj-Napoca (capitolul 68.02 „Asigurări și asistență socială”).`);
  intro.paragraph(`Sumele sunt cele din evidența convențiilor, a deconturilor lunare verificate și a plăților înregistrate (registrul de reconciliere al anului ${year}, la data de ${formatRoDate(input.date)}); ele nu sunt recalculate.`);
  intro.heading('I. Sinteza anului');
  intro.fields([
    ['ONG-uri finanțate', formatInteger(organizations)],
    ['Unități de asistență socială finanțate', formatInteger(units)],
    ['Convenții de subvenționare', formatInteger(input.conventions.length)],
    ['Beneficiari contractați (pe lună, total unități)', countOf(contractedBeneficiaries, 'beneficiar', 'beneficiari')],
    ['Beneficiari serviți (media lunilor decontate)', monthsDeclared.length > 0 ? countOf(averageServed, 'beneficiar', 'beneficiari') : 'niciun decont depus'],
    ['Sume contractate', lei(t.contracted)],
    ['Sume solicitate prin deconturi', lei(t.claimed)],
    ['Sume admise la decontare (lichidate)', lei(t.admitted)],
    ['Sume ordonanțate', lei(t.approved)],
    ['Sume plătite', `${lei(t.paid)} (${percent(t.paid, t.contracted)} din sumele contractate)`],
  ]);
  sections.push({ blocks: intro.blocks });

  // II. By category.
  const cat = blockBuilder();
  cat.heading('II. Sumele acordate și plătite, pe categorii de servicii sociale');
  cat.table(table(
    [['Categoria de servicii sociale', 0.34], ['Contractat', 0.17, 'right'], ['Admis (lichidat)', 0.17, 'right'], ['Plătit', 0.17, 'right'], ['Plătit din contractat', 0.15, 'right']],
    charts.byCategory.map((c) => [c.label, lei(c.allocated), lei(c.admitted), lei(c.paid), percent(c.paid, c.allocated)]),
    [['Total', lei(charts.byCategory.reduce((s, c) => s + c.allocated, 0)), lei(charts.byCategory.reduce((s, c) => s + c.admitted, 0)), lei(charts.byCategory.reduce((s, c) => s + c.paid, 0)), percent(t.paid, t.contracted)]],
  ));
  cat.paragraph('Sumele plătite se repartizează pe categorii după suma admisă pentru fiecare unitate la verificarea decontului lunii.', { italics: true });
  sections.push({ blocks: cat.blocks, ...(chart('buget_categorii') ? { chart: chart('buget_categorii')! } : {}) });

  // III. By month.
  const months = blockBuilder();
  months.heading('III. Execuția lunară');
  months.table(table(
    [['Luna', 0.2], ['Contractat', 0.2, 'right'], ['Plătit', 0.2, 'right'], ['Beneficiari contractați', 0.2, 'right'], ['Beneficiari serviți', 0.2, 'right']],
    charts.byMonth.map((m, i) => [m.label, lei(m.allocated), lei(m.paid), formatInteger(charts.beneficiaries[i]!.contracted), charts.beneficiaries[i]!.settlements > 0 ? formatInteger(charts.beneficiaries[i]!.served) : 'fără decont']),
    [['Total', lei(charts.byMonth.reduce((s, m) => s + m.allocated, 0)), lei(charts.byMonth.reduce((s, m) => s + m.paid, 0)), '', '']],
  ));
  sections.push({ blocks: months.blocks, ...(chart('buget_luni') ? { chart: chart('buget_luni')! } : {}) });
  if (chart('beneficiari_luni')) sections.push({ blocks: [], chart: chart('beneficiari_luni')! });

  // IV. Providers and services.
  const prov = blockBuilder();
  prov.heading('IV. Furnizori și unități finanțate, pe tipuri de servicii');
  prov.table(table(
    [['Tipul de servicii sociale', 0.5], ['ONG-uri', 0.25, 'right'], ['Unități', 0.25, 'right']],
    charts.providersByService.map((p) => [p.label, formatInteger(p.organizations), formatInteger(p.units)]),
    [['Total (un ONG poate avea unități de mai multe tipuri)', formatInteger(organizations), formatInteger(units)]],
  ));
  sections.push({ blocks: prov.blocks, ...(chart('furnizori_servicii') ? { chart: chart('furnizori_servicii')! } : {}) });

  // V. Conventions.
  const conv = blockBuilder();
  conv.heading('V. Convențiile de subvenționare');
  const conventions = [...input.conventions]
    .sort((a, b) => a.convention.number.localeCompare(b.convention.number, 'ro', { numeric: true }))
    .map(({ convention: c, terms }) => ({ number: c.number, date: c.date, provider: c.provider.name, units: terms.units.length, originalAmount: terms.originalAmount, amount: terms.amount, state: CONVENTION_STATES[c.state] }));
  if (conventions.length === 0) conv.paragraph(`În anul ${year} nu s-a încheiat nicio convenție de subvenționare.`);
  else conv.table(table(
    [['Nr.', 0.08], ['Data', 0.11], ['Furnizorul', 0.33], ['Unități', 0.08, 'right'], ['Suma inițială', 0.15, 'right'], ['Suma la sfârșitul anului', 0.15, 'right'], ['Starea', 0.1]],
    conventions.map((c) => [c.number, formatRoDate(c.date), c.provider, formatInteger(c.units), lei(c.originalAmount), lei(c.amount), c.state]),
    [['Total', '', '', formatInteger(conventions.reduce((s, c) => s + c.units, 0)), lei(conventions.reduce((s, c) => s + c.originalAmount, 0)), lei(conventions.reduce((s, c) => s + c.amount, 0)), '']],
  ));
  sections.push({ blocks: conv.blocks });

  // VI. Rounds and appeals.
  const sel = blockBuilder();
  sel.heading('VI. Selecția: runde de finanțare și contestații');
  if (input.rounds.length > 0) sel.table(table(
    [['Runda', 0.46], ['Buget disponibil', 0.2, 'right'], ['Cereri înregistrate', 0.17, 'right'], ['Cereri finanțate', 0.17, 'right']],
    input.rounds.map((x) => [x.name, lei(x.budget), formatInteger(x.requests), formatInteger(x.funded)]),
  ));
  const appeals = APPEAL_OUTCOMES.map(([status, label]) => ({ label, count: input.appeals.filter((a) => a.status === status).length })).filter((a) => a.count > 0);
  sel.paragraph(input.appeals.length === 0
    ? 'Nu s-au depus contestații.'
    : `S-au depus ${countOf(input.appeals.length, 'contestație', 'contestații')}: ${appeals.map((a) => `${formatInteger(a.count)} ${a.label}`).join(', ')}.`);
  sections.push({ blocks: sel.blocks });

  // VII. Monitoring.
  const mon = blockBuilder();
  mon.heading('VII. Monitorizarea unităților finanțate');
  const m = input.monitoring;
  if (!m) {
    mon.paragraph('Vizitele de monitorizare, constatările și recomandările nu sunt încă ținute în aplicație pentru acest an; secțiunea se completează din evidența compartimentului de monitorizare.', { italics: true });
  } else {
    mon.fields([
      ['Vizite planificate / efectuate', `${formatInteger(m.visitsPlanned)} / ${formatInteger(m.visitsDone)}`],
      ['Unități vizitate', `${formatInteger(m.unitsVisited)} din ${formatInteger(units)}`],
      ['Constatări (minore / majore / grave)', `${formatInteger(m.findings.minor)} / ${formatInteger(m.findings.major)} / ${formatInteger(m.findings.grav)}`],
      ['Recomandări (total / închise / deschise / cu termen depășit)', `${formatInteger(m.recommendations.total)} / ${formatInteger(m.recommendations.closed)} / ${formatInteger(m.recommendations.open)} / ${formatInteger(m.recommendations.overdue)}`],
      ['Suspendări decise', formatInteger(m.suspensions)],
    ]);
    if (m.mainFindings.length > 0) {
      mon.paragraph('Principalele constatări:');
      mon.list(m.mainFindings);
    }
  }
  sections.push({ blocks: mon.blocks });

  // VIII. Figures for the action plan.
  const plan = blockBuilder();
  plan.heading('VIII. Date pentru planul anual de acțiune privind serviciile sociale');
  plan.paragraph('Date care pot fundamenta planul anual de acțiune privind serviciile sociale administrate și finanțate din bugetul consiliului local (Legea nr. 292/2011 a asistenței sociale, art. 112 alin. (3) lit. b) și art. 118; modelul-cadru aprobat prin Ordinul nr. 1086/2018):');
  const actionPlan = [
    ...charts.providersByService.map((p) => ({ indicator: `Servicii sociale finanțate — ${p.label}`, value: `${countOf(p.units, 'unitate', 'unități')}, ${countOf(p.organizations, 'furnizor', 'furnizori')}`, note: 'furnizori privați acreditați, subvenție Legea 34/1998' })),
    ...beneficiariesByCategory(input.conventions).map((b) => ({ indicator: `Beneficiari contractați — ${charts.byCategory.find((c) => c.category === b.category)?.label ?? b.category}`, value: countOf(b.count, 'beneficiar', 'beneficiari'), note: 'pe lună, conform convențiilor' })),
    { indicator: 'Programul de contractare din fonduri publice', value: `${countOf(input.conventions.length, 'convenție', 'convenții')}, ${lei(t.contracted)}`, note: 'subvenții acordate în temeiul Legii nr. 34/1998' },
    { indicator: 'Buget executat (plăți)', value: lei(t.paid), note: `${percent(t.paid, t.contracted)} din sumele contractate` },
    { indicator: 'Sursa de finanțare', value: 'bugetul local', note: [...new Set(r.byBudgetLine.map((l) => l.budgetLine))].join(', ') || 'capitolul 68.02' },
  ];
  plan.table(table([['Indicator', 0.45], ['Valoare', 0.3], ['Observații', 0.25]], actionPlan.map((a) => [a.indicator, a.value, a.note])));
  sections.push({ blocks: plan.blocks });

  return {
    header: documentHeader(settings),
    ...input.mark,
    date: formatRoDate(input.date),
    year,
    title: `RAPORT ANUAL privind programul de subvenționare în temeiul Legii nr. 34/1998 — anul ${year}`,
    subtitle: `${settings.name}${settings.department ? ` — ${settings.department}` : ''}`,
    blocks: sections.flatMap((s) => s.blocks),
    sections,
    signatures: serviceSignatures(settings, 'act'),
    orientation: 'portrait',
    totals: { ...t },
    data: {
      byCategory: charts.byCategory, byMonth: charts.byMonth, beneficiaries: charts.beneficiaries, providersByService: charts.providersByService,
      conventions, rounds: [...input.rounds], appeals, actionPlan, ...(m ? { monitoring: m } : {}), organizations, units, contractedBeneficiaries,
    },
  };
}

function beneficiariesByCategory(conventions: AnnualReportInput['conventions']): { category: string; count: number }[] {
  const by = new Map<string, number>();
  for (const c of conventions) for (const u of c.terms.units) by.set(u.serviceCategory, (by.get(u.serviceCategory) ?? 0) + u.beneficiariesPerMonth);
  return [...by.entries()].map(([category, count]) => ({ category, count })).sort((a, b) => a.category.localeCompare(b.category));
}
