import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/import/csv';
import { bani } from '../../../src/money';
import { readPaymentTable } from '../../../src/settlements/payment-import';

describe('reading the accounting export of payments', () => {
  it('finds the columns by their usual headers and reads dates and amounts', () => {
    const table = parseCsv('Data;Nr. OP;Ordonanțare;CUI;Suma\n12.02.2025;501;ORD 1;RO 30000017;12.000,00\n13.03.2025;502;;12/2025;"7.000,50"\n');
    const { rows, issues } = readPaymentTable(table);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { row: 2, date: '2025-02-12', paymentOrderNumber: '501', ordonantareNumber: 'ORD 1', cuiOrConvention: 'RO 30000017', amount: bani(1_200_000) },
      { row: 3, date: '2025-03-13', paymentOrderNumber: '502', ordonantareNumber: '', cuiOrConvention: '12/2025', amount: bani(700_050) },
    ]);
  });

  it('names the row, the column and the reason of each bad row', () => {
    const table = parseCsv('Data plății;Nr. ordin de plată;CUI sau nr. convenție;Suma (lei)\n31.02.2025;501;30000017;100\n12.02.2025;502;30000017;-5\n');
    const { rows, issues } = readPaymentTable(table);
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { row: 2, column: 'A „Data plății”', message: expect.stringMatching(/^Rândul 2: data plății/) },
      { row: 3, column: 'D „Suma (lei)”', message: expect.stringMatching(/^Rândul 3: suma „-5” nu este o sumă pozitivă/) },
    ]);
  });

  it('refuses a file without the amount column as a whole', () => {
    const { rows, issues } = readPaymentTable(parseCsv('Data;CUI\n12.02.2025;30000017\n'));
    expect(rows).toEqual([]);
    expect(issues).toEqual([{ row: 1, column: 'Suma (lei)', message: expect.stringMatching(/Lipsește coloana „Suma \(lei\)”/) }]);
  });
});
