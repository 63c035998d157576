// The monitoring documents opened by LibreOffice and printed to PDF: they open, number their pages
// and keep the Romanian text; the blank checklist prints every box.
import { describe, expect, it } from 'vitest';
import { buildBlankChecklist } from '../../../src/documents/monitoring-blank-checklist';
import { buildMonitoringReport } from '../../../src/documents/monitoring-report';
import { buildMonitoringSummary } from '../../../src/documents/monitoring-summary';
import { checklistsForServiceCode } from '../../../src/monitoring/checklists';
import { renderBlankChecklistDocx } from '../../../templates/docx/monitoring-blank-checklist';
import { renderMonitoringReportDocx } from '../../../templates/docx/monitoring-report';
import { renderMonitoringSummaryXlsx } from '../../../templates/xlsx/monitoring-summary';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { smallestTextPoints } from '../../helpers/print-size';
import { NGO, party, reportInput, settings, visit } from '../documents/monitoring-fixtures';

describe('the monitoring documents through LibreOffice', () => {
  it('converts the report, the blank checklist and the summary to PDF with their text and page numbers', async () => {
    const report = await renderMonitoringReportDocx(buildMonitoringReport(reportInput()));
    const blank = await renderBlankChecklistDocx(buildBlankChecklist({ ...party(), settings, visit: visit(), templates: checklistsForServiceCode('8899 CPDH-I'), printedOn: '2026-11-17' }));
    const summary = await renderMonitoringSummaryXlsx(buildMonitoringSummary({
      settings, year: 2026, asOf: '2026-12-15', visits: [{ unitName: 'Cantina socială „Pâinea noastră”', organizationName: NGO, officers: ['Elena Mureșan'], plannedOn: '2026-11-18', doneOn: '2026-11-18' }],
      findings: [], recommendations: [], overdueUnits: [], suspensions: [],
    }));
    if (!sofficeAvailable()) {
      // CI installs LibreOffice and poppler; only a developer machine without them may pass over this.
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const r = convertToPdf(report, 'raport-monitorizare.docx');
    expect(r.text).toContain('RAPORT DE MONITORIZARE');
    expect(r.text).toContain('Asociația „Șansa Țării Românești”');
    expect(r.text).toContain('2 din 3 puncte (66,7%)');
    expect(r.text).toContain(`Pagina ${r.pageCount} din ${r.pageCount}`);
    const b = convertToPdf(blank, 'lista-verificare.docx');
    expect(b.text).toContain('LISTĂ DE VERIFICARE');
    expect(b.text.split('☐').length - 1).toBe(8 * 4);
    const s = convertToPdf(summary, 'sinteza-monitorizare.xlsx');
    expect(s.text).toContain('SINTEZA ACTIVITĂȚII DE MONITORIZARE');
    expect(s.text).toContain('Elena Mureșan');
    expect(s.pageCount).toBe(6);
    expect(smallestTextPoints(s.pdfPath)).toBeGreaterThanOrEqual(7.95);
  }, 180_000);
});
