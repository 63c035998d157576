import { countOf } from '../import/wording';
import { formatDecimal, parseLei, type Bani } from '../money';
import { formatRoDate, parseDate, type IsoDate } from '../validation/dates';
import { cleanText } from '../validation/diacritics';
import type { BeneficiariesServed, DocumentType, ExpenseLine, MonthlySettlement, NominalEntry, OtherFunding, ProofKind } from './monthly-settlement';

/** A settlement as its dialog edits it: text fields, converted and checked by `settlementFromForm`. */
export interface ExpenseForm {
  id: string;
  unitId: string;
  category: string;
  documentType: DocumentType;
  documentNumber: string;
  documentDate: string;
  supplier: string;
  amount: string;
  proofKind: ProofKind | '';
  proofNumber: string;
  proofDate: string;
  cashRegisterEntry: string;
}
export interface BeneficiaryForm {
  unitId: string;
  count: string;
  serviceDays: string;
  nominalList: NominalEntry[];
}
export interface OtherFundingForm {
  unitId: string;
  source: string;
  amount: string;
}
export interface SettlementForm {
  beneficiaries: BeneficiaryForm[];
  expenses: ExpenseForm[];
  otherFunding: OtherFundingForm[];
}

const leiText = (amount: number | undefined) => (amount === undefined ? '' : formatDecimal(amount / 100));

export function settlementForm(s: Pick<MonthlySettlement, 'beneficiaries' | 'expenses' | 'otherFunding'>, unitIds: readonly string[]): SettlementForm {
  return {
    beneficiaries: unitIds.map((unitId) => {
      const b = s.beneficiaries.find((x) => x.unitId === unitId);
      return { unitId, count: b ? String(b.count) : '', serviceDays: b?.serviceDays !== undefined ? String(b.serviceDays) : '', nominalList: b?.nominalList ?? [] };
    }),
    expenses: s.expenses.map((l) => ({
      id: l.id, unitId: l.unitId, category: l.category, documentType: l.documentType, documentNumber: l.documentNumber, documentDate: formatRoDate(l.documentDate), supplier: l.supplier,
      amount: leiText(l.amount), proofKind: l.proof?.kind ?? '', proofNumber: l.proof?.number ?? '', proofDate: formatRoDate(l.proof?.date), cashRegisterEntry: l.proof?.cashRegisterEntry ?? '',
    })),
    otherFunding: s.otherFunding.map((f) => ({ unitId: f.unitId, source: f.source, amount: leiText(f.amount) })),
  };
}

export function emptyExpense(id: string, unitId: string, category: string): ExpenseForm {
  return { id, unitId, category, documentType: 'factura', documentNumber: '', documentDate: '', supplier: '', amount: '', proofKind: 'ordin_plata', proofNumber: '', proofDate: '', cashRegisterEntry: '' };
}

export type FormErrors = Record<string, string>;

/**
 * The settlement's entries from the form: numbers, dates and amounts read as typed in Romanian
 * ("1.500,00", "25.02.2025"); each problem keyed by "beneficiaries.<unit>", "expenses.<i>.<field>"
 * or "otherFunding.<i>".
 */
export function settlementFromForm(form: SettlementForm): { value: Pick<MonthlySettlement, 'beneficiaries' | 'expenses' | 'otherFunding'>; errors: FormErrors } {
  const errors: FormErrors = {};
  const beneficiaries: BeneficiariesServed[] = [];
  for (const b of form.beneficiaries) {
    if (b.count.trim() === '' && b.serviceDays.trim() === '' && b.nominalList.length === 0) continue;
    const count = Number(b.count.trim());
    if (!/^\d+$/.test(b.count.trim())) {
      errors[`beneficiaries.${b.unitId}`] = 'Numărul de beneficiari trebuie să fie un număr întreg.';
      continue;
    }
    const days = b.serviceDays.trim();
    if (days !== '' && !/^\d+$/.test(days)) {
      errors[`beneficiaries.${b.unitId}`] = 'Zilele de serviciu trebuie să fie un număr întreg.';
      continue;
    }
    beneficiaries.push({ unitId: b.unitId, count, ...(days !== '' ? { serviceDays: Number(days) } : {}), ...(b.nominalList.length > 0 ? { nominalList: b.nominalList } : {}) });
  }
  const expenses: ExpenseLine[] = [];
  form.expenses.forEach((l, i) => {
    const key = `expenses.${i}`;
    const amount = parseLei(l.amount);
    const date = parseDate(l.documentDate, 'Data documentului');
    if (!cleanText(l.documentNumber)) errors[`${key}.documentNumber`] = 'Numărul documentului lipsește.';
    if (!date.ok) errors[`${key}.documentDate`] = date.message;
    if (!cleanText(l.supplier)) errors[`${key}.supplier`] = 'Furnizorul lipsește.';
    if (amount === undefined || amount <= 0) errors[`${key}.amount`] = 'Suma trebuie să fie pozitivă, în lei (ex. 1.500,00).';
    if (!cleanText(l.category)) errors[`${key}.category`] = 'Categoria lipsește.';
    let proof: ExpenseLine['proof'];
    if (l.proofKind) {
      const proofDate = parseDate(l.proofDate, 'Data plății');
      if (!cleanText(l.proofNumber)) errors[`${key}.proofNumber`] = 'Numărul dovezii de plată lipsește.';
      if (!proofDate.ok) errors[`${key}.proofDate`] = proofDate.message;
      else proof = { kind: l.proofKind, number: cleanText(l.proofNumber), date: proofDate.value, ...(l.cashRegisterEntry.trim() ? { cashRegisterEntry: cleanText(l.cashRegisterEntry) } : {}) };
    }
    if (!date.ok || amount === undefined || amount <= 0) return;
    expenses.push({
      id: l.id, unitId: l.unitId, category: cleanText(l.category), documentType: l.documentType, documentNumber: cleanText(l.documentNumber), documentDate: date.value as IsoDate,
      supplier: cleanText(l.supplier), amount: amount as Bani, ...(proof ? { proof } : {}),
    });
  });
  const otherFunding: OtherFunding[] = [];
  form.otherFunding.forEach((f, i) => {
    const amount = parseLei(f.amount);
    if (!cleanText(f.source) || amount === undefined || amount < 0) errors[`otherFunding.${i}`] = 'Sursa și suma celeilalte finanțări sunt obligatorii.';
    else otherFunding.push({ unitId: f.unitId, source: cleanText(f.source), amount });
  });
  return { value: { beneficiaries, expenses, otherFunding }, errors };
}

/**
 * The form with a unit's nominal list replaced by an imported one. An empty count takes the list's
 * length; a count already typed is kept (the settlement's check then names any difference). The
 * note tells the user what changed.
 */
export function withImportedNominalList(form: SettlementForm, unitId: string, entries: NominalEntry[]): { form: SettlementForm; note: string } {
  const notes: string[] = [];
  const beneficiaries = form.beneficiaries.map((b) => {
    if (b.unitId !== unitId) return b;
    if (b.nominalList.length > 0) notes.push(`lista anterioară (${countOf(b.nominalList.length, 'persoană', 'persoane')}) a fost înlocuită`);
    const typed = b.count.trim();
    if (typed === '') notes.push(`numărul de beneficiari a fost completat cu ${entries.length}`);
    else if (typed !== String(entries.length)) notes.push(`numărul declarat (${typed}) diferă de listă (${entries.length}); corectați-l înainte de salvare`);
    return { ...b, nominalList: entries, count: typed === '' ? String(entries.length) : b.count };
  });
  return { form: { ...form, beneficiaries }, note: notes.length > 0 ? `${notes.join('; ')}.` : '' };
}
