import type { PaymentProposal } from '../../src/documents/payment-proposal';
import { renderFinanceDocx } from './finance-common';

/** The monthly payment proposal as a DOCX: A4 landscape, one row per convention, totals, signatures. */
export function renderPaymentProposalDocx(model: PaymentProposal): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}
