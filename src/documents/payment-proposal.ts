import { formatLei, type Bani } from '../money';
import { MONTH_NAMES, type Month } from '../requests/subsidy-request';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { approvalSignature, documentHeader, reviewSignature, type Signature } from './document-header';
import { blockBuilder, type BlockTable, type FinanceDocumentBase } from './finance-blocks';
import type { RegistryMark } from './issued-document';

/** One convention's month proposed for payment: what its ordonanțare de plată needs. */
export interface PaymentProposalItem {
  conventionId: string;
  organizationName: string;
  cui: string;
  iban: string;
  bankName?: string;
  conventionNumber: string;
  conventionDate?: IsoDate;
  month: Month;
  /** The amount admitted by the verification note (bun de plată). */
  amount: Bani;
  /** "nr. 902 din 10.04.2025": the verification note the amount rests on. */
  verificationNote: string;
  /** "68.02.59.11". */
  budgetLine: string;
  /** Why the month is not proposed although verified (a suspension): listed apart, out of the totals. */
  blockedReason?: string;
}

export interface PaymentProposalRow {
  number: number;
  item: PaymentProposalItem;
  /** The cells as printed. */
  cells: string[];
}

/** The monthly payment proposal for all NGOs (propunere de plată; OMFP 1792/2002, ordonanțare). */
export interface PaymentProposal extends FinanceDocumentBase {
  year: number;
  month: Month;
  rows: PaymentProposalRow[];
  blocked: PaymentProposalItem[];
  /** Bani. */
  total: Bani;
  byBudgetLine: { budgetLine: string; total: Bani; count: number }[];
}

export interface PaymentProposalInput {
  year: number;
  month: Month;
  items: readonly PaymentProposalItem[];
  settings: InstitutionSettings;
  mark: RegistryMark;
  date?: IsoDate;
}

/** Aprobat (the director), Avizat (the head of service), Întocmit (the inspector using the app). */
export function financeSignatures(settings: InstitutionSettings): Signature[] {
  return [approvalSignature(settings), reviewSignature(settings), { role: 'Întocmit', title: 'Inspector', name: settings.userName || settings.commissionSecretary }];
}

export const PAYMENT_PROPOSAL_COLUMNS = ['Nr.', 'Furnizorul', 'CUI', 'IBAN / banca', 'Convenția', 'Luna', 'Nota de verificare', 'Clasificația bugetară', 'Suma de plată'] as const;

const convention = (i: PaymentProposalItem) => `nr. ${i.conventionNumber}${i.conventionDate ? ` din ${formatRoDate(i.conventionDate)}` : ''}`;

export function proposalTable(rows: readonly PaymentProposalRow[], total: number): BlockTable {
  const shares = [0.04, 0.17, 0.08, 0.19, 0.1, 0.08, 0.12, 0.1, 0.12];
  return {
    columns: PAYMENT_PROPOSAL_COLUMNS.map((header, i) => ({ header, share: shares[i]!, align: i === 8 ? 'right' : i === 0 ? 'center' : undefined })),
    rows: rows.map((r) => r.cells),
    totals: [['', `Total (${rows.length === 1 ? 'o convenție' : `${rows.length} convenții`})`, '', '', '', '', '', '', formatLei(total)]],
  };
}

/**
 * The proposal: one row per convention with what its ordonanțare needs (the payee, CUI and IBAN,
 * the convention, the month, the verification note, the budget line, the amount), the total and
 * the totals per budget line; months verified but suspended are listed apart, not proposed.
 */
export function buildPaymentProposal(input: PaymentProposalInput): PaymentProposal {
  const { year, month, settings } = input;
  const monthText = `${MONTH_NAMES[month - 1]} ${year}`;
  const proposed = input.items.filter((i) => !i.blockedReason && i.amount > 0).sort((a, b) => a.organizationName.localeCompare(b.organizationName, 'ro', { ignorePunctuation: true }) || a.conventionNumber.localeCompare(b.conventionNumber, 'ro', { numeric: true }));
  const blocked = input.items.filter((i) => i.blockedReason);
  const rows: PaymentProposalRow[] = proposed.map((item, i) => ({
    number: i + 1,
    item,
    cells: [String(i + 1), item.organizationName, item.cui, `${item.iban}${item.bankName ? `\n${item.bankName}` : ''}`, convention(item), MONTH_NAMES[item.month - 1]!, item.verificationNote, item.budgetLine, formatLei(item.amount)],
  }));
  const total = proposed.reduce((s, i) => s + i.amount, 0) as Bani;
  const lines = new Map<string, { budgetLine: string; total: Bani; count: number }>();
  for (const i of proposed) {
    const l = lines.get(i.budgetLine) ?? { budgetLine: i.budgetLine, total: 0 as Bani, count: 0 };
    l.total = (l.total + i.amount) as Bani;
    l.count += 1;
    lines.set(i.budgetLine, l);
  }
  const byBudgetLine = [...lines.values()].sort((a, b) => a.budgetLine.localeCompare(b.budgetLine));

  const b = blockBuilder();
  b.paragraph(`În baza notelor de verificare a deconturilor lunare („bun de plată”) pentru luna ${monthText}, încheiate potrivit convențiilor de subvenționare (Legea nr. 34/1998, art. 1 alin. (3)), propunem emiterea ordonanțărilor de plată (Ordinul ministrului finanțelor publice nr. 1792/2002) pentru sumele de mai jos, în total ${formatLei(total)}, din bugetul local.`);
  if (rows.length === 0) b.paragraph('Nu există sume admise de plată pentru această lună.', { italics: true });
  else b.table(proposalTable(rows, total));
  if (byBudgetLine.length > 0) {
    b.heading('Totaluri pe clasificația bugetară');
    b.table({
      columns: [
        { header: 'Clasificația bugetară', share: 0.4 },
        { header: 'Convenții', share: 0.2, align: 'right' },
        { header: 'Suma', share: 0.4, align: 'right' },
      ],
      rows: byBudgetLine.map((l) => [l.budgetLine, String(l.count), formatLei(l.total)]),
      totals: [['Total', String(rows.length), formatLei(total)]],
    });
  }
  if (blocked.length > 0) {
    b.heading('Luni verificate care nu se propun la plată');
    b.list(blocked.map((i) => `${i.organizationName}, convenția ${convention(i)}, ${MONTH_NAMES[i.month - 1]}: ${formatLei(i.amount)} admiși — ${i.blockedReason}.`));
  }
  b.heading('Pentru fiecare ordonanțare de plată');
  b.list([
    'beneficiarul plății, codul fiscal și contul IBAN din convenție (coloanele 2–4);',
    'documentele justificative: convenția de subvenționare și nota de verificare a decontului lunii (coloanele 5–7);',
    'clasificația bugetară și suma de plată (coloanele 8–9), în limita angajamentului bugetar al convenției;',
    'viza de control financiar preventiv propriu (CFP).',
  ]);
  return {
    year,
    month,
    rows,
    blocked,
    total,
    byBudgetLine,
    header: documentHeader(settings),
    date: input.date ? formatRoDate(input.date) : (input.mark.registryDate ?? ''),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'PROPUNERE DE PLATĂ',
    subtitle: `a subvențiilor acordate asociațiilor și fundațiilor pentru luna ${monthText}`,
    blocks: b.blocks,
    signatures: financeSignatures(settings),
    orientation: 'landscape',
  };
}
