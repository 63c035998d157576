import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScoreWorkbook } from '../../../src/commission/score-import';
import { gridFingerprint } from '../../../src/commission/scoring-grid';
import { partitionByRecusal } from '../../../src/documents/member-documents';
import { buildScoreWorkbook } from '../../../src/documents/score-workbook';
import { readScoreWorkbook, renderScoreWorkbookXlsx } from '../../../templates/xlsx/score-workbook';
import { convertToPdf, sofficeAvailable } from '../../helpers/libreoffice';
import { smallestTextPoints } from '../../helpers/print-size';
import { grid, importContext, members, recusals, requests, round, session } from '../documents/member-fixtures';
import { institution } from './fixtures';

const GENERATED_AT = '2026-10-15T09:30:00.000Z';

async function workbookFor(memberId: string): Promise<Uint8Array> {
  const member = members.find((m) => m.id === memberId)!;
  const { toScore, recused } = partitionByRecusal(memberId, requests, recusals);
  return renderScoreWorkbookXlsx(buildScoreWorkbook({ institution: institution(), round, session, member, grid: grid(), requests: toScore, recused, generatedAt: GENERATED_AT }));
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Opens the workbook, lets `fill` type into the "Punctaje" sheet as a member would, saves it. */
async function filled(bytes: Uint8Array, fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = await load(bytes);
  fill(workbook.getWorksheet('Punctaje')!);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures', name)));

describe('score workbook (XLSX)', () => {
  it('has the point columns with their maximum, data validation 0…max on point cells, a Total formula and locked non-input cells', async () => {
    const workbook = await load(await workbookFor('m2'));
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([['Punctaje', 'visible'], ['Instrucțiuni', 'visible'], ['_meta', 'veryHidden']]);
    const sheet = workbook.getWorksheet('Punctaje')!;
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([
      'ID cerere', 'Nr. cerere', 'Solicitantul', 'A. Experiența organizației', 'B1. Calitatea serviciilor — Personal', 'B2. Calitatea serviciilor — Spații',
      'C. Costuri și beneficiari', 'Total', 'Comentariu',
    ]);
    expect((sheet.getRow(6).values as unknown[]).slice(2)).toEqual(['Punctaj maxim', undefined, 30, 10, 10, 50, 100]);
    expect(sheet.getCell('D7').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 30], showErrorMessage: true });
    expect(sheet.getCell('G8').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 50] });
    expect(sheet.getCell('H7').value).toMatchObject({ formula: 'IF(COUNT(D7:G7)=0,"",SUM(D7:G7))' });
    expect(sheet.getCell('D7').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('I7').protection).toMatchObject({ locked: false });
    expect(sheet.getCell('B7').protection?.locked).not.toBe(false);
    expect(sheet.getColumn(1).hidden).toBe(true);
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it('leaves the recused request out of the rows and of the metadata', async () => {
    const workbook = await load(await workbookFor('m2'));
    const sheet = workbook.getWorksheet('Punctaje')!;
    expect([sheet.getCell('A7').value, sheet.getCell('B7').value, sheet.getCell('A8').value, sheet.getCell('B8').value]).toEqual(['r1', '4/2026', 'r3', '9/2026']);
    expect(sheet.getCell('A9').value).toBeNull();
    const meta = workbook.getWorksheet('_meta')!;
    const requestIds = (meta.getRow(11).values as unknown[]).slice(1);
    expect(requestIds).toEqual(['requestIds', 'r1', 'r3']);
    expect(JSON.stringify(workbook.getWorksheet('Punctaje')!.getSheetValues())).not.toContain('Lumina');
  });

  it('round trip: the member fills cells, the reader and the check give the score sheets to store', async () => {
    const bytes = await filled(await workbookFor('m2'), (sheet) => {
      sheet.getCell('D7').value = 27.5;
      sheet.getCell('E7').value = 8;
      sheet.getCell('F7').value = 7.25;
      sheet.getCell('G7').value = 41;
      sheet.getCell('I7').value = 'Servicii bine documentate.';
      sheet.getCell('D8').value = 12;
    });
    const raw = await readScoreWorkbook(bytes);
    expect(raw.problem).toBeUndefined();
    const result = checkScoreWorkbook(raw, importContext({ expectedMemberId: 'm2', importedAt: '2026-10-21T08:00:00.000Z' }));
    expect(result.problems).toEqual([]);
    expect(result.sheets).toEqual([
      {
        sessionId: 'sesiune-1', roundId: 'runda-2027', memberId: 'm2', requestId: 'r1', gridId: 'grila-test', gridFingerprint: gridFingerprint(grid()),
        points: { A: 27.5, B1: 8, B2: 7.25, C: 41 }, comment: 'Servicii bine documentate.', source: 'import_xlsx', state: 'trimisa', submittedAt: '2026-10-21T08:00:00.000Z', reopenings: [],
      },
      {
        sessionId: 'sesiune-1', roundId: 'runda-2027', memberId: 'm2', requestId: 'r3', gridId: 'grila-test', gridFingerprint: gridFingerprint(grid()),
        points: { A: 12 }, comment: '', source: 'import_xlsx', state: 'ciorna', submittedAt: undefined, reopenings: [],
      },
    ]);
  });

  it('refuses the workbook of another member', async () => {
    const raw = await readScoreWorkbook(await filled(await workbookFor('m3'), (sheet) => (sheet.getCell('D7').value = 10)));
    const { sheets, problems } = checkScoreWorkbook(raw, importContext({ expectedMemberId: 'm1' }));
    expect(sheets).toEqual([]);
    expect(problems.map((p) => p.reason)).toEqual(['Registrul este al membrului Cristina Mureșan, nu al membrului Ana Pop. Importați fișierul completat de Ana Pop.']);
  });

  it('refuses a workbook generated before the grid changed', async () => {
    const raw = await readScoreWorkbook(await filled(await workbookFor('m3'), (sheet) => (sheet.getCell('D7').value = 10)));
    const changed = grid({ criteria: grid().criteria.map((c) => (c.code === 'B' ? { ...c, subcriteria: [{ code: 'B1', title: 'Personal', maxPoints: 12 }, { code: 'B2', title: 'Spații', maxPoints: 8 }] } : c)) });
    const { sheets, problems } = checkScoreWorkbook(raw, importContext({ grid: changed }));
    expect(sheets).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.reason).toMatch(/^Grila „Grilă de test” s-a schimbat \(criterii sau punctaje maxime\) după generarea registrului \(generat la 15\.10\.2026, \d\d:30\)/);
  });

  it('points at an out-of-range value by sheet, row and column, and imports nothing', async () => {
    const raw = await readScoreWorkbook(
      await filled(await workbookFor('m3'), (sheet) => {
        ['D7', 'E7', 'F7', 'G7'].forEach((cell) => (sheet.getCell(cell).value = 5));
        sheet.getCell('G9').value = 55;
      }),
    );
    const { sheets, problems } = checkScoreWorkbook(raw, importContext());
    expect(sheets).toEqual([]);
    expect(problems).toEqual([{ sheet: 'Punctaje', row: 9, column: 'G', value: '55', reason: 'Cererea 9/2026: Criteriul „C”: punctajul trebuie să fie între 0 și 50,00.' }]);
  });

  it('refuses a recused request typed into the sheet', async () => {
    const raw = await readScoreWorkbook(
      await filled(await workbookFor('m2'), (sheet) => {
        sheet.getCell('A9').value = 'r2';
        sheet.getCell('B9').value = '7/2026';
        ['D9', 'E9', 'F9', 'G9'].forEach((cell) => (sheet.getCell(cell).value = 10));
      }),
    );
    const { sheets, problems } = checkScoreWorkbook(raw, importContext());
    expect(sheets).toEqual([]);
    expect(problems).toEqual([
      {
        sheet: 'Punctaje', row: 9, column: 'B', value: '7/2026',
        reason: 'Cererea 7/2026 (Fundația „Lumina” Cluj) nu poate fi punctată de Bogdan Rus: Recuzat: Bogdan Rus are calitatea de fondator al organizației „Fundația «Lumina» Cluj”.',
      },
    ]);
  });

  it('reads a file that is not a workbook, or a workbook that is not one of ours, as a problem without throwing', async () => {
    const corrupt = await readScoreWorkbook(fixture('not-a-workbook.xlsx'));
    expect(corrupt.problem).toMatch(/^Fișierul nu poate fi citit ca registru Excel \(\.xlsx\)/);
    const other = await readScoreWorkbook(fixture('catalog-mixed.xlsx'));
    expect(other.problem).toMatch(/^Fișierul nu este un registru de punctaje generat de aplicație/);
    expect(checkScoreWorkbook(other, importContext()).problems).toHaveLength(1);
  });

  it('converts with LibreOffice: the scores and instructions sheets print with the total computed, the metadata does not', async () => {
    const bytes = await filled(await workbookFor('m2'), (sheet) => {
      sheet.getCell('D7').value = 27.5;
      sheet.getCell('E7').value = 8;
      sheet.getCell('F7').value = 7.25;
      sheet.getCell('G7').value = 41;
      sheet.getCell('I7').value = 'Servicii bine documentate; personal calificat, spații adecvate, costuri justificate.';
    });
    if (!sofficeAvailable()) {
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const pdf = convertToPdf(bytes, 'punctaje-bogdan-rus.xlsx');
    expect(pdf.pageCount).toBe(2);
    expect(pdf.text).toContain('Fișă de evaluare — Bogdan Rus');
    expect(pdf.text).toContain('Asociația „Pâine și Îngrijire”');
    expect(pdf.text).toContain('Instrucțiuni de completare');
    // Points the Romanian way on an English-locale LibreOffice, legible on A4.
    expect(pdf.text).toContain('100 83,75');
    expect(pdf.text).toContain('27,5');
    expect(smallestTextPoints(pdf.pdfPath)).toBeGreaterThanOrEqual(7.95);
    expect(pdf.text).toContain('Servicii bine documentate; personal calificat, spații adecvate, costuri justificate.');
    expect(pdf.text).not.toContain('gridFingerprint');
    expect(pdf.text).not.toContain('Fundația „Lumina” Cluj Punctaj');
  }, 120_000);
});
