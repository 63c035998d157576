import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readNominalListFile } from '../../../renderer/services/settlements';

const ANA = '2850312123459';
const ION = '1901010123465';

async function workbook(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Instrucțiuni').addRow(['Completați lista pe foaia următoare.']);
  const sheet = book.addWorksheet('Lista');
  sheet.addRow(['Nume si prenume', 'CNP', 'Zile prezenta']);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('reading a nominal list file', () => {
  it('finds the list sheet of an XLSX and keeps the CNPs masked only', async () => {
    const report = await readNominalListFile('lista.xlsx', await workbook([['Ana Pop', ANA, 20], ['Ion Rus', Number(ION), 21]]), 2025, 4);
    expect(report).toEqual({
      ok: true,
      message: 'Lista nominală din „lista.xlsx”: 2 persoane.',
      entries: [{ name: 'Ana Pop', maskedCnp: '•••••••••3459', daysPresent: 20 }, { name: 'Ion Rus', maskedCnp: '•••••••••3465', daysPresent: 21 }],
    });
    expect(JSON.stringify(report)).not.toMatch(/\d{13}/);
  });

  it('refuses a file with a bad row, giving nothing but its problems', async () => {
    const report = await readNominalListFile('lista.xlsx', await workbook([['Ana Pop', ANA, 20], ['Ion Rus', ION, 31]]), 2025, 4);
    expect(report).toEqual({
      ok: false,
      message: 'Lista nominală din „lista.xlsx” are o problemă; nu s-a preluat nimic. Corectați rândurile și importați din nou.',
      issues: [{ row: 3, column: 'C „Zile prezenta”', message: 'Zilele de prezență trebuie să fie între 0 și 30 (aprilie are 30 de zile).' }],
    });
  });

  it('reports a file that is not a spreadsheet', async () => {
    const report = await readNominalListFile('lista.xlsx', new Uint8Array([1, 2, 3]), 2025, 4);
    expect(report.ok).toBe(false);
  });
});
