import type { Amendment, ConventionTerms } from '../conventions/amendments';
import type { Convention, ConventionUnit } from '../conventions/convention';
import { formatInteger, formatLei } from '../money';
import { MONTH_NAMES } from '../requests/subsidy-request';
import type { InstitutionSettings } from '../settings/institution';
import { cleanText } from '../validation/diacritics';
import { formatRoDate } from '../validation/dates';
import { cfpLine, conventionParties } from './convention-document';
import { documentHeader, type Signature } from './document-header';
import { blockBuilder, type BlockTable, type FinanceDocumentBase } from './finance-blocks';
import type { RegistryMark } from './issued-document';
import { ofOrganization } from './organization-name';
import type { BudgetCommitment } from '../conventions/payment-plan';

/** The act adițional as printed: what changes, from when, by which act and why. */
export interface AmendmentDocument extends FinanceDocumentBase {
  conventionId: string;
  amendmentId: string;
  /** Rows of the before/after table whose value changes. */
  changedRows: string[];
}

export interface AmendmentDocumentInput {
  convention: Convention;
  amendment: Amendment;
  /** The terms just before the amendment applies, and with it applied. */
  before: ConventionTerms;
  after: ConventionTerms;
  settings: InstitutionSettings;
  mark: RegistryMark;
  /** The financial control visa of the amendment itself, once given. */
  cfpVisa?: BudgetCommitment['cfpVisa'];
  authoritySigners?: Signature[];
}

const period = (t: Pick<ConventionTerms, 'firstMonth' | 'lastMonth' | 'year'>) => `${MONTH_NAMES[t.firstMonth - 1]} – ${MONTH_NAMES[t.lastMonth - 1]} ${t.year}`;
const signed = (n: number, format: (v: number) => string) => (n > 0 ? `+${format(n)}` : format(n));

/**
 * Before/after rows: the convention's amount and period, then per unit its beneficiaries, monthly
 * ceiling and total. The last column is the difference, or "nemodificat".
 */
export function beforeAfterTable(before: ConventionTerms, after: ConventionTerms): { table: BlockTable; changed: string[] } {
  const rows: string[][] = [];
  const changed: string[] = [];
  const money = (label: string, a: number, b: number) => {
    rows.push([label, formatLei(a), formatLei(b), a === b ? 'nemodificat' : signed(b - a, formatLei)]);
    if (a !== b) changed.push(label);
  };
  const count = (label: string, a: number, b: number) => {
    rows.push([label, formatInteger(a), formatInteger(b), a === b ? 'nemodificat' : signed(b - a, formatInteger)]);
    if (a !== b) changed.push(label);
  };
  money('Valoarea totală a convenției', before.amount, after.amount);
  const p0 = period(before);
  const p1 = period(after);
  rows.push(['Perioada convenției', p0, p1, p0 === p1 ? 'nemodificat' : 'modificat']);
  if (p0 !== p1) changed.push('Perioada convenției');
  const byId = new Map(after.units.map((u) => [u.unitId, u]));
  for (const u of before.units) {
    const v: ConventionUnit | undefined = byId.get(u.unitId);
    count(`${u.unitName} — beneficiari pe lună`, u.beneficiariesPerMonth, v?.beneficiariesPerMonth ?? 0);
    money(`${u.unitName} — plafon lunar`, u.monthlyCeiling, v?.monthlyCeiling ?? 0);
    money(`${u.unitName} — total pe perioadă`, u.annualTotal, v?.annualTotal ?? 0);
    const m0 = u.months.length;
    const m1 = v?.months.length ?? 0;
    if (m0 !== m1) {
      rows.push([`${u.unitName} — luni subvenționate`, formatInteger(m0), formatInteger(m1), signed(m1 - m0, formatInteger)]);
      changed.push(`${u.unitName} — luni subvenționate`);
    }
  }
  return {
    table: {
      columns: [
        { header: 'Elementul convenției', share: 0.4 },
        { header: 'Înainte', share: 0.2, align: 'right' },
        { header: 'După', share: 0.2, align: 'right' },
        { header: 'Diferența', share: 0.2, align: 'right' },
      ],
      rows,
    },
    changed,
  };
}

/**
 * The amendment (act adițional): the before/after table, the date it applies from, the act that
 * decided it and the reason, the original amount kept visible, "celelalte clauze rămân
 * neschimbate", both parties' signatures.
 */
export function buildAmendmentDocument(input: AmendmentDocumentInput): AmendmentDocument {
  const { convention: c, amendment: a, before, after, settings } = input;
  const { table, changed } = beforeAfterTable(before, after);
  const b = blockBuilder();
  const parties = `încheiată între ${c.authority} și ${c.provider.name}`;
  b.paragraph(`Părțile Convenției de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}, ${parties}, au convenit modificarea convenției, după cum urmează.`);
  b.heading('Temeiul și motivul modificării');
  b.article(`Modificarea se face în temeiul ${cleanText(a.decidingAct)}, din următorul motiv: ${cleanText(a.reason)}.`);
  b.heading('Obiectul actului adițional');
  b.article(`Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)} ${ofOrganization(c.provider.name, { otherwise: 'cu' })} se modifică astfel:`);
  b.table(table);
  b.article(`Modificările se aplică începând cu data de ${formatRoDate(a.effectiveFrom)}. Lunile anterioare acestei date se decontează potrivit clauzelor în vigoare în luna respectivă; lunile verificate nu se modifică.`);
  b.article(`Suma inițială a convenției, de ${formatLei(after.originalAmount)}, rămâne consemnată alături de suma în vigoare; după prezentul act adițional, valoarea totală a convenției este de ${formatLei(after.amount)}.`);
  const earlier = after.applied.filter((x) => x.amendmentId !== a.id);
  if (earlier.length > 0) {
    b.paragraph('Acte adiționale anterioare:', { bold: true });
    b.list(earlier.map((x) => x.label));
  }
  b.heading('Dispoziții finale');
  b.article('Celelalte clauze ale convenției rămân neschimbate.');
  b.article(`Prezentul act adițional face parte integrantă din convenție și s-a încheiat astăzi, ${formatRoDate(a.date)}, în două exemplare originale, câte unul pentru fiecare parte.`);
  return {
    conventionId: c.id,
    amendmentId: a.id,
    changedRows: changed,
    header: documentHeader(settings),
    date: formatRoDate(a.date),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: `ACT ADIȚIONAL nr. ${a.number}`,
    subtitle: `din ${formatRoDate(a.date)} la Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}`,
    blocks: b.blocks,
    signatures: [],
    parties: conventionParties(c, settings, input.authoritySigners),
    footnote: cfpLine(input.cfpVisa),
    orientation: 'portrait',
  };
}
