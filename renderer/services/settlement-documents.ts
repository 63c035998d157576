// The finance documents of the settlements screen: the verification note of a month (an issued act,
// nota_verificare_decont, about the settlement) and the monthly payment proposal for all NGOs
// (propunere_plata, about the month).
import { budgetLine, DEFAULT_BUDGET_CLASSIFICATION } from '../../src/conventions/payment-plan';
import type { Convention } from '../../src/conventions/convention';
import { describeIssued, fileSlug } from '../../src/documents/issued-document';
import { buildPaymentProposal, type PaymentProposalItem } from '../../src/documents/payment-proposal';
import { buildRecoveryNotification, buildYearEndStatement } from '../../src/documents/year-end-statement';
import { yearEndStatement } from '../../src/settlements/reconciliation';
import { buildVerificationNote } from '../../src/documents/settlement-verification';
import { MONTH_NAMES, type Month } from '../../src/requests/subsidy-request';
import { todayIso } from '../../src/validation/dates';
import { DomainError } from '../../src/errors';
import { monthLabel, type MonthlySettlement } from '../../src/settlements/monthly-settlement';
import type { Store } from '../db/store';
import { FILTERS, saveFile } from '../platform/files';
import type { DocumentToIssue } from './issued-documents';
import { yearReconciliation } from './settlements';

const monthStart = (s: Pick<MonthlySettlement, 'year' | 'month'>) => `${s.year}-${String(s.month).padStart(2, '0')}-01`;

/** The verification note of a verified month, from what the verification froze (never a recomputation). */
export function verificationNoteDocument(store: Store, convention: Convention, settlement: MonthlySettlement): DocumentToIssue {
  return {
    kind: 'nota_verificare_decont',
    organizationId: convention.provider.organizationId,
    conventionId: convention.id,
    settlementId: settlement.id,
    title: `Notă de verificare a decontului — convenția nr. ${convention.number}, ${monthLabel(settlement.year, settlement.month)}`,
    addressee: convention.provider.name,
    stem: `nota-verificare-decont-conventia-${fileSlug(convention.number)}-${settlement.year}-${String(settlement.month).padStart(2, '0')}`,
    async render(date, mark) {
      const due = settlement.verification?.due;
      if (!due) throw new DomainError('Decontul nu este verificat: nota de verificare se emite după „bun de plată”.');
      const [{ renderVerificationNoteDocx }, settings, terms] = await Promise.all([
        import('../../templates/docx/settlement-verification'),
        store.settings.getInstitution(),
        store.conventions.terms(convention.id, monthStart(settlement)),
      ]);
      // Whether the month can be approved is read now: a suspension recorded after verification counts.
      const suspensionReasons = await store.settlements.suspensionReasons(settlement);
      const model = buildVerificationNote({ convention, terms, settlement, due: { ...due, suspensionReasons }, settings, mark, date });
      return { bytes: await renderVerificationNoteDocx(model), model };
    },
  };
}

/**
 * What each ordonanțare of the month needs: the verified months (bun de plată, not yet ordonanțate)
 * of every convention, with the payee, the verification note and the budget line; a suspended month
 * is listed apart with its reason.
 */
export async function paymentProposalItems(store: Store, year: number, month: Month): Promise<PaymentProposalItem[]> {
  const [conventions, settlements] = await Promise.all([store.conventions.listByYear(year), store.settlements.listByYear(year)]);
  const due = settlements.filter((s) => s.month === month && s.state === 'verificat');
  const byId = new Map(conventions.map((c) => [c.id, c]));
  const commitments = await store.conventions.commitmentsOf(due.map((s) => s.conventionId));
  return Promise.all(due.map(async (s) => {
    const c = byId.get(s.conventionId)!;
    const [note, reasons] = await Promise.all([store.issuedDocuments.inForce(verificationNoteDocument(store, c, s)), store.settlements.suspensionReasons(s)]);
    return {
      conventionId: c.id, organizationName: c.provider.name, cui: c.provider.cui, iban: c.provider.iban, bankName: c.provider.bankName, conventionNumber: c.number, conventionDate: c.date,
      month, amount: s.verification!.admitted, verificationNote: note ? describeIssued(note) : 'neemisă',
      budgetLine: budgetLine(commitments.get(c.id)?.classification ?? DEFAULT_BUDGET_CLASSIFICATION),
      ...(reasons.length > 0 ? { blockedReason: reasons.join('; ') } : {}),
    };
  }));
}

const periodOf = (year: number, month: Month) => `${year}-${String(month).padStart(2, '0')}`;

/** The monthly payment proposal for all NGOs, an issued act about the month (DOCX; the XLSX is a copy of the same model). */
export function paymentProposalDocument(store: Store, year: number, month: Month): DocumentToIssue {
  return {
    kind: 'propunere_plata',
    period: periodOf(year, month),
    title: `Propunere de plată a subvențiilor — ${MONTH_NAMES[month - 1]} ${year}`,
    addressee: 'Direcția Economică',
    stem: `propunere-plata-${periodOf(year, month)}`,
    async render(date, mark) {
      const [{ renderPaymentProposalDocx }, settings, items] = await Promise.all([import('../../templates/docx/payment-proposal'), store.settings.getInstitution(), paymentProposalItems(store, year, month)]);
      const model = buildPaymentProposal({ year, month, items, settings, mark, date });
      return { bytes: await renderPaymentProposalDocx(model), model };
    },
  };
}

/** The proposal as a workbook for finance: from the issued document's stored model when issued, else a draft of today. */
export async function downloadPaymentProposalXlsx(store: Store, year: number, month: Month): Promise<boolean> {
  const doc = paymentProposalDocument(store, year, month);
  const [{ renderPaymentProposalXlsx }, issued] = await Promise.all([import('../../templates/xlsx/payment-proposal'), store.issuedDocuments.inForce(doc)]);
  let model;
  if (issued) model = JSON.parse(issued.sourceData) as ReturnType<typeof buildPaymentProposal>;
  else {
    const [settings, items] = await Promise.all([store.settings.getInstitution(), paymentProposalItems(store, year, month)]);
    model = buildPaymentProposal({ year, month, items, settings, mark: { number: '', registryNote: 'CIORNĂ — propunere neemisă, fără număr de înregistrare.' }, date: todayIso() });
  }
  const bytes = await renderPaymentProposalXlsx(model);
  return saveFile(`${issued ? '' : 'ciorna-'}propunere-plata-${periodOf(year, month)}${issued ? `-nr-${fileSlug(issued.number)}` : ''}.xlsx`, bytes, FILTERS.xlsx);
}

/** The year's reconciliation workbook for finance (a plain download, computed as of today). */
export async function downloadReconciliationXlsx(store: Store, year: number): Promise<boolean> {
  const asOf = todayIso();
  const [{ renderReconciliationXlsx }, settings] = await Promise.all([import('../../templates/xlsx/reconciliation'), store.settings.getInstitution()]);
  const { reconciliation } = await yearReconciliation(store, year, asOf);
  const bytes = await renderReconciliationXlsx(reconciliation, { year, settings, generatedOn: asOf });
  return saveFile(`reconciliere-subventii-${year}-${asOf}.xlsx`, bytes, FILTERS.xlsx);
}

/** The year-end statement of a convention (situatie_finala), from the year's reconciliation as of the issue date. */
export function yearEndStatementDocument(store: Store, convention: Convention): DocumentToIssue {
  return {
    kind: 'situatie_finala',
    organizationId: convention.provider.organizationId,
    conventionId: convention.id,
    title: `Situația finală — convenția nr. ${convention.number}, ${convention.year}`,
    addressee: convention.provider.name,
    stem: `situatia-finala-conventia-${fileSlug(convention.number)}-${convention.year}`,
    async render(date, mark) {
      const [{ renderYearEndStatementDocx }, settings, terms, { reconciliation, conventions }, recoveries] = await Promise.all([
        import('../../templates/docx/year-end-statement'),
        store.settings.getInstitution(),
        store.conventions.terms(convention.id),
        yearReconciliation(store, convention.year, date),
        store.payments.recoveries.listByYear(convention.year),
      ]);
      const reconciled = conventions.find((c) => c.conventionId === convention.id)!;
      const recovery = recoveries.find((r) => r.conventionId === convention.id);
      const model = buildYearEndStatement({ convention, terms, statement: yearEndStatement(reconciled, reconciliation.rows), rows: reconciliation.rows, settings, mark, date, ...(recovery ? { recovery } : {}) });
      return { bytes: await renderYearEndStatementDocx(model), model };
    },
  };
}

/** The notification of the sums to recover (decizie_recuperare), naming the year-end statement in force. */
export function recoveryNotificationDocument(store: Store, convention: Convention): DocumentToIssue {
  return {
    kind: 'decizie_recuperare',
    organizationId: convention.provider.organizationId,
    conventionId: convention.id,
    title: `Notificare privind sumele de recuperat — convenția nr. ${convention.number}, ${convention.year}`,
    addressee: convention.provider.name,
    stem: `notificare-recuperare-conventia-${fileSlug(convention.number)}-${convention.year}`,
    async render(date, mark) {
      const [{ renderRecoveryNotificationDocx }, settings, { reconciliation, conventions }, recoveries, statementDoc] = await Promise.all([
        import('../../templates/docx/year-end-statement'),
        store.settings.getInstitution(),
        yearReconciliation(store, convention.year, date),
        store.payments.recoveries.listByYear(convention.year),
        store.issuedDocuments.inForce(yearEndStatementDocument(store, convention)),
      ]);
      const recovery = recoveries.find((r) => r.conventionId === convention.id);
      if (!recovery) throw new DomainError(`Pentru convenția nr. ${convention.number} nu s-a constatat o sumă de recuperat.`);
      const reconciled = conventions.find((c) => c.conventionId === convention.id)!;
      const model = buildRecoveryNotification({
        convention, statement: yearEndStatement(reconciled, reconciliation.rows), recovery, settings, mark, date, ...(statementDoc ? { statementRef: describeIssued(statementDoc) } : {}),
      });
      return { bytes: await renderRecoveryNotificationDocx(model), model };
    },
  };
}

/** The blank settlement forms (annexes of the convention) the NGO fills in: a plain download. */
export async function downloadSettlementForms(store: Store, convention: Convention): Promise<boolean> {
  const [{ renderSettlementFormsDocx }, settings, terms] = await Promise.all([import('../../templates/docx/settlement-forms'), store.settings.getInstitution(), store.conventions.terms(convention.id, todayIso())]);
  const bytes = await renderSettlementFormsDocx({ convention, terms, settings });
  return saveFile(`formulare-decont-conventia-${fileSlug(convention.number)}-${convention.year}.docx`, bytes, FILTERS.docx);
}
