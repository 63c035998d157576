import { describe, expect, it } from 'vitest';
import type { CellValue, RawTable } from '../../../src/import/raw-table';
import { readNominalList } from '../../../src/settlements/nominal-list-import';

// Valid CNPs (check digit worked out by hand with the key 279146358279).
const ANA = '2850312123459';
const ION = '1901010123465';
const MIHAI = '5121212078912';

const sheet = (headers: string[], rows: CellValue[][]): RawTable => ({
  sheet: 'Lista',
  headers,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
  emptyRowsSkipped: 0,
});

describe('reading a nominal list of beneficiaries', () => {
  it('reads name, CNP and days present, keeping only the masked CNP', () => {
    const result = readNominalList(sheet(['Nume și prenume', 'CNP', 'Zile prezent'], [['Ana Pop', ANA, 20], ['Ion  Rus', Number(ION), '18']]), 2025, 2);
    expect(result).toEqual({
      ok: true,
      entries: [
        { name: 'Ana Pop', maskedCnp: '•••••••••3459', daysPresent: 20 },
        { name: 'Ion Rus', maskedCnp: '•••••••••3465', daysPresent: 18 },
      ],
    });
    expect(JSON.stringify(result)).not.toContain(ANA);
    expect(JSON.stringify(result)).not.toContain(ION);
  });

  it('accepts the usual header variants, without diacritics and in another order', () => {
    const result = readNominalList(sheet(['Nr. crt.', 'Zile de prezenta', 'Cod numeric personal', 'NUMELE SI PRENUMELE'], [[1, 3, MIHAI, 'Mihai Lazăr']]), 2025, 3);
    expect(result).toEqual({ ok: true, entries: [{ name: 'Mihai Lazăr', maskedCnp: '•••••••••8912', daysPresent: 3 }] });
  });

  it('refuses a list missing a column as a whole', () => {
    const result = readNominalList(sheet(['Nume', 'CNP'], [['Ana Pop', ANA]]), 2025, 2);
    expect(result).toEqual({ ok: false, issues: [{ row: 1, column: 'Zile prezent', message: 'Lipsește coloana „Zile prezent” (foaia „Lista”).' }] });
  });

  it('names the row, the column and the reason of every bad row, and imports nothing', () => {
    const result = readNominalList(
      sheet(['Nume și prenume', 'CNP', 'Zile prezent'], [
        ['Ana Pop', ANA, 20],
        ['', '2850312123458', 29],
        ['Ion Rus', ION, 12.5],
        ['Dan Pop', null, 5],
      ]),
      2025,
      2,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { row: 3, column: 'A „Nume și prenume”', message: 'Numele beneficiarului lipsește.' },
      { row: 3, column: 'B „CNP”', message: 'CNP-ul are cifra de control greșită.' },
      { row: 3, column: 'C „Zile prezent”', message: 'Zilele de prezență trebuie să fie între 0 și 28 (februarie are 28 de zile).' },
      { row: 4, column: 'C „Zile prezent”', message: 'Zilele de prezență lipsesc sau nu sunt un număr întreg.' },
      { row: 5, column: 'B „CNP”', message: 'CNP-ul lipsește.' },
    ]);
    // The messages never carry a full CNP.
    expect(JSON.stringify(result)).not.toMatch(/\d{13}/);
  });

  it('takes the days of the month from the calendar: 29 in February of a leap year, 31 in March', () => {
    const rows = (days: number) => sheet(['Nume', 'CNP', 'Zile'], [['Ana Pop', ANA, days]]);
    expect(readNominalList(rows(29), 2024, 2).ok).toBe(true);
    expect(readNominalList(rows(29), 2025, 2).ok).toBe(false);
    expect(readNominalList(rows(31), 2025, 3).ok).toBe(true);
    expect(readNominalList(rows(31), 2025, 4).ok).toBe(false);
    expect(readNominalList(rows(-1), 2025, 4).ok).toBe(false);
  });

  it('refuses a CNP written on two rows, naming the earlier row', () => {
    const result = readNominalList(sheet(['Nume și prenume', 'CNP', 'Zile prezent'], [['Ana Pop', ANA, 20], ['Ion Rus', ION, 3], ['Ana Pop', ` ${ANA} `, 4]]), 2025, 2);
    expect(result).toEqual({
      ok: false,
      issues: [{ row: 4, column: 'B „CNP”', message: 'CNP-ul (•••••••••3459) apare și pe rândul 2: o persoană se trece o singură dată în listă.' }],
    });
  });

  it('reports a formula without a value and an empty list', () => {
    const formula = readNominalList(sheet(['Nume', 'CNP', 'Zile'], [['Ana Pop', ANA, { error: '#REF!' }]]), 2025, 2);
    expect(formula).toEqual({ ok: false, issues: [{ row: 2, column: 'C „Zile”', message: 'Celula conține o formulă fără valoare calculată sau o eroare.' }] });
    const empty = readNominalList(sheet(['Nume', 'CNP', 'Zile'], []), 2025, 2);
    expect(empty.ok).toBe(false);
  });
});
