import type { FindingNote } from '../../src/documents/monitoring-finding-note';
import { renderMonitoringDocx } from './monitoring-common';

/** The note of a serious finding as a DOCX: A4 portrait, the proposed measure and its basis, the signatures. */
export function renderFindingNoteDocx(model: FindingNote): Promise<Uint8Array> {
  return renderMonitoringDocx(model);
}
