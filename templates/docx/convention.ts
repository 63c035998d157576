import type { ConventionDocument } from '../../src/documents/convention-document';
import { renderFinanceDocx } from './finance-common';

/** The convenție de subvenționare as a DOCX: A4 portrait, page numbers, both parties' signatures, the CFP visa line. */
export function renderConventionDocx(model: ConventionDocument): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}
