import type { FollowUpLetter } from '../../src/documents/monitoring-follow-up-letter';
import { renderFinanceDocx } from './finance-common';

/** The follow-up letter to the NGO as a DOCX: a letter with the open recommendations and their deadlines. */
export function renderFollowUpLetterDocx(model: FollowUpLetter): Promise<Uint8Array> {
  return renderFinanceDocx(model);
}
