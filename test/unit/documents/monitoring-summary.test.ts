import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildMonitoringSummary, summaryPeriod, type MonitoringSummaryInput } from '../../../src/documents/monitoring-summary';
import { renderMonitoringSummaryXlsx } from '../../../templates/xlsx/monitoring-summary';
import { NGO, settings } from './monitoring-fixtures';

const input = (over: Partial<MonitoringSummaryInput> = {}): MonitoringSummaryInput => ({
  settings,
  year: 2026,
  quarter: 4,
  asOf: '2026-12-15',
  visits: [
    { unitName: 'Cantina socială „Pâinea noastră”', organizationName: NGO, officers: ['Elena Mureșan', 'Andrei Șerban'], plannedOn: '2026-11-18', doneOn: '2026-11-18' },
    { unitName: 'Centrul de zi „Bucuria”', organizationName: NGO, officers: ['Elena Mureșan'], plannedOn: '2026-12-20' },
    // Planned and done in the third quarter: not this quarter's.
    { unitName: 'Centrul de zi „Bucuria”', organizationName: NGO, officers: ['Elena Mureșan'], plannedOn: '2026-09-10', doneOn: '2026-09-10' },
  ],
  findings: [
    { unitName: 'Cantina socială „Pâinea noastră”', foundOn: '2026-11-18', severity: 'majoră', checklist: 'Obligațiile din convenție', standardCode: 'OC-S1' },
    { unitName: 'Cantina socială „Pâinea noastră”', foundOn: '2026-11-18', severity: 'minoră', checklist: 'Ord. MMJS nr. 29/2019, anexa nr. 9', standardCode: 'M.I-S1' },
    { unitName: 'Cantina socială „Pâinea noastră”', foundOn: '2026-11-18', severity: 'gravă', checklist: 'Obligațiile din convenție', standardCode: 'OC-S1' },
    // Found in the third quarter: not counted.
    { unitName: 'Centrul de zi „Bucuria”', foundOn: '2026-09-10', severity: 'gravă', checklist: 'Ord. MMJS nr. 29/2019, anexa nr. 6', standardCode: 'M.II-S4' },
  ],
  recommendations: [
    { unitName: 'Cantina', organizationName: NGO, text: 'Corectarea decontului', responsible: 'Ion Țăranu', deadline: '2026-12-10' },
    { unitName: 'Cantina', organizationName: NGO, text: 'Pliantul', responsible: 'Maria Ilieș', deadline: '2027-01-15' },
    { unitName: 'Cantina', organizationName: NGO, text: 'Registrul', responsible: 'Ion Țăranu', deadline: '2026-11-30', closedOn: '2026-11-28' },
  ],
  overdueUnits: [{ unitName: 'Centrul de zi „Bucuria”', organizationName: NGO, lastVisit: '2026-03-02', dueBy: '2026-09-02' }],
  suspensions: [{ organizationName: NGO, conventionNumber: '17', from: '2026-11-01', decision: 'Decizia nr. 45 din 25.11.2026', reason: 'constatare gravă la vizita din 18.11.2026' }],
  ...over,
});

describe('the monitoring summary', () => {
  const model = buildMonitoringSummary(input());
  const sheet = (name: string) => model.sheets.find((s) => s.name === name)!;

  it('covers the quarter, or the whole year', () => {
    expect(summaryPeriod(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(summaryPeriod(2026, 3)).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(summaryPeriod(2026)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: 'anul 2026' });
    expect(model.subtitle).toBe('trimestrul IV 2026 (octombrie – decembrie): 01.10.2026 – 31.12.2026; situația la 15.12.2026');
  });

  it('counts visits planned and done per officer and unit, within the period only', () => {
    expect(sheet('Vizite').rows).toEqual([
      ['Andrei Șerban', 'Cantina socială „Pâinea noastră”', NGO, 1, 1, 0],
      ['Elena Mureșan', 'Cantina socială „Pâinea noastră”', NGO, 1, 1, 0],
      ['Elena Mureșan', 'Centrul de zi „Bucuria”', NGO, 1, 0, 1],
    ]);
  });

  it('counts findings by type and standard, follow-ups open / closed / overdue, and lists overdue units and suspensions', () => {
    expect(sheet('Constatări').rows).toEqual([
      ['Obligațiile din convenție', 'OC-S1', 0, 1, 1, 2],
      ['Ord. MMJS nr. 29/2019, anexa nr. 9', 'M.I-S1', 1, 0, 0, 1],
      ['Total', '', 1, 1, 1, 3],
    ]);
    expect(sheet('Urmărire').rows.map((r) => [r[2], r[5]])).toEqual([['Registrul', 'închisă'], ['Corectarea decontului', 'termen depășit'], ['Pliantul', 'deschisă']]);
    expect(Object.fromEntries(sheet('Sinteză').rows.map((r) => [r[0], r[1]]))).toMatchObject({
      'Vizite planificate în perioadă': 2, 'Vizite efectuate în perioadă': 1, 'Recomandări deschise (în termen)': 1, 'Recomandări închise': 1, 'Recomandări cu termen depășit': 1,
      'Unități cu vizită restantă': 1, 'Suspendări ale plăților în perioadă': 1, 'Constatări de gravitate gravă': 1,
    });
    expect(sheet('Unități restante').rows).toEqual([['Centrul de zi „Bucuria”', NGO, { date: '2026-03-02' }, { date: '2026-09-02' }]]);
    expect(sheet('Suspendări').rows[0]!.slice(3)).toEqual(['în curs', 'Decizia nr. 45 din 25.11.2026', '—', 'constatare gravă la vizita din 18.11.2026']);
  });

  it('writes one sheet per table, dates as dates, on A4 with page numbers and the signatures on the overview', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderMonitoringSummaryXlsx(model)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sinteză', 'Vizite', 'Constatări', 'Urmărire', 'Unități restante', 'Suspendări']);
    const overdue = workbook.getWorksheet('Unități restante')!;
    const values = overdue.getSheetValues().flat().filter((v) => v instanceof Date) as Date[];
    expect(values.map((d) => d.toISOString().slice(0, 10))).toEqual(['2026-03-02', '2026-09-02']);
    expect(overdue.pageSetup.paperSize).toBe(9);
    expect(overdue.headerFooter.oddFooter).toContain('Pagina &P din &N');
    const overviewText = workbook.getWorksheet('Sinteză')!.getSheetValues().flat().map(String).join(' ');
    expect(overviewText).toContain('Aprobat,');
    expect(overviewText).toContain('Maria Pop');
    expect(model.signatures.at(-1)).toEqual({ role: 'Întocmit', title: 'Inspector', name: 'Elena Mureșan' });
    expect(overviewText).toContain('Direcția de Asistență Socială și Medicală Cluj-Napoca');
    const empty = await renderMonitoringSummaryXlsx(buildMonitoringSummary(input({ suspensions: [] })));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(empty as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('Suspendări')!.getSheetValues().flat().map(String).join(' ')).toContain('Nicio suspendare în perioadă.');
  });
});
