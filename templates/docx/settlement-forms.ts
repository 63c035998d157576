import { buildSettlementForms, type SettlementFormsInput } from '../../src/documents/settlement-forms';
import { a4Section, createDocument, toBytes } from './common';
import { financeContent } from './finance-common';

/**
 * The blank annexes the NGO fills in each month, in one DOCX: the monthly settlement and the
 * nominal list (A4 portrait) and the expense statement (A4 landscape), each from a new page.
 */
export async function renderSettlementFormsDocx(input: SettlementFormsInput): Promise<Uint8Array> {
  const forms = buildSettlementForms(input);
  const sections = forms.annexes.map((annex) => a4Section(annex.orientation, financeContent(annex)));
  return toBytes(createDocument(`Formulare de decont — Convenția nr. ${input.convention.number}`, sections));
}
