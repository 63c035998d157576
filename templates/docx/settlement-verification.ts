import type { VerificationNote } from '../../src/documents/settlement-verification';
import { renderFinanceDocx } from './finance-common';

/** The verification note ("bun de plată") as a DOCX: A4 portrait, întocmit / verificat / aprobat. */
export function renderVerificationNoteDocx(model: VerificationNote): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}
