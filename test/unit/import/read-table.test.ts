import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportFileError, normalizeCell, readTables } from '../../../renderer/io/read-table';
import { fixture } from './helpers';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function fileError(bytes: Uint8Array, name: string): Promise<ImportFileError> {
  const error = await readTables(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('readTables: files that cannot be read', () => {
  it('refuses .xls (and password-protected workbooks) with the advice to save as .xlsx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await fileError(ole, 'lista ONG 2019.xls');
    expect(error.message).toContain('formatul vechi Excel 97-2003 (.xls)');
    expect(error.message).toContain('salvați-l ca „Registru de lucru Excel (*.xlsx)”');
    expect((await fileError(new TextEncoder().encode('ceva'), 'lista.xls')).message).toContain('formatul vechi Excel (.xls)');
  });

  it('a truncated workbook, a ZIP that is not a workbook, an empty file, an unknown type', async () => {
    const good = fixture('catalog-mixed.xlsx');
    expect((await fileError(good.subarray(0, 3000), 'catalog.xlsx')).message).toMatch(/^Fișierul „catalog\.xlsx” nu poate fi citit ca registru Excel \(\.xlsx\): este deteriorat/);
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const notWorkbook = await zip.generateAsync({ type: 'uint8array' });
    expect((await fileError(notWorkbook, 'document.xlsx')).message).toBe('Fișierul „document.xlsx” nu conține nicio foaie de calcul.');
    expect((await fileError(new Uint8Array(), 'gol.csv')).message).toBe('Fișierul „gol.csv” este gol.');
    expect((await fileError(new TextEncoder().encode('x'), 'poza.png')).message).toContain('nu este un tip acceptat');
    expect((await fileError(new Uint8Array([1, 0, 2, 0, 3]), 'date.csv')).message).toContain('nu este un fișier text CSV');
  });

  it('recognises a workbook by its content even when named .csv, and takes the file name from a path', async () => {
    const bytes = await workbookBytes((wb) => wb.addWorksheet('Foaie1').addRow(['Denumire', 'CUI']).commit());
    const tables = await readTables(bytes, 'C:\\Users\\ana\\Desktop\\export.csv');
    expect(tables.map((t) => t.headers)).toEqual([['Denumire', 'CUI']]);
    const error = await fileError(new Uint8Array([9, 9, 9]), '/home/ana/lista.xlsx');
    expect(error.message).toContain('„lista.xlsx”');
  });
});

describe('readTables: workbook contents', () => {
  it('normalises cell values: formulas, rich text, hyperlinks, errors (kept as errors, to be reported), booleans, dates', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Date');
      ws.addRow(['A', 'B', 'C', 'D', 'E', 'F']);
      ws.addRow([
        { formula: '1+1', result: 2 },
        { richText: [{ text: 'Asocia' }, { text: 'ția', font: { italic: true } }] },
        { text: 'site', hyperlink: 'https://exemplu.ro' },
        { error: '#N/A' },
        true,
        new Date(Date.UTC(2024, 2, 15)),
      ]);
    });
    const [t] = await readTables(bytes, 'x.xlsx');
    expect(t!.rows[0]!.cells).toEqual([2, 'Asociația', 'site', { error: '#N/A' }, true, new Date(Date.UTC(2024, 2, 15))]);
  });

  it('normalizeCell handles the exceljs shapes directly', () => {
    expect(normalizeCell({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(normalizeCell({ formula: 'NOW()' })).toEqual({ error: '', formula: 'NOW()' });
    expect(normalizeCell({ formula: 'A1', result: { error: '#REF!' } })).toEqual({ error: '#REF!', formula: 'A1' });
    expect(normalizeCell({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'mailto:ab' })).toBe('ab');
    expect(normalizeCell(Number.NaN)).toBeNull();
    expect(normalizeCell(new Date(Number.NaN))).toBeNull();
    expect(normalizeCell(undefined)).toBeNull();
  });

  it('skips empty and hidden sheets, keeps header-only sheets, names headerless columns, counts only inner empty rows', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Goală');
      const hidden = wb.addWorksheet('Liste', { state: 'hidden' });
      hidden.addRow(['Formă juridică']);
      hidden.addRow(['Asociație']);
      wb.addWorksheet('Doar antet').addRow(['Denumire', 'CUI']);
      const data = wb.addWorksheet('Date');
      data.getCell('B3').value = 'Denumire';
      data.getCell('C3').value = 'CUI';
      data.getCell('B4').value = 'Asociația A';
      data.getCell('D4').value = 'fără antet';
      data.getCell('B7').value = 'Asociația B';
      data.getCell('B9').style = { font: { bold: true } };
      data.getCell('B12').value = '   ';
    });
    const tables = await readTables(bytes, 'x.xlsx');
    expect(tables.map((t) => t.sheet)).toEqual(['Doar antet', 'Date']);
    expect(tables[0]!.rows).toEqual([]);
    const data = tables[1]!;
    expect(data.headers).toEqual(['Coloana A', 'Denumire', 'CUI', 'Coloana D']);
    expect(data.rows).toEqual([
      { rowNumber: 4, cells: [null, 'Asociația A', null, 'fără antet'] },
      { rowNumber: 7, cells: [null, 'Asociația B', null, null] },
    ]);
    expect(data.emptyRowsSkipped).toBe(2);
  });

  it('reads a merged cell in every row it covers', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Unități');
      ws.addRow(['CUI', 'Denumire unitate']);
      ws.addRow(['14235864', 'Centrul A']);
      ws.addRow([null, 'Centrul B']);
      ws.mergeCells('A2:A3');
    });
    const [t] = await readTables(bytes, 'x.xlsx');
    expect(t!.rows.map((r) => r.cells[0])).toEqual(['14235864', '14235864']);
  });
});

describe('readTables: limits', () => {
  /** A small workbook whose sheet declares another extent, as a huge or over-formatted sheet does. */
  async function declaring(ref: string): Promise<Uint8Array> {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Unități & co');
      ws.addRow(['Denumire', 'CUI']);
      ws.addRow(['A', '1']);
    });
    const zip = await JSZip.loadAsync(bytes);
    const path = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(path)!.async('string');
    zip.file(path, xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('a sheet that declares far more rows or columns than the limits is refused before exceljs loads it, naming the sheet', async () => {
    expect((await fileError(await declaring('A1:B1048576'), 'mare.xlsx')).message).toBe(
      'Foaia „Unități & co” se întinde pe 1.048.576 de rânduri, peste limita de 100.000 de rânduri cu date a unui import. Dacă rândurile de la final sunt goale, ștergeți-le în Excel; altfel împărțiți rândurile în mai multe fișiere și importați-le pe rând.',
    );
    expect((await fileError(await declaring('A1:XFD2'), 'lat.xlsx')).message).toMatch(/^Foaia „Unități & co” are 16\.384 de coloane, peste limita de 200 de coloane/);
    // Within the margin the rows themselves decide: this sheet has one data row.
    const [t] = await readTables(await declaring('A1:B150000'), 'ok.xlsx');
    expect(t!.rows).toHaveLength(1);
  });

  it('a workbook over 200 columns with data is refused; the file size limit is stated', async () => {
    const wide = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Lat');
      ws.addRow(Array.from({ length: 201 }, (_, i) => `C${i}`));
      ws.addRow(['x']);
    });
    expect((await fileError(wide, 'lat.xlsx')).message).toMatch(/^Foaia „Lat” are 201 coloane, peste limita de 200 de coloane a unui import\./);
    expect((await fileError(new Uint8Array(60 * 1024 * 1024), 'mare.csv')).message).toMatch(/^Fișierul „mare\.csv” are 60 MiB, peste limita de 50 MiB a unui import\./);
  });
});
