import { describe, expect, it } from 'vitest';
import { checkScoreWorkbook, SCORE_WORKBOOK_FORMAT, type RawScoreRow, type RawScoreWorkbook } from '../../../src/commission/score-import';
import { gridFingerprint } from '../../../src/commission/scoring-grid';
import { grid, importContext } from '../documents/member-fixtures';

// A workbook as readScoreWorkbook returns it, for Cristina Mureșan (m3), who scores all three requests.
function workbook(rows: Partial<RawScoreRow>[], meta: Partial<Extract<RawScoreWorkbook, { sheetName: string }>['meta']> = {}): RawScoreWorkbook {
  return {
    sheetName: 'Punctaje',
    labelColumn: 'B',
    commentColumn: 'I',
    columns: [
      { code: 'A', column: 'D', header: 'A. Experiența organizației' },
      { code: 'B1', column: 'E', header: 'B1. Calitatea serviciilor — Personal' },
      { code: 'B2', column: 'F', header: 'B2. Calitatea serviciilor — Spații' },
      { code: 'C', column: 'G', header: 'C. Costuri și beneficiari' },
    ],
    meta: {
      format: SCORE_WORKBOOK_FORMAT, formatVersion: 1, sessionId: 'sesiune-1', roundId: 'runda-2027', memberId: 'm3', memberName: 'Cristina Mureșan',
      gridId: 'grila-test', gridName: 'Grilă de test', gridFingerprint: gridFingerprint(grid()), requestIds: ['r1', 'r2', 'r3'], itemCodes: ['A', 'B1', 'B2', 'C'],
      generatedAt: '2026-10-15T09:30:00.000Z', ...meta,
    },
    rows: rows.map((r, i) => ({ rowNumber: 7 + i, requestId: 'r1', label: '4/2026', points: { A: null, B1: null, B2: null, C: null }, comment: null, ...r })),
  };
}

describe('checking an imported score workbook', () => {
  it('turns a complete row into a submitted sheet, a partial row into a draft, and skips a blank row', () => {
    const result = checkScoreWorkbook(
      workbook([
        { points: { A: 27.5, B1: 8, B2: '7,25', C: 41 }, comment: 'Bine documentat.' },
        { rowNumber: 8, requestId: 'r2', label: '7/2026', points: { A: null, B1: null, B2: null, C: null } },
        { rowNumber: 9, requestId: 'r3', label: '9/2026', points: { A: 12, B1: null, B2: null, C: null } },
      ]),
      importContext({ expectedMemberId: 'm3', importedAt: '2026-10-21T08:00:00.000Z' }),
    );
    expect(result.problems).toEqual([]);
    expect(result.blankRows).toEqual([8]);
    expect(result.sheets).toEqual([
      {
        sessionId: 'sesiune-1', roundId: 'runda-2027', memberId: 'm3', requestId: 'r1', gridId: 'grila-test', gridFingerprint: gridFingerprint(grid()),
        points: { A: 27.5, B1: 8, B2: 7.25, C: 41 }, comment: 'Bine documentat.', source: 'import_xlsx', state: 'trimisa', submittedAt: '2026-10-21T08:00:00.000Z', reopenings: [],
      },
      expect.objectContaining({ requestId: 'r3', points: { A: 12 }, state: 'ciorna', submittedAt: undefined }),
    ]);
  });

  it('imports nothing when one cell is wrong, and points at each wrong cell with its row and column', () => {
    const result = checkScoreWorkbook(
      workbook([
        { points: { A: 31, B1: 'zece', B2: 7.125, C: 40 } },
        { rowNumber: 8, requestId: 'r3', label: '9/2026', points: { A: 10, B1: 5, B2: 5, C: 20 } },
      ]),
      importContext(),
    );
    expect(result.sheets).toEqual([]);
    expect(result.problems).toEqual([
      { sheet: 'Punctaje', row: 7, column: 'D', value: '31', reason: 'Cererea 4/2026: Criteriul „A”: punctajul trebuie să fie între 0 și 30,00.' },
      { sheet: 'Punctaje', row: 7, column: 'E', value: 'zece', reason: 'Cererea 4/2026: Criteriul „B1”: valoarea „zece” nu este un număr.' },
      { sheet: 'Punctaje', row: 7, column: 'F', value: '7.125', reason: 'Cererea 4/2026: Criteriul „B2”: valoarea are mai mult de două zecimale.' },
    ]);
  });

  it('refuses a workbook of another member when importing for a chosen one', () => {
    const result = checkScoreWorkbook(workbook([{ points: { A: 1, B1: 1, B2: 1, C: 1 } }]), importContext({ expectedMemberId: 'm1' }));
    expect(result.sheets).toEqual([]);
    expect(result.problems).toEqual([
      { sheet: '', row: null, column: null, value: 'Cristina Mureșan', reason: 'Registrul este al membrului Cristina Mureșan, nu al membrului Ana Pop. Importați fișierul completat de Ana Pop.' },
    ]);
  });

  it('refuses a workbook made for another session', () => {
    const { problems } = checkScoreWorkbook(workbook([], { sessionId: 'sesiune-2' }), importContext());
    expect(problems[0]!.reason).toMatch(/^Registrul \(generat la .*\) a fost generat pentru altă ședință a comisiei/);
  });

  it('refuses a workbook made on a grid that changed since, naming the grid', () => {
    const changed = grid({ criteria: grid().criteria.map((c) => (c.code === 'A' ? { ...c, maxPoints: 25 } : c.code === 'C' ? { ...c, maxPoints: 55 } : c)) });
    const { problems, sheets } = checkScoreWorkbook(workbook([{ points: { A: 27, B1: 8, B2: 7, C: 41 } }]), importContext({ grid: changed }));
    expect(sheets).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(/^Grila „Grilă de test” s-a schimbat \(criterii sau punctaje maxime\) după generarea registrului/);
    expect(problems[0]!.reason).toContain('Generați un registru nou pentru Cristina Mureșan.');
  });

  it('refuses a request the member is recused from, one no longer on the agenda, an unknown id and a row added by hand', () => {
    const points = { A: 10, B1: 5, B2: 5, C: 20 };
    const bogdan = workbook(
      [
        { requestId: 'r2', label: '7/2026', points },
        { rowNumber: 8, requestId: 'r3', label: '9/2026', points },
        { rowNumber: 9, requestId: 'r-necunoscut', label: '99/2026', points },
        { rowNumber: 10, requestId: '', label: '', points },
      ],
      { memberId: 'm2', memberName: 'Bogdan Rus', requestIds: ['r1', 'r2'] },
    );
    const context = importContext({ session: { ...importContext().session, agenda: ['r1', 'r2'] } });
    const { problems, sheets } = checkScoreWorkbook(bogdan, context);
    expect(sheets).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.reason])).toEqual([
      [7, 'B', 'Cererea 7/2026 (Fundația „Lumina” Cluj) nu poate fi punctată de Bogdan Rus: Recuzat: Bogdan Rus are calitatea de fondator al organizației „Fundația «Lumina» Cluj”.'],
      [8, 'B', 'Cererea 9/2026 (Asociația „Pâine și Îngrijire”) nu poate fi punctată de Bogdan Rus: Cererea nu este pe ordinea de zi a ședinței.'],
      [9, 'A', 'Cererea cu identificatorul „r-necunoscut” nu există în evidența rundei.'],
      [10, 'B', 'Rândul nu are identificatorul cererii (coloana ascunsă A): a fost adăugat de mână. Completați doar rândurile generate de aplicație.'],
    ]);
  });

  it('does not overwrite a submitted sheet with other points, and passes over one with the same points', () => {
    const row = { points: { A: 20, B1: 5, B2: 5, C: 30 } };
    const existing = { memberId: 'm3', requestId: 'r1', sessionId: 'sesiune-1', state: 'trimisa' as const, points: { A: 20, B1: 5, B2: 5, C: 30 }, comment: '' };
    expect(checkScoreWorkbook(workbook([row]), importContext({ existingSheets: [existing] }))).toEqual({ sheets: [], problems: [], blankRows: [] });
    const changed = checkScoreWorkbook(workbook([{ points: { ...row.points, C: 35 } }]), importContext({ existingSheets: [existing] }));
    expect(changed.problems[0]!.reason).toMatch(/este deja trimisă și blocată; secretarul o poate redeschide/);
  });

  it('reports a file that is not a workbook of the app as a problem of the file', () => {
    expect(checkScoreWorkbook({ problem: 'Fișierul nu este un registru de punctaje.' }, importContext())).toEqual({
      sheets: [], problems: [{ sheet: '', row: null, column: null, value: '', reason: 'Fișierul nu este un registru de punctaje.' }], blankRows: [],
    });
  });
});
