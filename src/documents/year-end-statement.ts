import type { ConventionTerms } from '../conventions/amendments';
import type { Convention } from '../conventions/convention';
import { formatLei } from '../money';
import { MONTH_NAMES } from '../requests/subsidy-request';
import type { ReconciliationRow, RecoveryRecord, YearEndStatement } from '../settlements/reconciliation';
import type { InstitutionSettings } from '../settings/institution';
import { cleanText } from '../validation/diacritics';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { approvalSignature, documentHeader, reviewSignature, type Signature } from './document-header';
import { blockBuilder, type FinanceDocumentBase } from './finance-blocks';
import type { RegistryMark } from './issued-document';
import { ofOrganization } from './organization-name';
import { financeSignatures } from './payment-proposal';

/** Situația finală a sumelor acordate, utilizate și de restituit, for one convention. */
export interface YearEndStatementDocument extends FinanceDocumentBase {
  conventionId: string;
  granted: string;
  used: string;
  paid: string;
  toReturn: string;
  toPay: string;
  unused: string;
}

export interface YearEndStatementInput {
  convention: Convention;
  /** The terms at year end (the final amount). */
  terms: ConventionTerms;
  statement: YearEndStatement;
  /** The reconciliation rows (only the convention's are used). */
  rows: readonly ReconciliationRow[];
  settings: InstitutionSettings;
  mark: RegistryMark;
  date?: IsoDate;
  /** The recovery record, once established (amount, reason, due date, what was repaid). */
  recovery?: RecoveryRecord;
}

const STATES: Record<ReconciliationRow['state'], string> = {
  ciorna: 'ciornă', depus: 'depus, neverificat', verificat: 'verificat', aprobat: 'ordonanțat', platit: 'plătit', respins: 'respins', lipsa: 'fără decont',
};

/**
 * The year-end statement: what the convention granted (as signed and at year end), what the
 * verified months used, what was paid, and what is left to pay, to return or to release from the
 * commitment; month by month with totals; the recovery record when there is something to return.
 */
export function buildYearEndStatement(input: YearEndStatementInput): YearEndStatementDocument {
  const { convention: c, terms, statement: st, settings } = input;
  const own = input.rows.filter((r) => r.conventionId === c.id);
  const b = blockBuilder();
  b.paragraph(`Situația finală a sumelor acordate, utilizate și de restituit pentru Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)} ${ofOrganization(c.provider.name, { otherwise: 'încheiată cu' })}, anul ${c.year}, întocmită pe baza deconturilor lunare verificate și a plăților înregistrate.`);
  b.fields([
    ['Suma acordată prin convenție (inițial)', formatLei(st.originalGranted)],
    ['Suma convenției la sfârșitul anului', `${formatLei(st.granted)}${terms.applied.length > 0 ? ` (${terms.applied.length === 1 ? 'un act adițional' : `${terms.applied.length} acte adiționale`})` : ''}`],
    ['Suma utilizată (admisă la decontare)', formatLei(st.used)],
    ['Suma plătită', formatLei(st.paid)],
    ['Rămas de plătit furnizorului', formatLei(st.toPay)],
    ['De restituit de furnizor', formatLei(st.toReturn)],
    ['Neutilizat (de eliberat din angajamentul bugetar)', formatLei(st.unused)],
  ]);
  b.heading('Situația pe luni');
  const sum = (f: (r: ReconciliationRow) => number) => own.reduce((s, r) => s + f(r), 0);
  b.table({
    columns: [
      { header: 'Luna', share: 0.16 },
      { header: 'Starea decontului', share: 0.18 },
      { header: 'Contractat', share: 0.16, align: 'right' },
      { header: 'Solicitat', share: 0.16, align: 'right' },
      { header: 'Admis (utilizat)', share: 0.17, align: 'right' },
      { header: 'Plătit', share: 0.17, align: 'right' },
    ],
    rows: own.map((r) => [MONTH_NAMES[r.month - 1]!, STATES[r.state], formatLei(r.contracted), formatLei(r.claimed), formatLei(r.admitted), formatLei(r.paid)]),
    totals: [['Total', '', formatLei(sum((r) => r.contracted)), formatLei(sum((r) => r.claimed)), formatLei(sum((r) => r.admitted)), formatLei(sum((r) => r.paid))]],
  });
  b.heading('Concluzie');
  if (st.toReturn > 0) {
    b.paragraph(`Furnizorul a primit cu ${formatLei(st.toReturn)} mai mult decât suma utilizată și are de restituit această sumă la bugetul local.`, { bold: true });
    if (input.recovery) {
      const r = input.recovery;
      const repaid = r.paidAmount ?? 0;
      b.list([
        `Suma de recuperat: ${formatLei(r.amount)}; motivul: ${cleanText(r.reason)}.`,
        `Termenul de restituire: ${formatRoDate(r.dueDate)}.`,
        repaid > 0 ? `Restituit până acum: ${formatLei(repaid)}${r.paidOn ? ` (ultima plată la ${formatRoDate(r.paidOn)})` : ''}; rămas de restituit: ${formatLei(r.amount - repaid)}.` : 'Nu s-a restituit nimic până la data prezentei situații.',
      ]);
    } else b.paragraph('Suma de recuperat, motivul și termenul de restituire se stabilesc prin notificarea privind sumele de recuperat.');
  } else if (st.toPay > 0) b.paragraph(`Nu există sume de restituit. Autoritatea mai are de plătit furnizorului ${formatLei(st.toPay)}, sume admise la decontare și neplătite.`, { bold: true });
  else b.paragraph('Nu există sume de restituit și nici sume rămase de plată.', { bold: true });
  if (st.unused > 0) b.paragraph(`Suma de ${formatLei(st.unused)} din valoarea convenției nu a fost utilizată și se eliberează din angajamentul bugetar.`);
  return {
    conventionId: c.id,
    granted: formatLei(st.granted),
    used: formatLei(st.used),
    paid: formatLei(st.paid),
    toReturn: formatLei(st.toReturn),
    toPay: formatLei(st.toPay),
    unused: formatLei(st.unused),
    header: documentHeader(settings),
    date: input.date ? formatRoDate(input.date) : (input.mark.registryDate ?? ''),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'SITUAȚIA FINALĂ',
    subtitle: `a sumelor acordate, utilizate și de restituit — Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}, anul ${c.year}`,
    blocks: b.blocks,
    signatures: financeSignatures(settings),
    orientation: 'portrait',
  };
}

/** The notification of the sums to recover (decizie_recuperare), addressed to the provider. */
export interface RecoveryNotification extends FinanceDocumentBase {
  conventionId: string;
  amount: string;
  dueDate: string;
}

export interface RecoveryNotificationInput {
  convention: Convention;
  statement: YearEndStatement;
  recovery: RecoveryRecord;
  settings: InstitutionSettings;
  mark: RegistryMark;
  date?: IsoDate;
  /** The authority's account for the refund, as the economic department gives it; otherwise the letter asks to use the one it communicates. */
  refundAccount?: string;
  /** The year-end statement the notification rests on ("nr. 1201 din 15.01.2026"). */
  statementRef?: string;
}

/**
 * The letter to the provider: the amount to return, why, by when and where, with the year-end
 * figures it rests on. A plain clause on what follows a missed term (the recovery rule was not
 * read: domain.md §9 gap), no article cited.
 */
export function buildRecoveryNotification(input: RecoveryNotificationInput): RecoveryNotification {
  const { convention: c, statement: st, recovery: r, settings } = input;
  const b = blockBuilder();
  b.paragraph(`Vă comunicăm că, în urma întocmirii situației finale${input.statementRef ? ` ${input.statementRef}` : ''} a sumelor acordate, utilizate și de restituit pentru Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}, anul ${c.year}, s-a stabilit că aveți de restituit la bugetul local al Municipiului Cluj-Napoca suma de ${formatLei(r.amount)}.`);
  b.fields([
    ['Suma plătită', formatLei(st.paid)],
    ['Suma utilizată (admisă la decontare)', formatLei(st.used)],
    ['Suma de restituit', formatLei(r.amount)],
    ['Motivul', cleanText(r.reason)],
    ['Termenul de restituire', formatRoDate(r.dueDate)],
  ]);
  b.paragraph(`Vă rugăm să restituiți suma până la data de ${formatRoDate(r.dueDate)} inclusiv, ${input.refundAccount ? `în contul ${cleanText(input.refundAccount)}` : 'în contul comunicat de Direcția Economică'}, menționând în ordinul de plată numărul convenției. Potrivit convenției (clauza privind recuperarea sumelor), sumele nerestituite în termen se recuperează potrivit legii.`);
  b.paragraph('Pentru clarificări vă stăm la dispoziție la datele de contact din antet.');
  const signatures: Signature[] = [
    { title: approvalSignature(settings).title, name: settings.headOfInstitution },
    { title: reviewSignature(settings).title, name: settings.headOfService },
    { role: 'Întocmit', title: 'Inspector', name: settings.userName || settings.commissionSecretary },
  ];
  return {
    conventionId: c.id,
    amount: formatLei(r.amount),
    dueDate: formatRoDate(r.dueDate),
    header: documentHeader(settings),
    date: input.date ? formatRoDate(input.date) : (input.mark.registryDate ?? ''),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    addressee: { name: c.provider.name, address: '', representative: [c.provider.representativeRole, c.provider.representativeName].filter(Boolean).join(' ') },
    title: 'NOTIFICARE',
    subtitle: `privind sumele de recuperat — Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}`,
    blocks: b.blocks,
    signatures,
    orientation: 'portrait',
  };
}
