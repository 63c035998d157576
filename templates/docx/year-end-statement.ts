import type { RecoveryNotification, YearEndStatementDocument } from '../../src/documents/year-end-statement';
import { renderFinanceDocx } from './finance-common';

/** The year-end statement of a convention as a DOCX: A4 portrait, the months with totals, signatures. */
export function renderYearEndStatementDocx(model: YearEndStatementDocument): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}

/** The recovery notification (decizie_recuperare) as a DOCX letter to the provider. */
export function renderRecoveryNotificationDocx(model: RecoveryNotification): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}
