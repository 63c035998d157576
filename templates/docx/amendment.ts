import type { AmendmentDocument } from '../../src/documents/amendment-document';
import { renderFinanceDocx } from './finance-common';

/** The act adițional as a DOCX: A4 portrait, the before/after table, both parties' signatures. */
export function renderAmendmentDocx(model: AmendmentDocument): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}
