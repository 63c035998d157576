import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { termsInForce } from '../../../src/conventions/amendments';
import { blockText, DRAFT_NOTE } from '../../../src/documents/finance-blocks';
import { buildRecoveryNotification, buildYearEndStatement } from '../../../src/documents/year-end-statement';
import { bani } from '../../../src/money';
import { recordRepayment, recoveryRecord, yearEndStatement } from '../../../src/settlements/reconciliation';
import { renderRecoveryNotificationDocx, renderYearEndStatementDocx } from '../../../templates/docx/year-end-statement';
import { reconciliationFixture, settings } from './finance-fixtures';

describe('the year-end statement and the recovery notification', () => {
  const { r, a, b, reconciled } = reconciliationFixture();
  const statement = yearEndStatement(reconciled(a), r.rows);
  const record = recoveryRecord(statement, { reason: 'plată dublă în februarie și plată fără verificare în martie', dueDate: '2026-02-27' });
  if (!record.ok) throw new Error(record.message);
  const terms = termsInForce(a, [], '2025-12-31');

  it('states granted, used, paid and to return: 54.000 paid for 29.000 used leaves 25.000 lei to return', () => {
    const m = buildYearEndStatement({ convention: a, terms, statement, rows: r.rows, settings, mark: { number: '1201', registryDate: '15.01.2026' }, date: '2026-01-15', recovery: record.value });
    expect([m.granted, m.used, m.paid, m.toReturn, m.toPay, m.unused]).toEqual(['240.000,00 lei', '29.000,00 lei', '54.000,00 lei', '25.000,00 lei', '0,00 lei', '211.000,00 lei']);
    const text = blockText(m.blocks);
    expect(text).toContain('Convenția de subvenționare nr. 12 din 15.01.2025 a Asociației „Șansa Țării Românești”, anul 2025');
    expect(text).toContain('Furnizorul a primit cu 25.000,00 lei mai mult decât suma utilizată');
    expect(text).toContain('Termenul de restituire: 27.02.2026.');
    expect(text).toContain('Nu s-a restituit nimic până la data prezentei situații.');
    const table = m.blocks.find((x) => x.kind === 'table')!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.table.rows).toHaveLength(12);
    expect(table.table.rows[1]).toEqual(['februarie', 'plătit', '15.000,00 lei', '18.000,00 lei', '15.000,00 lei', '30.000,00 lei']);
    expect(table.table.totals![0]!.slice(4)).toEqual(['29.000,00 lei', '54.000,00 lei']);
  });

  it('shows what was repaid and what is still owed', () => {
    const repaid = recordRepayment(record.value, { on: '2026-02-10', amount: bani(1_000_000) });
    if (!repaid.ok) throw new Error(repaid.message);
    const text = blockText(buildYearEndStatement({ convention: a, terms, statement, rows: r.rows, settings, mark: {}, recovery: repaid.value }).blocks);
    expect(text).toContain('Restituit până acum: 10.000,00 lei (ultima plată la 10.02.2026); rămas de restituit: 15.000,00 lei.');
  });

  it('says there is nothing to return when the paid sums were used (convention 40: 12.000 lei of 90.000)', () => {
    const other = yearEndStatement(reconciled(b), r.rows);
    const text = blockText(buildYearEndStatement({ convention: b, terms: termsInForce(b, [], '2025-12-31'), statement: other, rows: r.rows, settings, mark: {} }).blocks);
    expect(text).toContain('Nu există sume de restituit și nici sume rămase de plată.');
    expect(text).toContain('Suma de 78.000,00 lei din valoarea convenției nu a fost utilizată și se eliberează din angajamentul bugetar.');
  });

  it('notifies the provider of the amount, the reason, the term and the account', () => {
    const n = buildRecoveryNotification({ convention: a, statement, recovery: record.value, settings, mark: { number: '1202', registryDate: '15.01.2026' }, refundAccount: 'RO12TREZ2165006XXX000000 (Trezoreria Cluj-Napoca)', statementRef: 'nr. 1201 din 15.01.2026' });
    const text = blockText(n.blocks);
    expect(n.addressee).toEqual({ name: 'Asociația „Șansa Țării Românești”', address: '', representative: 'Președinte Ion Țăranu' });
    expect(text).toContain('situației finale nr. 1201 din 15.01.2026');
    expect(text).toContain('aveți de restituit la bugetul local al Municipiului Cluj-Napoca suma de 25.000,00 lei.');
    expect(text).toContain('Motivul: plată dublă în februarie și plată fără verificare în martie');
    expect(text).toContain('până la data de 27.02.2026 inclusiv, în contul RO12TREZ2165006XXX000000 (Trezoreria Cluj-Napoca)');
  });

  it('renders both as DOCX, with the draft note when unnumbered', async () => {
    const read = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    const statementBody = await read(await renderYearEndStatementDocx(buildYearEndStatement({ convention: a, terms, statement, rows: r.rows, settings, mark: {} })));
    expect(statementBody).toContain(DRAFT_NOTE);
    expect(statementBody).toContain('SITUAȚIA FINALĂ');
    const letter = await read(await renderRecoveryNotificationDocx(buildRecoveryNotification({ convention: a, statement, recovery: record.value, settings, mark: {} })));
    expect(letter).toContain('Către');
    expect(letter).toContain('în contul comunicat de Direcția Economică');
  });
});
