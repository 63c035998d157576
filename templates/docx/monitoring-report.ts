import type { MonitoringReport } from '../../src/documents/monitoring-report';
import { renderMonitoringDocx } from './monitoring-common';

/** The visit report as a DOCX: A4 portrait, the checklist by module, the team's and the NGO's signatures. */
export function renderMonitoringReportDocx(model: MonitoringReport): Promise<Uint8Array> {
  return renderMonitoringDocx(model);
}
