// Reads the year's totals from the two workbooks that must agree: the reconciliation workbook's
// total row ("Reconciliere" sheet, SUM formulas with their cached results) and the annual report's
// summary sheet ("Sinteză"), both in lei. Used by the unit test and the e2e test.
import ExcelJS from 'exceljs';

export type TotalKey = 'contracted' | 'claimed' | 'admitted' | 'approved' | 'paid';

const RECONCILIATION_HEADERS: Record<TotalKey, string> = {
  contracted: 'Contractat', claimed: 'Solicitat', admitted: 'Admis (lichidat)', approved: 'Aprobat (ordonanțat)', paid: 'Plătit',
};
const ANNUAL_LABELS: Record<TotalKey, string> = {
  contracted: 'Sume contractate', claimed: 'Sume solicitate prin deconturi', admitted: 'Sume admise la decontare (lichidate)', approved: 'Sume ordonanțate', paid: 'Sume plătite',
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const numberOf = (value: ExcelJS.CellValue): number => {
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'result' in value) return Number(value.result);
  throw new Error(`not a number: ${JSON.stringify(value)}`);
};

/** The total row of the reconciliation workbook, in lei. */
export async function reconciliationTotals(bytes: Uint8Array): Promise<Record<TotalKey, number>> {
  const sheet = (await load(bytes)).getWorksheet('Reconciliere');
  if (!sheet) throw new Error('no "Reconciliere" sheet');
  let header: ExcelJS.Row | undefined;
  let total: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!header && row.getCell(1).value === 'Nr.') header = row;
    if (header && !total && row.getCell(3).value === 'Total') total = row;
  });
  if (!header || !total) throw new Error('no header or total row');
  const column = (name: string) => {
    let found = 0;
    header!.eachCell((cell, n) => {
      if (cell.value === name) found = n;
    });
    if (!found) throw new Error(`no column ${name}`);
    return found;
  };
  return Object.fromEntries((Object.keys(RECONCILIATION_HEADERS) as TotalKey[]).map((k) => [k, numberOf(total!.getCell(column(RECONCILIATION_HEADERS[k])).value)])) as Record<TotalKey, number>;
}

/** The totals of the annual report's summary sheet, in lei. */
export async function annualReportTotals(bytes: Uint8Array): Promise<Record<TotalKey, number>> {
  const sheet = (await load(bytes)).getWorksheet('Sinteză');
  if (!sheet) throw new Error('no "Sinteză" sheet');
  const byLabel = new Map<string, number>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && typeof row.getCell(2).value === 'number') byLabel.set(label, row.getCell(2).value as number);
  });
  return Object.fromEntries((Object.keys(ANNUAL_LABELS) as TotalKey[]).map((k) => {
    const v = byLabel.get(ANNUAL_LABELS[k]);
    if (v === undefined) throw new Error(`no row ${ANNUAL_LABELS[k]}`);
    return [k, v];
  })) as Record<TotalKey, number>;
}
