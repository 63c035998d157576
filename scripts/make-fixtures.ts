// Writes the import fixtures into test/fixtures/ (see test/fixtures/README.md for what each holds).
// Run: node --experimental-strip-types scripts/make-fixtures.ts
// The tests in test/unit/import/ assert exact row numbers and messages: when a row changes here,
// change the test too. The CUIs and IBANs are invented, with correct (or deliberately wrong) check digits.
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';

const OUT = new URL('../test/fixtures/', import.meta.url);
mkdirSync(OUT, { recursive: true });
const FIXED_DATE = new Date(Date.UTC(2025, 0, 15, 9, 0, 0));
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

type Cell = ExcelJS.CellValue;

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'make-fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Writes rows from `firstRow`; null entries leave a row empty (for the "empty rows" cases). */
function fill(ws: ExcelJS.Worksheet, firstRow: number, rows: (Cell[] | null)[]): void {
  rows.forEach((cells, i) => {
    if (!cells) return;
    const row = ws.getRow(firstRow + i);
    cells.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const cell = row.getCell(c + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd.mm.yyyy';
    });
    row.commit();
  });
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<void> {
  const buffer = await wb.xlsx.writeBuffer();
  writeFileSync(new URL(name, OUT), new Uint8Array(buffer as ArrayBuffer));
  console.log(`scris: test/fixtures/${name}`);
}

// ── catalog-mixed.xlsx ───────────────────────────────────────────────────────────────────────
async function catalogMixed(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('ONG-uri');
  const headers = [
    'Nr. crt.', 'Denumire ONG', 'Forma juridica', 'Cod fiscal', 'Nr. registru', 'Data inscrierii', 'Adresa',
    'Localitatea', 'Judet', 'Telefon', 'Email', 'IBAN', 'Responsabil dosar', 'Obs.',
  ];
  const nr = (n: number): Cell => ({ formula: String(n), result: n }); // formula cells: read as their result
  fill(ws, 1, [
    headers,
    // 2: cedilla ş ţ in the name; registry date as a bare Excel serial (40252 = 15.03.2010).
    [nr(1), 'Asociaţia Şansa pentru Toţi', 'Asociaţie', '14235864', '12/2010', 40252, 'Str. Horea nr. 3', 'Cluj-Napoca', 'Cluj', '0264 123 456', 'contact@sansa.ro', 'RO02BTRL0601205M41234500', 'Ana Pop', null],
    // 3: CUI and phone as number cells (the phone lost its leading zero); date as "dd.mm.yyyy" text; name as rich text.
    [nr(2), { richText: [{ text: 'Fundația ', font: { bold: true } }, { text: 'Speranța Transilvaniei' }] }, 'Fundație', 28741195, '45/2012', '15.03.2012', 'Bd. 21 Decembrie 1989 nr. 10', 'Cluj-Napoca', 'Cluj', 740123456, 'office@speranta.ro', 'RO53RNCB0601205M41234500', 'Ana Pop', null],
    // 4: CUI written "RO 18547290"; registry date as a real date cell; e-mail as a hyperlink cell.
    [nr(3), 'Asociația Casa Soarelui', 'Asociație', 'RO 18547290', '7/2015', utc(2015, 6, 1), 'Str. Memorandumului nr. 21', 'Cluj-Napoca', 'Cluj', null, { text: 'casa.soarelui@yahoo.com', hyperlink: 'mailto:casa.soarelui@yahoo.com' }, 'RO68BRDE0601205M41234500', 'Ion Rus', null],
    // 5: wrong CUI check digit.
    [nr(4), 'Asociația Pași Mici', 'Asociație', '18547291', '3/2016', '2016-04-20', 'Str. Dorobanților nr. 4', 'Cluj-Napoca', 'Cluj', null, null, null, 'Ion Rus', null],
    null, // 6: empty row
    // 7: IBAN with wrong check digits.
    [nr(5), 'Fundaţia Lumina', 'Fundaţie', '33902158', '9/2017', '10.10.2017', 'Str. Fabricii nr. 1', 'Cluj-Napoca', 'Cluj', null, null, 'RO49AAAA1B31007593840001', 'Ana Pop', null],
    // 8: 31 February.
    [nr(6), 'Asociația Vârstnicilor Clujeni', 'Asociație', '11987641', '2/2023', '31.02.2023', 'Str. Moților nr. 40', 'Cluj-Napoca', 'Cluj', null, null, null, 'Ana Pop', null],
    null, // 9: empty row
    // 10: the CUI of row 4 again.
    [nr(7), 'Asociația Casa Soarelui Filiala Dej', 'Asociație', '18547290', '8/2018', '05.05.2018', 'Str. Unirii nr. 2', 'Dej', 'Cluj', null, null, null, 'Ion Rus', null],
    // 11: a CUI the test treats as already in the catalog.
    [nr(8), 'Asociația Prietenii Copiilor', 'Asociație', '30124574', '4/2014', '01.09.2014', 'Str. Observatorului nr. 7', 'Cluj-Napoca', 'Cluj', null, null, null, 'Ana Pop', null],
    // 12: no legal form (inferred from the name: Uniunea → uniune); cedilla ş in the locality.
    [nr(9), 'Uniunea Asociaţiilor Seniorilor', null, '24570017', '1/2019', '02.09.2019', 'Str. Avram Iancu nr. 9', 'Floreşti', 'Cluj', '0364 401 020', null, null, 'Ion Rus', null],
    // 13: four issues in one row: legal form "SRL", no locality, bad phone, bad e-mail.
    [nr(10), 'Asociația Test Multiplu', 'SRL', '26503880', '5/2020', '01.06.2020', 'Str. Teilor nr. 2', null, 'Cluj', '12345', 'contact@', null, 'Ana Pop', null],
    // 14: written without diacritics; date cell.
    [nr(11), 'Fundatia Inima Deschisa', 'fundatie', '31755425', '6/2019', utc(2019, 9, 2), 'Str. Brassai nr. 5', 'Cluj-Napoca', 'Cluj', null, 'inima@deschisa.ro', 'RO88INGB0601205M41234500', 'Ion Rus', 'Dosar complet'],
    // 15: cedilla ţ everywhere.
    [nr(12), 'Federaţia Organizaţiilor pentru Persoane cu Dizabilităţi', 'Federaţie', '22198767', '11/2011', '11.11.2011', 'Calea Turzii nr. 100', 'Cluj-Napoca', 'Cluj', null, null, 'RO26TREZ0601205M41234500', 'Ana Pop', 'Acreditare în curs'],
    // 16: the plainest valid row.
    [nr(13), 'Asociația Zâmbet', 'Asociație', '19876509', '10/2021', '20.12.2021', 'Str. Câmpului nr. 3', 'Cluj-Napoca', 'Cluj', null, null, null, 'Ion Rus', null],
  ]);
  await save(wb, 'catalog-mixed.xlsx');
}

// ── register-mixed.xlsx ──────────────────────────────────────────────────────────────────────
async function registerMixed(): Promise<void> {
  const wb = newWorkbook();
  const help = wb.addWorksheet('Instrucțiuni');
  fill(help, 1, [['Instrucțiuni de completare'], ['Completați câte o unitate pe rând, în foaia „Unități”.'], ['Datele se scriu zz.ll.aaaa.']]);
  const ws = wb.addWorksheet('Unități');
  const headers = ['CUI', 'Furnizor', 'Denumire unitate', 'Cod serviciu', 'Localitate', 'Capacitate (locuri)', 'Tip licență', 'Nr. licență', 'Data licenței', 'Valabilă până la', 'Comentariu intern'];
  // Row 1 is left empty: the header is the first non-empty row (2).
  fill(ws, 2, [
    headers,
    // 3: licence dates as bare Excel serials (44805 = 01.09.2022, 46631 = 01.09.2027).
    ['14235864', 'Asociația Șansa pentru Toți', 'Centrul de zi Ghiocelul', '8891 CZ-C-IV', 'Cluj-Napoca', 30, 'Licență de funcționare', '0010073', 44805, 46631, null],
    // 4: owner CUI written "RO 18547290"; licence dates as text.
    ['RO 18547290', 'Asociația Casa Soarelui', 'Cămin pentru vârstnici Sf. Ana', '8730 CR-V-I', 'Cluj-Napoca', 40, 'funcționare', '1423', '01.07.2022', '01.07.2027', 'verificat'],
    // 5: a service code that is not in the nomenclature.
    ['14235864', 'Asociația Șansa pentru Toți', 'Centrul Curcubeul', '9999 XX-Y', 'Cluj-Napoca', 20, 'Licență de funcționare', '0010080', '01.02.2023', '01.02.2028', null],
    // 6: an owner CUI (valid) that is not in the catalog.
    ['33011227', 'Asociația Necunoscută', 'Centrul Necunoscut', '8891 CZ-C-IV', 'Turda', 15, 'Licență de funcționare', '501', '01.03.2023', '01.03.2028', null],
    // 7: capacity "abc".
    ['18547290', 'Asociația Casa Soarelui', 'Centrul de zi Floarea', '8891 CZ-C-I', 'Cluj-Napoca', 'abc', 'Licență de funcționare', '1424', '01.07.2022', '01.07.2027', null],
    null, // 8: empty row
    // 9: row 3 again (name written in other case, without diacritics).
    ['14235864', 'Asociația Șansa pentru Toți', 'centrul de zi GHIOCELUL', '8891 CZ-C-IV', 'Cluj-Napoca', 30, 'Licență de funcționare', '0010073', 44805, 46631, 'dublură'],
    // 10: a unit the test treats as already in the register; licence dates as date cells.
    ['28741195', 'Fundația Speranța Transilvaniei', 'Locuința protejată Speranța', '8790 CR-LP-I', 'Cluj-Napoca', 6, 'Licență provizorie', '55', utc(2024, 1, 10), utc(2025, 1, 10), null],
    // 11: owner CUI as a number cell, service code in lower case, date cells.
    [28741195, 'Fundația Speranța Transilvaniei', 'Centrul de zi Speranța', '8891 cz-c-iv', 'Cluj-Napoca', 25, 'Licență provizorie', '56', utc(2024, 3, 1), utc(2025, 3, 1), null],
    // 12: expiry before issue.
    ['18547290', 'Asociația Casa Soarelui', 'Centrul respiro Soarele', '8790 CR-D-VI', 'Cluj-Napoca', 8, 'Licență de funcționare', '77', '01.03.2025', '01.03.2024', null],
    // 13: issue date as ISO text, expiry as a serial (46874 = 01.05.2028).
    ['14235864', 'Asociația Șansa pentru Toți', 'Serviciul de îngrijire la domiciliu Șansa', '8810 ID-I', 'Cluj-Napoca', 50, 'Licență de funcționare', '100', '2023-05-01', 46874, null],
  ]);
  wb.addWorksheet('Foaie goală');
  await save(wb, 'register-mixed.xlsx');
}

// ── CSV files ────────────────────────────────────────────────────────────────────────────────

/** Encodes text as windows-1250 (no TextEncoder for it): reverse of the decoder's table. */
function encodeWindows1250(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1250');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  return Uint8Array.from([...text].map((ch) => {
    const byte = table.get(ch);
    if (byte === undefined) throw new Error(`„${ch}” nu există în windows-1250`);
    return byte;
  }));
}

function catalogSemicolon(): void {
  // Older Romanian Excel: windows-1250 (only cedilla ş ţ exist there), ";" and CRLF.
  const lines = [
    'Denumire;Cod fiscal;Localitate;Judeţ;Data înscrierii;Adresă sediu;Observaţii',
    '"Asociaţia Prietenii Bătrânilor";14235864;Cluj-Napoca;Cluj;12.05.2011;"Str. Horea nr. 3; et. 2";',
    'Fundaţia Îngeri Păzitori;28741195;Floreşti;Cluj;2012-09-30;Str. Avram Iancu nr. 5;"Conform ""Legii 34/1998"""',
    'Asociaţia Şoimii;18547291;Turda;Cluj;01.02.2013;;',
  ];
  writeFileSync(new URL('catalog-semicolon.csv', OUT), encodeWindows1250(lines.join('\r\n') + '\r\n'));
  console.log('scris: test/fixtures/catalog-semicolon.csv');
}

function catalogUtf8Bom(): void {
  const lines = [
    'Denumire,CUI,Localitate,Județ,IBAN,Telefon',
    '"Asociația Șansa, filiala Dej",33902158,Dej,Cluj,RO68BRDE0601205M41234500,0264 211 000',
    'Fundația Țara Moților,11987641,Câmpeni,Alba,,',
    ',30124574,Cluj-Napoca,Cluj,,',
  ];
  writeFileSync(new URL('catalog-utf8-bom.csv', OUT), '\uFEFF' + lines.join('\n') + '\n', 'utf8');
  console.log('scris: test/fixtures/catalog-utf8-bom.csv');
}

function notAWorkbook(): void {
  // Deterministic pseudo-random bytes (not a ZIP, not an OLE file).
  let seed = 20250115;
  const bytes = new Uint8Array(2048);
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  bytes[0] = 0x13;
  writeFileSync(new URL('not-a-workbook.xlsx', OUT), bytes);
  console.log('scris: test/fixtures/not-a-workbook.xlsx');
}

await catalogMixed();
await registerMixed();
catalogSemicolon();
catalogUtf8Bom();
notAWorkbook();
