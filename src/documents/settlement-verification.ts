import type { ConventionTerms } from '../conventions/amendments';
import type { Convention } from '../conventions/convention';
import { formatInteger, formatLei } from '../money';
import { DOCUMENT_TYPES, monthLabel, PROOF_KINDS, submissionDeadline, type MonthlySettlement } from '../settlements/monthly-settlement';
import type { MonthlyDue } from '../settlements/monthly-subsidy-due';
import type { InstitutionSettings } from '../settings/institution';
import { formatRoDate, type IsoDate } from '../validation/dates';
import { documentHeader, type Signature } from './document-header';
import { blockBuilder, type BlockTable, type FinanceDocumentBase } from './finance-blocks';
import { expenseCategoryLabel } from './finance-labels';
import type { RegistryMark } from './issued-document';
import { ofOrganization } from './organization-name';

/** The verification note of a month's settlement (lichidare, "bun de plată", OMFP 1792/2002). */
export interface VerificationNote extends FinanceDocumentBase {
  conventionId: string;
  settlementId: string;
  claimed: string;
  refused: string;
  admitted: string;
  /** Why the month cannot be approved for payment; empty: it can. */
  suspensionReasons: string[];
}

export interface VerificationNoteInput {
  convention: Convention;
  /** The terms of the month (amendments in force on its first day). */
  terms: ConventionTerms;
  settlement: MonthlySettlement;
  due: MonthlyDue;
  settings: InstitutionSettings;
  mark: RegistryMark;
  categoryLabels?: Readonly<Record<string, string>>;
  /** Who verified (întocmit); the settlement's verification, or the user of this computer. */
  verifiedBy?: string;
  /** The note's date (the issue date); by default the verification's day, or the submission's. */
  date?: IsoDate;
}

/** Per unit: contracted and served persons, each limit, the amount due; with the totals. */
function unitsTable(terms: ConventionTerms, due: MonthlyDue): BlockTable {
  const name = new Map(terms.units.map((u) => [u.unitId, u]));
  const sum = (f: (u: MonthlyDue['units'][number]) => number) => due.units.reduce((s, u) => s + f(u), 0);
  return {
    columns: [
      { header: 'Unitatea', share: 0.22 },
      { header: 'Beneficiari contractați', share: 0.1, align: 'right' },
      { header: 'Beneficiari asistați', share: 0.1, align: 'right' },
      { header: 'Beneficiari × nivel lunar', share: 0.15, align: 'right' },
      { header: 'Cheltuieli eligibile justificate', share: 0.15, align: 'right' },
      { header: 'Plafon lunar', share: 0.13, align: 'right' },
      { header: 'Suma cuvenită', share: 0.15, align: 'right' },
    ],
    rows: due.units.map((u) => [
      name.get(u.unitId)?.unitName ?? u.unitId,
      formatInteger(name.get(u.unitId)?.beneficiariesPerMonth ?? 0),
      formatInteger(u.served),
      formatLei(u.byLevel),
      formatLei(u.byExpenses),
      formatLei(u.ceiling),
      formatLei(u.amount),
    ]),
    totals: [['Total', formatInteger(due.units.reduce((s, u) => s + (name.get(u.unitId)?.beneficiariesPerMonth ?? 0), 0)), formatInteger(sum((u) => u.served)), formatLei(sum((u) => u.byLevel)), formatLei(sum((u) => u.byExpenses)), formatLei(sum((u) => u.ceiling)), formatLei(sum((u) => u.amount))]],
  };
}

/**
 * The note: the settlement's data, claimed against admitted per unit, every limit with its
 * source, the refused lines with their reasons, the amount admitted ("bun de plată") or why the
 * month cannot be approved, and the signatures (întocmit, verificat, aprobat).
 */
export function buildVerificationNote(input: VerificationNoteInput): VerificationNote {
  const { convention: c, terms, settlement: s, due, settings } = input;
  const labels = input.categoryLabels ?? {};
  const month = monthLabel(s.year, s.month);
  const deadline = submissionDeadline(s.year, s.month, c.submissionDay);
  const b = blockBuilder();
  const submitted = s.submittedOn
    ? `la data de ${formatRoDate(s.submittedOn)}, ${s.submittedOn > deadline ? `după termenul din ${formatRoDate(deadline)}` : `în termenul prevăzut de convenție (${formatRoDate(deadline)})`}`
    : 'fără dată de depunere înregistrată';
  b.paragraph(`Am verificat decontul pentru luna ${month} ${ofOrganization(c.provider.name, { otherwise: 'depus de' })}, depus ${submitted}, în baza Convenției de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}, potrivit Legii nr. 34/1998, normelor metodologice aprobate prin HG nr. 1153/2001 și Ordinului ministrului finanțelor publice nr. 1792/2002 (lichidarea cheltuielii).`);
  b.fields([
    ['Furnizorul', c.provider.name],
    ['CUI / IBAN', `${c.provider.cui} / ${c.provider.iban}${c.provider.bankName ? `, ${c.provider.bankName}` : ''}`],
    ['Convenția', `nr. ${c.number} din ${formatRoDate(c.date)}; valoare ${formatLei(terms.amount)}${terms.amount !== terms.originalAmount ? ` (inițial ${formatLei(terms.originalAmount)})` : ''}`],
    ['Luna decontată', month],
    ['Suma solicitată (documente depuse)', formatLei(due.claimed)],
    ['Cheltuieli refuzate', formatLei(due.refused)],
    ['Suma admisă', formatLei(due.amount)],
  ]);

  b.heading('1. Suma cuvenită pe unități');
  b.table(unitsTable(terms, due));
  b.heading('2. Limitele aplicate');
  b.list([
    ...due.units.flatMap((u) => {
      const unit = terms.units.find((x) => x.unitId === u.unitId);
      return u.steps.map((st) => `${unit ? `${unit.unitName} — ` : ''}${st.label}: ${st.detail} = ${formatLei(st.result)} (${st.source}).`);
    }),
    ...due.steps.map((st) => `${st.label}: ${st.detail} = ${formatLei(st.result)} (${st.source}).`),
  ]);

  b.heading('3. Cheltuieli refuzate');
  const lineById = new Map(s.expenses.map((l) => [l.id, l]));
  const refused = due.lines.filter((l) => l.refused > 0);
  if (refused.length === 0) b.paragraph('Nu s-au refuzat cheltuieli: toate documentele depuse au fost admise.');
  else
    b.table({
      columns: [
        { header: 'Nr.', share: 0.05, align: 'center' },
        { header: 'Documentul', share: 0.19 },
        { header: 'Furnizorul', share: 0.16 },
        { header: 'Categoria', share: 0.14 },
        { header: 'Dovada plății', share: 0.12 },
        { header: 'Suma refuzată', share: 0.12, align: 'right' },
        { header: 'Motivul', share: 0.22 },
      ],
      rows: refused.map((v, i) => {
        const l = lineById.get(v.lineId);
        return [
          String(i + 1),
          l ? `${DOCUMENT_TYPES[l.documentType]} nr. ${l.documentNumber} din ${formatRoDate(l.documentDate)}` : v.lineId,
          l?.supplier ?? '',
          l ? expenseCategoryLabel(l.category, labels) : '',
          l?.proof ? `${PROOF_KINDS[l.proof.kind].split(' (')[0]} nr. ${l.proof.number} din ${formatRoDate(l.proof.date)}` : 'lipsă',
          `${formatLei(v.refused)}${v.refused < v.claimed ? ` din ${formatLei(v.claimed)}` : ''}`,
          v.reason ?? '',
        ];
      }),
      totals: [['', 'Total refuzat', '', '', '', formatLei(due.refused), '']],
    });
  if (s.adjustments.length > 0) {
    b.heading('4. Ajustări ale lunilor anterioare');
    b.list(s.adjustments.map((a) => `${monthLabel(s.year, a.month)}: ${formatLei(a.amount)} — ${a.reason}`));
  }

  b.heading('Concluzie');
  if (due.suspensionReasons.length > 0) {
    b.paragraph(`Suma admisă este de ${formatLei(due.amount)}, dar plata pentru luna ${month} nu poate fi aprobată (ordonanțată) cât timp:`);
    b.list(due.suspensionReasons);
  } else {
    b.paragraph(`BUN DE PLATĂ pentru suma de ${formatLei(due.amount)}, reprezentând subvenția cuvenită pentru luna ${month}, în contul ${c.provider.iban}.`, { bold: true });
  }

  const preparer = input.verifiedBy ?? s.verification?.by ?? settings.userName;
  const signatures: Signature[] = [
    { role: 'Întocmit', title: 'Inspector', name: preparer },
    { role: 'Verificat', title: settings.headOfServiceTitle || 'Șef serviciu', name: settings.headOfService },
    { role: 'Aprobat', title: settings.headOfInstitutionTitle || 'Director executiv', name: settings.headOfInstitution },
  ];
  return {
    conventionId: c.id,
    settlementId: s.id,
    claimed: formatLei(due.claimed),
    refused: formatLei(due.refused),
    admitted: formatLei(due.amount),
    suspensionReasons: due.suspensionReasons,
    header: documentHeader(settings),
    date: formatRoDate(input.date ?? (s.verification?.at?.slice(0, 10) || s.submittedOn)),
    number: input.mark.number,
    registryDate: input.mark.registryDate,
    registryNote: input.mark.registryNote,
    title: 'NOTĂ DE VERIFICARE',
    subtitle: `a decontului lunar pentru ${month} — Convenția de subvenționare nr. ${c.number} din ${formatRoDate(c.date)}`,
    blocks: b.blocks,
    signatures,
    orientation: 'portrait',
  };
}
