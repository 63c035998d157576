import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from '../../../src/import/csv';
import { ImportFileError } from '../../../src/import/raw-table';
import { fixture } from './helpers';

describe('decodeText', () => {
  it('UTF-8 with and without BOM', () => {
    const text = 'Asociația Șansa';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
  });

  it('falls back to windows-1250 when the bytes are not UTF-8', () => {
    // "Fundaţia Şoimii" in windows-1250: ţ = 0xFE, Ş = 0xAA.
    const bytes = new Uint8Array([...'Funda'].map((c) => c.charCodeAt(0)).concat([0xfe], [...'ia '].map((c) => c.charCodeAt(0)), [0xaa], [...'oimii'].map((c) => c.charCodeAt(0))));
    expect(decodeText(bytes)).toBe('Fundaţia Şoimii');
    const fromFixture = decodeText(fixture('catalog-semicolon.csv'));
    expect(fromFixture).toContain('Asociaţia Prietenii Bătrânilor');
    expect(fromFixture).toContain('Fundaţia Îngeri Păzitori');
    expect(fromFixture).not.toContain('\uFFFD');
  });

  it('UTF-16 with BOM (Excel "Unicode text")', () => {
    const text = 'Denumire\tCUI\r\nAsociația Ț\t14235864';
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(le)).toBe(text);
    expect(parseCsv(decodeText(le)).rows[0]!.cells).toEqual(['Asociația Ț', '14235864']);
  });
});

describe('parseCsv', () => {
  it('detects ; , or tab from the header line, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('Denumire;CUI;Localitate\n"a,b,c,d";1;2')).toBe(';');
    expect(detectDelimiter('Denumire,CUI,Localitate\na;b;c;d;e')).toBe(',');
    expect(detectDelimiter('Denumire\tCUI\n')).toBe('\t');
    expect(detectDelimiter('"Denumire; cu punct și virgulă",CUI\n')).toBe(',');
    expect(detectDelimiter('\n\nDenumire')).toBe(';');
  });

  it('RFC 4180 quotes: doubled quotes, delimiters and line breaks inside quotes; CRLF and LF in one file (line breaks read as LF)', () => {
    const t = parseCsv('Denumire;Observații\r\n"Asociația ""Speranța""";"linia 1\r\nlinia 2; cu ;"\n"x";\n');
    expect(t.headers).toEqual(['Denumire', 'Observații']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: ['Asociația "Speranța"', 'linia 1\nlinia 2; cu ;'] },
      { rowNumber: 3, cells: ['x', null] },
    ]);
  });

  it('strips the BOM, honours an Excel "sep=" line, skips and counts blank rows, pads short rows', () => {
    const t = parseCsv('\uFEFFsep=,\nDenumire,CUI,Localitate\n\nA,1\n,,\nB,2,Dej,extra\n\n\n');
    expect(t.headers).toEqual(['Denumire', 'CUI', 'Localitate', 'Coloana D']);
    expect(t.rows).toEqual([
      { rowNumber: 3, cells: ['A', '1', null, null] },
      { rowNumber: 5, cells: ['B', '2', 'Dej', 'extra'] },
    ]);
    expect(t.emptyRowsSkipped).toBe(2);
    expect(t.sheet).toBe('CSV');
  });

  it('an unterminated quote is an ImportFileError naming the row', () => {
    expect(() => parseCsv('Denumire;CUI\nA;1\n"B;2\nC;3')).toThrow(ImportFileError);
    expect(() => parseCsv('Denumire;CUI\nA;1\n"B;2\nC;3')).toThrow('începând cu rândul 3');
  });

  it('a lone CR ends a line too (old Mac Excel)', () => {
    expect(parseCsv('Denumire;CUI\rA;1\rB;2').rows.map((r) => r.cells)).toEqual([['A', '1'], ['B', '2']]);
  });

  it('a header of a million columns is refused from the header line alone, before the rows are parsed', () => {
    // Row 2 opens a quote it never closes: parsing the rows would fail on it instead.
    const text = `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(',')}\n"1,2\n`;
    expect(() => parseCsv(text)).toThrow(new ImportFileError('Fișierul CSV are mai mult de 200 de coloane, peste limita de 200 de coloane a unui import. Păstrați doar coloanele catalogului sau ale registrului și importați din nou.'));
    expect(() => parseCsv('a,b\n"1,2\n')).toThrow('ghilimele deschise și neînchise, începând cu rândul 2');
  });

  it('a data row wider than 200 columns, more than 100.000 rows, or a cell over 32.767 characters is refused naming the limit', () => {
    expect(() => parseCsv(`A;B\n1;2\n${'x;'.repeat(250)}x\n`)).toThrow('Fișierul CSV are 251 de coloane, peste limita de 200 de coloane');
    const rows = 'Denumire;CUI\n' + 'A;1\n'.repeat(100_001);
    expect(() => parseCsv(rows)).toThrow('Fișierul CSV are peste 100.000 de rânduri cu date, limita unui import.');
    expect(() => parseCsv(`Denumire;Note\nA;${'y'.repeat(32_768)}\n`)).toThrow('Fișierul CSV, rândul 2, coloana B: celula are 32.768 de caractere, peste limita de 32.767 de caractere a unei celule Excel.');
    expect(parseCsv(`Denumire;Note\nA;${'y'.repeat(32_767)}\n`).rows).toHaveLength(1);
  });

  it('control and zero-width characters are removed from the cells; a cell of only those is blank', () => {
    const t = parseCsv('Denumire;CUI;Note\n\u200BAsocia\u00ADția\u0007 Șansa;1423\u200D5864\uFEFF;\u200B\n');
    expect(t.rows[0]!.cells).toEqual(['Asociația Șansa', '14235864', null]);
  });

  it('empty text gives an empty table', () => {
    expect(parseCsv('')).toEqual({ sheet: 'CSV', headers: [], rows: [], emptyRowsSkipped: 0 });
    expect(parseCsv('\r\n ; \r\n')).toEqual({ sheet: 'CSV', headers: [], rows: [], emptyRowsSkipped: 0 });
  });
});
