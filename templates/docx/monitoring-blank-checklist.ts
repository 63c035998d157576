import type { BlankChecklist } from '../../src/documents/monitoring-blank-checklist';
import { renderMonitoringDocx } from './monitoring-common';

/** The paper checklist as a DOCX: every requirement with empty boxes and room for the evidence. */
export function renderBlankChecklistDocx(model: BlankChecklist): Promise<Uint8Array> {
  return renderMonitoringDocx(model);
}
